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


def _dossier_of(code: str, tmp_path: Path) -> str:
    data = json.loads(Path(SAMPLE).read_text(encoding="utf-8"))
    data["procedure_code"] = code
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_procedure_file_portal_records_or_procedure_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Issue 19 C: procedures outside the bundled sample, from the portal's records (the
    # bundled real records, data/portal_records.jsonl) or a cchc Procedure JSON.
    from cchc.procedures import load_portal_sample

    records = data_path("cchc.procedures", "data", "portal_records.jsonl").read_text("utf-8")
    first = load_portal_sample()[0]
    many = tmp_path / "many.jsonl"
    many.write_text(records, encoding="utf-8")
    one = tmp_path / "one.json"
    one.write_text(json.dumps([json.loads(records.splitlines()[0])], ensure_ascii=False), "utf-8")
    own = tmp_path / "procedure.json"
    own.write_text(first.model_dump_json(), encoding="utf-8")
    dossier = _dossier_of(first.code, tmp_path)
    inputs = ["--agency", "Bộ Công an", "--applicant", "A", "--officer", "B", "--paper", "Đơn"]
    for path, pick in ((one, []), (own, []), (many, ["--procedure", first.code]), (many, [])):
        args = ["form", "receipt", "--dossier", dossier, "--procedure-file", str(path)]
        assert main([*args, *pick, *inputs, "--json"]) == 0, path
        form = json.loads(capsys.readouterr().out)
        assert first.name in json.dumps(form, ensure_ascii=False)
    # errors name the command's options
    sample_dossier = ["form", "receipt", "--dossier", SAMPLE, *inputs]
    assert main([*sample_dossier, "--procedure-file", str(many)]) == 2
    assert "is not in --procedure-file" in capsys.readouterr().err
    assert main(sample_dossier) == 2
    assert "--procedure CODE (bundled sample) or --procedure-file FILE" in capsys.readouterr().err
    assert main([*sample_dossier, "--procedure-file", str(tmp_path / "none.json")]) == 2
    assert "cannot read the --procedure-file" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    assert main([*sample_dossier, "--procedure-file", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cchc: error:") and "--procedure-file is neither" in err
    no_code = tmp_path / "no_code.json"
    data = json.loads(Path(SAMPLE).read_text(encoding="utf-8"))
    data.pop("procedure_code", None)
    no_code.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert (
        main(["form", "receipt", "--dossier", str(no_code), *inputs, "--procedure-file", str(many)])
        == 2
    )
    assert "choose one with --procedure CODE" in capsys.readouterr().err
