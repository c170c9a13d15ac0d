"""The bundled official calendar data (dữ liệu lịch nghỉ chính thức).

The notices and laws are rows of the one source registry,
``cchc/data/sources.csv`` (:func:`cchc.legal.sources`: number, issuer, signing
date and how its text was read); ``data/days/``
holds one file per year, each row a day off or make-up working day citing the
registry keys of its sources. Loading is lazy and cached: nothing is read at
import time.

    >>> notice = bundled_notice()
    >>> notice.covers_years[0], notice.covers_years[-1]
    (2015, 2027)
    >>> sorted(e.day.isoformat() for e in notice.entries if e.day.year == 2026
    ...        and e.kind.value == "makeup_workday")
    ['2026-01-10', '2026-08-22']
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping

from cchc._data import data_path, read_text
from cchc.calendar.entries import CalendarEntry, Notice, read_notice_csv
from cchc.errors import DataFileError
from cchc.legal import LegalSource, sources

__all__ = ["bundled_notice", "source_registry", "weekly_rest_source"]

_DATA = "cchc.calendar"


def _text(*parts: str) -> str:
    return read_text(_DATA, "data", *parts)


def source_registry() -> Mapping[str, LegalSource]:
    """The source registry the bundled calendar cites (:func:`cchc.legal.sources`)."""
    return sources()


@functools.cache
def bundled_notice() -> Notice:
    """All bundled entries, covering every year that has a file in ``data/days``."""
    registry = source_registry()
    years = sorted(
        int(p.name.removesuffix(".csv"))
        for p in data_path(_DATA, "data", "days").iterdir()
        if p.name.endswith(".csv")
    )
    entries: list[CalendarEntry] = []
    for year in years:
        name = f"days/{year}.csv"
        notice = read_notice_csv(
            io.StringIO(_text("days", f"{year}.csv")), sources=registry, name=name
        )
        for row, entry in enumerate(notice.entries, start=2):
            if entry.day.year != year:
                raise DataFileError(f"date outside {year}", row=row, field="date", source=name)
        entries.extend(notice.entries)
    return Notice(entries=tuple(entries), covers_years=tuple(years))


def weekly_rest_source() -> LegalSource:
    """Source of the Saturday-Sunday weekly rest (Quyết định 188/1999/QĐ-TTg, Điều 1)."""
    return source_registry()["QD188-1999"]
