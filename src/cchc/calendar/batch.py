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

from datetime import date, datetime
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar.table import DayTable
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.tz import VN_TZ, to_vn

__all__ = ["ProvisionalArray", "to_datetime64"]

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
        accessor = getattr(dates, "dt", dates)
        dates = accessor.tz_convert(VN_TZ).tz_localize(None)
    if hasattr(dates, "to_numpy") and not isinstance(dates, np.ndarray):
        dates = dates.to_numpy()
    array = np.asarray(dates)
    if array.dtype == object or array.dtype.kind in "UO":
        array = _from_objects(array, field)
    elif array.dtype.kind != "M":
        raise ValidationError(f"expected dates, got an array of {array.dtype}", field=field)
    array = np.atleast_1d(array.astype("datetime64[D]"))
    bad = np.isnat(array)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValidationError(
            f"{int(bad.sum())} missing date(s) (NaT), first at index {first}", field=field
        )
    return array


def _from_objects(array: npt.NDArray[Any], field: str) -> npt.NDArray[np.datetime64]:
    out = np.empty(array.shape, dtype="datetime64[D]")
    flat = out.reshape(-1)
    for i, value in enumerate(array.reshape(-1)):  # object input only: a list of dates
        if isinstance(value, datetime):
            value = to_vn(value, field=f"{field}[{i}]").date()
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise ValidationError(f"not a date: {value!r}", field=f"{field}[{i}]") from None
        if not isinstance(value, date):
            raise ValidationError(f"not a date: {value!r}", field=f"{field}[{i}]")
        flat[i] = np.datetime64(value, "D")
    return out


def indices(
    table: DayTable,
    dates: npt.NDArray[np.datetime64],
    *,
    field: str,
    coverage: str,
    provisional: bool,
) -> tuple[Int64Array, npt.NDArray[np.bool_]]:
    """Day numbers of ``dates`` in ``table`` and the mask of uncovered ones."""
    idx = (dates - table.origin64).astype(np.int64)
    outside = (idx < 0) | (idx >= table.size)
    if outside.any():
        raise coverage_error(dates, outside, field, coverage, provisional)
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
    first = int(np.flatnonzero(bad)[0])
    where = f"first at index {first} ({dates[first]})"
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


def as_int_array(n: Any, shape: tuple[int, ...], *, field: str = "n") -> Int64Array:
    """``n`` (an int or an integer array) broadcast to ``shape`` as int64."""
    array = np.asarray(n)
    if array.dtype.kind not in "iu" or array.dtype == np.bool_:
        raise ValidationError(f"expected integers, got {array.dtype}", field=field)
    try:
        return np.broadcast_to(array.astype(np.int64), shape)
    except ValueError:
        raise ValidationError(
            f"shape {array.shape} does not match the dates' shape {shape}", field=field
        ) from None
