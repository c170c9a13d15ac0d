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

from cchc.calendar import OfficeHours

from .calops import CalendarOps
from .instants import NS_PER_DAY, NS_PER_MINUTE
from .policy import DayEnd, DeadlinePolicy, ReceiptRule
from .tables import DayTables, where

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


def next_opening_ns(
    t: Any, sessions: tuple[tuple[int, int], ...], tables: DayTables, ops: CalendarOps, field: str
) -> Any:
    """``t`` if the office is open then, else the next opening after it."""
    day = t // NS_PER_DAY
    tod = t - day * NS_PER_DAY
    i = tables.index(day, field, ops)
    working = tables.is_work[i] == 1
    first_open, last_close = sessions[0][0], sessions[-1][1]
    tomorrow = ~working | (tod >= last_close) if tables.columns else not working or tod >= last_close
    nxt = tables.next_working(i, tomorrow, field, ops)
    out = (nxt + tables.origin) * NS_PER_DAY + first_open
    if tables.columns or not tomorrow:
        base = day * NS_PER_DAY
        for a, b in reversed(sessions):
            out = where(tod < b, where(tod < a, base + a, t), out)
        out = where(working, out, (nxt + tables.origin) * NS_PER_DAY + first_open)
    return out


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
