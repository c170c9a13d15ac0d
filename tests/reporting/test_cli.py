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
    assert "dot leader left for a figure: '.....'" in out  # the table shows the English
    assert main(["report", "check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert any(f["field"] == "digital.notes" for f in data["findings"])
    # the JSON gives both messages: seed 002's "Số lớp đã tổ chức: .....lớp"
    assert all(f["message"] and f["message_vi"] for f in data["findings"])
    [notes] = [f for f in data["findings"] if f["field"] == "civil_service.notes"]
    assert notes["message_vi"] == "còn dấu chấm chờ điền số liệu: '.....'"


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
    assert "not valid YAML" in capsys.readouterr().err


def test_report_period_nd09_is_unknown_without_a_deadline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Review item 2: Nghị định 09/2019 Điều 8 khoản 5 điểm b sets only a minimum.
    argv = ["report", "period", "Q1", "2022", "--regime", "nd09-2019", "--submitted", "2022-03-18"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "submitted 2022-03-18: unknown (the decree sets no deadline; pass --deadline)" in out
    assert "LATE" not in out
    assert main([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["on_time"] is None
    assert main([*argv, "--deadline", "2022-03-17"]) == 0
    assert "submitted 2022-03-18: LATE" in capsys.readouterr().out
    assert main([*argv, "--deadline", "2022-03-14"]) == 2  # below the decree's minimum
    # Issue 19 C: the command line names its option, not the Python keyword (field deadline).
    assert "cchc: error: argument --deadline" in capsys.readouterr().err


def test_report_period_rolls_a_sunday_deadline_forward(capsys: pytest.CaptureFixture[str]) -> None:
    # Review item 11: 20/3/2022 was a Sunday (Bộ luật Dân sự 2015 Điều 148 khoản 5).
    argv = ["report", "period", "Q1", "2022", "--submitted", "2022-03-21"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "last day: 2022-03-21" in out and "Điều 148 khoản 5" in out
    assert "submitted 2022-03-21: on time" in out
    assert main([*argv, "--no-roll-forward"]) == 0
    assert "submitted 2022-03-21: LATE" in capsys.readouterr().out


BAD_FILES = {
    "impossible_date.yaml": "issuer: X\nkind: Q1\nyear: 2022\nsigned_on: 2022-02-30\n",
    "duplicate_key.yaml": "issuer: X\nissuer: Y\nkind: Q1\nyear: 2022\n",
    "not_a_mapping.yaml": "- 1\n- 2\n",
    "malformed.json": '{"issuer": "X",',
    "unknown_kind.json": '{"issuer": "X", "kind": "Q9", "year": 2022}',
    "bad_year.json": '{"issuer": "X", "kind": "Q1", "year": 99999}',
}


@pytest.mark.parametrize("name", [*BAD_FILES, "missing.yaml", "latin1.yaml", "plan.txt"])
@pytest.mark.parametrize("command", [["plan", "status"], ["report", "check"], ["report", "render"]])
def test_every_bad_file_is_a_one_line_error(
    name: str, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Review item 4: bad dates, non-UTF-8 and missing files used to end in tracebacks.
    path = tmp_path / name
    if name in BAD_FILES:
        path.write_text(BAD_FILES[name], encoding="utf-8")
    elif name == "latin1.yaml":
        path.write_bytes("issuer: Sở Y tế\n".encode("utf-16"))
    elif name == "plan.txt":
        path.write_text("issuer: X\n", encoding="utf-8")
    assert main([*command, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cchc: error: ") and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "period", "Q1", "0"],
        ["report", "period", "Q9", "2022"],
        ["report", "period", "Q1", "2022", "--regime", "x"],
        ["report", "period", "Q1", "2150", "--submitted", "2150-03-21"],
        ["report", "period", "Q1", "2022", "--deadline", "2022-03-25", "--submitted", "2022-3-1"],
        ["report", "period", "Q1", "2022", "--deadline", "2022-03-25", "--submitted", "2022-03-01"],
        # one rule for outputs (docs/cli.md): a missing folder is created, a folder as the
        # output file is the error (was: a missing folder, refused)
        ["report", "render", "{report}", "--docx", "{tmp}"],
        ["report", "check", "{report}", "--targets-from", "{missing_dir}/kh.yaml"],
        ["plan", "status", "{plan}", "--as-of", "2017-01-01"],  # before the plan was signed
    ],
)
def test_every_bad_argument_is_a_one_line_error(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, plan = tmp_path / "bc.json", tmp_path / "kh.yaml"
    report.write_text('{"issuer": "X", "kind": "Q1", "year": 2022}', encoding="utf-8")
    save_plan(example_plan(), plan)
    names = {
        "report": str(report),
        "plan": str(plan),
        "missing_dir": str(tmp_path / "no"),
        "tmp": str(tmp_path),
    }
    args = [a.format(**names) for a in argv]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse rejects a malformed date before any handler runs
        code = int(exc.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert "error: " in err and "Traceback" not in err
