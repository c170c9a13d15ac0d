"""Provisional days off for years no official notice covers (lịch dự kiến).

Outside the bundled coverage, cchc can still answer if the caller explicitly
asks for it (``provisional=True``). The answer is then derived from the Labour
Code rules, not from a notice: the fixed holidays and the lunar dates of Tết
and Giỗ Tổ Hùng Vương of Bộ luật Lao động 2019 Điều 112 (Bộ luật Lao động 2012
Điều 115 before 2021), the compensatory-day rule of Điều 111 khoản 3, Ngày Văn
hóa Việt Nam 24/11 of Nghị quyết 28/2026/QH16 (from 1/7/2026), and the
Quốc khánh adjacent-day and Tết placement rules as modelled by the
``holidays`` package (which also lists past swap Saturdays). The names and the
sources of each day come from ``data/statutory_days.csv`` (the statutory names,
not the package's); the package's compensatory day for 24/11 is dropped, since
Điều 111 khoản 3 covers only the days of Điều 112 khoản 1. Swaps decided
each year by the Prime Minister cannot be predicted, so such answers may differ
from the eventual notice; every entry is marked ``provisional`` with
``verification="derived"``.

    >>> entries = provisional_entries(2028)
    >>> all(e.provisional for e in entries)
    True
    >>> [e.day.isoformat() for e in entries if e.name_en.startswith("New Year")]
    ['2028-01-01', '2028-01-03']
"""

from __future__ import annotations

import csv
import functools
import io
from datetime import date

import holidays

from cchc._data import read_text
from cchc.calendar.bundled import source_registry
from cchc.calendar.entries import CalendarEntry, DayKind
from cchc.legal import Verification

__all__ = ["provisional_entries"]

_NOTE = "derived from Labour Code rules via the holidays package; no official notice yet"


@functools.cache
def _statutory() -> dict[str, dict[str, str]]:
    """The statutory name, compensatory rule and sources of each ``holidays`` day name."""
    text = read_text("cchc.calendar", "data", "statutory_days.csv")
    return {row["holidays_name"]: row for row in csv.DictReader(io.StringIO(text))}


@functools.cache
def provisional_entries(year: int) -> tuple[CalendarEntry, ...]:
    """Rule-derived days off and make-up days of ``year`` (all marked provisional)."""
    code = "BLLD2019" if year >= 2021 else "BLLD2012"
    registry = source_registry()
    sources = (registry[code],)
    vi = holidays.country_holidays("VN", years=year, language="vi")  # not the locale
    en = holidays.country_holidays("VN", years=year, language="en_US")
    entries = []
    for day in sorted(vi):
        name_en = str(en.get(day, vi[day]))
        observed = "observed" in name_en.lower()
        kind = DayKind.COMPENSATORY if observed else DayKind.HOLIDAY
        row = _statutory().get(name_en.replace(" (observed)", ""))
        if row is None:  # a day the table does not know: the package's name and the code
            entries.append(_entry(day, kind, str(vi[day]), name_en, sources))
            continue
        if observed and row["compensatory"] != "yes":
            continue
        keys = row["sources"].split(";")
        cited = tuple(registry[k] for k in keys) if keys != ["BLLD2019"] else sources
        suffix_vi, suffix_en = (" (nghỉ bù)", " (observed)") if observed else ("", "")
        entries.append(
            _entry(day, kind, row["name_vi"] + suffix_vi, row["name_en"] + suffix_en, cited)
        )
    for day in sorted(d for d in vi.weekend_workdays if d.year == year):
        entries.append(
            _entry(day, DayKind.MAKEUP_WORKDAY, "Ngày làm bù", "Make-up working day", sources)
        )
    return tuple(entries)


def _entry(
    day: date, kind: DayKind, name_vi: str, name_en: str, sources: tuple[object, ...]
) -> CalendarEntry:
    return CalendarEntry.model_validate(
        {
            "day": day,
            "kind": kind,
            "name_vi": name_vi,
            "name_en": name_en,
            "sources": sources,
            "verification": Verification.DERIVED,
            "note": _NOTE,
            "provisional": True,
        }
    )
