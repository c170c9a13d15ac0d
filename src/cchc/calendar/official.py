"""The official civil-service working calendar (lịch làm việc của cơ quan hành chính).

A day is a working day (ngày làm việc) of cán bộ, công chức, viên chức when it
is Monday to Friday (weekly rest on Saturday and Sunday: Quyết định
188/1999/QĐ-TTg Điều 1) and no official notice makes it a day off (holiday,
compensatory day, swapped day off), or when a notice makes it a make-up working
day (đi làm bù), such as Saturday 2025-04-26.

Counting convention (as ``numpy.busday_offset(d, n, roll="backward")`` for
``n >= 1``, were it able to know make-up Saturdays): ``add_working_days(d, n)`` is the n-th
working day after ``d``, ``d`` itself not counted; ``working_days_between(a, b)``
counts the working days in the half-open span ``(a, b]``::

    >>> from datetime import date
    >>> cal = OfficialCalendar()
    >>> cal.add_working_days(date(2025, 1, 24), 3)   # Tết break 25/1-2/2/2025 skipped
    datetime.date(2025, 2, 5)
    >>> cal.is_working_day(date(2025, 4, 26))        # make-up Saturday (làm bù)
    True
    >>> cal.is_working_day(date(2026, 1, 2)), cal.is_working_day(date(2026, 1, 10))
    (False, True)
    >>> cal.working_days_between(date(2025, 1, 24), date(2025, 2, 5))
    3
    >>> cal.add_working_days(date(2031, 1, 2), 1)
    Traceback (most recent call last):
    ...
    cchc.errors.CalendarCoverageError: field date: 2031-01-02 is outside the official \
calendar's coverage (2015-2027); pass provisional=True for a rule-derived answer
    >>> answer = cal.add_working_days(date(2031, 1, 2), 1, provisional=True)
    >>> answer.value, answer.provisional, answer.uncovered_years
    (datetime.date(2031, 1, 3), True, (2031,))
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from cchc._checks import require_int
from cchc.calendar.batch import BatchMethods
from cchc.calendar.bundled import bundled_notice, weekly_rest_source
from cchc.calendar.entries import CalendarEntry, Notice
from cchc.calendar.inputs import DateLike, Inclusive, as_day, check_inclusive
from cchc.calendar.interop import InteropMethods
from cchc.calendar.provisional import provisional_entries
from cchc.calendar.table import DayTable, ScalarTable, build_table
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.legal import LegalSource

__all__ = ["PROVISIONAL_FIRST_YEAR", "Coverage", "OfficialCalendar", "Provisional"]

T = TypeVar("T")

PROVISIONAL_FIRST_YEAR = 2000
"""First year a provisional answer is given for (the 5-day week of QĐ 188/1999 began 1/10/1999)."""
PROVISIONAL_YEARS_AHEAD = 30
"""Provisional answers reach this many years past the last covered year."""


@attrs.frozen
class Coverage:
    """The years the official calendar covers (each fully specified by notices)."""

    years: tuple[int, ...]

    @property
    def first_year(self) -> int:
        """First covered year."""
        return self.years[0]

    @property
    def last_year(self) -> int:
        """Last covered year."""
        return self.years[-1]

    def __contains__(self, year: object) -> bool:
        return year in self.years

    def __str__(self) -> str:
        contiguous = self.last_year - self.first_year + 1 == len(self.years)
        if contiguous:
            return f"{self.first_year}-{self.last_year}"
        return ", ".join(map(str, self.years))


@attrs.frozen
class Provisional(Generic[T]):
    """An answer asked for with ``provisional=True``.

    ``provisional`` is True when the answer rests on at least one day outside
    the official coverage (``uncovered_years``); those days follow the Labour
    Code rules (see :mod:`cchc.calendar.provisional`), not a notice.
    """

    value: T
    provisional: bool
    uncovered_years: tuple[int, ...]


class OfficialCalendar(BatchMethods, InteropMethods):
    """The official working calendar: bundled notices 2015-2027 plus the user's.

    Args:
        notices: extra notices (a province's extra day off, next year's notice),
            applied after the bundled data; an entry for a date already present
            replaces it, and ``covers_years`` join the coverage.
        bundled: start from the bundled official data (default True).

    The calendar is immutable and thread-safe; build it once and reuse it.
    """

    def __init__(self, notices: Iterable[Notice] = (), *, bundled: bool = True) -> None:
        all_notices = ((bundled_notice(),) if bundled else ()) + tuple(notices)
        years = sorted({y for n in all_notices for y in n.covers_years})
        if not years:
            raise ValidationError("the calendar covers no year: give a notice with covers_years")
        self._entries: tuple[CalendarEntry, ...] = tuple(e for n in all_notices for e in n.entries)
        self._coverage = Coverage(tuple(years))
        self._table = build_table(
            date(years[0], 1, 1), date(years[-1], 12, 31), self._entries, years
        )
        self._scalar = ScalarTable.of(self._table)
        self._lock = threading.Lock()
        self._provisional: tuple[DayTable, ScalarTable] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the data, not the lock or the provisional cache (rebuilt on demand)."""
        state = self.__dict__.copy()
        del state["_lock"]
        state["_provisional"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def with_notices(self, *notices: Notice) -> OfficialCalendar:
        """A new calendar with ``notices`` applied on top of this one's data."""
        extra = Notice(entries=self._entries, covers_years=self._coverage.years)
        return OfficialCalendar((extra, *notices), bundled=False)

    # ----------------------------------------------------------------- data
    @property
    def coverage(self) -> Coverage:
        """Covered years (first, last, and all of them)."""
        return self._coverage

    @property
    def table(self) -> DayTable:
        """The dense day table over the coverage (for vectorised code)."""
        return self._table

    @property
    def weekly_rest_source(self) -> LegalSource:
        """Quyết định 188/1999/QĐ-TTg Điều 1: rest on Saturday and Sunday."""
        return weekly_rest_source()

    def entries(self, year: int, *, provisional: bool = False) -> list[CalendarEntry]:
        """Every day off and make-up working day of ``year``, by date."""
        require_int(year, field="year", low=1, high=9999)
        if year in self._coverage:
            found = [e for e in self._table.entries.values() if e.day.year == year]
        elif provisional and self._provisional_span_has(year):
            by_day = {e.day: e for e in provisional_entries(year)}
            by_day.update({e.day: e for e in self._entries if e.day.year == year})
            found = list(by_day.values())
        else:
            raise self._coverage_error(f"year {year}", field="year", provisional=provisional)
        return sorted(found, key=lambda e: e.day)

    def days_off(self, year: int, *, provisional: bool = False) -> list[CalendarEntry]:
        """Official days off of ``year`` (holidays, compensatory and swapped days)."""
        return [e for e in self.entries(year, provisional=provisional) if e.is_day_off]

    def makeup_workdays(self, year: int, *, provisional: bool = False) -> list[CalendarEntry]:
        """Make-up working days (đi làm bù) of ``year``."""
        return [e for e in self.entries(year, provisional=provisional) if not e.is_day_off]

    def entry(self, day: DateLike) -> CalendarEntry | None:
        """The entry for ``day`` if a notice names it (covered years only)."""
        return self._table.entries.get(as_day(day))

    # --------------------------------------------------------------- scalar
    @overload
    def is_working_day(self, day: DateLike, *, provisional: Literal[False] = False) -> bool: ...
    @overload
    def is_working_day(self, day: DateLike, *, provisional: Literal[True]) -> Provisional[bool]: ...
    def is_working_day(
        self, day: DateLike, *, provisional: bool = False
    ) -> bool | Provisional[bool]:
        """Whether ``day`` is a working day (an aware datetime is read in Asia/Ho_Chi_Minh)."""
        table, i, years = self._index(day, "date", provisional)
        value = table.is_work[i]
        return Provisional(value, bool(years), years) if provisional else value

    @overload
    def add_working_days(
        self, day: DateLike, n: int, *, provisional: Literal[False] = False
    ) -> date: ...
    @overload
    def add_working_days(
        self, day: DateLike, n: int, *, provisional: Literal[True]
    ) -> Provisional[date]: ...
    def add_working_days(
        self, day: DateLike, n: int, *, provisional: bool = False
    ) -> date | Provisional[date]:
        """The n-th working day after ``day`` (``day`` not counted; negative n goes back).

        ``n == 0`` returns ``day`` itself, working day or not.
        """
        n = _int(n, "n")
        table, i, years = self._index(day, "date", provisional)
        j = table.add(i, n)
        return self._result(table, i, j, years, provisional, "result")

    @overload
    def working_days_between(
        self,
        start: DateLike,
        end: DateLike,
        *,
        inclusive: Inclusive = "right",
        provisional: Literal[False] = False,
    ) -> int: ...
    @overload
    def working_days_between(
        self,
        start: DateLike,
        end: DateLike,
        *,
        inclusive: Inclusive = "right",
        provisional: Literal[True],
    ) -> Provisional[int]: ...
    def working_days_between(
        self,
        start: DateLike,
        end: DateLike,
        *,
        inclusive: Inclusive = "right",
        provisional: bool = False,
    ) -> int | Provisional[int]:
        """Working days in the half-open span ``(start, end]`` (negative if end < start).

        ``inclusive`` chooses which ends count: ``"right"`` (default, the later
        day: ``(start, end]``), ``"left"`` (the earlier day: ``[start, end)``,
        as ``numpy.busday_count``), ``"both"`` (``[start, end]``, as
        ``holidays``' ``get_working_days_count``) or ``"neither"``. When
        ``end < start`` the span runs from ``end`` to ``start`` and the count is
        negative; "left" and "right" still mean the earlier and the later day.
        """
        how = check_inclusive(inclusive)
        table, i, years_a = self._index(start, "start", provisional)
        _, j, years_b = self._index(end, "end", provisional)
        years = self._span_years(table, min(i, j), max(i, j), provisional, "span")
        value = table.between(i, j, how)
        all_years = tuple(sorted(set(years_a + years_b + years)))
        return Provisional(value, bool(all_years), all_years) if provisional else value

    def next_working_day(self, day: DateLike) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: DateLike) -> date:
        """The last working day strictly before ``day``."""
        return self.add_working_days(day, -1)

    def rollforward(self, day: DateLike) -> date:
        """``day`` if it is a working day, else the next working day."""
        table, i, _ = self._index(day, "date", False)
        return self._plain(table, i, table.rollforward(i))

    def rollback(self, day: DateLike) -> date:
        """``day`` if it is a working day, else the previous working day."""
        table, i, _ = self._index(day, "date", False)
        return self._plain(table, i, table.rollback(i))

    def _plain(self, table: ScalarTable, i: int, j: int) -> date:
        value = self._result(table, i, j, (), False, "result")
        assert isinstance(value, date)
        return value

    def _provisional_range(self) -> str:
        first = min(PROVISIONAL_FIRST_YEAR, self._coverage.first_year)
        return f"{first}-{self._coverage.last_year + PROVISIONAL_YEARS_AHEAD}"

    # ------------------------------------------------------------- internal
    def provisional_tables(self) -> tuple[DayTable, ScalarTable]:
        """Tables over ``PROVISIONAL_FIRST_YEAR`` .. last covered year + 30 (built once)."""
        with self._lock:
            if self._provisional is None:
                first = min(PROVISIONAL_FIRST_YEAR, self._coverage.first_year)
                last = self._coverage.last_year + PROVISIONAL_YEARS_AHEAD
                derived = [
                    e
                    for y in range(first, last + 1)
                    if y not in self._coverage
                    for e in provisional_entries(y)
                ]
                table = build_table(
                    date(first, 1, 1),
                    date(last, 12, 31),
                    [*derived, *self._entries],
                    self._coverage.years,
                )
                self._provisional = (table, ScalarTable.of(table))
            return self._provisional

    def _provisional_span_has(self, year: int) -> bool:
        first = min(PROVISIONAL_FIRST_YEAR, self._coverage.first_year)
        return first <= year <= self._coverage.last_year + PROVISIONAL_YEARS_AHEAD

    def _index(
        self, value: DateLike, field: str, provisional: bool
    ) -> tuple[ScalarTable, int, tuple[int, ...]]:
        day = as_day(value, field=field)
        table = self.provisional_tables()[1] if provisional else self._scalar
        i = day.toordinal() - table.origin_ordinal
        if not 0 <= i < len(table.is_work):
            raise self._coverage_error(day.isoformat(), field=field, provisional=provisional)
        if table.uncovered_in(i, i):
            if not provisional:
                raise self._coverage_error(day.isoformat(), field=field)
            return table, i, (day.year,)
        return table, i, ()

    def _span_years(
        self, table: ScalarTable, lo: int, hi: int, provisional: bool, field: str
    ) -> tuple[int, ...]:
        if not table.uncovered_in(lo, hi):
            return ()
        first = date.fromordinal(table.origin_ordinal + lo)
        last = date.fromordinal(table.origin_ordinal + hi)
        if not provisional:
            raise self._coverage_error(f"the span {first}..{last}", field=field)
        return tuple(y for y in range(first.year, last.year + 1) if y not in self._coverage)

    def _result(
        self,
        table: ScalarTable,
        i: int,
        j: int,
        years: tuple[int, ...],
        provisional: bool,
        field: str,
    ) -> date | Provisional[date]:
        start = date.fromordinal(table.origin_ordinal + i)
        if j < 0:
            raise self._coverage_error(
                f"the answer for {start.isoformat()}", field=field, provisional=provisional
            )
        span = self._span_years(table, min(i, j), max(i, j), provisional, field)
        value = date.fromordinal(table.origin_ordinal + j)
        if not provisional:
            return value
        all_years = tuple(sorted(set(years + span)))
        return Provisional(value, bool(all_years), all_years)

    def _coverage_error(
        self, what: str, *, field: str, provisional: bool = False
    ) -> CalendarCoverageError:
        if provisional:
            return CalendarCoverageError(
                f"{what} is outside even the provisional range ({self._provisional_range()})",
                field=field,
            )
        return CalendarCoverageError(
            f"{what} is outside the official calendar's coverage ({self._coverage}); "
            "pass provisional=True for a rule-derived answer",
            field=field,
        )


def _int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"expected an integer, got {value!r}", field=field)
    return value
