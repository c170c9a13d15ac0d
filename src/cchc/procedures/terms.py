"""The parts of a published procedure record (the national TTHC record).

The national TTHC database (Cơ sở dữ liệu quốc gia về TTHC) keeps, for each
procedure, what Nghị định 63/2010/NĐ-CP Art 8(2) requires a published TTHC to
state. This module holds the parts; :class:`~cchc.procedures.Procedure` puts
them together:

* :class:`TimeLimit` (thời hạn giải quyết) and :class:`Fee` (phí, lệ phí), one
  :class:`ChannelTerms` row per submission channel (Cách thức thực hiện);
* :class:`DocumentPart` (thành phần hồ sơ: a paper with its original and copy
  counts and its form) and :class:`ProcedureCase` (trường hợp: the papers, and
  where the case has its own, the time limit and fees of one case);
* :class:`ProcedureSteps` (trình tự thực hiện of one case), :class:`CodeName`
  (a coded item: agency, field, result, subject), :class:`ProcedureLevel`
  (cấp thực hiện) and :class:`LegalBasis` (căn cứ pháp lý, linked to the
  source registry when its number is registered).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any

from pydantic import Field, model_validator

from cchc._model import CchcRecord
from cchc.legal import sources

from .vocabulary import IMMEDIATE_AS, AuthorityLevel, Channel, TimeUnit

__all__ = [
    "ChannelTerms",
    "CodeName",
    "DocumentPart",
    "Fee",
    "FeeKind",
    "LegalBasis",
    "ProcedureCase",
    "ProcedureLevel",
    "ProcedureResult",
    "ProcedureSteps",
    "TimeLimit",
]


class TimeLimit(CchcRecord):
    """A time limit: amount and unit, with the published wording kept.

    ``counted_from`` keeps the phrase that says when the clock starts, as
    published ("kể từ ngày nhận đủ hồ sơ hợp lệ"); the deadline engine starts
    the clock at the receipt (or the competent authority's receipt) whatever
    the phrase, so it is kept for display and checks only.

    A fraction of a day ("0,5 ngày") is held in working hours (``unit`` =
    ``hours``) by the registry rule ``CONV-DAY-8H`` (one working day = 8
    working hours); ``days`` keeps the published number of days.
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
    days: Decimal | None = Field(
        default=None,
        gt=0,
        description="Số ngày as published when a fraction of a day was converted to working "
        "hours (e.g. 0.5 for '0,5 ngày' = 4 giờ làm việc).",
    )
    unit_text: str | None = Field(
        default=None,
        description="Đơn vị tính as published (the portal's DONVITINH, e.g. 'Ngày làm việc').",
    )
    amount_text: str | None = Field(
        default=None,
        description="Số lượng as published when given as text (the portal's "
        "THOIGIANGIAIQUYET, e.g. '0,5').",
    )

    @model_validator(mode="after")
    def _check(self) -> TimeLimit:
        if self.unit is TimeUnit.IMMEDIATE:
            if self.amount not in (None, 0):
                raise ValueError("an 'immediate' time limit has no amount")
        elif self.amount is None:
            raise ValueError(f"a time limit in {self.unit.value} needs an amount")
        if self.days is not None and self.unit is not TimeUnit.HOURS:
            raise ValueError("days (a fraction of a day) is kept only for a limit in hours")
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


class FeeKind(enum.StrEnum):
    """Kind of a charge: phí or lệ phí (the two kinds of Luật Phí và lệ phí 97/2015/QH13)."""

    FEE = "fee"
    """Phí: pays for a public service (dịch vụ công)."""
    CHARGE = "charge"
    """Lệ phí: charged for an act of state administration."""


_FEE_KIND = re.compile(r"^\s*(lệ\s+phí|phí)(?!\w)", re.IGNORECASE)


def fee_kind_of(text: str | None) -> FeeKind | None:
    """The kind a fee's wording names at its start ("Lệ phí ...", "Phí ..."), else None."""
    if not text:
        return None
    m = _FEE_KIND.match(unicodedata.normalize("NFC", text))
    if not m:
        return None
    return FeeKind.CHARGE if m.group(1).lower().startswith("lệ") else FeeKind.FEE


class Fee(CchcRecord):
    """A fee (phí, lệ phí) as published; ``amount_vnd`` only when it is one figure."""

    text: str = Field(default="", description="Published wording (phí, lệ phí).")
    amount_vnd: int | None = Field(
        default=None, ge=0, description="Số tiền in đồng when a single figure; 0 = free."
    )
    foreign_amount: Decimal | None = Field(
        default=None, ge=0, description="Số tiền in another currency (e.g. 10 USD), with currency."
    )
    currency: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217 code of a fee not in đồng (e.g. 'USD'); None: đồng.",
    )
    kind: FeeKind | None = Field(default=None, description="Phí or lệ phí (None: not said).")
    amount_text: str | None = Field(
        default=None, description="Số tiền as published when given as text (SOTIEN, '500.000')."
    )
    code: str | None = Field(default=None, description="Mã phí, lệ phí (the portal's MAPHILEPHI).")
    unit_text: str | None = Field(
        default=None, description="Đơn vị tiền as published (the portal's DONVI, e.g. 'Đồng')."
    )
    description: str | None = Field(default=None, description="Mô tả (the portal's MOTA).")
    file_name: str | None = Field(default=None, description="Tên tệp đính kèm (TENTEP).")
    url: str | None = Field(default=None, description="Đường dẫn tệp (URL).")
    reduced_by: tuple[str, ...] = Field(
        default=(),
        description="Keys of the dated reductions this fee falls under (e.g. 'TT64-2025': "
        "50% from 01/7/2025 to 31/12/2026); see cchc.procedures.fees.",
    )

    @model_validator(mode="after")
    def _currency(self) -> Fee:
        if (self.foreign_amount is None) != (self.currency is None):
            raise ValueError("a fee in another currency needs foreign_amount and currency")
        if self.currency is not None and self.amount_vnd is not None:
            raise ValueError("a fee has an amount in đồng or in another currency, not both")
        return self

    @property
    def free(self) -> bool:
        """Miễn phí: the amount is known and zero."""
        return self.amount_vnd == 0 or self.foreign_amount == 0

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
    """Time limit and fees of one submission channel (one row of Cách thức thực hiện).

    ``fees`` lists every charge of the row (the portal's PHILEPHI list: a phí
    and a lệ phí may both apply); ``fee`` is the single one when there is one,
    so that ``ChannelTerms(fee=...)`` and ``ChannelTerms(fees=(...,))`` build
    the same row.
    """

    channel: Channel = Field(description="Hình thức nộp (submission channel).")
    time_limit: TimeLimit | None = Field(default=None, description="Thời hạn giải quyết.")
    fee: Fee | None = Field(default=None, description="Phí, lệ phí (the only one of the row).")
    fees: tuple[Fee, ...] = Field(default=(), description="Every phí, lệ phí of the row.")
    description: str | None = Field(default=None, description="Mô tả (free text).")

    @model_validator(mode="before")
    @classmethod
    def _one_fee_list(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        fee, fees = data.get("fee"), tuple(data.get("fees") or ())
        if fee is not None and not fees:
            return {**data, "fees": (fee,)}
        if fee is None and len(fees) == 1:
            return {**data, "fee": fees[0]}
        return data

    @model_validator(mode="after")
    def _agree(self) -> ChannelTerms:
        if self.fee is not None and self.fees != (self.fee,):
            raise ValueError("fee is the row's only fee: give fee or fees, not both")
        return self


class DocumentPart(CchcRecord):
    """A paper of the dossier (thành phần hồ sơ: the portal's GIAYTO)."""

    name: str = Field(min_length=1, description="Tên giấy tờ (TENGIAYTO).")
    code: str | None = Field(default=None, description="Mã giấy tờ (MAGIAYTO).")
    originals: int | None = Field(default=None, ge=0, description="Số bản chính (SOBANCHINH).")
    copies: int | None = Field(default=None, ge=0, description="Số bản sao (SOBANSAO).")
    form_name: str | None = Field(default=None, description="Tên mẫu đơn, tờ khai (TENMAUDON).")
    form_url: str | None = Field(default=None, description="Đường dẫn mẫu đơn (URL).")
    replaced_by_result: str | None = Field(
        default=None,
        description="Mã kết quả thay thế (MA_KQ_THAYTHE): the result code of a procedure whose "
        "electronic result replaces this paper.",
    )
    required: bool = Field(
        default=True,
        description="Bắt buộc; False for a paper asked only in a situation (thành phần có "
        "điều kiện), whose situation is in ``condition``.",
    )
    condition: str | None = Field(
        default=None, description="Khi nào phải nộp (the situation of a conditional paper)."
    )

    @model_validator(mode="after")
    def _check(self) -> DocumentPart:
        if self.required and self.condition is not None:
            raise ValueError("a required paper has no condition (set required=False)")
        return self


_CONDITION_WORDS = r"(?:(?:đối\s+với\s+)?(?:trong\s+)?trường\s+hợp|nếu(?:\s+có)?|đối\s+với)(?!\w)"
_CONDITION_LEAD = re.compile(
    r"^\s*[-+*]?\s*(" + _CONDITION_WORDS + r".*)$", re.IGNORECASE | re.DOTALL
)
_CONDITION_TAIL = re.compile(r"(\(\s*" + _CONDITION_WORDS + r"[^()]*\))[\s.;]*$", re.IGNORECASE)


PART_CONDITION_SOURCE = "CONV-PART-CONDITIONAL"
"""Registry key of the reading rule of :func:`conditional_phrase` (a convention)."""


def conditional_phrase(name: str) -> str | None:
    """The situation a paper's name limits it to, or None for a required paper.

    The portal has no 'required' flag. A paper is read as conditional (registry
    ``CONV-PART-CONDITIONAL``) when its name **starts** with "Trường hợp …",
    "Trong trường hợp …", "Nếu …", "Đối với …" (the whole name is the situation)
    or **ends** with such a phrase in brackets, "(trong trường hợp Thẻ bị hư
    hỏng)", "(nếu có)". A phrase inside the name ("…; trường hợp quá thời hạn
    06 tháng …") says how to supply a required paper and is not read::

        >>> conditional_phrase("Thẻ cũ (trong trường hợp Thẻ bị hư hỏng)")
        '(trong trường hợp Thẻ bị hư hỏng)'
        >>> conditional_phrase("Văn bản đề nghị; trường hợp quá hạn thì cấp lại") is None
        True
    """
    text = unicodedata.normalize("NFC", name)
    if m := _CONDITION_LEAD.match(text):
        return m.group(1).strip()
    if m := _CONDITION_TAIL.search(text):
        return m.group(1).strip()
    return None


class ProcedureCase(CchcRecord):
    """A case (trường hợp) of a procedure: its papers and, when it has its own, its terms.

    A case without its own ``time_limit`` / ``channels`` uses the procedure's.
    """

    name: str = Field(default="", description="Tên trường hợp ('' for the only case).")
    parts: tuple[DocumentPart, ...] = Field(default=(), description="Thành phần hồ sơ.")
    time_limit: TimeLimit | None = Field(
        default=None, description="Thời hạn giải quyết of this case (None: the procedure's)."
    )
    channels: tuple[ChannelTerms, ...] = Field(
        default=(), description="Per-channel time limit and fees of this case."
    )

    def required_parts(self) -> tuple[DocumentPart, ...]:
        """The papers every dossier of this case must include."""
        return tuple(p for p in self.parts if p.required)


class ProcedureSteps(CchcRecord):
    """The published sequence (trình tự thực hiện) of one case: TRUONGHOP + TRINHTU."""

    case: str = Field(default="", description="Trường hợp ('' when the sequence is common).")
    steps: tuple[str, ...] = Field(default=(), description="Các bước (TENTRINHTU), in order.")


class CodeName(CchcRecord):
    """A coded item of the record: an agency, a field, a result, a subject."""

    code: str | None = Field(default=None, description="Mã (code), when published.")
    name: str | None = Field(default=None, description="Tên (name), when published.")

    @model_validator(mode="after")
    def _one(self) -> CodeName:
        if self.code is None and self.name is None:
            raise ValueError("a coded item needs a code or a name")
        return self


class ProcedureResult(CodeName):
    """A result of the procedure (kết quả thực hiện: the portal's KETQUATHUCHIEN item)."""

    file_name: str | None = Field(default=None, description="Tên tệp mẫu kết quả (TENTEP).")
    url: str | None = Field(default=None, description="Đường dẫn tệp (URL).")


class ProcedureLevel(CchcRecord):
    """A level that implements the procedure (the portal's CAPTHUCHIEN item)."""

    level: AuthorityLevel = Field(description="Cấp thực hiện.")
    code: str | None = Field(
        default=None, description="Mã cấp as published (CAPTHUCHIEN: '0' bộ … '3' xã)."
    )
    name: str | None = Field(default=None, description="Tên cấp as published (TENCAP).")


def _number_key(number: str) -> str:
    return "".join(unicodedata.normalize("NFC", number).upper().split())


_YEARED = re.compile(r"/\d{4}/")


@lru_cache(maxsize=1)
def _keys_by_number() -> dict[str, str]:
    """Registry number -> first key (in registry order) of a dated number ('…/2019/…')."""
    found: dict[str, str] = {}
    for key, src in sources().items():
        if _YEARED.search(src.number):
            found.setdefault(_number_key(src.number), key)
    return found


class LegalBasis(CchcRecord):
    """A legal basis of the procedure (căn cứ pháp lý: the portal's SOVANBAN, TENVANBAN)."""

    number: str | None = Field(default=None, description="Số, ký hiệu (SOVANBAN).")
    title: str | None = Field(default=None, description="Tên văn bản (TENVANBAN).")
    issuer: str | None = Field(default=None, description="Cơ quan ban hành (COQUANBANHANH).")
    issued_on: str | None = Field(
        default=None, description="Ngày ban hành as published (NGAYBANHANH)."
    )
    effective_on: str | None = Field(
        default=None, description="Ngày hiệu lực as published (NGAYHIEULUC)."
    )
    url: str | None = Field(default=None, description="Địa chỉ truy cập (DIACHITRUYCAP).")

    @property
    def registry_key(self) -> str | None:
        """The source-registry key of this text, when its number (with a year) is registered.

        Numbers without a year ("3004/QĐ-UBND") are shared by many issuers and
        are not linked; where the registry holds several articles of one text
        (91/2015/QH13) the first row is named.
        """
        if self.number is None or not _YEARED.search(self.number):
            return None
        return _keys_by_number().get(_number_key(self.number))
