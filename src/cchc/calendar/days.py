"""The calendar's day tables as the dossier rules read them, for one dossier or a column.

Every dossier rule (:mod:`.receipt`, :mod:`.periods`, :mod:`.supplements`,
:mod:`.rescheduling`, :mod:`.timeliness`) is written **once**, as arithmetic over
integers: instants are local nanoseconds since 1970-01-01 (Asia/Ho_Chi_Minh wall
time, UTC+07:00 since 1975), days are day numbers, and working-day steps are
gathers on the dense per-day tables of :class:`cchc.calendar.OfficialCalendar`.
The same rule function runs on a Python ``int`` (the per-dossier path, tables as
lists) or on a NumPy column (the batch path, tables as arrays): indexing,
``+``, ``//`` and comparisons mean the same on both, and the few operations that
differ (:func:`where`, :func:`maximum`, :func:`minimum`, :func:`sign`) are the
generic helpers below. See ``docs/dossiers.md``, "How each rule is written once".
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc.dossiers.calops import CalendarOps
from cchc.dossiers.instants import NS_PER_DAY
from cchc.errors import CalendarCoverageError

__all__ = ["DayTables", "day_tables", "maximum", "minimum", "sign", "where"]

I64 = npt.NDArray[np.int64]


def where(cond: Any, yes: Any, no: Any) -> Any:
    """``yes`` where ``cond`` holds, else ``no`` (a column, or one value)."""
    if type(cond) is bool or not isinstance(cond, np.ndarray):
        return yes if cond else no
    return np.where(cond, yes, no)


def maximum(a: Any, b: Any) -> Any:
    """Element-wise maximum (a column, or one value)."""
    if type(a) is int and type(b) is int:
        return a if a >= b else b
    return np.maximum(a, b)


def minimum(a: Any, b: Any) -> Any:
    """Element-wise minimum (a column, or one value)."""
    if type(a) is int and type(b) is int:
        return a if a <= b else b
    return np.minimum(a, b)


def sign(x: Any) -> Any:
    """-1, 0 or 1 (a column, or one value)."""
    if isinstance(x, np.ndarray):
        return np.sign(x)
    return (x > 0) - (x < 0)


@attrs.frozen(eq=False)
class DayTables:
    """Per-day tables indexed by ``day number - origin`` (lists or arrays, same names).

    ``covered`` is the index range ``[lo, hi]`` of the official coverage (a run of
    whole years), so checking the minimum and maximum of an index column is enough.
    """

    origin: int
    """Day number (days since 1970-01-01) of index 0."""
    is_work: Any
    """1 on a working day, else 0."""
    not_work: Any
    cum_before: Any
    """``cum - 1``: the rank (0-based) of the last working day on or before each day."""
    work_idx: Any
    """Index of the k-th working day (k from 0)."""
    next_work: Any
    """Index of the first working day strictly after each day (-1 past the end)."""
    next_work_start: Any
    """Local nanoseconds of the midnight starting the next working day after each day."""
    safe_next: int
    """The last index whose next working day lies inside the coverage."""
    month_of: Any
    """Month number (from the table's first month) of each day."""
    month_start: Any
    """Index of the first day of each month number (one month past the end included)."""
    covered: tuple[int, int]
    span: str
    provisional: bool
    columns: bool
    """True for array tables (the batch path), False for lists (one dossier)."""

    def check(self, i: Any, field: str, ops: CalendarOps, what: str = "value") -> None:
        """Raise :class:`CalendarCoverageError` for indices off the table (or coverage).

        An index outside the coverage but inside a provisional table marks ``ops``.
        """
        if not self.columns:
            if self.covered[0] <= i <= self.covered[1]:
                return
            lo = hi = i
        elif i.size == 0:
            return
        else:
            lo, hi = int(i.min()), int(i.max())
        size = len(self.is_work)
        inside = lo >= 0 and hi < size
        if inside and self.covered[0] <= lo and hi <= self.covered[1]:
            return
        if inside and self.provisional:
            ops.used_provisional = True
            return
        self._raise(i, field, what)

    def _raise(self, i: Any, field: str, what: str) -> None:
        size = len(self.is_work)
        if self.columns:
            bad = (i < 0) | (i >= size)
            if not self.provisional:
                bad |= (i < self.covered[0]) | (i > self.covered[1])
            count, first = int(bad.sum()), int(i[np.flatnonzero(bad)[0]])
        else:
            count, first = 1, int(i)
        if -(10**9) < first + self.origin < 10**9:
            day = str(np.datetime64(first + self.origin, "D"))
        else:
            day = f"day {first + self.origin}"
        hint = "" if self.provisional else "; use a provisional policy for a derived answer"
        raise CalendarCoverageError(
            f"{count} {what}(s), first {day}, outside the calendar ({self.span})" + hint,
            field=field,
        )

    def index(self, days: Any, field: str, ops: CalendarOps) -> Any:
        """Table indices of day numbers, checked against the table and coverage."""
        i = days - self.origin
        self.check(i, field, ops)
        return i

    def nth(self, k: Any, field: str, ops: CalendarOps) -> Any:
        """Index of the working day of rank ``k`` (``work_idx[k]``), checked."""
        if self.columns:
            bad = bool(k.size) and (int(k.min()) < 0 or int(k.max()) >= len(self.work_idx))
        else:
            bad = not 0 <= k < len(self.work_idx)
        if bad:
            raise CalendarCoverageError(
                f"a result falls outside the calendar ({self.span})", field=field
            )
        out = self.work_idx[k]
        self.check(out, field, ops, "result")
        return out

    def next_working(self, i: Any, used: Any, field: str, ops: CalendarOps) -> Any:
        """Index of the first working day after each index; checked where ``used``."""
        out = self.next_work[i]
        if self.columns:
            if out.size == 0 or int(i.max()) <= self.safe_next:
                return out  # every answer is inside the coverage, used or not
            if used is True or (isinstance(used, np.ndarray) and used.all()):
                self.check(out, field, ops, "result")
            elif isinstance(used, np.ndarray):
                self.check(out[used], field, ops, "result")
        elif used:
            self.check(out, field, ops, "result")
        return out

    def month(self, m: Any, field: str) -> Any:
        """First-day index of month numbers ``m`` and ``m + 1`` (checked)."""
        last = len(self.month_start) - 1
        if self.columns:
            bad = bool(m.size) and (int(m.min()) < 0 or int(m.max()) >= last)
        else:
            bad = not 0 <= m < last
        if bad:
            raise CalendarCoverageError(
                f"a month falls outside the calendar ({self.span})", field=field
            )
        return self.month_start[m], self.month_start[m + 1]


def day_tables(ops: CalendarOps, *, columns: bool) -> DayTables:
    """The tables of ``ops.calendar`` as arrays or lists (built once per calendar and mode)."""
    key = "gathers" if columns else "gathers:lists"
    cached = ops.cache.get(key)
    if isinstance(cached, DayTables):
        return cached
    built = _build(ops) if columns else _as_lists(day_tables(ops, columns=True))
    ops.cache[key] = built
    return built


def _build(ops: CalendarOps) -> DayTables:
    cal = ops.calendar
    table = cal.provisional_tables()[0] if ops.provisional else cal.table
    uncovered = np.diff(table.uncovered_cum, prepend=0) > 0
    inside = np.flatnonzero(~uncovered)
    lo, hi = (int(inside[0]), int(inside[-1])) if inside.size else (0, -1)
    if uncovered[lo : hi + 1].any():
        raise CalendarCoverageError("the official coverage is not a run of whole years")
    is_work = table.is_work.astype(np.int64)
    next_work = np.append(table.work_idx, -1)[table.cum]
    origin = int(table.origin64.astype(np.int64))
    days = table.origin64 + np.arange(len(is_work)).astype("timedelta64[D]")
    months = days.astype("datetime64[M]")
    month_of = (months - months[0]).astype(np.int64)
    bounds = np.arange(months[0], months[-1] + np.timedelta64(2, "M"))
    month_start = (bounds.astype("datetime64[D]") - table.origin64).astype(np.int64)
    return DayTables(
        origin=origin,
        is_work=is_work,
        not_work=1 - is_work,
        cum_before=table.cum - 1,
        work_idx=table.work_idx,
        next_work=next_work,
        next_work_start=(next_work + origin) * NS_PER_DAY,
        safe_next=int(np.flatnonzero((next_work >= lo) & (next_work <= hi) & (next_work >= 0))[-1])
        if inside.size
        else -1,
        month_of=month_of,
        month_start=month_start,
        covered=(lo, hi),
        span=f"{table.origin}..{table.end}" if ops.provisional else str(cal.coverage),
        provisional=ops.provisional,
        columns=True,
    )


def _as_lists(t: DayTables) -> DayTables:
    lists = {
        name: getattr(t, name).tolist()
        for name in (
            "is_work",
            "not_work",
            "cum_before",
            "work_idx",
            "next_work",
            "next_work_start",
            "month_of",
            "month_start",
        )
    }
    return attrs.evolve(t, columns=False, **lists)
