"""The ``cchc plan`` and ``cchc report`` commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc.cli import main
from cchc.plans import example_plan, save_plan


def test_report_period_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "period", "Q1", "2022", "--regime", "nd09-2019", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["start"], data["end"], data["due"]) == ("2021-12-15", "2022-03-14", "2022-03-15")
    assert "Điều 12 khoản 2" in data["source"]


def test_report_period_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "period", "Q3", "2022", "--submitted", "2022-09-21"]) == 0
    out = capsys.readouterr().out
    assert "2022-06-15 .. 2022-09-14" in out
    assert "due: 2022-09-20" in out
    assert "LATE" in out


def test_report_check(
    seed_002: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bc.yaml"
    path.write_text(yaml.safe_dump(seed_002, allow_unicode=True), encoding="utf-8")
    assert main(["report", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "placeholder" in out
    assert main(["report", "check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert any(f["field"] == "digital.notes" for f in data["findings"])


def test_report_check_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bc.json"
    path.write_text('{"issuer": "X", "kind": "Q1", "year": 2022, "plan": {"tasks_total": -1}}')
    assert main(["report", "check", str(path)]) == 2
    assert "field plan.tasks_total" in capsys.readouterr().err


def test_report_render(
    seed_002: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bc.json"
    path.write_text(json.dumps(seed_002, ensure_ascii=False), encoding="utf-8")
    assert main(["report", "render", str(path)]) == 0
    assert "## I. CÔNG TÁC CHỈ ĐẠO" in capsys.readouterr().out
    assert main(["report", "render", str(path), "--docx", str(tmp_path / "bc.docx")]) == 0
    assert (tmp_path / "bc.docx").exists()


def test_plan_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kh.yaml"
    save_plan(example_plan(), path)
    assert main(["plan", "status", str(path), "--as-of", "2018-01-05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["total"] == 21
    assert [o["task_id"] for o in data["overdue"]] == ["II.6.1"]
    assert main(["plan", "status", str(path), "--as-of", "2018-01-05"]) == 0
    assert "II.6.1" in capsys.readouterr().out


def test_plan_status_bad_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kh.yaml"
    path.write_text("tasks: [\n", encoding="utf-8")
    assert main(["plan", "status", str(path)]) == 2
    assert "malformed YAML" in capsys.readouterr().err
