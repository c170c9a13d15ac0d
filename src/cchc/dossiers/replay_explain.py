"""Explanation steps of a replayed dossier (supplements, rescheduling, closure).

Built on request by :meth:`cchc.dossiers.Deadline.explain`, from the trail the replay
records; never on the hot path.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from cchc.legal import Explanation, RuleVersion, source

from .deadline import EXPLAINERS, DueDate
from .events import EventKind
from .explain import Step, explanation, fmt, rules_source
from .one_stop_rules import OneStopRules
from .policy import SupplementMode
from .replay import Deadline

__all__ = ["deadline_explanation", "replay_steps"]


class _Replayed(Protocol):
    @property
    def due_at(self) -> datetime: ...
    @property
    def rules(self) -> RuleVersion[OneStopRules]: ...
    @property
    def pending_supplement_since(self) -> datetime | None: ...
    @property
    def lapse_at(self) -> datetime | None: ...
    @property
    def finished_at(self) -> datetime | None: ...


def _article(rules: RuleVersion[OneStopRules], rule: str) -> str:
    article = rules.value.article(rule)
    return f" ({article})" if article else ""


def _event_step(
    kind: EventKind, at: datetime, due: datetime, note: str, dl: _Replayed
) -> Step | None:
    rules = dl.rules
    decree = rules_source(rules)
    if kind is EventKind.TRANSFERRED:
        return Step(
            f"Hồ sơ nộp không phụ thuộc địa giới hành chính: thời hạn tính từ khi cơ quan có "
            f"thẩm quyền nhận hồ sơ, {fmt(at)}{_article(rules, 'boundary_free_clock')}.",
            f"A dossier filed regardless of administrative boundary: the period runs from the "
            f"competent authority's receipt, {fmt(at, 'en')}.",
            (decree,),
        )
    if kind is EventKind.SUPPLEMENT_REQUESTED:
        days = rules.value.supplement_notice_working_days
        late_vi = (
            f" Yêu cầu đến muộn hơn {days} ngày làm việc kể từ khi nhận hồ sơ." if note else ""
        )
        late_en = f" The request came later than {days} working days after receipt." if note else ""
        return Step(
            f"{fmt(at)}: cơ quan yêu cầu bổ sung, hoàn thiện hồ sơ{_article(rules, 'supplement')}."
            + late_vi,
            f"{fmt(at, 'en')}: the authority asked for supplements." + late_en,
            (decree,),
        )
    if kind is EventKind.SUPPLEMENT_RECEIVED:
        if note == SupplementMode.RESTART.value:
            return Step(
                f"{fmt(at)}: nhận đủ hồ sơ bổ sung; thời hạn giải quyết được tính lại từ đầu"
                f"{_article(rules, 'supplement')}. Hạn mới: {fmt(due)}.",
                f"{fmt(at, 'en')}: the complete supplement was received; the period starts "
                f"again from the beginning. New due moment: {fmt(due, 'en')}.",
                (decree,),
            )
        return Step(
            f"{fmt(at)}: nhận đủ hồ sơ bổ sung; theo cách tính của Cổng Dịch vụ công (QĐ 766), "
            f"thời gian chờ bổ sung được trừ ra, hạn lùi đến {fmt(due)}.",
            f"{fmt(at, 'en')}: the complete supplement was received; as on the 766 portal, "
            f"the waiting time is subtracted and the due moment moves to {fmt(due, 'en')}.",
            (source("CONV-766-WAITING"),),
        )
    if kind is EventKind.PAYMENT_REQUESTED:
        return Step(
            f"{fmt(at)}: thông báo thực hiện nghĩa vụ tài chính (nộp phí, lệ phí); hồ sơ chờ "
            "tổ chức, cá nhân thực hiện, thời gian chờ không tính vào thời hạn giải quyết.",
            f"{fmt(at, 'en')}: notice to pay the fees / financial obligations; the waiting "
            "time is not counted in the time limit.",
            (source("CONV-PAUSE-PAYMENT"),),
        )
    if kind is EventKind.PAYMENT_DONE:
        return Step(
            f"{fmt(at)}: tổ chức, cá nhân đã thực hiện nghĩa vụ tài chính; thời gian làm việc "
            f"đã chờ được cộng vào thời hạn, hạn lùi đến {fmt(due)}.",
            f"{fmt(at, 'en')}: the applicant paid; the working time waited is added, the due "
            f"moment moves to {fmt(due, 'en')}.",
            (source("CONV-PAUSE-PAYMENT"),),
        )
    if kind is EventKind.RESCHEDULED:
        late_vi = " Văn bản xin lỗi gửi muộn hơn quy định; vẫn ghi nhận hạn mới." if note else ""
        late_en = " The apology came later than the rule allows; it is kept." if note else ""
        return Step(
            f"{fmt(at)}: cơ quan xin lỗi và hẹn lại ngày trả kết quả (không quá một lần, chậm "
            f"nhất 01 ngày trước ngày hết hạn{_article(rules, 'reschedule')}): hạn mới "
            f"{fmt(due)}." + late_vi,
            f"{fmt(at, 'en')}: the authority apologised and set a new date (once at most, at "
            f"the latest one day before the due day): {fmt(due, 'en')}." + late_en,
            (decree,),
        )
    return None


def replay_steps(
    first: DueDate | None,
    trail: tuple[tuple[EventKind, datetime, datetime, str], ...],
    dl: _Replayed,
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


EXPLAINERS["deadline"] = deadline_explanation
