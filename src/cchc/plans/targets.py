"""Check measured figures against targets (đối chiếu chỉ tiêu): met, missed, not yet due.

A target holds when ``figure <comparator> value``. As of a date:

* **met** (đạt): the figure satisfies the target (even before its deadline);
* **missed** (không đạt): it does not, and the deadline has passed;
* **not yet due** (chưa đến hạn): it does not (or there is no figure yet) but
  the deadline is still ahead;
* **no figure** (thiếu số liệu): the deadline has passed and no figure was given
  — reported, never silently dropped.

Seed 003 (KH 5601/KH-SYT, 2017) sets "tỷ lệ giải quyết hồ sơ đúng hẹn đạt trên
90%" by 2020; with made-up figures:

    >>> from datetime import date
    >>> from cchc.plans.models import Target
    >>> t = Target(id="on_time", indicator="hồ sơ đúng hẹn", comparator=">", value=90,
    ...            deadline=date(2020, 12, 31))
    >>> [c.outcome.value for c in check_targets({"on_time": "92.5"}, [t], as_of=date(2019, 6, 1))]
    ['met']
    >>> [c.outcome.value for c in check_targets({"on_time": 90}, [t], as_of=date(2019, 6, 1))]
    ['not_yet_due']
    >>> [c.outcome.value for c in check_targets({"on_time": 90}, [t], as_of=date(2021, 1, 1))]
    ['missed']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from cchc._model import CchcRecord
from cchc.errors import ValidationError
from cchc.l10n import vn_date
from cchc.legal import SourceRef
from cchc.plans.areas import ReformArea
from cchc.tz import VN_TZ, as_date

__all__ = [
    "Comparator",
    "Target",
    "TargetCheck",
    "TargetOutcome",
    "check_targets",
    "plan_problem",
    "to_decimal",
]


def plan_problem(message: str, *, item: str | None = None, field: str | None = None) -> Exception:
    """A pydantic error carrying the task id and field in its context."""
    ctx: dict[str, Any] = {"item": item, "field": field}
    return PydanticCustomError("cchc_plan", message, ctx)


class Comparator(enum.StrEnum):
    """How a figure is compared with a target value."""

    GT = ">"
    """trên / hơn (strictly above), e.g. 'đạt mức trên 80%'."""
    GE = ">="
    """tối thiểu / ít nhất / đạt (at least)."""
    LT = "<"
    """dưới (strictly below)."""
    LE = "<="
    """không quá / trong nhóm N đứng đầu (at most; ranks)."""

    def holds(self, figure: Decimal, value: Decimal) -> bool:
        """Whether ``figure`` satisfies ``figure <op> value``."""
        if self is Comparator.GT:
            return figure > value
        if self is Comparator.GE:
            return figure >= value
        if self is Comparator.LT:
            return figure < value
        return figure <= value


class Target(CchcRecord):
    """A quantitative target (chỉ tiêu, mục tiêu cụ thể).

    ``deadline`` is the day by which the figure must hold; "vào năm 2020" is
    encoded as 31/12/2020 (a documented choice: the texts name a year only).
    Percentages (``unit == "%"``) must lie within 0-100.
    """

    id: str = Field(min_length=1, description="Stable identifier of the indicator.")
    indicator: str = Field(description="Chỉ tiêu (what is measured), in Vietnamese.")
    area: ReformArea | None = Field(default=None, description="Reform area of the target.")
    comparator: Comparator = Field(description="How the figure is compared with the value.")
    value: Decimal = Field(description="Target value (giá trị chỉ tiêu).")
    unit: str = Field(default="%", description="Unit: '%', 'rank', 'count'...")
    deadline: date = Field(description="Thời hạn đạt chỉ tiêu (day by which it must hold).")
    source: SourceRef | None = Field(default=None, description="Where the target is set.")
    confirmed: bool = Field(
        default=True, description="False when the wording was only seen in a secondary copy."
    )

    @model_validator(mode="after")
    def _percent_range(self) -> Target:
        if self.unit == "%" and not Decimal(0) <= self.value <= Decimal(100):
            raise plan_problem(
                f"target value {self.value} % is outside 0-100",
                item=self.id,
                field="value",
            )
        return self

    def describe(self) -> str:
        """'indicator > 80 % by 31/12/2020'."""
        return (
            f"{self.indicator} {self.comparator.value} {self.value} {self.unit} "
            f"by {vn_date(self.deadline)}"
        )


class TargetOutcome(enum.StrEnum):
    """Result of checking one target."""

    MET = "met"
    """Đạt."""
    MISSED = "missed"
    """Không đạt (deadline passed)."""
    NOT_YET_DUE = "not_yet_due"
    """Chưa đến hạn (not met yet, deadline ahead)."""
    NO_FIGURE = "no_figure"
    """Thiếu số liệu (deadline passed, no figure given)."""


@attrs.frozen
class TargetCheck:
    """One target checked against a figure."""

    target: Target
    figure: Decimal | None
    outcome: TargetOutcome
    as_of: date

    def describe(self) -> str:
        """'hồ sơ đúng hẹn: 92.5 vs > 90 % by 31/12/2020 -> met'."""
        fig = "no figure" if self.figure is None else str(self.figure)
        t = self.target
        return (
            f"{t.indicator}: {fig} vs {t.comparator.value} {t.value} {t.unit} "
            f"by {vn_date(t.deadline)} -> {self.outcome.value}"
        )


def to_decimal(value: object, *, field: str) -> Decimal:
    """A figure as Decimal (ints, Decimals, numeric strings; floats via ``str``).

    Raises:
        ValidationError: not a finite number.
    """
    if isinstance(value, bool):
        raise ValidationError(f"not a number: {value!r}", field=field)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float | str):
        try:
            result = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValidationError(f"not a number: {value!r}", field=field) from None
    else:
        raise ValidationError(f"not a number: {value!r}", field=field)
    if not result.is_finite():
        raise ValidationError(f"not a finite number: {value!r}", field=field)
    return result


def check_targets(
    figures: Mapping[str, object], targets: Iterable[Target], *, as_of: date | None = None
) -> list[TargetCheck]:
    """Check each target against ``figures[target.id]`` as of ``as_of``.

    ``as_of`` defaults to today in Asia/Ho_Chi_Minh; pass it explicitly for
    reproducible results. It may be a ``date`` or an aware ``datetime``
    (converted to Vietnam time with :func:`cchc.tz.as_date`).

    Raises:
        NaiveDatetimeError: ``as_of`` is a naive datetime.
        ValidationError: a figure is not a number, a percentage is outside 0-100,
            or a figure names no target (a typo would otherwise go unnoticed).
    """
    as_of = datetime.now(VN_TZ).date() if as_of is None else as_date(as_of, field="as_of")
    targets = list(targets)
    known = {t.id for t in targets}
    for key in figures:
        if key not in known:
            raise ValidationError("figure names no target", item=key, field="figures")
    checks: list[TargetCheck] = []
    for target in targets:
        raw = figures.get(target.id)
        figure = None if raw is None else to_decimal(raw, field=target.id)
        if figure is not None and target.unit == "%" and not 0 <= figure <= 100:
            raise ValidationError(
                f"percentage {figure} is outside 0-100", item=target.id, field="figure"
            )
        if figure is not None and target.comparator.holds(figure, target.value):
            outcome = TargetOutcome.MET
        elif as_of <= target.deadline:
            outcome = TargetOutcome.NOT_YET_DUE
        elif figure is None:
            outcome = TargetOutcome.NO_FIGURE
        else:
            outcome = TargetOutcome.MISSED
        checks.append(TargetCheck(target=target, figure=figure, outcome=outcome, as_of=as_of))
    return checks
