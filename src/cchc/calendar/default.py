"""The default calendar (lịch mặc định): one cached :class:`OfficialCalendar`.

Every calculator that takes ``calendar=None`` uses this one instance, so the
bundled notices are read and the dense day tables built once per process:

    >>> default_calendar() is default_calendar()
    True
"""

from __future__ import annotations

import functools

from cchc.calendar.official import OfficialCalendar

__all__ = ["default_calendar"]


@functools.cache
def default_calendar() -> OfficialCalendar:
    """The bundled official calendar, built on first use and shared afterwards."""
    return OfficialCalendar()
