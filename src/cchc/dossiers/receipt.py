"""The receipt rule (quy ước tiếp nhận): when the clock starts, and when a due day ends.

One implementation for one dossier and for a column (:mod:`.tables`), on local
nanoseconds:

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

from functools import lru_cache
from typing import Any

import numpy as np

from cchc.calendar import OfficeHours
from cchc.calendar.days import DayTables, where

from .calops import CalendarOps
from .instants import NS_PER_DAY, NS_PER_MINUTE
from .policy import DayEnd, DeadlinePolicy, ReceiptRule

__all__ = ["clock_start_ns", "day_end_tod", "next_opening_ns", "session_minutes", "sessions_ns"]


@lru_cache(maxsize=64)
def session_minutes(office_hours: OfficeHours) -> tuple[tuple[int, int], ...]:
    """The sessions as ``(start, end)`` minutes after midnight, in order."""
    out = [
        (start.hour * 60 + start.minute, end.hour * 60 + end.minute)
        for start, end in office_hours.sessions
    ]
    return tuple(sorted(out))


_SESSIONS: dict[int, tuple[OfficeHours, tuple[tuple[int, int], ...]]] = {}


def sessions_ns(office_hours: OfficeHours) -> tuple[tuple[int, int], ...]:
    """The sessions as ``(start, end)`` nanoseconds after midnight (cached per object)."""
    hit = _SESSIONS.get(id(office_hours))
    if hit is not None and hit[0] is office_hours:
        return hit[1]
    out = tuple((a * NS_PER_MINUTE, b * NS_PER_MINUTE) for a, b in session_minutes(office_hours))
    if len(_SESSIONS) > 256:
        _SESSIONS.clear()
    _SESSIONS[id(office_hours)] = (office_hours, out)
    return out


def day_end_tod(policy: DeadlinePolicy) -> int:
    """Nanoseconds after midnight at which a due day ends under ``policy.day_end``."""
    if policy.day_end is DayEnd.MIDNIGHT:
        return NS_PER_DAY - 1000  # 23:59:59.999999, the last microsecond
    return sessions_ns(policy.office_hours)[-1][1]


MINUTES_PER_DAY = 24 * 60
KEEP = -1
"""Opening table value: the office is open at this minute."""
NEXT_DAY = MINUTES_PER_DAY
"""Opening table value: the next opening is on the next working day."""
_OPENINGS: dict[tuple[tuple[tuple[int, int], ...], bool], Any] = {}


def opening_table(sessions: tuple[tuple[int, int], ...], columns: bool) -> Any:
    """The next-opening rule as a table over the minutes of a day off (first 1440 values)
    and of a working day (next 1440): :data:`KEEP` while a session is open, else the
    minute of the next opening that day, or :data:`NEXT_DAY`. Sessions are whole minutes
    (:func:`session_minutes`), so a per-minute table is exact."""
    key = (sessions, columns)
    cached = _OPENINGS.get(key)
    if cached is not None:
        return cached
    working = [NEXT_DAY] * MINUTES_PER_DAY
    for a, b in reversed([(a // NS_PER_MINUTE, b // NS_PER_MINUTE) for a, b in sessions]):
        working[a:b] = [KEEP] * (b - a)
        for m in range(a - 1, -1, -1):
            if working[m] == KEEP:
                break
            working[m] = a
    table: Any = [NEXT_DAY] * MINUTES_PER_DAY + working
    if columns:
        table = np.array(table, dtype=np.int64)
    _OPENINGS[key] = table
    return table


def next_opening_ns(
    t: Any, sessions: tuple[tuple[int, int], ...], tables: DayTables, ops: CalendarOps, field: str
) -> Any:
    """``t`` if the office is open then, else the next opening after it."""
    day = t // NS_PER_DAY
    i = tables.index(day, field, ops)
    base = day * NS_PER_DAY
    code = opening_table(sessions, tables.columns)[
        tables.is_work[i] * MINUTES_PER_DAY + (t - base) // NS_PER_MINUTE
    ]
    tomorrow = code == NEXT_DAY
    tables.next_working(i, tomorrow, field, ops)  # coverage of the next working day
    next_day = tables.next_work_start[i] + sessions[0][0]
    opening = where(tomorrow, next_day, base + code * NS_PER_MINUTE)
    return where(code == KEEP, t, opening)


def clock_start_ns(
    t: Any, policy: DeadlinePolicy, tables: DayTables, ops: CalendarOps, field: str = "received_at"
) -> Any:
    """The moment the clock starts for receipts at ``t`` (see the module docstring)."""
    sessions = sessions_ns(policy.office_hours)
    start = t
    if policy.receipt is ReceiptRule.NEXT_OPENING:
        start = next_opening_ns(t, sessions, tables, ops, field)
    if policy.cutoff is None:
        return start
    c = policy.cutoff
    cut = ((c.hour * 60 + c.minute) * 60 + c.second) * 1_000_000_000 + c.microsecond * 1000
    day = t // NS_PER_DAY
    i = tables.index(day, field, ops)
    late = (tables.is_work[i] == 1) & (t - day * NS_PER_DAY > cut)
    nxt = tables.next_working(i, late, field, ops)
    return where(late, (nxt + tables.origin) * NS_PER_DAY + sessions[0][0], start)
