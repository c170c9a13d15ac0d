"""Vietnamese dates, weekdays and numbers as documents and officers write them.

The one place cchc formats a date the Vietnamese way (ngày/tháng/năm, ``24/01/2025``),
names a weekday (thứ Hai … Chủ nhật, or T2 … CN in a table) or writes a number with
the Vietnamese separators (dấu chấm phân cách hàng nghìn, dấu phẩy thập phân). A
datetime is first converted to Vietnam time (``Asia/Ho_Chi_Minh``); a naive one is
refused. Nothing here depends on the process locale::

    >>> from datetime import date, datetime
    >>> from cchc.tz import VN_TZ
    >>> vn_date(date(2025, 1, 24))
    '24/01/2025'
    >>> vn_datetime(datetime(2025, 1, 24, 9, 5, tzinfo=VN_TZ))
    '24/01/2025 09:05'
    >>> weekday(date(2025, 1, 26)), weekday(date(2025, 1, 27), short=True)
    ('Chủ nhật', 'T2')
    >>> weekday(date(2025, 1, 27), lang="en")
    'Monday'
    >>> day_words(date(2026, 1, 5))
    'ngày 05 tháng 01 năm 2026'
    >>> vn_number(1234567.891, 2)
    '1.234.567,89'
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from cchc.errors import ValidationError
from cchc.tz import to_vn

__all__ = [
    "WEEKDAYS_EN",
    "WEEKDAYS_VI",
    "WEEKDAYS_VI_SHORT",
    "day_words",
    "moment_words",
    "vn_date",
    "vn_datetime",
    "vn_number",
    "weekday",
]

WEEKDAYS_VI: tuple[str, ...] = (
    "thứ Hai",
    "thứ Ba",
    "thứ Tư",
    "thứ Năm",
    "thứ Sáu",
    "thứ Bảy",
    "Chủ nhật",
)
"""Weekday names as written in a sentence, Monday first (``date.weekday()`` order)."""

WEEKDAYS_VI_SHORT: tuple[str, ...] = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
"""Short weekday names for tables and calendars, Monday first."""

WEEKDAYS_EN: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
"""English weekday names (independent of the process locale), Monday first."""


def _day(value: date | datetime) -> date:
    """The calendar day of ``value``; a datetime is read in Vietnam time."""
    return to_vn(value).date() if isinstance(value, datetime) else value


def vn_date(value: date | datetime) -> str:
    """``dd/mm/yyyy`` (a datetime: its day in Vietnam time).

    >>> from datetime import timezone
    >>> vn_date(datetime(2025, 1, 23, 20, 0, tzinfo=timezone.utc))
    '24/01/2025'
    """
    d = _day(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def vn_datetime(value: datetime) -> str:
    """``dd/mm/yyyy HH:MM`` in Vietnam time (a naive datetime is refused)."""
    m = to_vn(value)
    return f"{vn_date(m)} {m.hour:02d}:{m.minute:02d}"


def weekday(value: date | datetime, *, lang: str = "vi", short: bool = False) -> str:
    """The weekday of ``value``: ``thứ Hai`` … ``Chủ nhật``, ``T2`` … ``CN`` when ``short``,
    ``Monday`` … ``Sunday`` when ``lang="en"``.

    Raises:
        ValidationError: ``lang`` is neither ``"vi"`` nor ``"en"``.
    """
    if lang not in ("vi", "en"):
        raise ValidationError(f"unknown language {lang!r} (use 'vi' or 'en')", field="lang")
    n = _day(value).weekday()
    if lang == "en":
        return WEEKDAYS_EN[n][:3] if short else WEEKDAYS_EN[n]
    return WEEKDAYS_VI_SHORT[n] if short else WEEKDAYS_VI[n]


def day_words(value: date | datetime) -> str:
    """The day as forms print it: ``ngày 05 tháng 01 năm 2026``."""
    d = _day(value)
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def moment_words(value: datetime) -> str:
    """A moment as forms print it: ``08 giờ 30 phút, ngày 05 tháng 01 năm 2026``.

    >>> from cchc.tz import VN_TZ
    >>> moment_words(datetime(2026, 1, 5, 8, 30, tzinfo=VN_TZ))
    '08 giờ 30 phút, ngày 05 tháng 01 năm 2026'
    """
    m = to_vn(value, field="moment")
    return f"{m.hour:02d} giờ {m.minute:02d} phút, {day_words(m)}"


def vn_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """A number with Vietnamese separators: ``.`` between thousands, ``,`` before decimals.

    ``decimals`` rounds to that many places (half to even for a ``Decimal``, as
    Python formats); ``None`` keeps an integer whole and a ``Decimal`` as written.

    >>> vn_number(1500000), vn_number(Decimal("92.50")), vn_number(-0.5, 0)
    ('1.500.000', '92,50', '-0')
    """
    if isinstance(value, bool):
        raise ValidationError(f"expected a number, got {value!r}", field="value")
    if decimals is not None:
        text = f"{value:,.{decimals}f}"
    elif isinstance(value, int):
        text = f"{value:,d}"
    else:
        text = f"{value:,f}" if isinstance(value, Decimal) else f"{value:,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
