"""Kinds of one-stop form (loại biểu mẫu một cửa) and the errors of filling them."""

from __future__ import annotations

import enum

from cchc.errors import RuleNotInForceError, ValidationError

__all__ = ["FormKind", "FormNotInRegimeError", "MissingInputError"]


class FormKind(enum.StrEnum):
    """The forms a one-stop desk prints from a dossier."""

    RECEIPT = "receipt"
    """Giấy tiếp nhận hồ sơ và hẹn trả kết quả (made at receipt)."""
    SUPPLEMENT_REQUEST = "supplement_request"
    """Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (made at the supplement request)."""
    REFUSAL = "refusal"
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ (made at the refusal)."""
    APOLOGY = "apology"
    """Phiếu xin lỗi và hẹn lại ngày trả kết quả / Văn bản xin lỗi và đề nghị gia hạn
    thời gian giải quyết (made at the rescheduling)."""
    STOP_NOTICE = "stop_notice"
    """Thông báo dừng giải quyết hồ sơ (TT 03/2025 only; made at the stop)."""
    CONTROL_SHEET = "control_sheet"
    """Phiếu kiểm soát quá trình giải quyết hồ sơ (opened at receipt)."""
    TRACKING_BOOK = "tracking_book"
    """Sổ theo dõi hồ sơ (one book for many dossiers: :func:`cchc.forms.tracking_book`)."""


class FormNotInRegimeError(RuleNotInForceError):
    """The regime in force on the event's date has no form of this kind
    (e.g. a stop notice under Thông tư 01/2018/TT-VPCP)."""


class MissingInputError(ValidationError):
    """A form needs an input that neither the dossier nor the keyword inputs give;
    ``field`` names the keyword to pass."""
