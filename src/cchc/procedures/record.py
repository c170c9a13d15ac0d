"""The fields of a published procedure (thủ tục hành chính, TTHC): one version's record.

:class:`ProcedureRecord` holds what a version of a procedure records: the terms cchc
computes with (code, time limit, fee, channels, the announcement decision) and the
national TTHC record's own fields (Cơ sở dữ liệu quốc gia về TTHC), each named after
the portal field it is read from. :class:`~cchc.procedures.Procedure` adds the
look-ups and versions; the portal reader and writer (:mod:`cchc.procedures.portal`)
read and write these fields.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from pydantic import Field, field_validator

from cchc._model import CchcRecord
from cchc.legal import LegalSource
from cchc.legal import source as registry_source

from .codes import ProcedureCode
from .terms import (
    ChannelTerms,
    CodeName,
    Fee,
    LegalBasis,
    ProcedureCase,
    ProcedureLevel,
    ProcedureResult,
    ProcedureSteps,
    TimeLimit,
)
from .vocabulary import AuthorityLevel, OnlineServiceLevel

__all__ = ["ProcedureRecord"]


class ProcedureRecord(CchcRecord):
    """The fields of one published version of a procedure (base of
    :class:`~cchc.procedures.Procedure`)."""

    code: ProcedureCode = Field(description="Mã TTHC, e.g. '1.000948.H38'.")
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
    # -- the national TTHC record (Cơ sở dữ liệu quốc gia về TTHC) -----------------
    levels: tuple[ProcedureLevel, ...] = Field(
        default=(), description="Cấp thực hiện, every level (CAPTHUCHIEN) with its details."
    )
    domains: tuple[CodeName, ...] = Field(
        default=(), description="Lĩnh vực thực hiện with codes (LINHVUCTHUCHIEN)."
    )
    publishing_agency: CodeName | None = Field(
        default=None, description="Cơ quan công bố (MACOQUANCONGBO)."
    )
    agencies: tuple[CodeName, ...] = Field(
        default=(), description="Cơ quan thực hiện (COQUANTHUCHIEN)."
    )
    agencies_text: str | None = Field(
        default=None, description="Mô tả cơ quan thực hiện (MOTACOQUANTHUCHIEN)."
    )
    competent_agencies: tuple[CodeName, ...] = Field(
        default=(), description="Cơ quan có thẩm quyền (COQUANCOTHAMQUYEN)."
    )
    competent_agencies_text: str | None = Field(
        default=None, description="Mô tả cơ quan có thẩm quyền (MOTACOQUANTHAMQUYEN)."
    )
    authorised_agencies: tuple[CodeName, ...] = Field(
        default=(), description="Cơ quan được ủy quyền (COQUANDUOCUYQUYEN)."
    )
    coordinating_agencies: tuple[CodeName, ...] = Field(
        default=(), description="Cơ quan phối hợp (COQUANPHOIHOP)."
    )
    receiving_address: str | None = Field(
        default=None, description="Địa chỉ tiếp nhận hồ sơ (DIACHITIEPNHAN)."
    )
    related_procedures: tuple[str, ...] = Field(
        default=(), description="Thủ tục hành chính liên quan (TTHCLIENQUAN)."
    )
    linked_procedures: tuple[str, ...] = Field(
        default=(), description="Thủ tục liên thông (TTHCLIENTHONG)."
    )
    subjects: tuple[CodeName, ...] = Field(
        default=(), description="Đối tượng thực hiện (DOITUONGTHUCHIEN)."
    )
    subjects_text: str | None = Field(
        default=None, description="Mô tả đối tượng thực hiện (MOTADOITUONGTHUCHIEN)."
    )
    cases: tuple[ProcedureCase, ...] = Field(
        default=(), description="Trường hợp with their thành phần hồ sơ (THANHPHANHOSO)."
    )
    sequence: tuple[ProcedureSteps, ...] = Field(
        default=(), description="Trình tự thực hiện per case (TRINHTUTHUCHIEN)."
    )
    results: tuple[ProcedureResult, ...] = Field(
        default=(), description="Kết quả thực hiện (KETQUATHUCHIEN)."
    )
    requirements: str | None = Field(
        default=None, description="Yêu cầu, điều kiện thực hiện (YEUCAU)."
    )
    legal_bases: tuple[LegalBasis, ...] = Field(
        default=(), description="Căn cứ pháp lý with number and title (CANCUPHAPLY)."
    )
    description: str | None = Field(default=None, description="Mô tả (MOTA).")
    keywords: str | None = Field(default=None, description="Từ khóa (TUKHOA).")
    announcement_number: str | None = Field(
        default=None, description="Số quyết định công bố as published (QUYETDINH)."
    )
    kind: str | int | None = Field(
        default=None, description="Loại thủ tục (LOAITTHC), as published."
    )
    portal_id: str | int | None = Field(default=None, description="ID of the record on the portal.")
    portal_status: str | int | None = Field(
        default=None, description="Trạng thái of the record on the portal (TRANGTHAI; 1 = public)."
    )
    announcement_id: str | int | None = Field(
        default=None, description="ID of the Quyết định công bố on the portal (IDQUYETDINHCONGBO)."
    )

    @field_validator("published_by", mode="before")
    @classmethod
    def _registry_key(cls, value: Any) -> Any:
        return registry_source(value) if isinstance(value, str) else value
