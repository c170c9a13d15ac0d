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
"""

from cchc.calendar.batch import ProvisionalArray, to_datetime64
from cchc.calendar.coverage import Coverage
from cchc.calendar.default import CalendarOps, WorkingCalendar, default_calendar
from cchc.calendar.entries import CalendarEntry, DayKind, Notice, read_notice_csv
from cchc.calendar.holidays_view import OfficialHolidays
from cchc.calendar.hours import OfficeHours
from cchc.calendar.inputs import DateLike, Inclusive, as_day
from cchc.calendar.official import OfficialCalendar, Provisional

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
