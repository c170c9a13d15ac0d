"""Filling a one-stop form from a dossier (điền biểu mẫu từ hồ sơ).

What the dossier records fills the form (:class:`~cchc.dossiers.Dossier`: the
applicant's name, address, phone and email, the papers submitted, the officer and
the signer, the code; for a dossier that records its papers, the papers a
supplement request lists are the case's missing or short parts, else the request's
note); a keyword input overrides it.

The regime is chosen by the date of the event that produces the form (the
receipt for the slip and the control sheet, the supplement request, the
refusal, the rescheduling, the stop), and every date comes from the dossier
engine (:meth:`cchc.dossiers.Dossier.deadline`):

* receipt: the due moment written on the slip (``Deadline.first_due_at``);
* supplement request: the request moment and, where the decree in force sets
  one, the date after which an unanswered request lets the desk close the
  dossier (ND 118/2025 Art 19(5): 15 days, counted as calendar days);
* apology: the due moment in force before the rescheduling and the
  rescheduled event's ``new_due_at``;
* stop notice: the moment of the ``withdrawn`` event (ND 118/2025 Art 21);
* control sheet: one row per event, the result judged against the due date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from cchc.calendar import OfficialCalendar
from cchc.dossiers import Deadline, DeadlinePolicy, Dossier, EventKind, supplement_lapse_at
from cchc.dossiers.submission import check_papers
from cchc.errors import ValidationError
from cchc.procedures import Procedure

from .common import Inputs, build_form, find_event, pick_regime, resolve_procedure
from .kinds import FormKind
from .model import Form
from .parts import FormField, FormTable
from .regimes import Regime
from .vndates import limit_text, moment_text

__all__ = ["fill"]


@attrs.frozen
class _Ctx:
    """What a filler reads: the dossier, procedure, agency, inputs, engine and regime."""

    dossier: Dossier
    proc: Procedure
    agency: str
    inputs: Inputs
    dl: Deadline
    calendar: OfficialCalendar | None
    policy: DeadlinePolicy | str | None
    reg: Regime


def _code(dossier: Dossier, inputs: Inputs) -> str:
    return inputs.need("code", fallback=dossier.code)


def _applicant(c: _Ctx) -> str:
    who = c.dossier.applicant
    return c.inputs.need("applicant", fallback=None if who is None else who.name)


def _contact(c: _Ctx) -> list[FormField]:
    who = c.dossier.applicant
    recorded = {
        "address": None if who is None else who.address,
        "phone": None if who is None else who.phone,
        "email": None if who is None else who.email,
    }
    out = []
    for name, label in (("address", "Địa chỉ"), ("phone", "Số điện thoại"), ("email", "Email")):
        value = c.inputs.get(name) or recorded[name]
        if value is not None:
            out.append(FormField(label=label, value=value))
    return out


def _opening(c: _Ctx, addressee: str) -> list[FormField]:
    """Addressee, dossier code, request and receipt moment: the first lines of the
    apology, the stop notice and the control sheet."""
    return [
        FormField(label=addressee, value=_applicant(c)),
        FormField(label="Mã hồ sơ", value=_code(c.dossier, c.inputs)),
        FormField(label="Nội dung yêu cầu giải quyết", value=c.proc.name),
        FormField(label="Thời gian nhận hồ sơ", value=moment_text(c.dossier.received_at)),
    ]


def _receipt(c: _Ctx) -> tuple[list[FormField], list[str], None]:
    dossier, proc, agency, inputs, dl, reg = c.dossier, c.proc, c.agency, c.inputs, c.dl, c.reg
    applicant = _applicant(c)
    officer = inputs.need("officer", fallback=dossier.officer)
    papers = inputs.need_list("papers", fallback=[p.name for p in dossier.papers])
    by_post = "Dịch vụ bưu chính công ích" if dossier.return_by_post else None
    fields = [
        FormField(label="Mã hồ sơ", value=_code(dossier, inputs)),
        FormField(label=reg.desk, value=agency),
        FormField(label="Tiếp nhận hồ sơ của", value=applicant),
        *_contact(c),
        FormField(label="Nội dung yêu cầu giải quyết", value=proc.name),
        FormField(label="1. Thành phần hồ sơ nộp gồm", items=papers),
        FormField(label="2. Số lượng hồ sơ", value=f"{inputs.count('copies', 1):02d} (bộ)"),
        FormField(
            label="3. Thời gian giải quyết hồ sơ theo quy định là",
            value=limit_text(dossier.amount, dossier.unit),
        ),
        FormField(label="4. Thời gian nhận hồ sơ", value=moment_text(dossier.received_at)),
        FormField(
            label="5. Thời gian trả kết quả giải quyết hồ sơ", value=moment_text(dl.first_due_at)
        ),
        FormField(
            label="6. Đăng ký nhận kết quả tại",
            value=inputs.get("return_at") or by_post or f"{agency}",
        ),
    ]
    book, entry = inputs.get("book_no"), inputs.get("entry_no")
    if book and entry:
        fields.append(
            FormField(label="Vào Sổ theo dõi hồ sơ, Quyển số", value=f"{book}, Số thứ tự: {entry}")
        )
    return fields, [applicant, officer], None


_TO_SUPPLY = ("missing-part", "short-count")


def _missing(c: _Ctx, note: str | None) -> list[str]:
    """The papers to supply, for a dossier that records its papers: the case's missing or
    short parts, else the request's note (a dossier without papers needs ``missing=``)."""
    if not c.dossier.papers:
        return []
    if c.dossier.case is not None or len(c.proc.cases) == 1:
        chosen = c.proc.case(c.dossier.case)
        if chosen is not None:
            found = [f for f in check_papers(chosen, c.dossier.papers) if f.code in _TO_SUPPLY]
            if found:
                return [f.message_vi or f.message for f in found]
    return [note] if note else []


def _supplement(c: _Ctx) -> tuple[list[FormField], list[str], None]:
    dossier, proc, inputs, dl = c.dossier, c.proc, c.inputs, c.dl
    _, ev = find_event(dossier, EventKind.SUPPLEMENT_REQUESTED, FormKind.SUPPLEMENT_REQUEST)
    officer = inputs.need("officer", fallback=dossier.officer)
    fields = [
        FormField(label="Mã hồ sơ", value=_code(dossier, inputs)),
        FormField(label="Hồ sơ của", value=_applicant(c)),
        *_contact(c),
        FormField(label="Nội dung yêu cầu giải quyết", value=proc.name),
        FormField(label="Thời gian nhận hồ sơ", value=moment_text(dossier.received_at)),
        FormField(label="Thời gian yêu cầu bổ sung", value=moment_text(ev.at)),
        FormField(
            label="Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau",
            items=inputs.need_list("missing", fallback=_missing(c, ev.note)),
        ),
        FormField(label="Lý do", value=inputs.need("reason", fallback=ev.note)),
    ]
    rules = dl.rules.value
    lapse = supplement_lapse_at(ev.at, dl.rules)
    if lapse is not None:
        fields.append(
            FormField(
                label=f"Thời hạn bổ sung hồ sơ (quá thời hạn, hồ sơ có thể bị đóng theo "
                f"{rules.article('supplement_lapse')})",
                value=moment_text(lapse),
            )
        )
    contact = inputs.get("contact")
    fields.append(
        FormField(
            label="Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với",
            value=f"{officer}, số điện thoại {contact}" if contact else officer,
        )
    )
    return fields, [officer], None


def _refusal(c: _Ctx) -> tuple[list[FormField], list[str], None]:
    dossier, proc, agency, inputs, reg = c.dossier, c.proc, c.agency, c.inputs, c.reg
    _, ev = find_event(dossier, EventKind.REFUSED, FormKind.REFUSAL)
    code = inputs.get("code") or dossier.code
    fields = [FormField(label="Mã hồ sơ", value=code)] if code else []
    fields += [
        FormField(label=reg.desk, value=agency),
        FormField(label="Tiếp nhận hồ sơ của", value=_applicant(c)),
        *_contact(c),
        FormField(label="Nội dung yêu cầu giải quyết", value=proc.name),
        FormField(label="Thời gian nhận hồ sơ", value=moment_text(dossier.received_at)),
        FormField(
            label="Lý do từ chối tiếp nhận, giải quyết hồ sơ",
            value=inputs.need("reason", fallback=ev.note),
        ),
        FormField(
            label="Thông báo",
            value=f"{agency} từ chối tiếp nhận, giải quyết hồ sơ này; xin thông báo để "
            "Ông/Bà được biết và thực hiện./.",
        ),
    ]
    return fields, [inputs.need("officer", fallback=dossier.officer)], None


def _apology(c: _Ctx) -> tuple[list[FormField], list[str], None]:
    dossier, agency, inputs = c.dossier, c.agency, c.inputs
    i, ev = find_event(dossier, EventKind.RESCHEDULED, FormKind.APOLOGY)
    before = dossier.model_copy(update={"events": dossier.events[:i]})
    old_due = before.deadline(calendar=c.calendar, policy=c.policy).due_at
    assert ev.new_due_at is not None  # the Dossier checks it
    new_due = moment_text(ev.new_due_at)
    fields = [
        *_opening(c, "Kính gửi"),
        FormField(label="Thời gian hẹn trả kết quả giải quyết hồ sơ", value=moment_text(old_due)),
        FormField(label="Lý do chậm trả kết quả", value=inputs.need("reason", fallback=ev.note)),
        FormField(label="Thời gian hẹn trả kết quả lần sau", value=new_due),
        FormField(
            label="Lời xin lỗi",
            value=f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và "
            f"sẽ trả kết quả giải quyết hồ sơ vào {new_due}./.",
        ),
    ]
    return fields, [inputs.need("signer", fallback=dossier.signer)], None


def _stop(c: _Ctx) -> tuple[list[FormField], list[str], None]:
    dossier, agency, inputs, dl = c.dossier, c.agency, c.inputs, c.dl
    _, ev = find_event(dossier, EventKind.WITHDRAWN, FormKind.STOP_NOTICE)
    fields = [
        *_opening(c, "Kính gửi"),
        FormField(label="Thời gian dừng giải quyết hồ sơ", value=moment_text(ev.at)),
        FormField(label="Lý do", value=inputs.need("reason", fallback=ev.note)),
        FormField(
            label="Thông báo",
            value=f"Căn cứ {dl.rules.value.article('stop') or 'quy định hiện hành'}, {agency} "
            "thông báo dừng giải quyết hồ sơ nêu trên./.",
        ),
    ]
    return fields, [inputs.need("signer", fallback=dossier.signer)], None


_STEP = {
    EventKind.RECEIVED: "Tiếp nhận hồ sơ",
    EventKind.TRANSFERRED: "Chuyển hồ sơ đến cơ quan giải quyết",
    EventKind.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    EventKind.SUPPLEMENT_RECEIVED: "Nhận hồ sơ bổ sung",
    EventKind.RESCHEDULED: "Xin lỗi, hẹn lại ngày trả kết quả",
    EventKind.REFUSED: "Từ chối giải quyết hồ sơ",
    EventKind.WITHDRAWN: "Dừng giải quyết hồ sơ (rút hồ sơ)",
    EventKind.DECIDED: "Có kết quả giải quyết hồ sơ",
    EventKind.RETURNED: "Trả kết quả cho tổ chức, cá nhân",
}


def _control(c: _Ctx) -> tuple[list[FormField], list[str], FormTable]:
    dossier, agency, dl, reg = c.dossier, c.agency, c.dl, c.reg
    holder = dossier.agency or "cơ quan có thẩm quyền giải quyết"
    timeliness = dl.timeliness()
    rows = []
    for n, ev in enumerate(dossier.events, start=1):
        step = _STEP[ev.kind]
        if ev.kind is EventKind.RECEIVED:
            step = f"{step}: {reg.desk} ({agency})"
        elif ev.kind is EventKind.TRANSFERRED:
            step = f"{step}: giao {reg.desk}, nhận {ev.note or holder}"
        elif ev.kind is EventKind.RESCHEDULED and ev.new_due_at is not None:
            step = f"{step}: {moment_text(ev.new_due_at)}"
        result = "—"
        if ev.kind is EventKind.DECIDED and timeliness is not None:
            result = timeliness.vietnamese.capitalize()
        note = ev.note if ev.note and ev.kind is not EventKind.TRANSFERRED else "—"
        rows.append((str(n), step, moment_text(ev.at), result, note))
    fields = [
        *_opening(c, "Kèm theo hồ sơ của"),
        FormField(label="Ngày, tháng, năm hẹn trả", value=moment_text(dl.due_at)),
    ]
    table = FormTable(
        columns=(
            "TT",
            "Bước, cơ quan giao, nhận",
            "Thời gian giao, nhận hồ sơ",
            "Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)",
            "Ghi chú",
        ),
        rows=tuple(rows),
    )
    return fields, [], table


_Filler = Callable[[_Ctx], tuple[list[FormField], list[str], FormTable | None]]
_FILLERS: dict[FormKind, tuple[EventKind, _Filler]] = {
    FormKind.RECEIPT: (EventKind.RECEIVED, _receipt),
    FormKind.SUPPLEMENT_REQUEST: (EventKind.SUPPLEMENT_REQUESTED, _supplement),
    FormKind.REFUSAL: (EventKind.REFUSED, _refusal),
    FormKind.APOLOGY: (EventKind.RESCHEDULED, _apology),
    FormKind.STOP_NOTICE: (EventKind.WITHDRAWN, _stop),
    FormKind.CONTROL_SHEET: (EventKind.RECEIVED, _control),
}


def fill(
    kind: FormKind | str,
    dossier: Dossier,
    *,
    procedure: Procedure | str,
    agency: str,
    regime: str | None = None,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
    **inputs: Any,
) -> Form:
    """Fill the form of ``kind`` from ``dossier``.

    Args:
        kind: receipt, supplement_request, refusal, apology, stop_notice or
            control_sheet (the book is :func:`cchc.forms.tracking_book`).
        dossier: the dossier and its events.
        procedure: the procedure, or its code in the bundled sample catalogue.
        agency: the agency name printed in the header (and as the desk).
        regime: 'TT01-2018' or 'TT03-2025' to override the regime in force.
        calendar: passed to the deadline engine.
        policy: passed to the deadline engine.
        **inputs: overrides of what the dossier records, and what it does not:
            ``applicant`` (default: the dossier's applicant's name), ``officer``,
            ``signer`` (head of agency, apology and stop notice; default: the
            dossier's), ``reason`` (default: the event's note), ``missing`` (list of
            papers to supplement; default, for a dossier that records its papers: the
            case's missing or short parts, else the request's note), ``papers``
            (list of papers received; default: the dossier's papers), ``copies``
            (default 1), ``address``, ``phone``, ``email`` (default: the
            applicant's), ``return_at`` (default: the postal service when the result
            goes by post, else the agency),
            ``place``, ``contact``, ``code`` (default: the dossier's),
            ``book_no`` and ``entry_no``.

    Raises:
        MissingInputError: a required input is missing (its name is the field).
        FormNotInRegimeError: the regime in force has no form of this kind.
        ValidationError: the dossier has no event to make the form from, an
            unknown input, or a procedure that does not match the dossier.
        RuleNotInForceError: the event is before 06/01/2019 (TT 01/2018).
    """
    k = FormKind(kind)
    if k not in _FILLERS:
        raise ValidationError(
            f"{k.value!r} is not filled from one dossier; use cchc.forms.tracking_book",
            field="kind",
        )
    event_kind, filler = _FILLERS[k]
    _, event = find_event(dossier, event_kind, k)
    reg = pick_regime(regime, event.at)
    reg.template(k)
    proc = resolve_procedure(procedure, dossier)
    checked = Inputs(k, inputs)
    dl = dossier.deadline(calendar=calendar, policy=policy)
    ctx = _Ctx(
        dossier=dossier,
        proc=proc,
        agency=agency.strip(),
        inputs=checked,
        dl=dl,
        reg=reg,
        calendar=calendar,
        policy=policy,
    )
    fields, names, table = filler(ctx)
    return build_form(
        k,
        reg,
        agency=agency,
        at=event.at,
        place=checked.get("place"),
        dossier_code=checked.get("code") or dossier.code,
        fields=fields,
        names=names,
        table=table,
    )
