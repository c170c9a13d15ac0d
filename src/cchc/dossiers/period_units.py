"""Period arithmetic (cách tính thời hạn): working days, calendar days, months, working hours.

One implementation for one dossier and for a column (:mod:`cchc.calendar.days`),
from the clock start ``start`` (local nanoseconds, after :mod:`.clock_start`):

* ``working_days`` (ngày làm việc): the n-th working day after the start day, the
  start day not counted (BLDS 2015 Art 147(2)); 0 days: the start day rolled
  forward to a working day;
* ``days`` (ngày): start day + n, rolled forward to a working day when it is a
  weekend or holiday (BLDS 2015 Art 147(2), 148(1), 148(5));
* ``months`` (tháng): the corresponding day of the n-th month, or that month's last
  day if it has none (BLDS 2015 Art 148(3)), then rolled forward like days;
* ``hours`` (giờ làm việc): working hours across office sessions on working days;
  a period ending at the close of a session ends there (17:00): the calendar's
  :func:`cchc.calendar.hours.add_working_hours_ns`.

The n-th working day after day ``i`` is ``work_idx[cum_before[i] + n]`` and the
roll-forward of ``i`` is ``work_idx[cum_before[i] + not_work[i]]``: one formula,
``work_idx[cum_before[i] + max(m, not_work[i])]`` with ``m = n`` for working days
and ``m = 0`` for calendar days and months. A due moment is never before the
clock start (0 days recorded after the office closed end at the receipt).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from cchc.calendar import CalendarOps
from cchc.calendar.days import NS_PER_DAY, DayTables, minimum
from cchc.calendar.hours import add_working_hours_ns
from cchc.procedures import TimeUnit

from .policy import DeadlinePolicy

__all__ = [
    "UNIT_CODES",
    "add_months",
    "due_for_unit",
]

UNIT_CODES: dict[str, int] = {
    TimeUnit.WORKING_DAYS.value: 0,
    TimeUnit.DAYS.value: 1,
    TimeUnit.HOURS.value: 2,
    TimeUnit.MONTHS.value: 3,
}
"""Unit codes of the column engine: 0 working days, 1 days, 2 hours, 3 months."""
WORKING_DAYS, DAYS, HOURS, MONTHS = 0, 1, 2, 3


def add_months(day: Any, n: Any, tables: DayTables, ops: CalendarOps) -> Any:
    """The day numbers n months after ``day`` (BLDS 2015 Art 148(3): the month's last day
    when it has no corresponding day)."""
    i = tables.index(day, "due_at", ops)
    month = tables.month_of[i]
    first, _ = tables.month(month, "due_at")
    target_first, target_next = tables.month(month + n, "due_at")
    return target_first + minimum(i - first, target_next - target_first - 1) + tables.origin


def due_for_unit(
    start: Any, n: Any, unit: int, policy: DeadlinePolicy, tables: DayTables, ops: CalendarOps
) -> Any:
    """The due moment (local ns) of ``n`` ``unit`` (a code of :data:`UNIT_CODES`) from
    the clock start ``start``."""
    if unit == HOURS:
        return add_working_hours_ns(start, n, policy.office_hours, tables, ops)
    day = start // NS_PER_DAY
    m = n  # working days: the n-th working day after the start day
    if unit != WORKING_DAYS:  # days, months: the day reached, rolled forward
        day = day + n if unit == DAYS else add_months(day, n, tables, ops)
        m = 0
    i = day - tables.origin
    if not tables.columns:  # one dossier: no call inside the coverage, the max written out
        if not tables.lo <= i <= tables.hi:
            tables.check(i, "due_at", ops)
        off = tables.not_work[i]
        rank = tables.cum_before[i] + (m if m > off else off)
        if tables.rank_lo <= rank <= tables.rank_hi:
            due = tables.work_idx[rank]
        else:
            due = tables.nth(rank, "due_at", ops)
        end = (due + tables.origin) * NS_PER_DAY + policy.day_end_ns
        return end if end >= start else start
    # a column: work_idx[cum_before[i] + max(m, not_work[i])], each step in place on the
    # column it made
    tables.check(i, "due_at", ops)
    rank = np.maximum(tables.not_work[i], m)
    rank += tables.cum_before[i]
    end = tables.nth(rank, "due_at", ops)
    end += tables.origin
    end *= NS_PER_DAY
    end += policy.day_end_ns
    return np.maximum(end, start, out=end)
