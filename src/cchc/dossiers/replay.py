"""Replaying a dossier's events into its deadline.

Order of operations, for the rule set in force on the receipt date
(:func:`cchc.dossiers.rules.rules_in_force`):

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
   ``new_due_at``. A second one raises :class:`~cchc.errors.LifecycleError`.

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

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Protocol

import attrs

from cchc.calendar import CalendarOps, OfficialCalendar
from cchc.errors import LifecycleError
from cchc.legal import Explanation, RuleVersion
from cchc.procedures import TimeUnit

from .deadline import DueDate, compute_due
from .events import Event, EventKind
from .explain import explanation
from .instants import from_local_ns, local_ns
from .policy import DeadlinePolicy, SupplementMode, get_policy
from .replay_explain import replay_steps
from .rescheduling import late_apology, late_apology_message, not_later, second_message
from .rules import OneStopRules, rules_in_force
from .supplements import after_waiting, clock_anchor, judged_moment, late_by_requests, overdue_from
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
    def received_at(self) -> datetime: ...
    @property
    def finished_at(self) -> datetime | None: ...

    def clock_anchor(self, boundary_free_rule: bool) -> datetime: ...


@attrs.frozen
class Deadline:
    """The replayed deadline of a dossier."""

    due_at: datetime
    """Current due moment (after supplements and rescheduling)."""
    legal_due_at: datetime
    """Due moment before any rescheduling (after supplements)."""
    first_due_at: datetime
    """Due moment written on the first receipt (before supplements)."""
    start_at: datetime
    """When the clock (last) started."""
    finished_at: datetime | None
    supplement_requests: int
    supplement_wait: timedelta
    """Total time spent waiting for supplements."""
    pending_supplement_since: datetime | None
    """Set while a supplement request is unanswered."""
    lapse_at: datetime | None
    """When an unanswered supplement request lets the desk close the dossier
    (ND 118/2025 Art 19(5): 15 days; counted as calendar days, an assumption)."""
    late_supplement_request: bool
    """A request came more than the allowed working days after receipt."""
    rescheduled: bool
    mode: SupplementMode
    rules: RuleVersion[OneStopRules]
    provisional: bool = False
    """True when a day outside the official calendar's coverage was used."""
    hourly: bool = False
    """The time limit is in hours: judged to the minute by default."""
    first: DueDate | None = attrs.field(default=None, eq=False, repr=False)
    """The first due-date computation (for :meth:`explain`)."""
    trail: tuple[tuple[EventKind, datetime, datetime, str], ...] = attrs.field(
        default=(), eq=False, repr=False
    )
    """What each event did: (kind, moment, due moment after it, what applied)."""

    def timeliness(self, granularity: Granularity | str | None = None) -> Timeliness | None:
        """Early / on time / late (None while in progress).

        ``granularity=None`` compares local days, or minutes when the limit is in
        hours (a result 6 hours after an 8-working-hour due moment is late, not
        "on the due day").

        In ``subtract_waiting`` mode a dossier with more than one supplement
        request is late, as on the 766 portal.
        """
        if self.finished_at is None:
            return None
        if late_by_requests(self.supplement_requests, self.mode):
            return Timeliness.LATE
        if granularity is None:
            granularity = Granularity.MINUTE if self.hourly else Granularity.DAY
        return classify(self.judged_at or self.finished_at, self.due_at, granularity)

    @property
    def judged_at(self) -> datetime | None:
        """The moment timeliness is judged at: the finish, or, for a dossier closed
        (refused, withdrawn, lapsed) while a supplement request was unanswered, the
        request moment (:func:`cchc.dossiers.supplements.judged_moment`). The clock
        stopped at the request: the 766 portal ends a dossier still waiting at the
        request, and under ND 61/2018 Art 19(4) / ND 118/2025 Art 19(5) the period only
        runs again on the complete dossier (which never came); the desk may close it 15
        days after the notice (ND 118/2025 Art 19(5))."""
        if self.finished_at is None:
            return None
        pending = self.pending_supplement_since is not None
        moment: datetime = judged_moment(self.finished_at, self.pending_supplement_since, pending)
        return moment

    def progress_as_of(self, as_of: datetime) -> Progress | None:
        """In time / overdue at ``as_of``; None if finished by then.

        While a supplement is pending the dossier is in time if the request came by
        the due moment (``restart``: the clock restarts on the supplement;
        ``subtract_waiting``: the 766 portal ends it at the request), and overdue
        after the due moment if the request came later
        (:func:`cchc.dossiers.supplements.overdue_from`).
        """
        moment = from_local_ns(local_ns(as_of, field="as_of"))
        if self.finished_at is not None and self.finished_at <= moment:
            return None
        if late_by_requests(self.supplement_requests, self.mode):
            return Progress.OVERDUE
        pending = self.pending_supplement_since is not None
        since = self.pending_supplement_since
        limit = overdue_from(
            self.due_at, since if since is not None else self.due_at, pending, None
        )
        if limit is None:
            return Progress.IN_TIME
        return progress_as_of(limit, moment)

    def explain(self) -> Explanation:
        """How the current due date was obtained, event by event, citing the sources.

        ``str()`` of the result is Vietnamese text an officer can paste into a reply.
        """
        steps = replay_steps(self.first, self.trail, self)
        return explanation(steps, "hạn giải quyết hồ sơ", "dossier's due date")


def replay(
    dossier: DossierLike,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> Deadline:
    """Replay ``dossier``'s events (see the module docstring)."""
    pol = get_policy(policy)
    if dossier.cutoff is not None:
        pol = pol.with_cutoff(dossier.cutoff)
    cal = CalendarOps(calendar, pol.provisional)
    received = from_local_ns(local_ns(dossier.received_at, field="events[0].at"))
    version = rules_in_force(received.date())
    rules = version.value
    anchor = dossier.clock_anchor(rules.boundary_free_clock_at_authority)
    first = compute_due(anchor, dossier.amount, dossier.unit, calendar=cal, policy=pol)
    due = first.due_at
    start = first.start_at
    legal_due = due
    requests = 0
    wait = timedelta(0)
    pending: datetime | None = None
    late_request = False
    reschedules = 0
    trail: list[tuple[EventKind, datetime, datetime, str]] = []
    for i, ev in enumerate(dossier.events):
        at = from_local_ns(local_ns(ev.at, field=f"events[{i}].at"))
        if ev.kind is EventKind.TRANSFERRED and ev.at == anchor and anchor != dossier.received_at:
            trail.append((ev.kind, at, due, "boundary_free_clock"))
        elif ev.kind is EventKind.SUPPLEMENT_REQUESTED:
            requests += 1
            pending = at
            used = cal.between(received.date(), at.date())
            late = used > rules.supplement_notice_working_days
            late_request = late_request or late
            trail.append((ev.kind, at, due, "late" if late else ""))
        elif ev.kind is EventKind.SUPPLEMENT_RECEIVED and pending is not None:
            wait += at - pending
            start_from = clock_anchor(None, at, True, pol.supplement)
            if start_from is not None:
                # the period restarts from scratch: an earlier rescheduling is superseded
                restarted = compute_due(
                    start_from, dossier.amount, dossier.unit, calendar=cal, policy=pol
                )
                due = legal_due = restarted.due_at
                start = restarted.start_at
            else:
                # 766: the current due moment (rescheduled or not) moves by the waiting time
                due = after_waiting(due, pending, at, True, pol.supplement)
                legal_due = after_waiting(legal_due, pending, at, True, pol.supplement)
            pending = None
            trail.append((ev.kind, at, due, pol.supplement.value))
        elif ev.kind is EventKind.RESCHEDULED:
            reschedules += 1
            article = rules.article("reschedule")
            if reschedules > rules.max_reschedules:
                raise LifecycleError(second_message(article), item=str(i), field="kind")
            if late_apology(at.toordinal(), due.toordinal(), rules.reschedule_notice_days):
                raise LifecycleError(
                    late_apology_message(
                        rules.reschedule_notice_days, article, due.date().isoformat()
                    ),
                    item=str(i),
                    field="at",
                )
            assert ev.new_due_at is not None
            new_due = from_local_ns(local_ns(ev.new_due_at, field="new_due_at"))
            if not_later(new_due, due):
                raise LifecycleError(
                    f"new_due_at {new_due.isoformat()} is not after the due date {due.isoformat()}",
                    item=str(i),
                    field="new_due_at",
                )
            due = new_due
            trail.append((ev.kind, at, due, ""))
    finished = dossier.finished_at
    lapse = None
    if pending is not None and rules.supplement_lapse_days is not None:
        lapse = pending + timedelta(days=rules.supplement_lapse_days)
    return Deadline(
        due_at=due,
        legal_due_at=legal_due,
        first_due_at=first.due_at,
        start_at=start,
        finished_at=None if finished is None else from_local_ns(local_ns(finished, "finished_at")),
        supplement_requests=requests,
        supplement_wait=wait,
        pending_supplement_since=pending,
        lapse_at=lapse,
        late_supplement_request=late_request,
        rescheduled=reschedules > 0,
        mode=pol.supplement,
        rules=version,
        provisional=cal.used_provisional,
        hourly=TimeUnit(dossier.unit) is TimeUnit.HOURS,
        first=first,
        trail=tuple(trail),
    )
