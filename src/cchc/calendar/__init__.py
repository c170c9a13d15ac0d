"""The official civil-service working calendar (lịch làm việc, ngày làm việc).

Everything in cchc rests on one question asked millions of times: is this day
a working day of Vietnamese state agencies, and which day is the n-th working
day after it? :class:`OfficialCalendar` answers it from the bundled notices
(2015-2027, each day citing its source), with weekly rest on Saturday and Sunday
(Quyết định 188/1999/QĐ-TTg), make-up Saturdays as working days and swapped
days as days off. See :mod:`cchc.calendar.official` for the counting rules,
:mod:`cchc.calendar.inputs` for what counts as a day, and
:mod:`cchc.calendar.days` for the day tables the dossier rules read and
:mod:`cchc.calendar.hours` for office hours and their minute arithmetic.

The package imports nothing heavy itself: each public name is imported from its
module on first use (a module ``__getattr__``), so ``cchc calendar is-working DATE``,
which answers from :mod:`cchc.calendar.plain`, pays for neither NumPy nor pydantic.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc.calendar.batch import ProvisionalArray, to_datetime64
    from cchc.calendar.coverage import Coverage
    from cchc.calendar.default import CalendarOps, WorkingCalendar, default_calendar
    from cchc.calendar.entries import CalendarEntry, Notice, read_notice_csv
    from cchc.calendar.holidays_view import OfficialHolidays
    from cchc.calendar.hours import OfficeHours
    from cchc.calendar.inputs import DateLike, Inclusive, as_day
    from cchc.calendar.kinds import DayKind
    from cchc.calendar.official import OfficialCalendar, Provisional

_HOMES: dict[str, str] = {
    "CalendarEntry": "entries",
    "CalendarOps": "default",
    "Coverage": "coverage",
    "DateLike": "inputs",
    "DayKind": "kinds",
    "Inclusive": "inputs",
    "Notice": "entries",
    "OfficeHours": "hours",
    "OfficialCalendar": "official",
    "OfficialHolidays": "holidays_view",
    "Provisional": "official",
    "ProvisionalArray": "batch",
    "WorkingCalendar": "default",
    "as_day": "inputs",
    "default_calendar": "default",
    "read_notice_csv": "entries",
    "to_datetime64": "batch",
}
"""Each public name and the module (under ``cchc.calendar``) it is imported from."""

__all__ = [
    "CalendarEntry",
    "CalendarOps",
    "Coverage",
    "DateLike",
    "DayKind",
    "Inclusive",
    "Notice",
    "OfficeHours",
    "OfficialCalendar",
    "OfficialHolidays",
    "Provisional",
    "ProvisionalArray",
    "WorkingCalendar",
    "as_day",
    "default_calendar",
    "read_notice_csv",
    "to_datetime64",
]


def __getattr__(name: str) -> Any:
    """``cchc.calendar.<name>``: the public name imported from its module on first use
    (or the sub-module ``name``, as when the package imported them all)."""
    home = _HOMES.get(name)
    if home is None:
        if name.startswith("_") or importlib.util.find_spec(f"{__name__}.{name}") is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f"{__name__}.{name}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
