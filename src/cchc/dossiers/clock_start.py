"""The receipt rule (quy ước tiếp nhận): when the clock starts, and when a due day ends.

One implementation for one dossier and for a column, on local nanoseconds and the
calendar's day tables (:mod:`cchc.calendar.days`); the office-hours arithmetic it
uses (the next opening, the sessions) is the calendar's (:mod:`cchc.calendar.hours`):

* a cut-off hour (giờ tiếp nhận muộn nhất), if set, moves a receipt after it on a
  working day to the first opening of the next working day;
* ``next_opening`` (the default, convention ``CONV-NEXT-OPENING``) moves a receipt
  outside the office sessions or on a day off to the next opening;
* ``as_recorded`` keeps the recorded moment (BLDS 2015 Art 147(2): the first day
  is not counted, whatever it is);
* the due day ends at the close of its last session (``office_close``,
  ``CONV-OFFICE-HOURS``) or at its last instant (``midnight``, BLDS 2015 Art 148(6)).
"""

from __future__ import annotations

from typing import Any

from cchc.calendar.days import NS_PER_DAY, DayTables, ProvisionalUse, where
from cchc.calendar.hours import next_opening_ns

from .policy import DeadlinePolicy, ReceiptRule

__all__ = ["clock_start_ns", "day_end_tod"]


def day_end_tod(policy: DeadlinePolicy) -> int:
    """Nanoseconds after midnight at which a due day ends under ``policy.day_end``."""
    return policy.day_end_ns


def clock_start_ns(
    t: Any,
    policy: DeadlinePolicy,
    tables: DayTables,
    ops: ProvisionalUse,
    field: str = "received_at",
) -> Any:
    """The moment the clock starts for receipts at ``t`` (see the module docstring)."""
    hours = policy.office_hours
    start = t
    if policy.receipt is _NEXT_OPENING:
        start = next_opening_ns(t, hours, tables, ops, field)
    c = policy.cutoff
    if c is None:
        return start
    cut = ((c.hour * 60 + c.minute) * 60 + c.second) * 1_000_000_000 + c.microsecond * 1000
    day = t // NS_PER_DAY
    i = tables.index(day, field, ops)
    late = (tables.is_work[i] == 1) & (t - day * NS_PER_DAY > cut)
    nxt = tables.next_working(i, late, field, ops)
    return where(late, (nxt + tables.origin) * NS_PER_DAY + hours.sessions_ns[0][0], start)


_NEXT_OPENING = ReceiptRule.NEXT_OPENING
"""Bound once: an enum member read from its class costs a look-up on every call."""
