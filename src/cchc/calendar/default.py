"""The default calendar (lịch mặc định): one cached :class:`OfficialCalendar`.

Every calculator that takes ``calendar=None`` uses this one instance, so the
bundled notices are read and the dense day tables built once per process.
:class:`WorkingCalendar` is the part of a calendar that plans, reporting and
documents use (a caller may pass their own); a deadline on a day off moves to the
next working day with its ``rollforward`` (Bộ luật Dân sự 2015 Điều 148 khoản 5,
``source("BLDS2015-148")``):

    >>> default_calendar() is default_calendar()
    True

:class:`CalendarOps` is a calculator's calendar: the one it was given (or this
default) in one mode, official or provisional, recording whether an answer rested
on a provisional day, so that its result can say so::

    >>> from cchc.calendar.days import day_tables
    >>> ops = CalendarOps(None, provisional=True)
    >>> tables = day_tables(ops, columns=False)
    >>> tables.check(tables.covered[1] + 1, "due_at", ops)   # 1 January after the coverage
    >>> ops.used_provisional
    True
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Protocol

from cchc.calendar.official import OfficialCalendar

__all__ = ["CalendarOps", "WorkingCalendar", "default_calendar"]


class WorkingCalendar(Protocol):
    """The part of :class:`OfficialCalendar` the plan, report and document calculators use."""

    def is_working_day(self, d: date, /) -> bool: ...
    def add_working_days(self, d: date, n: int, /) -> date: ...
    def working_days_between(self, start: date, end: date, /) -> int: ...
    def rollforward(self, day: date, /) -> date: ...


@functools.cache
def default_calendar() -> OfficialCalendar:
    """The bundled official calendar, built on first use and shared afterwards."""
    return OfficialCalendar()


class CalendarOps:
    """A calendar in one mode, recording whether an answer rested on a provisional day.

    Args:
        calendar: the calendar (default: :func:`default_calendar`).
        provisional: answer outside the official coverage too, from the Labour
            Code rules (``provisional=True``, ``--provisional``).

    The rules read its day tables (:func:`cchc.calendar.days.day_tables`, built once
    per calendar); :meth:`~cchc.calendar.days.DayTables.check` sets
    ``used_provisional``.
    """

    __slots__ = ("calendar", "provisional", "used_provisional")

    def __init__(self, calendar: OfficialCalendar | None, provisional: bool = False) -> None:
        self.calendar = calendar if calendar is not None else default_calendar()
        self.provisional = provisional
        self.used_provisional = False
        """True once an answer rested on a day outside the official coverage."""

    def between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``, in this mode."""
        if not self.provisional:
            return self.calendar.working_days_between(start, end)
        answer = self.calendar.working_days_between(start, end, provisional=True)
        self.used_provisional |= answer.provisional
        return answer.value
