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

from datetime import datetime
from zoneinfo import ZoneInfo

from cchc.errors import NaiveDatetimeError

__all__ = ["VN_TZ", "require_aware", "to_vn"]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
"""The zone of the official calendar (Asia/Ho_Chi_Minh, UTC+07:00)."""


def require_aware(value: datetime, *, field: str | None = None, row: int | None = None) -> datetime:
    """Return ``value`` unchanged if it is timezone-aware, else raise.

    Raises:
        NaiveDatetimeError: ``value`` has no usable ``tzinfo``.
    """
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetimeError(
            f"naive datetime {value.isoformat()} has no time zone; give an aware datetime "
            "(e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
            field=field,
            row=row,
        )
    return value


def to_vn(value: datetime, *, field: str | None = None, row: int | None = None) -> datetime:
    """Convert an aware datetime to ``Asia/Ho_Chi_Minh`` (rejecting naive ones)."""
    return require_aware(value, field=field, row=row).astimezone(VN_TZ)
