"""Coverage of the official calendar (phạm vi của lịch chính thức): one check, one message.

The calendar answers for the years its notices fully specify (:class:`Coverage`).
Outside them it answers only when a provisional answer is asked for: in Python
``provisional=True`` (a keyword of :class:`~cchc.calendar.OfficialCalendar`'s
methods, a field of :class:`~cchc.dossiers.DeadlinePolicy`), on the command
line ``--provisional``. Provisional answers reach from
:data:`PROVISIONAL_FIRST_YEAR` to :data:`PROVISIONAL_YEARS_AHEAD` years past the
last covered year. Every refusal, scalar, batch or dossier rule, is built by
:func:`coverage_error`, so it reads the same everywhere::

    >>> str(coverage_error("2031-01-02 is", field="date", span="2015-2027"))
    "field date: 2031-01-02 is outside the official calendar's coverage (2015-2027); \
pass provisional=True for a rule-derived answer"
    >>> str(coverage_error("1 element(s)", field="dates", span="2000-2057", provisional=True,
    ...                    where=", first at index 0 (2099-01-01)"))
    'field dates: 1 element(s) outside even the provisional range (2000-2057), \
first at index 0 (2099-01-01)'
"""

from __future__ import annotations

import attrs

from cchc.errors import CalendarCoverageError

__all__ = [
    "PROVISIONAL_FIRST_YEAR",
    "PROVISIONAL_HINT",
    "PROVISIONAL_YEARS_AHEAD",
    "Coverage",
    "coverage_error",
]

PROVISIONAL_FIRST_YEAR = 2000
"""First year a provisional answer is given for (the 5-day week of QĐ 188/1999 began 1/10/1999)."""
PROVISIONAL_YEARS_AHEAD = 30
"""Provisional answers reach this many years past the last covered year."""
PROVISIONAL_HINT = "pass provisional=True for a rule-derived answer"
"""The advice every coverage refusal ends with; the command line reads it as
``add --provisional`` (:func:`cchc.cli.shell_message`)."""


@attrs.frozen
class Coverage:
    """The years the official calendar covers (each fully specified by notices)."""

    years: tuple[int, ...]

    @property
    def first_year(self) -> int:
        """First covered year."""
        return self.years[0]

    @property
    def last_year(self) -> int:
        """Last covered year."""
        return self.years[-1]

    @property
    def provisional_first_year(self) -> int:
        """First year of the provisional range."""
        return min(PROVISIONAL_FIRST_YEAR, self.first_year)

    @property
    def provisional_last_year(self) -> int:
        """Last year of the provisional range."""
        return self.last_year + PROVISIONAL_YEARS_AHEAD

    @property
    def provisional_range(self) -> str:
        """The provisional range as ``first-last``."""
        return f"{self.provisional_first_year}-{self.provisional_last_year}"

    def __contains__(self, year: object) -> bool:
        return year in self.years

    def __str__(self) -> str:
        contiguous = self.last_year - self.first_year + 1 == len(self.years)
        if contiguous:
            return f"{self.first_year}-{self.last_year}"
        return ", ".join(map(str, self.years))


def coverage_error(
    subject: str, *, field: str, span: str, provisional: bool = False, where: str = ""
) -> CalendarCoverageError:
    """The refusal of a day outside the calendar, for every path.

    Args:
        subject: what is outside, with its verb if one reads better
            (``"2031-01-02 is"``, ``"3 element(s)"``).
        field: the argument or column at fault.
        span: the official coverage (``str(Coverage)``) or, when ``provisional``,
            the provisional range.
        provisional: whether a provisional answer was asked for (then nothing
            more can be asked, and the message says so).
        where: the location within a batch (``", first at index 0 (2031-01-01)"``).
    """
    if provisional:
        return CalendarCoverageError(
            f"{subject} outside even the provisional range ({span}){where}", field=field
        )
    return CalendarCoverageError(
        f"{subject} outside the official calendar's coverage ({span}){where}; {PROVISIONAL_HINT}",
        field=field,
    )
