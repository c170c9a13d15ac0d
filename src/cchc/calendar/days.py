"""The calendar's day tables as the rules read them, for one dossier or a column.

Every dossier rule (receipt, periods, supplements, rescheduling, timeliness) and
the office-hours arithmetic (:mod:`cchc.calendar.hours`) is written **once**, as arithmetic over
integers: instants are local nanoseconds since 1970-01-01 (Asia/Ho_Chi_Minh wall
time, UTC+07:00 since 1975), days are day numbers, and working-day steps are
gathers on the dense per-day tables of :class:`cchc.calendar.OfficialCalendar`.
The same rule function runs on a Python ``int`` (the per-dossier path, tables as
lists) or on a NumPy column (the batch path, tables as arrays): indexing,
``+``, ``//`` and comparisons mean the same on both, and the few operations that
differ (:func:`where`, :func:`maximum`, :func:`minimum`, :func:`sign`) are the
generic helpers below. See ``docs/dossiers.md``, "How each rule is written once".
The tables are the calendar's own (:meth:`OfficialCalendar.day_tables
<cchc.calendar.OfficialCalendar.day_tables>`, built once per calendar); every
refusal is the calendar's one :func:`~cchc.calendar.coverage.coverage_error`.
"""

from __future__ import annotations

from typing import Any, Protocol

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar.coverage import coverage_error
from cchc.calendar.table import DayTable
from cchc.errors import CalendarCoverageError

__all__ = ["FAR", "DayTables", "day_tables", "maximum", "minimum", "sign", "where"]

I64 = npt.NDArray[np.int64]

NS_PER_MINUTE = 60_000_000_000
"""Nanoseconds in a minute (instants are local nanoseconds since 1970-01-01)."""
NS_PER_DAY = 86_400_000_000_000
"""Nanoseconds in a day."""
FAR = 1 << 62
"""Local nanoseconds later than any day of a table, with a day's midnight added still an
int64: the next working day's start after a table's last working day (never reached: a
rule that would use it is refused by :meth:`DayTables.next_working`)."""


class ProvisionalUse(Protocol):
    """What :meth:`DayTables.check` marks when an answer rests on a provisional day."""

    used_provisional: bool


class _TableSource(Protocol):
    def day_tables(self, *, columns: bool, provisional: bool = False) -> DayTables: ...


class TableUser(ProvisionalUse, Protocol):
    """A calendar in one mode (:class:`~cchc.calendar.CalendarOps`)."""

    @property
    def calendar(self) -> _TableSource: ...

    @property
    def provisional(self) -> bool: ...


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

    Each is the calendar's :class:`~cchc.calendar.table.DayTable` array (or its list
    copy), the 0/1 ones as integers. ``covered`` is the index range ``[lo, hi]`` of
    the official coverage (a run of whole years), so checking the minimum and
    maximum of an index column is enough.
    """

    origin: int
    """Day number (days since 1970-01-01) of index 0."""
    is_work: Any
    """1 on a working day, else 0."""
    not_work: Any
    minute_base: Any
    """``is_work * 1440``: where each day's minutes start in the office's opening table
    (:func:`cchc.calendar.hours.opening_table`: days off, then working days)."""
    cum_before: Any
    """``cum - 1``: the rank (0-based) of the last working day on or before each day."""
    work_idx: Any
    """Index of the k-th working day (k from 0)."""
    next_work: Any
    """Index of the first working day strictly after each day (-1 past the end)."""
    next_work_start: Any
    """Local nanoseconds of the midnight starting the next working day after each day
    (:data:`FAR` past the table's last working day)."""
    safe_next: int
    """The last index whose next working day lies inside the coverage."""
    month_of: Any
    """Month number (from the table's first month) of each day."""
    month_start: Any
    """Index of the first day of each month number (one month past the end included)."""
    covered: tuple[int, int]
    span: str
    """The official coverage, or the provisional range when ``provisional``."""
    provisional: bool
    columns: bool
    """True for array tables (the batch path), False for lists (one dossier)."""
    lo: int
    """``covered[0]``: for one dossier, an index in ``[lo, hi]`` needs no :meth:`check`."""
    hi: int
    """``covered[1]``."""
    rank_lo: int
    """The rank of the first working day of the coverage: a rank in ``[rank_lo, rank_hi]``
    is a working day inside it (:meth:`nth` needs no check)."""
    rank_hi: int
    """The rank of the last working day of the coverage."""

    @classmethod
    def of(cls, table: DayTable, *, span: str, provisional: bool) -> DayTables:
        """The array tables of ``table`` (its arrays, the 0/1 ones as integers).

        Raises:
            CalendarCoverageError: the covered days of ``table`` are not one run.
        """
        lo, hi = table.covered
        if hi >= lo and table.uncovered_cum[hi] != table.uncovered_cum[lo]:  # lo is covered
            raise CalendarCoverageError("the official coverage is not a run of whole years")
        is_work = table.is_work.astype(np.int64)
        next_work = table.next_work
        safe = np.flatnonzero((next_work >= lo) & (next_work <= hi))
        cum_before = table.cum - 1
        ranks = (0, -1)  # no working day inside an empty coverage
        if hi >= lo:
            ranks = (int(cum_before[lo] + 1 - is_work[lo]), int(cum_before[hi]))
        return cls(
            origin=table.origin_days,
            is_work=is_work,
            not_work=1 - is_work,
            minute_base=is_work * (NS_PER_DAY // NS_PER_MINUTE),
            cum_before=cum_before,
            work_idx=table.work_idx,
            next_work=next_work,
            next_work_start=np.where(
                next_work >= 0, (next_work + table.origin_days) * NS_PER_DAY, FAR
            ),
            safe_next=int(safe[-1]) if safe.size else -1,
            month_of=table.month_of,
            month_start=table.month_start,
            covered=(lo, hi),
            span=span,
            provisional=provisional,
            columns=True,
            lo=lo,
            hi=hi,
            rank_lo=ranks[0],
            rank_hi=ranks[1],
        )

    def as_lists(self, **made: list[int]) -> DayTables:
        """The same tables as Python lists (fast one-value reads); ``made`` gives lists
        that already exist (the calendar's scalar ``work_idx``), shared, not copied."""
        names = (
            "is_work",
            "not_work",
            "minute_base",
            "cum_before",
            "work_idx",
            "next_work",
            "next_work_start",
            "month_of",
            "month_start",
        )
        lists: dict[str, Any] = {n: made.get(n) or getattr(self, n).tolist() for n in names}
        return attrs.evolve(self, columns=False, **lists)

    def check(
        self,
        i: Any,
        field: str,
        ops: ProvisionalUse,
        what: str = "value",
        bounds: tuple[int, int] | None = None,
    ) -> None:
        """Raise :class:`CalendarCoverageError` for indices off the table (or coverage).

        An index outside the coverage but inside a provisional table marks ``ops``.
        ``bounds``: the smallest and largest of a column ``i`` when known.
        """
        if not self.columns:
            if self.covered[0] <= i <= self.covered[1]:
                return
            lo = hi = i
        elif i.size == 0:
            return
        elif bounds is not None:
            lo, hi = bounds
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
        raise coverage_error(
            f"{count} {what}(s)",
            field=field,
            span=self.span,
            provisional=self.provisional,
            where=f", first {day}",
        )

    def _off(self, what: str, field: str) -> CalendarCoverageError:
        return coverage_error(what, field=field, span=self.span, provisional=self.provisional)

    def index(self, days: Any, field: str, ops: ProvisionalUse) -> Any:
        """Table indices of day numbers, checked against the table and coverage."""
        i = days - self.origin
        if self.columns or not self.lo <= i <= self.hi:
            self.check(i, field, ops)  # one dossier inside the coverage needs no call
        return i

    def nth(self, k: Any, field: str, ops: ProvisionalUse) -> Any:
        """Index of the working day of rank ``k`` (``work_idx[k]``), checked."""
        if self.columns:
            if not k.size:
                return self.work_idx[k]
            lo, hi = int(k.min()), int(k.max())
            if lo < 0 or hi >= len(self.work_idx):
                raise self._off("a result falls", field)
            out = self.work_idx[k]
            # work_idx ascends: the answers' extremes are the answers of the ranks' extremes
            bounds = (int(self.work_idx[lo]), int(self.work_idx[hi]))
            self.check(out, field, ops, "result", bounds=bounds)
            return out
        if not 0 <= k < len(self.work_idx):
            raise self._off("a result falls", field)
        out = self.work_idx[k]
        if not self.covered[0] <= out <= self.covered[1]:
            self.check(out, field, ops, "result")
        return out

    def next_working(self, i: Any, used: Any, field: str, ops: ProvisionalUse) -> Any:
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
            raise self._off("a month falls", field)
        return self.month_start[m], self.month_start[m + 1]


def day_tables(ops: TableUser, *, columns: bool) -> DayTables:
    """The tables of ``ops.calendar`` in ``ops``' mode, as arrays or lists (built once)."""
    return ops.calendar.day_tables(columns=columns, provisional=ops.provisional)
