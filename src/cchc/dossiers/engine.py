"""The dossier engine: each rule of a dossier's deadline applied by one function.

Both paths call the functions below, on local nanoseconds (:mod:`.instants`) held in a
Python ``int`` (one dossier, :func:`cchc.dossiers.replay.replay`) or in a NumPy column
(millions of dossiers, :func:`cchc.dossiers.results.evaluate`), as the arithmetic rules
of :mod:`.tables` do:

==============================  ===========================================================
rule                            function
==============================  ===========================================================
rule set in force at receipt    :func:`rule_values` (a value, or per-row values gathered
                                from the rule sets of :mod:`.rules`)
clock anchor (ND 309/2026       :func:`anchor` (the competent authority's receipt for a
Art 8(3))                       boundary-free dossier)
receipt and unit arithmetic     :func:`period` (:mod:`.clock_start` then :mod:`.period_units`)
late supplement request         :func:`request_is_late` (working days after receipt)
supplement received             :func:`supplied` (restart or subtract the waiting time)
rescheduling (apology)          :func:`apology_breaks` then :func:`rescheduled`
supplement lapse                :func:`lapse_moment` (ND 118/2025 Art 19(5))
timeliness, closure while a     :func:`judge` and :func:`overdue_moment`
supplement is pending
==============================  ===========================================================

**Events apply in time order, each to the due date in force at its moment.** One dossier
walks its events; a column of flat rows (one supplement round, at most one apology)
applies the same steps in time order with row masks: the apologies made before the
supplement came back, then the supplements, then the other apologies. In ``restart``
mode the period after a supplement is the period from the supplement's receipt, so the
column path computes it once from :func:`cchc.dossiers.supplements.clock_anchor` and the
period from the receipt only for the rows that need it (an apology before the
supplement).
"""

from __future__ import annotations

import functools
from datetime import datetime, time
from typing import Any

import numpy as np

from cchc.calendar import CalendarOps, OfficialCalendar
from cchc.calendar.days import DayTables, day_tables, where
from cchc.errors import CalendarCoverageError, CchcError
from cchc.legal import RuleVersion
from cchc.procedures import TimeUnit

from .clock_start import clock_start_ns
from .instants import NAT, NS_PER_DAY, from_local_ns, local_ns
from .one_stop_rules import OneStopRules, rule_set_index, rule_timeline, rules_on_day
from .period_units import due_for_unit
from .policy import DeadlinePolicy, SupplementMode, get_policy
from .rescheduling import late_apology, not_later
from .supplements import after_waiting, judged_moment, late_by_requests, overdue_from
from .timeliness import timeliness_code

__all__ = [
    "NO_LAPSE",
    "anchor",
    "apology_breaks",
    "judge",
    "lapse_moment",
    "overdue_moment",
    "paused",
    "period",
    "request_is_late",
    "rescheduled",
    "rule_sets_of",
    "rule_values",
    "scalar_period",
    "scalar_rules",
    "setting",
    "supplement_lapse_at",
    "supplied",
]

NO_LAPSE = -1
"""``supplement_lapse_days`` of a rule set without the closing rule (ND 61/2018)."""


# -- rule sets ----------------------------------------------------------------
def rule_sets_of(day: Any) -> Any:
    """The timeline index (:func:`cchc.dossiers.one_stop_rules.rule_timeline`) of receipt days
    (local day numbers; a value or a column): the rows grouped by the rule set in force."""
    return rule_set_index(day)


def scalar_rules(day: int) -> RuleVersion[OneStopRules]:
    """The rule set in force on one receipt day (a local day number:
    :func:`~cchc.dossiers.one_stop_rules.rules_on_day`), kept by day for the next dossier.

    Raises:
        RuleNotInForceError: no set in force that day.
    """
    found = _RULES_BY_DAY.get(day)
    if found is None:
        found = rules_on_day(day)
        if len(_RULES_BY_DAY) >= 100_000:
            _RULES_BY_DAY.clear()
        _RULES_BY_DAY[day] = found
    return found


_RULES_BY_DAY: dict[int, RuleVersion[OneStopRules]] = {}


def _value(rules: OneStopRules, name: str) -> int:
    value = getattr(rules, name)
    return NO_LAPSE if value is None else int(value)


def rule_values(which: Any, name: str) -> Any:
    """A :class:`OneStopRules` value for one rule set (``which`` a :class:`RuleVersion`) or
    per row (``which`` a column of timeline indices): booleans as 0/1, ``None`` as
    :data:`NO_LAPSE`."""
    if isinstance(which, RuleVersion):
        return _value(which.value, name)
    return _per_set(name)[which]


@functools.cache
def _per_set(name: str) -> Any:
    """A rule value of every set of the timeline, as an array to gather from."""
    values = [NO_LAPSE if v is None else _value(v.value, name) for v in rule_timeline()[1]]
    return np.array(values, dtype=np.int64)


# -- the setting: policy, calendar, tables ----------------------------------------------
Setting = tuple[DeadlinePolicy, CalendarOps, DayTables]
SHARED_SETTINGS: dict[tuple[str | None, time | None], Setting] = {}
_DEFAULT_OPS: list[CalendarOps] = []


def setting(
    calendar: OfficialCalendar | CalendarOps | None,
    policy: DeadlinePolicy | str | None,
    cutoff: time | None = None,
) -> Setting:
    """The policy (with a per-procedure ``cutoff``), the calendar operations and the
    per-dossier day tables of one computation.

    The default calendar with a named, non-provisional policy is resolved once and shared
    (nothing in it changes); a provisional policy gets its own operations, which record
    whether an answer rested on a day outside the official coverage."""
    named = calendar is None and (policy is None or type(policy) is str)
    if named:
        hit = SHARED_SETTINGS.get((policy, cutoff))  # type: ignore[arg-type]
        if hit is not None:
            return hit
    pol = get_policy(policy)
    if cutoff is not None:
        pol = pol.with_cutoff(cutoff)
    if isinstance(calendar, CalendarOps):
        ops = calendar
    elif calendar is None and not pol.provisional:
        if not _DEFAULT_OPS:  # never marked provisional: one shared for the default calendar
            _DEFAULT_OPS.append(CalendarOps(None, False))
        ops = _DEFAULT_OPS[0]
    else:
        ops = CalendarOps(calendar, pol.provisional)
    found = (pol, ops, day_tables(ops, columns=False))
    if named and not pol.provisional and len(SHARED_SETTINGS) < 256:
        SHARED_SETTINGS[(policy, cutoff)] = found  # type: ignore[index]
    return found


def scalar_period(
    start_from: int,
    n: int,
    code: int,
    unit: TimeUnit,
    policy: DeadlinePolicy,
    tables: DayTables,
    ops: CalendarOps,
    given: datetime,
) -> tuple[int, int]:
    """:func:`period` for one dossier, an arithmetic overflow reported as a
    :class:`~cchc.errors.CalendarCoverageError` naming the input."""
    try:
        start = clock_start_ns(start_from, policy, tables, ops)
        due = due_for_unit(start, n, code, policy, tables, ops)
        if due > _LAST_NS:
            raise OverflowError
    except (OverflowError, ValueError) as exc:
        if isinstance(exc, CchcError):
            raise
        raise CalendarCoverageError(
            f"{n} {unit.value} from {given.isoformat()} is beyond any calendar",
            field="amount",
        ) from None
    return due, start


_LAST_NS = 2_932_897 * NS_PER_DAY - 1
"""The last local nanosecond a datetime holds (31/12/9999)."""


# -- the clock ------------------------------------------------------------------
def anchor(received: Any, transferred: Any, boundary_free: Any, clock_at_authority: Any) -> Any:
    """The moment the period runs from: the receipt, or for a dossier filed regardless of
    administrative boundary under a rule set with that clock rule (ND 309/2026 Art 8(3)),
    its first transfer (the competent authority's receipt). ``transferred`` is
    :data:`~cchc.dossiers.instants.NAT` where there is none."""
    moved = (transferred != NAT) & (clock_at_authority != 0)
    return where(moved & boundary_free, transferred, received)


def period(
    start_from: Any, n: Any, unit: Any, policy: DeadlinePolicy, tables: DayTables, ops: CalendarOps
) -> tuple[Any, Any]:
    """``(due, start)``: the clock start (:func:`~cchc.dossiers.clock_start.clock_start_ns`) and
    the due moment of ``n`` ``unit`` from it (:func:`~cchc.dossiers.period_units.due_for_unit`).

    ``unit`` is a unit code; for a column it may be a column of codes (split by unit,
    the most common one on the whole column)."""
    start = clock_start_ns(start_from, policy, tables, ops)
    if not tables.columns:
        return due_for_unit(start, n, unit, policy, tables, ops), start
    if np.ndim(unit) == 0:
        return due_for_unit(start, n, int(unit), policy, tables, ops), start
    lo, hi = (int(unit.min()), int(unit.max())) if unit.size else (0, 0)
    if lo == hi:
        return due_for_unit(start, n, lo, policy, tables, ops), start
    counts = [int(np.count_nonzero(unit == code)) for code in range(lo, hi + 1)]
    main = lo + counts.index(max(counts))
    others = [(code, np.flatnonzero(unit == code)) for code in range(lo, hi + 1) if code != main]
    main_n = np.array(n, dtype=np.int64)  # the other units' rows counted as 0 of the main one
    for _, rows in others:
        main_n[rows] = 0
    due = due_for_unit(start, main_n, main, policy, tables, ops)
    for code, rows in others:
        if rows.size:
            due[rows] = due_for_unit(start[rows], n[rows], code, policy, tables, ops)
    return due, start


# -- supplements ------------------------------------------------------------------
def request_is_late(
    received: Any, requested: Any, notice_days: Any, tables: DayTables, ops: CalendarOps
) -> Any:
    """Whether a supplement request came more than ``notice_days`` working days after the
    receipt day (ND 61/2018 Art 19(4), ND 118/2025 Art 19(5): "trong thời hạn 03 ngày làm
    việc")."""
    r = tables.index(received // NS_PER_DAY, "received_at", ops)
    q = tables.index(requested // NS_PER_DAY, "supplement_requested_at", ops)
    return tables.cum_before[q] - tables.cum_before[r] > notice_days


def supplied(
    due: Any,
    legal: Any,
    requested: Any,
    at: Any,
    answered: Any,
    mode: SupplementMode,
    restarted: tuple[Any, Any] | None,
) -> tuple[Any, Any]:
    """``(due, legal due)`` after a supplement received at ``at`` where ``answered``.

    ``restart`` (the law): both become ``restarted[0]``, the period from the supplement
    (:func:`period`), superseding an earlier rescheduling; ``subtract_waiting`` (the 766
    portal): both move by the waiting time."""
    if mode is SupplementMode.RESTART:
        assert restarted is not None
        new = where(answered, restarted[0], due)
        return new, new
    return (
        after_waiting(due, requested, at, answered, mode),
        after_waiting(legal, requested, at, answered, mode),
    )


def lapse_moment(requested: Any, lapse_days: Any) -> Any:
    """When an unanswered supplement request lets the desk close the dossier (ND 118/2025
    Art 19(5): 15 days after the notice, read as calendar days); :data:`NAT` under a rule
    set without the closing rule (``lapse_days`` = :data:`NO_LAPSE`)."""
    return where(lapse_days >= 0, requested + lapse_days * NS_PER_DAY, NAT)


def supplement_lapse_at(
    requested_at: datetime, rules: RuleVersion[OneStopRules]
) -> datetime | None:
    """:func:`lapse_moment` of a request made at ``requested_at`` under ``rules`` (None when
    the set has no closing rule): the date a supplement-request form states."""
    ns = lapse_moment(
        local_ns(requested_at, field="requested_at"), rule_values(rules, "supplement_lapse_days")
    )
    return None if ns == NAT else from_local_ns(ns)


# -- pauses ---------------------------------------------------------------------------
def paused(
    due: Any,
    requested: Any,
    paid: Any,
    answered: Any,
    policy: DeadlinePolicy,
    tables: DayTables,
    ops: CalendarOps,
) -> Any:
    """The due moment after a wait for the applicant's financial obligations
    (chờ thực hiện nghĩa vụ tài chính, :mod:`cchc.dossiers.pauses`): moved on by the working
    time from the payment notice to the payment, where ``answered`` (registry
    ``CONV-PAUSE-PAYMENT``: ND 118/2025 Art 24(2) lets fees be paid after the receipt and
    says nothing of the clock)."""
    from cchc.calendar.hours import add_working_ns, working_ns_between

    hours = policy.office_hours
    wait = where(answered, working_ns_between(requested, paid, hours, tables, ops), 0)
    wait = np.maximum(wait, 0) if tables.columns else max(int(wait), 0)
    moved = add_working_ns(due, wait, hours, tables, ops)
    return where(wait > 0, moved, due)


# -- rescheduling ------------------------------------------------------------------
def apology_breaks(
    at: Any, new_due: Any, due: Any, notice_days: Any, count: Any, max_count: Any
) -> tuple[Any, Any, Any]:
    """``(too_many, too_late, not_after)`` for an apology at ``at`` setting ``new_due`` when
    the due moment in force is ``due``: the ``count``-th rescheduling beyond ``max_count``;
    later than ``notice_days`` day(s) before the due day; a new date not after the due
    moment (ND 61/2018 Art 19(9), ND 118/2025 Art 19(6))."""
    too_late = late_apology(at // NS_PER_DAY, due // NS_PER_DAY, notice_days)
    return count > max_count, too_late, not_later(new_due, due)


def rescheduled(due: Any, new_due: Any, has: Any) -> Any:
    """The due moment after an accepted apology: its new date where ``has``."""
    return where(has, new_due, due)


# -- judging ------------------------------------------------------------------------
def judge(
    finished: Any,
    due: Any,
    requested: Any,
    pending: Any,
    requests: Any,
    mode: SupplementMode,
    minute: Any,
) -> Any:
    """Timeliness code (0 early, 1 on time, 2 late) of a finished dossier: judged at the
    request when it was closed while a supplement was pending
    (:func:`~cchc.dossiers.supplements.judged_moment`), late after more than one request in
    ``subtract_waiting`` mode (the 766 portal)."""
    code = timeliness_code(judged_moment(finished, requested, pending), due, minute)
    if isinstance(requests, int):
        return 2 if late_by_requests(requests, mode) else code
    return code  # a flat row has one request at most


def overdue_moment(due: Any, requested: Any, pending: Any, never: Any) -> Any:
    """After this moment an unfinished dossier is overdue: its due moment, or ``never``
    while it waits for a supplement requested by the due moment
    (:func:`~cchc.dossiers.supplements.overdue_from`)."""
    return overdue_from(due, requested, pending, never)
