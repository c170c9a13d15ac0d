"""Counting kernels of :mod:`cchc.dossiers.stats` (NumPy ``bincount`` over whole columns)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .batch import CHANNEL_CODES, EARLY, LATE, NAT, ON_TIME

if TYPE_CHECKING:
    from .frame import DossierFrame
    from .results import DossierResults
    from .stats import Period

__all__ = ["contiguous", "count_arrays", "count_matrix"]

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
) -> dict[str, npt.NDArray[np.int64]]:
    """Per-group count arrays for one period (the additive core of :func:`summarize`)."""
    a, b = period.bounds_ns()
    rec = frame.received_at.view(np.int64)
    fin = frame.finished_at.view(np.int64)
    due = results.due_at.view(np.int64)
    unfinished_at = (fin == NAT) | (fin >= a)
    received = (rec >= a) & (rec < b)
    carried = (rec < a) & unfinished_at
    handle = received | carried
    resolved = handle & (fin != NAT) & (fin < b)
    progress = handle & ~resolved
    t = results.timeliness
    as_of = b - 1  # the last instant of the period
    rescheduled = frame.rescheduled_due_at.view(np.int64) != NAT
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
    }
    return {k: np.bincount(group[m], minlength=n_groups).astype(np.int64) for k, m in masks.items()}


def _range_counts(
    group: npt.NDArray[np.int64],
    lo: npt.NDArray[np.int64],
    hi: npt.NDArray[np.int64],
    n_groups: int,
    n_periods: int,
) -> npt.NDArray[np.int64]:
    """Per (group, period) the number of rows whose range ``[lo, hi]`` covers the period."""
    lo_c = np.maximum(lo, 0)
    hi_c = np.minimum(hi, n_periods - 1)
    ok = lo_c <= hi_c
    width = n_periods + 1
    size = n_groups * width
    g = group[ok]
    diff = np.bincount(g * width + lo_c[ok], minlength=size) - np.bincount(
        g * width + hi_c[ok] + 1, minlength=size
    )
    out: npt.NDArray[np.int64] = np.cumsum(diff.reshape(n_groups, width), axis=1)[:, :n_periods]
    return out


def _point_counts(
    group: npt.NDArray[np.int64],
    p: npt.NDArray[np.int64],
    mask: npt.NDArray[np.bool_],
    n_groups: int,
    n_periods: int,
) -> npt.NDArray[np.int64]:
    ok = mask & (p >= 0) & (p < n_periods)
    out: npt.NDArray[np.int64] = np.bincount(
        group[ok] * n_periods + p[ok], minlength=n_groups * n_periods
    ).reshape(n_groups, n_periods)
    return out


def count_matrix(
    frame: DossierFrame,
    results: DossierResults,
    periods: Sequence[Period],
    group: npt.NDArray[np.int32],
    n_groups: int,
) -> dict[str, npt.NDArray[np.int64]]:
    """Counts as ``(group, period)`` matrices for contiguous periods, in one pass.

    Each dossier is located once per period boundary (``searchsorted``); a
    dossier "to handle" over several periods is counted with a difference
    array, so the cost does not grow with the number of periods.
    """
    bounds = np.array([p.bounds_ns()[0] for p in periods] + [periods[-1].bounds_ns()[1]])
    n_p = len(periods)
    g = group.astype(np.int64)
    rec = frame.received_at.view(np.int64)
    fin = frame.finished_at.view(np.int64)
    due = results.due_at.view(np.int64)
    unfinished = fin == NAT
    p_rec = np.searchsorted(bounds, rec, side="right") - 1
    p_fin = np.where(unfinished, n_p, np.searchsorted(bounds, fin, side="right") - 1)
    # overdue at the end of period p (as of its last instant) iff p >= q
    q = np.searchsorted(bounds, due + 1, side="right") - 1
    t = results.timeliness
    everything = np.ones(len(rec), dtype=bool)
    received = _point_counts(g, p_rec, everything, n_groups, n_p)
    handle = _range_counts(g, p_rec, p_fin, n_groups, n_p)
    resolved = _point_counts(g, p_fin, everything, n_groups, n_p)
    overdue = _range_counts(g, np.maximum(p_rec, q), p_fin - 1, n_groups, n_p)
    progress = handle - resolved
    rescheduled = frame.rescheduled_due_at.view(np.int64) != NAT
    return {
        "received": received,
        "carried_over": handle - received,
        "to_handle": handle,
        "resolved": resolved,
        "early": _point_counts(g, p_fin, t == EARLY, n_groups, n_p),
        "on_time": _point_counts(g, p_fin, t == ON_TIME, n_groups, n_p),
        "late": _point_counts(g, p_fin, t == LATE, n_groups, n_p),
        "in_progress": progress,
        "in_progress_in_time": progress - overdue,
        "in_progress_overdue": overdue,
        "online_received": _point_counts(
            g, p_rec, frame.channel == CHANNEL_CODES["online"], n_groups, n_p
        ),
        "rescheduled": _point_counts(g, p_fin, rescheduled, n_groups, n_p),
    }
