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

from datetime import date, datetime, time, timedelta
from typing import SupportsIndex

import attrs
from dateutil.relativedelta import relativedelta

from cchc.calendar import OfficialCalendar
from cchc.errors import CalendarCoverageError, CchcError, ValidationError
from cchc.legal import RuleVersion
from cchc.procedures import TimeUnit
from cchc.tz import VN_TZ, to_vn

from .calops import CalendarOps
from .hours import add_working_hours, next_opening, session_minutes
from .policy import DayEnd, DeadlinePolicy, ReceiptRule, get_policy
from .rules import OneStopRules, rules_in_force

__all__ = [
    "DueDate",
    "check_amount",
    "check_unit",
    "clock_start",
    "compute_due",
    "day_end_moment",
    "due_date",
    "online_check_due",
]

ENGINE_UNITS = (TimeUnit.WORKING_DAYS, TimeUnit.DAYS, TimeUnit.HOURS, TimeUnit.MONTHS)


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

    @property
    def due_day(self) -> date:
        """The due day (ngày hẹn trả)."""
        return self.due_at.date()


def check_unit(unit: TimeUnit | str, *, row: int | None = None) -> TimeUnit:
    """Parse a unit name; ``immediate`` is accepted and means 0 working days.

    Raises:
        ValidationError: an unknown unit (field ``unit``).
    """
    try:
        parsed = TimeUnit(unit)
    except ValueError:
        known = ", ".join(u.value for u in TimeUnit)
        raise ValidationError(
            f"unknown unit {unit!r}; use one of {known}", field="unit", row=row
        ) from None
    return parsed


MAX_AMOUNT = 1_000_000
"""Largest accepted time-limit amount in the batch loaders: a sanity bound against
corrupt data (int64 overflow), not a legal rule. Scalar amounts above the calendar's
reach raise :class:`~cchc.errors.CalendarCoverageError`."""


def check_amount(amount: object, *, row: int | None = None) -> int:
    """Check that a time-limit amount is a whole number >= 0.

    Raises:
        ValidationError: negative, fractional or not a number (field ``amount``).
    """
    if isinstance(amount, bool) or not isinstance(amount, SupportsIndex):
        raise ValidationError(
            f"amount must be a whole number, got {amount!r}", field="amount", row=row
        )
    value = int(amount.__index__())
    if value < 0:
        raise ValidationError(f"amount must be >= 0, got {value}", field="amount", row=row)
    return value


def day_end_moment(day: date, policy: DeadlinePolicy) -> datetime:
    """The moment the due ``day`` ends under ``policy.day_end``."""
    if policy.day_end is DayEnd.MIDNIGHT:
        return datetime.combine(day, time.max, tzinfo=VN_TZ)
    close = session_minutes(policy.office_hours)[-1][1]
    return datetime.combine(day, time(close // 60, close % 60), tzinfo=VN_TZ)


def clock_start(
    received_at: datetime,
    *,
    calendar: OfficialCalendar | CalendarOps | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> datetime:
    """The moment the clock starts for a receipt at ``received_at``.

    * A cut-off hour, if set, moves a receipt after it on a working day to the
      next opening;
    * ``next_opening`` moves a receipt outside the sessions (or on a day off)
      to the next opening;
    * ``as_recorded`` keeps the moment.

    Raises:
        NaiveDatetimeError: ``received_at`` has no time zone.
    """
    pol = get_policy(policy)
    ops = _ops(calendar, pol)
    moment = to_vn(received_at, field="received_at")
    day = moment.date()
    if pol.cutoff is not None and moment.time() > pol.cutoff and ops.is_working_day(day):
        nxt = ops.next_working_day(day)
        return next_opening(datetime.combine(nxt, time(0), tzinfo=VN_TZ), ops, pol.office_hours)
    if pol.receipt is ReceiptRule.NEXT_OPENING:
        return next_opening(moment, ops, pol.office_hours)
    return moment


def _ops(calendar: OfficialCalendar | CalendarOps | None, pol: DeadlinePolicy) -> CalendarOps:
    if isinstance(calendar, CalendarOps):
        return calendar
    return CalendarOps(calendar, pol.provisional)


def compute_due(
    received_at: datetime,
    amount: int,
    unit: TimeUnit | str = TimeUnit.WORKING_DAYS,
    *,
    calendar: OfficialCalendar | CalendarOps | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> DueDate:
    """Like :func:`due_date`, with the clock start, policy and rule set returned too."""
    pol = get_policy(policy)
    ops = _ops(calendar, pol)
    u = check_unit(unit)
    n = check_amount(amount)
    if u is TimeUnit.IMMEDIATE:
        if n != 0:
            # as TimeLimit: 'immediate' (giải quyết ngay) has no amount; same rule in batch
            raise ValidationError("an 'immediate' time limit has no amount", field="amount")
        u = TimeUnit.WORKING_DAYS
    if not isinstance(received_at, datetime):
        raise ValidationError(
            f"received_at must be a timezone-aware datetime, got {type(received_at).__name__}",
            field="received_at",
        )
    try:
        return _compute(received_at, n, u, ops, pol)
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, CchcError):
            raise
        raise CalendarCoverageError(
            f"{n} {u.value} from {received_at.isoformat()} is beyond any calendar",
            field="amount",
        ) from None


def _compute(
    received_at: datetime, n: int, u: TimeUnit, ops: CalendarOps, pol: DeadlinePolicy
) -> DueDate:
    start = clock_start(received_at, calendar=ops, policy=pol)
    rules = rules_in_force(to_vn(received_at).date())
    if u is TimeUnit.HOURS:
        due = add_working_hours(start, n, ops, pol.office_hours)
    else:
        start_day = start.date()
        if u is TimeUnit.WORKING_DAYS:
            day = ops.rollforward(start_day) if n == 0 else ops.add(start_day, n)
        else:
            if u is TimeUnit.DAYS:
                raw = start_day + timedelta(days=n)
            else:
                raw = start_day + relativedelta(months=n)
            day = ops.rollforward(raw)
        # never before the clock start (0 days recorded after the office closed)
        due = max(day_end_moment(day, pol), start)
    return DueDate(
        due_at=due,
        start_at=start,
        amount=n,
        unit=u,
        policy=pol.name,
        rules=rules,
        provisional=ops.used_provisional,
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
    return compute_due(received_at, amount, unit, calendar=calendar, policy=policy).due_at


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
    moment = to_vn(system_received_at, field="system_received_at")
    hours = rules_in_force(moment.date()).value.online_check_working_hours
    if hours is None:
        return None
    return due_date(moment, hours, TimeUnit.HOURS, calendar=calendar, policy=policy)
