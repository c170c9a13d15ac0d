"""Running cases: diffs, error cases, tolerance, the CLI's exit codes, JUnit XML, the plugin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from cchc.calendar import OfficialCalendar
from cchc.cli import main
from cchc.errors import DataFileError
from cchc.verify import Status, load_case_file, parse_case_text, run_file
from cchc.verify.report import junit_xml, summary

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"

DUE = """\
cases:
  - name: tet
    kind: due_date
    source: Công văn 8726/VPCP-KGVX
    note: five working days across Tết
    input: {received_at: 2025-01-24T09:00:00+07:00, amount: 5}
    expect: {due_at: DUE_AT, rules: ND61/2018}
"""


def _run(text: str) -> list:  # type: ignore[type-arg]
    return run_file(parse_case_text(text, source="t.cchc.yaml"))


def test_passing_case() -> None:
    (result,) = _run(DUE.replace("DUE_AT", "2025-02-07T17:00:00+07:00"))
    assert result.status is Status.PASSED
    assert result.mismatches == ()
    assert (result.where, result.kind) == ("t.cchc.yaml:2", "due_date")


def test_same_instant_in_another_offset_passes() -> None:
    (result,) = _run(DUE.replace("DUE_AT", "2025-02-07T10:00:00Z"))
    assert result.passed


def test_failing_case_shows_expected_and_actual() -> None:
    (result,) = _run(DUE.replace("DUE_AT", "2025-02-06T17:00:00+07:00"))
    assert result.status is Status.FAILED
    (m,) = result.mismatches
    assert (m.field, m.expected, m.actual) == (
        "due_at",
        "2025-02-06T17:00:00+07:00",
        "2025-02-07T17:00:00+07:00",
    )
    text = result.diff()
    assert text.splitlines()[0] == "FAILED t.cchc.yaml:2 tet (due_date)"
    assert "  source: Công văn 8726/VPCP-KGVX" in text
    assert (
        "    expected: 2025-02-06T17:00:00+07:00\n    actual:   2025-02-07T17:00:00+07:00" in text
    )
    # The library's own explanation follows, step by step with its sources (Vietnamese).
    assert result.explanation is not None
    assert result.explanation.startswith("Cách tính hạn giải quyết")
    assert "Công văn 8726/VPCP-KGVX" in result.explanation
    assert "  how cchc obtained its answer:\n    Cách tính hạn giải quyết" in text


def test_failing_calendar_case_lists_the_calendar_entries() -> None:
    text = (
        "cases:\n  - name: c\n    kind: add_working_days\n    source: Công văn 12729/VPCP-KGVX\n"
        "    note: wrong on purpose\n    input: {start: 2025-12-31, days: 1}\n"
        "    expect: {day: 2026-01-02}\n"
    )
    (result,) = _run(text)
    assert result.explanation is not None
    lines = result.explanation.splitlines()
    assert lines[0] == "Lịch làm việc từ 31/12/2025 đến 05/01/2026 (ngoài thứ Bảy, Chủ nhật):"
    assert lines[2].startswith("- 02/01/2026: nghỉ hoán đổi")
    assert lines[2].endswith("<- Công văn 12729/VPCP-KGVX (Văn phòng Chính phủ, 25/12/2025)")
    (passed,) = _run(text.replace("day: 2026-01-02", "day: 2026-01-05"))
    assert passed.explanation is None  # only a failing case carries it


def test_library_error_where_values_were_expected() -> None:
    text = DUE.replace("2025-01-24T09:00", "2018-06-20T09:00").replace("DUE_AT", "2018-06-27")
    text = text.replace("2018-06-27", "2018-06-27T17:00:00+07:00")
    (result,) = _run(text)
    assert result.status is Status.ERROR
    assert result.error is not None and result.error.startswith("RuleNotInForceError: ")


def test_error_cases() -> None:
    base = DUE.replace("{due_at: DUE_AT, rules: ND61/2018}", "{error: ERROR}")
    pre = base.replace("2025-01-24T09:00", "2018-06-20T09:00")
    assert _run(pre.replace("ERROR", "{type: RuleNotInForceError}"))[0].passed
    assert _run(pre.replace("ERROR", "{type: CchcError}"))[0].passed  # a base class matches
    (wrong,) = _run(pre.replace("ERROR", "{type: LifecycleError}"))
    assert wrong.status is Status.FAILED
    assert wrong.mismatches[0].field == "error.type"
    assert wrong.mismatches[0].actual.startswith("RuleNotInForceError")
    (none,) = _run(base.replace("ERROR", "{type: ValidationError, field: amount}"))
    assert [(m.field, m.expected, m.actual) for m in none.mismatches] == [
        ("error", "ValidationError, field amount", "no error")
    ]
    (text,) = _run(pre.replace("ERROR", "{contains: 'no such words'}"))
    assert [m.field for m in text.mismatches] == ["error.contains"]


def test_item_points_and_tolerance() -> None:
    text = (CASES / "index_scores.cchc.yaml").read_text("utf-8")
    results = run_file(parse_case_text(text, source="i.cchc.yaml"))
    assert all(r.passed for r in results)
    tight = text.replace("tolerance: 0.02", "tolerance: 0")
    tight_results = {r.name: r for r in run_file(parse_case_text(tight, source="i"))}
    # Vĩnh Long's published 71.30 is reproduced only within rounding (docs/indices.md §7).
    assert not all(r.passed for r in tight_results.values())
    wrong = text.replace('"2.1": 18.80', '"2.1": 18.81')
    qd766 = {r.name: r for r in run_file(parse_case_text(wrong, source="i"))}[
        "qd766-worked-example"
    ]
    assert [(m.field, m.expected, m.actual) for m in qd766.mismatches] == [
        ("items.2.1", "18.81", "18.80")
    ]


def test_framework_file_relative_to_the_case_file(tmp_path: Path) -> None:
    # A province's own framework (the format of docs/indices.md), read next to the case file.
    (tmp_path / "fw").mkdir()
    (tmp_path / "fw" / "mine.yaml").write_text(
        "id: mine\nname: Mine\nversion: '1'\nkind: example\nassumption: test data\n"
        "groups: [{label: A, min: 90}, {label: B, min: 0}]\nareas:\n"
        "  - {id: '1', name: Plans, max_points: 10,\n"
        "     rule: {kind: proportional, full_marks_at: 80}}\n"
        "  - {id: '2', name: Survey, max_points: 10, rule: {kind: direct}}\n",
        "utf-8",
    )
    case = tmp_path / "mine.cchc.yaml"
    case.write_text(
        "cases:\n  - name: m\n    kind: index_score\n    source: s\n    note: 60/80 x 10 + 9\n"
        "    input: {framework_file: fw/mine.yaml, inputs: {'1': 60, '2': 9}}\n"
        "    expect: {items: {'1': 7.50}, total_points: 16.50, index_percent: 82.50, group: B}\n",
        "utf-8",
    )
    (result,) = run_file(load_case_file(case))
    assert result.passed, result.diff()
    case.write_text(case.read_text("utf-8").replace("fw/mine.yaml", "fw/none.yaml"), "utf-8")
    with pytest.raises(DataFileError) as err:
        load_case_file(case)
    assert (err.value.row, err.value.item, err.value.field) == (6, "m", "input.framework_file")
    assert "no file 'fw/none.yaml' next to the case file" in err.value.message


def test_a_bool_is_not_a_count_in_the_file() -> None:
    text = """\
cases:
  - name: b
    kind: working_days_between
    source: Công văn 8726/VPCP-KGVX
    note: Friday 24/01 to Monday 27/01/2025, right end counted, none worked
    input: {start: 2025-01-24, end: 2025-01-27}
    expect: {count: COUNT}
"""
    assert _run(text.replace("COUNT", "0"))[0].passed
    with pytest.raises(DataFileError) as err:
        _run(text.replace("COUNT", "false"))
    assert (err.value.row, err.value.field) == (7, "expect.count")


@pytest.mark.parametrize("year", [2019, 2025, 2026])
def test_answers_agree_with_the_calendar_over_a_year(year: int) -> None:
    # Regression over the rule's scope: a case written from the calendar's own answer for
    # every day of a year passes, and the opposite answer fails.
    cal = OfficialCalendar()
    days = [date(year, 1, 1) + timedelta(days=i) for i in range(365)]
    blocks = []
    for flip in (False, True):
        for d in days:
            working = cal.is_working_day(d) != flip
            blocks.append(
                f"  - name: {d}-{flip}\n    kind: is_working_day\n    source: s\n    note: n\n"
                f"    input: {{day: {d}}}\n    expect: {{working: {str(working).lower()}}}\n"
            )
    results = _run("cases:\n" + "".join(blocks))
    assert [r.passed for r in results] == [True] * 365 + [False] * 365


def test_calendar_cases_check_the_batch_path_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # One engine: a calendar case fails when the scalar and the batch path disagree.
    text = (CASES / "calendar_answers.cchc.yaml").read_text("utf-8")
    loaded = parse_case_text(text, source="c")
    assert all(r.passed for r in run_file(loaded))
    original = OfficialCalendar.add_working_days_batch

    def off_by_one(self: OfficialCalendar, dates: object, n: object, **kw: object) -> object:
        return original(self, dates, n, **kw) + 1  # type: ignore[call-overload]

    monkeypatch.setattr(OfficialCalendar, "add_working_days_batch", off_by_one)
    first = run_file(loaded)[0]
    assert first.status is Status.FAILED
    assert first.mismatches[0].actual == "2015-02-14 (scalar path) but 2015-02-15 (batch path)"


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_codes_and_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.cchc.yaml"
    good.write_text(DUE.replace("DUE_AT", "2025-02-07T17:00:00+07:00"), "utf-8")
    bad = tmp_path / "bad.cchc.yaml"
    bad.write_text(DUE.replace("DUE_AT", "2025-02-10T17:00:00+07:00"), "utf-8")
    code, out, _ = _cli(["verify", str(good)], capsys)
    assert code == 0
    assert out.splitlines()[-1] == "1 case in 1 file: 1 passed"
    junit = tmp_path / "out" / "junit.xml"
    junit.parent.mkdir()
    code, out, _ = _cli(["verify", str(tmp_path), "--junit-xml", str(junit), "-q"], capsys)
    assert code == 1
    assert "PASSED" not in out
    assert "    expected: 2025-02-10T17:00:00+07:00" in out
    assert out.splitlines()[-1] == "2 cases in 2 files: 1 passed, 1 failed"
    suites = ET.parse(junit).getroot()
    assert (suites.tag, suites.get("tests"), suites.get("failures")) == ("testsuites", "2", "1")
    failure = suites.find("./testsuite/testcase/failure")
    assert failure is not None and "due_at: expected 2025-02-10" in str(failure.get("message"))
    code, out, _ = _cli(["verify", str(tmp_path), "--json"], capsys)
    data = json.loads(out)
    assert (code, data["cases"], data["passed"], data["failed"]) == (1, 2, 1, 1)
    assert data["results"][0]["mismatches"][0]["field"] == "due_at"
    assert data["results"][0]["explanation"].startswith("Cách tính hạn giải quyết")


def test_cli_bad_file_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "x.cchc.yaml"
    bad.write_text(DUE.replace("DUE_AT", "2025-02-07T17:00:00+07:00").replace("5}", "-5}"), "utf-8")
    code, out, err = _cli(["verify", str(bad)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"cchc: error: {bad}, row 6, item tet, field input.amount: "
        "Input should be greater than or equal to 0\n"
    )
    code, _, err = _cli(["verify", str(tmp_path / "none")], capsys)
    assert code == 2 and "no such file or directory" in err
    code, _, err = _cli(["verify"], capsys)
    assert code == 2 and "name at least one case file" in err
    good = tmp_path / "good" / "g.cchc.yaml"
    good.parent.mkdir()
    good.write_text(DUE.replace("DUE_AT", "2025-02-07T17:00:00+07:00"), "utf-8")
    code, _, err = _cli(["verify", str(good), "--junit-xml", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err
    junit = tmp_path / "new" / "j.xml"  # folders created; replaced on the next run
    assert _cli(["verify", str(good), "--junit-xml", str(junit)], capsys)[0] == 0
    assert _cli(["verify", str(good), "--junit-xml", str(junit)], capsys)[0] == 0
    assert ET.parse(junit).getroot().get("tests") == "1"


def test_cli_selects_cases_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(["verify", str(CASES), "-k", "nd309", "--json"], capsys)
    names = [r["name"] for r in json.loads(out)["results"]]
    assert code == 0
    # files in name order, cases in file order
    assert names == ["nd309-boundary-free-clock", "boundary-free-before-nd309", "nd309-first-day"]
    code, _, err = _cli(["verify", str(CASES), "-k", "no-such-case"], capsys)
    assert code == 2 and "no case name contains 'no-such-case'" in err


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _cli(["verify", "--schema"], capsys)
    assert code == 0
    assert json.loads(out)["title"] == "CaseFile"


def test_the_project_cases_pass() -> None:
    from cchc.verify import verify_paths

    results = verify_paths([CASES])
    assert len(results) >= 100
    assert [r.diff() for r in results if not r.passed] == []
    assert summary(results).endswith(f"{len(results)} passed")
    assert junit_xml(results).startswith(b"<?xml version='1.0' encoding='utf-8'?>")


def test_pytest_plugin_reports_a_failing_case_and_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "ok.cchc.yaml").write_text(
        DUE.replace("DUE_AT", "2025-02-07T17:00:00+07:00"), "utf-8"
    )
    (tmp_path / "wrong.cchc.yaml").write_text(
        DUE.replace("DUE_AT", "2025-02-10T17:00:00+07:00"), "utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "cchc.verify.pytest_plugin",
        "-p",
        "no:cacheprovider",
    ]
    done = subprocess.run(
        [*args, "-rA", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "PASSED ok.cchc.yaml::tet" in done.stdout
    assert "FAILED wrong.cchc.yaml::tet" in done.stdout
    assert "    expected: 2025-02-10T17:00:00+07:00" in done.stdout
    (tmp_path / "broken.cchc.yaml").write_text(DUE.replace("kind: due_date", "kind: x"), "utf-8")
    done = subprocess.run(
        [*args, str(tmp_path / "broken.cchc.yaml")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "row 3, item tet, field kind: unknown kind 'x'" in done.stdout
