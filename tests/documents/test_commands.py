"""``cchc lint``, ``cchc citations`` and ``cchc deadlines`` on the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc.cli import main

from .conftest import FIXTURES

DRAFT = str(next(FIXTURES.glob("001_*.txt")))
CLEAN = str(next(FIXTURES.glob("000_*.txt")))


def test_lint_human_report_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", DRAFT]) == 1
    out = capsys.readouterr().out
    assert "[blank-number]" in out and "văn bản dự thảo" in out and "3 finding(s)" in out
    assert main(["lint", CLEAN]) == 0


def test_lint_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["lint", DRAFT, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert {d["code"] for d in data} == {"blank-number", "partial-date", "draft-date-window"}
    assert all({"message", "message_vi", "span", "severity"} <= set(d) for d in data)


def test_citations_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["citations", DRAFT]) == 0
    assert "253/TB-VPUB" in capsys.readouterr().out
    main(["citations", DRAFT, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert [d["number"] for d in data] == [None, "253", "05", "180", "253"]
    assert data[1]["issued_on"] == "2024-08-12"


def test_deadlines_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadlines", DRAFT, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["due_on"] == "2024-08-22"


def test_unreadable_file_is_a_typed_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", str(tmp_path / "missing.txt")]) == 2
    assert "cchc: error:" in capsys.readouterr().err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    assert main(["citations", str(bad)]) == 2


def test_help_exists() -> None:
    for cmd in ("lint", "citations", "deadlines"):
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0


def test_lint_regime_option_and_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 581/BNV-CCHC and NĐ 09/2019 Điều 12 both put 20/3/2022 outside the quý I/2022 window.
    report = tmp_path / "q1.txt"
    report.write_text(
        "\ufeffBÁO CÁO quý I/2022\n+ Công văn số 13/SYT-VP ngày 21/3/2022\n", encoding="utf-8"
    )
    for regime in ("bnv-cchc", "nd09-2019"):
        assert main(["lint", str(report), "--regime", regime, "--json"]) == 1
        data = json.loads(capsys.readouterr().out)
        assert [d["code"] for d in data] == ["outside-reporting-period"]
    assert main(["lint", str(report), "--regime", "weekly"]) == 2
    assert "unknown regime" in capsys.readouterr().err
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"Quy\xeat \xf0\xecnh")  # not UTF-8
    assert main(["lint", str(latin1)]) == 2
    assert "UTF-8" in capsys.readouterr().err
    assert main(["citations", str(tmp_path / "missing.txt")]) == 2


def test_deadlines_table_marks_policies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # BLDS 2015 Điều 148 khoản 5 roll-forward, a receipt-based start, an inferred year.
    f = tmp_path / "cv.txt"
    f.write_text(
        "1. Các phòng báo cáo trong thời hạn 10 ngày.\n"
        "2. Các đơn vị báo cáo trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản.\n"
        "3. Các đơn vị báo cáo trước ngày 5/1.\n",
        encoding="utf-8",
    )
    assert main(["deadlines", str(f), "--issued-on", "2024-08-21"]) == 0
    out = capsys.readouterr().out
    assert "2024-09-04 (moved off a day off)" in out
    assert "from receipt" in out
    assert "2025-01-05 (year inferred)" in out
