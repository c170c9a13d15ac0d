"""The bundled official calendar data (dữ liệu lịch nghỉ chính thức).

``data/notices.csv`` is the registry of sources (one row per law or notice,
with number, issuer, signing date and how its text was read); ``data/days/``
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

import csv
import functools
import io
from datetime import date

from cchc._data import data_path, read_text
from cchc.calendar.entries import CalendarEntry, Notice, read_notice_csv
from cchc.errors import DataFileError
from cchc.legal import LegalSource, Verification

__all__ = ["bundled_notice", "source_registry", "weekly_rest_source"]

_DATA = "cchc.calendar"


def _text(*parts: str) -> str:
    return read_text(_DATA, "data", *parts)


def _opt_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@functools.cache
def source_registry() -> dict[str, LegalSource]:
    """The sources cited by the bundled calendar, by registry key."""
    registry: dict[str, LegalSource] = {}
    for number, row in enumerate(csv.DictReader(io.StringIO(_text("notices.csv"))), start=2):
        try:
            registry[row["key"]] = LegalSource(
                number=row["number"],
                doc_type=row["doc_type"],
                issuer=row["issuer"],
                signed_on=_opt_date(row["signed_on"]),
                article=row["article"] or None,
                title=row["title"] or None,
                effective_from=_opt_date(row["effective_from"]),
                effective_to=_opt_date(row["effective_to"]),
                verification=Verification(row["verification"]),
                note=row["note"] or None,
            )
        except (ValueError, KeyError) as exc:
            raise DataFileError(str(exc), row=number, source="notices.csv") from exc
    return registry


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
