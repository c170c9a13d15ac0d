"""Word (.docx) rendering of a filled form in the official layout (needs python-docx).

Layout: the form number at the top right; a two-column header with the
agency (left) and the national name and motto (right: "CỘNG HÒA XÃ HỘI CHỦ
NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", underlined, and the place and
date in italics); the title in bold capitals; the body lines; the table; the
signature blocks. Times New Roman, 13 pt body and 12-14 pt header, as the
administrative-document rules of Nghị định 30/2020/NĐ-CP (Phụ lục I) set for
quốc hiệu (12-13 pt), tiêu ngữ (13-14 pt) and body (13-14 pt). A5 portrait for
the slips, A4 landscape for the book (TT 01/2018 Art 9(2)).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from cchc._data import write_output

from .markdown import MOTTO, NATION
from .parts import FormView

__all__ = ["FONT", "docx_bytes", "write_docx"]

FONT = "Times New Roman"
"""The font of every run."""
_PAPER = {"A5": (Mm(148), Mm(210)), "A4": (Mm(210), Mm(297))}


def _font(run: Any, size: float, *, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _para(
    container: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    after: float = 0,
) -> Any:
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.space_before = Pt(0)
    run = p.add_run(text)
    _font(run, size, bold=bold, italic=italic)
    run.font.underline = underline
    return p


def _no_borders(table: Any) -> None:
    borders = table._tbl.tblPr.first_child_found_in("w:tblBorders")
    if borders is not None:
        table._tbl.tblPr.remove(borders)


def _widths(table: Any, widths: list[float]) -> None:
    """Fix column widths (mm) in the grid and every cell (LibreOffice reads the grid)."""
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Mm(w)
        for cell in col.cells:
            cell.width = Mm(w)


def _first_cell_para(cell: Any) -> Any:
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return cell


def _page(doc: Any, paper: str) -> float:
    width, height = _PAPER.get(paper, _PAPER["A5"])
    section = doc.sections[0]
    if paper == "A4":
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.left_margin, section.right_margin = Mm(12), Mm(10)
    section.top_margin, section.bottom_margin = Mm(10), Mm(10)
    usable: float = (width - Mm(22)) / Mm(1)
    return usable


def _header(doc: Any, form: FormView, usable: float) -> None:
    _para(doc, form.code, 12, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=4)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left_w = usable * 0.3
    _widths(table, [left_w, usable - left_w])
    left = _first_cell_para(table.rows[0].cells[0])
    _para(left, form.agency.upper(), 11 if form.paper == "A5" else 13, bold=True)
    _para(left, "—————", 10)
    right = _first_cell_para(table.rows[0].cells[1])
    small = form.paper == "A5"
    _para(right, NATION, 11 if small else 13, bold=True)
    _para(right, MOTTO, 12 if small else 14, bold=True, underline=True, after=6)
    _para(right, form.dated, 12 if small else 13, italic=True)


def _body(doc: Any, form: FormView) -> None:
    _para(doc, form.title.upper(), 14, bold=True, after=6).paragraph_format.space_before = Pt(10)
    for f in form.fields:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(1)
        _font(p.add_run(f"{f.label}: " if f.value or f.items else f.label), 13)
        if f.value:
            _font(p.add_run(f.value), 13, bold=True)
        for n, item in enumerate(f.items, start=1):
            q = _para(doc, f"({n}) {item}", 13, align=WD_ALIGN_PARAGRAPH.LEFT, after=1)
            q.paragraph_format.left_indent = Mm(8)


def _grid(doc: Any, form: FormView, usable: float) -> None:
    if form.table is None:
        return
    size = 10 if len(form.table.columns) > 6 else 11
    table = doc.add_table(rows=1, cols=len(form.table.columns))
    table.style = "Table Grid"
    # column widths follow the text they hold; the "TT" column stays narrow
    columns = list(zip(form.table.columns, *form.table.rows, strict=True))
    weights = [
        min(40.0, max(12.0, len(col[0]) / 2, sum(map(len, col)) / len(col))) for col in columns
    ]
    narrow = 9.0 if form.table.columns[0] == "TT" else 0.0
    if narrow:
        weights[0] = 0.0
    scale = (usable - narrow) / sum(weights)
    _widths(table, [w * scale if w else narrow for w in weights])
    for cell, text in zip(table.rows[0].cells, form.table.columns, strict=True):
        _para(_first_cell_para(cell), text, size, bold=True)
    for row in form.table.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _para(_first_cell_para(cell), text, size, align=WD_ALIGN_PARAGRAPH.LEFT)


def _signatures(doc: Any, form: FormView, usable: float) -> None:
    if not form.signatures:
        return
    # one signer signs on the right, as on the official forms
    cols = max(2, len(form.signatures))
    table = doc.add_table(rows=1, cols=cols)
    _no_borders(table)
    _widths(table, [usable / cols] * cols)
    cells = table.rows[0].cells[-len(form.signatures) :]
    for cell, sig in zip(cells, form.signatures, strict=True):
        box = _first_cell_para(cell)
        role = _para(box, sig.role, 12 if form.paper == "A5" else 13, bold=True)
        role.paragraph_format.space_before = Pt(6)
        _para(box, "(Ký và ghi rõ họ tên)", 12, italic=True, after=30)
        _para(box, sig.name, 13, bold=True)


def write_docx(form: FormView, path: Path, *, force: bool = False) -> Path:
    """Write ``form`` to ``path`` (.docx) by :func:`cchc._data.write_output` (atomically;
    an existing file replaced only with ``force``) and return the path."""
    return write_output(path, docx_bytes(form), force=force)


def docx_bytes(form: FormView) -> bytes:
    """``form`` as the bytes of a .docx file (nothing is written to disk)."""
    buffer = io.BytesIO()
    _document(form).save(buffer)
    return buffer.getvalue()


def _document(form: FormView) -> Any:
    """The Word document of ``form`` in the official layout."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    usable = _page(doc, form.paper)
    _header(doc, form, usable)
    _body(doc, form)
    _grid(doc, form, usable)
    _signatures(doc, form, usable)
    foot = f"({form.code} ban hành kèm theo {form.source.doc_type} {form.source.number})"
    _para(doc, foot, 10, italic=True, after=0).paragraph_format.space_before = Pt(12)
    return doc
