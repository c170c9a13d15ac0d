"""Vectorised calendar operations over NumPy ``datetime64[D]`` arrays.

Inputs may be anything convertible: NumPy arrays, lists of dates, pandas
Series or Index (a timezone-aware one is first converted to Asia/Ho_Chi_Minh),
or Arrow arrays. Each operation converts once, checks coverage with one
vectorised pass, and answers with a few gathers into the precomputed
:class:`~cchc.calendar.table.DayTable`: no Python loop per element.

Errors name the first bad element and count the others; nothing is dropped::

    >>> import numpy as np
    >>> from cchc.calendar import OfficialCalendar
    >>> cal = OfficialCalendar()
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

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar.inputs import Inclusive, as_day, check_inclusive
from cchc.calendar.table import DayTable, ScalarTable
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.tz import VN_TZ

if TYPE_CHECKING:
    from cchc.calendar.official import Coverage

__all__ = ["BatchMethods", "ProvisionalArray", "to_datetime64"]

Int64Array = npt.NDArray[np.int64]


@attrs.frozen(eq=False)
class ProvisionalArray:
    """A batch answer asked for with ``provisional=True``.

    ``provisional[i]`` is True where element ``i`` rests on a day outside the
    official coverage (derived from Labour Code rules, not from a notice).
    """

    values: npt.NDArray[Any]
    provisional: npt.NDArray[np.bool_]


def to_datetime64(dates: Any, *, field: str = "dates") -> npt.NDArray[np.datetime64]:
    """Convert dates to a 1-D ``datetime64[D]`` array.

    Raises:
        NaiveDatetimeError: a list holds a naive ``datetime``.
        ValidationError: values that are not dates, or missing values (NaT).
    """
    tz = getattr(getattr(dates, "dt", None), "tz", None) or getattr(dates, "tz", None)
    if tz is not None:  # timezone-aware pandas Series / DatetimeIndex
        if hasattr(dates, "dt"):
            dates = dates.dt.tz_convert(VN_TZ).dt.tz_localize(None)
        else:
            dates = dates.tz_convert(VN_TZ).tz_localize(None)
    if hasattr(dates, "to_numpy") and not isinstance(dates, np.ndarray):
        dates = dates.to_numpy()
    array = np.asarray(dates)
    if array.dtype == object or array.dtype.kind in "UO":
        array = _from_objects(array, field)
    elif array.dtype.kind != "M":
        raise ValidationError(f"expected dates, got an array of {array.dtype}", field=field)
    elif array.dtype != np.dtype("datetime64[D]"):
        array = array.astype("datetime64[D]")
    return np.atleast_1d(array)


def _from_objects(array: npt.NDArray[Any], field: str) -> npt.NDArray[np.datetime64]:
    out = np.empty(array.shape, dtype="datetime64[D]")
    flat = out.reshape(-1)
    for i, value in enumerate(array.reshape(-1)):  # object input only: a list of dates
        flat[i] = np.datetime64(as_day(value, field=f"{field}[{i}]"), "D")
    return out


def indices(
    table: DayTable,
    dates: npt.NDArray[np.datetime64],
    *,
    field: str,
    coverage: str,
    provisional: bool,
) -> tuple[Int64Array, npt.NDArray[np.bool_] | None]:
    """Day numbers of ``dates`` in ``table`` and the mask of uncovered ones.

    The mask is ``None`` when the table has no uncovered day (the usual case:
    the official table spans exactly the covered years), which saves a pass.
    Range checks use one min and one max, not a mask, unless something is off.
    """
    idx = dates.view(np.int64) - table.origin_days
    if idx.size and (idx.min() < 0 or idx.max() >= table.size):
        nat = np.isnat(dates)
        if nat.any():
            first = int(np.flatnonzero(nat.reshape(-1))[0])
            raise ValidationError(
                f"{int(nat.sum())} missing date(s) (NaT), first at index {first}", field=field
            )
        raise coverage_error(dates, (idx < 0) | (idx >= table.size), field, coverage, provisional)
    if not table.has_holes:
        return idx, None
    uncovered = table.uncovered_in(idx, idx) > 0
    if uncovered.any() and not provisional:
        raise coverage_error(dates, uncovered, field, coverage, False)
    return idx, uncovered


def span_uncovered(table: DayTable, a: Int64Array, b: Int64Array) -> npt.NDArray[np.bool_]:
    """Whether the inclusive spans between ``a`` and ``b`` touch an uncovered day."""
    return table.uncovered_in(np.minimum(a, b), np.maximum(a, b)) > 0


def coverage_error(
    dates: npt.NDArray[np.datetime64],
    bad: npt.NDArray[np.bool_],
    field: str,
    coverage: str,
    provisional: bool,
) -> CalendarCoverageError:
    """An error naming the first bad element and the count of bad ones."""
    first = int(np.flatnonzero(bad.reshape(-1))[0])
    where = f"first at index {first} ({dates.reshape(-1)[first]})"
    count = int(bad.sum())
    if provisional:
        return CalendarCoverageError(
            f"{count} element(s) outside even the provisional range ({coverage}), {where}",
            field=field,
        )
    return CalendarCoverageError(
        f"{count} element(s) outside the official calendar's coverage ({coverage}), {where}; "
        "pass provisional=True for a rule-derived answer",
        field=field,
    )


def as_int_array(n: Any, shape: tuple[int, ...], *, field: str = "n") -> int | Int64Array:
    """``n`` as an int (when scalar) or an int64 array broadcast to ``shape``."""
    array = np.asarray(n)
    if array.dtype.kind not in "iu":
        raise ValidationError(f"expected integers, got {array.dtype}", field=field)
    if array.ndim == 0:
        return int(array)
    try:
        return np.broadcast_to(array.astype(np.int64, copy=False), shape)
    except ValueError:
        raise ValidationError(
            f"shape {array.shape} does not match the dates' shape {shape}", field=field
        ) from None


class BatchMethods:
    """The vectorised methods of :class:`~cchc.calendar.OfficialCalendar`.

    Kept in this module so that the scalar reference (``official.py``) and the
    batch forms can each be read on their own; both answer from the same
    :class:`~cchc.calendar.table.DayTable`.
    """

    _table: DayTable
    _coverage: Coverage

    if TYPE_CHECKING:  # provided by OfficialCalendar

        def provisional_tables(self) -> tuple[DayTable, ScalarTable]: ...

        def _provisional_range(self) -> str: ...

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
        """Vectorised :meth:`is_working_day` over ``datetime64[D]``-convertible input."""
        table, _, idx, uncovered = self._batch_index(dates, "dates", provisional)
        values = table.is_work[idx]
        return ProvisionalArray(values, _mask(idx, uncovered)) if provisional else values

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
            raise coverage_error(days_a, span, "span", str(self._coverage), False)
        if not provisional:
            return values
        return ProvisionalArray(values, _mask(a, unc_a, unc_b, span))

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
        span = self._provisional_range() if provisional else str(self._coverage)
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
            span = self._provisional_range() if provisional else str(self._coverage)
            raise coverage_error(days, result < 0, "result", span, provisional)
        spans = span_uncovered(table, idx, result) if table.has_holes else None
        if spans is not None and spans.any() and not provisional:
            raise coverage_error(days, spans, "result", str(self._coverage), False)
        result += table.origin_days
        values = result.view("datetime64[D]")
        return ProvisionalArray(values, _mask(idx, uncovered, spans)) if provisional else values


def _mask(
    shape_of: npt.NDArray[Any], *masks: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.bool_]:
    """The union of the masks that exist (all False when none does)."""
    out = np.zeros(shape_of.shape, dtype=bool)
    for mask in masks:
        if mask is not None:
            out |= mask
    return out
