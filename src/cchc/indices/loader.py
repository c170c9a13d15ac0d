"""Load and check index frameworks from YAML or JSON (tải và kiểm tra bộ chỉ số).

A province can encode its own department-level index (Chỉ số CCHC các sở, ban, ngành) in a
YAML file and score it without code. :func:`load_framework` reads the file, builds the
:class:`~cchc.indices.framework.Framework` and runs :func:`check_framework`, which raises
:class:`cchc.errors.FrameworkError` naming the item at fault:

* a parent whose children's maximum points exceed (or fall short of) its own maximum;
* a rule that can give more points than the item's maximum;
* an item listed in ``required_items`` (the items the source names) that the tree lacks;
* a leaf without a rule, or a rule on a parent;
* a source key that the framework does not define (a missing item in ``sources``);
* an item with no source and no assumption note;
* area weights that do not sum to the declared ``weights_total``, or a missing weight;
* bands that overlap or are empty (``min`` not below ``below``);
* an input ``unit`` that does not fit the rule (``direct`` takes points, ``deduction`` counts,
  ``yes_no`` no unit), or a ``%`` item whose full-marks threshold is above 100;
* an item id written as a number (YAML reads ``1.10`` as 1.1: quote it, ``"1.10"``).

A file that cannot be read (missing, not UTF-8, a key given twice, an impossible date) is a
:class:`cchc.errors.DataFileError` naming the file (:class:`FrameworkError` is one).

>>> fw = load_framework({"id": "demo", "name": "Demo", "version": "1", "kind": "example",
...     "assumption": "illustration", "max_points": 3,
...     "areas": [{"id": "1", "name": "A", "max_points": 3, "children": [
...         {"id": "1.1", "name": "a", "max_points": 2, "rule": {"kind": "direct"}},
...         {"id": "1.2", "name": "b", "max_points": 2, "rule": {"kind": "yes_no"}}]}]})
Traceback (most recent call last):
...
cchc.errors.FrameworkError: item 1: children's maximum points add up to 4, over the item's maximum 3
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from cchc._data import bundled_names, load_yaml, read_user_data
from cchc.errors import FrameworkError
from cchc.indices.framework import (
    Aggregation,
    BandsRule,
    DeductionRule,
    DirectRule,
    Framework,
    InputUnit,
    Item,
    ProportionalRule,
    YesNoRule,
)

__all__ = [
    "bundled_frameworks",
    "check_framework",
    "get_framework",
    "load_framework",
    "read_data_file",
]

_DATA = "cchc.indices.data"
_SUFFIXES = (".yaml", ".yml", ".json")


def read_data_file(path: str | Path) -> Any:
    """A user's ``.json``, ``.yaml`` or ``.yml`` file: :func:`cchc._data.read_user_data`."""
    return read_user_data(path)


def load_framework(data: Mapping[str, Any] | str | Path) -> Framework:
    """Build and check a framework from a mapping, or from a YAML / JSON file path.

    Raises:
        FrameworkError: the file cannot be parsed, a field is malformed, or the framework is
            inconsistent; the item at fault is named.
    """
    where: str | None = None
    if isinstance(data, str | Path):
        where = str(data)
        if not Path(data).exists() and str(data) in _bundled_ids():
            raise FrameworkError(
                f"{str(data)!r} is the id of a bundled framework, not a file: "
                f"use get_framework({str(data)!r})",
                source=where,
            )
        raw = read_data_file(data)
    else:
        raw = data
    if not isinstance(raw, Mapping):
        raise FrameworkError("a framework must be a mapping", source=where)
    framework = Framework.from_data(raw, source=where, error=FrameworkError)
    check_framework(framework, source=where)
    return framework


def _choice_points(item: Item) -> list[Decimal] | None:
    """The points a yes/no or banded rule can give; ``None`` for other rules."""
    rule = item.rule
    if isinstance(rule, YesNoRule):
        return [rule.points_yes if rule.points_yes is not None else item.max_points, rule.points_no]
    if isinstance(rule, BandsRule):
        return [b.points for b in rule.bands] + [rule.otherwise]
    return None


def _rule_max(item: Item) -> Decimal:
    choices = _choice_points(item)
    if choices is not None:
        return max(choices)
    if isinstance(item.rule, DeductionRule):
        return max(item.max_points, item.rule.floor)
    return item.max_points


def _rule_min(item: Item) -> Decimal:
    choices = _choice_points(item)
    if choices is not None:
        return min(choices)
    if isinstance(item.rule, DeductionRule):
        return item.rule.floor
    return Decimal(0)


def _check_bands(rule: BandsRule, fail: Callable[[str], FrameworkError]) -> None:
    """Each band non-empty; no two bands sharing a value."""
    for n, band in enumerate(rule.bands, start=1):
        if band.min is not None and band.below is not None and band.min >= band.below:
            raise fail(f"band {n} is empty: min {band.min} is not below {band.below}")
    inf = Decimal("Infinity")
    spans = [
        (-inf if b.min is None else b.min, inf if b.below is None else b.below) for b in rule.bands
    ]
    for n, (lo, hi) in enumerate(spans, start=1):
        for m, (lo2, hi2) in enumerate(spans[n:], start=n + 1):
            if lo < hi2 and lo2 < hi:
                raise fail(f"bands {n} and {m} overlap ([{lo}, {hi}) and [{lo2}, {hi2}))")


def _check_unit(item: Item, fail: Callable[[str], FrameworkError]) -> None:
    """The declared input unit fits the rule kind."""
    rule, unit = item.rule, item.unit
    if unit is None:
        return
    if isinstance(rule, YesNoRule):
        raise fail("a yes/no item takes no unit")
    if isinstance(rule, DirectRule) and unit is not InputUnit.POINTS:
        raise fail(f"a direct item takes points, not unit {unit.value!r}")
    if isinstance(rule, DeductionRule) and unit is not InputUnit.COUNT:
        raise fail(f"a deduction item counts units, not unit {unit.value!r}")
    if isinstance(rule, BandsRule | ProportionalRule) and unit is InputUnit.POINTS:
        raise fail("unit 'points' is only for direct items")
    if (
        isinstance(rule, ProportionalRule)
        and unit is InputUnit.PERCENT
        and rule.full_marks_at > 100
    ):
        raise fail(f"full_marks_at {rule.full_marks_at} is above 100 %: full marks unreachable")


def _check_item(fw: Framework, item: Item, where: str | None) -> None:
    def fail(message: str) -> FrameworkError:
        return FrameworkError(message, item=item.id, source=where)

    if item.children:
        if item.rule is not None:
            raise fail("an item with criteria below it cannot have its own rule")
        if item.unit is not None:
            raise fail("an item with criteria below it takes no input unit")
        total = sum((c.max_points for c in item.children), Decimal(0))
        if total > item.max_points:
            raise fail(
                f"children's maximum points add up to {total}, over the item's maximum "
                f"{item.max_points}"
            )
        if total < item.max_points:
            raise fail(
                f"children's maximum points add up to {total}, short of the item's maximum "
                f"{item.max_points}"
            )
    elif item.rule is None:
        raise fail("leaf item has no scoring rule")
    else:
        top = _rule_max(item)
        if top > item.max_points:
            raise fail(f"rule gives up to {top} points, over the item's maximum {item.max_points}")
        if _rule_min(item) < 0:
            raise fail("rule gives negative points")
        rule = item.rule
        if isinstance(rule, BandsRule):
            _check_bands(rule, fail)
        _check_unit(item, fail)
        if (
            isinstance(rule, ProportionalRule)
            and rule.zero_below is not None
            and rule.zero_below > rule.full_marks_at
        ):
            raise fail("zero_below is above full_marks_at")
    if item.source is not None and item.source not in fw.sources:
        raise fail(f"source {item.source!r} is not defined in the framework's sources")
    if (
        item.source is None
        and item.assumption is None
        and fw.source is None
        and (fw.assumption is None)
    ):
        raise fail("no source and no assumption note: every number must name its origin")


def check_framework(fw: Framework, *, source: str | None = None) -> None:
    """Check a framework's consistency; raise :class:`FrameworkError` naming the item."""
    seen: set[str] = set()
    for item in fw.items():
        if item.id in seen:
            raise FrameworkError("item id used twice", item=item.id, source=source)
        seen.add(item.id)
        _check_item(fw, item, source)
    for required in fw.required_items:
        if required not in seen:
            raise FrameworkError(
                "missing item: the source lists it but the framework does not define it",
                item=required,
                source=source,
            )
    for key in (fw.source, fw.groups_source):
        if key is not None and key not in fw.sources:
            raise FrameworkError(
                f"source {key!r} is not defined in the framework's sources",
                item=fw.id,
                source=source,
            )
    total = sum((a.max_points for a in fw.areas), Decimal(0))
    if fw.max_points is not None and total != fw.max_points:
        raise FrameworkError(
            f"areas' maximum points add up to {total}, not the declared {fw.max_points}",
            item=fw.id,
            source=source,
        )
    if fw.aggregation is Aggregation.WEIGHTED_MEAN:
        for area in fw.areas:
            if area.weight is None:
                raise FrameworkError("area has no weight", item=area.id, source=source)
            if area.max_points == 0:
                raise FrameworkError("weighted area has maximum 0", item=area.id, source=source)
        weights = sum((a.weight or Decimal(0) for a in fw.areas), Decimal(0))
        if weights == 0:
            raise FrameworkError("area weights add up to 0", item=fw.id, source=source)
        if fw.weights_total is not None and weights != fw.weights_total:
            listed = ", ".join(f"{a.id}={a.weight}" for a in fw.areas)
            raise FrameworkError(
                f"area weights add up to {weights}, not the declared {fw.weights_total} ({listed})",
                item=fw.id,
                source=source,
            )
    elif any(a.weight is not None for a in fw.areas):
        area = next(a for a in fw.areas if a.weight is not None)
        raise FrameworkError(
            "weights are only used with aggregation: weighted_mean", item=area.id, source=source
        )


@cache
def _bundled_ids() -> set[str]:
    """The ids of the bundled frameworks: each file is named after its framework's id (a test
    checks it), so no framework is built to answer."""
    return {n.rsplit(".", 1)[0] for n in bundled_names(_DATA, "frameworks", suffixes=_SUFFIXES)}


def bundled_frameworks() -> dict[str, Framework]:
    """The frameworks shipped with cchc, by id (loaded lazily, once)."""
    out: dict[str, Framework] = {}
    for name in bundled_names(_DATA, "frameworks", suffixes=_SUFFIXES):
        fw = load_framework(load_yaml(_DATA, "frameworks", name))
        out[fw.id] = fw
    return out


def get_framework(name: str | Path) -> Framework:
    """A bundled framework by id, or a framework file by path.

    Raises:
        FrameworkError: no bundled framework has that id and no such file exists.
    """
    bundled = bundled_frameworks()
    if isinstance(name, str) and name in bundled:
        return bundled[name]
    path = Path(name)
    if path.is_file():
        return load_framework(path)
    known = ", ".join(sorted(bundled))
    raise FrameworkError(f"no bundled framework or file {str(name)!r} (bundled: {known})")
