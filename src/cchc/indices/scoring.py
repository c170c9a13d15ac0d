"""Score a unit against a framework (chấm điểm) and compare two years.

:func:`score` takes a :class:`~cchc.indices.framework.Framework` and the inputs of one unit for
one period: a mapping from each leaf item's id to its value, or to a mapping with

* ``value``: what the unit reported or self-assessed (điểm tự chấm, a rate, a count, yes/no);
* ``appraised``: the value after appraisal (điểm thẩm định), which wins when given;
* ``evidence``: the evidence documents (tài liệu kiểm chứng) behind a self-assessed item.

A value of ``None`` (or ``{value: null}``) means "no data / not applicable": the item is left
out of both the points and the maximum (as TT 01/2018/TT-VPCP Art 15(4)(b) does for an index
without data). An item absent from the inputs, an input naming no item of the framework, a
mapping without ``value``, an item id that is not text (YAML reads ``1.10:`` as the number
1.1: quote it) and a value off the item's unit (a rate over 100 %, a fractional count) are
errors naming the item: nothing is dropped or capped silently. Both the self-assessed
``value`` and the ``appraised`` value are checked.

Rounding (explicit): each item's points are rounded with the framework's rounding
(``points_places``, default 2 decimals, half-up); area and total points are exact sums of the
rounded item points; area and index percentages are computed from those sums and rounded to
``percent_places`` (default 2, half-up). With ``aggregation: weighted_mean`` the index is
``Σ wᵢ · areaᵢ% / Σ wᵢ`` over the areas that have data.

>>> from cchc.indices.loader import get_framework
>>> fw = get_framework("tt01-agency")
>>> card = score(fw, {"I1": "1.4", "I2": "1.2", "I3": "1.6", "I4": "1.6", "I7": "1.4",
...                   "I5": 1, "I6": 2, "I8": 1, "I9": 1})
>>> card.total_points, card.group
(Decimal('12.2'), 'tốt')
>>> for item in card.points_lost(top=2):
...     print(item.id, item.lost)
I5 1.0
I8 1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any

from pydantic import ConfigDict, Field, PlainSerializer

from cchc._checks import require_instance
from cchc._display import html_table, summary
from cchc._model import CchcModel
from cchc.errors import ValidationError
from cchc.indices.framework import Aggregation, Framework, GroupBasis, Item
from cchc.indices.loader import check_framework, get_framework
from cchc.indices.rules import rule_points
from cchc.legal import Explanation, ExplanationStep, LegalSource

__all__ = [
    "AreaChange",
    "AreaScore",
    "Comparison",
    "ItemChange",
    "ItemScore",
    "Scorecard",
    "compare",
    "explain_scorecard",
    "json_number",
    "score",
]


def json_number(value: Decimal) -> float:
    """A Decimal as a JSON number: the ``float`` whose shortest text has the same digits.
    Points and percentages are rounded to a few places, far within a float's 15 significant
    digits; a value that a float would change is refused, never altered.

    >>> json_number(Decimal("91.80")), json_number(Decimal("12")), json_number(Decimal("-0.5"))
    (91.8, 12.0, -0.5)
    """
    number = float(value)
    if Decimal(repr(number)) != value:
        raise ValidationError(f"{value} has more digits than a JSON number keeps exactly")
    return number


Number = Annotated[Decimal, PlainSerializer(json_number, return_type=float, when_used="json")]
"""An exact Decimal in Python, a JSON number in JSON (schema ``number``)."""


class _Out(CchcModel):
    """Results: Decimals are JSON numbers (``model_dump(mode="json")``, the CLI's ``--json``
    and the web service), exact Decimals in Python."""

    model_config = ConfigDict(frozen=True)


class ItemScore(_Out):
    """Points of one scored (leaf) item."""

    id: str
    name: str
    path: tuple[str, ...] = Field(description="Ids of the area and criteria above the item.")
    max_points: Number = Field(description="Điểm tối đa (0 when left out for lack of data).")
    points: Number = Field(description="Điểm đạt, rounded.")
    lost: Number = Field(description="Điểm bị mất: maximum minus points.")
    value: str | None = Field(description="The value scored (appraised if given), as text.")
    self_value: str | None = Field(description="The self-assessed value (điểm tự chấm).")
    appraised: bool = Field(description="Whether an appraised value (thẩm định) was used.")
    excluded: bool = Field(description="No data: left out of points and maximum.")
    self_assessed: bool
    evidence: tuple[str, ...] = Field(description="Tài liệu kiểm chứng.")
    source: str | None = Field(description="Citation of the item's source.")
    assumption: str | None


class AreaScore(_Out):
    """Totals of one area (lĩnh vực)."""

    id: str
    name: str
    max_points: Number
    points: Number
    percent: Number | None = Field(description="points / max × 100, rounded; None: no data.")
    weight: Number | None


class Scorecard(_Out):
    """The result of :func:`score`: points per item, totals per area, the index."""

    framework_id: str
    framework_version: str
    unit: str | None = None
    period: str | None = None
    items: tuple[ItemScore, ...]
    areas: tuple[AreaScore, ...]
    total_points: Number
    max_points: Number
    index_percent: Number = Field(description="The index in %, rounded.")
    group: str | None = Field(description="Result group / band (nhóm, xếp loại).")
    missing_evidence: tuple[str, ...] = Field(
        description="Self-assessed items scored above 0 without any evidence document."
    )

    def __repr__(self) -> str:
        """The index, its group and the areas in a few lines, never every item."""
        head = f"Scorecard {self.framework_id} {self.framework_version}"
        lines: list[tuple[str, object]] = [
            ("unit", self.unit or "-"),
            ("period", self.period or "-"),
            ("index", f"{self.index_percent}% ({self.total_points}/{self.max_points})"),
            ("group", self.group or "-"),
        ]
        lines += [(f"area {a.id}", f"{a.points}/{a.max_points}") for a in self.areas[:8]]
        if len(self.areas) > 8:
            lines.append(("areas", f"… {len(self.areas) - 8} more"))
        return summary(head, lines)

    def _repr_html_(self) -> str:
        """The areas as a small HTML table (for notebooks)."""
        rows = [[a.id, a.name, a.points, a.max_points, a.percent] for a in self.areas]
        caption = f"{self.framework_id} {self.unit or ''} {self.period or ''}: "
        return html_table(
            ["id", "area", "points", "max_points", "percent"],
            rows,
            caption=caption + f"{self.index_percent}%",
        )

    def item(self, item_id: str) -> ItemScore:
        """The score of one item (ValidationError if unknown)."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise ValidationError("no such item in the scorecard", item=item_id)

    def area(self, area_id: str) -> AreaScore:
        """The totals of one area (ValidationError if unknown)."""
        for area in self.areas:
            if area.id == area_id:
                return area
        raise ValidationError("no such area in the scorecard", item=area_id)

    def subtotal(self, item_id: str) -> tuple[Decimal, Decimal]:
        """(points, max) of any criterion: the sum over the leaves at or below it."""
        rows = [i for i in self.items if i.id == item_id or item_id in i.path]
        if not rows:
            raise ValidationError("no such item in the scorecard", item=item_id)
        return (
            sum((i.points for i in rows), Decimal(0)),
            sum((i.max_points for i in rows), Decimal(0)),
        )

    def explain(self, framework: Framework | None = None, *, top: int = 5) -> Explanation:
        """How the points were obtained: areas, the items that lost most, the total and
        group, each step citing the framework's registry sources. ``framework`` defaults
        to the bundled framework of this card's id (built on request)."""
        return explain_scorecard(self, framework, top=top)

    def points_lost(self, top: int | None = None) -> list[ItemScore]:
        """Items that lost points, most lost first (where to improve)."""
        order = {it.id: n for n, it in enumerate(self.items)}
        lost = [i for i in self.items if i.lost > 0]
        lost.sort(key=lambda i: (-i.lost, order[i.id]))
        return lost if top is None else lost[:top]


def _split(raw: object) -> tuple[object, object, tuple[str, ...], bool]:
    """(self value, appraised value, evidence, has appraised) from one input entry."""
    if isinstance(raw, Mapping):
        extra = set(raw) - {"value", "appraised", "evidence", "note"}
        if extra:
            raise ValueError(f"unknown input keys {sorted(map(str, extra))}")
        if "value" not in raw:
            raise ValueError("an input mapping needs 'value' (value: null means no data)")
        evidence = raw.get("evidence") or ()
        if isinstance(evidence, str):
            evidence = (evidence,)
        elif not isinstance(evidence, list | tuple):
            raise ValueError("evidence must be a document name or a list of them")
        return (
            raw.get("value"),
            raw.get("appraised"),
            tuple(str(e) for e in evidence),
            ("appraised" in raw and raw.get("appraised") is not None),
        )
    return raw, None, (), False


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _score_leaf(fw: Framework, leaf: Item, path: tuple[str, ...], raw: object) -> ItemScore:
    try:
        self_value, appraised, evidence, has_appraised = _split(raw)
    except ValueError as exc:
        raise ValidationError(str(exc), item=leaf.id) from exc
    self_points = None if self_value is None else rule_points(leaf, self_value, field="value")
    used = appraised if has_appraised else self_value
    source = fw.source_of(leaf)
    if used is None:
        max_points = points = Decimal(0)
        excluded = True
    else:
        max_points = leaf.max_points
        exact = rule_points(leaf, used, field="appraised") if has_appraised else self_points
        points = fw.rounding.points(exact if exact is not None else Decimal(0))
        excluded = False
    return ItemScore(
        id=leaf.id,
        name=leaf.name,
        path=path,
        max_points=max_points,
        points=points,
        lost=max_points - points,
        value=_text(used),
        self_value=_text(self_value),
        appraised=has_appraised,
        excluded=excluded,
        self_assessed=leaf.self_assessed,
        evidence=evidence,
        source=source.cite() if source else None,
        assumption=leaf.assumption,
    )


def _leaves_with_path(item: Item, path: tuple[str, ...]) -> list[tuple[Item, tuple[str, ...]]]:
    if not item.children:
        return [(item, path)]
    out: list[tuple[Item, tuple[str, ...]]] = []
    for child in item.children:
        out.extend(_leaves_with_path(child, (*path, item.id)))
    return out


def score(
    framework: Framework,
    inputs: Mapping[str, Any],
    *,
    unit: str | None = None,
    period: str | None = None,
) -> Scorecard:
    """Score one unit's inputs against ``framework``.

    Raises:
        FrameworkError: the framework itself is inconsistent.
        ValidationError: an input is missing, unknown or does not fit its item's rule;
            ``framework`` is not a Framework or ``inputs`` not a mapping.
    """
    require_instance(framework, Framework, field="framework")
    require_instance(inputs, Mapping, field="inputs")
    check_framework(framework)
    leaves = [lp for area in framework.areas for lp in _leaves_with_path(area, ())]
    known = {leaf.id for leaf, _ in leaves}
    for key in inputs:
        if not isinstance(key, str):
            raise ValidationError(
                f"item id {key!r} is not text: quote it (YAML reads 1.10 as the number 1.1)",
                item=str(key),
            )
        if key not in known:
            raise ValidationError("input names no scored item of the framework", item=str(key))
    items: list[ItemScore] = []
    for leaf, path in leaves:
        if leaf.id not in inputs:
            raise ValidationError("no input for this item (use null for 'no data')", item=leaf.id)
        items.append(_score_leaf(framework, leaf, path, inputs[leaf.id]))
    rnd = framework.rounding
    areas: list[AreaScore] = []
    fractions: list[tuple[Decimal, Decimal]] = []
    for area in framework.areas:
        rows = [i for i in items if i.id == area.id or (i.path and i.path[0] == area.id)]
        pts = sum((i.points for i in rows), Decimal(0))
        mx = sum((i.max_points for i in rows), Decimal(0))
        percent = rnd.percent(pts / mx * 100) if mx else None
        if mx and area.weight is not None:
            fractions.append((area.weight, pts / mx))
        areas.append(
            AreaScore(
                id=area.id,
                name=area.name,
                max_points=mx,
                points=pts,
                percent=percent,
                weight=area.weight,
            )
        )
    total = sum((a.points for a in areas), Decimal(0))
    maximum = sum((a.max_points for a in areas), Decimal(0))
    if framework.aggregation is Aggregation.WEIGHTED_MEAN:
        weights = sum((w for w, _ in fractions), Decimal(0))
        raw_index = (
            sum((w * f for w, f in fractions), Decimal(0)) * 100 / weights
            if weights
            else Decimal(0)
        )
    else:
        raw_index = total / maximum * 100 if maximum else Decimal(0)
    index = rnd.percent(raw_index)
    basis = total if framework.group_basis is GroupBasis.POINTS else index
    missing = tuple(i.id for i in items if i.self_assessed and i.points > 0 and not i.evidence)
    return Scorecard(
        framework_id=framework.id,
        framework_version=framework.version,
        unit=unit,
        period=period,
        items=tuple(items),
        areas=tuple(areas),
        total_points=total,
        max_points=maximum,
        index_percent=index,
        group=framework.group_for(basis) if framework.groups else None,
        missing_evidence=missing,
    )


class _PointsChange(_Out):
    """An area or item: its points in the previous period and in the current one."""

    id: str
    name: str
    points_before: Number
    points_after: Number


class AreaChange(_PointsChange):
    """One area, previous period against current."""

    percent_before: Number | None
    percent_after: Number | None
    change: Number | None = Field(description="Percentage points gained (negative: lost).")


class ItemChange(_PointsChange):
    """One item, previous period against current."""

    change: Number


class Comparison(_Out):
    """Year-over-year comparison (so sánh với năm trước) of two scorecards."""

    framework_id: str
    period_before: str | None
    period_after: str | None
    index_before: Number
    index_after: Number
    index_change: Number
    areas: tuple[AreaChange, ...]
    items: tuple[ItemChange, ...] = Field(description="Changed items, biggest drop first.")


def compare(previous: Scorecard, current: Scorecard) -> Comparison:
    """Compare two scorecards of the same framework (previous period first).

    Raises:
        ValidationError: the scorecards come from different frameworks.
    """
    if previous.framework_id != current.framework_id:
        raise ValidationError(
            f"cannot compare {previous.framework_id!r} with {current.framework_id!r}"
        )
    before = {a.id: a for a in previous.areas}
    areas = []
    for a in current.areas:
        b = before[a.id]
        change = a.percent - b.percent if a.percent is not None and b.percent is not None else None
        areas.append(
            AreaChange(
                id=a.id,
                name=a.name,
                points_before=b.points,
                points_after=a.points,
                percent_before=b.percent,
                percent_after=a.percent,
                change=change,
            )
        )
    old = {i.id: i for i in previous.items}
    changes = [
        ItemChange(
            id=i.id,
            name=i.name,
            points_before=old[i.id].points,
            points_after=i.points,
            change=i.points - old[i.id].points,
        )
        for i in current.items
        if i.id in old and i.points != old[i.id].points
    ]
    changes.sort(key=lambda c: c.change)
    return Comparison(
        framework_id=current.framework_id,
        period_before=previous.period,
        period_after=current.period,
        index_before=previous.index_percent,
        index_after=current.index_percent,
        index_change=current.index_percent - previous.index_percent,
        areas=tuple(areas),
        items=tuple(changes),
    )


# --- how a scorecard was obtained (giải trình kết quả chấm điểm) ---------------------
# Scorecard.explain lists, in order: the framework and its source, each area's points, the
# items that lost most points (with the value scored, whether it was appraised, and any
# assumption behind the item's numbers), and the total, index and result group with the
# source of the groups.


def _cited(framework: Framework, *keys: str | None) -> tuple[LegalSource, ...]:
    return tuple(framework.sources[k] for k in dict.fromkeys(keys) if k in framework.sources)


def explain_scorecard(
    card: Scorecard, framework: Framework | None = None, *, top: int = 5
) -> Explanation:
    """Ordered steps of ``card``; ``framework`` defaults to the bundled one of that id."""
    fw = framework if framework is not None else get_framework(card.framework_id)
    items = {it.id: it for it in fw.items()}
    unit = f" cho {card.unit}" if card.unit else ""
    unit_en = f" for {card.unit}" if card.unit else ""
    steps = [
        ExplanationStep(
            f"Chấm điểm{unit} theo {fw.name} (phiên bản {fw.version}).",
            f"Scored{unit_en} with {fw.name} (version {fw.version}).",
            _cited(fw, fw.source),
        )
    ]
    for area in card.areas:
        leaves = [s for s in card.items if s.path and s.path[0] == area.id]
        percent = "không có số liệu" if area.percent is None else f"{area.percent}%"
        steps.append(
            ExplanationStep(
                f"Lĩnh vực {area.id} {area.name}: {area.points}/{area.max_points} điểm "
                f"({percent}).",
                f"Area {area.id} {area.name}: {area.points}/{area.max_points} points "
                f"({'no data' if area.percent is None else f'{area.percent}%'}).",
                _cited(fw, *(items[s.id].source for s in leaves if s.id in items)),
            )
        )
    for lost in card.points_lost(top):
        how = "giá trị thẩm định" if lost.appraised else "giá trị tự đánh giá"
        how_en = "appraised value" if lost.appraised else "self-assessed value"
        assumption = (lost.assumption or "").rstrip(".")
        note = f" Giả định: {assumption}." if assumption else ""
        note_en = f" Assumption: {assumption}." if assumption else ""
        item = items.get(lost.id)
        steps.append(
            ExplanationStep(
                f"Tiêu chí {lost.id} {lost.name} mất {lost.lost} điểm ({how}: {lost.value}).{note}",
                f"Item {lost.id} {lost.name} lost {lost.lost} points ({how_en}: "
                f"{lost.value}).{note_en}",
                _cited(fw, item.source if item is not None else None),
            )
        )
    group = f", xếp nhóm {card.group}" if card.group else ""
    group_en = f", group {card.group}" if card.group else ""
    steps.append(
        ExplanationStep(
            f"Tổng điểm {card.total_points}/{card.max_points}, chỉ số {card.index_percent}%"
            f"{group}.",
            f"Total {card.total_points}/{card.max_points}, index {card.index_percent}%{group_en}.",
            _cited(fw, fw.groups_source or fw.source),
        )
    )
    return Explanation("Kết quả chấm điểm", "Scorecard", tuple(steps))
