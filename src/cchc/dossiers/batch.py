"""Vectorised deadline engine for millions of dossiers (columns in, columns out).

Same rules and policies as the scalar engine (:func:`cchc.dossiers.due_date`,
the reference), computed with NumPy over whole columns: no Python loop per
dossier. Working-day steps are gathers on the calendar's dense per-day tables
(:attr:`cchc.calendar.OfficialCalendar.table`): the n-th working day after day
``i`` is ``work_idx[cum[i] + n - 1]``, the roll-forward of ``i`` is
``work_idx[cum[i] - is_work[i]]`` (``cum[i]``: working days up to day ``i``).

Instants are ``datetime64[ns]`` in **UTC** (NumPy has no time zone; pandas or
Arrow columns with a zone are converted, naive ones rejected by the loaders).
Local time is UTC+07:00: Asia/Ho_Chi_Minh has had no other offset since 1975,
and the one-stop rules start in 2018.

Unit codes: 0 ``working_days``, 1 ``days``, 2 ``hours``, 3 ``months``.
Timeliness codes: -1 unfinished, 0 early, 1 on time, 2 late.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar import OfficialCalendar
from cchc.errors import CalendarCoverageError
from cchc.procedures import Channel, TimeUnit

from .calops import CalendarOps
from .hours import session_minutes
from .policy import DayEnd, DeadlinePolicy, ReceiptRule

__all__ = [
    "CHANNEL_CODES",
    "EARLY",
    "LATE",
    "ON_TIME",
    "UNFINISHED",
    "UNIT_CODES",
    "DayGathers",
    "classify_batch",
    "due_dates_batch",
    "due_within_batch",
    "gathers",
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
CHANNEL_CODES: dict[str, int] = {c.value: i for i, c in enumerate(Channel)}
"""Channel codes: 0 ``in_person``, 1 ``online``, 2 ``post``."""
UNFINISHED, EARLY, ON_TIME, LATE = -1, 0, 1, 2
NAT = np.iinfo(np.int64).min


@attrs.frozen(eq=False)
class DayGathers:
    """The calendar's day table as flat arrays indexed by days since 1970-01-01.

    ``covered`` is the index range ``[lo, hi]`` of the official coverage: the
    coverage is a run of whole years, so checking the minimum and maximum of an
    index column is enough.
    """

    origin: int
    is_work: I64
    not_work: I64
    cum_before: I64
    """``cum - 1``: the rank (0-based) of the last working day on or before each day."""
    work_idx: I64
    next_work: I64
    """Index of the first working day strictly after each day (-1 past the end)."""
    covered: tuple[int, int]
    span: str
    provisional: bool

    def _check(self, i: I64, field: str, ops: CalendarOps, what: str) -> None:
        if i.size == 0:
            return
        lo, hi = int(i.min()), int(i.max())
        inside = lo >= 0 and hi < len(self.is_work)
        if inside and self.covered[0] <= lo and hi <= self.covered[1]:
            return
        if inside and self.provisional:
            ops.used_provisional = True
            return
        bad = (i < 0) | (i >= len(self.is_work))
        if not self.provisional:
            bad |= (i < self.covered[0]) | (i > self.covered[1])
        first = str(np.datetime64(int(i[np.flatnonzero(bad)[0]]) + self.origin, "D"))
        hint = "" if self.provisional else "; use a provisional policy for a derived answer"
        raise CalendarCoverageError(
            f"{int(bad.sum())} {what}(s), first {first}, outside the calendar ({self.span})" + hint,
            field=field,
        )

    def index(self, days: I64, field: str, ops: CalendarOps) -> I64:
        """Table indices of day numbers; raises outside the table (or coverage)."""
        i = days - self.origin
        self._check(i, field, ops, "value")
        return i

    def rank(self, k: I64, field: str, ops: CalendarOps) -> I64:
        """``work_idx[k]`` (table indices), checked against the table and coverage."""
        bad = (k < 0) | (k >= len(self.work_idx))
        if bad.any():
            raise CalendarCoverageError(
                f"{int(bad.sum())} result(s) fall outside the calendar ({self.span})", field=field
            )
        out = self.work_idx[k]
        self._check(out, field, ops, "result")
        return out

    def after(self, i: I64, field: str, ops: CalendarOps) -> I64:
        """Index of the first working day strictly after each index."""
        out = self.next_work[i]
        self._check(out, field, ops, "result")
        return out


def gathers(ops: CalendarOps) -> DayGathers:
    """The dense tables of ``ops.calendar`` (built once per calendar and mode)."""
    cached = ops.cache.get("gathers")
    if isinstance(cached, DayGathers):
        return cached
    cal = ops.calendar
    table = cal.provisional_tables()[0] if ops.provisional else cal.table
    uncovered = np.diff(table.uncovered_cum, prepend=0) > 0
    inside = np.flatnonzero(~uncovered)
    lo, hi = (int(inside[0]), int(inside[-1])) if inside.size else (0, -1)
    if uncovered[lo : hi + 1].any():
        raise CalendarCoverageError("the official coverage is not a run of whole years")
    span = f"{table.origin}..{table.end}" if ops.provisional else str(cal.coverage)
    work_idx = table.work_idx
    padded = np.append(work_idx, -1)
    built = DayGathers(
        origin=int(table.origin64.astype(np.int64)),
        is_work=table.is_work.astype(np.int64),
        not_work=1 - table.is_work.astype(np.int64),
        cum_before=table.cum - 1,
        work_idx=work_idx,
        next_work=padded[table.cum],
        covered=(lo, hi),
        span=span,
        provisional=ops.provisional,
    )
    ops.cache["gathers"] = built
    return built


def _ns(values: Any) -> I64:
    """A datetime64 column as int64 nanoseconds (no copy when already ``datetime64[ns]``)."""
    out: I64 = np.asarray(values).astype("datetime64[ns]", copy=False).view(np.int64)
    return out


def _sessions_ns(policy: DeadlinePolicy) -> I64:
    return np.array(session_minutes(policy.office_hours), dtype=np.int64) * NS_PER_MINUTE


MINUTES_PER_DAY = 24 * 60
_KEEP, _PAST_END = -1, -2


def _opening_table(pol: DeadlinePolicy, g: DayGathers, ops: CalendarOps) -> npt.NDArray[np.int32]:
    """Per minute of the table: -1 if the office is open then, else the minute of the next
    opening (minutes since the table origin; -2 past the end of the table).

    Built once per calendar and office hours; the receipt policy's next-opening step is
    then one gather per dossier.
    """
    sessions = session_minutes(pol.office_hours)
    key = f"opening:{sessions}"
    cached = ops.cache.get(key)
    if isinstance(cached, np.ndarray):
        return cached
    inside = np.zeros(MINUTES_PER_DAY, dtype=bool)
    later = np.full(MINUTES_PER_DAY, _PAST_END, dtype=np.int64)  # next start the same day
    for start, end in reversed(sessions):
        inside[start:end] = True
        later[:start] = start
    n_days = len(g.is_work)
    day = np.arange(n_days, dtype=np.int64)[:, None]
    next_day = g.next_work[:, None]
    tomorrow = np.where(next_day >= 0, next_day * MINUTES_PER_DAY + sessions[0][0], _PAST_END)
    same_day = np.where(later[None, :] >= 0, day * MINUTES_PER_DAY + later[None, :], tomorrow)
    working = (g.is_work == 1)[:, None]
    table = np.where(working & inside[None, :], _KEEP, np.where(working, same_day, tomorrow))
    out = table.astype(np.int32).ravel()
    ops.cache[key] = out
    return out


def _normalise(local: I64, pol: DeadlinePolicy, g: DayGathers, ops: CalendarOps, force: Any) -> I64:
    """Clock start (local ns), as :func:`cchc.dossiers.clock_start`; ``force`` = next opening."""
    minutes = local // NS_PER_MINUTE
    origin_min = g.origin * MINUTES_PER_DAY
    minutes -= origin_min
    g.index(
        np.array([minutes.min(), minutes.max()]) // MINUTES_PER_DAY + g.origin
        if minutes.size
        else minutes,
        "received_at",
        ops,
    )
    lut = _opening_table(pol, g, ops)[minutes]
    if lut.size and lut.min() == _PAST_END:
        raise CalendarCoverageError(
            f"a next opening falls outside the calendar ({g.span})", field="received_at"
        )
    opened = np.where(lut == _KEEP, local, (lut.astype(np.int64) + origin_min) * NS_PER_MINUTE)
    out = opened if pol.receipt is ReceiptRule.NEXT_OPENING else np.where(force, opened, local)
    if pol.cutoff is not None:
        c = pol.cutoff
        cut_ns = ((c.hour * 60 + c.minute) * 60 + c.second) * 1_000_000_000 + c.microsecond * 1000
        day = np.floor_divide(local, NS_PER_DAY)
        i = day - g.origin
        after = (g.is_work[i] == 1) & (local - day * NS_PER_DAY > cut_ns)
        if after.any():
            rows = np.flatnonzero(after)
            first_open = int(_sessions_ns(pol)[0, 0])
            nxt = g.after(i[rows], "received_at", ops) + g.origin
            out[rows] = nxt * NS_PER_DAY + first_open
    return out


def _add_months(days: I64, months: I64) -> I64:
    d = days.astype("datetime64[D]")
    m = d.astype("datetime64[M]")
    dom = (d - m.astype("datetime64[D]")).astype(np.int64)
    target = m + months.astype("timedelta64[M]")
    first = target.astype("datetime64[D]")
    last = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - first).astype(np.int64)
    out: I64 = (first + np.minimum(dom, last - 1).astype("timedelta64[D]")).astype(np.int64)
    return out


def _add_hours(start: I64, hours: I64, pol: DeadlinePolicy, g: DayGathers, ops: CalendarOps) -> I64:
    sess = _sessions_ns(pol)
    lengths = sess[:, 1] - sess[:, 0]
    per_day = int(lengths.sum())
    day = np.floor_divide(start, NS_PER_DAY)
    tod = start - day * NS_PER_DAY
    offset = np.zeros_like(start)
    for (a, _b), length in zip(sess, lengths, strict=True):
        offset += np.clip(tod - a, 0, length)
    target = offset + hours * 60 * NS_PER_MINUTE
    k = np.where(target > 0, np.floor_divide(target - 1, per_day), 0)
    rem = target - k * per_day
    i = g.index(day, "received_at", ops)
    moved = g.rank(g.cum_before[i] + np.maximum(k, 1), "due_at", ops) + g.origin
    moved = np.where(k > 0, moved, day)
    clock = np.zeros_like(start)
    before = 0
    for (a, _b), length in zip(sess, lengths, strict=True):
        inside = (rem > before) & (rem <= before + length)
        clock = np.where(inside, a + rem - before, clock)
        before += int(length)
    return np.where(hours == 0, start, moved * NS_PER_DAY + clock)


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
            :func:`cchc.dossiers.frame.from_columns`).
        amount: whole numbers >= 0 (array or scalar).
        unit: a unit name, or an array of unit codes (:data:`UNIT_CODES`).

    Raises:
        CalendarCoverageError: a day outside the calendar (unless provisional).
    """
    pol = policy if policy is not None else DeadlinePolicy()
    ops = calendar if isinstance(calendar, CalendarOps) else CalendarOps(calendar, pol.provisional)
    g = gathers(ops)
    local = _ns(received_at) + VN_OFFSET_NS
    n = np.broadcast_to(np.asarray(amount, dtype=np.int64), local.shape)
    if isinstance(unit, str | TimeUnit):
        codes = np.full(local.shape, UNIT_CODES[TimeUnit(unit).value], dtype=np.int8)
    else:
        codes = np.broadcast_to(np.asarray(unit, dtype=np.int8), local.shape)
    counts = np.bincount(codes, minlength=4) if codes.size else np.zeros(4, dtype=np.int64)
    is_hours = codes == UNIT_CODES["hours"] if counts[UNIT_CODES["hours"]] else None
    start = _normalise(local, pol, g, ops, is_hours if is_hours is not None else False)
    start_day = np.floor_divide(start, NS_PER_DAY)
    # working days: work_idx[cum[i] - 1 + max(n, 1 - is_work[i])] (n == 0: roll forward);
    # calendar days and months: roll forward the raw day (BLDS Art 148(5)), i.e. m = 0.
    if counts[UNIT_CODES["working_days"]] == codes.size:
        raw, m = start_day, n
    else:
        is_days = codes == UNIT_CODES["days"]
        raw = np.where(is_days, start_day + n, start_day)
        is_months = codes == UNIT_CODES["months"]
        if counts[UNIT_CODES["months"]]:
            rows = np.flatnonzero(is_months)
            raw[rows] = _add_months(start_day[rows], n[rows])
        m = np.where(codes != UNIT_CODES["working_days"], 0, n)
    i = g.index(raw, "due_at", ops)
    rank = g.cum_before[i]
    if (m == 0).any():
        rank += np.maximum(m, g.not_work[i])
    else:
        rank += m
    day = g.rank(rank, "due_at", ops)
    midnight = pol.day_end is DayEnd.MIDNIGHT
    end_tod = NS_PER_DAY - 1000 if midnight else int(_sessions_ns(pol)[-1, 1])
    day += g.origin
    day *= NS_PER_DAY
    day += end_tod - VN_OFFSET_NS
    due = np.maximum(day, start - VN_OFFSET_NS, out=day)  # never before the clock start
    if is_hours is not None:
        rows = np.flatnonzero(is_hours)
        due[rows] = _add_hours(start[rows], n[rows], pol, g, ops) - VN_OFFSET_NS
    start -= VN_OFFSET_NS
    return due.view("datetime64[ns]"), start.view("datetime64[ns]")


def classify_batch(
    finished_at: Any, due_at: Any, *, minute: bool | BOOL = False
) -> npt.NDArray[np.int8]:
    """Timeliness codes (TT 01/2018 Art 13(1)) for UTC columns; NaT finish = unfinished.

    ``minute``: compare minutes instead of local days, for all rows or per row (an array).
    """
    fin = _ns(finished_at)
    due = _ns(due_at)
    unit: Any
    shift: Any
    if isinstance(minute, np.ndarray):
        unit = np.where(minute, NS_PER_MINUTE, NS_PER_DAY)
        shift = np.where(minute, 0, VN_OFFSET_NS)
    else:
        unit = NS_PER_MINUTE if minute else NS_PER_DAY
        shift = 0 if minute else VN_OFFSET_NS
    a = np.floor_divide(fin + shift, unit)
    b = np.floor_divide(due + shift, unit)
    out: npt.NDArray[np.int8] = (np.sign(a - b) + 1).astype(np.int8)  # 0 early, 1 on time, 2 late
    out[fin == NAT] = UNFINISHED
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
    g = gathers(ops)
    due = np.asarray(due_at).astype("datetime64[ns]").view(np.int64)
    now = np.broadcast_to(np.asarray(as_of).astype("datetime64[ns]").view(np.int64), due.shape)
    di = g.index(np.floor_divide(due + VN_OFFSET_NS, NS_PER_DAY), "due_at", ops)
    ni = g.index(np.floor_divide(now + VN_OFFSET_NS, NS_PER_DAY), "as_of", ops)
    out: BOOL = (now <= due) & (g.cum_before[di] - g.cum_before[ni] <= working_days)
    return out
