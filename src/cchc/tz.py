"""Time zone of Vietnamese state agencies and the aware-datetime guard.

All datetimes in cchc are timezone-aware. The official zone is
``Asia/Ho_Chi_Minh`` (UTC+07:00, no daylight saving since 1975). Naive
datetimes are rejected, never silently assumed to be local time::

    >>> from datetime import datetime, timezone
    >>> to_vn(datetime(2025, 1, 24, 2, 0, tzinfo=timezone.utc)).isoformat()
    '2025-01-24T09:00:00+07:00'
    >>> require_aware(datetime(2025, 1, 24, 9, 0), field="received_at")
    Traceback (most recent call last):
    ...
    cchc.errors.NaiveDatetimeError: field received_at: naive datetime 2025-01-24T09:00:00 \
has no time zone; give an aware datetime (e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from cchc.errors import NaiveDatetimeError, ValidationError

__all__ = ["VN_TZ", "as_date", "require_aware", "to_vn"]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
"""The zone of the official calendar (Asia/Ho_Chi_Minh, UTC+07:00)."""


def require_aware(value: datetime, *, field: str | None = None, row: int | None = None) -> datetime:
    """Return ``value`` unchanged if it is timezone-aware, else raise.

    Raises:
        NaiveDatetimeError: ``value`` has no usable ``tzinfo``.
        ValidationError: ``value`` is not a ``datetime``.
    """
    if not isinstance(value, datetime):
        raise ValidationError(
            f"expected an aware datetime, got {type(value).__name__} {value!r}",
            field=field,
            row=row,
        )
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetimeError(
            f"naive datetime {value.isoformat()} has no time zone; give an aware datetime "
            "(e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
            field=field,
            row=row,
        )
    return value


def to_vn(value: datetime, *, field: str | None = None, row: int | None = None) -> datetime:
    """Convert an aware datetime to ``Asia/Ho_Chi_Minh`` (rejecting naive ones).

    A datetime whose Vietnam time falls outside the years 1-9999 that Python
    dates can hold (31/12/9999 23:00 UTC is already year 10000 in Hà Nội) is
    refused::

        >>> from datetime import timezone
        >>> to_vn(datetime(9999, 12, 31, 23, 0, tzinfo=timezone.utc), field="as_of")
        Traceback (most recent call last):
        ...
        cchc.errors.ValidationError: field as_of: 9999-12-31T23:00:00+00:00 is outside \
the years 1-9999 in Vietnam time (UTC+07:00)

    Raises:
        NaiveDatetimeError: ``value`` has no time zone.
        ValidationError: ``value`` is not a datetime, or is out of range in Vietnam time.
    """
    aware = require_aware(value, field=field, row=row)
    try:
        return aware.astimezone(VN_TZ)
    except OverflowError:
        raise ValidationError(
            f"{aware.isoformat()} is outside the years 1-9999 in Vietnam time (UTC+07:00)",
            field=field,
            row=row,
        ) from None


def as_date(value: object, *, field: str | None = None, row: int | None = None) -> date:
    """A calendar date in Vietnam from a ``date`` or an aware ``datetime``.

    An aware datetime is converted to Asia/Ho_Chi_Minh first (20:00 UTC is the
    next day in Hà Nội); a naive one is rejected; anything else is a
    :class:`~cchc.errors.ValidationError`::

        >>> from datetime import timezone
        >>> as_date(datetime(2022, 3, 20, 20, 0, tzinfo=timezone.utc))
        datetime.date(2022, 3, 21)
        >>> as_date("2022-03-20", field="as_of")
        Traceback (most recent call last):
        ...
        cchc.errors.ValidationError: field as_of: expected a date, got str '2022-03-20'
    """
    if isinstance(value, datetime):
        return to_vn(value, field=field, row=row).date()
    if isinstance(value, date):
        return value
    raise ValidationError(
        f"expected a date, got {type(value).__name__} {value!r}", field=field, row=row
    )
