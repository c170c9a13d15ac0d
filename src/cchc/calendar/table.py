"""Dense day tables: the calendar built once, answered by index lookup.

As in exchange_calendars, the calendar is materialised once per span as a few
arrays indexed by day number (days since ``origin``):

- ``is_work[i]``: day ``i`` is a working day;
- ``cum[i]``: working days in ``[origin, day i]`` (inclusive running count);
- ``work_idx[k]``: day number of the ``(k+1)``-th working day;
- ``uncovered_cum[i]``: days in ``[origin, day i]`` outside the official coverage.
- ``before[i] = cum[i] - is_work[i]``: working days in ``[origin, day i)``;
- ``next_work[i]``: day number of the first working day strictly after day ``i``;
- ``month_of[i]``, ``month_start[m]``: the month number of each day (from the first
  month of the table) and the day number of the first day of each month (one past the
  end included), for periods counted in months;
- ``covered``: the day numbers of the first and last covered day.

Every operation (scalar or batch) is then a few gathers: the n-th working day
after ``d`` is ``work_idx[cum[d] + n - 1]``; the working days in ``(a, b]``
are ``cum[b] - cum[a]``, in ``[a, b)`` ``before[b] - before[a]``. The batch
forms are the same expressions over NumPy arrays, so scalar and batch share
one truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar.entries import CalendarEntry
from cchc.calendar.inputs import Inclusive

__all__ = ["DayTable", "build_table"]

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_EPOCH_PAD_LIMIT = 40_000
"""Tables starting 1970-01-01 to 2079 also keep ``cum`` indexed by days since 1970."""


@attrs.frozen(eq=False)
class DayTable:
    """Precomputed arrays over the days ``[origin, origin + size)``.

    ``nth`` is ``work_idx`` shifted for 1-based ranks and padded with ``-1`` on
    both sides (``nth[0]`` and ``nth[W + 1]``), so the k-th working day is one
    gather, and ranks off the table land on ``-1`` after a clip.
    """

    origin: date
    is_work: BoolArray
    cum: IntArray
    work_idx: IntArray
    uncovered_cum: IntArray
    entries: dict[date, CalendarEntry]
    covered: tuple[int, int]
    """Day numbers of the first and last covered day (``(0, -1)`` when none is)."""
    before: IntArray = attrs.field(init=False)
    next_work: IntArray = attrs.field(init=False)
    month_of: IntArray = attrs.field(init=False)
    month_start: IntArray = attrs.field(init=False)
    nth: IntArray = attrs.field(init=False)
    nth_days: IntArray = attrs.field(init=False)
    cum_epoch: IntArray | None = attrs.field(init=False)
    origin_days: int = attrs.field(init=False)
    has_holes: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "before", self.cum - self.is_work)
        pad = np.array([-1], dtype=np.int64)
        object.__setattr__(self, "nth", np.concatenate([pad, self.work_idx, pad]))
        origin_days = (self.origin - date(1970, 1, 1)).days
        object.__setattr__(self, "origin_days", origin_days)
        object.__setattr__(self, "nth_days", self.nth + origin_days)
        cum_epoch = None
        if 0 <= origin_days <= _EPOCH_PAD_LIMIT:  # cum by days since 1970: no subtraction
            cum_epoch = np.concatenate([np.zeros(origin_days, dtype=np.int64), self.cum])
        object.__setattr__(self, "cum_epoch", cum_epoch)
        object.__setattr__(self, "has_holes", bool(self.uncovered_cum[-1]))
        object.__setattr__(self, "next_work", np.append(self.work_idx, -1)[self.cum])
        days = self.origin64 + np.arange(self.size).astype("timedelta64[D]")
        months = days.astype("datetime64[M]")
        object.__setattr__(self, "month_of", (months - months[0]).astype(np.int64))
        bounds = np.arange(months[0], months[-1] + np.timedelta64(2, "M"))
        month_start = (bounds.astype("datetime64[D]") - self.origin64).astype(np.int64)
        object.__setattr__(self, "month_start", month_start)

    @property
    def size(self) -> int:
        """Number of days in the table."""
        return int(self.is_work.shape[0])

    @property
    def end(self) -> date:
        """Last day of the table."""
        return self.origin + timedelta(days=self.size - 1)

    @property
    def origin64(self) -> np.datetime64:
        """``origin`` as ``datetime64[D]``."""
        return np.datetime64(self.origin, "D")

    def uncovered_in(self, lo: IntArray, hi: IntArray) -> IntArray:
        """Number of uncovered days in the inclusive index span ``[lo, hi]``."""
        before = np.where(lo > 0, self.uncovered_cum[np.maximum(lo - 1, 0)], 0)
        return self.uncovered_cum[hi] - before

    def add(self, idx: IntArray, n: int | IntArray) -> IntArray:
        """Index of the n-th working day after ``idx`` (``idx`` not counted).

        ``n == 0`` returns ``idx``; negative ``n`` counts back. Returns ``-1``
        where the result falls outside the table. ``n`` may be an int (fast
        path: two gathers) or an array of ``idx``'s shape.
        """
        if isinstance(n, int | np.integer):
            if n == 0:
                return idx.copy()
            rank = self.cum[idx] + n if n > 0 else self.before[idx] + (n + 1)
            return self._nth(rank)
        if n.size and n.min() > 0:  # the usual case: deadlines forward
            return self._nth(self.cum[idx] + n)
        rank = np.where(n > 0, self.cum[idx] + n, self.before[idx] + n + 1)
        result = self._nth(rank)
        zero = n == 0
        if zero.any():
            result = np.where(zero, idx, result)
        return result

    def add_forward(self, epoch_days: IntArray, n: int | IntArray) -> IntArray | None:
        """:meth:`add` for days given since 1970-01-01 and ``n >= 1``, or ``None``.

        The fast path of the usual batch (deadlines forward, inside the table).
        As ``cum`` never decreases, every rank ``cum[d] + n`` is at most
        ``cum[max(d)] + max(n)`` (and at least 1): when that stays on the table,
        one gather per step answers without a per-element check. Whenever it
        cannot be sure (a day off the table, NaT, ``n < 1``, no ``cum_epoch``)
        it returns ``None`` and :meth:`add`, with its checks, must answer.
        """
        if self.cum_epoch is None or not epoch_days.size:
            return None
        lo, hi = int(epoch_days.min()), int(epoch_days.max())
        if lo < self.origin_days or hi >= self.origin_days + self.size:
            return None
        if isinstance(n, int | np.integer):
            n_lo = n_hi = int(n)
        else:
            n_lo, n_hi = int(n.min()), int(n.max())
        if n_lo < 1 or int(self.cum_epoch[hi]) + n_hi > self.work_idx.shape[0]:
            return None
        # Every index is proven in range above, so "clip" never clips: it only skips the
        # bounds check, and lets the second gather write in place.
        rank = self.cum_epoch.take(epoch_days, mode="clip")
        rank += n
        return self.nth_days.take(rank, out=rank, mode="clip")

    def _nth(self, rank: IntArray) -> IntArray:
        last = self.nth.shape[0] - 1
        if rank.size and (rank.min() < 1 or rank.max() >= last):
            np.clip(rank, 0, last, out=rank)
        return self.nth[rank]

    def rollforward(self, idx: IntArray) -> IntArray:
        """Index of the first working day on or after ``idx`` (``-1``: past the end)."""
        return self._nth(self.before[idx] + 1)

    def rollback(self, idx: IntArray) -> IntArray:
        """Index of the last working day on or before ``idx`` (``-1``: before the start)."""
        return self._nth(self.cum[idx].copy())

    def between(self, a: IntArray, b: IntArray, inclusive: Inclusive) -> IntArray:
        """Working days between day numbers ``a`` and ``b`` (negative where ``b < a``).

        ``inclusive`` says which ends of the span count: ``"right"`` the later
        day, ``"left"`` the earlier one, ``"both"`` or ``"neither"``.
        """
        if inclusive == "right":
            return self.cum[b] - self.cum[a]
        if inclusive == "left":
            return self.before[b] - self.before[a]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        if inclusive == "both":
            size = self.cum[hi] - self.before[lo]
        else:
            size = np.maximum(self.before[hi] - self.cum[lo], 0)
        return np.where(b < a, -size, size)


def build_table(
    first: date, last: date, entries: Iterable[CalendarEntry], covered_years: Iterable[int]
) -> DayTable:
    """Materialise the working-day table for ``[first, last]``.

    The weekly rule is Monday-Friday work (Quyết định 188/1999/QĐ-TTg);
    entries turn days off (holiday, compensatory, swap) or on (make-up work).
    """
    size = (last - first).days + 1
    days = np.arange(size, dtype=np.int64)
    # 1970-01-01 was a Thursday: weekday (Mon=0) = (days since epoch + 3) % 7
    epoch_offset = (first - date(1970, 1, 1)).days
    weekday = (days + epoch_offset + 3) % 7
    is_work = weekday < 5
    by_day: dict[date, CalendarEntry] = {}
    for entry in entries:
        by_day[entry.day] = entry  # later entries (user notices) replace earlier ones
    for day, entry in by_day.items():
        i = (day - first).days
        if 0 <= i < size:
            is_work[i] = not entry.is_day_off
    covered = set(covered_years)
    dates64 = np.datetime64(first, "D") + days.astype("timedelta64[D]")
    year_of_day = dates64.astype("datetime64[Y]").astype(np.int64) + 1970
    uncovered = ~np.isin(year_of_day, np.fromiter(covered, dtype=np.int64, count=len(covered)))
    inside = np.flatnonzero(~uncovered)
    return DayTable(
        origin=first,
        is_work=is_work,
        cum=np.cumsum(is_work, dtype=np.int64),
        work_idx=np.flatnonzero(is_work).astype(np.int64),
        uncovered_cum=np.cumsum(uncovered, dtype=np.int64),
        entries=by_day,
        covered=(int(inside[0]), int(inside[-1])) if inside.size else (0, -1),
    )


@attrs.frozen(eq=False)
class ScalarTable:
    """The same table as Python lists, for fast one-at-a-time answers.

    This is the reference implementation; the array methods of
    :class:`DayTable` are tested against it on random inputs.
    """

    origin_ordinal: int
    is_work: list[bool]
    cum: list[int]
    work_idx: list[int]
    uncovered_cum: list[int]

    @classmethod
    def of(cls, table: DayTable) -> ScalarTable:
        """Lists copied from ``table``."""
        return cls(
            origin_ordinal=table.origin.toordinal(),
            is_work=table.is_work.tolist(),
            cum=table.cum.tolist(),
            work_idx=table.work_idx.tolist(),
            uncovered_cum=table.uncovered_cum.tolist(),
        )

    def uncovered_in(self, lo: int, hi: int) -> int:
        """Uncovered days in the inclusive index span ``[lo, hi]``."""
        return self.uncovered_cum[hi] - (self.uncovered_cum[lo - 1] if lo > 0 else 0)

    def add(self, i: int, n: int) -> int:
        """Index of the n-th working day after day ``i`` (``-1`` if off the table)."""
        if n == 0:
            return i
        k = self.cum[i] + n if n > 0 else self.cum[i] - self.is_work[i] + n + 1
        return self.work_idx[k - 1] if 1 <= k <= len(self.work_idx) else -1

    def rollforward(self, i: int) -> int:
        """Index of the first working day on or after ``i`` (``-1``: past the end)."""
        k = self.cum[i] - self.is_work[i]
        return self.work_idx[k] if k < len(self.work_idx) else -1

    def rollback(self, i: int) -> int:
        """Index of the last working day on or before ``i`` (``-1``: before the start)."""
        k = self.cum[i]
        return self.work_idx[k - 1] if k >= 1 else -1

    def between(self, i: int, j: int, inclusive: Inclusive) -> int:
        """Working days between days ``i`` and ``j`` (see :meth:`DayTable.between`)."""
        lo, hi = min(i, j), max(i, j)
        size = self.cum[hi] - self.cum[lo]  # (lo, hi]
        if inclusive == "left":
            size += self.is_work[lo] - self.is_work[hi]
        elif inclusive == "both":
            size += self.is_work[lo]
        elif inclusive == "neither":
            size = size - self.is_work[hi] if hi > lo else 0
        return -size if j < i else size
