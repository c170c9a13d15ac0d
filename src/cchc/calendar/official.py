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

import bisect
import threading
from collections.abc import Iterable
from datetime import date
from typing import Any, Generic, Literal, TypeVar, overload

import attrs
import numpy as np
import numpy.typing as npt

from cchc._checks import require_int
from cchc._display import html_table, summary
from cchc.calendar.batch import (
    ProvisionalArray,
    as_int_array,
    coverage_error_at,
    indices,
    mask_of,
    span_uncovered,
    to_datetime64,
)
from cchc.calendar.bundled import bundled_notice, weekly_rest_source
from cchc.calendar.coverage import (
    PROVISIONAL_FIRST_YEAR,
    PROVISIONAL_YEARS_AHEAD,
    Coverage,
    coverage_error,
)
from cchc.calendar.days import DayTables
from cchc.calendar.entries import CalendarEntry, Notice
from cchc.calendar.holidays_view import OfficialHolidays
from cchc.calendar.inputs import DateLike, Inclusive, as_day, check_inclusive
from cchc.calendar.provisional import provisional_entries
from cchc.calendar.table import DayTable, ScalarTable, build_table
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.legal import LegalSource

__all__ = [
    "PROVISIONAL_FIRST_YEAR",
    "PROVISIONAL_YEARS_AHEAD",
    "Coverage",
    "OfficialCalendar",
    "Provisional",
]

T = TypeVar("T")


@attrs.frozen
class Provisional(Generic[T]):
    """An answer asked for with ``provisional=True``.

    ``provisional`` is True when the answer rests on at least one day outside
    the official coverage (``uncovered_years``); those days follow the Labour
    Code rules (see :mod:`cchc.calendar.provisional`), not a notice.
    ``unconfirmed`` lists the days off and make-up days the answer crosses whose
    reading is not confirmed from an original text (read from a secondary copy,
    derived from a rule, or provisional), each with its sources: see
    :meth:`OfficialCalendar.unconfirmed_days`.
    """

    value: T
    provisional: bool
    uncovered_years: tuple[int, ...]
    unconfirmed: tuple[CalendarEntry, ...] = ()

    @property
    def confirmed(self) -> bool:
        """True when no day the answer rests on is provisional or unconfirmed."""
        return not self.provisional and not self.unconfirmed


class OfficialCalendar:
    """The official working calendar: bundled notices 2015-2027 plus the user's.

    Args:
        notices: extra notices (a province's extra day off, next year's notice),
            applied after the bundled data; an entry for a date already present
            replaces it, and ``covers_years`` join the coverage.
        bundled: start from the bundled official data (default True).

    The calendar is immutable and thread-safe; build it once and reuse it. Its
    answers come from one dense :class:`~cchc.calendar.table.DayTable` (and, for
    ``provisional=True``, one more over the provisional range), built once:

    * one value: :meth:`is_working_day`, :meth:`add_working_days`,
      :meth:`working_days_between`, :meth:`rollforward` ... (lists, the reference);
    * columns: :meth:`is_working_day_batch`, :meth:`add_working_days_batch`,
      :meth:`working_days_between_batch`, :meth:`rollforward_batch` (NumPy gathers);
    * rules written once for both: :meth:`day_tables` (:mod:`cchc.calendar.days`);
    * what an answer rests on: :meth:`unconfirmed_days`;
    * other libraries' forms: :meth:`to_holidays`, :meth:`busdaycalendar`,
      :meth:`check_covered`.

    The counting conventions of NumPy and ``holidays`` differ and are easy to map::

        >>> import numpy as np
        >>> cal = OfficialCalendar()
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

    Columns are answered with a few gathers, no Python loop per element; errors
    name the first bad element and count the others::

        >>> days = np.array(["2025-01-24", "2026-01-02"], dtype="datetime64[D]")
        >>> cal.add_working_days_batch(days, 3)
        array(['2025-02-05', '2026-01-07'], dtype='datetime64[D]')
        >>> cal.is_working_day_batch(days)
        array([ True, False])
        >>> cal.add_working_days_batch(np.array(["2031-01-01"], dtype="datetime64[D]"), 1)
        Traceback (most recent call last):
        ...
        cchc.errors.CalendarCoverageError: field dates: 1 element(s) outside the official \
calendar's coverage (2015-2027), first at index 0 (2031-01-01); pass provisional=True \
for a rule-derived answer
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
        self._day_tables: dict[tuple[bool, bool], DayTables] = {}
        self._unconfirmed: dict[bool, tuple[list[int], list[CalendarEntry]]] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the data, not the lock or the derived tables (rebuilt on demand)."""
        state = self.__dict__.copy()
        del state["_lock"]
        state["_provisional"] = None
        state["_day_tables"] = {}
        state["_unconfirmed"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        """What it is, its coverage and its entries in a few lines."""
        off = sum(1 for e in self._table.entries.values() if e.is_day_off)
        return summary(
            "OfficialCalendar (lịch làm việc, Asia/Ho_Chi_Minh)",
            [
                ("coverage", str(self._coverage)),
                ("provisional range", self._coverage.provisional_range),
                ("days off", f"{off:,}"),
                ("make-up working days", f"{len(self._table.entries) - off:,}"),
            ],
        )

    def _repr_html_(self) -> str:
        """Days off and make-up days per covered year as a small HTML table (for notebooks)."""
        per_year: dict[int, list[int]] = {y: [0, 0] for y in self._coverage.years}
        for e in self._table.entries.values():
            if e.day.year in per_year:
                per_year[e.day.year][0 if e.is_day_off else 1] += 1
        rows = [[y, off, makeup] for y, (off, makeup) in per_year.items()]
        return html_table(
            ["year", "days off", "make-up working days"], rows, caption="OfficialCalendar"
        )

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
            raise coverage_error(
                f"year {year} is",
                field="year",
                span=self._span(provisional),
                provisional=provisional,
            )
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

    def unconfirmed_days(
        self, start: DateLike, end: DateLike | None = None, *, provisional: bool = False
    ) -> tuple[CalendarEntry, ...]:
        """The days in ``[start, end]`` whose reading is not confirmed, by date.

        A day off or make-up working day is confirmed when its date was read in
        the original text of its notice (``verification == "original"``) and it is
        not provisional. The others (read from a secondary copy, derived from the
        lunar calendar and the Labour Code, or provisional) are returned with their
        ``sources`` and ``verification``, so an answer resting on them can say so
        (ngày chưa được xác nhận từ văn bản gốc). Ordinary weekdays and weekends
        follow Quyết định 188/1999/QĐ-TTg and are not listed. ``end`` defaults to
        ``start``; the two may come in either order.

            >>> cal = OfficialCalendar()
            >>> [(e.day.isoformat(), e.verification.value)
            ...  for e in cal.unconfirmed_days("2027-04-12", "2027-04-19")]
            [('2027-04-16', 'derived')]
            >>> [s.key for s in cal.unconfirmed_days("2027-04-16")[0].sources]
            ['BLLD2019']

        Raises:
            CalendarCoverageError: a day outside the coverage (unless ``provisional``).
        """
        _, i, _ = self._index(start, "start", provisional)
        _, j, _ = self._index(start if end is None else end, "end", provisional)
        lo, hi = (i, j) if i <= j else (j, i)
        return self._unconfirmed_in(lo, hi, provisional)

    def _unconfirmed_in(self, lo: int, hi: int, provisional: bool) -> tuple[CalendarEntry, ...]:
        """Unconfirmed entries on the indices ``[lo, hi]`` of the mode's scalar table."""
        if hi < lo:
            return ()
        ordinals, found = self._unconfirmed_index(provisional)
        origin = (self.provisional_tables()[1] if provisional else self._scalar).origin_ordinal
        a = bisect.bisect_left(ordinals, origin + lo)
        b = bisect.bisect_right(ordinals, origin + hi)
        return tuple(found[a:b])

    def _unconfirmed_index(self, provisional: bool) -> tuple[list[int], list[CalendarEntry]]:
        cached = self._unconfirmed.get(provisional)
        if cached is None:
            table = self.provisional_tables()[0] if provisional else self._table
            found = sorted((e for e in table.entries.values() if not e.confirmed), key=_day)
            cached = ([e.day.toordinal() for e in found], found)
            self._unconfirmed[provisional] = cached
        return cached

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
        if not provisional:
            return value
        return Provisional(value, bool(years), years, self._unconfirmed_in(i, i, True))

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
        lo, hi = min(i, j), max(i, j)
        years = self._span_years(table, lo, hi, provisional, "span")
        value = table.between(i, j, how)
        if not provisional:
            return value
        all_years = tuple(sorted(set(years_a + years_b + years)))
        first = lo if how in ("left", "both") else lo + 1
        last = hi if how in ("right", "both") else hi - 1
        return Provisional(
            value, bool(all_years), all_years, self._unconfirmed_in(first, last, True)
        )

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

    # ---------------------------------------------------------------- batch
    @overload
    def is_working_day_batch(
        self, dates: Any, *, provisional: Literal[False] = False
    ) -> npt.NDArray[np.bool_]: ...
    @overload
    def is_working_day_batch(
        self, dates: Any, *, provisional: Literal[True]
    ) -> ProvisionalArray: ...
    def is_working_day_batch(
        self, dates: Any, *, provisional: bool = False
    ) -> npt.NDArray[np.bool_] | ProvisionalArray:
        """Vectorised :meth:`is_working_day` over ``datetime64[D]``-convertible input.

        Inputs may be NumPy arrays, lists of dates, pandas Series or Index (a
        timezone-aware one is first converted to Asia/Ho_Chi_Minh), or Arrow arrays
        (:func:`~cchc.calendar.batch.to_datetime64`).
        """
        table, _, idx, uncovered = self._batch_index(dates, "dates", provisional)
        values = table.is_work[idx]
        return ProvisionalArray(values, mask_of(idx, uncovered)) if provisional else values

    @overload
    def add_working_days_batch(
        self, dates: Any, n: Any, *, provisional: Literal[False] = False
    ) -> npt.NDArray[np.datetime64]: ...
    @overload
    def add_working_days_batch(
        self, dates: Any, n: Any, *, provisional: Literal[True]
    ) -> ProvisionalArray: ...
    def add_working_days_batch(
        self, dates: Any, n: Any, *, provisional: bool = False
    ) -> npt.NDArray[np.datetime64] | ProvisionalArray:
        """Vectorised :meth:`add_working_days`; ``n`` is an int or an integer array."""
        if not provisional and not self._table.has_holes:
            dates = to_datetime64(dates, field="dates")
            steps = as_int_array(n, dates.shape)
            fast = self._table.add_forward(dates.view(np.int64), steps)
            if fast is not None:  # all inside the coverage, n >= 1: nothing to check
                return fast.view("datetime64[D]")
        table, days, idx, uncovered = self._batch_index(dates, "dates", provisional)
        result = table.add(idx, as_int_array(n, idx.shape))
        return self._batch_dates(table, days, idx, result, uncovered, provisional)

    @overload
    def working_days_between_batch(
        self,
        starts: Any,
        ends: Any,
        *,
        inclusive: Inclusive = "right",
        provisional: Literal[False] = False,
    ) -> npt.NDArray[np.int64]: ...
    @overload
    def working_days_between_batch(
        self,
        starts: Any,
        ends: Any,
        *,
        inclusive: Inclusive = "right",
        provisional: Literal[True],
    ) -> ProvisionalArray: ...
    def working_days_between_batch(
        self,
        starts: Any,
        ends: Any,
        *,
        inclusive: Inclusive = "right",
        provisional: bool = False,
    ) -> npt.NDArray[np.int64] | ProvisionalArray:
        """Vectorised :meth:`working_days_between` (by default ``(start, end]``).

        ``inclusive`` is as in the scalar form: ``"right"``, ``"left"``,
        ``"both"`` or ``"neither"``.
        """
        how = check_inclusive(inclusive)
        table, days_a, a, unc_a = self._batch_index(starts, "starts", provisional)
        _, _, b, unc_b = self._batch_index(ends, "ends", provisional)
        if a.shape != b.shape:
            raise ValidationError(f"shapes differ: {a.shape} and {b.shape}", field="ends")
        values = table.between(a, b, how)
        span = span_uncovered(table, a, b) if table.has_holes else None
        if span is not None and span.any() and not provisional:
            raise coverage_error_at(days_a, span, "span", str(self._coverage), False)
        if not provisional:
            return values
        return ProvisionalArray(values, mask_of(a, unc_a, unc_b, span))

    def rollforward_batch(self, dates: Any) -> npt.NDArray[np.datetime64]:
        """Vectorised :meth:`rollforward`: each date, or the next working day."""
        table, days, idx, uncovered = self._batch_index(dates, "dates", False)
        result = self._batch_dates(table, days, idx, table.rollforward(idx), uncovered, False)
        assert not isinstance(result, ProvisionalArray)
        return result

    def _batch_index(
        self, dates: Any, field: str, provisional: bool
    ) -> tuple[
        DayTable, npt.NDArray[np.datetime64], npt.NDArray[np.int64], npt.NDArray[np.bool_] | None
    ]:
        days = to_datetime64(dates, field=field)
        table = self.provisional_tables()[0] if provisional else self._table
        span = self._span(provisional)
        idx, uncovered = indices(table, days, field=field, coverage=span, provisional=provisional)
        return table, days, idx, uncovered

    def _batch_dates(
        self,
        table: DayTable,
        days: npt.NDArray[np.datetime64],
        idx: npt.NDArray[np.int64],
        result: npt.NDArray[np.int64],
        uncovered: npt.NDArray[np.bool_] | None,
        provisional: bool,
    ) -> npt.NDArray[np.datetime64] | ProvisionalArray:
        if result.size and result.min() < 0:
            raise coverage_error_at(
                days, result < 0, "result", self._span(provisional), provisional
            )
        spans = span_uncovered(table, idx, result) if table.has_holes else None
        if spans is not None and spans.any() and not provisional:
            raise coverage_error_at(days, spans, "result", str(self._coverage), False)
        result += table.origin_days
        values = result.view("datetime64[D]")
        if not provisional:
            return values
        return ProvisionalArray(values, mask_of(idx, uncovered, spans))

    # --------------------------------------------------------------- tables
    def provisional_tables(self) -> tuple[DayTable, ScalarTable]:
        """Tables over ``PROVISIONAL_FIRST_YEAR`` .. last covered year + 30 (built once)."""
        with self._lock:
            if self._provisional is None:
                first = self._coverage.provisional_first_year
                last = self._coverage.provisional_last_year
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

    def day_tables(self, *, columns: bool, provisional: bool = False) -> DayTables:
        """The day tables the dossier rules read (:mod:`cchc.calendar.days`), built once.

        ``columns=True`` gives NumPy arrays (the batch path), ``False`` lists (one
        value); ``provisional=True`` spans the provisional range.

        Raises:
            CalendarCoverageError: the covered years are not one run (a hole between
                two notices' years).
        """
        key = (columns, provisional)
        found = self._day_tables.get(key)
        if found is not None:
            return found
        if columns:
            table = self.provisional_tables()[0] if provisional else self._table
            built = DayTables.of(table, span=self._span(provisional), provisional=provisional)
        else:
            scalar = self.provisional_tables()[1] if provisional else self._scalar
            arrays = self.day_tables(columns=True, provisional=provisional)
            built = arrays.as_lists(work_idx=scalar.work_idx)
        with self._lock:
            return self._day_tables.setdefault(key, built)

    # -------------------------------------------------------------- interop
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
        _, days, _, _ = self._batch_index(dates, field, provisional)
        return days

    # ------------------------------------------------------------- internal
    def _span(self, provisional: bool) -> str:
        """The span a refusal names: the coverage, or the provisional range."""
        return self._coverage.provisional_range if provisional else str(self._coverage)

    def _provisional_span_has(self, year: int) -> bool:
        cov = self._coverage
        return cov.provisional_first_year <= year <= cov.provisional_last_year

    def _index(
        self, value: DateLike, field: str, provisional: bool
    ) -> tuple[ScalarTable, int, tuple[int, ...]]:
        day = as_day(value, field=field)
        table = self.provisional_tables()[1] if provisional else self._scalar
        i = day.toordinal() - table.origin_ordinal
        if not 0 <= i < len(table.is_work):
            raise self._refusal(f"{day.isoformat()} is", field, provisional)
        if table.uncovered_in(i, i):
            if not provisional:
                raise self._refusal(f"{day.isoformat()} is", field, False)
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
            raise self._refusal(f"the span {first}..{last} is", field, False)
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
            raise self._refusal(f"the answer for {start.isoformat()} is", field, provisional)
        lo, hi = min(i, j), max(i, j)
        span = self._span_years(table, lo, hi, provisional, field)
        value = date.fromordinal(table.origin_ordinal + j)
        if not provisional:
            return value
        all_years = tuple(sorted(set(years + span)))
        unconfirmed = (
            self._unconfirmed_in(lo + 1, hi, True)
            if j > i
            else (self._unconfirmed_in(lo, hi - 1, True))
        )
        return Provisional(value, bool(all_years), all_years, unconfirmed)

    def _refusal(self, subject: str, field: str, provisional: bool) -> CalendarCoverageError:
        return coverage_error(
            subject, field=field, span=self._span(provisional), provisional=provisional
        )


def _day(entry: CalendarEntry) -> date:
    return entry.day


def _int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"expected an integer, got {value!r}", field=field)
    return value
