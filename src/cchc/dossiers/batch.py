"""Vectorised deadline engine for millions of dossiers (columns in, columns out).

Same rules and policies as the scalar engine (:func:`cchc.dossiers.due_date`,
the reference), computed with NumPy over whole columns: no Python loop per
dossier. Working-day steps are gathers on the calendar's dense per-day tables
(``OfficialCalendar.*_batch``).

Instants are ``datetime64[ns]`` in **UTC** (NumPy has no time zone; pandas or
Arrow columns with a zone are converted, naive ones rejected). Local time is
UTC+07:00: Asia/Ho_Chi_Minh has had no other offset since 1975, and the
one-stop rules start in 2018.

Unit codes: 0 ``working_days``, 1 ``days``, 2 ``hours``, 3 ``months``.
Timeliness codes: -1 unfinished, 0 early, 1 on time, 2 late.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from cchc.calendar import OfficialCalendar
from cchc.procedures import TimeUnit

from .calops import CalendarOps
from .hours import session_minutes
from .policy import DayEnd, DeadlinePolicy, ReceiptRule

__all__ = [
    "EARLY",
    "LATE",
    "ON_TIME",
    "UNFINISHED",
    "UNIT_CODES",
    "classify_batch",
    "due_dates_batch",
    "normalise_receipt_batch",
]

I64 = npt.NDArray[np.int64]
DT = npt.NDArray[np.datetime64]
BOOL = npt.NDArray[np.bool_]

NS_PER_MINUTE = 60_000_000_000
NS_PER_DAY = 86_400_000_000_000
VN_OFFSET_NS = 7 * 3_600_000_000_000
"""UTC+07:00, the offset of Asia/Ho_Chi_Minh since 1975."""

UNIT_CODES: dict[str, int] = {
    TimeUnit.WORKING_DAYS.value: 0,
    TimeUnit.DAYS.value: 1,
    TimeUnit.HOURS.value: 2,
    TimeUnit.MONTHS.value: 3,
}
UNFINISHED, EARLY, ON_TIME, LATE = -1, 0, 1, 2
NAT = np.iinfo(np.int64).min


def _ns(values: Any) -> I64:
    """datetime64 column -> int64 ns since the epoch (NaT = int64 min)."""
    arr = np.asarray(values)
    if arr.dtype.kind != "M":
        raise TypeError(f"expected datetime64 values, got {arr.dtype}")
    return arr.astype("datetime64[ns]").view(np.int64)


def _days(ns: I64) -> DT:
    return np.floor_divide(ns, NS_PER_DAY).astype("datetime64[D]")


def _sessions_ns(policy: DeadlinePolicy) -> I64:
    return np.array(session_minutes(policy.office_hours), dtype=np.int64) * NS_PER_MINUTE


def normalise_receipt_batch(
    received_ns: I64,
    policy: DeadlinePolicy,
    ops: CalendarOps,
    *,
    force_next_opening: BOOL | None = None,
) -> I64:
    """Clock start (local ns) for receipts given as local ns; see :func:`~.deadline.clock_start`.

    ``force_next_opening`` marks rows (hours units) that always wait for the
    next opening, whatever the receipt rule.
    """
    sess = _sessions_ns(policy)
    day_ns = np.floor_divide(received_ns, NS_PER_DAY) * NS_PER_DAY
    tod = received_ns - day_ns
    days = day_ns.view("datetime64[ns]").astype("datetime64[D]")
    working = np.asarray(ops.is_working_day_batch(days), dtype=bool)
    next_day_ns = ops.add_batch(days, 1).astype("datetime64[ns]").view(np.int64)
    next_open = next_day_ns + sess[0, 0]
    # next opening on the same day, or the next working day
    same_day = np.full_like(received_ns, NAT)
    for k in range(len(sess) - 1, -1, -1):
        start, end = sess[k]
        same_day = np.where(tod < start, day_ns + start, same_day)
        same_day = np.where((tod >= start) & (tod < end), received_ns, same_day)
    opened = np.where(working & (same_day != NAT), same_day, next_open)
    if policy.receipt is ReceiptRule.NEXT_OPENING:
        out = opened
    elif force_next_opening is not None:
        out = np.where(force_next_opening, opened, received_ns)
    else:
        out = received_ns.copy()
    if policy.cutoff is not None:
        c = policy.cutoff
        cut_ns = ((c.hour * 60 + c.minute) * 60 + c.second) * 1_000_000_000 + c.microsecond * 1000
        out = np.where(working & (tod > cut_ns), next_open, out)
    return out


def _add_months(days: DT, months: I64) -> DT:
    m = days.astype("datetime64[M]")
    dom = (days - m.astype("datetime64[D]")).astype(np.int64)
    target = m + months.astype("timedelta64[M]")
    last = (
        (target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")
    ).astype(np.int64)
    out: DT = target.astype("datetime64[D]") + np.minimum(dom, last - 1).astype("timedelta64[D]")
    return out


def _add_hours(start_ns: I64, hours: I64, policy: DeadlinePolicy, ops: CalendarOps) -> I64:
    sess = _sessions_ns(policy)
    lengths = sess[:, 1] - sess[:, 0]
    per_day = int(lengths.sum())
    day_ns = np.floor_divide(start_ns, NS_PER_DAY) * NS_PER_DAY
    tod = start_ns - day_ns
    offset = np.zeros_like(start_ns)
    for (a, _b), length in zip(sess, lengths, strict=True):
        offset += np.clip(tod - a, 0, length)
    target = offset + hours * 60 * NS_PER_MINUTE
    k = np.where(target > 0, np.floor_divide(target - 1, per_day), 0)
    rem = target - k * per_day
    days = day_ns.view("datetime64[ns]").astype("datetime64[D]")
    moved = np.where(k > 0, ops.add_batch(days, np.maximum(k, 1)), days)
    clock = np.zeros_like(start_ns)
    before = 0
    for (a, _b), length in zip(sess, lengths, strict=True):
        inside = (rem > before) & (rem <= before + length)
        clock = np.where(inside, a + rem - before, clock)
        before += int(length)
    result = moved.astype("datetime64[ns]").view(np.int64) + clock
    return np.where(hours == 0, start_ns, result)


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
        received_at: UTC ``datetime64`` values (already validated).
        amount: whole numbers >= 0 (array or scalar).
        unit: a unit name or an array of unit codes (:data:`UNIT_CODES`).
    """
    pol = policy if policy is not None else DeadlinePolicy()
    ops = calendar if isinstance(calendar, CalendarOps) else CalendarOps(calendar, pol.provisional)
    local = _ns(received_at) + VN_OFFSET_NS
    n = np.broadcast_to(np.asarray(amount, dtype=np.int64), local.shape)
    codes = (
        np.full(local.shape, UNIT_CODES[TimeUnit(unit).value], dtype=np.int8)
        if isinstance(unit, str | TimeUnit)
        else np.broadcast_to(np.asarray(unit, dtype=np.int8), local.shape)
    )
    is_hours = codes == UNIT_CODES["hours"]
    start = normalise_receipt_batch(local, pol, ops, force_next_opening=is_hours)
    # 23:59:59.999999 (datetime.time.max) or the close of the last session
    midnight = pol.day_end is DayEnd.MIDNIGHT
    end_tod = NS_PER_DAY - 1000 if midnight else int(_sessions_ns(pol)[-1, 1])
    due = np.empty_like(start)
    start_day = _days(start)
    present: list[int] = np.flatnonzero(np.bincount(codes, minlength=4)).tolist()
    for code in present:
        rows = slice(None) if len(present) == 1 else codes == code
        sd, k = start_day[rows], n[rows]
        if code == UNIT_CODES["hours"]:
            due[rows] = _add_hours(start[rows], k, pol, ops)
            continue
        if code == UNIT_CODES["working_days"]:
            day = ops.add_batch(sd, np.maximum(k, 1))
            if (k == 0).any():
                day = np.where(k == 0, ops.rollforward_batch(sd), day)
        elif code == UNIT_CODES["days"]:
            day = ops.rollforward_batch(sd + k.astype("timedelta64[D]"))
        else:
            day = ops.rollforward_batch(_add_months(sd, k))
        due[rows] = day.astype("datetime64[ns]").view(np.int64) + end_tod
    return (due - VN_OFFSET_NS).view("datetime64[ns]"), (start - VN_OFFSET_NS).view(
        "datetime64[ns]"
    )


def classify_batch(finished_at: Any, due_at: Any, *, minute: bool = False) -> npt.NDArray[np.int8]:
    """Timeliness codes (TT 01/2018 Art 13(1)) for UTC columns; NaT finish = unfinished."""
    fin = _ns(finished_at)
    due = _ns(due_at)
    if minute:
        a = np.floor_divide(fin, NS_PER_MINUTE)
        b = np.floor_divide(due, NS_PER_MINUTE)
    else:
        a = np.floor_divide(fin + VN_OFFSET_NS, NS_PER_DAY)
        b = np.floor_divide(due + VN_OFFSET_NS, NS_PER_DAY)
    out = np.where(a < b, EARLY, np.where(a == b, ON_TIME, LATE)).astype(np.int8)
    out[fin == NAT] = UNFINISHED
    return out
