"""Markdown rendering of a filled form."""

from __future__ import annotations

from .parts import FormView

__all__ = ["MOTTO", "NATION", "render_markdown"]

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
"""Quốc hiệu (national name), first line of the motto block."""
MOTTO = "Độc lập - Tự do - Hạnh phúc"
"""Tiêu ngữ (national motto), second line of the motto block."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(form: FormView) -> str:
    """Header table (agency | motto), form number, title, fields, table, signatures."""
    lines = [
        f"*{form.code}* ({form.source.doc_type} {form.source.number})",
        "",
        f"| {_cell(form.agency.upper())} | {NATION} |",
        "|:---:|:---:|",
        f"| | **{MOTTO}** |",
        f"| | *{_cell(form.dated)}* |",
        "",
        f"## {form.title.upper()}",
        "",
    ]
    for f in form.fields:
        lines.append(f"- **{f.label}:** {f.value}".rstrip())
        lines.extend(f"    {n}. {item}" for n, item in enumerate(f.items, start=1))
    if form.table is not None:
        lines += ["", "| " + " | ".join(_cell(c) for c in form.table.columns) + " |"]
        lines.append("|" + "---|" * len(form.table.columns))
        lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in form.table.rows)
    if form.signatures:
        lines += ["", "| " + " | ".join(s.role for s in form.signatures) + " |"]
        lines.append("|" + ":---:|" * len(form.signatures))
        lines.append("| " + " | ".join("*(Ký và ghi rõ họ tên)*" for _ in form.signatures) + " |")
        lines.append("| " + " | ".join(_cell(s.name) for s in form.signatures) + " |")
    return "\n".join(lines) + "\n"
