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
from typing import Any

import numpy as np

from cchc.calendar import CalendarOps, OfficialCalendar
from cchc.calendar.days import DayTables, day_tables, sign, where
from cchc.errors import ValidationError
from cchc.tz import to_vn

from .instants import NS_PER_DAY, NS_PER_MINUTE, local_ns

__all__ = [
    "EARLY",
    "LATE",
    "ON_TIME",
    "UNFINISHED",
    "Granularity",
    "Progress",
    "Timeliness",
    "check_granularity",
    "classify",
    "due_within",
    "due_within_ns",
    "progress_as_of",
    "timeliness_code",
]

UNFINISHED, EARLY, ON_TIME, LATE = -1, 0, 1, 2
"""Timeliness codes of the column engine (and of :func:`timeliness_code`)."""
STOPPED = 3
"""Code of a dossier stopped at the applicant's request (dừng thực hiện thủ tục hành chính,
ND 118/2025 Art 21; the ``withdrawn`` outcome): finished, judged neither early, on time nor
late but counted apart (registry ``CONV-STOP-APART``; :attr:`Deadline.stopped
<cchc.dossiers.Deadline.stopped>` on one dossier)."""
TIMELINESS_NAMES = ("unfinished", "early", "on_time", "late", "stopped")
"""The name of each timeliness code, at ``code + 1`` (-1 unfinished ... 3 stopped)."""


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


def timeliness_code(finished: Any, due: Any, minute: Any) -> Any:
    """The one timeliness rule: 0 early, 1 on time, 2 late, on local nanoseconds.

    Compares local days, or minutes where ``minute`` holds (a flag or a column).
    """
    unit = where(minute, NS_PER_MINUTE, NS_PER_DAY)
    if not isinstance(finished, np.ndarray):
        return sign(finished // unit - due // unit) + 1
    code = finished // unit  # a column: the same steps in place on the column it made
    code -= due // unit
    np.sign(code, out=code)
    code += 1
    return code


_BY_CODE = (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)


def classify(
    finished_at: datetime, due_at: datetime, granularity: Granularity | str = Granularity.DAY
) -> Timeliness:
    """Early, on time or late.

    Raises:
        NaiveDatetimeError: a naive datetime.
        ValidationError: an unknown granularity (field ``granularity``).
    """
    fin = local_ns(finished_at, field="finished_at")
    due = local_ns(due_at, field="due_at")
    minute = check_granularity(granularity) is Granularity.MINUTE
    return _BY_CODE[timeliness_code(fin, due, minute)]


def progress_as_of(due_at: datetime, as_of: datetime) -> Progress:
    """In time if ``as_of`` is not after the due moment, else overdue."""
    return (
        Progress.IN_TIME
        if to_vn(as_of, field="as_of") <= to_vn(due_at, field="due_at")
        else Progress.OVERDUE
    )


def due_within_ns(
    due: Any, now: Any, working_days: int, tables: DayTables, ops: CalendarOps
) -> Any:
    """The reminder rule on local nanoseconds: not yet due, and the due day at most
    ``working_days`` working days after the day of ``now``."""
    di = tables.index(due // NS_PER_DAY, "due_at", ops)
    ni = tables.index(now // NS_PER_DAY, "as_of", ops)
    return (now <= due) & (tables.cum_before[di] - tables.cum_before[ni] <= working_days)


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
    now = local_ns(as_of, field="as_of")
    due = local_ns(due_at, field="due_at")
    if now > due:
        return False
    return bool(due_within_ns(due, now, working_days, day_tables(ops, columns=False), ops))
