"""The column engine for millions of dossiers (columns in, columns out).

The **same rule functions** as the per-dossier path (:mod:`.clock_start`,
:mod:`.period_units`, :mod:`.timeliness`), run on NumPy columns instead of Python ints
(:mod:`.tables`): no Python loop per dossier and no second implementation. A column
of mixed units is split by unit (at most four passes).

Instants are ``datetime64[ns]`` in **UTC** (NumPy has no time zone; pandas or
Arrow columns with a zone are converted, naive ones rejected by the loaders); the
rules see local nanoseconds (UTC + :data:`VN_OFFSET_NS`).

Unit codes: 0 ``working_days``, 1 ``days``, 2 ``hours``, 3 ``months``.
Timeliness codes: -1 unfinished, 0 early, 1 on time, 2 late.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from cchc.calendar import CalendarOps, OfficialCalendar
from cchc.calendar.days import day_tables
from cchc.procedures import Channel, TimeUnit

from .engine import period
from .instants import NAT, NS_PER_DAY, NS_PER_MINUTE, VN_OFFSET_NS
from .period_units import UNIT_CODES
from .policy import DeadlinePolicy
from .timeliness import (
    EARLY,
    LATE,
    ON_TIME,
    STOPPED,
    UNFINISHED,
    due_within_ns,
    timeliness_code,
)

__all__ = [
    "CHANNEL_CODES",
    "EARLY",
    "LATE",
    "NAT",
    "NS_PER_DAY",
    "NS_PER_MINUTE",
    "ON_TIME",
    "STOPPED",
    "UNFINISHED",
    "UNIT_CODES",
    "VN_OFFSET_NS",
    "classify_batch",
    "classify_local",
    "due_dates_batch",
    "due_within_batch",
]

I64 = npt.NDArray[np.int64]
DT = npt.NDArray[np.datetime64]
BOOL = npt.NDArray[np.bool_]

CHANNEL_CODES: dict[str, int] = {c.value: i for i, c in enumerate(Channel)}
"""Channel codes: 0 ``in_person``, 1 ``online``, 2 ``post``."""


def _ns(values: Any) -> I64:
    """A datetime64 column as int64 nanoseconds (no copy when already ``datetime64[ns]``)."""
    out: I64 = np.asarray(values).astype("datetime64[ns]", copy=False).view(np.int64)
    return out


def due_dates_batch(
    received_at: Any,
    amount: Any,
    unit: Any = "working_days",
    *,
    calendar: OfficialCalendar | CalendarOps | None = None,
    policy: DeadlinePolicy | None = None,
) -> tuple[DT, DT]:
    """Due moments for whole columns; returns ``(due_at, start_at)`` as UTC ``datetime64[ns]``.

    Args:
        received_at: UTC ``datetime64`` values (validated, e.g. by
            :func:`cchc.dossiers.table.frame.from_columns`).
        amount: whole numbers >= 0 (array or scalar).
        unit: a unit name, or an array of unit codes (:data:`UNIT_CODES`).

    Raises:
        CalendarCoverageError: a day outside the calendar (unless provisional).
    """
    pol = policy if policy is not None else DeadlinePolicy()
    ops = calendar if isinstance(calendar, CalendarOps) else CalendarOps(calendar, pol.provisional)
    local = _ns(received_at) + VN_OFFSET_NS
    n = np.broadcast_to(np.asarray(amount, dtype=np.int64), local.shape)
    if isinstance(unit, str | TimeUnit):
        codes = np.full(local.shape, UNIT_CODES[TimeUnit(unit).value], dtype=np.int8)
    else:
        codes = np.broadcast_to(np.asarray(unit, dtype=np.int8), local.shape)
    due, start = period(local, n, codes, pol, day_tables(ops, columns=True), ops)
    due -= VN_OFFSET_NS
    start = start - VN_OFFSET_NS
    return due.view("datetime64[ns]"), start.view("datetime64[ns]")


def classify_batch(
    finished_at: Any, due_at: Any, *, minute: bool | BOOL = False
) -> npt.NDArray[np.int8]:
    """Timeliness codes (TT 01/2018 Art 13(1)) for UTC columns; NaT finish = unfinished.

    ``minute``: compare minutes instead of local days, for all rows or per row (an array).
    """
    return classify_local(_ns(finished_at) + VN_OFFSET_NS, _ns(due_at) + VN_OFFSET_NS, minute)


def classify_local(fin: I64, due: I64, minute: bool | BOOL = False) -> npt.NDArray[np.int8]:
    """:func:`classify_batch` on local nanoseconds (an unfinished row's ``fin`` is
    ``NAT + VN_OFFSET_NS``, as the UTC column shifted)."""
    per_row = isinstance(minute, np.ndarray)
    if isinstance(minute, np.ndarray) and not minute.any():  # no row judged by the minute
        per_row, minute = False, False
    # a per-row choice: the rule on whole columns by day, then again on the minute rows
    # (division by one constant is much faster than by a column of divisors)
    out: npt.NDArray[np.int8] = timeliness_code(fin, due, False if per_row else minute).astype(
        np.int8
    )
    if per_row:
        rows = np.flatnonzero(minute)
        out[rows] = timeliness_code(fin[rows], due[rows], True)
    out[fin == NAT + VN_OFFSET_NS] = UNFINISHED
    return out


def due_within_batch(
    due_at: Any,
    as_of: Any,
    working_days: int,
    *,
    calendar: OfficialCalendar | CalendarOps | None = None,
    provisional: bool = False,
) -> BOOL:
    """Vectorised :func:`cchc.dossiers.due_within` (reminders): in time and due soon."""
    ops = calendar if isinstance(calendar, CalendarOps) else CalendarOps(calendar, provisional)
    due = np.asarray(due_at).astype("datetime64[ns]").view(np.int64) + VN_OFFSET_NS
    now = np.asarray(as_of).astype("datetime64[ns]").view(np.int64) + VN_OFFSET_NS
    now = np.broadcast_to(now, due.shape)
    out: BOOL = due_within_ns(due, now, working_days, day_tables(ops, columns=True), ops)
    return out
