"""Dossiers (hồ sơ) and their lifecycle events.

A :class:`Dossier` records its procedure, channel, time limit and a list of
timestamped :class:`Event` objects. On construction the lifecycle is checked
against the one rule table :func:`cchc.dossiers.lifecycle.order_rules`
(:class:`~cchc.errors.LifecycleError`, naming the event index and field):

* the first event is ``received`` and there is only one;
* times never go backwards;
* ``supplement_received`` answers an open ``supplement_requested``, and
  requests do not overlap;
* ``decided`` only with no supplement pending; after it only ``returned``;
* ``refused``, ``withdrawn`` and ``returned`` end the dossier;
* ``rescheduled`` carries a ``new_due_at``.

Rules that need the calendar (at most one rescheduling, at least one day
before the due day: ND 61/2018 Art 19(9), ND 118/2025 Art 19(6)) are checked
when the events are replayed (:meth:`Dossier.deadline`).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from pydantic import Field, PrivateAttr

from cchc._model import CchcRecord
from cchc.calendar import OfficialCalendar, default_calendar
from cchc.errors import CalendarCoverageError, LifecycleError
from cchc.procedures import Channel, Procedure, ProcedureVersion, TimeUnit
from cchc.tz import require_aware

from .codes import parse_dossier_code
from .events import FINISHING_KINDS, Event, EventKind, finish_index
from .instants import from_local_ns, local_ns
from .lifecycle import check_events
from .policy import DeadlinePolicy
from .replay import Deadline, replay
from .timeliness import Granularity, Progress, Timeliness, due_within

__all__ = ["FINISHING_KINDS", "Dossier", "Event", "EventKind"]


class Dossier(CchcRecord):
    """A dossier (hồ sơ thủ tục hành chính) with its lifecycle."""

    code: str | None = Field(default=None, description="Mã số hồ sơ (TT 01/2018 Art 19).")
    procedure_code: str | None = Field(default=None, description="Mã TTHC.")
    procedure_version: ProcedureVersion | None = Field(
        default=None,
        description="Phiên bản TTHC (code + Quyết định công bố) in force at the receipt; "
        "a later announcement never changes this dossier's terms.",
    )
    field: str = Field(default="", description="Lĩnh vực (field).")
    agency: str = Field(default="", description="Cơ quan giải quyết (deciding agency).")
    channel: Channel = Field(description="Hình thức nộp (submission channel).")
    amount: int = Field(ge=0, description="Thời hạn giải quyết: amount.")
    unit: TimeUnit = Field(default=TimeUnit.WORKING_DAYS, description="Thời hạn: unit.")
    cutoff: time | None = Field(
        default=None, description="Per-procedure cut-off hour (giờ tiếp nhận muộn nhất)."
    )
    boundary_free: bool = Field(
        default=False,
        description="Nộp không phụ thuộc địa giới hành chính (clock rule of ND 309/2026).",
    )
    events: tuple[Event, ...] = Field(description="Sự kiện, oldest first.")
    _moments: tuple[int, ...] = PrivateAttr(default=())

    def __init__(self, **data: Any) -> None:
        super().__init__(**data)
        self._check()

    @classmethod
    def for_procedure(
        cls, procedure: Procedure, channel: Channel | str, events: list[Event], **extra: Any
    ) -> Dossier:
        """A dossier of ``procedure`` filed through ``channel`` (its per-channel limit).

        The dossier keeps ``procedure.version`` (code + announcement decision)
        as ``procedure_version``; pick the version in force at the receipt
        with :meth:`cchc.procedures.Catalogue.in_force`.
        """
        ch = Channel(channel)
        amount, unit = procedure.time_limit_for(ch).engine_terms()
        extra.setdefault("procedure_version", procedure.version)
        return cls(
            procedure_code=procedure.code,
            field=procedure.field,
            channel=ch,
            amount=amount,
            unit=TimeUnit(unit),
            cutoff=procedure.cutoff,
            events=tuple(events),
            **extra,
        )

    # -- lifecycle -------------------------------------------------------
    def _check(self) -> None:
        if self.code is not None:
            parse_dossier_code(self.code)
        if not self.events:
            raise LifecycleError("a dossier needs at least its 'received' event", field="events")
        moments: list[int] = []
        for i, ev in enumerate(self.events):
            require_aware(ev.at, field=f"events[{i}].at")
            if ev.new_due_at is not None:
                require_aware(ev.new_due_at, field=f"events[{i}].new_due_at")
            try:
                moments.append(local_ns(ev.at, field=f"events[{i}].at"))
            except CalendarCoverageError:  # past 31/12/9999: raised when a deadline is asked
                moments = []
                break
        check_events(self.events)
        self._moments = tuple(moments)

    @property
    def event_ns(self) -> tuple[int, ...]:
        """The events' moments as local nanoseconds (:mod:`.instants`), read once when the
        dossier is built (empty when one lies past 31/12/9999)."""
        moments: tuple[int, ...] = self.__pydantic_private__["_moments"]  # type: ignore[index]
        return moments

    # -- simple views ----------------------------------------------------
    @property
    def received_at(self) -> datetime:
        """The receipt moment (the first event)."""
        return self.events[0].at

    @property
    def finished_at(self) -> datetime | None:
        """The end of processing: ``decided`` if any, else the first other finishing event."""
        last = finish_index(self.events)
        return None if last is None else self.events[last].at

    @property
    def outcome(self) -> EventKind | None:
        """The kind of the finishing event (None while in progress)."""
        kinds = [ev.kind for ev in self.events]
        if EventKind.DECIDED in kinds:
            return EventKind.DECIDED
        return next((k for k in kinds if k in FINISHING_KINDS), None)

    def events_of(self, kind: EventKind) -> list[Event]:
        """The events of one kind, in order."""
        return [ev for ev in self.events if ev.kind is kind]

    def clock_anchor(self, boundary_free_rule: bool) -> datetime:
        """The moment the clock is anchored to before policies apply.

        Under ND 309/2026 Art 8(3) a boundary-free dossier starts when the
        competent authority receives it (its first ``transferred`` event).
        """
        if self.boundary_free and boundary_free_rule:
            moved = self.events_of(EventKind.TRANSFERRED)
            if moved:
                return moved[0].at
        return self.received_at

    # -- deadline replay (engine in cchc.dossiers.replay) ------------------
    def deadline(
        self,
        *,
        calendar: OfficialCalendar | None = None,
        policy: DeadlinePolicy | str | None = None,
    ) -> Deadline:
        """Replay the events: due date after supplements and rescheduling.

        An apology later than one day before the due day is kept and flagged in
        :attr:`Deadline.findings <cchc.dossiers.Deadline.findings>` (``LC-APOLOGY-LATE``).

        Raises:
            LifecycleError: a second rescheduling, or a new date not after the due date
                (ND 61/2018 Art 19(9), ND 118/2025 Art 19(6)).
        """
        return replay(self, calendar=calendar, policy=policy)

    def due_date(
        self,
        *,
        calendar: OfficialCalendar | None = None,
        policy: DeadlinePolicy | str | None = None,
    ) -> datetime:
        """The current due moment (after every supplement and rescheduling)."""
        return self.deadline(calendar=calendar, policy=policy).due_at

    def timeliness(
        self,
        *,
        calendar: OfficialCalendar | None = None,
        policy: DeadlinePolicy | str | None = None,
        granularity: Granularity | str | None = None,
    ) -> Timeliness | None:
        """Early / on time / late for a finished dossier (None while in progress)."""
        return self.deadline(calendar=calendar, policy=policy).timeliness(granularity)

    def progress_as_of(
        self,
        as_of: datetime,
        *,
        calendar: OfficialCalendar | None = None,
        policy: DeadlinePolicy | str | None = None,
    ) -> Progress | None:
        """In time / overdue as of a moment (None if not yet received or finished by then).

        Judged on the dossier's recorded dates (after all its supplements and
        rescheduling), as the statistics are.
        """
        if local_ns(as_of, field="as_of") < local_ns(self.received_at):
            return None
        return self.deadline(calendar=calendar, policy=policy).progress_as_of(as_of)

    def due_within(
        self,
        working_days: int,
        as_of: datetime,
        *,
        calendar: OfficialCalendar | None = None,
        policy: DeadlinePolicy | str | None = None,
    ) -> bool:
        """Reminder test: unfinished at ``as_of`` and due within ``working_days``."""
        moment = from_local_ns(local_ns(as_of, field="as_of"))
        cal = calendar if calendar is not None else default_calendar()
        dl = self.deadline(calendar=cal, policy=policy)
        if dl.finished_at is not None and dl.finished_at <= moment:
            return False
        return due_within(dl.due_at, moment, working_days, calendar=cal)
