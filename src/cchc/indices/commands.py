"""CLI: ``cchc index score FRAMEWORK INPUTS``, ``cchc index frameworks`` and
``cchc index template FRAMEWORK``.

What each takes is said in its ``--help`` (:data:`_SCORE_DESCRIPTION`), in plain words.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from cchc._cli_util import add_force, add_json, print_json, print_table
from cchc._data import write_output
from cchc.errors import DataFileError
from cchc.indices.framework import Framework, Item
from cchc.indices.loader import bundled_frameworks, get_framework, read_data_file
from cchc.indices.scoring import Scorecard, compare, json_number, score

__all__ = ["inputs_template", "read_inputs", "register"]


def _item_keys(items: dict[Any, Any], where: str) -> dict[str, Any]:
    """The inputs with their item ids, refusing ids YAML read as numbers."""
    for key in items:
        if not isinstance(key, str):
            raise DataFileError(
                f"item id {key!r} is not text: quote it (YAML reads 1.10 as the number 1.1, "
                'so write "1.10": 5)',
                item=str(key),
                source=where,
            )
    return dict(items)


def read_inputs(path: str | Path) -> tuple[dict[str, Any], str | None, str | None]:
    """(items, unit, period) from an inputs file.

    Raises:
        DataFileError: the file is missing, unreadable, not UTF-8, not valid YAML / JSON
            (a key twice, an impossible date), not a mapping, or an item id is not text.
    """
    where = str(path)
    data = read_data_file(path)
    if not isinstance(data, dict):
        raise DataFileError("inputs must be a mapping of item id to value", source=where)
    if "items" in data and isinstance(data["items"], dict):
        extra = set(data) - {"items", "unit", "period"}
        if extra:
            raise DataFileError(f"unknown keys {sorted(map(str, extra))}", source=where)
        unit, period = data.get("unit"), data.get("period")
        return (
            _item_keys(data["items"], where),
            None if unit is None else str(unit),
            None if period is None else str(period),
        )
    return _item_keys(data, where), None, None


def _score_file(framework: str, path: str) -> Scorecard:
    fw = get_framework(framework)
    items, unit, period = read_inputs(path)
    return score(fw, items, unit=unit, period=period)


def _print_card(card: Scorecard, top: int) -> None:
    title = " ".join(x for x in (card.framework_id, card.unit or "", card.period or "") if x)
    print(title)
    rows = [
        (a.id, a.name, a.points, a.max_points, "-" if a.percent is None else a.percent)
        for a in card.areas
    ]
    print_table(["area", "name", "points", "max", "%"], rows)
    group = f"  group {card.group}" if card.group else ""
    print(f"total {card.total_points} / {card.max_points}  index {card.index_percent}%{group}")
    lost = card.points_lost(top)
    if lost:
        print("\npoints lost (where to improve):")
        print_table(
            ["item", "name", "lost", "points", "max"],
            [(i.id, i.name, i.lost, i.points, i.max_points) for i in lost],
        )
    if card.missing_evidence:
        print("\nself-assessed items without evidence: " + ", ".join(card.missing_evidence))


def _cmd_score(args: argparse.Namespace) -> int:
    card = _score_file(args.framework, args.inputs)
    before = _score_file(args.framework, args.previous) if args.previous else None
    if args.json:
        out: dict[str, Any] = {"scorecard": card}
        if before is not None:
            out["comparison"] = compare(before, card)
        print_json(out)
        return 0
    _print_card(card, args.top)
    if before is not None:
        cmp = compare(before, card)
        print(f"\nchange: {cmp.index_before}% -> {cmp.index_after}% ({cmp.index_change:+})")
        print_table(
            ["area", "name", "before %", "after %", "change"],
            [(a.id, a.name, a.percent_before, a.percent_after, a.change) for a in cmp.areas],
        )
    return 0


def _cmd_frameworks(args: argparse.Namespace) -> int:
    rows = []
    for fw in bundled_frameworks().values():
        src = fw.sources.get(fw.source) if fw.source else None
        rows.append(
            {
                "id": fw.id,
                "kind": fw.kind,
                "version": fw.version,
                "name": fw.name,
                "max_points": None if fw.max_points is None else json_number(fw.max_points),
                "source": src.cite() if src else (fw.assumption or ""),
            }
        )
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["id", "kind", "version", "source"],
            [(r["id"], r["kind"], r["version"], r["source"]) for r in rows],
        )
    return 0


_SCORE_DESCRIPTION = (
    "Score a unit (chấm điểm chỉ số): FRAMEWORK is a bundled framework id (see 'cchc index "
    "frameworks') or a YAML / JSON framework file; INPUTS is a YAML / JSON file mapping each "
    "scored item id to its value (or to {value, appraised, evidence}), optionally wrapped as "
    "{unit: ..., period: ..., items: {...}}. --previous adds a year-over-year comparison."
)
"""The ``--help`` text: plain words, no reST markup (the module docstring has it)."""


def _hint(item: Item) -> str:
    """What an item expects, for the template's comment."""
    kind = item.rule.kind if item.rule is not None else "direct"
    what = {
        "yes_no": "yes / no",
        "bands": "a value scored by bands",
        "proportional": "a value scored in proportion",
        "deduction": "a count of faults (points taken off)",
        "direct": "the points",
    }[kind]
    unit = f" in {item.unit.value}" if item.unit is not None else ""
    evidence = "; self-assessed: list the evidence" if item.self_assessed else ""
    return f"{what}{unit}, max {item.max_points}{evidence}"


def inputs_template(fw: Framework) -> str:
    """An inputs file (YAML) for ``fw`` with every scored item empty (``null`` = no data)
    and a comment over each naming it and what it expects."""
    lines = [
        f"# Inputs for {fw.id} ({fw.version}): fill each value, then",
        f"#   cchc index score {fw.id} THIS_FILE",
        "# A value left null is 'no data': the item leaves both the points and the maximum.",
        "unit: null",
        "period: null",
        "items:",
    ]
    for item in fw.leaves():
        name = " ".join(item.name.split())
        lines.append(f"  # {item.id} {name}: {_hint(item)}")
        entry = "{value: null, evidence: []}" if item.self_assessed else "{value: null}"
        lines.append(f"  {json.dumps(item.id)}: {entry}")
    return "\n".join(lines) + "\n"


def _cmd_template(args: argparse.Namespace) -> int:
    text = inputs_template(get_framework(args.framework))
    if args.output is None:
        print(text, end="")
        return 0
    write_output(args.output, text, force=args.force)
    return 0


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc index``: ``score`` and ``frameworks``."""
    p = subparsers.add_parser(
        "score",
        help="score a unit against an index framework (chấm điểm chỉ số)",
        description=_SCORE_DESCRIPTION,
    )
    p.add_argument("framework", metavar="FRAMEWORK", help="bundled framework id or file path")
    p.add_argument("inputs", metavar="INPUTS", help="YAML/JSON file of item values")
    p.add_argument("--previous", metavar="INPUTS", help="previous period's inputs to compare")
    p.add_argument("--top", type=int, default=10, help="how many lost-point items to list")
    add_json(p)
    p.set_defaults(handler=_cmd_score)
    f = subparsers.add_parser(
        "frameworks",
        help="list the bundled index frameworks and their sources",
        description="List the bundled index frameworks (bộ chỉ số) with version and source.",
    )
    add_json(f)
    f.set_defaults(handler=_cmd_frameworks)
    t = subparsers.add_parser(
        "template",
        help="write an empty inputs file for a framework (mẫu số liệu đầu vào)",
        description="Write an inputs file for FRAMEWORK with every scored item empty and a "
        "comment naming it, its rule and its maximum; fill it in, then run cchc index score.",
    )
    t.add_argument("framework", metavar="FRAMEWORK", help="bundled framework id or file path")
    t.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_force(t)
    t.set_defaults(handler=_cmd_template)
