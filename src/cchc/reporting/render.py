"""Render a periodic CCHC report as Markdown or as a Word file (.docx).

Both renderers walk the same list of blocks built by :func:`report_blocks`, in
the section order of the outline (:data:`OUTLINE`) with its Vietnamese
headings, so what an office pastes (Markdown) and what it sends (.docx) say the
same thing. A figure not given is written "(chưa có số liệu)", never left blank.

    >>> from cchc.reporting.report import CchcReport
    >>> md = to_markdown(CchcReport(issuer="Sở Y tế", kind="Q1", year=2022,
    ...                             plan={"tasks_total": 25, "tasks_done": 10}))
    >>> print(md.splitlines()[0])
    # BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2022
    >>> "- Tổng số nhiệm vụ: 25" in md
    True
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from cchc._optional import require_extra
from cchc.errors import DataFileError
from cchc.plans.models import DocumentRef
from cchc.reporting.periods import reporting_period
from cchc.reporting.report import CchcReport

__all__ = ["KIND_NAMES", "OUTLINE", "Block", "report_blocks", "to_docx", "to_markdown"]

OUTLINE: tuple[tuple[int, str], ...] = (
    (1, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
    (2, "1. Về kế hoạch cải cách hành chính"),
    (2, "2. Về tổ chức chỉ đạo, điều hành cải cách hành chính"),
    (2, "3. Về kiểm tra cải cách hành chính, công vụ"),
    (2, "4. Về công tác tuyên truyền cải cách hành chính"),
    (1, "II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH"),
    (2, "1. Cải cách thể chế"),
    (2, "2. Cải cách thủ tục hành chính"),
    (2, "3. Cải cách tổ chức bộ máy"),
    (2, "4. Cải cách chế độ công vụ"),
    (2, "5. Cải cách tài chính công"),
    (2, "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"),
    (1, "III. ĐÁNH GIÁ CHUNG"),
    (1, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
    (1, "V. KIẾN NGHỊ, ĐỀ XUẤT"),
)
"""(level, heading) of every section of the outline, in order (plans_reporting.md §2.3)."""

KIND_NAMES: dict[str, str] = {
    "Q1": "QUÝ I",
    "Q2": "QUÝ II",
    "Q3": "QUÝ III",
    "Q4": "QUÝ IV",
    "H1": "6 THÁNG ĐẦU",
    "H2": "6 THÁNG CUỐI",
    "9M": "9 THÁNG",
    "Y": "",
    **{f"M{m}": f"THÁNG {m}" for m in range(1, 13)},
}
"""Vietnamese name of each kind of report, for the title."""

_Spec = tuple[tuple[str, str, str], ...]
"""(label, field, unit) of the figures of one section; unit "ref" is a document."""

_INSPECTION: _Spec = (
    ("Kế hoạch kiểm tra", "plan", "ref"),
    ("Số cuộc kiểm tra theo kế hoạch", "inspections_planned", ""),
    ("Số cuộc kiểm tra đã thực hiện", "inspections_done", ""),
)
_COMMUNICATION: _Spec = (
    ("Kế hoạch tuyên truyền", "plan", "ref"),
    ("Tổng số nhiệm vụ", "tasks_total", ""),
    ("Số nhiệm vụ hoàn thành", "tasks_done", ""),
)
_INSTITUTIONS: _Spec = (
    ("Số VBQPPL đã tham mưu ban hành", "legal_documents_issued", ""),
    ("Số VBQPPL đã kiểm tra, rà soát", "legal_documents_reviewed", ""),
)
_PROCEDURES: _Spec = (
    ("Số TTHC được rà soát", "procedures_reviewed", ""),
    ("Số TTHC được cắt giảm, đơn giản hóa", "procedures_simplified", ""),
    ("Tổng số TTHC thuộc thẩm quyền giải quyết", "procedures_total", ""),
    ("TTHC cấp tỉnh", "procedures_province", ""),
    ("TTHC cấp huyện", "procedures_district", ""),
    ("TTHC cấp xã", "procedures_commune", ""),
    ("TTHC của cơ quan ngành dọc", "procedures_vertical", ""),
)
_DOSSIERS: _Spec = (
    ("Hồ sơ kỳ trước chuyển qua", "carried_over", ""),
    ("Hồ sơ mới tiếp nhận", "received", ""),
    ("Hồ sơ tiếp nhận trực tuyến", "online_received", ""),
    ("Hồ sơ đã giải quyết", "resolved", ""),
    ("Trước hạn", "resolved_early", ""),
    ("Đúng hạn", "resolved_on_due", ""),
    ("Quá hạn", "resolved_late", ""),
    ("Đang giải quyết", "pending", ""),
    ("Tỷ lệ giải quyết đúng hạn", "on_time_rate", "%"),
)
_FEEDBACK: _Spec = (
    ("Phản ánh, kiến nghị về TTHC tiếp nhận", "feedback_received", ""),
    ("Phản ánh, kiến nghị đã xử lý", "feedback_resolved", ""),
)
_CIVIL_SERVICE: _Spec = (
    ("Số lớp được phê duyệt tổ chức", "classes_approved", ""),
    ("Số lớp đã tổ chức", "classes_held", ""),
    ("Số lớp chưa tổ chức", "classes_not_held", ""),
    ("Số CBCCVC được cử đào tạo, bồi dưỡng", "staff_sent_total", ""),
)
_PUBLIC_FINANCE: _Spec = (
    ("Thu ngân sách trong kỳ (triệu đồng)", "budget_revenue_million_vnd", ""),
    ("Thu ngân sách so với kế hoạch", "budget_revenue_rate", "%"),
    ("Giải ngân vốn đầu tư công", "investment_disbursement_rate", "%"),
)
_DIGITAL: _Spec = (
    ("Tổng số TTHC cung cấp dịch vụ công trực tuyến mức độ 3, 4", "online_services_total", ""),
    ("Số TTHC mức độ 3", "online_services_level3", ""),
    ("Số TTHC mức độ 4", "online_services_level4", ""),
    ("Tỷ lệ giải quyết hồ sơ trực tuyến", "online_dossier_rate", "%"),
)

MISSING = "(chưa có số liệu)"


@attrs.frozen
class Block:
    """A heading (level 0 = title, 1, 2), a paragraph (level -1) or a bullet (-2)."""

    level: int
    text: str


def _v(value: int | Decimal | None, unit: str = "") -> str:
    if value is None:
        return MISSING
    return f"{value}{unit}"


def _ref(ref: DocumentRef | None) -> str:
    if ref is None:
        return MISSING
    return f"{ref.cite()} {ref.title}".strip()


def report_blocks(report: CchcReport) -> list[Block]:
    """The report as an ordered list of blocks (title, headings, paragraphs, bullets)."""
    r = report
    period = reporting_period(r.regime, r.kind, r.year, due=False)
    name = KIND_NAMES.get(r.kind, r.kind)
    title = f"BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {name} NĂM {r.year}".replace("  ", " ")
    out: list[Block] = [Block(0, title)]
    heads = iter(OUTLINE)

    def para(text: str) -> None:
        if text.strip():
            out.append(Block(-1, text))

    def item(label: str, value: str) -> None:
        out.append(Block(-2, f"{label}: {value}"))

    def head() -> None:
        level, text = next(heads)
        out.append(Block(level, text))

    def items(obj: object, spec: _Spec) -> None:
        for label, name, unit in spec:
            value = getattr(obj, name)
            item(label, _ref(value) if unit == "ref" else _v(value, unit))

    def section(obj: Any, spec: _Spec) -> None:  # a report section: figures + notes
        items(obj, spec)
        para(obj.notes)

    para(f"Cơ quan báo cáo: {r.issuer}.")
    para(
        f"Thời gian chốt số liệu: từ ngày {period.start.strftime('%d/%m/%Y')} "
        f"đến ngày {period.end.strftime('%d/%m/%Y')} ({period.source.cite()})."
    )
    head()
    head()
    pl = r.plan
    item("Kế hoạch cải cách hành chính", _ref(pl.plan))
    item("Tổng số nhiệm vụ", _v(pl.tasks_total))
    item("Số nhiệm vụ đã thực hiện", _v(pl.tasks_done))
    item("Số nhiệm vụ đang triển khai thực hiện", _v(pl.tasks_in_progress))
    if pl.tasks_not_started is not None:
        item("Số nhiệm vụ chưa triển khai", _v(pl.tasks_not_started))
    if pl.completion_rate is not None:
        item("Mức độ hoàn thành kế hoạch", _v(pl.completion_rate, "%"))
    para(pl.notes)
    head()
    d = r.direction
    para("Văn bản chỉ đạo, điều hành về cải cách hành chính ban hành trong kỳ:")
    for ref in d.documents_issued:
        out.append(Block(-2, _ref(ref)))
    if d.meetings:
        para("Hội nghị, họp giao ban về công tác cải cách hành chính:")
        for ref in d.meetings:
            out.append(Block(-2, _ref(ref)))
    if d.assigned_tasks_total is not None:
        item("Nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao", _v(d.assigned_tasks_total))
        item("Đã hoàn thành", _v(d.assigned_tasks_done))
    para(d.notes)
    head()
    section(r.inspection, _INSPECTION)
    head()
    section(r.communication, _COMMUNICATION)
    head()
    head()
    section(r.institutions, _INSTITUTIONS)
    head()
    pr = r.procedures
    items(pr, _PROCEDURES)
    if pr.dossiers is not None:
        para("Kết quả giải quyết hồ sơ thủ tục hành chính:")
        items(pr.dossiers, _DOSSIERS)
    section(pr, _FEEDBACK)
    head()
    para(r.organisation.notes)
    head()
    section(r.civil_service, _CIVIL_SERVICE)
    head()
    section(r.public_finance, _PUBLIC_FINANCE)
    head()
    section(r.digital, _DIGITAL)
    head()
    item("Ưu điểm", r.assessment.strengths or MISSING)
    item("Tồn tại, hạn chế", r.assessment.shortcomings or MISSING)
    head()
    para(r.next_steps or MISSING)
    head()
    para(r.recommendations or MISSING)
    return out


def to_markdown(report: CchcReport) -> str:
    """The report as Markdown text (title ``#``, sections ``##`` and ``###``)."""
    lines: list[str] = []
    in_list = False
    for b in report_blocks(report):
        if b.level == -2:
            lines.append(f"- {b.text}")
            in_list = True
            continue
        if in_list:
            lines.append("")
            in_list = False
        text = f"{'#' * (b.level + 1)} {b.text}" if b.level >= 0 else b.text
        lines += [text, ""]
    return "\n".join(lines).rstrip() + "\n"


def to_docx(report: CchcReport, path: str | Path) -> Path:
    """Write the report as a Word document; returns the path written.

    Headings use Word's built-in styles (Title, Heading 1, Heading 2) so that a
    reader (or :mod:`docx`) finds the outline's sections by style.

    Raises:
        DataFileError: the file cannot be written (missing folder, no permission).
        MissingExtraError: python-docx (the ``docx`` extra) is not installed.
    """
    docx = require_extra("docx", "docx")

    document = docx.Document()
    for b in report_blocks(report):
        if b.level >= 0:
            document.add_heading(b.text, level=b.level)
        elif b.level == -1:
            document.add_paragraph(b.text)
        else:
            document.add_paragraph(b.text, style="List Bullet")
    path = Path(path)
    try:
        document.save(str(path))
    except OSError as exc:
        raise DataFileError(f"cannot write file: {exc.strerror or exc}", source=str(path)) from exc
    return path
