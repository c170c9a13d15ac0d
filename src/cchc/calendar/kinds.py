"""Kinds of official days (loại ngày): why a day departs from the Monday-to-Friday rule.

A plain enumeration, imported by the models (:mod:`cchc.calendar.entries`) and by
the plain reader of the bundled days (:mod:`cchc.calendar.plain`) alike, without
pydantic.
"""

from __future__ import annotations

import enum

__all__ = ["DayKind"]


class DayKind(enum.StrEnum):
    """Why a day departs from the Monday-to-Friday rule."""

    HOLIDAY = "holiday"
    COMPENSATORY = "compensatory"
    SWAP_DAY_OFF = "swap_day_off"
    MAKEUP_WORKDAY = "makeup_workday"

    @property
    def vietnamese(self) -> str:
        """The Vietnamese term for this kind."""
        return _VI[self]

    @property
    def is_day_off(self) -> bool:
        """Whether a day of this kind is a day off (every kind but make-up work)."""
        return self is not DayKind.MAKEUP_WORKDAY


_VI = {
    DayKind.HOLIDAY: "nghỉ lễ, tết",
    DayKind.COMPENSATORY: "nghỉ bù",
    DayKind.SWAP_DAY_OFF: "nghỉ hoán đổi",
    DayKind.MAKEUP_WORKDAY: "đi làm bù",
}
