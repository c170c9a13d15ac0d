"""The procedure record (thủ tục hành chính, TTHC) and its terms.

A procedure is published in the national TTHC database (Cơ sở dữ liệu quốc
gia về TTHC) with a code (mã TTHC), a name, a field (lĩnh vực), the level of
the deciding authority (cấp thực hiện), a time limit (thời hạn giải quyết) and
a fee (phí, lệ phí). The database shows the time limit and the fee **per
submission channel** (Cách thức thực hiện: trực tiếp / trực tuyến / dịch vụ
bưu chính), so :class:`Procedure` has a default :class:`TimeLimit` and
:class:`Fee` and optional per-channel :class:`ChannelTerms` that override them.
The components of a published TTHC are set by Nghị định 63/2010/NĐ-CP Art 8(2).

Each record is one *version*: ``published_by`` is the announcement decision
(Quyết định công bố, a registry :class:`~cchc.legal.LegalSource`) and the
version is in force over that decision's period unless ``effective_from`` /
``effective_to`` say otherwise (the :class:`~cchc.legal.RuleVersion` rule).
"""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from pydantic import Field, field_validator, model_validator

from cchc._model import CchcRecord
from cchc.errors import ValidationError
from cchc.legal import LegalSource, RuleVersion
from cchc.legal import source as registry_source

from .codes import code_for_model
from .versions import ProcedureVersion
from .vocabulary import IMMEDIATE_AS, AuthorityLevel, Channel, OnlineServiceLevel, TimeUnit

__all__ = ["ChannelTerms", "Fee", "Procedure", "TimeLimit", "procedure_json_schema"]


class TimeLimit(CchcRecord):
    """A time limit: amount and unit, with the published wording kept.

    ``counted_from`` keeps the phrase that says when the clock starts, as
    published ("kể từ ngày nhận đủ hồ sơ hợp lệ"); the deadline engine starts
    the clock at the receipt (or the competent authority's receipt) whatever
    the phrase, so it is kept for display and checks only.
    """

    amount: int | None = Field(
        default=None, ge=0, description="Số lượng (amount); None only for 'immediate'."
    )
    unit: TimeUnit = Field(description="Đơn vị tính (unit of the time limit).")
    counted_from: str | None = Field(
        default=None,
        description="Mốc tính thời hạn as published, e.g. 'kể từ ngày nhận đủ hồ sơ hợp lệ'.",
    )
    text: str | None = Field(default=None, description="Published wording (thời hạn giải quyết).")

    @model_validator(mode="after")
    def _check(self) -> TimeLimit:
        if self.unit is TimeUnit.IMMEDIATE:
            if self.amount not in (None, 0):
                raise ValueError("an 'immediate' time limit has no amount")
        elif self.amount is None:
            raise ValueError(f"a time limit in {self.unit.value} needs an amount")
        return self

    def engine_terms(self) -> tuple[int, str]:
        """``(amount, unit)`` for :func:`cchc.dossiers.due_date`.

        ``immediate`` becomes ``(0, "working_days")``: due by the end of the
        receipt working day (assumption; no text defines "ngay" in hours).
        """
        if self.unit is TimeUnit.IMMEDIATE:
            return IMMEDIATE_AS[0], IMMEDIATE_AS[1].value
        assert self.amount is not None
        return self.amount, self.unit.value


class Fee(CchcRecord):
    """A fee (phí, lệ phí) as published; ``amount_vnd`` only when it is one figure."""

    text: str = Field(description="Published wording (phí, lệ phí).")
    amount_vnd: int | None = Field(
        default=None, ge=0, description="Amount in đồng when a single figure; 0 = free."
    )

    @classmethod
    def from_text(cls, text: str) -> Fee | None:
        """Parse a catalogue cell; ``None`` when the fee is unknown (UNCONFIRMED)."""
        raw = text.strip()
        if not raw or raw.upper().startswith("UNCONFIRMED"):
            return None
        if raw.lower() in {"không", "không quy định", "miễn phí", "miễn"}:
            return cls(text=raw, amount_vnd=0)
        figures = re.findall(r"(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|đ\b)", raw)
        amount = int(figures[0].replace(".", "")) if len(set(figures)) == 1 else None
        return cls(text=raw, amount_vnd=amount)


class ChannelTerms(CchcRecord):
    """Time limit and fee of one submission channel (one row of Cách thức thực hiện)."""

    channel: Channel = Field(description="Hình thức nộp (submission channel).")
    time_limit: TimeLimit | None = Field(default=None, description="Thời hạn giải quyết.")
    fee: Fee | None = Field(default=None, description="Phí, lệ phí.")
    description: str | None = Field(default=None, description="Mô tả (free text).")


class Procedure(CchcRecord):
    """An administrative procedure (thủ tục hành chính) as published: one version."""

    code: str = Field(description="Mã TTHC, e.g. '1.000948.H38'.")
    name: str = Field(min_length=1, description="Tên thủ tục hành chính.")
    field: str = Field(default="", description="Lĩnh vực (field), e.g. 'Thiết bị y tế'.")
    level: AuthorityLevel | None = Field(default=None, description="Cấp thực hiện.")
    time_limit: TimeLimit = Field(description="Thời hạn giải quyết (default for all channels).")
    fee: Fee | None = Field(default=None, description="Phí, lệ phí (None: unknown).")
    online_level: OnlineServiceLevel | None = Field(
        default=None, description="Mức độ DVCTT or toàn trình/một phần (None: unknown)."
    )
    online_text: str | None = Field(default=None, description="Published wording of channels.")
    cutoff: time | None = Field(
        default=None,
        description="Giờ tiếp nhận muộn nhất: receipts after it count from the next working "
        "day (procedure-specific rule, e.g. 15:00).",
    )
    channels: tuple[ChannelTerms, ...] = Field(
        default=(), description="Per-channel time limit and fee (Cách thức thực hiện)."
    )
    legal_basis: tuple[str, ...] = Field(default=(), description="Căn cứ pháp lý.")
    published_by: LegalSource | None = Field(
        default=None,
        description="Quyết định công bố TTHC (announcement decision) from the source "
        "registry; a registry key such as 'QD3004-2025-HTI' is accepted on input.",
    )
    effective_from: date | None = Field(
        default=None,
        description="Ngày áp dụng: first day this version applies, when it differs from "
        "the announcement decision's own effective date.",
    )
    effective_to: date | None = Field(
        default=None,
        description="First day this version no longer applies (replaced or abolished); "
        "None: the announcement decision's end, or still in force.",
    )
    source: str | None = Field(default=None, description="Where this record was read.")

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        return code_for_model(value)

    @field_validator("published_by", mode="before")
    @classmethod
    def _registry_key(cls, value: Any) -> Any:
        return registry_source(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _period(self) -> Procedure:
        start, end = self.start, self.end
        if start is not None and end is not None and end <= start:
            raise ValueError(
                f"the version ends ({end.isoformat()}) before it starts ({start.isoformat()})"
            )
        return self

    def time_limit_for(self, channel: Channel | str) -> TimeLimit:
        """The time limit that applies to ``channel`` (its own row, else the default)."""
        ch = Channel(channel)
        for terms in self.channels:
            if terms.channel is ch and terms.time_limit is not None:
                return terms.time_limit
        return self.time_limit

    def fee_for(self, channel: Channel | str) -> Fee | None:
        """The fee that applies to ``channel`` (its own row, else the default)."""
        ch = Channel(channel)
        for terms in self.channels:
            if terms.channel is ch and terms.fee is not None:
                return terms.fee
        return self.fee

    # -- versions (phiên bản) ------------------------------------------------
    @property
    def version(self) -> ProcedureVersion | None:
        """Code + announcement key (None when the announcement is not recorded)."""
        if self.published_by is None or self.published_by.key is None:
            return None
        return ProcedureVersion(code=self.code, published_by=self.published_by.key)

    @property
    def start(self) -> date | None:
        """First day in force: ``effective_from``, else the announcement's effective date."""
        if self.effective_from is not None:
            return self.effective_from
        return self.published_by.effective_from if self.published_by is not None else None

    @property
    def end(self) -> date | None:
        """First day no longer in force (None: open-ended)."""
        if self.effective_to is not None:
            return self.effective_to
        return self.published_by.effective_to if self.published_by is not None else None

    def rule_version(self) -> RuleVersion[Procedure]:
        """This record as a :class:`~cchc.legal.RuleVersion` of its code.

        Raises:
            ValidationError: no announcement decision is recorded.
        """
        if self.published_by is None:
            raise ValidationError(
                f"procedure {self.code} has no announcement decision (published_by)",
                field="published_by",
            )
        return RuleVersion.dated(self, self.published_by)

    def in_force_on(self, day: date) -> bool:
        """Whether this version applies on ``day`` (half-open ``[start, end)``)."""
        if self.published_by is not None:
            return self.rule_version().in_force_on(day)
        start, end = self.start, self.end
        return (start is None or day >= start) and (end is None or day < end)


def procedure_json_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Procedure` (for exchanging catalogues)."""
    return Procedure.model_json_schema()
