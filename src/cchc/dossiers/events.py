"""Lifecycle events of a dossier (trạng thái xử lý hồ sơ)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime

from pydantic import Field, model_validator

from cchc._model import CchcRecord

__all__ = [
    "FINISHING_KINDS",
    "OUTCOME_ALIASES",
    "OUTCOME_CODES",
    "STEP_KINDS",
    "Event",
    "EventKind",
    "finish_index",
]


class EventKind(enum.StrEnum):
    """Kinds of lifecycle event (trạng thái xử lý hồ sơ)."""

    RECEIVED = "received"
    """Tiếp nhận hồ sơ (Giấy tiếp nhận hồ sơ và hẹn trả kết quả)."""
    TRANSFERRED = "transferred"
    """Chuyển xử lý / chuyển liên thông (the competent authority receives it)."""
    SUPPLEMENT_REQUESTED = "supplement_requested"
    """Yêu cầu bổ sung, hoàn thiện hồ sơ."""
    SUPPLEMENT_RECEIVED = "supplement_received"
    """Nhận đủ hồ sơ bổ sung."""
    RESCHEDULED = "rescheduled"
    """Xin lỗi và hẹn lại ngày trả kết quả (with ``new_due_at``)."""
    REFUSED = "refused"
    """Từ chối giải quyết."""
    WITHDRAWN = "withdrawn"
    """Rút hồ sơ / dừng thực hiện theo yêu cầu (ND 118/2025 Art 21)."""
    DECIDED = "decided"
    """Đã xử lý xong."""
    RETURNED = "returned"
    """Đã trả kết quả."""
    STEP_STARTED = "step_started"
    """Bắt đầu một bước của quy trình nội bộ (with ``step``, ``unit``, ``officer``); a step
    started again is a repeated run (:mod:`cchc.dossiers.steps`)."""
    STEP_FINISHED = "step_finished"
    """Kết thúc bước đang thực hiện (with ``step``)."""
    PAYMENT_REQUESTED = "payment_requested"
    """Thông báo nộp phí, lệ phí / thực hiện nghĩa vụ tài chính: the dossier waits for the
    applicant (chờ thực hiện nghĩa vụ tài chính, :mod:`cchc.dossiers.pauses`)."""
    PAYMENT_DONE = "payment_done"
    """Tổ chức, cá nhân đã thực hiện nghĩa vụ tài chính: the wait ends."""


FINISHING_KINDS = (EventKind.DECIDED, EventKind.RETURNED, EventKind.REFUSED, EventKind.WITHDRAWN)
"""Events that end processing; the first of them is the finish (766 portal §2.1,
"Đã xử lý xong" preferred over "Đã trả kết quả").
Which of them end the dossier is rule ``LC-TERMINAL-ENDS`` of :mod:`cchc.dossiers.lifecycle`."""

OUTCOME_CODES: dict[str, int] = {k.value: i for i, k in enumerate(FINISHING_KINDS)}
"""The outcome of a finished dossier (kết quả xử lý: the kind of its finishing event,
``Dossier.outcome``) as the ``outcome`` column of the flat format codes it: 0 ``decided``
(đã xử lý xong), 1 ``returned`` (đã trả kết quả), 2 ``refused`` (từ chối giải quyết), 3
``withdrawn`` (dừng thực hiện theo yêu cầu, ND 118/2025 Art 21: counted apart,
``CONV-STOP-APART``); -1 in a column: not recorded."""
OUTCOME_ALIASES: dict[str, str] = {"stopped": EventKind.WITHDRAWN.value}
"""Other names accepted for an outcome: ``stopped`` (dừng thực hiện, the word of ND 118/2025
Art 21 and of the portal's status 8 "Dừng xử lý", which cchc reads as a withdrawal)."""


STEP_KINDS = (EventKind.STEP_STARTED, EventKind.STEP_FINISHED)
"""Events of the internal process: they carry ``step`` and never change the due date."""


def finish_index(events: Sequence[Event]) -> int | None:
    """The index of the event that ends processing: ``decided`` if any, else the first other
    finishing event (None while in progress)."""
    first = None
    for i, ev in enumerate(events):
        if ev.kind is EventKind.DECIDED:
            return i
        if first is None and ev.kind in FINISHING_KINDS:
            first = i
    return first


class Event(CchcRecord):
    """A timestamped lifecycle event."""

    kind: EventKind = Field(description="Loại sự kiện (event kind).")
    at: datetime = Field(description="Thời điểm (timezone-aware).")
    new_due_at: datetime | None = Field(
        default=None, description="Ngày hẹn trả mới (only for 'rescheduled')."
    )
    note: str | None = Field(default=None, description="Ghi chú / lý do.")
    step: int | None = Field(
        default=None,
        ge=1,
        description="Bước của quy trình nội bộ (from 1; only for step_started, step_finished).",
    )
    unit: str | None = Field(
        default=None, description="Đơn vị thực hiện bước (only for step events)."
    )
    officer: str | None = Field(
        default=None, description="Cán bộ thực hiện bước (only for step events)."
    )

    @model_validator(mode="after")
    def _step_fields(self) -> Event:
        if self.kind in STEP_KINDS:
            if self.step is None:
                raise ValueError(f"a '{self.kind.value}' event needs its step number")
        elif self.step is not None or self.unit is not None or self.officer is not None:
            raise ValueError("step, unit and officer are only for step events")
        return self
