"""Explanations of due dates (giải trình cách tính thời hạn), built on request only.

:meth:`cchc.dossiers.DueDate.explain` and :meth:`cchc.dossiers.Deadline.explain`
return a :class:`cchc.legal.Explanation`: ordered steps in Vietnamese and English,
each citing the registry sources it applied (the receipt convention, the decree
article that set the clock, the notice behind each day off or make-up working
day crossed, the supplement or rescheduling rule, the end of the due day).
Nothing here runs when a due date is computed.

Two builders, one module: :func:`due_steps` explains one due-date computation
(:meth:`DueDate.explain <cchc.dossiers.DueDate.explain>`); :func:`replay_steps` adds what
the replay of a dossier's events recorded in its trail (a transfer, supplements, payment
waits, the apology, closure while a supplement is pending) for
:meth:`Deadline.explain <cchc.dossiers.Deadline.explain>`. Both register in
:data:`cchc.dossiers.deadline.EXPLAINERS` when the package loads: the results never
import this module.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple

from cchc.calendar import CalendarEntry, CalendarOps, OfficialCalendar
from cchc.calendar.days import day_tables
from cchc.calendar.entries import unconfirmed_step
from cchc.legal import Explanation, ExplanationStep, LegalSource, RuleVersion, source, sources
from cchc.procedures import TimeUnit

from .deadline import EXPLAINERS, DueDate
from .events import EventKind
from .instants import from_local_ns, local_ns
from .one_stop_rules import OneStopRules
from .period_units import add_months
from .policy import DayEnd, DeadlinePolicy, ReceiptRule, SupplementMode
from .replay import Deadline

__all__ = [
    "Step",
    "deadline_explanation",
    "due_date_steps",
    "due_steps",
    "explanation",
    "fmt",
    "replay_steps",
    "rules_source",
]

Step = ExplanationStep
_WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def fmt(moment: datetime, lang: str = "vi") -> str:
    """``17:00 thứ Sáu 07/02/2025`` (or the English weekday)."""
    names = _WEEKDAYS_VI if lang == "vi" else _WEEKDAYS_EN
    return f"{moment:%H:%M} {names[moment.weekday()]} {moment:%d/%m/%Y}"


def _day(day: date, lang: str = "vi") -> str:
    names = _WEEKDAYS_VI if lang == "vi" else _WEEKDAYS_EN
    return f"{names[day.weekday()]} {day:%d/%m/%Y}"


def title(what_vi: str, what_en: str) -> tuple[str, str]:
    """Titles of an explanation."""
    return f"Cách tính {what_vi}", f"How the {what_en} was computed"


def rules_source(version: RuleVersion[OneStopRules]) -> LegalSource:
    """The registry record of a one-stop rule set's decree (found by key or number)."""
    if version.source.key:
        return source(version.source.key)
    found = [s for s in sources().values() if s.number == version.source.number]
    return found[0] if found else version.source


def _receipt_step(received: datetime, start: datetime, policy: DeadlinePolicy) -> Step:
    """``Hồ sơ được tiếp nhận lúc <received>, <so the period runs from ...>``."""
    sources: tuple[LegalSource, ...] = source("CONV-NEXT-OPENING"), source("CONV-OFFICE-HOURS")
    cut = None if policy.cutoff is None else f"{policy.cutoff:%H:%M}"
    after_cutoff = (
        policy.cutoff is not None
        and start != received
        and start.date() != received.date()
        and received.time() > policy.cutoff
    )
    if after_cutoff:
        tail_vi = (
            f", sau {cut} (giờ tiếp nhận muộn nhất của thủ tục), nên thời hạn được tính từ "
            f"{fmt(start)}, giờ làm việc đầu tiên của ngày làm việc tiếp theo."
        )
        tail_en = (
            f", after {cut} (the procedure's cut-off hour), so the period runs from "
            f"{fmt(start, 'en')}, the first opening of the next working day."
        )
    elif policy.receipt is ReceiptRule.AS_RECORDED:
        tail_vi = (
            ". Ngày ghi trên Giấy tiếp nhận là ngày bắt đầu; ngày đầu tiên của thời hạn không "
            "được tính."
        )
        tail_en = ". The recorded day is day 0; the first day of the period is not counted."
        sources = (source("BLDS2015-147"),)
    elif start == received:
        tail_vi = ", trong giờ làm việc, nên thời hạn được tính từ thời điểm này."
        tail_en = ", during office hours, so the period runs from that moment."
    else:
        tail_vi = (
            f", ngoài giờ làm việc hoặc vào ngày nghỉ, nên thời hạn được tính từ {fmt(start)}, "
            "giờ làm việc tiếp theo."
        )
        tail_en = (
            f", outside office hours or on a day off, so the period runs from the next "
            f"opening, {fmt(start, 'en')}."
        )
    return Step(
        f"Hồ sơ được tiếp nhận lúc {fmt(received)}{tail_vi}",
        f"The dossier was received at {fmt(received, 'en')}{tail_en}",
        sources,
    )


def _rules_step(version: RuleVersion[OneStopRules], received: datetime) -> Step:
    rules = version.value
    src = rules_source(version)
    article = rules.article("clock_start")
    where_vi = f" ({article}: thời hạn tính từ khi nhận đủ hồ sơ)" if article else ""
    where_en = f" ({article}: the period runs from the receipt of the complete dossier)"
    return Step(
        f"Quy chế một cửa áp dụng cho hồ sơ nhận ngày {received:%d/%m/%Y}: {src.cite()}{where_vi}.",
        f"One-stop rules in force on the receipt date {received:%d/%m/%Y}: {src.cite()}"
        f"{where_en if article else ''}.",
        (src,),
    )


def _span(first: date, last: date, lang: str) -> str:
    if first == last:
        return _day(first, lang)
    if lang == "vi":
        return f"từ {_day(first)} đến {_day(last)}"
    return f"from {_day(first, 'en')} to {_day(last, 'en')}"


def _crossed_steps(first: date, last: date, calendar: OfficialCalendar) -> list[Step]:
    """One step per run of notice days (days off or make-up working days) in ``(first,
    last]``, with the notices that made them; one for the weekly rest if a weekend lies in."""
    runs: list[tuple[date, date, CalendarEntry]] = []
    weekend = False
    day = first + timedelta(days=1)
    while day <= last:
        entry = calendar.entry(day) if day.year in calendar.coverage else None
        if entry is not None:
            prev = runs[-1] if runs else None
            same = prev is not None and prev[1] + timedelta(days=1) == day
            if (
                same
                and prev is not None
                and (prev[2].kind, prev[2].name_vi, prev[2].sources)
                == (
                    entry.kind,
                    entry.name_vi,
                    entry.sources,
                )
            ):
                runs[-1] = (prev[0], day, prev[2])
            else:
                runs.append((day, day, entry))
        elif day.weekday() >= 5:
            weekend = True
        day += timedelta(days=1)
    steps: list[Step] = []
    if weekend:
        steps.append(
            Step(
                "Thứ Bảy và Chủ nhật là ngày nghỉ hằng tuần, không tính.",
                "Saturdays and Sundays are weekly rest days, not counted.",
                (calendar.weekly_rest_source,),
            )
        )
    for a, b, entry in runs:
        vi, en = _span(a, b, "vi"), _span(a, b, "en")
        if entry.is_day_off:
            text_vi = f"{vi} là ngày nghỉ ({entry.kind.vietnamese}: {entry.name_vi}), không tính."
            text_en = f"{en}: day(s) off ({entry.name_en}), not counted."
        else:
            text_vi = f"{vi} là ngày làm việc bù ({entry.name_vi}), được tính."
            text_en = f"{en}: make-up working day(s) ({entry.name_en}), counted."
        steps.append(
            Step(text_vi[0].upper() + text_vi[1:], text_en[0].upper() + text_en[1:], entry.sources)
        )
    return steps


def _count_steps(
    start: datetime,
    due: datetime,
    amount: int,
    unit: TimeUnit,
    policy: DeadlinePolicy,
    calendar: OfficialCalendar,
) -> list[Step]:
    start_day, due_day = start.date(), due.date()
    if unit is TimeUnit.HOURS:
        sessions = ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in policy.office_hours.sessions)
        head = Step(
            f"Thời hạn {amount} giờ làm việc, chỉ tính trong các buổi làm việc ({sessions}) "
            "của ngày làm việc.",
            f"A period of {amount} working hours, counted only within the office sessions "
            f"({sessions}) of working days.",
            (source("CONV-OFFICE-HOURS"),),
        )
        return [head, *_crossed_steps(start_day, due_day, calendar)]
    if unit is TimeUnit.WORKING_DAYS:
        head = Step(
            f"Thời hạn {amount} ngày làm việc, không tính ngày bắt đầu: ngày làm việc thứ "
            f"{amount} là {_day(due_day)}.",
            f"A period of {amount} working days, the first day not counted: working day "
            f"{amount} is {_day(due_day, 'en')}.",
            (source("BLDS2015-147"),),
        )
        return [head, *_crossed_steps(start_day, due_day, calendar)]
    ops = CalendarOps(calendar, policy.provisional)
    tables = day_tables(ops, columns=False)
    start_n = start_day.toordinal() - date(1970, 1, 1).toordinal()
    if unit is TimeUnit.DAYS:
        raw = start_day + timedelta(days=amount)
        head = Step(
            f"Thời hạn {amount} ngày, không tính ngày bắt đầu: ngày cuối cùng là {_day(raw)}.",
            f"A period of {amount} days, the first day not counted: the last day is "
            f"{_day(raw, 'en')}.",
            (source("BLDS2015-147"),),
        )
    else:
        raw = date.fromordinal(
            add_months(start_n, amount, tables, ops) + date(1970, 1, 1).toordinal()
        )
        head = Step(
            f"Thời hạn {amount} tháng: kết thúc vào ngày tương ứng của tháng cuối cùng "
            f"(hoặc ngày cuối tháng nếu không có ngày tương ứng), {_day(raw)}.",
            f"A period of {amount} months ends on the corresponding day of the last month "
            f"(or that month's last day), {_day(raw, 'en')}.",
            (source("BLDS2015-147"), source("BLDS2015-148-3")),
        )
    steps = [head]
    if raw != due_day and raw < due_day:
        steps += _crossed_steps(raw - timedelta(days=1), due_day - timedelta(days=1), calendar)
        steps.append(
            Step(
                f"Ngày cuối cùng là ngày nghỉ nên thời hạn kết thúc vào ngày làm việc tiếp "
                f"theo, {_day(due_day)}.",
                f"The last day is a day off, so the period ends on the next working day, "
                f"{_day(due_day, 'en')}.",
                (source("BLDS2015-148"),),
            )
        )
    return steps


def _end_step(start: datetime, due: datetime, unit: TimeUnit, policy: DeadlinePolicy) -> Step:
    """``Hạn giải quyết: <when>, <why>.``: the due moment and the rule that set it."""
    when_vi, when_en = fmt(due), fmt(due, "en")
    if unit is TimeUnit.HOURS:
        why_vi, why_en = "khi đủ số giờ làm việc", "when the working hours are used up"
        key = "CONV-OFFICE-HOURS"
    elif due == start:
        why_vi = "không sớm hơn thời điểm bắt đầu tính thời hạn"
        why_en, key = "never before the clock start", "CONV-NEXT-OPENING"
    elif policy.day_end is DayEnd.MIDNIGHT:
        when_vi, when_en = f"24 giờ {_day(due.date())}", f"24:00 on {_day(due.date(), 'en')}"
        why_vi, why_en = "lúc kết thúc ngày cuối cùng", "the end of the last day"
        key = "BLDS2015-148-6"
    else:
        why_vi, why_en = "hết giờ làm việc của ngày đến hạn", "the close of office on the due day"
        key = "CONV-OFFICE-HOURS"
    return Step(
        f"Hạn giải quyết: {when_vi}, {why_vi}.", f"Due: {when_en}, {why_en}.", (source(key),)
    )


def due_steps(
    received: datetime,
    start: datetime,
    due: datetime,
    amount: int,
    unit: TimeUnit,
    policy: DeadlinePolicy,
    rules: RuleVersion[OneStopRules],
    calendar: OfficialCalendar,
    provisional: bool,
) -> list[Step]:
    """The ordered steps of one due-date computation."""
    steps = [
        _receipt_step(received, start, policy),
        _rules_step(rules, received),
        *_count_steps(start, due, amount, unit, policy, calendar),
    ]
    unconfirmed = calendar.unconfirmed_days(received, due, provisional=policy.provisional)
    if unconfirmed:
        steps.append(unconfirmed_step(unconfirmed))
    steps.append(_end_step(start, due, unit, policy))
    if provisional:
        steps.append(
            Step(
                "Lưu ý: có ngày nằm ngoài các năm đã có thông báo nghỉ chính thức; kết quả là dự "
                "kiến, tính theo quy định của Bộ luật Lao động.",
                "Note: a day lies outside the years covered by official notices; the result is "
                "provisional, derived from the Labour Code rules.",
                (source("BLLD2019"),),
            )
        )
    return steps


def explanation(steps: list[Step], what_vi: str, what_en: str) -> Explanation:
    """An :class:`Explanation` with the standard title."""
    t_vi, t_en = title(what_vi, what_en)
    return Explanation(t_vi, t_en, tuple(steps))


def due_date_steps(due: DueDate) -> list[Step]:
    """The steps of :meth:`DueDate.explain <cchc.dossiers.DueDate.explain>`."""
    given, policy, calendar = due.context
    cal = calendar if calendar is not None else CalendarOps(None).calendar
    received = from_local_ns(local_ns(given if given is not None else due.start_at))
    return due_steps(
        received,
        due.start_at,
        due.due_at,
        due.amount,
        due.unit,
        policy,
        due.rules,
        cal,
        due.provisional,
    )


def _article(rules: RuleVersion[OneStopRules], rule: str) -> str:
    article = rules.value.article(rule)
    return f" ({article})" if article else ""


class _EventText(NamedTuple):
    """What an event of the replay's trail says: ``{at}``, ``{due}`` (the due moment after
    it), ``{article}`` (of ``rule`` in the rule set in force), ``{days}`` (the notice period
    of a supplement request) are filled in; ``late_*`` is added when the replay noted the
    event as late."""

    vi: str
    en: str
    rule: str | None = None
    """The one-stop rule applied: its decree is the source, its article is cited."""
    convention: str | None = None
    """Else the registry key of the convention applied."""
    late_vi: str = ""
    late_en: str = ""


_RESTART = _EventText(
    "{at}: nhận đủ hồ sơ bổ sung; thời hạn giải quyết được tính lại từ đầu{article}. Hạn mới: "
    "{due}.",
    "{at}: the complete supplement was received; the period starts again from the beginning. "
    "New due moment: {due}.",
    rule="supplement",
)
_EVENT_TEXTS = {
    EventKind.TRANSFERRED: _EventText(
        "Hồ sơ nộp không phụ thuộc địa giới hành chính: thời hạn tính từ khi cơ quan có thẩm "
        "quyền nhận hồ sơ, {at}{article}.",
        "A dossier filed regardless of administrative boundary: the period runs from the "
        "competent authority's receipt, {at}.",
        rule="boundary_free_clock",
    ),
    EventKind.SUPPLEMENT_REQUESTED: _EventText(
        "{at}: cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ{article}.",
        "{at}: the authority asked for supplements.",
        rule="supplement",
        late_vi=" Yêu cầu đến muộn hơn {days} ngày làm việc kể từ khi nhận hồ sơ.",
        late_en=" The request came later than {days} working days after receipt.",
    ),
    EventKind.SUPPLEMENT_RECEIVED: _EventText(  # subtract_waiting; restart: _RESTART
        "{at}: nhận đủ hồ sơ bổ sung; theo cách tính của Cổng Dịch vụ công (QĐ 766), thời gian "
        "chờ bổ sung được trừ ra, hạn lùi đến {due}.",
        "{at}: the complete supplement was received; as on the 766 portal, the waiting time is "
        "subtracted and the due moment moves to {due}.",
        convention="CONV-766-WAITING",
    ),
    EventKind.PAYMENT_REQUESTED: _EventText(
        "{at}: thông báo thực hiện nghĩa vụ tài chính (nộp phí, lệ phí); hồ sơ chờ tổ chức, cá "
        "nhân thực hiện, thời gian chờ không tính vào thời hạn giải quyết.",
        "{at}: notice to pay the fees / financial obligations; the waiting time is not counted "
        "in the time limit.",
        convention="CONV-PAUSE-PAYMENT",
    ),
    EventKind.PAYMENT_DONE: _EventText(
        "{at}: tổ chức, cá nhân đã thực hiện nghĩa vụ tài chính; thời gian làm việc đã chờ được "
        "cộng vào thời hạn, hạn lùi đến {due}.",
        "{at}: the applicant paid; the working time waited is added, the due moment moves to "
        "{due}.",
        convention="CONV-PAUSE-PAYMENT",
    ),
    EventKind.RESCHEDULED: _EventText(
        "{at}: cơ quan xin lỗi và hẹn lại ngày trả kết quả (không quá một lần, chậm nhất 01 ngày "
        "trước ngày hết hạn{article}): hạn mới {due}.",
        "{at}: the authority apologised and set a new date (once at most, at the latest one day "
        "before the due day): {due}.",
        rule="reschedule",
        late_vi=" Văn bản xin lỗi gửi muộn hơn quy định; vẫn ghi nhận hạn mới.",
        late_en=" The apology came later than the rule allows; it is kept.",
    ),
}
"""The step of each event that moves or stops the clock (the others add none)."""


def _event_step(
    kind: EventKind, at: datetime, due: datetime, note: str, dl: Deadline
) -> Step | None:
    restart = kind is EventKind.SUPPLEMENT_RECEIVED and note == SupplementMode.RESTART.value
    text = _RESTART if restart else _EVENT_TEXTS.get(kind)
    if text is None:
        return None
    rules = dl.rules
    days = rules.value.supplement_notice_working_days
    article = "" if text.rule is None else _article(rules, text.rule)
    vi = text.vi + (text.late_vi if note else "")
    en = text.en + (text.late_en if note else "")
    return Step(
        vi.format(at=fmt(at), due=fmt(due), article=article, days=days),
        en.format(at=fmt(at, "en"), due=fmt(due, "en"), days=days),
        (rules_source(rules) if text.convention is None else source(text.convention),),
    )


def replay_steps(
    first: DueDate | None,
    trail: tuple[tuple[EventKind, datetime, datetime, str], ...],
    dl: Deadline,
) -> list[Step]:
    """The steps: the first due date, each event that changed it, the pending state."""
    moved = [t for t in trail if t[0] is EventKind.TRANSFERRED]
    steps = [s for t in moved if (s := _event_step(*t, dl)) is not None]  # the clock's anchor
    steps += first.steps() if first is not None else []
    for kind, at, due, note in trail:
        if kind is EventKind.TRANSFERRED:
            continue
        step = _event_step(kind, at, due, note, dl)
        if step is not None:
            steps.append(step)
    since = dl.pending_supplement_since
    if since is not None:
        decree = rules_source(dl.rules)
        if dl.finished_at is not None:
            steps.append(
                Step(
                    f"Hồ sơ kết thúc khi còn chờ bổ sung: thời hạn dừng từ khi yêu cầu, nên "
                    f"việc đúng hạn được đánh giá tại {fmt(since)}.",
                    f"The dossier ended while waiting for a supplement: the clock stopped at "
                    f"the request, so timeliness is judged at {fmt(since, 'en')}.",
                    (decree,),
                )
            )
        elif dl.lapse_at is not None:
            steps.append(
                Step(
                    f"Yêu cầu bổ sung chưa được đáp ứng: thời hạn dừng; từ {fmt(dl.lapse_at)} cơ "
                    f"quan có thể trả lại hồ sơ{_article(dl.rules, 'supplement_lapse')}.",
                    f"The supplement request is unanswered: the clock is stopped; from "
                    f"{fmt(dl.lapse_at, 'en')} the desk may close the dossier.",
                    (decree,),
                )
            )
    if trail:
        steps.append(
            Step(
                f"Hạn giải quyết hiện tại: {fmt(dl.due_at)}.",
                f"Current due moment: {fmt(dl.due_at, 'en')}.",
                (),
            )
        )
    return steps


def deadline_explanation(dl: Deadline) -> Explanation:
    """:meth:`Deadline.explain <cchc.dossiers.Deadline.explain>`: the first due date, each
    event that changed it, the pending state."""
    steps = replay_steps(dl.first, dl.trail, dl)
    return explanation(steps, "hạn giải quyết hồ sơ", "dossier's due date")


EXPLAINERS["due_date_steps"] = due_date_steps
EXPLAINERS["due_date"] = lambda due: explanation(due_date_steps(due), "hạn giải quyết", "due date")
EXPLAINERS["deadline"] = deadline_explanation
