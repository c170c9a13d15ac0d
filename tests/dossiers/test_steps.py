"""Internal process steps (dossiers.steps) and the payment pause.

Oracles: the internal process of procedure 1.001806 as approved by Cao Bằng QĐ
2022/QĐ-UBND Phụ lục 2, Quy trình số 01 (registry QD2022-2025-CBG): steps of 0,5 + 0,5
+ 7 + 0,5 + 1 + 0,5 ngày làm việc = the published total of 10 ngày làm việc; the default
office hours 07:00-11:30, 13:30-17:00 and the bundled calendar (Quốc khánh 2025: 1-2/9
off, registry rows of the calendar); the platform conventions CONV-STEP-REPEAT
(OpenCPS v2 #1112: a repeated step counts from its first run; waiting adds to the limit).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from cchc.dossiers import Dossier, step_report
from cchc.dossiers.instants import local_ns
from cchc.dossiers.steps import WorkingTime, elapsed, remaining, step_columns, steps_by_unit
from cchc.errors import LifecycleError, ValidationError
from cchc.procedures import InternalProcessError, internal_process, internal_processes
from cchc.tz import VN_TZ

EXAMPLE = Path(__file__).parents[2] / "examples" / "data" / "dossier_steps.json"


def t(*a: int) -> datetime:
    return datetime(*a, tzinfo=VN_TZ)


def test_bundled_processes_add_up_to_their_published_totals() -> None:
    # QĐ 2022/QĐ-UBND Phụ lục 2: each process's steps sum to its "Tổng thời gian"
    for p in internal_processes():
        assert p.counted_minutes == p.total_minutes, p.procedure_code
        assert p.findings(int(p.total_amount), "working_days") == []
    qt = internal_process("1.001806")
    assert [s.minutes for s in qt.steps] == [240, 240, 3360, 240, 480, 240, 0]


@pytest.mark.parametrize("limit", [5, 8, 9])
def test_steps_over_the_legal_limit_are_a_typed_finding(limit: int) -> None:
    qt = internal_process("1.001806")
    codes = [f.code for f in qt.findings(limit, "working_days")]
    assert codes == ["steps-over-limit"]
    with pytest.raises(InternalProcessError) as err:
        qt.check(limit, "working_days")
    assert err.value.field == "steps"
    qt.check(10, "working_days")  # within the limit: no error
    qt.check(80, "hours")


def test_unknown_process_and_step() -> None:
    with pytest.raises(InternalProcessError):
        internal_process("9.999999")
    with pytest.raises(InternalProcessError):
        internal_process("1.001806").step(8)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (27 * 60 + 15, "còn 3 ngày 3 giờ 15 phút làm việc"),
        (480 + 180, "còn 1 ngày 3 giờ làm việc"),
        (-120, "quá 2 giờ"),
        (-480, "quá 1 ngày"),
        (0, "đến hạn"),
        (45, "còn 45 phút làm việc"),
    ],
)
def test_working_time_words(minutes: int, text: str) -> None:
    assert WorkingTime(minutes).vietnamese() == text


def test_elapsed_skips_nights_weekends_and_days_off() -> None:
    # Friday 16:00 -> Monday 08:00: 1 h Friday + 1 h Monday (default sessions)
    assert elapsed(t(2025, 3, 7, 16, 0), t(2025, 3, 10, 8, 0)).minutes == 120
    # across Quốc khánh 2025 (30/8-2/9 off): Friday 29/8 16:00 -> Wednesday 3/9 08:00
    assert elapsed(t(2025, 8, 29, 16, 0), t(2025, 9, 3, 8, 0)).minutes == 120
    # outside office hours both ends: nothing
    assert elapsed(t(2025, 3, 7, 18, 0), t(2025, 3, 8, 10, 0)).minutes == 0
    # signed
    assert elapsed(t(2025, 3, 10, 8, 0), t(2025, 3, 7, 16, 0)).minutes == -120


def _dossier(*extra: dict[str, object]) -> Dossier:
    ev: list[dict[str, object]] = [
        {"kind": "received", "at": t(2025, 10, 6, 8, 0)},
        {"kind": "step_started", "at": t(2025, 10, 6, 8, 0), "step": 1, "unit": "Một cửa"},
        *extra,
    ]
    return Dossier(channel="in_person", amount=10, procedure_code="1.001806", events=ev)


def test_step_due_waits_for_the_opening_and_straddles_days_off() -> None:
    qt = internal_process("1.001806")
    # step 1 (4 working hours) from Monday 08:00: 3.5 h morning + 0.5 h -> 14:00
    r = step_report(_dossier(), qt, at=t(2025, 10, 6, 9, 0))
    assert r.steps[0].due_at == t(2025, 10, 6, 14, 0)
    assert r.steps[0].left.minutes == 180
    # a step started Friday 16:00 runs 1 h Friday and 3 h Monday: due Monday 10:00
    d = Dossier(
        channel="in_person",
        amount=10,
        events=[
            {"kind": "received", "at": t(2025, 10, 17, 15, 0)},
            {"kind": "step_started", "at": t(2025, 10, 17, 16, 0), "step": 4},
            {"kind": "step_finished", "at": t(2025, 10, 20, 10, 0), "step": 4},
        ],
    )
    s = step_report(d, qt).steps[3]
    assert s.due_at == t(2025, 10, 20, 10, 0)
    assert s.timeliness is not None and s.timeliness.value == "on_time"


def test_step_finished_outside_office_hours_used_no_more_time() -> None:
    qt = internal_process("1.001806")
    late_evening = _dossier({"kind": "step_finished", "at": t(2025, 10, 6, 20, 0), "step": 1})
    s = step_report(late_evening, qt).steps[0]
    # 08:00-20:00 Monday = 3.5 h + 3.5 h = 7 h of working time, 3 h over
    assert s.used.minutes == 7 * 60
    assert s.late and s.late_by.minutes == 180
    at_close = _dossier({"kind": "step_finished", "at": t(2025, 10, 6, 17, 0), "step": 1})
    assert step_report(at_close, qt).steps[0].used == s.used


def test_repeated_step_counts_from_its_first_run() -> None:
    qt = internal_process("1.001806")
    d = _dossier(
        {"kind": "step_finished", "at": t(2025, 10, 6, 9, 0), "step": 1},
        {"kind": "step_started", "at": t(2025, 10, 6, 9, 0), "step": 2},
        {"kind": "step_finished", "at": t(2025, 10, 6, 10, 0), "step": 2},
        {"kind": "step_started", "at": t(2025, 10, 6, 10, 0), "step": 1},
        {"kind": "step_finished", "at": t(2025, 10, 7, 9, 0), "step": 1},
    )
    s = step_report(d, qt).steps[0]
    assert s.runs == 2
    assert s.started_at == t(2025, 10, 6, 8, 0)
    assert s.due_at == t(2025, 10, 6, 14, 0)  # from the first run
    assert s.used.minutes == 7 * 60 + 2 * 60  # first start to last finish
    assert [u for u, _ in step_report(d, qt).at_fault] == ["Một cửa"]


def test_a_payment_wait_adds_to_the_step_and_moves_the_due_date() -> None:
    qt = internal_process("1.001806")
    d = _dossier(
        {"kind": "payment_requested", "at": t(2025, 10, 6, 9, 0)},
        {"kind": "payment_done", "at": t(2025, 10, 7, 9, 0)},
        {"kind": "step_finished", "at": t(2025, 10, 7, 10, 0), "step": 1},
    )
    s = step_report(d, qt).steps[0]
    assert s.wait.minutes == 480
    assert s.due_at == t(2025, 10, 7, 14, 0)
    assert not s.late
    plain = _dossier().deadline().due_at
    # one working day waited: the dossier's due moment is one working day later
    assert plain == t(2025, 10, 20, 17, 0)
    assert d.deadline().due_at == t(2025, 10, 21, 17, 0)


def test_pending_payment_keeps_the_dossier_in_time() -> None:
    d = _dossier({"kind": "payment_requested", "at": t(2025, 10, 20, 9, 0)})
    assert d.progress_as_of(t(2025, 10, 30, 9, 0)).value == "in_time"  # type: ignore[union-attr]
    late = _dossier({"kind": "payment_requested", "at": t(2025, 10, 22, 9, 0)})
    assert late.progress_as_of(t(2025, 10, 30, 9, 0)).value == "overdue"  # type: ignore[union-attr]


def test_step_and_payment_order_rules() -> None:
    with pytest.raises(LifecycleError):
        _dossier({"kind": "step_started", "at": t(2025, 10, 6, 9, 0), "step": 2})
    with pytest.raises(LifecycleError):
        _dossier(
            {"kind": "step_finished", "at": t(2025, 10, 6, 9, 0), "step": 1},
            {"kind": "step_finished", "at": t(2025, 10, 6, 10, 0), "step": 1},
        )
    with pytest.raises(LifecycleError):
        _dossier({"kind": "payment_done", "at": t(2025, 10, 6, 9, 0)})
    with pytest.raises(ValidationError):
        _dossier({"kind": "step_finished", "at": t(2025, 10, 6, 9, 0)})


def test_remaining_before_and_after_the_due_moment() -> None:
    d = _dossier()
    assert remaining(d, t(2025, 10, 20, 13, 30)).vietnamese() == "còn 3 giờ 30 phút làm việc"
    assert remaining(d, t(2025, 10, 21, 9, 0)).vietnamese() == "quá 2 giờ"
    assert remaining(d, t(2025, 10, 17, 13, 30)).vietnamese() == "còn 1 ngày 3 giờ 30 phút làm việc"


@pytest.mark.parametrize("offset_h", [0, 1, 5, 26, 49, 100])
def test_columns_agree_with_one_dossier(offset_h: int) -> None:
    qt = internal_process("1.001806")
    start = t(2025, 10, 6, 8, 0) + timedelta(hours=offset_h)
    end = start + timedelta(hours=30)
    d = Dossier(
        channel="in_person",
        amount=10,
        events=[
            {"kind": "received", "at": start},
            {"kind": "step_started", "at": start, "step": 3},
            {"kind": "step_finished", "at": end, "step": 3},
        ],
    )
    one = step_report(d, qt).steps[2]
    due, late = step_columns(
        np.array([local_ns(start)]), np.array([local_ns(end)]), np.array([qt.steps[2].minutes])
    )
    assert int(due[0]) == local_ns(one.due_at)  # type: ignore[arg-type]
    assert int(late[0]) == -one.left.minutes


def test_steps_by_unit_counts_late_steps_and_delay() -> None:
    rows = steps_by_unit(np.array(["A", "B", "A", "C"]), np.array([30, -5, 0, 120]))
    assert [(r.unit, r.steps, r.late, r.delay_minutes) for r in rows] == [
        ("C", 1, 1, 120),
        ("A", 2, 1, 30),
        ("B", 1, 0, 0),
    ]
    with pytest.raises(ValidationError):
        steps_by_unit(np.array(["A"]), np.array([1, 2]))


def test_cli_steps_json_and_error() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "cchc", "dossier", "steps", str(EXAMPLE), "--json",
         "--at", "2025-10-21T09:00+07:00"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["due_at"] == "2025-10-21T17:00:00+07:00"
    assert data["remaining"]["text"] == "còn 6 giờ làm việc"
    assert data["at_fault"][0]["unit"] == "Lãnh đạo Phòng Bảo trợ xã hội và Trẻ em"
    bad = subprocess.run(
        [sys.executable, "-m", "cchc", "dossier", "steps", "/no/such.json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.startswith("cchc: error:")


def test_control_sheet_rows_are_the_steps() -> None:
    from cchc.forms import fill
    from cchc.procedures import Procedure, TimeLimit

    d = Dossier.model_validate_json(EXAMPLE.read_text(encoding="utf-8"))
    proc = Procedure(
        code="1.001806",
        name="Công nhận cơ sở",
        time_limit=TimeLimit(amount=10, unit="working_days"),
    )
    form = fill("control_sheet", d, procedure=proc, agency="Sở Y tế", applicant="X", code="C-1")
    assert form.table is not None
    rows = form.table.rows
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]
    assert [r[3] for r in rows] == ["Đúng hạn", "Quá hạn", "Trước hạn", "Đúng hạn", "Đang xử lý"]
    assert "chậm 1 ngày 2 giờ 30 phút" in rows[1][4]


def test_steps_by_unit_with_codes_equals_names() -> None:
    names = np.array(["A", "B", "A", "C"])
    late = np.array([30, -5, 0, 120])
    codes = np.array([0, 1, 0, 2])
    assert steps_by_unit(codes, late, ("A", "B", "C")) == steps_by_unit(names, late)
    with pytest.raises(ValidationError):
        steps_by_unit(np.array([0, 3]), np.array([1, 2]), ("A", "B"))


def test_report_checks_the_process_against_the_dossiers_limit() -> None:
    qt = internal_process("1.001806")
    ok = _dossier()
    assert step_report(ok, qt).findings == ()
    short = Dossier(channel="in_person", amount=8, events=ok.events)
    assert [f.code for f in step_report(short, qt).findings] == ["steps-over-limit"]


def test_step_rows_by_unit_agree_with_the_dossier() -> None:
    from cchc.dossiers.steps import read_step_rows

    rows_csv = EXAMPLE.parent / "step_rows.csv"
    at = t(2025, 10, 21, 9, 0)
    rows = read_step_rows(rows_csv.read_text(encoding="utf-8"), at=at)
    _, late = step_columns(rows.start, rows.end, rows.budget_minutes, rows.wait_minutes)
    table = {
        r.unit: (r.late, r.delay_minutes) for r in steps_by_unit(rows.units, late, rows.labels)
    }
    # the same steps as examples/data/dossier_steps.json, judged by the dossier path
    d = Dossier.model_validate_json(EXAMPLE.read_text(encoding="utf-8"))
    fault = dict(step_report(d, internal_process("1.001806"), at=at).at_fault)
    assert table["Lãnh đạo Phòng BTXH"] == (
        1,
        fault["Lãnh đạo Phòng Bảo trợ xã hội và Trẻ em"].minutes,
    )
    assert table["Lãnh đạo Sở"] == (1, fault["Lãnh đạo Sở Y tế"].minutes)
    assert table["Chuyên viên Phòng BTXH"] == (0, 0)


def test_bad_step_rows_are_all_reported() -> None:
    from cchc.dossiers.steps import read_step_rows
    from cchc.errors import BatchValidationError

    text = (
        "unit,started_at,finished_at,budget_minutes\n"
        "A,2025-10-06T08:00,,240\n"
        ",2025-10-06T08:00+07:00,,240\n"
        "B,2025-10-06T08:00+07:00,2025-10-06T07:00+07:00,240\n"
        "C,2025-10-06T08:00+07:00,,-5\n"
    )
    with pytest.raises(BatchValidationError) as err:
        read_step_rows(text, at=t(2025, 10, 7, 9, 0))
    assert [(e.row, e.field) for e in err.value.errors] == [
        (2, "started_at"),
        (3, "unit"),
        (4, "finished_at"),
        (5, "budget_minutes"),
    ]
