"""Lifecycle events of a dossier (trạng thái xử lý hồ sơ)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import datetime

from pydantic import Field

from cchc._model import CchcRecord

__all__ = ["FINISHING_KINDS", "Event", "EventKind", "finish_index"]


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


FINISHING_KINDS = (EventKind.DECIDED, EventKind.RETURNED, EventKind.REFUSED, EventKind.WITHDRAWN)
"""Events that end processing; the first of them is the finish (766 portal §2.1,
"Đã xử lý xong" preferred over "Đã trả kết quả").
Which of them end the dossier is rule ``LC-TERMINAL-ENDS`` of :mod:`cchc.dossiers.lifecycle`."""


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
