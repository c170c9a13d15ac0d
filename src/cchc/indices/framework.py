"""Index frameworks as data: areas → criteria → sub-criteria (lĩnh vực → tiêu chí → TCTP).

A framework is a tree of items. Top-level items are the areas (lĩnh vực); below them are
criteria (tiêu chí) and sub-criteria (tiêu chí thành phần) to any depth. Every item has a
maximum number of points (điểm tối đa). Every leaf has a scoring rule:

``direct``
    the points are given directly (self-assessed or appraised, điểm tự chấm / thẩm định),
    between 0 and the maximum;
``yes_no``
    ``points_yes`` (default: the maximum) when the input is true, ``points_no`` (default 0)
    otherwise (có / không);
``bands``
    the first band whose ``min`` (inclusive) and ``below`` (exclusive) contain the input gives
    the points (e.g. ≥ 100 % → 2, 80–<100 % → 1); no band → ``otherwise`` (default 0);
``proportional``
    ``max × min(value / full_marks_at, 1)``; below ``zero_below`` the item gets 0
    (e.g. 86.5 % with full marks at 90 % → 86.5 / 90 × 6 = 5.77);
``deduction``
    start from the maximum and take off ``per_unit`` for each counted unit (điểm trừ),
    never below ``floor`` (default 0).

Each leaf may declare the ``unit`` of its input (đơn vị của số liệu đầu vào), which the input
must fit (an input off its range is a :class:`cchc.errors.ValidationError` naming the item and
field, never silently capped):

``"%"``
    a rate in percent, 0 to 100 (a bands or proportional item);
``count``
    a whole number ≥ 0 (số lượng: late reports, violations...); the default, and the only
    unit allowed, for ``deduction`` items;
``number``
    any number ≥ 0 (the default for bands and proportional items);
``points``
    points between 0 and the item's maximum (the default, and the only unit, of ``direct``).

``yes_no`` items take no unit. Bands must not overlap and none may be empty (``min < below``).

Areas may carry a ``weight``; with ``aggregation: weighted_mean`` the index is the weighted
mean of the area percentages (the PCI), with ``aggregation: sum`` (default) it is total points
over maximum points × 100 (the PAR INDEX convention, "quy về thang điểm 100, đơn vị tính là %").

Each number must say where it comes from: an item (or the framework as a whole) names a
``source`` (a key of the framework's ``sources``) or carries an ``assumption`` note. The file
is loaded with :func:`cchc.indices.loader.load_framework`, which checks the whole tree and
raises :class:`cchc.errors.FrameworkError` naming the faulty item.
"""

from __future__ import annotations

import enum
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Annotated, Literal

from pydantic import Field

from cchc._display import clip, html_table, summary
from cchc._model import CchcRecord
from cchc.legal import LegalSource, RuleVersion, SourceRef

__all__ = [
    "Aggregation",
    "Band",
    "BandsRule",
    "DeductionRule",
    "DirectRule",
    "Framework",
    "GroupBasis",
    "InputUnit",
    "Item",
    "ProportionalRule",
    "ResultGroup",
    "Rounding",
    "RoundingMode",
    "Rule",
    "YesNoRule",
]


class RoundingMode(enum.StrEnum):
    """How a Decimal is rounded (làm tròn)."""

    HALF_UP = "half_up"
    """Round half away from zero: 5.7666 → 5.77, 0.125 → 0.13 (the usual school rule)."""
    HALF_EVEN = "half_even"
    """Banker's rounding: 0.125 → 0.12."""
    DOWN = "down"
    """Truncate toward zero: 5.7699 → 5.76."""

    @property
    def decimal_mode(self) -> str:
        """The :mod:`decimal` rounding constant."""
        return {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "down": ROUND_DOWN}[
            self.value
        ]


class Rounding(CchcRecord):
    """Explicit rounding of a framework (quy tắc làm tròn).

    Item points are rounded to ``points_places`` decimals; area and framework totals are exact
    sums of the rounded item points; percentages (area and index) are rounded to
    ``percent_places`` decimals. All with ``mode``.
    """

    points_places: int = Field(default=2, ge=0, le=6, description="Decimals kept for points.")
    percent_places: int = Field(default=2, ge=0, le=6, description="Decimals kept for %.")
    mode: RoundingMode = Field(default=RoundingMode.HALF_UP, description="Rounding mode.")

    def points(self, value: Decimal) -> Decimal:
        """Round a number of points."""
        return value.quantize(Decimal(1).scaleb(-self.points_places), self.mode.decimal_mode)

    def percent(self, value: Decimal) -> Decimal:
        """Round a percentage."""
        return value.quantize(Decimal(1).scaleb(-self.percent_places), self.mode.decimal_mode)


class InputUnit(enum.StrEnum):
    """Unit of a leaf item's input value (đơn vị của số liệu đầu vào)."""

    PERCENT = "%"
    """A rate in percent (tỷ lệ %), 0 to 100."""
    COUNT = "count"
    """A whole number ≥ 0 (số lượng)."""
    NUMBER = "number"
    """Any number ≥ 0."""
    POINTS = "points"
    """Points between 0 and the item's maximum (điểm)."""


class DirectRule(CchcRecord):
    """Points given directly (điểm tự chấm / điểm thẩm định), 0 to the maximum."""

    kind: Literal["direct"] = "direct"


class YesNoRule(CchcRecord):
    """Yes / no item (có / không)."""

    kind: Literal["yes_no"] = "yes_no"
    points_yes: Decimal | None = Field(default=None, description="Points for yes; default max.")
    points_no: Decimal = Field(default=Decimal(0), description="Points for no.")


class Band(CchcRecord):
    """One band: ``min <= value < below`` gives ``points``."""

    min: Decimal | None = Field(default=None, description="Lowest value of the band (inclusive).")
    below: Decimal | None = Field(default=None, description="Upper bound (exclusive).")
    points: Decimal = Field(description="Points awarded in this band.")

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` falls in this band."""
        return (self.min is None or value >= self.min) and (
            self.below is None or value < self.below
        )


class BandsRule(CchcRecord):
    """Bands (mức điểm theo khoảng): the first band that contains the value wins."""

    kind: Literal["bands"] = "bands"
    bands: tuple[Band, ...] = Field(min_length=1)
    otherwise: Decimal = Field(default=Decimal(0), description="Points when no band matches.")


class ProportionalRule(CchcRecord):
    """Points proportional to a rate, full marks from a threshold (ngưỡng đạt điểm tối đa)."""

    kind: Literal["proportional"] = "proportional"
    full_marks_at: Decimal = Field(
        default=Decimal(100), gt=0, description="Value from which the item gets full marks."
    )
    zero_below: Decimal | None = Field(
        default=None, description="Below this value the item gets 0 points."
    )


class DeductionRule(CchcRecord):
    """Deductions (điểm trừ): maximum minus ``per_unit`` per counted unit, not below ``floor``."""

    kind: Literal["deduction"] = "deduction"
    per_unit: Decimal = Field(gt=0, description="Points taken off per unit (per late report...).")
    floor: Decimal = Field(default=Decimal(0), description="Lowest possible points.")


Rule = Annotated[
    DirectRule | YesNoRule | BandsRule | ProportionalRule | DeductionRule,
    Field(discriminator="kind"),
]


class Item(CchcRecord):
    """An area, criterion or sub-criterion (lĩnh vực, tiêu chí, tiêu chí thành phần)."""

    id: str = Field(min_length=1, description="Identifier, unique in the framework ('2.1.3').")
    name: str = Field(description="Tên (name), Vietnamese as in the source.")
    max_points: Decimal = Field(ge=0, description="Điểm tối đa (maximum points).")
    weight: Decimal | None = Field(
        default=None, ge=0, description="Trọng số of an area (weighted_mean frameworks)."
    )
    rule: Rule | None = Field(default=None, description="Scoring rule; leaves only.")
    unit: InputUnit | None = Field(
        default=None,
        description="Đơn vị của số liệu đầu vào: '%' (0-100), count (whole ≥ 0), number (≥ 0) "
        "or points (0-max); default from the rule kind (see input_unit).",
    )
    self_assessed: bool = Field(
        default=False,
        description="Tự đánh giá: scored by the unit itself, backed by evidence documents.",
    )
    source: str | None = Field(default=None, description="Key of the framework's sources.")
    assumption: str | None = Field(
        default=None, description="Why this number is an assumption, when no source gives it."
    )
    note: str | None = Field(default=None, description="Free remark (input unit, formula...).")
    children: tuple[Item, ...] = Field(default=(), description="Criteria / sub-criteria.")

    def input_unit(self) -> InputUnit | None:
        """The declared unit, else the rule's default (None for yes/no items and parents)."""
        if self.unit is not None:
            return self.unit
        if isinstance(self.rule, DirectRule):
            return InputUnit.POINTS
        if isinstance(self.rule, DeductionRule):
            return InputUnit.COUNT
        if isinstance(self.rule, BandsRule | ProportionalRule):
            return InputUnit.NUMBER
        return None

    def walk(self) -> list[Item]:
        """This item and all its descendants, depth first."""
        out: list[Item] = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def leaves(self) -> list[Item]:
        """The leaf items under (or equal to) this item."""
        return [i for i in self.walk() if not i.children]


class Aggregation(enum.StrEnum):
    """How area scores become the index."""

    SUM = "sum"
    """Total points / maximum points × 100 (Chỉ số CCHC)."""
    WEIGHTED_MEAN = "weighted_mean"
    """Σ weight × area % / Σ weight (PCI composite)."""


class GroupBasis(enum.StrEnum):
    """What result-group thresholds are compared with."""

    PERCENT = "percent"
    POINTS = "points"


class ResultGroup(CchcRecord):
    """A result group or band (nhóm, xếp loại): from ``min`` (inclusive) upward."""

    label: str = Field(description="Label, e.g. 'A', 'tốt'.")
    min: Decimal = Field(description="Lowest value of the group (inclusive).")
    description: str | None = None


class Framework(CchcRecord):
    """An index framework (bộ chỉ số / bộ tiêu chí) with its version and sources."""

    id: str = Field(min_length=1, description="Short identifier, e.g. 'pci-2013'.")
    name: str = Field(description="Tên bộ chỉ số.")
    version: str = Field(description="Version label (decision number, year...).")
    kind: Literal["official", "secondary", "example"] = Field(
        description="official: from the text itself; secondary: from a secondary copy; "
        "example: an illustration, not any unit's real index."
    )
    description: str | None = None
    years: tuple[int, int] | None = Field(
        default=None, description="First and last assessment year it applies to, when known."
    )
    sources: dict[str, SourceRef] = Field(default_factory=dict)
    source: str | None = Field(default=None, description="Key of the main source.")
    assumption: str | None = Field(default=None, description="Framework-wide assumption note.")
    max_points: Decimal | None = Field(default=None, description="Declared total maximum.")
    aggregation: Aggregation = Aggregation.SUM
    weights_total: Decimal | None = Field(
        default=None, description="Declared sum of the area weights (weighted_mean)."
    )
    rounding: Rounding = Field(default_factory=Rounding)
    group_basis: GroupBasis = GroupBasis.PERCENT
    groups: tuple[ResultGroup, ...] = Field(default=(), description="Highest group first.")
    required_items: tuple[str, ...] = Field(
        default=(),
        description="Item ids the source lists; a framework missing any of them is refused.",
    )
    groups_source: str | None = Field(default=None, description="Source key of the groups.")
    areas: tuple[Item, ...] = Field(min_length=1, description="Lĩnh vực (top-level items).")

    def __repr__(self) -> str:
        """What it is and its size in a few lines, never the whole tree."""
        return summary(
            f"Framework {self.id!r}: {clip(self.name)}",
            [
                ("version", self.version),
                ("kind", self.kind),
                ("areas", len(self.areas)),
                ("items", len(self.items())),
                ("max_points", "-" if self.max_points is None else self.max_points),
                ("aggregation", self.aggregation.value),
            ],
        )

    def _repr_html_(self) -> str:
        """The areas as a small HTML table (for notebooks)."""
        rows = [[a.id, a.name, a.max_points, a.weight] for a in self.areas]
        return html_table(
            ["id", "area", "max_points", "weight"], rows, caption=repr(self).splitlines()[0]
        )

    def items(self) -> list[Item]:
        """Every item, depth first."""
        out: list[Item] = []
        for area in self.areas:
            out.extend(area.walk())
        return out

    def leaves(self) -> list[Item]:
        """Every scored (leaf) item."""
        return [i for i in self.items() if not i.children]

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError if absent)."""
        for it in self.items():
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def dated(self) -> RuleVersion[Framework] | None:
        """The framework as a dated rule over its ``years`` (``None`` when undated or
        without a main source)."""
        main = self.sources.get(self.source) if self.source else None
        if self.years is None or main is None:
            return None
        return RuleVersion.for_years(self, main, *self.years)

    def source_of(self, item: Item) -> LegalSource | None:
        """The source an item names, else the framework's own source."""
        key = item.source or self.source
        return self.sources.get(key) if key else None

    def group_for(self, value: Decimal) -> str | None:
        """The label of the result group ``value`` falls in (``None``: below every group)."""
        for group in sorted(self.groups, key=lambda g: g.min, reverse=True):
            if value >= group.min:
                return group.label
        return None
