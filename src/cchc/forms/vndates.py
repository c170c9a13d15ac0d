"""Dates and times as forms print them ("08 giờ 30 phút, ngày 05 tháng 01 năm 2026"),
from :mod:`cchc.l10n`."""

from __future__ import annotations

from datetime import date, datetime

from cchc.l10n import day_words, moment_words
from cchc.procedures import TimeUnit

__all__ = ["day_text", "limit_text", "moment_text"]


def day_text(day: date | datetime) -> str:
    """'ngày 05 tháng 01 năm 2026' (a datetime is first converted to Vietnam time).

    >>> day_text(date(2026, 1, 5))
    'ngày 05 tháng 01 năm 2026'
    """
    return day_words(day)


def moment_text(moment: datetime) -> str:
    """'08 giờ 30 phút, ngày 05 tháng 01 năm 2026' (Vietnam time; naive times refused).

    >>> from cchc.tz import VN_TZ
    >>> moment_text(datetime(2026, 1, 5, 8, 30, tzinfo=VN_TZ))
    '08 giờ 30 phút, ngày 05 tháng 01 năm 2026'
    """
    return moment_words(moment)


def limit_text(amount: int, unit: TimeUnit | str) -> str:
    """The time limit as printed: '05 ngày làm việc', 'ngay sau khi nhận đủ hồ sơ hợp lệ'.

    >>> limit_text(5, "working_days")
    '05 ngày làm việc'
    """
    u = TimeUnit(unit)
    if u is TimeUnit.IMMEDIATE:
        return "ngay sau khi nhận đủ hồ sơ hợp lệ"
    return f"{amount:02d} {u.vietnamese}"
