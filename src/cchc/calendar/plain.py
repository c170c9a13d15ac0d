"""The bundled days as plain Python data (dữ liệu ngày nghỉ dạng thô): one-day answers.

A question about one covered day (``cchc calendar is-working DATE``) needs the
weekly rule of Quyết định 188/1999/QĐ-TTg and the one bundled file of that day's
year (``data/days/YEAR.csv``), nothing more. This module answers it from those,
read through the one loader (:mod:`cchc._data`) into plain tuples and dicts,
without building :class:`~cchc.calendar.OfficialCalendar` (its NumPy tables, its
pydantic entries, the source registry): a process asking once starts in a few
milliseconds.

The answers are :class:`~cchc.calendar.OfficialCalendar`'s over the bundled data
(a test compares the two on every covered day). A day outside the bundled
coverage has no plain answer (``None``): the calendar itself refuses it or, when
asked for, answers provisionally.

    >>> from datetime import date
    >>> status = day_status(date(2025, 4, 26))   # make-up Saturday (đi làm bù)
    >>> status.working, status.reason, status.entry.sources
    (True, 'Ngày Chiến thắng 30/4 - đi làm bù', ('CV8726-2024', 'TB6150-2024'))
    >>> day_status(date(2025, 1, 27)).reason     # Monday in the Tết break
    'Tết Âm lịch (Tết Nguyên đán)'
    >>> day_status(date(2025, 3, 8))
    PlainStatus(working=False, reason='cuối tuần', entry=None)
    >>> day_status(date(2031, 1, 2)) is None     # outside the bundled coverage
    True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from cchc._data import bundled_names, read_bundled_csv_rows
from cchc.calendar.kinds import DayKind
from cchc.errors import DataFileError

__all__ = ["WEEKEND", "PlainDay", "PlainStatus", "covered_years", "day_status", "year_days"]

_PACKAGE = "cchc.calendar"
_ORIGINAL = "original"
"""``Verification.ORIGINAL``'s value (:mod:`cchc.legal`): the date read in the original text."""
WEEKEND = "cuối tuần"
"""The reason given for a Saturday or Sunday no notice names."""


class PlainDay(NamedTuple):
    """One row of a bundled day file: a day off or make-up working day, with its sources."""

    day: date
    kind: DayKind
    name_vi: str
    name_en: str
    sources: tuple[str, ...]
    """Registry keys of the sources (``cchc/data/sources.csv``)."""
    verification: str
    note: str | None

    @property
    def confirmed(self) -> bool:
        """Whether the date was read in the original text of its notice."""
        return self.verification == _ORIGINAL


class PlainStatus(NamedTuple):
    """Whether a covered day is a working day, and why."""

    working: bool
    reason: str
    """The entry's Vietnamese name, ``"cuối tuần"`` for a plain weekend, else ``""``."""
    entry: PlainDay | None
    """The bundled entry naming the day, if any."""


@functools.cache
def covered_years() -> tuple[int, ...]:
    """The years the bundled data covers: one file ``data/days/YEAR.csv`` each."""
    names = bundled_names(_PACKAGE, "data", "days", suffixes=(".csv",))
    return tuple(sorted(int(name.removesuffix(".csv")) for name in names))


@functools.cache
def year_days(year: int) -> Mapping[date, PlainDay]:
    """The bundled entries of a covered ``year``, by day (read once, read-only).

    Raises:
        DataFileError: a row whose date is not a day of ``year``, is given twice,
            or whose kind is unknown (the full checks, sources included, are
            :func:`cchc.calendar.read_notice_csv`'s).
    """
    name = f"{year}.csv"
    found: dict[date, PlainDay] = {}
    rows = read_bundled_csv_rows(
        _PACKAGE, "data", "days", name, required=("date", "kind", "name_vi", "name_en")
    )
    for line, row in rows:

        def fail(field: str, message: str, line: int = line) -> DataFileError:
            return DataFileError(message, row=line, field=field, source=f"days/{name}")

        raw = row["date"].strip()
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise fail("date", f"not a valid date: {raw!r}") from None
        if day.year != year:
            raise fail("date", f"date outside {year}")
        if day in found:
            raise fail("date", f"date {day.isoformat()} given twice")
        try:
            kind = DayKind(row["kind"].strip())
        except ValueError:
            raise fail("kind", f"unknown kind {row['kind']!r}") from None
        keys = (k.strip() for k in (row.get("sources") or "").split(";"))
        found[day] = PlainDay(
            day=day,
            kind=kind,
            name_vi=row["name_vi"].strip(),
            name_en=row["name_en"].strip(),
            sources=tuple(filter(None, keys)),
            verification=(row.get("verification") or "").strip() or "secondary",
            note=(row.get("note") or "").strip() or None,
        )
    return MappingProxyType(found)


def day_status(day: date) -> PlainStatus | None:
    """Whether ``day`` is a working day of the bundled calendar (``None``: not covered).

    A day is a working day from Monday to Friday (Quyết định 188/1999/QĐ-TTg Điều 1)
    unless a notice makes it a day off, and on any day a notice makes a make-up
    working day (đi làm bù).
    """
    if day.year not in covered_years():
        return None
    entry = year_days(day.year).get(day)
    if entry is not None:
        return PlainStatus(not entry.kind.is_day_off, entry.name_vi, entry)
    weekend = day.weekday() >= 5
    return PlainStatus(not weekend, WEEKEND if weekend else "", None)
