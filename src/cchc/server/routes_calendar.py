"""/v1/calendar: the official working calendar (lịch làm việc) with its sources."""

from __future__ import annotations

import calendar as _months
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from cchc.calendar import default_calendar

from .models import (
    AddedDays,
    DayStatus,
    IsoDate,
    MonthDay,
    MonthView,
    WorkingDaysBetween,
    YearDays,
)
from .problems import PROBLEMS

__all__ = ["router"]

router = APIRouter(prefix="/v1/calendar", tags=["calendar"], responses=PROBLEMS)

_PROVISIONAL = Query(
    description="Allow a year no official notice covers yet (answer marked provisional)."
)
Year = Annotated[int, Path(ge=1900, le=2200, description="The year, e.g. 2025.")]


@router.get("/days/{day}", summary="Is a day a working day?")
async def day_status(day: IsoDate, provisional: Annotated[bool, _PROVISIONAL] = False) -> DayStatus:
    """Whether ``day`` is a working day (ngày làm việc), with the official entry and why."""
    cal = default_calendar()
    if provisional:
        answer = cal.is_working_day(day, provisional=True)
        working, marked = answer.value, answer.provisional
    else:
        working, marked = cal.is_working_day(day), False
    entry = cal.entry(day) if day.year in cal.coverage else None
    reason = entry.name_vi if entry else ("cuối tuần" if day.weekday() >= 5 else None)
    return DayStatus(
        date=day, working_day=working, reason_vi=reason, entry=entry, provisional=marked
    )


@router.get("/add", summary="The n-th working day after a date")
async def add_days(
    start: Annotated[IsoDate, Query(alias="date", description="Start date (not counted).")],
    n: Annotated[int, Query(ge=-20_000, le=20_000, description="Working days to add.")],
    provisional: Annotated[bool, _PROVISIONAL] = False,
) -> AddedDays:
    """``date`` + ``n`` working days (negative ``n`` goes back); the start day is not counted."""
    cal = default_calendar()
    if provisional:
        answer = cal.add_working_days(start, n, provisional=True)
        result, marked = answer.value, answer.provisional
    else:
        result, marked = cal.add_working_days(start, n), False
    return AddedDays(date=start, n=n, result=result, provisional=marked)


@router.get("/between", summary="Working days between two dates")
async def between(
    start: IsoDate,
    end: IsoDate,
    inclusive: Literal["right", "left", "both", "neither"] = "right",
    provisional: Annotated[bool, _PROVISIONAL] = False,
) -> WorkingDaysBetween:
    """Working days in ``(start, end]`` by default (``inclusive`` chooses the ends)."""
    cal = default_calendar()
    if provisional:
        answer = cal.working_days_between(start, end, inclusive=inclusive, provisional=True)
        value, marked = answer.value, answer.provisional
    else:
        value, marked = cal.working_days_between(start, end, inclusive=inclusive), False
    return WorkingDaysBetween(
        start=start, end=end, inclusive=inclusive, working_days=value, provisional=marked
    )


@router.get("/years/{year}", summary="A year's days off and make-up days, with sources")
async def year_days(year: Year, provisional: Annotated[bool, _PROVISIONAL] = False) -> YearDays:
    """Every official day off (nghỉ lễ, nghỉ bù, hoán đổi) and make-up Saturday of ``year``."""
    entries = default_calendar().entries(year, provisional=provisional)
    return YearDays(
        year=year,
        provisional=any(e.provisional for e in entries),
        entries=tuple(entries),
    )


@router.get("/months/{year}/{month}", summary="A month view of the official calendar")
async def month_view(
    year: Year,
    month: Annotated[int, Path(ge=1, le=12)],
    provisional: Annotated[bool, _PROVISIONAL] = False,
) -> MonthView:
    """Each day of the month: working or not, and its official entry (for a desk calendar)."""
    cal = default_calendar()
    if year not in cal.coverage and not provisional:
        # the library's coverage error names the years covered
        cal.is_working_day(date(year, month, 1))
    entries = {e.day: e for e in cal.entries(year, provisional=provisional)}
    days = []
    for d in range(1, _months.monthrange(year, month)[1] + 1):
        day = date(year, month, d)
        if provisional:
            working = cal.is_working_day(day, provisional=True).value
        else:
            working = cal.is_working_day(day)
        days.append(
            MonthDay(date=day, weekday=day.weekday(), working_day=working, entry=entries.get(day))
        )
    return MonthView(
        year=year,
        month=month,
        provisional=any(e.provisional for e in entries.values()),
        days=tuple(days),
    )
