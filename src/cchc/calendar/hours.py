"""Office hours (giờ làm việc) as configurable sessions.

No national rule fixes the daily hours of state agencies: Quyết định
188/1999/QĐ-TTg sets a 40-hour week over five days but no start or end time,
and provinces set their own (Đắk Nông 07:00-11:30 and 13:30-17:00; Vĩnh Phúc
with summer and winter hours; Thừa Thiên Huế from 08:00). The default here is
therefore an **assumption**, chosen as an 8-hour day that fits the 40-hour
week; give your province's sessions instead.

The arithmetic of the receipt and hourly rules lives here, once, on local
nanoseconds and the day tables of :mod:`cchc.calendar.days` (one value or a
column alike): :func:`next_opening_ns` (the office open at an instant, else its
next opening, on a working day), :func:`add_working_hours_ns` (working hours
counted within the sessions of working days) and
:attr:`OfficeHours.sessions_ns`/:attr:`OfficeHours.closing_ns` (the sessions
as nanoseconds after midnight)::

    >>> from datetime import time
    >>> hours = OfficeHours.default()
    >>> hours.is_open(time(11, 0)), hours.is_open(time(12, 0))
    (True, False)
    >>> hours.minutes_per_day
    480
    >>> import numpy as np
    >>> from cchc.calendar import CalendarOps
    >>> from cchc.calendar.days import day_tables
    >>> ops = CalendarOps(None)
    >>> tables = day_tables(ops, columns=False)
    >>> def local(ns): return str(np.datetime64(ns, "ns"))[:16]   # local wall time
    >>> friday_noon = int(np.datetime64("2025-01-24T12:00", "ns").astype(np.int64))
    >>> local(next_opening_ns(friday_noon, hours, tables, ops, "received_at"))
    '2025-01-24T13:30'
    >>> local(add_working_hours_ns(friday_noon, 8, hours, tables, ops))  # Tết 25/1-2/2 skipped
    '2025-02-03T11:30'
    >>> OfficeHours(sessions=((time(13, 0), time(17, 0)), (time(8, 0), time(12, 0))))
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field sessions: sessions must be in order and not overlap
"""

from __future__ import annotations

import itertools
from datetime import time
from typing import Any

import attrs
import numpy as np

from cchc.calendar.days import (
    FAR,
    NS_PER_DAY,
    NS_PER_MINUTE,
    DayTables,
    ProvisionalUse,
    maximum,
    minimum,
    where,
)
from cchc.errors import ValidationError

__all__ = [
    "KEEP",
    "MINUTES_PER_DAY",
    "NEXT_DAY",
    "OfficeHours",
    "add_working_hours_ns",
    "add_working_ns",
    "next_opening_ns",
    "opening_table",
    "sessions_ns",
    "working_ns_between",
]

Session = tuple[time, time]
NsSessions = tuple[tuple[int, int], ...]
"""Sessions as ``(start, end)`` nanoseconds after midnight, in order."""


def _check_sessions(_: object, __: object, sessions: tuple[Session, ...]) -> None:
    if not sessions:
        raise ValidationError("at least one session is needed", field="sessions")
    for start, end in sessions:
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValidationError(
                "session times are local wall times, without tzinfo", field="sessions"
            )
        if not start < end:
            raise ValidationError(f"session {start}-{end} ends before it starts", field="sessions")
        if start.second or start.microsecond or end.second or end.microsecond:
            raise ValidationError(
                f"session {start}-{end}: give whole minutes (HH:MM)", field="sessions"
            )
    for (_, end), (start, _) in itertools.pairwise(sessions):
        if start < end:
            raise ValidationError("sessions must be in order and not overlap", field="sessions")


@attrs.frozen
class OfficeHours:
    """Daily sessions (buổi làm việc) in local time (Asia/Ho_Chi_Minh)."""

    sessions: tuple[Session, ...] = attrs.field(validator=_check_sessions)
    basis: str = "assumption: no national rule on daily office hours"
    sessions_ns: NsSessions = attrs.field(init=False, eq=False, repr=False)
    """The sessions as ``(start, end)`` nanoseconds after midnight."""
    openings: list[int] = attrs.field(init=False, eq=False, repr=False)
    """The next-opening rule by minute (:func:`opening_table`) as a list, read by
    :func:`next_opening_ns` for one instant."""
    openings_ahead: Any = attrs.field(init=False, eq=False, repr=False)
    """The same rule as an int64 array of nanoseconds after midnight, read for a column: 0
    while open (:data:`KEEP`), the next opening that day, or
    :data:`~cchc.calendar.days.FAR` (:data:`NEXT_DAY`: the opening is on a later day)."""

    def __attrs_post_init__(self) -> None:
        ns = tuple(
            (_minutes(a) * NS_PER_MINUTE, _minutes(b) * NS_PER_MINUTE) for a, b in self.sessions
        )
        object.__setattr__(self, "sessions_ns", ns)
        table = opening_table(ns)
        object.__setattr__(self, "openings", table)
        code = np.array(table, dtype=np.int64)
        ahead = np.where(code == NEXT_DAY, FAR, np.maximum(code, 0) * NS_PER_MINUTE)
        object.__setattr__(self, "openings_ahead", ahead)

    @classmethod
    def default(cls) -> OfficeHours:
        """Morning 07:00-11:30 and afternoon 13:30-17:00 (an assumption, see module doc)."""
        return cls(
            sessions=((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0))),
            basis="assumption: no national rule; 8-hour day as in Đắk Nông's schedule, "
            "consistent with the 40-hour week of Quyết định 188/1999/QĐ-TTg",
        )

    @property
    def minutes_per_day(self) -> int:
        """Working minutes in one working day."""
        return sum(_minutes(end) - _minutes(start) for start, end in self.sessions)

    @property
    def opening(self) -> time:
        """Start of the first session."""
        return self.sessions[0][0]

    @property
    def closing(self) -> time:
        """End of the last session."""
        return self.sessions[-1][1]

    def is_open(self, moment: time) -> bool:
        """Whether a wall time falls inside a session (start inclusive, end exclusive)."""
        plain = moment.replace(tzinfo=None)
        return any(start <= plain < end for start, end in self.sessions)

    @property
    def closing_ns(self) -> int:
        """End of the last session, in nanoseconds after midnight."""
        return self.sessions_ns[-1][1]


def sessions_ns(office_hours: OfficeHours) -> NsSessions:
    """The sessions of ``office_hours`` as nanoseconds after midnight."""
    return office_hours.sessions_ns


MINUTES_PER_DAY = 24 * 60
KEEP = -1
"""Opening table value: the office is open at this minute."""
NEXT_DAY = MINUTES_PER_DAY
"""Opening table value: the next opening is on the next working day."""


def opening_table(sessions: NsSessions) -> list[int]:
    """The next-opening rule as a table over the minutes of a day off (first 1440 values)
    and of a working day (next 1440): :data:`KEEP` while a session is open, else the
    minute of the next opening that day, or :data:`NEXT_DAY`. Sessions are whole minutes
    (:class:`OfficeHours` refuses seconds), so a per-minute table is exact; each
    :class:`OfficeHours` builds it once (:attr:`OfficeHours.openings`)."""
    working = [NEXT_DAY] * MINUTES_PER_DAY
    for a, b in reversed([(a // NS_PER_MINUTE, b // NS_PER_MINUTE) for a, b in sessions]):
        working[a:b] = [KEEP] * (b - a)
        for m in range(a - 1, -1, -1):
            if working[m] == KEEP:
                break
            working[m] = a
    return [NEXT_DAY] * MINUTES_PER_DAY + working


def next_opening_ns(
    t: Any, hours: OfficeHours, tables: DayTables, ops: ProvisionalUse, field: str
) -> Any:
    """``t`` (local ns) if the office is open then, else the next opening after it.

    One rule, three cases: open (``t`` itself), later that day (the next session), or the
    first opening of the next working day (:func:`opening_table`)."""
    day = t // NS_PER_DAY
    i = day - tables.origin
    if not tables.columns:  # one moment: the three cases without the column helpers
        if not tables.lo <= i <= tables.hi:  # one day inside the coverage: no call
            tables.check(i, field, ops)
        base = day * NS_PER_DAY
        code = hours.openings[tables.minute_base[i] + (t - base) // NS_PER_MINUTE]
        if code == KEEP:
            return t
        if code != NEXT_DAY:
            return base + code * NS_PER_MINUTE
        if i > tables.safe_next:  # else the next working day is inside the coverage
            tables.next_working(i, True, field, ops)  # coverage of the next working day
        return tables.next_work_start[i] + hours.sessions_ns[0][0]
    # a column: the three cases without a choice per row, as the largest of ``t`` and the
    # smallest of the opening later that day (``base`` itself while open, FAR after it
    # past the last session or on a day off) and the next working day's opening (each
    # step in place on the column it made)
    tables.check(i, field, ops)
    base = day
    base *= NS_PER_DAY
    minute = t - base
    minute //= NS_PER_MINUTE
    minute += tables.minute_base[i]
    opening = hours.openings_ahead[minute]
    if i.size and int(i.max()) > tables.safe_next:  # the next working day covered where used
        tables.next_working(i, opening == FAR, field, ops)
    opening += base
    nxt = tables.next_work_start[i]
    nxt += hours.sessions_ns[0][0]
    np.minimum(opening, nxt, out=opening)
    return np.maximum(opening, t, out=opening)


def add_working_hours_ns(
    start: Any, hours: Any, office_hours: OfficeHours, tables: DayTables, ops: ProvisionalUse
) -> Any:
    """The moment ``hours`` working hours after ``start`` (which waits for an opening).

    Hours are counted within the sessions of working days; a period ending at the
    close of a session ends there (17:00, not the next opening).
    """
    return add_working_ns(start, hours * 60 * NS_PER_MINUTE, office_hours, tables, ops)


def _worked_in_day(tod: Any, sessions: NsSessions) -> Any:
    """Working time of a working day before the time of day ``tod`` (ns after midnight)."""
    worked: Any = 0
    for a, b in sessions:
        worked = worked + minimum(maximum(tod - a, 0), b - a)
    return worked


def working_ns_between(
    start: Any, end: Any, office_hours: OfficeHours, tables: DayTables, ops: ProvisionalUse
) -> Any:
    """Working time (ns) from ``start`` to ``end`` (local ns): the part of ``[start, end)``
    inside the sessions of working days; negative when ``end`` is before ``start``.

    One formula for a value or a column: the working time before an instant ``t`` since
    the table's origin is ``(working days before its day) * minutes per day + (its day is a
    working day) * (working time of that day before t)``; the difference of two such
    counts. An instant outside the sessions or on a day off adds nothing, so a step
    finished at 18:00 used no more working time than at the 17:00 close."""
    sessions = office_hours.sessions_ns
    per_day = sum(b - a for a, b in sessions)

    def before(t: Any, field: str) -> Any:
        day = t // NS_PER_DAY
        i = tables.index(day, field, ops)
        work = tables.is_work[i]
        days_before = tables.cum_before[i] + 1 - work
        return days_before * per_day + work * _worked_in_day(t - day * NS_PER_DAY, sessions)

    return before(end, "end") - before(start, "start")


def add_working_ns(
    start: Any, amount: Any, office_hours: OfficeHours, tables: DayTables, ops: ProvisionalUse
) -> Any:
    """The moment ``amount`` nanoseconds of working time after ``start`` (which waits for
    an opening): :func:`add_working_hours_ns` for any amount of working time (a step of
    "0,25 ngày làm việc" = 2 working hours, CONV-DAY-8H)."""
    sessions = office_hours.sessions_ns
    opened = next_opening_ns(start, office_hours, tables, ops, "received_at")
    per_day = sum(b - a for a, b in sessions)
    day = opened // NS_PER_DAY
    tod = opened - day * NS_PER_DAY
    worked = _worked_in_day(tod, sessions)  # working time of the day before ``opened``
    target = worked + amount
    k = where(target > 0, (target - 1) // per_day, 0)  # whole working days to move on
    rem = target - k * per_day  # in (0, per_day]
    i = tables.index(day, "received_at", ops)
    if not tables.columns and k == 0:
        moved = day
    else:
        # k == 0: rank of the day itself (a working day), so that a row ending on the last
        # covered day is not refused for the day after it, which it never uses
        rank = tables.cum_before[i] + k
        moved = where(k > 0, tables.nth(rank, "due_at", ops) + tables.origin, day)
    clock = 0
    before = 0
    for a, b in sessions:
        inside = (rem > before) & (rem <= before + (b - a))
        clock = where(inside, a + rem - before, clock)
        before += b - a
    return where(amount == 0, opened, moved * NS_PER_DAY + clock)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute
