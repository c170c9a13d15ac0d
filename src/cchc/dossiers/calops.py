"""Working-day operations of the deadline engine, over :class:`OfficialCalendar`.

One place that asks the calendar for plain answers, in covered years or (with
``provisional=True``) in years derived from the Labour Code rules, and records
whether any answer was provisional so that results can be marked.
"""

from __future__ import annotations

import weakref
from datetime import date
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from cchc.calendar import OfficialCalendar, Provisional, ProvisionalArray, default_calendar

__all__ = ["CalendarOps"]

DT = npt.NDArray[np.datetime64]
_T = TypeVar("_T")


_SHARED: weakref.WeakKeyDictionary[OfficialCalendar, dict[bool, dict[str, object]]] = (
    weakref.WeakKeyDictionary()
)
"""Derived tables per calendar object and provisional mode. A calendar is immutable, so
tables built from it stay valid for its lifetime; entries go away with the calendar."""


def _shared_cache(calendar: OfficialCalendar, provisional: bool) -> dict[str, object]:
    try:
        per_cal = _SHARED.setdefault(calendar, {})
    except TypeError:  # not weak-referenceable: a cache for this object only
        return {}
    return per_cal.setdefault(provisional, {})


class CalendarOps:
    """Scalar and batch working-day steps with one provisional switch."""

    def __init__(self, calendar: OfficialCalendar | None, provisional: bool = False) -> None:
        self.calendar = calendar if calendar is not None else default_calendar()
        self.provisional = provisional
        self.used_provisional = False
        """True once an answer rested on a day outside the official coverage."""
        self.cache: dict[str, object] = _shared_cache(self.calendar, provisional)
        """Derived tables (the batch gathers, the per-minute opening table), built once per
        calendar object and provisional mode and shared by every CalendarOps over it."""

    # scalar -------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        if not self.provisional:
            return self.calendar.is_working_day(day)
        return self._take(self.calendar.is_working_day(day, provisional=True))

    def add(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (``n == 0``: ``day`` itself)."""
        if not self.provisional:
            return self.calendar.add_working_days(day, n)
        return self._take(self.calendar.add_working_days(day, n, provisional=True))

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add(day, 1)

    def between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``."""
        if not self.provisional:
            return self.calendar.working_days_between(start, end)
        return self._take(self.calendar.working_days_between(start, end, provisional=True))

    def _take(self, ans: Provisional[_T]) -> _T:
        """The value of a provisional answer, recording whether it was provisional."""
        self.used_provisional |= ans.provisional
        return ans.value

    # batch ----------------------------------------------------------------
    def _unwrap(self, ans: Any) -> Any:
        if isinstance(ans, ProvisionalArray):
            self.used_provisional |= bool(ans.provisional.any())
            return ans.values
        return ans

    def is_working_day_batch(self, days: DT) -> npt.NDArray[np.bool_]:
        """Vectorised :meth:`is_working_day`."""
        out: npt.NDArray[np.bool_] = self._unwrap(
            self.calendar.is_working_day_batch(days, provisional=self.provisional)  # type: ignore[call-overload]
        )
        return out

    def add_batch(self, days: DT, n: Any) -> DT:
        """Vectorised :meth:`add`."""
        out: DT = self._unwrap(
            self.calendar.add_working_days_batch(days, n, provisional=self.provisional)  # type: ignore[call-overload]
        )
        return out

    def between_batch(self, starts: DT, ends: DT) -> npt.NDArray[np.int64]:
        """Vectorised :meth:`between`."""
        out: npt.NDArray[np.int64] = self._unwrap(
            self.calendar.working_days_between_batch(starts, ends, provisional=self.provisional)  # type: ignore[call-overload]
        )
        return out
