"""The official calendar as a ``holidays`` object (lịch nghỉ dạng ``holidays``).

:class:`OfficialHolidays` is a :class:`holidays.HolidayBase` subclass filled
from an :class:`~cchc.calendar.OfficialCalendar`: every day a notice makes a day
off (nghỉ lễ, tết; nghỉ bù; nghỉ hoán đổi) is a key whose value is its
Vietnamese name, and every make-up working day (đi làm bù) is in
``weekend_workdays``. So the methods of ``holidays`` give cchc's answers::

    >>> from cchc.calendar import default_calendar
    >>> h = default_calendar().to_holidays()
    >>> "2025-01-28" in h, h["2025-01-28"]
    (True, 'Tết Âm lịch (Tết Nguyên đán)')
    >>> h.is_working_day("2025-04-26"), h.is_working_day("2025-05-02")  # làm bù; hoán đổi
    (True, False)
    >>> h.get_nth_working_day("2025-01-24", 3)
    datetime.date(2025, 2, 5)
    >>> h.get("2031-01-01")
    Traceback (most recent call last):
    ...
    cchc.errors.CalendarCoverageError: field year: year 2031 is outside the official \
calendar's coverage (2015-2027); pass provisional=True for a rule-derived answer

Differences from a plain ``holidays`` object, on purpose:

- a year outside the coverage raises :class:`~cchc.errors.CalendarCoverageError`
  instead of being silently empty; ``to_holidays(provisional=True)`` fills it
  from the Labour Code rules instead, each name marked "(dự kiến)";
- keys are read as the rest of cchc reads them (:func:`cchc.calendar.inputs.as_day`):
  ISO date strings only (``"01/02/2025"`` is ambiguous and refused), aware
  datetimes in Vietnam time, naive datetimes refused, ``numpy.datetime64`` and
  ``pandas.Timestamp`` accepted; a number is a Unix timestamp read in Vietnam time.
  Bad keys raise :class:`~cchc.errors.ValidationError` (a ``ValueError``).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Literal, Protocol

import holidays

from cchc.calendar.entries import CalendarEntry
from cchc.calendar.inputs import as_day
from cchc.errors import CchcError, ValidationError
from cchc.tz import VN_TZ

__all__ = ["OfficialHolidays"]

_MARK = {"vi": " (dự kiến)", "en": " (provisional)"}


class EntrySource(Protocol):
    """What the view needs from a calendar: the entries of one year."""

    def entries(self, year: int, *, provisional: bool = False) -> list[CalendarEntry]:
        """Every day off and make-up working day of ``year``."""
        ...


class OfficialHolidays(holidays.HolidayBase):
    """Days off of the official calendar as a ``holidays.HolidayBase``.

    Build it with :meth:`cchc.calendar.OfficialCalendar.to_holidays`.

    Args:
        calendar: the calendar whose entries fill the object.
        years: years to fill at once (more are filled when a date of theirs is
            asked about, as in ``holidays``).
        provisional: fill years outside the coverage from the Labour Code
            rules (names marked "(dự kiến)" / "(provisional)"); by default they
            raise :class:`~cchc.errors.CalendarCoverageError`.
        language: ``"vi"`` (default) for the Vietnamese names, ``"en"`` for English.
    """

    country = "VN"

    def __init__(
        self,
        calendar: EntrySource,
        *,
        years: tuple[int, ...] = (),
        provisional: bool = False,
        language: Literal["vi", "en"] = "vi",
    ) -> None:
        if language not in _MARK:
            raise ValidationError(f"expected 'vi' or 'en', got {language!r}", field="language")
        self._calendar = calendar
        self._provisional = bool(provisional)
        super().__init__(years=years, language=language)

    @property
    def provisional(self) -> bool:
        """Whether years outside the coverage are filled from rules."""
        return self._provisional

    def _populate(self, year: int) -> None:
        try:
            entries = self._calendar.entries(year, provisional=self._provisional)
        except CchcError:
            self.years.discard(year)  # nothing was filled: ask again, fail again
            raise
        language = "en" if self.language == "en" else "vi"
        for entry in entries:
            if not entry.is_day_off:
                self.weekend_workdays.add(entry.day)
                continue
            name = entry.name_en if language == "en" else entry.name_vi
            if entry.provisional:
                name += _MARK[language]
            dict.__setitem__(self, entry.day, name)

    def __keytransform__(self, key: object) -> date:
        day = _key_day(key)
        if self.expand and day.year not in self.years:
            self.years.add(day.year)
            self._populate(day.year)
        return day

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, self.__keytransform__(key))


def _key_day(key: object) -> date:
    if isinstance(key, bool):
        raise ValidationError(f"expected a date, got bool {key!r}", field="key")
    if isinstance(key, int | float):
        if not math.isfinite(key):
            raise ValidationError(f"not a Unix timestamp: {key!r}", field="key")
        try:
            return datetime.fromtimestamp(key, VN_TZ).date()
        except (OverflowError, OSError, ValueError):
            raise ValidationError(f"not a Unix timestamp: {key!r}", field="key") from None
    return as_day(key, field="key")
