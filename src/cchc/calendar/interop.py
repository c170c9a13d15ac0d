"""The official calendar in the forms ``holidays`` and NumPy users already use.

- :meth:`InteropMethods.to_holidays`: a ``holidays.HolidayBase`` holding the
  days off and make-up working days (see :mod:`cchc.calendar.holidays_view`);
- :meth:`InteropMethods.busdaycalendar`: an exact ``numpy.busdaycalendar``, with
  all seven weekdays in the mask and every non-working day as a holiday, so a
  make-up Saturday is a business day;
- :meth:`InteropMethods.check_covered`: the guard NumPy does not have (outside
  the days the busdaycalendar lists, NumPy takes every day as a working day).

The counting conventions differ and are easy to map::

    >>> import numpy as np
    >>> from datetime import date
    >>> from cchc.calendar import default_calendar
    >>> cal = default_calendar()
    >>> bc = cal.busdaycalendar()
    >>> str(np.busday_offset("2025-01-24", 3, roll="backward", busdaycal=bc))
    '2025-02-05'
    >>> bool(np.is_busday("2025-04-26", busdaycal=bc))      # make-up Saturday (làm bù)
    True
    >>> int(np.busday_count("2025-04-26", "2025-05-05", busdaycal=bc))   # [start, end)
    3
    >>> cal.working_days_between(date(2025, 4, 26), date(2025, 5, 5), inclusive="left")
    3
    >>> cal.check_covered(np.array(["2027-12-31", "2028-01-03"], dtype="M8[D]"))
    Traceback (most recent call last):
    ...
    cchc.errors.CalendarCoverageError: field dates: 1 element(s) outside the official \
calendar's coverage (2015-2027), first at index 1 (2028-01-03); pass provisional=True \
for a rule-derived answer
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from cchc.calendar.batch import indices, to_datetime64
from cchc.calendar.holidays_view import OfficialHolidays
from cchc.calendar.table import DayTable, ScalarTable

if TYPE_CHECKING:
    from cchc.calendar.entries import CalendarEntry
    from cchc.calendar.official import Coverage

__all__ = ["InteropMethods"]


class InteropMethods:
    """The ``holidays`` and NumPy views of :class:`~cchc.calendar.OfficialCalendar`."""

    _table: DayTable
    _coverage: Coverage

    if TYPE_CHECKING:  # provided by OfficialCalendar

        def provisional_tables(self) -> tuple[DayTable, ScalarTable]: ...

        def _provisional_range(self) -> str: ...

        def entries(self, year: int, *, provisional: bool = False) -> list[CalendarEntry]: ...

    def to_holidays(
        self, *, provisional: bool = False, language: Literal["vi", "en"] = "vi"
    ) -> OfficialHolidays:
        """A ``holidays.HolidayBase`` with this calendar's days off and make-up days.

        Every covered year is filled at once. ``d in h``, ``h[d]``, ``h.get(d)``,
        ``h.is_working_day(d)``, ``h.get_nth_working_day(d, n)`` and
        ``h.get_working_days_count(a, b)`` then give this calendar's answers
        (mind the conventions: ``get_nth_working_day(d, 0)`` rolls forward, and
        ``get_working_days_count`` counts ``[a, b]``). A date in a year outside
        the coverage raises :class:`~cchc.errors.CalendarCoverageError` unless
        ``provisional=True``, which fills that year from the Labour Code rules
        (names marked "(dự kiến)").
        """
        return OfficialHolidays(
            self, years=self._coverage.years, provisional=provisional, language=language
        )

    def busdaycalendar(self, *, provisional: bool = False) -> np.busdaycalendar:
        """An exact ``numpy.busdaycalendar`` over the covered years.

        The weekmask holds all seven days and every non-working day (weekends,
        days off) is a holiday, so make-up Saturdays are business days and
        ``np.is_busday``, ``np.busday_offset`` and ``np.busday_count`` agree with
        this calendar on every covered day. Outside the listed span NumPy takes
        every day as a business day, silently: check inputs and results with
        :meth:`check_covered`. ``provisional=True`` spans the provisional range
        (2000 to 30 years past the coverage), its uncovered days derived from rules.
        """
        table = self.provisional_tables()[0] if provisional else self._table
        days_off = (np.flatnonzero(~table.is_work) + table.origin_days).view("datetime64[D]")
        return np.busdaycalendar(weekmask="1111111", holidays=days_off)

    def check_covered(
        self, dates: Any, *, field: str = "dates", provisional: bool = False
    ) -> npt.NDArray[np.datetime64]:
        """``dates`` as ``datetime64[D]``, if every one of them is covered.

        The guard for NumPy's business-day functions: pass it the inputs and the
        results of ``np.busday_offset``/``np.busday_count`` with
        :meth:`busdaycalendar`; an answer is exact when both lie in the coverage.

        Raises:
            CalendarCoverageError: naming the first uncovered element and the count.
            ValidationError: values that are not dates, or missing (NaT).
        """
        days = to_datetime64(dates, field=field)
        table = self.provisional_tables()[0] if provisional else self._table
        span = self._provisional_range() if provisional else str(self._coverage)
        indices(table, days, field=field, coverage=span, provisional=provisional)
        return days
