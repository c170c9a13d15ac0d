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

The record also holds what one-stop systems keep and the portal exchanges
(:mod:`.submission`): the ``applicant`` (masked in ``repr`` and errors), the
chosen ``case``, the ``papers`` submitted, the ``fees`` due and the ``payments``
made, the ``result_kind``, whether the result goes by post and whether the
dossier was synced to the portal. :meth:`Dossier.findings` checks the papers
against the case's parts, the payments against the fees and the code against
the regime of its receipt day; :meth:`Dossier.to_portal_payload` and
:meth:`Dossier.from_portal_payload` exchange it with the portal (:mod:`.portal`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any

from pydantic import Field, PrivateAttr, model_validator

from cchc._model import CchcRecord
from cchc.calendar import OfficialCalendar, default_calendar
from cchc.errors import CalendarCoverageError, LifecycleError, ValidationError
from cchc.findings import Finding, Severity
from cchc.procedures import Channel, Procedure, ProcedureVersion, TimeUnit
from cchc.tz import require_aware, to_vn

from .codes import check_dossier_code, code_regime, parse_dossier_code
from .events import FINISHING_KINDS, Event, EventKind, finish_index
from .instants import NAT, from_local_ns, local_ns
from .lifecycle import check_events
from .policy import DeadlinePolicy
from .portal import dossier_fields_from_payload, portal_status_of, to_payload
from .replay import Deadline, replay
from .submission import (
    Applicant,
    DossierFee,
    FeePayment,
    ResultKind,
    SubmittedPaper,
    check_fees_paid,
    check_papers,
    fees_due,
)
from .timeliness import Granularity, Progress, Timeliness, due_within

__all__ = ["FINISHING_KINDS", "Dossier", "Event", "EventKind"]


_Read = tuple[tuple[Event, ...], tuple[int, ...], int | None]


def _item(x: Any, key: str) -> Any:
    return x.get(key) if isinstance(x, Mapping) else getattr(x, key, None)


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
    applicant: Applicant | None = Field(
        default=None, description="Người nộp hồ sơ / chủ hồ sơ (masked in repr and errors)."
    )
    case: str | None = Field(
        default=None, description="Trường hợp chosen, by its name in the procedure record."
    )
    papers: tuple[SubmittedPaper, ...] = Field(
        default=(), description="Thành phần hồ sơ đã nộp (checked against the case's parts)."
    )
    fees: tuple[DossierFee, ...] = Field(
        default=(), description="Phí, lệ phí phải nộp, at the amounts due on the receipt day."
    )
    payments: tuple[FeePayment, ...] = Field(default=(), description="Phí, lệ phí đã nộp.")
    result_kind: ResultKind | None = Field(
        default=None, description="Kết quả bản giấy / bản điện tử (None: not recorded)."
    )
    return_by_post: bool = Field(
        default=False, description="Nhận kết quả qua dịch vụ bưu chính công ích (HinhThuc 1)."
    )
    synced: bool = Field(
        default=False, description="Đã đồng bộ lên Cổng Dịch vụ công quốc gia (766 1.4)."
    )
    digitised: bool = Field(
        default=False,
        description="Số hóa thành phần hồ sơ (766 4.2); when not given, whether some paper "
        "was digitised at receipt.",
    )
    paid_online: bool = Field(
        default=False,
        description="Thanh toán trực tuyến (766 6.1); when not given, whether some payment "
        "was made online.",
    )
    has_fees: bool = Field(
        default=False,
        description="Có nghĩa vụ tài chính: a fee other than 0 is due (the base of 766 6.1); "
        "when not given, whether some fee due is not 0.",
    )
    officer: str | None = Field(
        default=None, description="Cán bộ tiếp nhận hồ sơ (signs the receipt and requests)."
    )
    signer: str | None = Field(
        default=None,
        description="Người ký văn bản của cơ quan giải quyết (the apology and the stop notice).",
    )
    _read: _Read | None = PrivateAttr(default=None)
    """What the replay reads of the events, found once: (the events, their moments, the finish
    index), valid while ``events`` is that tuple (a copy with other events recomputes)."""

    def __init__(self, **data: Any) -> None:
        super().__init__(**data)
        self._check()

    @model_validator(mode="before")
    @classmethod
    def _derived_flags(cls, data: Any) -> Any:
        """The 766 flags, when not given, from the papers, payments and fees recorded."""
        if not isinstance(data, Mapping):
            return data
        out = dict(data)
        for flag, items, key in (
            ("digitised", "papers", "digitised"),
            ("paid_online", "payments", "online"),
            ("has_fees", "fees", "amount_vnd"),
        ):
            raw = out.get(items) or ()
            # Anything but a list is left to the field's own check (a typed error there).
            if flag not in out and isinstance(raw, list | tuple):
                out[flag] = any(_item(x, key) for x in raw)
        return out

    @model_validator(mode="after")
    def _flags_agree(self) -> Dossier:
        for flag, found in (
            ("digitised", any(p.digitised for p in self.papers)),
            ("paid_online", any(p.online for p in self.payments)),
            ("has_fees", any(f.amount_vnd for f in self.fees)),
        ):
            if found and not getattr(self, flag):
                raise ValueError(f"{flag} is false but the records say otherwise")
        return self

    @classmethod
    def for_procedure(
        cls,
        procedure: Procedure,
        channel: Channel | str,
        events: list[Event] | tuple[Event, ...],
        *,
        case: str | None = None,
        **extra: Any,
    ) -> Dossier:
        """A dossier of ``procedure`` filed through ``channel`` in ``case`` (its limit and fees).

        The time limit is the case's and channel's
        (:meth:`~cchc.procedures.Procedure.time_limit_for`); unless ``fees=`` is
        given, the fees due are the case's and channel's at the amounts due on the
        receipt day (:func:`~cchc.procedures.amount_due`: a dated reduction such as
        Thông tư 64/2025/TT-BTC applies by that day). The dossier keeps
        ``procedure.version`` (code + announcement decision) as
        ``procedure_version``; pick the version in force at the receipt with
        :meth:`cchc.procedures.Catalogue.in_force`.

        Raises:
            ValidationError: ``case`` is not one of the procedure's cases.
        """
        ch = Channel(channel)
        if case is not None:
            procedure.case(case)
        amount, unit = procedure.time_limit_for(ch, case).engine_terms()
        extra.setdefault("procedure_version", procedure.version)
        if "fees" not in extra and events:
            extra["fees"] = fees_due(procedure.fees_for(ch, case), to_vn(events[0].at).date())
        base: dict[str, Any] = {
            "procedure_code": procedure.code,
            "field": procedure.field,
            "channel": ch,
            "amount": amount,
            "unit": TimeUnit(unit),
            "cutoff": procedure.cutoff,
            "events": tuple(events),
            "case": case,
        }
        return cls(**{**base, **extra})

    @classmethod
    def from_portal_payload(
        cls,
        payload: Mapping[str, Any],
        *,
        procedure: Procedure,
        channel: Channel | str,
        case: str | None = None,
        **extra: Any,
    ) -> Dossier:
        """A dossier rebuilt from a portal sync payload (:mod:`.portal`).

        The payload carries no channel, time limit or case: they come from
        ``procedure``, ``channel`` and ``case`` as in :meth:`for_procedure`; its
        fees are the payload's (``DanhSachLePhi``). ``extra`` sets what the payload
        cannot carry (``payments``, ``result_kind``, ``synced`` …).

        Raises:
            ValidationError: a bad payload (naming the key) or a procedure whose
                code is not the payload's ``MaTTHC``.
        """
        fields = dossier_fields_from_payload(payload)
        code = fields.pop("procedure_code")
        if code is not None and code != procedure.code:
            raise ValidationError(
                f"the payload is of procedure {code!r}, not {procedure.code!r}", field="MaTTHC"
            )
        if not fields["field"]:
            del fields["field"]
        events = fields.pop("events")
        return cls.for_procedure(procedure, channel, events, case=case, **{**fields, **extra})

    # -- lifecycle -------------------------------------------------------
    def _check(self) -> None:
        if not self.events:
            raise LifecycleError("a dossier needs at least its 'received' event", field="events")
        if self.code is not None:
            regime = code_regime(
                to_vn(require_aware(self.events[0].at, field="events[0].at")).date()
            )
            if regime is not None and regime.format_checked:
                parse_dossier_code(self.code)
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
        self._read = (self.events, tuple(moments), finish_index(self.events))

    @property
    def event_ns(self) -> tuple[int, ...]:
        """The events' moments as local nanoseconds (:mod:`.instants`), read once when the
        dossier is built (empty when one lies past 31/12/9999, or for a copy given other
        events)."""
        read: _Read | None = self.__pydantic_private__["_read"]  # type: ignore[index]
        return read[1] if read is not None and read[0] is self.events else ()

    @property
    def finish_event(self) -> int | None:
        """The index of the event that ends processing (:func:`~.events.finish_index`: ``decided``
        if any, else the first other finishing event; None while in progress), found once
        when the dossier is built."""
        read: _Read | None = self.__pydantic_private__["_read"]  # type: ignore[index]
        if read is not None and read[0] is self.events:
            return read[2]
        return finish_index(self.events)

    # -- simple views ----------------------------------------------------
    @property
    def received_at(self) -> datetime:
        """The receipt moment (the first event)."""
        return self.events[0].at

    @property
    def finished_at(self) -> datetime | None:
        """The end of processing: ``decided`` if any, else the first other finishing event."""
        last = self.finish_event
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

    def upto(self, n: int) -> Dossier:
        """This dossier cut to its first ``n`` events (at least the receipt), checked again."""
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data["events"] = self.events[: max(n, 1)]
        return type(self)(**data)

    # -- the record: findings, portal exchange ----------------------------
    def findings(self, procedure: Procedure | None = None) -> list[Finding]:
        """What is wrong with the record, as findings (never an identity number in full).

        The code against the regime of the receipt day (``code-format``,
        ``code-date``); with ``procedure``, the papers against the chosen case's
        parts (``missing-part``, ``short-count``, ``unknown-paper``); the payments
        against the fees due (``underpaid``, ``unknown-payment``).
        """
        day = to_vn(self.received_at).date()
        found = [] if self.code is None else check_dossier_code(self.code, day)
        if procedure is not None and self.case is None and len(procedure.cases) > 1:
            found.append(
                Finding(
                    code="no-case",
                    severity=Severity.WARNING,
                    message=f"procedure {procedure.code} has {len(procedure.cases)} cases and "
                    "the dossier names none: papers not checked",
                    message_vi="Hồ sơ chưa chọn trường hợp của thủ tục: chưa kiểm tra thành phần",
                    field="case",
                )
            )
        elif procedure is not None:
            chosen = procedure.case(self.case)
            if chosen is not None:
                found.extend(check_papers(chosen, self.papers))
        found.extend(check_fees_paid(self.fees, self.payments, on=day))
        return found

    def portal_status(self, at: datetime | None = None) -> int | None:
        """The portal's status code (TrangThaiHoSo 1-10) as of ``at`` (default: now as
        recorded, the last event); None before the receipt (:mod:`.portal`)."""
        return portal_status_of(self.events, at)

    def to_portal_payload(
        self,
        *,
        procedure: Procedure | None = None,
        calendar: OfficialCalendar | None = None,
        policy: DeadlinePolicy | str | None = None,
    ) -> dict[str, Any]:
        """The portal sync payload of this dossier (:mod:`.portal`; dates yyyyMMddHHmmss).

        ``NgayHenTra`` and each supplement's ``NgayHenTraTruoc`` / ``NgayHenTraMoi``
        come from the deadline engine; ``procedure`` fills ``TenTTHC``.

        Raises:
            ValidationError: no dossier code or no procedure code.
        """

        def due_of(n: int) -> datetime:
            return self.upto(n).due_date(calendar=calendar, policy=policy)

        return to_payload(self, due_of=due_of, procedure_name=procedure.name if procedure else "")

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
        paying = dl.payment_pending_ns
        if paying != NAT and paying <= local_ns(moment, field="as_of"):
            return False  # waiting for the applicant's financial obligations (pauses)
        return due_within(dl.due_at, moment, working_days, calendar=cal)
