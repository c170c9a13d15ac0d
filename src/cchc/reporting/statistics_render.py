"""A filled statistics form as Markdown, Word (.docx) and Excel (.xlsx), in the form's layout.

The header is the form's: STT, the row heading, then the counted columns under their
groups over three header rows, with merged cells (:func:`header_cells`), and the row of
column numbers (1) (2) ... (13). Each agency is a section row (I, II, ...) carrying its
subtotal, followed by its fields (1, 2, ...); the last row is the grand total (Tổng cộng).

    >>> from cchc.reporting.statistics import FormRow, StatisticsForm, form_spec
    >>> spec = form_spec("06")
    >>> [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in header_cells(spec)][:4]
    [(0, 1, 3, 1, 'STT'), (0, 2, 3, 1, 'Lĩnh vực, công việc giải quyết theo cấp'), \
(0, 3, 1, 4, 'Số hồ sơ nhận giải quyết'), (0, 7, 1, 4, 'Số hồ sơ đã giải quyết')]
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from cchc._data import write_output
from cchc._optional import require_extra
from cchc.reporting.statistics import FormRow, FormSpec, StatisticsForm

__all__ = [
    "HEADER_ROWS",
    "HeaderCell",
    "body_rows",
    "header_cells",
    "to_docx",
    "to_markdown",
    "to_xlsx",
]

HEADER_ROWS = 3
"""Header rows above the row of column numbers."""

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@attrs.frozen
class HeaderCell:
    """One (possibly merged) header cell: 0-based ``row``, 1-based table ``col``."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def header_cells(spec: FormSpec) -> list[HeaderCell]:
    """The header cells of ``spec`` with their merges, row by row, left to right."""
    cells: list[HeaderCell] = []
    for level in range(HEADER_ROWS):
        if level == 0:
            cells.append(HeaderCell(0, 1, HEADER_ROWS, 1, "STT"))
            cells.append(HeaderCell(0, 2, HEADER_ROWS, 1, spec.row_heading))
        run: list[int] = []
        for k, column in enumerate(spec.columns):
            path = column.header
            if len(path) <= level:
                _close(cells, spec, run, level)
                run = []
                continue
            if run and spec.columns[run[0]].header[: level + 1] != path[: level + 1]:
                _close(cells, spec, run, level)
                run = []
            run.append(k)
        _close(cells, spec, run, level)
    return sorted(cells, key=lambda c: (c.row, c.col))


def _close(cells: list[HeaderCell], spec: FormSpec, run: list[int], level: int) -> None:
    if not run:
        return
    paths = [spec.columns[k].header for k in run]
    down = HEADER_ROWS - level if all(len(p) == level + 1 for p in paths) else 1
    first = spec.columns[run[0]].number
    cells.append(HeaderCell(level, first, down, len(run), paths[0][level]))


def body_rows(form: StatisticsForm) -> Iterator[tuple[str, FormRow, bool]]:
    """(STT, row, bold) for every body row: sections, their fields, the grand total."""
    for i, section in enumerate(form.sections):
        number = _ROMAN[i] if i < len(_ROMAN) else str(i + 1)
        yield number, FormRow(label=section.agency, values=section.total.values), True
        for j, row in enumerate(section.rows, start=1):
            yield str(j), row, False
    yield "", form.total, True


def _window(form: StatisticsForm) -> str:
    if form.start is None or form.end is None:
        return ""
    return f" (Từ ngày {form.start:%d/%m/%Y} đến ngày {form.end:%d/%m/%Y})"


def _heading_lines(form: StatisticsForm) -> list[str]:
    lines = [form.code, form.title, f"Kỳ báo cáo: {form.period}{_window(form)}"]
    if form.reporting_unit:
        lines.append(f"Đơn vị báo cáo: {form.reporting_unit}")
    if form.recipient:
        lines.append(f"Đơn vị nhận báo cáo: {form.recipient}")
    return lines


def _flat_headers(spec: FormSpec) -> list[str]:
    return [" / ".join(c.header) for c in spec.columns]


def to_markdown(form: StatisticsForm) -> str:
    """The form as Markdown: its heading, unit, a table (headings flattened as
    ``group / sub-heading``, numbered (1) ... as on the form) and its source."""
    spec = form.spec
    code, title, *rest = _heading_lines(form)
    out = [
        f"**{code}**",
        "",
        f"### {title}",
        "",
        *(f"{x}  " for x in rest),
        "",
        f"*{form.unit}*",
        "",
    ]
    heads = ["STT", spec.row_heading, *_flat_headers(spec)]
    out.append("| " + " | ".join(heads) + " |")
    out.append("|" + "|".join([":-:", ":--", *(["--:"] * len(spec.columns))]) + "|")
    out.append("| " + " | ".join(f"({n})" for n in range(1, len(heads) + 1)) + " |")
    for stt, row, bold in body_rows(form):
        label = row.label if stt or not bold else "Tổng cộng"
        cells = [stt, label, *(str(v) for v in row.values)]
        if bold:
            cells = [f"**{c}**" if c else c for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", f"Nguồn: {form.source}", ""]
    return "\n".join(out)


def to_docx(form: StatisticsForm, path: str | Path, *, force: bool = False) -> Path:
    """Write the form as a Word document (landscape A4, merged header cells), by the one
    output rule of :func:`cchc._data.write_output` (folders created, written whole or not
    at all, an existing file replaced only with ``force=True``).

    Raises:
        OutputError: ``path`` is a folder, exists without ``force``, or cannot be written.
        MissingExtraError: python-docx (the ``docx`` extra) is not installed.
    """
    docx = require_extra("docx", "docx")
    shared = require_extra("docx.shared", "docx")
    enum_section = require_extra("docx.enum.section", "docx")
    enum_text = require_extra("docx.enum.text", "docx")
    spec = form.spec
    document = docx.Document()
    section = document.sections[0]
    section.orientation = enum_section.WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = shared.Cm(29.7), shared.Cm(21.0)
    for m in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, m, shared.Cm(1.5))
    center = enum_text.WD_ALIGN_PARAGRAPH.CENTER
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", shared.Pt(11)
    code, title, *rest = _heading_lines(form)
    document.add_paragraph().add_run(code).bold = True
    p = document.add_paragraph()
    p.alignment = center
    p.add_run(title).bold = True
    for line in rest:
        document.add_paragraph(line).alignment = center
    document.add_paragraph(form.unit).alignment = enum_text.WD_ALIGN_PARAGRAPH.RIGHT
    width = 2 + len(spec.columns)
    body = list(body_rows(form))
    table = document.add_table(rows=HEADER_ROWS + 1 + len(body), cols=width)
    table.style = "Table Grid"
    table.autofit = False
    usable = 29.7 - 3.0 - 1.2 - 6.0  # page width less margins, STT and the label column
    widths = [shared.Cm(1.2), shared.Cm(6.0)] + [shared.Cm(usable / len(spec.columns))] * (
        width - 2
    )
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    for n, w in enumerate(widths):
        table.columns[n].width = w
    _repeat_header(table, HEADER_ROWS + 1)
    for c in header_cells(spec):
        cell = table.cell(c.row, c.col - 1)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 2))
        cell.text = c.text
        _bold_center(cell, center)
    for n in range(width):
        cell = table.cell(HEADER_ROWS, n)
        cell.text = f"({n + 1})"
        _bold_center(cell, center, bold=False)
    for r, (stt, row, bold) in enumerate(body, start=HEADER_ROWS + 1):
        label = row.label if stt or not bold else "Tổng cộng"
        for n, text in enumerate([stt, label, *(str(v) for v in row.values)]):
            cell = table.cell(r, n)
            cell.text = text
            run = cell.paragraphs[0].runs
            if run:
                run[0].bold = bold
            if n != 1:
                cell.paragraphs[0].alignment = (
                    center if n == 0 else enum_text.WD_ALIGN_PARAGRAPH.RIGHT
                )
    document.add_paragraph().add_run(f"Nguồn: {form.source}").italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return write_output(path, buffer.getvalue(), force=force)


def _repeat_header(table: Any, rows: int) -> None:
    """Mark the first ``rows`` rows as header rows (repeated on every page: w:tblHeader)."""
    oxml = require_extra("docx.oxml", "docx")
    ns = require_extra("docx.oxml.ns", "docx")
    for row in table.rows[:rows]:
        flag = oxml.OxmlElement("w:tblHeader")
        flag.set(ns.qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


def _bold_center(cell: Any, center: Any, *, bold: bool = True) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = center
    for run in paragraph.runs:
        run.bold = bold


def to_xlsx(form: StatisticsForm, path: str | Path, *, force: bool = False) -> Path:
    """Write the form as an Excel workbook: one sheet, merged header cells, borders,
    figures as numbers; the header rows repeat on every printed page (landscape A4).
    Written by the one output rule, as :func:`to_docx`.

    Raises:
        OutputError: ``path`` is a folder, exists without ``force``, or cannot be written.
        MissingExtraError: openpyxl (the ``xlsx`` extra) is not installed.
    """
    openpyxl = require_extra("openpyxl", "xlsx")
    styles = require_extra("openpyxl.styles", "xlsx")
    utils = require_extra("openpyxl.utils", "xlsx")
    spec = form.spec
    width = 2 + len(spec.columns)
    last = utils.get_column_letter(width)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = f"Bieu {form.form}"
    bold = styles.Font(name="Times New Roman", bold=True, size=11)
    plain = styles.Font(name="Times New Roman", size=11)
    wrap_center = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = styles.Side(style="thin")
    border = styles.Border(left=thin, right=thin, top=thin, bottom=thin)
    code, title, *rest = _heading_lines(form)
    ws["A1"], ws["A1"].font = code, bold
    lines = [(title, bold), *((x, plain) for x in rest)]
    for r, (text, font) in enumerate(lines, start=2):
        ws.merge_cells(f"A{r}:{last}{r}")
        cell = ws.cell(r, 1, text)
        cell.font, cell.alignment = font, styles.Alignment(horizontal="center")
    unit_row = 2 + len(lines)
    ws.merge_cells(f"A{unit_row}:{last}{unit_row}")
    cell = ws.cell(unit_row, 1, form.unit)
    cell.font = styles.Font(name="Times New Roman", italic=True, size=11)
    cell.alignment = styles.Alignment(horizontal="right")
    top = unit_row + 1
    for c in header_cells(spec):
        r = top + c.row
        if c.rowspan > 1 or c.colspan > 1:
            ws.merge_cells(
                start_row=r,
                start_column=c.col,
                end_row=r + c.rowspan - 1,
                end_column=c.col + c.colspan - 1,
            )
        ws.cell(r, c.col, c.text)
    numbers = top + HEADER_ROWS
    for n in range(1, width + 1):
        ws.cell(numbers, n, f"({n})")
    for r in range(top, numbers + 1):
        for n in range(1, width + 1):
            cell = ws.cell(r, n)
            cell.font = bold if r < numbers else plain
            cell.alignment, cell.border = wrap_center, border
    r = numbers
    for stt, row, is_bold in body_rows(form):
        r += 1
        label = row.label if stt or not is_bold else "Tổng cộng"
        for n, value in enumerate([stt, label, *row.values], start=1):
            cell = ws.cell(r, n, value)
            cell.font, cell.border = (bold if is_bold else plain), border
            cell.alignment = styles.Alignment(
                horizontal="left" if n == 2 else "center" if n == 1 else "right",
                vertical="center",
                wrap_text=n == 2,
            )
    src = ws.cell(r + 2, 1, f"Nguồn: {form.source}")
    src.font = styles.Font(name="Times New Roman", italic=True, size=9)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    for n in range(3, width + 1):
        ws.column_dimensions[utils.get_column_letter(n)].width = 11
    for h in range(top, numbers):
        ws.row_dimensions[h].height = 30
    ws.freeze_panes = ws.cell(numbers + 1, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{top}:{numbers}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_output(path, buffer.getvalue(), force=force)
