"""Issue 19 C (a newcomer's first hour with the indices): scorecards rank as they are,
a bundled id given to ``load_framework`` points to ``get_framework``, JSON carries numbers,
and ``cchc index template`` writes an input skeleton that scores once filled in."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cchc.cli import main
from cchc.errors import DataFileError, FrameworkError, ValidationError
from cchc.indices import rank
from cchc.indices.framework import Framework
from cchc.indices.loader import bundled_frameworks, get_framework, load_framework
from cchc.indices.scoring import Scorecard, json_number, score

TT01_FULL = {"I1": 2, "I2": 2, "I3": 2, "I4": 2, "I7": 2, "I5": 1, "I6": 2, "I8": 1, "I9": 1}


def _cards() -> list[Scorecard]:
    fw = get_framework("tt01-agency")
    return [
        score(fw, {**TT01_FULL, "I1": "1.4"}, unit="Sở Tư pháp"),
        score(fw, TT01_FULL, unit="Sở Y tế"),
        score(fw, {**TT01_FULL, "I5": 0, "I8": 0}, unit="Sở Nội vụ"),
    ]


def test_rank_a_list_of_scorecards_by_their_index_keeping_their_group() -> None:
    cards = _cards()
    rows = rank(cards)
    assert [r.unit for r in rows] == ["Sở Y tế", "Sở Tư pháp", "Sở Nội vụ"]
    by_unit = {c.unit: c for c in cards}
    for row in rows:
        assert row.score == by_unit[row.unit].index_percent
        assert row.group == by_unit[row.unit].group


def test_rank_scorecards_from_an_iterator_a_mapping_and_against_numbers() -> None:
    cards = _cards()
    assert [r.unit for r in rank(iter(cards))] == [r.unit for r in rank(cards)]
    mapping = {"A": cards[0], "B": cards[1]}
    assert [r.unit for r in rank(mapping)] == ["B", "A"]
    # the previous year may be plain numbers; a group function overrides the cards' groups
    rows = rank(cards, previous={"Sở Y tế": "50"}, group=lambda s: "hi" if s > 80 else "lo")
    top = rows[0]
    assert (top.unit, top.previous_score, top.group) == ("Sở Y tế", Decimal(50), "hi")
    assert top.score_change == cards[1].index_percent - 50


def test_rank_refuses_a_card_without_unit_and_other_objects() -> None:
    fw = get_framework("tt01-agency")
    with pytest.raises(ValidationError, match="without a unit"):
        rank([score(fw, TT01_FULL)])
    with pytest.raises(ValidationError, match="expected a mapping"):
        rank([Decimal(1)])  # type: ignore[list-item]


@pytest.mark.parametrize("name", sorted(bundled_frameworks()))
def test_load_framework_given_a_bundled_id_points_to_get_framework(name: str) -> None:
    with pytest.raises(FrameworkError, match=rf"use get_framework\('{name}'\)"):
        load_framework(name)


def test_load_framework_of_an_unknown_name_is_still_a_file_error() -> None:
    with pytest.raises(DataFileError, match="unknown file type"):
        load_framework("no-such-framework")


def test_bundled_files_are_named_after_their_framework_id() -> None:
    # _bundled_ids reads the file names; this keeps them equal to the ids inside.
    from importlib import resources

    folder = resources.files("cchc.indices.data").joinpath("frameworks")
    stems = {e.name.rsplit(".", 1)[0] for e in folder.iterdir() if e.name.endswith(".yaml")}
    assert stems == set(bundled_frameworks())


def _decimal_strings(value: object, path: str = "") -> list[str]:
    """Paths of JSON strings that look like numbers (a Decimal dumped as text)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _decimal_strings(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for n, v in enumerate(value) for p in _decimal_strings(v, f"{path}[{n}]")]
    if isinstance(value, str):
        try:
            Decimal(value)
        except ArithmeticError:
            return []
        return [path]
    return []


@pytest.mark.parametrize("name", sorted(bundled_frameworks()))
def test_every_points_field_of_a_scorecard_is_a_json_number(name: str, tmp_path: Path) -> None:
    out = tmp_path / "inputs.yaml"
    assert main(["index", "template", name, "-o", str(out)]) == 0
    raw = yaml.safe_load(out.read_text(encoding="utf-8"))
    fw = get_framework(name)
    card = score(fw, _filled(fw, raw["items"]))
    data = json.loads(card.model_dump_json())
    # item ids (also in path / missing_evidence) and the value texts are text by design;
    # no points field is
    numeric_text = [
        p
        for p in _decimal_strings(data)
        if not p.endswith((".value", ".self_value", ".id"))
        and ".path[" not in p
        and not p.startswith(".missing_evidence[")
    ]
    assert numeric_text == []
    assert isinstance(data["total_points"], float)
    assert type(card).model_validate(data) == card


def _filled(fw: Framework, items: dict[str, object]) -> dict[str, object]:
    """A template's items, each empty value set to a value its rule takes (no / 1)."""
    rules = {i.id: i.rule for i in fw.leaves()}
    out: dict[str, object] = {}
    for key, entry in items.items():
        assert isinstance(entry, dict) and entry["value"] is None
        rule = rules[key]
        out[key] = False if rule is not None and rule.kind == "yes_no" else 1
    return out


def test_json_number_refuses_to_alter_a_value() -> None:
    assert json_number(Decimal("95.71")) == 95.71
    with pytest.raises(ValidationError, match="more digits"):
        json_number(Decimal("0.12345678901234567890"))


def test_template_writes_every_scored_item_with_its_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", "template", "tt01-agency"]) == 0
    raw = yaml.safe_load(capsys.readouterr().out)
    fw = get_framework("tt01-agency")
    assert set(raw["items"]) == {i.id for i in fw.leaves()}
    assert {"unit", "period", "items"} <= set(raw)
    # an unfilled template scores as "no data" everywhere: nothing is invented
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert main(["index", "score", "tt01-agency", str(path), "--json"]) == 0
    card = json.loads(capsys.readouterr().out)["scorecard"]
    assert card["max_points"] == 0 and all(i["excluded"] for i in card["items"])
    # -o refuses to overwrite without --force
    assert main(["index", "template", "tt01-agency", "-o", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["index", "template", "tt01-agency", "-o", str(path), "--force"]) == 0


def test_template_of_an_unknown_framework_is_a_cli_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["index", "template", "no-such"]) == 2
    assert "no bundled framework" in capsys.readouterr().err
