"""Due dates and timeliness for a whole :class:`~cchc.dossiers.frame.DossierFrame`.

:func:`evaluate` is the batch counterpart of :meth:`cchc.dossiers.Dossier.deadline`
for flat rows, with the same supplement modes and rescheduling checks, and no
Python loop per dossier. :func:`row_to_dossier` turns one row back into a
:class:`~cchc.dossiers.Dossier` (the scalar reference, used by tests and the
benchmark).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc.calendar import CalendarOps, OfficialCalendar
from cchc.errors import BatchValidationError, CalendarCoverageError, CchcError, LifecycleError
from cchc.procedures import TimeUnit

from .batch import UNIT_CODES, classify_batch, due_dates_batch
from .chunking import CHUNK_ROWS, map_chunks, row_chunks
from .instants import NAT, NEVER, NS_PER_DAY, VN_OFFSET_NS
from .policy import DeadlinePolicy, SupplementMode, get_policy
from .rescheduling import late_apology, late_apology_message, not_later
from .rows import row_to_dossier
from .rules import ONE_STOP_RULES
from .supplements import after_waiting, clock_anchor, judged_moment, overdue_from
from .timeliness import Granularity, check_granularity

if TYPE_CHECKING:
    import pandas as pd

    from .frame import DossierFrame

__all__ = [
    "CHUNK_ROWS",
    "DossierResults",
    "evaluate",
    "row_to_dossier",
]

DT = npt.NDArray[np.datetime64]


@attrs.frozen(eq=False)
class DossierResults:
    """Per-row results (UTC ``datetime64[ns]``; timeliness codes of :mod:`.batch`)."""

    due_at: DT
    legal_due_at: DT
    start_at: DT
    timeliness: npt.NDArray[np.int8]
    """-1 unfinished, 0 early (trước hạn), 1 on time (đúng hạn), 2 late (quá hạn)."""
    overdue_from: DT
    """An unfinished dossier is overdue after this moment: the due moment, or never
    (the largest datetime64) while a supplement requested by the due moment is
    pending (``restart``: the clock restarts on the supplement; ``subtract_waiting``:
    the 766 portal ends the dossier at the request)."""
    policy: str
    provisional: bool
    index: Any = None
    """The index of the DataFrame the rows came from (see ``DossierFrame.index``), or None."""
    row_numbers: npt.NDArray[np.int64] | None = None
    """The rows' numbers in their source (file lines), or None (by position from 1)."""

    def take(self, index: Any) -> DossierResults:
        """The rows at ``index`` (an integer array or a slice)."""
        return DossierResults(
            due_at=self.due_at[index],
            legal_due_at=self.legal_due_at[index],
            start_at=self.start_at[index],
            timeliness=self.timeliness[index],
            overdue_from=self.overdue_from[index],
            policy=self.policy,
            provisional=self.provisional,
            index=None if self.index is None else self.index[index],
            row_numbers=None if self.row_numbers is None else self.row_numbers[index],
        )

    def to_pandas(self) -> pd.DataFrame:
        """The results as a DataFrame with Asia/Ho_Chi_Minh aware columns (needs pandas).

        The index is the caller's DataFrame index when the rows came from
        :func:`~cchc.dossiers.from_dataframe`, the file line (named ``row``) for
        :func:`~cchc.dossiers.read_csv`, else 0, 1, 2, ...
        """
        import pandas as pd

        if self.index is not None:
            index = self.index
        elif self.row_numbers is not None:
            index = pd.Index(self.row_numbers, name="row")
        else:
            index = pd.RangeIndex(len(self.due_at))

        def aware(a: DT) -> Any:
            utc = pd.DatetimeIndex(a).tz_localize("UTC")
            return pd.Series(utc.tz_convert("Asia/Ho_Chi_Minh"), index=index)

        names = pd.Categorical.from_codes(
            self.timeliness.astype(np.int64) + 1,
            categories=pd.Index(["unfinished", "early", "on_time", "late"]),
        )
        return pd.DataFrame(
            {
                "due_at": aware(self.due_at),
                "legal_due_at": aware(self.legal_due_at),
                "start_at": aware(self.start_at),
                "timeliness": pd.Series(names, index=index),
            },
            index=index,
        )


def evaluate(
    frame: DossierFrame,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
    granularity: Granularity | str | None = None,
    progress: Callable[[int, int], object] | None = None,
    workers: int | None = None,
) -> DossierResults:
    """Due dates (after supplements and rescheduling) and timeliness for every row.

    ``progress(done, total)``, if given, is called with the rows done after each
    chunk of :data:`CHUNK_ROWS` rows (for a progress bar on millions of rows), in
    order. ``workers``: threads for the chunks (default: the CPUs this process may
    use, at most 8; see :mod:`cchc.dossiers.chunking`); the results are the same
    for any number.
    Errors name each row as its loader numbered it (file line, index label).

    ``granularity=None`` (the default) compares days, and minutes for rows whose
    limit is in hours (an hour limit is judged by the moment, as in
    :meth:`cchc.dossiers.replay.Deadline.timeliness`); ``"day"`` or ``"minute"``
    applies to every row.

    Raises:
        BatchValidationError: rows whose rescheduling breaks ND 61/2018 Art
            19(9) / ND 118/2025 Art 19(6) (new due date not later, or apology
            later than one day before the due day), and rows whose receipt or
            result falls outside the calendar
            (:class:`~cchc.errors.CalendarCoverageError` with row and field), all
            of them.
    """
    pol = get_policy(policy)
    ops = CalendarOps(calendar, pol.provisional)
    minute: bool | None = (
        None if granularity is None else check_granularity(granularity) is Granularity.MINUTE
    )
    n = len(frame)
    due = np.empty(n, dtype=np.int64)
    legal = np.empty(n, dtype=np.int64)
    start = np.empty(n, dtype=np.int64)
    codes = np.empty(n, dtype=np.int8)
    overdue = np.empty(n, dtype=np.int64)

    def run(sl: slice) -> tuple[list[CchcError], bool, bool, bool]:
        """One chunk, written into its rows of the results (chunks never overlap). The
        legal due moment and the overdue moment are written only where they differ from
        the due moment (no rescheduling, no pending supplement: the same values)."""
        chunk, chunk_ops = frame.take(sl), CalendarOps(ops.calendar, ops.provisional)
        found: list[CchcError] = []
        same_legal = same_overdue = True
        try:
            d, lg, s, c, o = _evaluate_chunk(chunk, chunk_ops, pol, minute, sl.start, found)
            due[sl], start[sl], codes[sl] = d, s, c
            if lg is not d:
                legal[sl], same_legal = lg, False
            if o is not d:
                overdue[sl], same_overdue = o, False
        except CalendarCoverageError:
            found += _coverage_rows(chunk, np.arange(len(chunk)), chunk_ops, pol, minute, sl.start)
        return found, chunk_ops.used_provisional, same_legal, same_overdue

    errors: list[CchcError] = []
    same: list[tuple[bool, bool]] = []
    # chunks of about a million rows on a few threads (cchc.dossiers.chunking)
    chunks = row_chunks(n, CHUNK_ROWS)
    for sl, (found, provisional, *flags) in zip(
        chunks, map_chunks(run, chunks, workers), strict=True
    ):
        errors += found
        ops.used_provisional |= provisional
        same.append((flags[0], flags[1]))
        if progress is not None and n:
            progress(sl.stop, n)
    if errors:
        errors.sort(key=lambda e: (e.row or 0, e.field or ""))
        raise BatchValidationError(frame.locate(errors), source=frame.source)
    legal = _due_where_same(legal, due, chunks, [s[0] for s in same])
    overdue = _due_where_same(overdue, due, chunks, [s[1] for s in same])
    for column in (due, legal, start, codes, overdue):
        column.flags.writeable = False  # results are read-only (columns may be shared)
    return DossierResults(
        due_at=due.view("datetime64[ns]"),
        legal_due_at=legal.view("datetime64[ns]"),
        start_at=start.view("datetime64[ns]"),
        timeliness=codes,
        overdue_from=overdue.view("datetime64[ns]"),
        policy=pol.name,
        provisional=ops.used_provisional,
        index=frame.index,
        row_numbers=frame.row_numbers,
    )


def _due_where_same(
    column: npt.NDArray[np.int64],
    due: npt.NDArray[np.int64],
    chunks: list[slice],
    same: list[bool],
) -> npt.NDArray[np.int64]:
    """``column``, with the due moments copied into the chunks where it equals them, or
    ``due`` itself when it equals them everywhere (the column's memory never touched)."""
    if all(same):
        return due
    for sl, equal in zip(chunks, same, strict=True):
        if equal:
            column[sl] = due[sl]
    return column


def _evaluate_chunk(
    frame: DossierFrame,
    ops: CalendarOps,
    pol: DeadlinePolicy,
    minute: bool | None,
    offset: int,
    errors: list[CchcError],
) -> tuple[Any, Any, Any, Any, Any]:
    rec = frame.received_at.view(np.int64)
    got = frame.supplement_received_at.view(np.int64)
    req = frame.supplement_requested_at.view(np.int64)
    # a supplement received implies a request (checked by the loaders)
    answered = got != NAT
    some = bool(answered.any())
    anchor = clock_anchor(rec, got, answered, pol.supplement) if some else rec
    due, start = _due_rows(anchor, frame.amount, frame.unit, frame.cutoff, ops, pol)
    due_ns = due.view(np.int64)
    if some:
        due_ns = after_waiting(due_ns, req, got, answered, pol.supplement)
    legal = due_ns
    r_due = frame.rescheduled_due_at.view(np.int64)
    has = r_due != NAT
    if has.any():
        r_at = frame.rescheduled_at.view(np.int64)
        # Time order (see cchc.dossiers.replay): an apology made before the supplement came
        # back is checked against the due date before the supplement, and the supplement then
        # restarts the period (restart: the new date lapses) or adds the waiting time to it.
        before = np.flatnonzero(has & answered & (r_at < got))
        checked = legal
        due_ns = np.where(has, r_due, legal)
        if before.size:
            first, _ = _due_rows(
                rec[before],
                np.asarray(frame.amount)[before],
                np.asarray(frame.unit)[before],
                None if frame.cutoff is None else frame.cutoff[before],
                ops,
                pol,
            )
            checked = legal.copy()
            checked[before] = first.view(np.int64)
            if pol.supplement is SupplementMode.RESTART:
                due_ns[before] = legal[before]
            else:
                due_ns[before] = after_waiting(
                    r_due[before], req[before], got[before], True, pol.supplement
                )
        errors += _check_reschedules(has, r_at, r_due, checked, offset)
    per_row = frame.unit == UNIT_CODES[TimeUnit.HOURS.value] if minute is None else minute
    pending = (req != NAT) & ~answered
    fin = frame.finished_at.view(np.int64)
    judged = judged_moment(fin, req, pending & (fin != NAT))
    codes = classify_batch(judged, due_ns.view("datetime64[ns]"), minute=per_row)
    # nothing pending: overdue_from gives the due moments themselves (kept as one array)
    overdue = overdue_from(due_ns, req, pending, NEVER) if pending.any() else due_ns
    return due_ns, legal, start.view(np.int64), codes, overdue


def _due_rows(
    anchor: npt.NDArray[np.int64],
    amount: Any,
    unit: Any,
    cutoff: npt.NDArray[np.int16] | None,
    ops: CalendarOps,
    pol: DeadlinePolicy,
) -> tuple[DT, DT]:
    """Due dates with each row's cut-off hour (one vectorised pass per distinct cut-off)."""
    stamps = anchor.view("datetime64[ns]")
    if cutoff is None or not (cutoff >= 0).any():
        return due_dates_batch(stamps, amount, unit, calendar=ops, policy=pol)
    due = np.empty(len(anchor), dtype="datetime64[ns]")
    start = np.empty(len(anchor), dtype="datetime64[ns]")
    amounts = np.broadcast_to(np.asarray(amount), anchor.shape)
    units = np.broadcast_to(np.asarray(unit), anchor.shape)
    for value in np.unique(cutoff).tolist():
        rows = np.flatnonzero(cutoff == value)
        p = pol if value < 0 else pol.with_cutoff(time(value // 60, value % 60))
        d, s = due_dates_batch(stamps[rows], amounts[rows], units[rows], calendar=ops, policy=p)
        due[rows], start[rows] = d, s
    return due, start


def _coverage_rows(
    frame: DossierFrame,
    idx: npt.NDArray[np.int64],
    ops: CalendarOps,
    pol: DeadlinePolicy,
    minute: bool | None,
    offset: int,
) -> list[CchcError]:
    """Every row of ``idx`` outside the calendar, found by halving (the error path only:
    about log2(rows) vectorised passes, never a loop per dossier when all is well)."""
    try:
        _evaluate_chunk(frame.take(idx), ops, pol, minute, 0, [])
    except CalendarCoverageError as exc:
        if len(idx) == 1:
            row = int(idx[0]) + 1 + offset
            field = exc.field or "received_at"
            restarted = pol.supplement is SupplementMode.RESTART
            if (
                field == "received_at"
                and restarted
                and not np.isnat(frame.supplement_received_at[int(idx[0])])
            ):
                field = "supplement_received_at"  # the clock restarted there
            return [CalendarCoverageError(exc.message, row=row, field=field)]
        half = len(idx) // 2
        return _coverage_rows(frame, idx[:half], ops, pol, minute, offset) + _coverage_rows(
            frame, idx[half:], ops, pol, minute, offset
        )
    return []


_ARTICLES = "Nghị định 61/2018 Điều 19 khoản 9; 118/2025 Điều 19 khoản 6"
(_NOTICE_DAYS,) = {v.value.reschedule_notice_days for v in ONE_STOP_RULES}
"""One day in every rule set so far; the unpacking fails loudly the day a version differs
(the rows would then need their own rule set's notice)."""


def _check_reschedules(
    has: Any, r_at: Any, r_due: Any, legal: Any, offset: int
) -> list[LifecycleError]:
    day = (r_at + VN_OFFSET_NS) // NS_PER_DAY
    due_day = (legal + VN_OFFSET_NS) // NS_PER_DAY
    errors: list[LifecycleError] = []
    # one rescheduling per row by construction; the notice: ND 61 Art 19(9), ND 118 Art 19(6)
    notice = _NOTICE_DAYS
    too_late = has & late_apology(day, due_day, notice)
    for r in np.flatnonzero(too_late).tolist():
        errors.append(
            LifecycleError(
                late_apology_message(notice, _ARTICLES), row=r + 1 + offset, field="rescheduled_at"
            )
        )
    for r in np.flatnonzero(has & not_later(r_due, legal)).tolist():
        errors.append(
            LifecycleError(
                "rescheduled_due_at is not after the due date",
                row=r + 1 + offset,
                field="rescheduled_due_at",
            )
        )
    return errors
