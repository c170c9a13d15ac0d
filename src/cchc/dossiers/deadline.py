"""The deadline engine (tính thời hạn giải quyết): the due date on the receipt.

``due_date(received_at, amount, unit)`` returns the timezone-aware moment
(Asia/Ho_Chi_Minh) by which the result is due. Units:

* ``working_days`` (ngày làm việc): the n-th working day after the receipt
  day, the receipt day not counted (BLDS 2015 Art 147(2)), on the official
  calendar with its days off, swapped days and make-up Saturdays;
* ``days`` (ngày): receipt date + n; if that day is a weekend or holiday the
  period ends at the end of the next working day (BLDS 2015 Art 147(2),
  148(1), 148(5));
* ``months`` (tháng): the corresponding day of the n-th month, or that
  month's last day if it has none (BLDS Art 148(3)), then rolled like days;
* ``hours`` (giờ làm việc): working hours across office sessions
  (:mod:`cchc.dossiers.hours`).

The receipt moment is first normalised by the :class:`DeadlinePolicy` (next
opening, cut-off hour), see :mod:`cchc.dossiers.policy`. A due moment is never
before the clock start (0 days recorded after the office closed end at receipt).

Worked example (Tết 2025: Mon 27/1 - Fri 31/1 off under Công văn
8726/VPCP-KGVX): received Friday 24/01/2025 at 09:00 with 5 working days, the
working days counted are 3, 4, 5, 6 and 7 February::

    >>> from datetime import datetime
    >>> from cchc.tz import VN_TZ
    >>> due_date(datetime(2025, 1, 24, 9, 0, tzinfo=VN_TZ), 5).isoformat()
    '2025-02-07T17:00:00+07:00'
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, SupportsIndex

import attrs

from cchc._display import html_table, moment
from cchc.calendar import CalendarEntry, CalendarOps, OfficialCalendar, as_day, default_calendar
from cchc.errors import ValidationError
from cchc.legal import Explanation, ExplanationStep, RuleVersion
from cchc.procedures import TimeUnit
from cchc.procedures.vocabulary import IMMEDIATE_AS

from .clock_start import clock_start_ns
from .engine import SHARED_SETTINGS, scalar_period, setting
from .instants import NS_PER_DAY, from_local_ns, local_ns
from .one_stop_rules import OneStopRules, first_rule_ns, rules_on_day
from .period_units import UNIT_CODES
from .policy import DEFAULT_POLICY, DeadlinePolicy

__all__ = [
    "EXPLAINERS",
    "MAX_AMOUNT",
    "DueDate",
    "check_amount",
    "check_unit",
    "clock_start",
    "compute_due",
    "due_date",
    "online_check_due",
    "terms",
]

EXPLAINERS: dict[str, Any] = {}
"""The explanation builders of the results (``due_date``, ``deadline``), registered by
:mod:`cchc.dossiers.explain` when the package loads: results never import their
explainers."""


@attrs.frozen
class DueDate:
    """A computed due date with how it was obtained."""

    due_at: datetime
    """The due moment (aware, Asia/Ho_Chi_Minh)."""
    start_at: datetime
    """The moment the clock started (after the receipt policy)."""
    amount: int
    unit: TimeUnit
    policy: str
    rules: RuleVersion[OneStopRules]
    """The one-stop rule set in force on the receipt date."""
    provisional: bool = False
    """True when a day outside the official calendar's coverage was used."""
    context: tuple[datetime | None, DeadlinePolicy, OfficialCalendar | None] = attrs.field(
        default=(None, DEFAULT_POLICY, None), eq=False, repr=False
    )
    """The receipt moment as given, the policy and the calendar, for :meth:`explain`."""

    @property
    def due_day(self) -> date:
        """The due day (ngày hẹn trả)."""
        return self.due_at.date()

    def _lines(self) -> list[tuple[str, object]]:
        return [
            ("due_at", moment(self.due_at)),
            ("start_at", moment(self.start_at)),
            ("limit", f"{self.amount} {self.unit.value}"),
            ("policy", self.policy),
            ("rules", self.rules.value.name),
            ("provisional", self.provisional),
        ]

    def __repr__(self) -> str:
        """One line: the due moment (+07:00), the limit, the policy and the rule set."""
        return (
            f"DueDate({moment(self.due_at)}, {self.amount} {self.unit.value} from "
            f"{moment(self.start_at)}, policy {self.policy}, rules {self.rules.value.name}"
            + (", provisional" if self.provisional else "")
            + ")"
        )

    def _repr_html_(self) -> str:
        """A small HTML table of the same values (for notebooks)."""
        return html_table(["", "value"], self._lines(), caption="DueDate")

    @property
    def unconfirmed_days(self) -> tuple[CalendarEntry, ...]:
        """Days from the receipt day to the due day whose reading is not confirmed from an
        original text (secondary, derived, provisional), with their sources; on request
        (:meth:`cchc.calendar.OfficialCalendar.unconfirmed_days`)."""
        given, policy, calendar = self.context
        cal = calendar if calendar is not None else default_calendar()
        first = as_day(given if given is not None else self.start_at)
        return cal.unconfirmed_days(first, self.due_at, provisional=policy.provisional)

    def explain(self) -> Explanation:
        """How this due date was obtained: ordered steps with their sources (on request).

        ``str()`` of the result is Vietnamese text for a reply to the applicant.
        """
        explained: Explanation = EXPLAINERS["due_date"](self)
        return explained

    def steps(self) -> list[ExplanationStep]:
        """The steps of :meth:`explain` (for composing longer explanations)."""
        steps: list[ExplanationStep] = EXPLAINERS["due_date_steps"](self)
        return steps


def check_unit(unit: TimeUnit | str, *, row: int | None = None) -> TimeUnit:
    """Parse a unit name; ``immediate`` is accepted (it means
    :data:`~cchc.procedures.vocabulary.IMMEDIATE_AS`).

    Raises:
        ValidationError: an unknown unit (field ``unit``).
    """
    known_unit = _UNITS.get(unit) if isinstance(unit, str) else None
    if known_unit is not None:
        return known_unit
    try:
        parsed = TimeUnit(unit)
    except ValueError:
        known = ", ".join(u.value for u in TimeUnit)
        raise ValidationError(
            f"unknown unit {unit!r}; use one of {known}", field="unit", row=row
        ) from None
    return parsed


_UNITS: dict[str, TimeUnit] = {u.value: u for u in TimeUnit}
_CODE_OF: dict[TimeUnit, int] = {TimeUnit(k): v for k, v in UNIT_CODES.items()}
_COUNTED: dict[object, tuple[int, TimeUnit]] = {
    **{u: (code, u) for u, code in _CODE_OF.items()},
    **{u.value: (code, u) for u, code in _CODE_OF.items()},
}
"""The units counted as they are (not ``immediate``), by name and by member: what
:func:`due_date` reads without calling :func:`terms` for a whole-number amount."""
_IMMEDIATE = TimeUnit.IMMEDIATE

MAX_AMOUNT = 1_000_000
"""Largest accepted time-limit amount in the batch loaders: a sanity bound against
corrupt data (int64 overflow), not a legal rule. Scalar amounts above the calendar's
reach raise :class:`~cchc.errors.CalendarCoverageError`."""


def check_amount(amount: object, *, row: int | None = None) -> int:
    """Check that a time-limit amount is a whole number >= 0.

    Raises:
        ValidationError: negative, fractional or not a number (field ``amount``).
    """
    if type(amount) is int and amount >= 0:
        return amount
    if isinstance(amount, bool) or not isinstance(amount, SupportsIndex):
        raise ValidationError(
            f"amount must be a whole number, got {amount!r}", field="amount", row=row
        )
    value = int(amount.__index__())
    if value < 0:
        raise ValidationError(f"amount must be >= 0, got {value}", field="amount", row=row)
    return value


def terms(amount: object, unit: TimeUnit | str) -> tuple[int, int, TimeUnit]:
    """``(amount, unit code, unit)`` the engine counts: checked, ``immediate`` read as
    :data:`~cchc.procedures.vocabulary.IMMEDIATE_AS`.

    Raises:
        ValidationError: an unknown unit, a bad amount, or an amount with ``immediate``.
    """
    u = check_unit(unit)
    n = check_amount(amount)
    if u is _IMMEDIATE:
        if n != 0:
            # as TimeLimit: 'immediate' (giải quyết ngay) has no amount; same rule in batch
            raise ValidationError("an 'immediate' time limit has no amount", field="amount")
        n, u = IMMEDIATE_AS
    return n, _CODE_OF[u], u


def clock_start(
    received_at: datetime,
    *,
    calendar: OfficialCalendar | CalendarOps | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> datetime:
    """The moment the clock starts for a receipt at ``received_at`` (:mod:`.clock_start`).

    * A cut-off hour, if set, moves a receipt after it on a working day to the
      next opening;
    * ``next_opening`` moves a receipt outside the sessions (or on a day off)
      to the next opening;
    * ``as_recorded`` keeps the moment.

    Raises:
        NaiveDatetimeError: ``received_at`` has no time zone.
    """
    pol, ops, tables = setting(calendar, policy)
    return from_local_ns(clock_start_ns(local_ns(received_at), pol, tables, ops))


def compute_due(
    received_at: datetime,
    amount: int,
    unit: TimeUnit | str = TimeUnit.WORKING_DAYS,
    *,
    calendar: OfficialCalendar | CalendarOps | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> DueDate:
    """Like :func:`due_date`, with the clock start, policy and rule set returned too.

    ``.explain()`` on the result tells how it was obtained, citing its sources.
    """
    pol, ops, tables = setting(calendar, policy)
    n, code, u = terms(amount, unit)
    t = local_ns(received_at)
    due, start = scalar_period(t, n, code, u, pol, tables, ops, received_at)
    rules = rules_on_day(t // NS_PER_DAY)
    return DueDate(
        due_at=from_local_ns(due),
        start_at=from_local_ns(start),
        amount=n,
        unit=u,
        policy=pol.name,
        rules=rules,
        provisional=ops.used_provisional,
        context=(received_at, pol, ops.calendar),
    )


def due_date(
    received_at: datetime,
    amount: int,
    unit: TimeUnit | str = "working_days",
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> datetime:
    """The due moment for a dossier received at ``received_at``.

    Args:
        received_at: the receipt moment; must be timezone-aware.
        amount: the time limit, a whole number >= 0.
        unit: ``working_days`` (default), ``days``, ``hours``, ``months``
            (or ``immediate``, treated as 0 working days).
        calendar: the official calendar (default: the bundled one).
        policy: a :class:`DeadlinePolicy` or a name from
            :data:`cchc.dossiers.POLICIES` (default ``next_opening``). A
            provisional policy allows years outside the calendar's coverage;
            use :func:`compute_due` to see whether the answer was provisional.

    Returns:
        An aware datetime in Asia/Ho_Chi_Minh.

    Raises:
        NaiveDatetimeError: ``received_at`` is naive.
        ValidationError: unknown unit or policy, negative amount.
        CalendarCoverageError: a date outside the calendar (unless the policy
            is provisional).
        RuleNotInForceError: a receipt before 21/6/2018.
    """
    hit = SHARED_SETTINGS.get(_DEFAULTS) if calendar is None and policy is None else None
    pol, ops, tables = hit if hit is not None else setting(calendar, policy)
    counted = _COUNTED.get(unit) if type(unit) is TimeUnit or type(unit) is str else None
    if counted is not None and type(amount) is int and amount >= 0:
        n, code, u = amount, counted[0], counted[1]  # terms() of the usual call, read inline
    else:
        n, code, u = terms(amount, unit)
    t = local_ns(received_at)
    due = scalar_period(t, n, code, u, pol, tables, ops, received_at)[0]
    if t < (_FIRST_RULE_NS or _first_rule()):
        rules_on_day(t // NS_PER_DAY)  # no one-stop rule set in force: RuleNotInForceError
    return from_local_ns(due)


_DEFAULTS = (None, None)
"""The key of the default calendar and policy in :data:`~.engine.SHARED_SETTINGS`."""
_FIRST_RULE_NS = 0
""":func:`~cchc.dossiers.one_stop_rules.first_rule_ns`, read on the first due date."""


def _first_rule() -> int:
    global _FIRST_RULE_NS
    _FIRST_RULE_NS = first_rule_ns()
    return _FIRST_RULE_NS


def online_check_due(
    system_received_at: datetime,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> datetime | None:
    """When the desk must confirm (or ask to complete) an online dossier.

    Nghị định 118/2025/NĐ-CP Art 17(2)(c): "không muộn hơn 08 (tám) giờ làm việc kể
    từ khi Hệ thống thông tin giải quyết thủ tục hành chính tiếp nhận hồ sơ". ``None``
    under ND 61/2018, which set no such deadline.

    >>> from cchc.tz import VN_TZ
    >>> online_check_due(datetime(2025, 7, 5, 22, 0, tzinfo=VN_TZ)).isoformat()  # a Saturday
    '2025-07-07T17:00:00+07:00'
    >>> online_check_due(datetime(2025, 6, 28, 22, 0, tzinfo=VN_TZ)) is None
    True
    """
    t = local_ns(system_received_at, field="system_received_at")
    hours = rules_on_day(t // NS_PER_DAY).value.online_check_working_hours
    if hours is None:
        return None
    return due_date(system_received_at, hours, TimeUnit.HOURS, calendar=calendar, policy=policy)
