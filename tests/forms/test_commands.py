"""The ``cchc form`` command."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from cchc._data import data_path
from cchc.cli import main

SAMPLE = str(data_path("cchc.forms", "data", "sample_dossier.json"))
BASE = ["--dossier", SAMPLE, "--procedure", "1.013876", "--agency", "Sở Y tế tỉnh Hà Tĩnh"]


def test_form_markdown_docx_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "slip.docx"
    args = ["form", "receipt", *BASE, "--applicant", "Nguyễn Văn An", "--officer", "Trần Thị Bình"]
    assert main([*args, "--paper", "Đơn đề nghị", "--paper", "Văn bản", "--docx", str(out)]) == 0
    text = capsys.readouterr().out
    # sample: received Mon 06/10/2025 09:15, 10 working days -> Mon 20/10/2025
    assert "17 giờ 00 phút, ngày 20 tháng 10 năm 2025" in text and str(out) in text
    assert "Độc lập - Tự do - Hạnh phúc" in "\n".join(
        p.text
        for t in docx.Document(str(out)).tables
        for c in t.rows[0].cells
        for p in c.paragraphs
    )
    assert main([*args, "--paper", "Đơn", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "Mẫu số 01" and data["source"]["key"] == "TT03-2025"
    assert (
        main(
            [
                "form",
                "supplement_request",
                *BASE,
                "--applicant",
                "A",
                "--officer",
                "B",
                "--missing",
                "Văn bản đề nghị",
                "--regime",
                "TT01-2018",
            ]
        )
        == 0
    )
    assert "Thông tư 01/2018/TT-VPCP" in capsys.readouterr().out


def test_form_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["form", "refusal", *BASE, "--applicant", "A", "--officer", "B"]) == 2
    assert "'refused' event" in capsys.readouterr().err
    assert main(["form", "supplement_request", *BASE, "--applicant", "A", "--officer", "B"]) == 2
    # Issue 19 C: the command line names its option (--missing), not fill()'s keyword.
    assert "needs --missing TEXT (repeatable)" in capsys.readouterr().err
    missing = ["form", "receipt", "--dossier", str(tmp_path / "none.json"), *BASE[2:]]
    assert main(missing) == 2
    assert "cannot read the dossier file" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"channel": "in_person"}', encoding="utf-8")
    assert main(["form", "receipt", "--dossier", str(bad), *BASE[2:]]) == 2
    assert "field" in capsys.readouterr().err
