"""The .docx of every form opens in python-docx with the official header and the dates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
import pytest

from cchc import forms
from cchc.forms.vndates import moment_text

from .conftest import AGENCY, INPUTS, PROCEDURE, at, ended, lifecycle

KINDS = ("receipt", "supplement_request", "refusal", "apology", "stop_notice", "control_sheet")


def _texts(path: Path) -> tuple[str, str]:
    """(all body paragraph text, all table cell text) of a .docx."""
    doc = docx.Document(str(path))
    body = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(
        p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs
    )
    return body, cells


def test_every_form_renders_to_docx(era: tuple[str, datetime], tmp_path: Path) -> None:
    key, received = era
    for kind in KINDS:
        if kind == "stop_notice" and key == "TT01-2018":
            continue
        d = (
            ended(received, {"refusal": "refused", "stop_notice": "withdrawn"}[kind])
            if kind
            in (
                "refusal",
                "stop_notice",
            )
            else lifecycle(received)
        )
        form = forms.fill(kind, d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
        out = form.to_docx(tmp_path / f"{kind}.docx")
        body, cells = _texts(out)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
        assert "Độc lập - Tự do - Hạnh phúc" in cells
        assert AGENCY.upper() in cells
        assert form.code in body and form.title.upper() in body
        assert form.source.number in body
        for f in form.fields:
            assert f.value in body + cells


def test_slip_docx_due_date_fonts_and_page(tmp_path: Path) -> None:
    d = lifecycle(at(2025, 10, 6))
    slip = forms.fill("receipt", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    out = slip.to_docx(tmp_path / "sub" / "slip.docx")
    body, cells = _texts(out)
    assert moment_text(d.deadline().first_due_at) in body
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in cells and INPUTS["officer"] in cells
    doc = docx.Document(str(out))
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert runs and {r.font.name for r in runs} == {"Times New Roman"}
    section = doc.sections[0]
    assert round(section.page_width.mm) == 148 and round(section.page_height.mm) == 210


def test_book_docx_is_a4_landscape(tmp_path: Path) -> None:
    d = lifecycle(at(2025, 10, 6))
    assert d.code is not None
    book = forms.tracking_book([d], agency=AGENCY, applicants={d.code: "Nguyễn Văn An"})
    doc = docx.Document(str(book.to_docx(tmp_path / "book.docx")))
    assert round(doc.sections[0].page_width.mm) == 297
    assert len(doc.tables[1].rows) == 2  # heading row + one dossier


def test_missing_python_docx_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from cchc.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.delitem(sys.modules, "cchc.forms.word", raising=False)
    slip = forms.fill(
        "receipt", lifecycle(at(2025, 10, 6)), procedure=PROCEDURE, agency=AGENCY, **INPUTS
    )
    with pytest.raises(MissingExtraError, match=r"cchc\[docx\]"):
        slip.to_docx(tmp_path / "x.docx")
