"""What the calendar accepts as a day (ngày), scalar or batch element alike.

One coercion serves every calendar method, so a value that works in a batch
works one at a time too:

- ``datetime.date``;
- an ISO 8601 date string, ``"2025-01-28"``;
- ``numpy.datetime64`` (of any unit; the day it falls on);
- ``pandas.Timestamp``: a naive one is a date, an aware one is converted to
  Asia/Ho_Chi_Minh first (pandas is never imported here);
- an aware ``datetime.datetime``, converted to Asia/Ho_Chi_Minh (20:00 UTC is
  the next day in Hà Nội).

A naive ``datetime.datetime`` is refused: its day depends on a zone it does
not have. Everything else is a :class:`~cchc.errors.ValidationError` naming
the field::

    >>> from datetime import datetime, timezone
    >>> import numpy as np
    >>> as_day("2025-01-28"), as_day(np.datetime64("2025-01-28T23:00"))
    (datetime.date(2025, 1, 28), datetime.date(2025, 1, 28))
    >>> as_day(datetime(2025, 1, 27, 20, 0, tzinfo=timezone.utc))
    datetime.date(2025, 1, 28)
    >>> as_day(datetime(2025, 1, 28, 9, 0), field="received_at")
    Traceback (most recent call last):
    ...
    cchc.errors.NaiveDatetimeError: field received_at: naive datetime 2025-01-28T09:00:00 \
has no time zone; pass a date, or a datetime with tzinfo, e.g. +07:00
    >>> as_day("28/01/2025")
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field date: not an ISO date (YYYY-MM-DD): '28/01/2025'
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import Any, Literal, cast, get_args

import numpy as np

from cchc.errors import CalendarCoverageError, NaiveDatetimeError, ValidationError
from cchc.tz import to_vn

__all__ = ["DateLike", "Inclusive", "as_day", "check_inclusive"]

DateLike = date | str | np.datetime64
"""A day as the calendar takes it (``pandas.Timestamp`` is a ``datetime``, so a ``date``)."""

_UNIX_ORDINAL = date(1970, 1, 1).toordinal()
_MAX_ORDINAL = date.max.toordinal()


def as_day(value: Any, *, field: str = "date") -> date:
    """The calendar day ``value`` stands for, in Vietnam (see the module doc).

    Raises:
        NaiveDatetimeError: a naive ``datetime`` (a naive ``pandas.Timestamp`` is a date).
        CalendarCoverageError: an aware datetime that falls before year 1 or after
            year 9999 once read in Asia/Ho_Chi_Minh.
        ValidationError: a string that is not an ISO date, a missing value (NaT), or
            any other type.
    """
    if isinstance(value, datetime):
        return _from_datetime(value, field)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(f"not an ISO date (YYYY-MM-DD): {value!r}", field=field) from None
    if isinstance(value, np.datetime64):
        return _from_datetime64(value, field)
    raise ValidationError(
        f"expected a date (date, ISO string, numpy.datetime64, pandas.Timestamp or aware "
        f"datetime), got {type(value).__name__} {value!r}",
        field=field,
    )


def _from_datetime(value: datetime, field: str) -> date:
    pandas = sys.modules.get("pandas")  # a Timestamp exists only if pandas is imported
    if pandas is not None and value is pandas.NaT:
        raise ValidationError("missing date (NaT)", field=field)
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        if pandas is not None and isinstance(value, pandas.Timestamp):
            return date(value.year, value.month, value.day)  # naive Timestamp: a date
        raise NaiveDatetimeError(
            f"naive datetime {value.isoformat()} has no time zone; "
            "pass a date, or a datetime with tzinfo, e.g. +07:00",
            field=field,
        )
    try:
        return to_vn(value, field=field).date()
    except ValidationError:  # an aware datetime whose Vietnam time is past year 9999 or before 1
        raise CalendarCoverageError(
            f"{value.isoformat()} falls outside the years 1-9999 in Asia/Ho_Chi_Minh, "
            "beyond any calendar",
            field=field,
        ) from None


def _from_datetime64(value: np.datetime64, field: str) -> date:
    if np.isnat(value):
        raise ValidationError("missing date (NaT)", field=field)
    days = int(value.astype("datetime64[D]").astype(np.int64))
    ordinal = days + _UNIX_ORDINAL
    if not 1 <= ordinal <= _MAX_ORDINAL:
        raise CalendarCoverageError(
            f"{value} is outside the years 1-9999, beyond any calendar", field=field
        )
    return date.fromordinal(ordinal)


Inclusive = Literal["right", "left", "both", "neither"]
"""Which ends of a span count: the later day (``"right"``), the earlier, both or neither."""

_INCLUSIVE: tuple[str, ...] = get_args(Inclusive)


def check_inclusive(value: object) -> Inclusive:
    """``value`` if it is one of ``"right"``, ``"left"``, ``"both"``, ``"neither"``."""
    if isinstance(value, str) and value in _INCLUSIVE:
        return cast(Inclusive, value)
    allowed = ", ".join(repr(v) for v in _INCLUSIVE)
    raise ValidationError(f"expected one of {allowed}, got {value!r}", field="inclusive")
