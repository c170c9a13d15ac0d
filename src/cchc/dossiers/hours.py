"""Working-hour arithmetic across office sessions (giờ làm việc).

A time limit in hours (e.g. ND 118/2025 Art 17(2)(c): "08 (tám) giờ làm
việc") runs only while the office is open: inside the sessions of
:class:`cchc.calendar.OfficeHours` (by default 07:00-11:30 and 13:30-17:00, an
assumption documented in :mod:`cchc.calendar`) on official working days. Time
starts at the given moment (BLDS 2015 Art 147(1): "thời hạn được bắt đầu từ
thời điểm đã xác định"); outside a session it waits for the next opening.

A period that ends exactly at the close of a session ends there (17:00), not at
the next opening. This module is the scalar reference; the batch path in
:mod:`cchc.dossiers.batch` uses the same convention.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from cchc.calendar import OfficeHours

from .calops import CalendarOps

__all__ = ["add_working_hours", "next_opening", "session_minutes"]

MINUTES_PER_HOUR = 60


def session_minutes(office_hours: OfficeHours) -> tuple[tuple[int, int], ...]:
    """The sessions as ``(start, end)`` minutes after midnight, in order."""
    out: list[tuple[int, int]] = []
    for session in office_hours.sessions:
        start, end = _bounds(session)
        out.append((start.hour * 60 + start.minute, end.hour * 60 + end.minute))
    return tuple(sorted(out))


def _bounds(session: object) -> tuple[time, time]:
    if isinstance(session, tuple):
        return session[0], session[1]
    start: time = getattr(session, "start")  # noqa: B009
    end: time = getattr(session, "end")  # noqa: B009
    return start, end


_US_PER_MINUTE = 60_000_000


def _at(day: date, micros: int, tz: tzinfo | None) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz) + timedelta(microseconds=micros)


def _micros_of(moment: datetime) -> int:
    return ((moment.hour * 60 + moment.minute) * 60 + moment.second) * 1_000_000 + (
        moment.microsecond
    )


def _session_micros(office_hours: OfficeHours) -> list[tuple[int, int]]:
    return [(a * _US_PER_MINUTE, b * _US_PER_MINUTE) for a, b in session_minutes(office_hours)]


def next_opening(
    moment: datetime,
    ops: CalendarOps,
    office_hours: OfficeHours,
) -> datetime:
    """``moment`` if the office is open then, else the next opening after it.

    ``moment`` must be aware and in the office's zone (Asia/Ho_Chi_Minh).
    """
    sessions = _session_micros(office_hours)
    day = moment.date()
    if ops.is_working_day(day):
        m = _micros_of(moment)
        for start, end in sessions:
            if m < start:
                return _at(day, start, moment.tzinfo)
            if m < end:
                return moment
    nxt = ops.next_working_day(day)
    return _at(nxt, sessions[0][0], moment.tzinfo)


def add_working_hours(
    start: datetime,
    hours: int,
    ops: CalendarOps,
    office_hours: OfficeHours,
) -> datetime:
    """The moment ``hours`` working hours after ``start``.

    Walks session by session; a result at the close of a session stays there.
    """
    sessions = _session_micros(office_hours)
    remaining = hours * MINUTES_PER_HOUR * _US_PER_MINUTE
    cur = next_opening(start, ops, office_hours)
    if remaining == 0:
        return cur
    day = cur.date()
    m = _micros_of(cur)
    while True:
        for s_start, s_end in sessions:
            if m >= s_end:
                continue
            avail = s_end - max(m, s_start)
            if remaining <= avail:
                return _at(day, max(m, s_start) + remaining, cur.tzinfo)
            remaining -= avail
            m = s_end
        day = ops.next_working_day(day)
        m = 0
