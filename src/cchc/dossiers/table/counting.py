"""Counting kernels of :mod:`.statistics` (NumPy ``bincount`` over whole columns)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..batch import CHANNEL_CODES, EARLY, LATE, NAT, ON_TIME, STOPPED
from ..instants import NEVER, NS_PER_DAY, VN_OFFSET_NS

if TYPE_CHECKING:
    from ..results import DossierResults
    from .frame import DossierFrame
    from .report_periods import Period

__all__ = [
    "RECEIVED",
    "TO_HANDLE",
    "TO_JUDGE",
    "contiguous",
    "count_arrays",
    "count_matrix",
    "record_masks",
]

I64 = npt.NDArray[np.int64]


def contiguous(plist: Sequence[Period]) -> bool:
    """Whether each period starts where the previous one ends."""
    return all(x.end == y.start for x, y in itertools.pairwise(plist))


def count_arrays(
    frame: DossierFrame,
    results: DossierResults,
    period: Period,
    group: npt.NDArray[np.int32],
    n_groups: int,
    as_of_ns: int | None = None,
) -> dict[str, npt.NDArray[np.int64]]:
    """Per-group count arrays for one period (the additive core of :func:`summarize`).

    Unfinished dossiers are judged in time / overdue at the last instant of the
    period, or at ``as_of_ns`` (UTC nanoseconds) when that comes earlier: a period
    ending in the future is judged now, not at its end.
    """
    a, b = period.bounds_ns()
    rec = frame.received_at.view(np.int64)
    fin = frame.finished_at.view(np.int64)
    due = results.overdue_from.view(np.int64)
    unfinished_at = (fin == NAT) | (fin >= a)
    received = (rec >= a) & (rec < b)
    carried = (rec < a) & unfinished_at
    handle = received | carried
    resolved = handle & (fin != NAT) & (fin < b)
    progress = handle & ~resolved
    t = results.timeliness
    stopped = None
    if frame.outcome is not None:  # stopped at the applicant's request: apart from resolved
        stopped = resolved & (t == STOPPED)
        resolved &= ~stopped
    as_of = b - 1 if as_of_ns is None else min(b - 1, as_of_ns)
    rescheduled = frame.rescheduled_due_at.view(np.int64) != NAT
    p_req = frame.payment_requested_at.view(np.int64)
    p_done = frame.payment_done_at.view(np.int64)
    paying = (p_req != NAT) & (p_req <= as_of) & ((p_done == NAT) | (p_done > as_of))
    masks = {
        "received": received,
        "carried_over": carried,
        "to_handle": handle,
        "resolved": resolved,
        "early": resolved & (t == EARLY),
        "on_time": resolved & (t == ON_TIME),
        "late": resolved & (t == LATE),
        "in_progress": progress,
        "in_progress_in_time": progress & (due >= as_of),
        "in_progress_overdue": progress & (due < as_of),
        "online_received": received & (frame.channel == CHANNEL_CODES["online"]),
        "rescheduled": resolved & rescheduled,
        "waiting_payment": progress & paying,
    }
    if stopped is not None:
        masks["stopped"] = stopped
    among = {RECEIVED: received, TO_HANDLE: handle, TO_JUDGE: handle}
    if stopped is not None:
        among[TO_JUDGE] = handle & ~stopped
    for name, (rows, base) in record_masks(frame).items():
        masks[name] = rows & among[base]
    return {k: np.bincount(group[m], minlength=n_groups).astype(np.int64) for k, m in masks.items()}


RECEIVED, TO_HANDLE, TO_JUDGE = 0, 1, 2
"""The dossiers a record count is taken among: those received in the period; those to
handle (tổng số phải giải quyết); those to handle less the ones stopped at the applicant's
request in the period, the one denominator the national portal gives 766 indicators 2.1,
4.1 and 4.2 (``QD766-PORTAL-API``), which leaves stopped dossiers out as 2.1 does
(``CONV-STOP-APART``)."""


def record_masks(frame: DossierFrame) -> dict[str, tuple[npt.NDArray[np.bool_], int]]:
    """The rows each record count counts, and which dossiers it is taken among
    (:data:`RECEIVED`, :data:`TO_HANDLE`, :data:`TO_JUDGE`); only the counts whose column
    the frame has."""
    out: dict[str, tuple[npt.NDArray[np.bool_], int]] = {}
    flags = frame.record_flags
    if "synced" in flags:
        out["synced"] = (flags["synced"], RECEIVED)
    if frame.result_kind is not None:
        out["e_result"] = (frame.result_kind == 1, TO_JUDGE)
    for column, count, base in (
        ("digitised", "digitised", TO_JUDGE),
        ("paid_online", "paid_online", TO_HANDLE),
        ("has_fees", "payment_base", TO_HANDLE),
    ):
        if column in flags:
            out[count] = (flags[column], base)
    return out


_FEW_BOUNDS = 4
"""Up to this many period bounds, a period number is counted by comparisons (a year, a
quarter: two bounds), not looked up by day."""


def _period_of(bounds: I64, x: I64) -> I64:
    """``searchsorted(bounds, x, side="right") - 1`` for local-midnight bounds: the period
    number (-1 before the first, P after the last) as the count of bounds reached for a
    few bounds, else by one gather per day, not a search."""
    if len(bounds) <= _FEW_BOUNDS:
        out: I64 = np.full(x.shape, -1, dtype=np.int64)
        for b in bounds.tolist():
            out += x >= b
        return out
    days = (bounds + VN_OFFSET_NS) // NS_PER_DAY
    first, last = int(days[0]), int(days[-1])
    lut = np.searchsorted(days, np.arange(first - 1, last + 1), side="right") - 1
    origin = (first - 1) * NS_PER_DAY - VN_OFFSET_NS  # UTC ns of the day before the first
    d = np.maximum(x, origin)  # NaT, never: the ends
    np.minimum(d, origin + (last - first + 2) * NS_PER_DAY - 1, out=d)
    d -= origin
    d //= NS_PER_DAY
    found: I64 = lut[d]
    return found


def _at(base: Any, rows: I64) -> Any:
    """The cell offsets of ``rows`` (one offset for every row when there is one group)."""
    return base if isinstance(base, int) else base[rows]


def _hist(keys: I64, n_cells: int) -> I64:
    out: I64 = np.bincount(keys, minlength=n_cells)
    return out


def count_matrix(
    frame: DossierFrame,
    results: DossierResults,
    periods: Sequence[Period],
    group: npt.NDArray[np.int32],
    n_groups: int,
) -> dict[str, I64]:
    """Counts as ``(group, period)`` matrices for contiguous periods, in one pass.

    Each instant is located once among the period bounds (``searchsorted``),
    giving a period number in ``-1 .. P`` (before the first, ..., after the
    last). A handful of histograms over ``(group, period number)`` then give every
    count, because receipt comes before finish:

    * to handle in ``p`` = #{received in or before ``p``} - #{finished before ``p``};
    * overdue at the end of ``p`` = #{``m <= p``} - #{``max(m, finish) <= p``}, where
      ``m = max(receipt period, first period ending after the due moment)``.

    The cost does not grow with the number of periods.
    """
    bounds = np.array([p.bounds_ns()[0] for p in periods] + [periods[-1].bounds_ns()[1]])
    n_p = len(periods)
    width = n_p + 2  # period numbers -1 .. n_p, stored at columns 0 .. n_p + 1
    cells = n_groups * width
    # one group (no ``by``): every row's cell offset is 1 (no column of offsets)
    base: Any = 1 if n_groups == 1 else group.astype(np.int64) * width + 1
    rec = frame.received_at.view(np.int64)
    fin = frame.finished_at.view(np.int64)
    due = results.overdue_from.view(np.int64)
    p_rec = _period_of(bounds, rec)
    p_fin = _period_of(bounds, fin)
    p_fin[fin == NAT] = n_p  # unfinished: "after the last period"
    online = (frame.channel == CHANNEL_CODES["online"]).astype(np.int64)
    rec_hist = _hist((base + p_rec) * 2 + online, cells * 2).reshape(n_groups, width, 2)
    # 0 unfinished, 1 early, 2 on time, 3 late (4 stopped: only with an outcome column)
    t = results.timeliness.astype(np.int64) + 1
    bins = 4 if frame.outcome is None else 5
    fin_hist = _hist((base + p_fin) * bins + t, cells * bins).reshape(n_groups, width, bins)
    # overdue at the end of p >= q: the period holding the instant after the due moment
    q = _period_of(bounds, np.minimum(due, NEVER - 1) + 1)  # never stays after the last
    m = np.maximum(p_rec, q, out=q)
    m_hist = _hist(base + m, cells).reshape(n_groups, width)
    mf_hist = _hist(base + np.maximum(m, p_fin, out=m), cells).reshape(n_groups, width)
    cols = slice(1, n_p + 1)
    received_all = rec_hist.sum(axis=2)
    finished_all = fin_hist.sum(axis=2)
    received = received_all[:, cols]
    handle = (
        np.cumsum(received_all, axis=1)[:, 1 : n_p + 1] - np.cumsum(finished_all, axis=1)[:, 0:n_p]
    )
    early, on_time, late = (fin_hist[:, cols, k] for k in (1, 2, 3))
    resolved = early + on_time + late
    overdue = np.cumsum(m_hist, axis=1)[:, cols] - np.cumsum(mf_hist, axis=1)[:, cols]
    progress = handle - resolved
    extra: dict[str, I64] = {}
    if bins == 5:  # stopped: finished, counted apart from resolved (CONV-STOP-APART)
        extra["stopped"] = fin_hist[:, cols, 4]
        progress = progress - extra["stopped"]
    resched = frame.rescheduled_due_at.view(np.int64) != NAT
    if bins == 5:  # among the resolved: not the stopped ones
        resched &= t != 4
    resched_rows = np.flatnonzero(resched)
    rescheduled = _hist(_at(base, resched_rows) + p_fin[resched_rows], cells).reshape(
        n_groups, width
    )[:, cols]
    for name, (flag, among) in record_masks(frame).items():
        rows = np.flatnonzero(flag)
        r_hist = _hist(_at(base, rows) + p_rec[rows], cells).reshape(n_groups, width)
        if among == RECEIVED:
            extra[name] = r_hist[:, cols]
            continue
        f_hist = _hist(_at(base, rows) + p_fin[rows], cells).reshape(n_groups, width)
        extra[name] = (
            np.cumsum(r_hist, axis=1)[:, 1 : n_p + 1] - np.cumsum(f_hist, axis=1)[:, 0:n_p]
        )
        if among == TO_JUDGE and bins == 5:  # less those stopped in the period
            gone = rows[t[rows] == 4]
            stops = _hist(_at(base, gone) + p_fin[gone], cells).reshape(n_groups, width)
            extra[name] = extra[name] - stops[:, cols]
    # waiting for a payment at the end of p: notice in or before p, neither paid nor
    # finished by then: #{a <= p} - #{max(a, b) <= p}
    p_req = frame.payment_requested_at.view(np.int64)
    pay_rows = np.flatnonzero(p_req != NAT)
    waiting = np.zeros((n_groups, n_p), dtype=np.int64)
    if pay_rows.size:
        done = frame.payment_done_at.view(np.int64)[pay_rows]
        a_p = _period_of(bounds, p_req[pay_rows])
        b_p = _period_of(bounds, done)
        b_p[done == NAT] = n_p
        b_p = np.minimum(b_p, p_fin[pay_rows])
        a_hist = _hist(_at(base, pay_rows) + a_p, cells).reshape(n_groups, width)
        ab_hist = _hist(_at(base, pay_rows) + np.maximum(a_p, b_p), cells).reshape(n_groups, width)
        waiting = np.cumsum(a_hist, axis=1)[:, cols] - np.cumsum(ab_hist, axis=1)[:, cols]
    return {
        **extra,
        "received": received,
        "carried_over": handle - received,
        "to_handle": handle,
        "resolved": resolved,
        "early": early,
        "on_time": on_time,
        "late": late,
        "in_progress": progress,
        "in_progress_in_time": progress - overdue,
        "in_progress_overdue": overdue,
        "online_received": rec_hist[:, cols, 1],
        "rescheduled": rescheduled,
        "waiting_payment": waiting,
    }
