"""The default calendar (lịch mặc định): one cached :class:`OfficialCalendar`.

Every calculator that takes ``calendar=None`` uses this one instance, so the
bundled notices are read and the dense day tables built once per process.
:class:`WorkingCalendar` is the part of a calendar that plans, reporting and
documents use (a caller may pass their own); a deadline on a day off moves to the
next working day with its ``rollforward`` (Bộ luật Dân sự 2015 Điều 148 khoản 5,
``source("BLDS2015-148")``):

    >>> default_calendar() is default_calendar()
    True
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Protocol

from cchc.calendar.official import OfficialCalendar

__all__ = ["WorkingCalendar", "default_calendar"]


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
