"""Office hours (giờ làm việc) as configurable sessions.

No national rule fixes the daily hours of state agencies: Quyết định
188/1999/QĐ-TTg sets a 40-hour week over five days but no start or end time,
and provinces set their own (Đắk Nông 07:00-11:30 and 13:30-17:00; Vĩnh Phúc
with summer and winter hours; Thừa Thiên Huế from 08:00). The default here is
therefore an **assumption**, chosen as an 8-hour day that fits the 40-hour
week; give your province's sessions instead::

    >>> from datetime import time
    >>> hours = OfficeHours.default()
    >>> hours.is_open(time(11, 0)), hours.is_open(time(12, 0))
    (True, False)
    >>> hours.minutes_per_day
    480
    >>> OfficeHours(sessions=((time(13, 0), time(17, 0)), (time(8, 0), time(12, 0))))
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field sessions: sessions must be in order and not overlap
"""

from __future__ import annotations

import itertools
from datetime import datetime, time, timedelta

import attrs

from cchc.errors import ValidationError

__all__ = ["OfficeHours"]

Session = tuple[time, time]


def _check_sessions(_: object, __: object, sessions: tuple[Session, ...]) -> None:
    if not sessions:
        raise ValidationError("at least one session is needed", field="sessions")
    for start, end in sessions:
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValidationError(
                "session times are local wall times, without tzinfo", field="sessions"
            )
        if not start < end:
            raise ValidationError(f"session {start}-{end} ends before it starts", field="sessions")
    for (_, end), (start, _) in itertools.pairwise(sessions):
        if start < end:
            raise ValidationError("sessions must be in order and not overlap", field="sessions")


@attrs.frozen
class OfficeHours:
    """Daily sessions (buổi làm việc) in local time (Asia/Ho_Chi_Minh)."""

    sessions: tuple[Session, ...] = attrs.field(validator=_check_sessions)
    basis: str = "assumption: no national rule on daily office hours"

    @classmethod
    def default(cls) -> OfficeHours:
        """Morning 07:00-11:30 and afternoon 13:30-17:00 (an assumption, see module doc)."""
        return cls(
            sessions=((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0))),
            basis="assumption: no national rule; 8-hour day as in Đắk Nông's schedule, "
            "consistent with the 40-hour week of Quyết định 188/1999/QĐ-TTg",
        )

    @property
    def minutes_per_day(self) -> int:
        """Working minutes in one working day."""
        return sum(_minutes(end) - _minutes(start) for start, end in self.sessions)

    @property
    def opening(self) -> time:
        """Start of the first session."""
        return self.sessions[0][0]

    @property
    def closing(self) -> time:
        """End of the last session."""
        return self.sessions[-1][1]

    def is_open(self, moment: time) -> bool:
        """Whether a wall time falls inside a session (start inclusive, end exclusive)."""
        plain = moment.replace(tzinfo=None)
        return any(start <= plain < end for start, end in self.sessions)

    def minutes_before(self, moment: time) -> int:
        """Working minutes of the day elapsed before wall time ``moment``."""
        m = _minutes(moment.replace(tzinfo=None))
        return sum(max(0, min(m, _minutes(e)) - _minutes(s)) for s, e in self.sessions)

    def time_after_minutes(self, minutes: int) -> time:
        """The wall time when ``minutes`` working minutes of the day have elapsed.

        ``0`` is the opening; ``minutes_per_day`` is the closing.
        """
        if not 0 <= minutes <= self.minutes_per_day:
            raise ValidationError(
                f"{minutes} is not within 0..{self.minutes_per_day}", field="minutes"
            )
        left = minutes
        for start, end in self.sessions:
            length = _minutes(end) - _minutes(start)
            if left < length or (left == length and (start, end) == self.sessions[-1]):
                base = datetime.combine(datetime.min, start) + timedelta(minutes=left)
                return base.time()
            left -= length
        return self.closing


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute
