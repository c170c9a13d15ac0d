"""Render a periodic CCHC report as Markdown or as a Word file (.docx).

Both renderers walk the same list of blocks built by :func:`report_blocks`, in
the section order of the outline (:func:`~cchc.reporting.outline.report_outline`,
data citing its source) with its Vietnamese headings and figure labels, so what an
office pastes (Markdown) and what it sends (.docx) say the same thing. A figure not
given is written "(chưa có số liệu)", never left blank.

    >>> from cchc.reporting.report import CchcReport
    >>> md = to_markdown(CchcReport(issuer="Sở Y tế", kind="Q1", year=2022,
    ...                             plan={"tasks_total": 25, "tasks_done": 10}))
    >>> print(md.splitlines()[0])
    # BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2022
    >>> "- Tổng số nhiệm vụ: 25" in md
    True
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from cchc._data import write_output
from cchc._optional import require_extra
from cchc.l10n import vn_date
from cchc.plans.models import DocumentRef
from cchc.reporting.outline import report_outline
from cchc.reporting.report import CchcReport
from cchc.reporting_periods import reporting_period

__all__ = ["KIND_NAMES", "OUTLINE", "Block", "report_blocks", "to_docx", "to_markdown"]

if TYPE_CHECKING:
    OUTLINE: tuple[tuple[int, str], ...]
    """(level, heading) of every section of the outline, in order (plans_reporting.md §2.3)."""


def __getattr__(name: str) -> tuple[tuple[int, str], ...]:
    """``OUTLINE``: the headings of :func:`~cchc.reporting.outline.report_outline` as
    ``(level, text)`` pairs, read on first use (not at import)."""
    if name == "OUTLINE":
        return tuple((h.level, h.text) for h in report_outline().headings)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    outline = report_outline()
    heads = iter(outline.headings)

    def para(text: str) -> None:
        if text.strip():
            out.append(Block(-1, text))

    def item(label: str, value: str) -> None:
        out.append(Block(-2, f"{label}: {value}"))

    def head() -> None:
        h = next(heads)
        out.append(Block(h.level, h.text))

    def items(obj: object, figures: str) -> None:
        for line in outline.figures[figures]:
            value = getattr(obj, line.field)
            if value is None and line.optional:
                continue
            item(line.label, _ref(value) if line.unit == "ref" else _v(value, line.unit))

    def section(obj: Any, figures: str) -> None:  # a report section: figures + notes
        items(obj, figures)
        para(obj.notes)

    para(f"Cơ quan báo cáo: {r.issuer}.")
    para(
        f"Thời gian chốt số liệu: từ ngày {vn_date(period.start)} "
        f"đến ngày {vn_date(period.end)} ({period.source.cite()})."
    )
    head()
    head()
    section(r.plan, "plan")
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
    section(r.inspection, "inspection")
    head()
    section(r.communication, "communication")
    head()
    head()
    section(r.institutions, "institutions")
    head()
    pr = r.procedures
    items(pr, "procedures")
    if pr.dossiers is not None:
        para("Kết quả giải quyết hồ sơ thủ tục hành chính:")
        items(pr.dossiers, "dossiers")
    section(pr, "feedback")
    head()
    para(r.organisation.notes)
    head()
    section(r.civil_service, "civil_service")
    head()
    section(r.public_finance, "public_finance")
    head()
    section(r.digital, "digital")
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


def to_docx(report: CchcReport, path: str | Path, *, force: bool = False) -> Path:
    """Write the report as a Word document; returns the path written.

    Headings use Word's built-in styles (Title, Heading 1, Heading 2) so that a
    reader (or :mod:`docx`) finds the outline's sections by style.

    Missing folders are created; the file is written whole or not at all (a temporary
    file renamed), and an existing file is replaced only with ``force=True``.

    Raises:
        OutputError: ``path`` is a folder, exists without ``force``, or cannot be
            written (no permission, a full disk).
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
    buffer = io.BytesIO()
    document.save(buffer)
    return write_output(path, buffer.getvalue(), force=force)
