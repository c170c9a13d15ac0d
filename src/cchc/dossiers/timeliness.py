"""Timeliness (trước hạn / đúng hạn / quá hạn) and reminders.

Rule: Thông tư 01/2018/TT-VPCP Art 13(1) scores the total processing time
against the legal limit: shorter = 2 points (**trước hạn**, early), equal = 1
(**đúng hạn**, on time), longer = 0 (**quá hạn**, late). The comparison
granularity is not stated (UNCONFIRMED); cchc compares **days** by default (a
result on the due day is on time, before it early, after it late) and offers
``minute`` granularity. ND 118/2025 defines none of the three terms.

An unfinished dossier is **in time** (đang giải quyết trong hạn) as of a moment
up to its due moment, **overdue** (đang giải quyết quá hạn) after it, as on the
national portal ("Mô tả công thức tính chỉ số 766" §2.1).

    >>> from datetime import datetime
    >>> from cchc.tz import VN_TZ
    >>> due = datetime(2025, 2, 7, 17, 0, tzinfo=VN_TZ)
    >>> classify(datetime(2025, 2, 7, 9, 0, tzinfo=VN_TZ), due).value
    'on_time'
    >>> classify(datetime(2025, 2, 6, 9, 0, tzinfo=VN_TZ), due).vietnamese
    'trước hạn'
    >>> progress_as_of(due, datetime(2025, 2, 10, 8, 0, tzinfo=VN_TZ)).value
    'overdue'
"""

from __future__ import annotations

import enum
from datetime import datetime

from cchc.calendar import OfficialCalendar
from cchc.errors import ValidationError
from cchc.tz import to_vn

from .calops import CalendarOps

__all__ = [
    "Granularity",
    "Progress",
    "Timeliness",
    "check_granularity",
    "classify",
    "due_within",
    "progress_as_of",
]


class Timeliness(enum.StrEnum):
    """Timeliness of a finished dossier (TT 01/2018 Art 13(1))."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    @property
    def vietnamese(self) -> str:
        """The Vietnamese term."""
        return {"early": "trước hạn", "on_time": "đúng hạn", "late": "quá hạn"}[self.value]


class Progress(enum.StrEnum):
    """State of an unfinished dossier as of a moment."""

    IN_TIME = "in_time"
    """Đang giải quyết trong hạn."""
    OVERDUE = "overdue"
    """Đang giải quyết quá hạn."""


class Granularity(enum.StrEnum):
    """How finely finish and due moments are compared."""

    DAY = "day"
    """Compare the days (Asia/Ho_Chi_Minh): on the due day = on time."""
    MINUTE = "minute"
    """Compare moments truncated to the minute."""


def check_granularity(granularity: Granularity | str) -> Granularity:
    """Parse a granularity name (``day`` or ``minute``).

    Raises:
        ValidationError: an unknown name (field ``granularity``).
    """
    try:
        return Granularity(granularity)
    except ValueError:
        known = ", ".join(g.value for g in Granularity)
        raise ValidationError(
            f"unknown granularity {granularity!r}; use one of {known}", field="granularity"
        ) from None


def classify(
    finished_at: datetime, due_at: datetime, granularity: Granularity | str = Granularity.DAY
) -> Timeliness:
    """Early, on time or late.

    Raises:
        NaiveDatetimeError: a naive datetime.
        ValidationError: an unknown granularity (field ``granularity``).
    """
    fin = to_vn(finished_at, field="finished_at")
    due = to_vn(due_at, field="due_at")
    if check_granularity(granularity) is Granularity.DAY:
        a: object = fin.date()
        b: object = due.date()
    else:
        a = fin.replace(second=0, microsecond=0)
        b = due.replace(second=0, microsecond=0)
    if a < b:  # type: ignore[operator]
        return Timeliness.EARLY
    if a == b:
        return Timeliness.ON_TIME
    return Timeliness.LATE


def progress_as_of(due_at: datetime, as_of: datetime) -> Progress:
    """In time if ``as_of`` is not after the due moment, else overdue."""
    return (
        Progress.IN_TIME
        if to_vn(as_of, field="as_of") <= to_vn(due_at, field="due_at")
        else Progress.OVERDUE
    )


def due_within(
    due_at: datetime,
    as_of: datetime,
    working_days: int,
    *,
    calendar: OfficialCalendar | None = None,
    provisional: bool = False,
) -> bool:
    """Whether a dossier still in time is due within ``working_days`` working days.

    True when ``as_of <= due_at`` and the due day is at most ``working_days``
    working days after the day of ``as_of`` (0: due today). For reminders
    ("sắp đến hạn").
    """
    ops = CalendarOps(calendar, provisional)
    now = to_vn(as_of, field="as_of")
    due = to_vn(due_at, field="due_at")
    if now > due:
        return False
    return ops.between(now.date(), due.date()) <= working_days
