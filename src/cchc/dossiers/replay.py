"""Replaying a dossier's events into its deadline.

Order of operations, for the rule set in force on the receipt date
(:func:`cchc.dossiers.one_stop_rules.one_stop_rules_in_force`), each step applied by the one
function of :mod:`cchc.dossiers.engine` that the column path applies too:

1. **Start.** The clock starts at receipt (ND 118/2025 Art 17(3): from the
   receipt of the complete dossier), normalised by the policy (next opening,
   cut-off hour). From 05/8/2026 a dossier filed regardless of administrative
   boundary starts when the competent authority receives it (ND 309/2026 Art
   8(3)): its first ``transferred`` event.
2. **Supplements.** In ``restart`` mode (the law: ND 61/2018 Art 19(4), ND
   118/2025 Art 19(5), "thời hạn giải quyết được tính lại từ đầu sau khi nhận
   đủ hồ sơ") the due date becomes a full new period from the receipt of the
   supplement. In ``subtract_waiting`` mode (the 766 portal) the due moment is
   pushed back by the waiting time, and more than one request makes the dossier
   late ("Yêu cầu bổ sung hồ sơ hơn 01 lần thì tính quá hạn").
3. **Rescheduling** (xin lỗi và hẹn lại): at most ``max_reschedules`` (one)
   times, notified at the latest ``reschedule_notice_days`` (one) day before the
   due day (ND 61/2018 Art 19(9); ND 118/2025 Art 19(6)); the due date becomes
   ``new_due_at``. A second one raises :class:`~cchc.errors.LifecycleError`; a later
   one (on or after the due day) is kept and flagged in :attr:`Deadline.findings`.

**Events are applied in time order, each to the due date in force at its
moment** (the one rule of the scalar and the batch path):

- the apology is checked against the due date in force when it is made (after
  any supplement received before it, before any supplement received after it);
- a supplement received *after* a rescheduling, in ``restart`` mode, restarts
  the whole period from the complete dossier (ND 61/2018 Art 19(4): "tính lại
  từ đầu"), so the earlier new date lapses and the restarted due date applies;
  in ``subtract_waiting`` mode the waiting time is added to the rescheduled
  date. :attr:`Deadline.legal_due_at` never includes a rescheduling.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import NamedTuple, Protocol

from cchc._display import html_table, moment, summary
from cchc.calendar import OfficialCalendar
from cchc.errors import LifecycleError
from cchc.findings import Finding
from cchc.legal import Explanation, RuleVersion
from cchc.procedures import TimeUnit

from . import engine
from .deadline import EXPLAINERS, DueDate, terms
from .events import Event, EventKind
from .instants import NAT, NS_PER_DAY, from_local_ns, local_ns
from .one_stop_rules import OneStopRules
from .policy import DeadlinePolicy, SupplementMode
from .rescheduling import LATE_APOLOGY_CODE, late_apology_finding, second_message
from .supplements import judged_moment, late_by_requests, overdue_from
from .timeliness import Granularity, Progress, Timeliness, classify, progress_as_of

__all__ = ["Deadline", "DossierLike", "replay"]


class DossierLike(Protocol):
    """What :func:`replay` reads of a :class:`cchc.dossiers.Dossier`."""

    @property
    def events(self) -> Sequence[Event]: ...
    @property
    def amount(self) -> int: ...
    @property
    def unit(self) -> TimeUnit: ...
    @property
    def cutoff(self) -> time | None: ...
    @property
    def boundary_free(self) -> bool: ...
    @property
    def finish_event(self) -> int | None: ...
    @property
    def event_ns(self) -> tuple[int, ...]: ...


Trail = tuple[tuple[EventKind, datetime, datetime, str], ...]


def _moment(ns: int) -> datetime | None:
    return None if ns == NAT else from_local_ns(ns)


class Deadline(NamedTuple):
    """The replayed deadline of a dossier: moments kept as local nanoseconds (an immutable
    tuple, cheap to build), returned as aware datetimes in Asia/Ho_Chi_Minh by the
    properties ``due_at``, ``legal_due_at``, ``first_due_at``, ``start_at``,
    ``finished_at``, ``pending_supplement_since``, ``lapse_at``."""

    due_ns: int
    legal_due_ns: int
    first_due_ns: int
    first_start_ns: int
    start_ns: int
    finished_ns: int
    supplement_requests: int
    wait_ns: int
    pending_ns: int
    lapse_ns: int
    late_supplement_request: bool
    """A request came more than the allowed working days after receipt."""
    rescheduled: bool
    mode: SupplementMode
    rules: RuleVersion[OneStopRules]
    provisional: bool = False
    """True when a day outside the official calendar's coverage was used."""
    hourly: bool = False
    """The time limit is in hours: judged to the minute by default."""
    context: tuple[datetime, int, TimeUnit, DeadlinePolicy, OfficialCalendar | None] | None = None
    """The clock anchor as given, the terms, the policy and the calendar (for :meth:`first`)."""
    trail_ns: tuple[tuple[EventKind, int, int, str], ...] = ()
    """What each event did: (kind, moment, due moment after it, what applied), in ns."""
    payment_pending_ns: int = NAT
    """Set while a payment notice (chờ thực hiện nghĩa vụ tài chính) is unanswered."""
    payment_waits: int = 0
    """How many waits for the applicant's financial obligations ended (:mod:`.pauses`)."""
    stopped: bool = False
    """The dossier ended at the applicant's request (dừng thực hiện thủ tục hành chính, ND
    118/2025 Art 21: its finish is a ``withdrawn`` event): counted apart, neither early, on
    time nor late (registry ``CONV-STOP-APART``; the column engine's timeliness code
    :data:`~cchc.dossiers.timeliness.STOPPED`)."""
    findings: tuple[Finding, ...] = ()
    """Rule breaks kept rather than refused, e.g. an apology later than one day before the
    due day (code ``LC-APOLOGY-LATE``, :mod:`cchc.dossiers.rescheduling`)."""

    def _lines(self) -> list[tuple[str, object]]:
        return [
            ("due_at", moment(self.due_at)),
            ("legal_due_at", moment(self.legal_due_at)),
            ("first_due_at", moment(self.first_due_at)),
            ("start_at", moment(self.start_at)),
            ("finished_at", moment(self.finished_at)),
            ("supplement_requests", self.supplement_requests),
            ("rescheduled", self.rescheduled),
            ("rules", self.rules.value.name),
            ("findings", "; ".join(f.code for f in self.findings) or "-"),
        ]

    def __repr__(self) -> str:
        """A few lines: the due moments (+07:00), the finish and what applied."""
        return summary("Deadline", self._lines())

    def _repr_html_(self) -> str:
        """A small HTML table of the same values (for notebooks)."""
        return html_table(["", "value"], self._lines(), caption="Deadline")

    @property
    def late_apology(self) -> bool:
        """The apology came later than the rule allows (kept, flagged in :attr:`findings`)."""
        return any(f.code == LATE_APOLOGY_CODE for f in self.findings)

    @property
    def due_at(self) -> datetime:
        """Current due moment (after supplements and rescheduling)."""
        return from_local_ns(self.due_ns)

    @property
    def legal_due_at(self) -> datetime:
        """Due moment before any rescheduling (after supplements)."""
        return from_local_ns(self.legal_due_ns)

    @property
    def first_due_at(self) -> datetime:
        """Due moment written on the first receipt (before supplements)."""
        return from_local_ns(self.first_due_ns)

    @property
    def start_at(self) -> datetime:
        """When the clock (last) started."""
        return from_local_ns(self.start_ns)

    @property
    def finished_at(self) -> datetime | None:
        """The end of processing (None while in progress)."""
        return _moment(self.finished_ns)

    @property
    def supplement_wait(self) -> timedelta:
        """Total time spent waiting for supplements."""
        return timedelta(microseconds=self.wait_ns // 1000)

    @property
    def pending_supplement_since(self) -> datetime | None:
        """Set while a supplement request is unanswered."""
        return _moment(self.pending_ns)

    @property
    def lapse_at(self) -> datetime | None:
        """When an unanswered supplement request lets the desk close the dossier
        (ND 118/2025 Art 19(5): 15 days; counted as calendar days, an assumption;
        :func:`cchc.dossiers.engine.lapse_moment`)."""
        return _moment(self.lapse_ns)

    @property
    def first(self) -> DueDate | None:
        """The first due-date computation (for :meth:`explain`)."""
        if self.context is None:
            return None
        start_from, amount, unit, policy, calendar = self.context
        return DueDate(
            due_at=self.first_due_at,
            start_at=from_local_ns(self.first_start_ns),
            amount=amount,
            unit=unit,
            policy=policy.name,
            rules=self.rules,
            provisional=self.provisional,
            context=(start_from, policy, calendar),
        )

    @property
    def trail(self) -> Trail:
        """What each event did: (kind, moment, due moment after it, what applied)."""
        return tuple(
            (kind, from_local_ns(at), from_local_ns(due), note)
            for kind, at, due, note in self.trail_ns
        )

    def timeliness(self, granularity: Granularity | str | None = None) -> Timeliness | None:
        """Early / on time / late (None while in progress, and for a dossier stopped at the
        applicant's request: :attr:`stopped`, counted apart).

        ``granularity=None`` compares local days, or minutes when the limit is in
        hours (a result 6 hours after an 8-working-hour due moment is late, not
        "on the due day").

        In ``subtract_waiting`` mode a dossier with more than one supplement
        request is late, as on the 766 portal.
        """
        if self.finished_ns == NAT or self.stopped:
            return None
        if late_by_requests(self.supplement_requests, self.mode):
            return Timeliness.LATE
        if granularity is None:
            granularity = Granularity.MINUTE if self.hourly else Granularity.DAY
        judged = self.judged_at
        assert judged is not None
        return classify(judged, self.due_at, granularity)

    @property
    def judged_at(self) -> datetime | None:
        """The moment timeliness is judged at: the finish, or, for a dossier closed
        (refused, withdrawn, lapsed) while a supplement request was unanswered, the
        request moment (:func:`cchc.dossiers.supplements.judged_moment`). The clock
        stopped at the request: the 766 portal ends a dossier still waiting at the
        request, and under ND 61/2018 Art 19(4) / ND 118/2025 Art 19(5) the period only
        runs again on the complete dossier (which never came); the desk may close it 15
        days after the notice (ND 118/2025 Art 19(5))."""
        if self.finished_ns == NAT:
            return None
        pending = self.pending_ns != NAT
        return from_local_ns(judged_moment(self.finished_ns, self.pending_ns, pending))

    def progress_as_of(self, as_of: datetime) -> Progress | None:
        """In time / overdue at ``as_of``; None if finished by then.

        While a supplement is pending the dossier is in time if the request came by
        the due moment (``restart``: the clock restarts on the supplement;
        ``subtract_waiting``: the 766 portal ends it at the request), and overdue
        after the due moment if the request came later
        (:func:`cchc.dossiers.supplements.overdue_from`).
        """
        moment = local_ns(as_of, field="as_of")
        if self.finished_ns != NAT and self.finished_ns <= moment:
            return None
        if late_by_requests(self.supplement_requests, self.mode):
            return Progress.OVERDUE
        pending = self.pending_ns != NAT
        limit = overdue_from(self.due_ns, self.pending_ns, pending, None)
        paying = self.payment_pending_ns != NAT
        if limit is not None and paying:
            limit = overdue_from(limit, self.payment_pending_ns, paying, None)
        if limit is None:
            return Progress.IN_TIME
        return progress_as_of(from_local_ns(limit), from_local_ns(moment))

    def explain(self) -> Explanation:
        """How the current due date was obtained, event by event, citing the sources.

        ``str()`` of the result is Vietnamese text an officer can paste into a reply.
        """
        explained: Explanation = EXPLAINERS["deadline"](self)
        return explained


def replay(
    dossier: DossierLike,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> Deadline:
    """Replay ``dossier``'s events (see the module docstring)."""
    events = dossier.events
    pol, ops, tables = engine.setting(calendar, policy, dossier.cutoff)
    moments = dossier.event_ns
    if len(moments) != len(events):
        moments = tuple(local_ns(ev.at, field=f"events[{i}].at") for i, ev in enumerate(events))
    rec = moments[0]
    version = engine.scalar_rules(rec // NS_PER_DAY)
    rules = version.value
    start_from = rec
    if dossier.boundary_free:  # else there is no transfer to anchor the clock at
        moved = NAT
        for i, ev in enumerate(events):
            if ev.kind is _TRANSFERRED:
                moved = moments[i]
                break
        start_from = engine.anchor(rec, moved, True, rules.boundary_free_clock_at_authority)
    n, code, unit = terms(dossier.amount, dossier.unit)
    at_anchor = events[0].at if start_from == rec else from_local_ns(start_from)
    due, start = engine.scalar_period(start_from, n, code, unit, pol, tables, ops, at_anchor)
    first_due = legal = due
    first_start = start
    requests = reschedules = wait = payments = 0
    pending = paying = NAT
    late_request = False
    findings: list[Finding] = []
    trail: list[tuple[EventKind, int, int, str]] = []
    for i in range(1, len(events)):
        ev = events[i]
        kind = ev.kind
        if kind is _DECIDED or kind is _RETURNED:
            continue
        at = moments[i]
        if kind is _TRANSFERRED:
            if at == start_from and start_from != rec:
                trail.append((kind, at, due, "boundary_free_clock"))
        elif kind is _REQUESTED:
            requests += 1
            pending = at
            late = bool(
                engine.request_is_late(rec, at, rules.supplement_notice_working_days, tables, ops)
            )
            late_request = late_request or late
            trail.append((kind, at, due, "late" if late else ""))
        elif kind is _SUPPLIED and pending != NAT:
            wait += at - pending
            restarted = None
            if pol.supplement is _RESTART:
                restarted = engine.scalar_period(at, n, code, unit, pol, tables, ops, ev.at)
                start = restarted[1]
            due, legal = engine.supplied(due, legal, pending, at, True, pol.supplement, restarted)
            pending = NAT
            trail.append((kind, at, due, pol.supplement.value))
        elif kind is _PAYMENT_REQUESTED:
            paying = at
            trail.append((kind, at, due, ""))
        elif kind is _PAYMENT_DONE and paying != NAT:
            due = engine.paused(due, paying, at, True, pol, tables, ops)
            legal = engine.paused(legal, paying, at, True, pol, tables, ops)
            paying = NAT
            payments += 1
            trail.append((kind, at, due, "payment_wait"))
        elif kind is _RESCHEDULED:
            reschedules += 1
            assert ev.new_due_at is not None
            new_due = local_ns(ev.new_due_at, field="new_due_at")
            too_many, too_late, not_after = engine.apology_breaks(
                at, new_due, due, rules.reschedule_notice_days, reschedules, rules.max_reschedules
            )
            article = rules.article("reschedule")
            if too_many:
                raise LifecycleError(second_message(article), item=str(i), field="kind")
            if too_late:  # kept and flagged: the desk still prints it (rescheduling.py)
                findings.append(
                    late_apology_finding(
                        rules.reschedule_notice_days,
                        article,
                        from_local_ns(due).date().isoformat(),
                        f"events[{i}].at",
                    )
                )
            if not_after:
                raise LifecycleError(
                    f"new_due_at {from_local_ns(new_due).isoformat()} is not after the due "
                    f"date {from_local_ns(due).isoformat()}",
                    item=str(i),
                    field="new_due_at",
                )
            due = engine.rescheduled(due, new_due, True)
            trail.append((kind, at, due, "late" if too_late else ""))
    last = dossier.finish_event
    finished = NAT if last is None else moments[last]
    lapse = NAT
    if pending != NAT:
        lapse = engine.lapse_moment(pending, engine.rule_values(version, "supplement_lapse_days"))
    return _deadline(  # the fields in their order (a tuple built without keyword binding)
        (
            due,  # due_ns
            legal,  # legal_due_ns
            first_due,  # first_due_ns
            first_start,  # first_start_ns
            start,  # start_ns
            finished,  # finished_ns
            requests,  # supplement_requests
            wait,  # wait_ns
            pending,  # pending_ns
            lapse,  # lapse_ns
            late_request,  # late_supplement_request
            reschedules > 0,  # rescheduled
            pol.supplement,  # mode
            version,  # rules
            ops.used_provisional,  # provisional
            unit is _HOURS,  # hourly
            (at_anchor, n, unit, pol, calendar),  # context
            tuple(trail),  # trail_ns
            paying,  # payment_pending_ns
            payments,  # payment_waits
            last is not None and events[last].kind is _WITHDRAWN,  # stopped
            tuple(findings),  # findings
        )
    )


_deadline = functools.partial(tuple.__new__, Deadline)
"""``Deadline(*fields)`` without binding 22 arguments by name (a tuple of every field)."""
# Enum members bound once: reading one from its class costs a look-up on every event.
_DECIDED, _RETURNED, _TRANSFERRED = EventKind.DECIDED, EventKind.RETURNED, EventKind.TRANSFERRED
_REQUESTED, _SUPPLIED = EventKind.SUPPLEMENT_REQUESTED, EventKind.SUPPLEMENT_RECEIVED
_PAYMENT_REQUESTED, _PAYMENT_DONE = EventKind.PAYMENT_REQUESTED, EventKind.PAYMENT_DONE
_WITHDRAWN = EventKind.WITHDRAWN
_RESCHEDULED, _RESTART, _HOURS = EventKind.RESCHEDULED, SupplementMode.RESTART, TimeUnit.HOURS
