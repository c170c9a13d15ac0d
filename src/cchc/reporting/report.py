"""The periodic CCHC report (báo cáo cải cách hành chính định kỳ) as a typed model.

:class:`CchcReport` follows the outline (đề cương) that provincial Sở Nội vụ
guidance prescribes and seed 002 (Sở Y tế Bà Rịa-Vũng Tàu, báo cáo CCHC quý
I/2022) follows:

I. Công tác chỉ đạo, điều hành CCHC — 1. kế hoạch CCHC (tổng số nhiệm vụ / đã
thực hiện / đang triển khai), 2. chỉ đạo, điều hành (văn bản ban hành, hội nghị,
nhiệm vụ được giao), 3. kiểm tra CCHC, công vụ, 4. tuyên truyền CCHC;
II. Kết quả — 1. thể chế, 2. thủ tục hành chính (TTHC theo cấp, kết quả giải quyết
hồ sơ), 3. tổ chức bộ máy, 4. chế độ công vụ (lớp bồi dưỡng, cử đi đào tạo),
5. tài chính công, 6. chính quyền điện tử, chính quyền số (dịch vụ công trực
tuyến mức độ 3, 4; tỷ lệ hồ sơ trực tuyến);
III. Đánh giá chung — IV. Phương hướng, nhiệm vụ — V. Kiến nghị, đề xuất.

A figure not given is ``None`` (not reported); a rate must lie within 0-100
(except budget revenue against plan, which may exceed 100%). Loading a report
with :func:`parse_report` turns model errors into located cchc errors:

    >>> parse_report({"issuer": "Sở Y tế", "regime": "bnv-cchc", "kind": "Q1",
    ...               "year": 2022, "digital": {"online_dossier_rate": 104}})
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field digital.online_dossier_rate: Input should be less \
than or equal to 100
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field

from cchc._data import load_yaml, parse_user_model, read_user_data
from cchc._model import CchcModel
from cchc.plans.models import DocumentRef
from cchc.reporting_periods import DEFAULT_REGIME

__all__ = [
    "Assessment",
    "CchcReport",
    "CivilServiceSection",
    "CommunicationSection",
    "DigitalSection",
    "DirectionSection",
    "DossierFigures",
    "InspectionSection",
    "InstitutionSection",
    "OrganisationSection",
    "PlanSection",
    "ProcedureSection",
    "PublicFinanceSection",
    "example_report",
    "load_report",
    "parse_report",
]


class _Part(CchcModel):
    """A part of the report (and the report itself): unknown fields are refused, so a
    misspelt key in a report file is an error naming it."""

    model_config = ConfigDict(extra="forbid")


def _count(description: str) -> Any:
    return Field(default=None, ge=0, description=description)


def _rate(description: str) -> Any:
    return Field(default=None, ge=0, le=100, description=description)


class PlanSection(_Part):
    """I.1 Về kế hoạch cải cách hành chính."""

    plan: DocumentRef | None = Field(default=None, description="Kế hoạch CCHC năm (số, ngày).")
    plan_year: int | None = Field(default=None, description="Năm của kế hoạch được trích dẫn.")
    tasks_total: int | None = _count("Tổng số nhiệm vụ.")
    tasks_done: int | None = _count("Số nhiệm vụ đã thực hiện.")
    tasks_in_progress: int | None = _count("Số nhiệm vụ đang triển khai thực hiện.")
    tasks_not_started: int | None = _count("Số nhiệm vụ chưa triển khai.")
    completion_rate: Decimal | None = _rate("Mức độ hoàn thành (%), đã thực hiện / tổng số.")
    notes: str = Field(default="", description="Diễn giải.")


class DirectionSection(_Part):
    """I.2 Về tổ chức chỉ đạo, điều hành CCHC."""

    documents_issued: list[DocumentRef] = Field(
        default_factory=list, description="Văn bản chỉ đạo, điều hành về CCHC ban hành trong kỳ."
    )
    meetings: list[DocumentRef] = Field(
        default_factory=list, description="Hội nghị, giao ban về CCHC (thông báo kết luận)."
    )
    assigned_tasks_total: int | None = _count("Nhiệm vụ được UBND tỉnh, Chủ tịch giao.")
    assigned_tasks_done: int | None = _count("Nhiệm vụ được giao đã hoàn thành.")
    notes: str = Field(default="", description="Thi đua, sáng kiến, mô hình mới...")


class InspectionSection(_Part):
    """I.3 Về kiểm tra CCHC, công vụ."""

    plan: DocumentRef | None = Field(default=None, description="Kế hoạch kiểm tra.")
    inspections_planned: int | None = _count("Số cuộc kiểm tra theo kế hoạch.")
    inspections_done: int | None = _count("Số cuộc kiểm tra đã thực hiện.")
    notes: str = Field(default="", description="Kết quả, xử lý sau kiểm tra.")


class CommunicationSection(_Part):
    """I.4 Về công tác tuyên truyền CCHC."""

    plan: DocumentRef | None = Field(default=None, description="Kế hoạch tuyên truyền.")
    tasks_total: int | None = _count("Tổng số nhiệm vụ tuyên truyền.")
    tasks_done: int | None = _count("Số nhiệm vụ tuyên truyền đã hoàn thành.")
    notes: str = Field(default="", description="Diễn giải.")


class InstitutionSection(_Part):
    """II.1 Cải cách thể chế."""

    legal_documents_issued: int | None = _count("VBQPPL đã tham mưu ban hành.")
    legal_documents_reviewed: int | None = _count("VBQPPL đã kiểm tra, rà soát.")
    notes: str = Field(default="", description="Thi hành pháp luật, phổ biến pháp luật...")


class DossierFigures(_Part):
    """Kết quả giải quyết hồ sơ TTHC in the period (plain figures).

    ``carried_over + received = resolved + pending`` and
    ``resolved = resolved_early + resolved_on_due + resolved_late``.
    """

    carried_over: int | None = _count("Số hồ sơ kỳ trước chuyển qua.")
    received: int | None = _count("Số hồ sơ mới tiếp nhận trong kỳ.")
    resolved: int | None = _count("Số hồ sơ đã giải quyết.")
    resolved_early: int | None = _count("Giải quyết trước hạn.")
    resolved_on_due: int | None = _count("Giải quyết đúng hạn.")
    resolved_late: int | None = _count("Giải quyết quá hạn.")
    pending: int | None = _count("Số hồ sơ đang giải quyết.")
    on_time_rate: Decimal | None = _rate(
        "Tỷ lệ đúng hạn (%), (trước hạn + đúng hạn) / đã giải quyết."
    )
    online_received: int | None = _count("Số hồ sơ tiếp nhận trực tuyến.")


class ProcedureSection(_Part):
    """II.2 Cải cách thủ tục hành chính."""

    procedures_reviewed: int | None = _count("Số TTHC được rà soát.")
    procedures_simplified: int | None = _count("Số TTHC được cắt giảm, đơn giản hóa.")
    procedures_total: int | None = _count("Tổng số TTHC thuộc thẩm quyền.")
    procedures_province: int | None = _count("TTHC cấp tỉnh.")
    procedures_district: int | None = _count("TTHC cấp huyện.")
    procedures_commune: int | None = _count("TTHC cấp xã.")
    procedures_vertical: int | None = _count("TTHC của cơ quan ngành dọc.")
    dossiers: DossierFigures | None = Field(default=None, description="Kết quả giải quyết hồ sơ.")
    feedback_received: int | None = _count("Phản ánh, kiến nghị về TTHC tiếp nhận.")
    feedback_resolved: int | None = _count("Phản ánh, kiến nghị đã xử lý.")
    notes: str = Field(default="", description="Một cửa, số hóa, đánh giá chất lượng...")


class OrganisationSection(_Part):
    """II.3 Cải cách tổ chức bộ máy."""

    notes: str = Field(default="", description="Rà soát chức năng, sắp xếp, biên chế, phân cấp.")


class CivilServiceSection(_Part):
    """II.4 Cải cách chế độ công vụ (training classes and staff sent)."""

    classes_approved: int | None = _count("Số lớp được phê duyệt tổ chức.")
    classes_held: int | None = _count("Số lớp đã tổ chức.")
    classes_not_held: int | None = _count("Số lớp chưa tổ chức.")
    staff_sent_total: int | None = _count("Số CBCCVC được cử đào tạo, bồi dưỡng.")
    staff_political_advanced: int | None = _count("Lý luận chính trị cao cấp.")
    staff_political_intermediate: int | None = _count("Lý luận chính trị trung cấp.")
    staff_state_mgmt_principal: int | None = _count("Quản lý nhà nước ngạch chuyên viên chính.")
    staff_state_mgmt_specialist: int | None = _count("Quản lý nhà nước ngạch chuyên viên.")
    staff_job_position: int | None = _count("Bồi dưỡng theo vị trí việc làm, kỹ năng.")
    notes: str = Field(default="", description="Tuyển dụng, bổ nhiệm, kỷ luật...")


class PublicFinanceSection(_Part):
    """II.5 Cải cách tài chính công."""

    budget_revenue_million_vnd: Decimal | None = Field(
        default=None, ge=0, description="Thu ngân sách trong kỳ (triệu đồng)."
    )
    budget_revenue_rate: Decimal | None = Field(
        default=None, ge=0, description="Thu ngân sách so với kế hoạch giao (%, may exceed 100)."
    )
    investment_disbursement_rate: Decimal | None = _rate("Tỷ lệ giải ngân vốn đầu tư công (%).")
    notes: str = Field(default="", description="Tài sản công, tự chủ đơn vị sự nghiệp...")


class DigitalSection(_Part):
    """II.6 Xây dựng và phát triển Chính quyền điện tử, Chính quyền số."""

    online_services_total: int | None = _count("Tổng số TTHC cung cấp DVC trực tuyến mức 3, 4.")
    online_services_level3: int | None = _count("Số TTHC mức độ 3.")
    online_services_level4: int | None = _count("Số TTHC mức độ 4.")
    online_dossier_rate: Decimal | None = _rate("Tỷ lệ hồ sơ giải quyết trực tuyến (%).")
    notes: str = Field(default="", description="Hạ tầng, nền tảng, dữ liệu, ứng dụng...")


class Assessment(_Part):
    """III. Đánh giá chung."""

    strengths: str = Field(default="", description="Ưu điểm.")
    shortcomings: str = Field(default="", description="Tồn tại, hạn chế.")


class CchcReport(_Part):
    """A periodic CCHC report (báo cáo CCHC quý I / 6 tháng / quý III / năm)."""

    issuer: str = Field(description="Cơ quan báo cáo.")
    number: str | None = Field(default=None, description="Số, ký hiệu của báo cáo.")
    signed_on: date | None = Field(default=None, description="Ngày ký báo cáo.")
    submitted_on: date | None = Field(default=None, description="Ngày gửi báo cáo.")
    deadline: date | None = Field(
        default=None,
        description="Thời hạn gửi báo cáo set by the requesting agency; needed to check "
        "timeliness under nd09-2019, which sets only a minimum (Điều 8 khoản 5 điểm b).",
    )
    regime: str = Field(default=DEFAULT_REGIME, description="Chế độ báo cáo: bnv-cchc, nd09-2019.")
    kind: str = Field(description="Kỳ báo cáo: Q1, H1, Q3, Y (bnv-cchc)...")
    year: int = Field(description="Năm báo cáo.")
    plan: PlanSection = Field(default_factory=PlanSection)
    direction: DirectionSection = Field(default_factory=DirectionSection)
    inspection: InspectionSection = Field(default_factory=InspectionSection)
    communication: CommunicationSection = Field(default_factory=CommunicationSection)
    institutions: InstitutionSection = Field(default_factory=InstitutionSection)
    procedures: ProcedureSection = Field(default_factory=ProcedureSection)
    organisation: OrganisationSection = Field(default_factory=OrganisationSection)
    civil_service: CivilServiceSection = Field(default_factory=CivilServiceSection)
    public_finance: PublicFinanceSection = Field(default_factory=PublicFinanceSection)
    digital: DigitalSection = Field(default_factory=DigitalSection)
    assessment: Assessment = Field(default_factory=Assessment)
    next_steps: str = Field(default="", description="IV. Phương hướng, nhiệm vụ.")
    recommendations: str = Field(default="", description="V. Kiến nghị, đề xuất.")
    figures: dict[str, Decimal] = Field(
        default_factory=dict, description="Figures by target id, checked against targets."
    )


def parse_report(data: Any, *, source: str | None = None) -> CchcReport:
    """Validate plain data into a :class:`CchcReport` (located cchc errors)."""
    return parse_user_model(CchcReport, data, source=source, what="a report")


def load_report(path: str | Path) -> CchcReport:
    """Load a report from a ``.json``, ``.yaml`` or ``.yml`` file."""
    return parse_report(read_user_data(path), source=str(path))


def example_report() -> CchcReport:
    """Seed 002 as bundled data: báo cáo CCHC quý I/2022, Sở Y tế Bà Rịa - Vũng Tàu.

    Its slips are kept, so that :func:`cchc.reporting.check_report` finds them.

    >>> r = example_report()
    >>> (r.plan.tasks_total, r.plan.tasks_done, r.plan.tasks_in_progress)
    (25, 10, 15)
    """
    name = "bc_cchc_q1_2022_syt_brvt.yaml"
    return parse_report(load_yaml("cchc.reporting", "data", name), source=name)
