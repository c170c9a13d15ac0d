"""Dates as written in documents (ngày tháng năm).

The header date must read "<Địa danh>, ngày DD tháng M năm YYYY" with a
leading zero for days below 10 and for months 1 and 2 (NĐ 30/2020/NĐ-CP
Phụ lục I II.4); dates in the body are not regulated and appear as
``dd/mm/yyyy``, ``d/m/yyyy`` or "ngày d tháng m năm yyyy", with line breaks
inside. Drafts leave the day and month blank ("ngày tháng năm 2024"), and
news text omits the year ("từ ngày 1/8"). :func:`scan_date` reads any of them
at a position, keeps the text as written, and says whether the date is
complete, partial or impossible::

    >>> scan_date("ngày 16 tháng 6 năm 2017 của", 0).value
    datetime.date(2017, 6, 16)
    >>> d = scan_date("ngày tháng năm 2024", 0)
    >>> d.status, d.year, d.value
    (<DateStatus.PARTIAL: 'partial'>, 2024, None)
    >>> scan_date("31/02/2022", 0).status
    <DateStatus.INVALID: 'invalid'>
    >>> scan_date("ngày 1/8.", 0).text
    'ngày 1/8'
"""

from __future__ import annotations

import enum
import re
from datetime import date

import attrs

from cchc.tz import as_date

__all__ = ["DateStatus", "DateText", "as_vn_date", "scan_date"]

# Anchored, non-nested patterns: each is matched with .match(text, pos) only.
_WS = r"[ \t\r\n]{1,20}"
_NGAY = re.compile(r"(?i:ngày)[ \t\r\n]{0,20}")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?![\d/])")
_WORDS = re.compile(rf"(\d{{1,2}}){_WS}(?i:tháng){_WS}(\d{{1,2}}){_WS}(?i:năm){_WS}(\d{{4}})(?!\d)")
_BLANK = re.compile(rf"(?:[.…_ ]{{0,20}})(?i:tháng)[.…_ \t]{{0,20}}(?i:năm){_WS}(\d{{4}})(?!\d)")
_MONTH_YEAR = re.compile(rf"(?i:tháng){_WS}(\d{{1,2}}){_WS}(?i:năm){_WS}(\d{{4}})(?!\d)")


class DateStatus(enum.StrEnum):
    """How complete a written date is."""

    COMPLETE = "complete"
    """Day, month and year given and the date exists."""
    PARTIAL = "partial"
    """Some part is missing (no year; blank day and month in a draft)."""
    INVALID = "invalid"
    """All parts given but no such calendar date (31/02/2022)."""


# Enum members read for every citation, looked up once: in Python 3.11 ``Enum.MEMBER`` is a
# descriptor call costing about as much as the small checks that read it.
_COMPLETE = DateStatus.COMPLETE
_PARTIAL = DateStatus.PARTIAL
_INVALID = DateStatus.INVALID


@attrs.frozen
class DateText:
    """A date as written: the parts found, the parsed value and the text."""

    text: str
    start: int
    end: int
    status: DateStatus
    day: int | None = None
    month: int | None = None
    year: int | None = None

    @property
    def value(self) -> date | None:
        """The date, when complete and valid."""
        if self.status is not _COMPLETE:
            return None
        assert self.year is not None and self.month is not None and self.day is not None
        return date(self.year, self.month, self.day)


def _make(text: str, start: int, end: int, d: int | None, m: int | None, y: int | None) -> DateText:
    if d is None or m is None or y is None:
        status = _PARTIAL
        if m is not None and not 1 <= m <= 12:
            status = _INVALID
    else:
        try:
            date(y, m, d)
            status = _COMPLETE
        except ValueError:
            status = _INVALID
    return DateText(text[start:end], start, end, status, d, m, y)


def scan_date(text: str, pos: int, *, require_ngay: bool = False) -> DateText | None:
    """Read a date starting at ``pos`` (optionally after the word "ngày").

    Returns ``None`` when no date starts there. With ``require_ngay`` the word
    "ngày" must come first (used after a citation, so that "25/02/2022" in
    another role is not taken as the document's date).
    """
    start = pos
    m = _NGAY.match(text, pos)
    if m:
        pos = m.end()
    elif require_ngay:
        return None
    m = _WORDS.match(text, pos)
    if m:
        return _make(text, start, m.end(), int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC.match(text, pos)
    if m:
        year = int(m[3]) if m[3] else None
        if year is None and m.group(0).count(".") + m.group(0).count("-"):
            return None
        return _make(text, start, m.end(), int(m[1]), int(m[2]), year)
    if start != pos or require_ngay:
        m = _BLANK.match(text, pos)
        if m:
            return _make(text, start, m.end(), None, None, int(m[1]))
    m = _MONTH_YEAR.match(text, pos)
    if m and start != pos:
        return _make(text, start, m.end(), None, int(m[1]), int(m[2]))
    return None


def as_vn_date(value: date | None, *, field: str) -> date | None:
    """A document date given as a date, or as an aware datetime read in Vietnam time.

    ``None`` passes through; everything else goes through the shared
    :func:`cchc.tz.as_date`.

    Raises:
        NaiveDatetimeError: a datetime without time zone.
        ValidationError: neither a date nor a datetime (e.g. the string "2022-03-20").
    """
    return None if value is None else as_date(value, field=field)
