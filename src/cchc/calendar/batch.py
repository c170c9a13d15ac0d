"""Columns of days for the calendar's batch methods (``datetime64[D]`` arrays).

Inputs may be anything convertible: NumPy arrays, lists of dates, pandas
Series or Index (a timezone-aware one is first converted to Asia/Ho_Chi_Minh),
or Arrow arrays. :func:`to_datetime64` converts once; :func:`indices` checks
coverage with one vectorised pass; the batch methods of
:class:`~cchc.calendar.OfficialCalendar` then answer with a few gathers into the
:class:`~cchc.calendar.table.DayTable`, no Python loop per element. A refusal
names the first bad element and counts the others (:func:`coverage_error_at`)::

    >>> import numpy as np
    >>> to_datetime64(["2025-01-24", np.datetime64("2026-01-02T09:00")])
    array(['2025-01-24', '2026-01-02'], dtype='datetime64[D]')
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar.coverage import coverage_error
from cchc.calendar.inputs import as_day
from cchc.calendar.table import DayTable
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.tz import VN_TZ

__all__ = [
    "ProvisionalArray",
    "as_int_array",
    "coverage_error_at",
    "indices",
    "mask_of",
    "span_uncovered",
    "to_datetime64",
]

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
        raise coverage_error_at(
            dates, (idx < 0) | (idx >= table.size), field, coverage, provisional
        )
    if not table.has_holes:
        return idx, None
    uncovered = table.uncovered_in(idx, idx) > 0
    if uncovered.any() and not provisional:
        raise coverage_error_at(dates, uncovered, field, coverage, False)
    return idx, uncovered


def span_uncovered(table: DayTable, a: Int64Array, b: Int64Array) -> npt.NDArray[np.bool_]:
    """Whether the inclusive spans between ``a`` and ``b`` touch an uncovered day."""
    return table.uncovered_in(np.minimum(a, b), np.maximum(a, b)) > 0


def coverage_error_at(
    dates: npt.NDArray[np.datetime64],
    bad: npt.NDArray[np.bool_],
    field: str,
    coverage: str,
    provisional: bool,
) -> CalendarCoverageError:
    """The calendar's refusal naming the first bad element and the count of bad ones."""
    first = int(np.flatnonzero(bad.reshape(-1))[0])
    return coverage_error(
        f"{int(bad.sum())} element(s)",
        field=field,
        span=coverage,
        provisional=provisional,
        where=f", first at index {first} ({dates.reshape(-1)[first]})",
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


def mask_of(
    shape_of: npt.NDArray[Any], *masks: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.bool_]:
    """The union of the masks that exist (all False when none does)."""
    out = np.zeros(shape_of.shape, dtype=bool)
    for mask in masks:
        if mask is not None:
            out |= mask
    return out
