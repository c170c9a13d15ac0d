"""Rendering: the example's .docx opens in python-docx and has the outline's sections."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from cchc.reporting import OUTLINE, parse_report, report_blocks, to_docx, to_markdown

ROOT = Path(__file__).resolve().parents[2]


def headings(path: Path) -> list[str]:
    return [
        p.text for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")
    ]


def test_example_docx_has_the_outline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["plans_quarterly_report.py", str(tmp_path)])  # out folder
    runpy.run_path(str(ROOT / "examples" / "plans_quarterly_report.py"), run_name="__main__")
    out = tmp_path / "bao_cao_cchc_quy_I_2022.docx"
    document = docx.Document(str(out))
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == ["BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2022"]
    assert headings(out) == [text for _, text in OUTLINE]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tổng số nhiệm vụ: 25" in text
    assert "Số nhiệm vụ đã thực hiện: 10" in text
    assert "Số nhiệm vụ đang triển khai thực hiện: 15" in text
    assert "Tổng số TTHC cung cấp dịch vụ công trực tuyến mức độ 3, 4: 126" in text


def test_outline_levels_follow_the_domain_outline() -> None:
    # plans_reporting.md §2.3: I (4 parts), II (6 parts), III, IV, V.
    top = [t.split(".")[0] for level, t in OUTLINE if level == 1]
    assert top == ["I", "II", "III", "IV", "V"]
    assert [level for level, _ in OUTLINE].count(2) == 10


def test_markdown_and_docx_say_the_same(seed_002: dict[str, Any], tmp_path: Path) -> None:
    report = parse_report(seed_002)
    md = to_markdown(report)
    md_heads = [line.lstrip("#").strip() for line in md.splitlines() if line.startswith("##")]
    assert md_heads == [text for _, text in OUTLINE]
    assert "- Số lớp đã tổ chức: (chưa có số liệu)" in md
    path = to_docx(report, tmp_path / "r.docx")
    assert headings(path) == md_heads
    bullets = sum(1 for b in report_blocks(report) if b.level == -2)
    listed = [p for p in docx.Document(str(path)).paragraphs if p.style.name == "List Bullet"]
    assert len(listed) == bullets
