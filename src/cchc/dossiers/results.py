"""Due dates and timeliness for a whole :class:`~cchc.dossiers.table.frame.DossierFrame`.

:func:`evaluate` is the batch counterpart of :meth:`cchc.dossiers.Dossier.deadline`
for flat rows, with the same supplement modes and rescheduling checks, and no
Python loop per dossier. :func:`row_to_dossier` turns one row back into a
:class:`~cchc.dossiers.Dossier` (the scalar reference, used by tests and the
benchmark).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc._display import html_table, ns_moment, ns_range, preview_positions, summary
from cchc.calendar import CalendarOps, OfficialCalendar
from cchc.calendar.days import day_tables
from cchc.errors import BatchValidationError, CalendarCoverageError, CchcError, LifecycleError
from cchc.findings import Finding
from cchc.legal import RuleVersion
from cchc.procedures import TimeUnit

from . import engine
from .batch import UNIT_CODES, classify_local
from .events import OUTCOME_CODES, EventKind
from .instants import NAT, NEVER, NS_PER_DAY, VN_OFFSET_NS
from .one_stop_rules import OneStopRules, rule_timeline
from .policy import DeadlinePolicy, SupplementMode, get_policy
from .rescheduling import late_apology_finding, second_message
from .supplements import clock_anchor, judged_moment
from .table.chunks import CHUNK_ROWS, map_chunks, row_chunks
from .table.rows import row_to_dossier
from .timeliness import STOPPED, TIMELINESS_NAMES, Granularity, check_granularity

if TYPE_CHECKING:
    import pandas as pd

    from .table.frame import DossierFrame

__all__ = [
    "CHUNK_ROWS",
    "DossierResults",
    "evaluate",
    "row_to_dossier",
]

DT = npt.NDArray[np.datetime64]
Requests = tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.int64]]
_NO_REQUESTS: Requests = (np.empty(0, np.int64), np.empty(0, bool), np.empty(0, np.int64))


@attrs.frozen(eq=False)
class DossierResults:
    """Per-row results (UTC ``datetime64[ns]``; timeliness codes of :mod:`.batch`)."""

    due_at: DT
    legal_due_at: DT
    start_at: DT
    timeliness: npt.NDArray[np.int8]
    """-1 unfinished, 0 early (trước hạn), 1 on time (đúng hạn), 2 late (quá hạn), 3 stopped
    at the applicant's request (the ``withdrawn`` outcome, counted apart: ``CONV-STOP-APART``)."""
    overdue_from: DT
    """An unfinished dossier is overdue after this moment: the due moment, or never
    (the largest datetime64) while a supplement requested by the due moment is
    pending (``restart``: the clock restarts on the supplement; ``subtract_waiting``:
    the 766 portal ends the dossier at the request)."""
    policy: str
    provisional: bool
    requests: Requests = attrs.field(default=_NO_REQUESTS, repr=False)
    """The rows with a supplement request (positions), whether each came late and its lapse
    moment (UTC ns, NaT unless pending): kept for those rows only (see the properties)."""
    index: Any = None
    """The index of the DataFrame the rows came from (see ``DossierFrame.index``), or None."""
    row_numbers: npt.NDArray[np.int64] | None = None
    """The rows' numbers in their source (file lines), or None (by position from 1)."""
    findings: tuple[Finding, ...] = ()
    """Rule breaks kept rather than refused, one per row: an apology later than one day
    before the due day (code ``LC-APOLOGY-LATE``, :mod:`cchc.dossiers.rescheduling`), its
    ``field`` naming the row as the loader numbered it (file line) and ``rescheduled_at``."""

    def __repr__(self) -> str:
        """What it is, its size and its timeliness counts in a few lines (+07:00)."""
        counts = np.bincount(self.timeliness.astype(np.int64) + 1, minlength=5)
        names: tuple[str, ...] = ("unfinished", "early", "on time", "late", "stopped")
        if not counts[-1]:  # no stopped row (or no outcome column): the four codes
            names, counts = names[:-1], counts[:-1]
        return summary(
            f"DossierResults: {len(self.due_at):,} rows, policy {self.policy}"
            + (" (provisional days used)" if self.provisional else ""),
            [
                ("due_at", ns_range(self.due_at)),
                (
                    "timeliness",
                    ", ".join(f"{n} {c:,}" for n, c in zip(names, counts.tolist(), strict=True)),
                ),
                ("findings", f"{len(self.findings):,}"),
            ],
        )

    def _repr_html_(self) -> str:
        """The first and last rows as a small HTML table (for notebooks)."""
        names = TIMELINESS_NAMES

        def row(i: int) -> list[object]:
            number = i + 1 if self.row_numbers is None else int(self.row_numbers[i])
            return [
                number,
                ns_moment(int(self.start_at.view(np.int64)[i])),
                ns_moment(int(self.due_at.view(np.int64)[i])),
                ns_moment(int(self.legal_due_at.view(np.int64)[i])),
                names[int(self.timeliness[i]) + 1],
            ]

        headers = ["row", "start_at", "due_at", "legal_due_at", "timeliness"]
        rows = [None if i is None else row(i) for i in preview_positions(len(self.due_at))]
        return html_table(headers, rows, caption=repr(self).splitlines()[0])

    def take(self, index: Any) -> DossierResults:
        """The rows at ``index`` (an integer array or a slice); :attr:`findings` are not
        carried (they name rows of the whole run)."""
        if isinstance(index, slice) and index.step in (None, 1):  # a run of rows: its requests
            lo, hi, _ = index.indices(len(self.due_at))
            rows, late, lapse = self.requests
            a, b = np.searchsorted(rows, [lo, hi]).tolist()
            requests = (rows[a:b] - lo, late[a:b], lapse[a:b]) if hi > lo else _NO_REQUESTS
        else:
            requests = _requests(
                np.asarray(self.late_supplement_request[index]),
                np.asarray(self.lapse_at[index]).view(np.int64),
            )
        return DossierResults(
            due_at=self.due_at[index],
            legal_due_at=self.legal_due_at[index],
            start_at=self.start_at[index],
            timeliness=self.timeliness[index],
            overdue_from=self.overdue_from[index],
            policy=self.policy,
            provisional=self.provisional,
            requests=requests,
            index=None if self.index is None else self.index[index],
            row_numbers=None if self.row_numbers is None else self.row_numbers[index],
        )

    @property
    def late_supplement_request(self) -> npt.NDArray[np.bool_]:
        """Per row: the supplement request came more than the rule set's working days after
        receipt (:func:`cchc.dossiers.engine.request_is_late`)."""
        rows, late, _ = self.requests
        out = np.zeros(len(self.due_at), dtype=bool)
        out[rows] = late
        return out

    @property
    def lapse_at(self) -> DT:
        """Per row: while a supplement request is unanswered, when the desk may close the
        dossier (:func:`cchc.dossiers.engine.lapse_moment`), else NaT."""
        rows, _, lapse = self.requests
        out = np.full(len(self.due_at), NAT, dtype=np.int64)
        out[rows] = lapse
        return out.view("datetime64[ns]")

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
            categories=pd.Index(TIMELINESS_NAMES),
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


def _requests(
    late: npt.NDArray[np.bool_], lapse: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """The sparse form of :attr:`DossierResults.requests` from dense columns."""
    rows = np.flatnonzero(late | (lapse != NAT))
    return rows, late[rows], lapse[rows]


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
    use, at most 8; see :mod:`cchc.dossiers.table.chunks`); the results are the same
    for any number.
    Errors name each row as its loader numbered it (file line, index label).

    ``granularity=None`` (the default) compares days, and minutes for rows whose
    limit is in hours (an hour limit is judged by the moment, as in
    :meth:`cchc.dossiers.replay.Deadline.timeliness`); ``"day"`` or ``"minute"``
    applies to every row.

    Raises:
        BatchValidationError: rows whose rescheduling breaks ND 61/2018 Art
            19(9) / ND 118/2025 Art 19(6) (new due date not later), and rows whose receipt or
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

    asked: list[tuple[Any, ...]] = []  # per chunk: rows, late, (pending rows, lapse)

    late_apologies: list[tuple[int, int, str, int]] = []

    def run(sl: slice) -> tuple[list[CchcError], bool, bool, bool]:
        """One chunk, written into its rows of the results (chunks never overlap). The
        legal due moment and the overdue moment are written only where they differ from
        the due moment (no rescheduling, no pending supplement: the same values)."""
        chunk, chunk_ops = frame.take(sl), CalendarOps(ops.calendar, ops.provisional)
        found: list[CchcError] = []
        same_legal = same_overdue = True
        try:
            d, lg, _, _, o, lt, lp = _evaluate_chunk(
                chunk,
                chunk_ops,
                pol,
                minute,
                sl.start,
                found,
                late_apologies,
                out=(due[sl], start[sl], codes[sl]),
            )  # due, start and codes written in place
            if lg is not d:
                legal[sl], same_legal = lg, False
            if o is not d:
                overdue[sl], same_overdue = o, False
            if lt is not None:
                asked.append((sl.start, lt, lp))
        except CalendarCoverageError:
            found.clear()  # the rows outside the calendar, then every other rule's bad rows
            found += _coverage_rows(chunk, np.arange(len(chunk)), chunk_ops, pol, minute, sl.start)
            found += _other_rows(chunk, found, chunk_ops, pol, minute, sl.start)
        return found, chunk_ops.used_provisional, same_legal, same_overdue

    errors: list[CchcError] = []
    same: list[tuple[bool, bool]] = []
    # chunks of about a million rows on a few threads (cchc.dossiers.table.chunks)
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
        requests=_gather_requests(asked),
        index=frame.index,
        row_numbers=frame.row_numbers,
        findings=_late_findings(late_apologies, frame),
    )


def _gather_requests(
    asked: list[tuple[Any, ...]],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """The chunks' request rows (in row order) with their late flags and lapse moments."""
    if not asked:
        return _NO_REQUESTS
    rows, late, lapse = [], [], []
    for start, (r, flags), pending in sorted(asked, key=lambda a: a[0]):
        moments = np.full(len(r), NAT, dtype=np.int64)
        if pending is not None:  # pending rows are among the request rows
            moments[np.searchsorted(r, pending[0])] = pending[1]
        rows.append(r + start)
        late.append(np.asarray(flags, dtype=bool))
        lapse.append(moments)
    return np.concatenate(rows), np.concatenate(late), np.concatenate(lapse)


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
    late_apologies: list[tuple[int, int, str, int]],
    out: tuple[Any, Any, Any] | None = None,
) -> tuple[Any, ...]:
    """One chunk through the engine (:mod:`cchc.dossiers.engine`), the steps in time order;
    instants are local nanoseconds inside, UTC in the results (written into ``out``, the
    due, start and code columns, when given). A rule that concerns few rows (supplements,
    apologies, payments, transfers, pending requests) is applied to those rows only."""
    tables = day_tables(ops, columns=True)
    mode = pol.supplement
    rec = frame.received_at.view(np.int64) + VN_OFFSET_NS
    got = frame.supplement_received_at.view(np.int64)
    req = frame.supplement_requested_at.view(np.int64)
    asked = req != NAT
    some_asked = bool(asked.any())
    answered = got != NAT  # a supplement received implies a request (checked by the loaders)
    some = some_asked and bool(answered.any())
    if some_asked:
        got = got + VN_OFFSET_NS
        req = req + VN_OFFSET_NS
    sets = _rule_sets(rec)
    base = _anchor(frame, rec, sets)
    # restart: the period after the supplement is the period from its receipt (computed once)
    start_from = base
    if some and mode is SupplementMode.RESTART:
        rows = np.flatnonzero(answered)
        start_from = base.copy()
        start_from[rows] = clock_anchor(base[rows], got[rows], True, mode)
    due, start = _periods(start_from, frame.amount, frame.unit, frame.cutoff, pol, tables, ops)
    legal = due
    # waits for the applicant's financial obligations (engine.paused), in time order with
    # the supplement: a wait that ended before a restarting supplement is superseded by it
    pay = _Payments(frame, answered if some else None, got, pol, tables, ops)
    if some and mode is SupplementMode.SUBTRACT_WAITING:
        due = pay.apply(due, pay.before_supplement)
        rows = np.flatnonzero(answered)
        waited = due.copy()  # the legal due moment too: the same values
        waited[rows] = engine.supplied(
            due[rows], due[rows], req[rows], got[rows], True, mode, None
        )[0]
        due = legal = waited
    pre_pay = due
    due = pay.apply(due, pay.after_supplement)
    legal = due if pay.rows is not None else legal
    r_due = frame.rescheduled_due_at.view(np.int64)
    has = r_due != NAT if r_due.max(initial=NAT) != NAT else None
    if has is not None:
        r_due = r_due + VN_OFFSET_NS
        r_at = frame.rescheduled_at.view(np.int64) + VN_OFFSET_NS
        unshifted = pay.unshifted(pre_pay, has, r_at)
        # an apology made before the supplement came back: checked against the first due
        # date, then the supplement applies (restart: the new date lapses; subtract: waits)
        before = np.flatnonzero(has & answered & (r_at < got)) if some else np.empty(0, np.int64)
        checked = legal
        due = legal.copy()
        moved = np.flatnonzero(has)
        due[moved] = engine.rescheduled(legal[moved], r_due[moved], True)
        if before.size:
            first, _ = _periods(
                base[before],
                np.asarray(frame.amount)[before],
                np.asarray(frame.unit)[before],
                None if frame.cutoff is None else frame.cutoff[before],
                pol,
                tables,
                ops,
            )
            checked = legal.copy()
            checked[before] = first
            restarted = (legal[before], None)
            due[before] = engine.supplied(
                engine.rescheduled(first, r_due[before], True),
                first,
                req[before],
                got[before],
                True,
                mode,
                restarted,
            )[0]
        if unshifted is not None:  # a wait that ended after the apology: checked before it,
            rows, before_pay = unshifted  # then it moves the new date on
            checked = checked.copy() if checked is legal else checked
            checked[rows] = before_pay
            due = due.copy() if due is legal else due
            due[rows] = pay.apply_rows(r_due[rows], rows)
        errors += _check_reschedules(has, r_at, r_due, checked, sets, offset, late_apologies)
    pending = asked & ~answered if some_asked else asked
    any_pending = some_asked and bool(pending.any())
    late = lapse = None  # (rows, values): only the rows with a request
    if some_asked:
        rows = np.flatnonzero(asked)
        notice = _values(sets, rows, "supplement_notice_working_days")
        late = rows, engine.request_is_late(rec[rows], req[rows], notice, tables, ops)
    if any_pending:
        rows = np.flatnonzero(pending)
        days = _values(sets, rows, "supplement_lapse_days")
        moment = np.broadcast_to(engine.lapse_moment(req[rows], days), rows.shape)
        lapse = rows, np.where(moment == NAT, NAT, moment - VN_OFFSET_NS)
    per_row = frame.unit == UNIT_CODES[TimeUnit.HOURS.value] if minute is None else minute
    fin = frame.finished_at.view(np.int64) + VN_OFFSET_NS  # NaT stays below every moment
    if any_pending:  # closed while a supplement was pending: judged at the request
        rows = np.flatnonzero(pending & (fin != NAT + VN_OFFSET_NS))
        fin[rows] = judged_moment(fin[rows], req[rows], True)
    codes = classify_local(fin, due, minute=per_row)  # judged on local moments
    if frame.outcome is not None:  # stopped at the applicant's request: counted apart
        codes[frame.outcome == OUTCOME_CODES[EventKind.WITHDRAWN.value]] = STOPPED
    same = legal is due
    # back to UTC (into the caller's columns when given)
    due_utc = np.subtract(due, VN_OFFSET_NS, out=None if out is None else out[0])
    legal = due_utc if same else legal - VN_OFFSET_NS
    start = np.subtract(start, VN_OFFSET_NS, out=None if out is None else out[1])
    if out is not None:
        out[2][...] = codes
        codes = out[2]
    # nothing pending: overdue_from gives the due moments themselves (kept as one array)
    overdue = due_utc
    if any_pending:
        req_utc = frame.supplement_requested_at.view(np.int64)
        overdue = _overdue(overdue, req_utc, pending)
    if pay.waiting is not None:  # a payment notice by the due moment keeps it in time
        overdue = _overdue(overdue, frame.payment_requested_at.view(np.int64), pay.waiting)
    return due_utc, legal, start, codes, overdue, late, lapse


def _overdue(due: Any, requested: Any, waiting: Any) -> Any:
    """:func:`cchc.dossiers.engine.overdue_moment` on the waiting rows, the due moment on
    the others (a new column)."""
    rows = np.flatnonzero(waiting)
    out = due.copy()
    out[rows] = engine.overdue_moment(due[rows], requested[rows], True, NEVER)
    return out


class _Payments:
    """The payment waits of a chunk (chờ thực hiện nghĩa vụ tài chính): which rows, and
    whether each wait ended before or after the supplement (time order)."""

    def __init__(
        self,
        frame: DossierFrame,
        answered: Any,
        got: Any,
        pol: DeadlinePolicy,
        tables: Any,
        ops: CalendarOps,
    ) -> None:
        self.pol, self.tables, self.ops = pol, tables, ops
        self.waiting: Any = None
        self.rows: Any = None
        self.before_supplement = self.after_supplement = np.empty(0, np.int64)
        if frame.payment_requested_at.view(np.int64).max(initial=NAT) == NAT:
            return  # no payment notice in the chunk (a paid wait has its notice)
        asked = frame.payment_requested_at.view(np.int64) != NAT
        done = frame.payment_done_at.view(np.int64)
        paid = done != NAT
        pending = asked & ~paid
        self.waiting = pending if pending.any() else None
        if not paid.any():
            return
        self.req = frame.payment_requested_at.view(np.int64) + VN_OFFSET_NS
        self.done = done + VN_OFFSET_NS
        early = paid & answered & (self.done <= got) if answered is not None else paid & False
        self.rows = np.flatnonzero(paid)
        self.before_supplement = np.flatnonzero(early)
        # restart: a wait that ended before the supplement is superseded by the new period;
        # subtract_waiting: it applies before the supplement's waiting time
        self.after_supplement = np.flatnonzero(paid & ~early)

    def apply_rows(self, values: Any, rows: Any) -> Any:
        return engine.paused(
            values, self.req[rows], self.done[rows], True, self.pol, self.tables, self.ops
        )

    def apply(self, due: Any, rows: Any) -> Any:
        if not len(rows):
            return due
        out = due.copy()
        out[rows] = self.apply_rows(due[rows], rows)
        return out

    def unshifted(self, pre_pay: Any, has: Any, r_at: Any) -> tuple[Any, Any] | None:
        """The rows whose wait ended after the apology, with their due moment before it."""
        if self.rows is None:
            return None
        rows = self.after_supplement[has[self.after_supplement]]
        rows = rows[self.done[rows] > r_at[rows]]
        if not rows.size:
            return None
        return rows, pre_pay[rows]


@attrs.frozen(eq=False)
class _RowSets:
    """The rule sets of a chunk whose receipts fall under several: each row's set is found
    only for the rows a rule value is asked for (supplements, apologies, transfers)."""

    local: npt.NDArray[np.int64]
    """The receipts (local ns): their days are found for the rows asked only."""

    def ids(self, rows: Any) -> Any:
        return engine.rule_sets_of(self.local[rows] // NS_PER_DAY)


def _rule_sets(rec: npt.NDArray[np.int64]) -> RuleVersion[OneStopRules] | _RowSets:
    """The rule set in force at each receipt: one :class:`RuleVersion` when the chunk's
    receipts all fall under one, else the rows grouped by set on demand (:class:`_RowSets`)."""
    sets = rule_timeline()[1]
    if rec.size == 0:
        found = sets[-1]
        assert found is not None
        return found
    lo: int = engine.rule_sets_of(int(rec.min()) // NS_PER_DAY)
    hi: int = engine.rule_sets_of(int(rec.max()) // NS_PER_DAY)
    one = sets[lo]
    if lo == hi and one is not None:
        return one
    return _RowSets(rec)


def _values(sets: RuleVersion[OneStopRules] | _RowSets, rows: Any, name: str) -> Any:
    """A rule value for ``rows``: one value, or each row's set's."""
    if isinstance(sets, RuleVersion):
        return engine.rule_values(sets, name)
    return engine.rule_values(sets.ids(rows), name)


def _rules_of(sets: RuleVersion[OneStopRules] | _RowSets, row: int) -> OneStopRules:
    version = sets if isinstance(sets, RuleVersion) else rule_timeline()[1][int(sets.ids(row))]
    assert version is not None  # receipts before the first set are refused by the loaders
    rules: OneStopRules = version.value
    return rules


def _anchor(
    frame: DossierFrame, rec: npt.NDArray[np.int64], sets: RuleVersion[OneStopRules] | _RowSets
) -> Any:
    """The clock anchor: the receipt, or the transfer of boundary-free rows where their rule
    set starts the clock at the competent authority (ND 309/2026 Art 8(3))."""
    moved, flags = frame.transferred_at, frame.boundary_free
    if moved is None or flags is None or not flags.any():
        return rec
    rows = np.flatnonzero(flags & ~np.isnat(moved))
    if rows.size == 0:
        return rec
    out = rec.copy()
    out[rows] = engine.anchor(
        rec[rows],
        moved[rows].view(np.int64) + VN_OFFSET_NS,
        True,
        _values(sets, rows, "boundary_free_clock_at_authority"),
    )
    return out


def _periods(
    anchor: npt.NDArray[np.int64],
    amount: Any,
    unit: Any,
    cutoff: npt.NDArray[np.int16] | None,
    pol: DeadlinePolicy,
    tables: Any,
    ops: CalendarOps,
) -> tuple[Any, Any]:
    """``(due, start)`` (local ns) with each row's cut-off hour (one pass per distinct
    cut-off)."""
    n = np.broadcast_to(np.asarray(amount, dtype=np.int64), anchor.shape)
    codes = np.broadcast_to(np.asarray(unit, dtype=np.int8), anchor.shape)
    if cutoff is None or not (cutoff >= 0).any():
        return engine.period(anchor, n, codes, pol, tables, ops)
    due = np.empty(len(anchor), dtype=np.int64)
    start = np.empty(len(anchor), dtype=np.int64)
    for value in np.unique(cutoff).tolist():
        rows = np.flatnonzero(cutoff == value)
        p = pol if value < 0 else pol.with_cutoff(time(value // 60, value % 60))
        due[rows], start[rows] = engine.period(anchor[rows], n[rows], codes[rows], p, tables, ops)
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
        _evaluate_chunk(frame.take(idx), ops, pol, minute, 0, [], [])
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


def _other_rows(
    frame: DossierFrame,
    outside: list[CchcError],
    ops: CalendarOps,
    pol: DeadlinePolicy,
    minute: bool | None,
    offset: int,
) -> list[CchcError]:
    """The bad rows of every other rule among the rows inside the calendar (a coverage
    error must not hide a late apology on another row: one run reports every bad row)."""
    skip = {int(e.row) - 1 - offset for e in outside if e.row is not None}
    rest = np.setdiff1d(np.arange(len(frame)), np.fromiter(skip, np.int64, len(skip)))
    found: list[CchcError] = []
    if rest.size:
        _evaluate_chunk(frame.take(rest), ops, pol, minute, 0, found, [])
    return [
        type(e)(e.message, row=int(rest[e.row - 1]) + 1 + offset, field=e.field)
        if e.row is not None
        else e
        for e in found
    ]


def _check_reschedules(
    has: Any,
    r_at: Any,
    r_due: Any,
    legal: Any,
    sets: Any,
    offset: int,
    late: list[tuple[int, int, str, int]],
) -> list[LifecycleError]:
    """The apology rules of each row's rule set (:func:`cchc.dossiers.engine.apology_breaks`;
    one rescheduling per row by construction). A late apology is kept: its row position,
    notice days, article and local due day number go to ``late`` (see ``_late_findings``)."""
    rows = np.flatnonzero(has)
    errors: list[LifecycleError] = []
    notice = _values(sets, rows, "reschedule_notice_days")
    most = _values(sets, rows, "max_reschedules")
    too_many, too_late, not_after = engine.apology_breaks(
        r_at[rows], r_due[rows], legal[rows], notice, 1, most
    )
    too_many = np.broadcast_to(too_many, rows.shape)
    for k in np.flatnonzero(too_many | too_late | not_after).tolist():
        r = int(rows[k])
        rules = _rules_of(sets, r)
        article = rules.article("reschedule")
        if too_many[k]:
            errors.append(
                LifecycleError(second_message(article), row=r + 1 + offset, field="rescheduled_at")
            )
        if too_late[k]:
            late.append(
                (r + offset, rules.reschedule_notice_days, article, int(legal[r] // NS_PER_DAY))
            )
        if not_after[k]:
            errors.append(
                LifecycleError(
                    "rescheduled_due_at is not after the due date",
                    row=r + 1 + offset,
                    field="rescheduled_due_at",
                )
            )
    return errors


def _late_findings(
    late: list[tuple[int, int, str, int]], frame: DossierFrame
) -> tuple[Finding, ...]:
    """The findings of the late apologies, each named by its row as the loader numbered it
    (file line) and its index label, as errors are."""
    out = []
    for pos, notice, article, day in sorted(late):
        row = pos + 1 if frame.row_numbers is None else int(frame.row_numbers[pos])
        label = "" if frame.index is None else f" [{frame.index[pos]!r}]"
        due_day = (date(1970, 1, 1) + timedelta(days=day)).isoformat()
        out.append(
            late_apology_finding(notice, article, due_day, f"row {row}{label}.rescheduled_at")
        )
    return tuple(out)
