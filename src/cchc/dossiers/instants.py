"""Instants of the dossier rules: local nanoseconds since 1970-01-01 (Asia/Ho_Chi_Minh).

The rules compute on integers (:mod:`.tables`). A Python datetime enters as
:func:`local_ns` and leaves as :func:`from_local_ns`; a NumPy column of UTC
``datetime64[ns]`` enters by adding :data:`VN_OFFSET_NS`. Asia/Ho_Chi_Minh has
been UTC+07:00 since 1975 and the one-stop rules start in 2018.

The conversion is plain integer arithmetic, so an aware datetime whose local
time would fall past year 9999 gives a :class:`~cchc.errors.CalendarCoverageError`
(field named), never an ``OverflowError``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import numpy as np

from cchc.calendar.days import NS_PER_DAY, NS_PER_MINUTE
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.tz import VN_TZ, require_aware

__all__ = [
    "NAT",
    "NEVER",
    "NS_PER_DAY",
    "NS_PER_MINUTE",
    "VN_OFFSET_NS",
    "from_local_ns",
    "local_day",
    "local_ns",
]

VN_OFFSET_NS = 7 * 3_600_000_000_000
"""UTC+07:00, the offset of Asia/Ho_Chi_Minh since 1975."""
NAT = np.iinfo(np.int64).min
"""``NaT`` as int64 (no such event)."""
NEVER = np.iinfo(np.int64).max
"""The largest datetime64: "never overdue"."""

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_MAX_ORDINAL = date.max.toordinal()
_VN_EPOCH = datetime(1970, 1, 1, tzinfo=VN_TZ)
_UTC_EPOCH = datetime(1969, 12, 31, 17, tzinfo=UTC)
"""Local midnight of 1/1/1970 (UTC+07:00) in UTC."""
_FIRST_PLAIN_DAY = date(1976, 1, 1).toordinal() - _EPOCH_ORDINAL
_LAST_PLAIN_DAY = date(9999, 1, 1).toordinal() - _EPOCH_ORDINAL


def local_ns(moment: datetime, field: str = "received_at") -> int:
    """An aware datetime as local (UTC+07:00) nanoseconds since 1970-01-01.

    Raises:
        NaiveDatetimeError: ``moment`` is naive.
        ValidationError: not a datetime.
        CalendarCoverageError: the local moment would fall past 31/12/9999.
    """
    tz = moment.tzinfo if moment.__class__ is datetime else None
    if tz is VN_TZ or tz is UTC:
        # the usual cases: local or UTC, no offset look-up (two datetimes with the same tzinfo
        # subtract as wall times; the UTC epoch is the local midnight of 1/1/1970), for the
        # local days of 1976-9998 (Asia/Ho_Chi_Minh is UTC+07:00 since 1975)
        since = moment - (_VN_EPOCH if tz is VN_TZ else _UTC_EPOCH)
        days = since.days
        if _FIRST_PLAIN_DAY <= days < _LAST_PLAIN_DAY:
            return (days * 86_400 + since.seconds) * 1_000_000_000 + since.microseconds * 1000
    if not isinstance(moment, datetime):
        raise ValidationError(
            f"{field} must be a timezone-aware datetime, got {type(moment).__name__}",
            field=field,
        )
    if moment != moment:  # pandas.NaT: a datetime subclass that is no moment
        raise ValidationError(
            f"{field} is missing (NaT); give a timezone-aware datetime", field=field
        )
    raw_offset = moment.utcoffset()
    if raw_offset is None:
        require_aware(moment, field=field)  # a naive datetime: NaiveDatetimeError
    offset = raw_offset or timedelta(0)
    wall = (moment.toordinal() - _EPOCH_ORDINAL) * 86_400 + (
        moment.hour * 3600 + moment.minute * 60 + moment.second
    )
    us = (wall * 1_000_000 + moment.microsecond) - (
        (offset.days * 86_400 + offset.seconds) * 1_000_000 + offset.microseconds
    )
    ns = us * 1000 + VN_OFFSET_NS
    if ns // NS_PER_DAY + _EPOCH_ORDINAL > _MAX_ORDINAL:
        raise CalendarCoverageError(
            f"{moment.isoformat()} is past 31/12/9999 in Asia/Ho_Chi_Minh", field=field
        )
    return ns


class _Moments(dict[int, datetime]):
    """Local nanoseconds to aware datetimes, the recent ones kept (due moments repeat: the
    close of office of a few hundred days); datetimes are immutable."""

    def __missing__(self, ns: int) -> datetime:
        moment = _VN_EPOCH + timedelta(microseconds=ns // 1000)
        if len(self) >= 4096:
            self.clear()
        self[ns] = moment
        return moment


from_local_ns: Callable[[int], datetime] = _Moments().__getitem__
"""``from_local_ns(ns)``: local nanoseconds as an aware datetime in Asia/Ho_Chi_Minh (floored
to the µs); a kept one is read without a Python call."""


def local_day(ns: int) -> date:
    """The local date of an instant."""
    return date.fromordinal(ns // NS_PER_DAY + _EPOCH_ORDINAL)
