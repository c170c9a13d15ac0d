"""The report checks' message table: every message formats in both languages with the same
placeholders, every finding of the seed reports has its Vietnamese message, and the English
messages are the ones the checks printed before the table existed.

Oracles: seed 002 (báo cáo CCHC quý I/2022, Sở Y tế Bà Rịa - Vũng Tàu, bundled as
``bc_cchc_q1_2022_syt_brvt.yaml``) and its slips; seed 003's targets (KH 5601/KH-SYT, 2017:
đúng hẹn > 90% by 2020, PAR index in the top 10); Công văn 581/BNV-CCHC (quý I data window
15/12-14/3, thời hạn gửi báo cáo ngày 20 of the last month; 20/3/2022 was a Sunday) and
Nghị định 09/2019/NĐ-CP Điều 8 khoản 5 điểm b (earliest deadline 15/3 for quý I/2022), as
restated in /work/shared/domain/plans_reporting.md §2. The English strings asserted below
are the messages of ``main`` before this table (checked by running both).
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import string
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
import yaml

import cchc.reporting
from cchc.errors import ValidationError
from cchc.findings import Finding
from cchc.plans import example_plan
from cchc.plans.targets import TargetOutcome, check_targets
from cchc.reporting import check_report, parse_report
from cchc.reporting.findings import (
    MESSAGES,
    Bilingual,
    deadline_problem,
    figure_problem,
    report_finding,
)
from cchc.reporting.report import CchcReport
from cchc.reporting_periods import reporting_period

CODES = {"sum", "missing", "rate", "date", "citation", "placeholder", "wording", "target"}
CODES |= {"deadline"}
"""The codes the report checks document (cchc.reporting.findings)."""


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_a_known_code_and_the_same_placeholders(key: str) -> None:
    en, vi = MESSAGES[key]
    assert key.partition(":")[0] in CODES
    assert _names(en) == _names(vi)
    assert en != vi
    f = report_finding(key, "plan.tasks_total", **dict.fromkeys(_names(en), "X"))
    assert f.code == key.partition(":")[0] and f.field == "plan.tasks_total"
    assert "{" not in f.message and "{" not in (f.message_vi or "")


def test_every_code_has_a_message() -> None:
    assert {key.partition(":")[0] for key in MESSAGES} == CODES


def test_a_bilingual_value_gives_each_message_its_side() -> None:
    f = report_finding(
        "deadline:fixed", "deadline", regime="bnv-cchc", due=Bilingual("2022-03-20", "20/03/2022")
    )
    assert f.message == "regime bnv-cchc fixes its own deadline (2022-03-20); do not pass one"
    assert f.message_vi == (
        "chế độ báo cáo bnv-cchc đã có thời hạn gửi báo cáo (20/03/2022); không ghi thời hạn khác"
    )


def _seed_reports() -> list[CchcReport]:
    """The bundled reports (reporting/data/*.yaml that are reports)."""
    reports = []
    for entry in resources.files("cchc.reporting").joinpath("data").iterdir():
        if entry.name.endswith(".yaml"):
            data = yaml.safe_load(entry.read_text(encoding="utf-8"))
            if isinstance(data, dict) and "issuer" in data and "kind" in data:
                reports.append(parse_report(data, source=entry.name))
    return reports


def _doctest_reports() -> list[CchcReport]:
    """Every report the doctests of ``cchc.reporting`` build (run example by example)."""
    reports: list[CchcReport] = []
    for info in pkgutil.iter_modules(cchc.reporting.__path__, "cchc.reporting."):
        module = importlib.import_module(info.name)
        for test in doctest.DocTestFinder().find(module):
            names: dict[str, Any] = dict(test.globs)
            for example in test.examples:
                if example.exc_msg is None:
                    exec(compile(example.source, test.name, "single"), names)
            reports += [v for v in names.values() if isinstance(v, CchcReport)]
    return reports


def test_every_finding_of_the_seed_reports_and_doctests_has_a_vietnamese_message() -> None:
    seeds, doctested = _seed_reports(), _doctest_reports()
    assert seeds and doctested
    findings: list[Finding] = []
    for report in seeds + doctested:
        findings += check_report(report)
        findings += check_report(report, targets=example_plan().targets)
    assert {f.code for f in findings} >= {"missing", "placeholder", "citation", "date", "target"}
    for f in findings:
        assert f.message_vi and f.message_vi != f.message, f


def test_seed_002_messages_in_both_languages(seed_002: dict[str, Any]) -> None:
    found = {f.field: f for f in check_report(parse_report(seed_002))}
    held = found["civil_service.classes_held"]  # "Số lớp đã tổ chức: .....lớp"
    assert held.message == "civil_service.classes_approved is 4 but classes_held not given"
    assert held.message_vi == (
        "tổng số civil_service.classes_approved là 4 nhưng thiếu số liệu classes_held"
    )
    old = found["direction.documents_issued[2]"]  # 1295/SYT-VP ngày 03/3/2020
    assert old.message == "1295/SYT-VP ngày 03/03/2020 is before the period 15/12/2021-14/03/2022"
    assert old.message_vi == (
        "1295/SYT-VP ngày 03/03/2020 có ngày ban hành trước thời gian chốt số liệu của kỳ báo "
        "cáo (15/12/2021-14/03/2022)"
    )
    plan = found["plan.plan_year"]  # KH 219/KH-SYT về CCHC năm 2021 in a 2022 report
    assert plan.message == "the plan cited is for 2021, the report for 2022"
    assert (
        plan.message_vi == "kế hoạch được dẫn là kế hoạch năm 2021, nhưng báo cáo là của năm 2022"
    )
    note = found["digital.notes"]  # "nhờ Ngân thêm vào giúp nha"
    assert note.message == "note to a colleague: 'nhờ Ngân thêm vào giúp'"
    assert note.message_vi == "còn lời nhắn giữa người soạn thảo: 'nhờ Ngân thêm vào giúp'"
    dup = found["communication.plan"]  # 22/KH-SYT for the inspection and the communication plan
    assert dup.message_vi == (
        "số, ký hiệu 22/KH-SYT được dùng cho 2 văn bản khác nhau "
        "(inspection.plan, communication.plan)"
    )


def test_sums_and_rates_in_both_languages(seed_002: dict[str, Any]) -> None:
    seed_002["plan"]["tasks_in_progress"] = 14  # 10 + 14 against the total of 25
    seed_002["plan"]["completion_rate"] = 45  # 10 / 25 = 40%
    seed_002["direction"]["assigned_tasks_done"] = 3  # 3 of the 2 tasks assigned
    found = {f.field: f for f in check_report(parse_report(seed_002))}
    assert found["plan.tasks_total"].message == "10 + 14 = 24, but the total is 25"
    assert found["plan.tasks_total"].message_vi == "10 + 14 = 24, nhưng tổng số là 25"
    rate = found["plan.completion_rate"]
    assert rate.message == "stated 45% but the counts give 40.00%"
    assert rate.message_vi == "tỷ lệ ghi trong báo cáo là 45% nhưng tính từ số liệu được 40.00%"
    above = found["direction.assigned_tasks_done"]
    assert above.message == "3 is more than direction.assigned_tasks_total = 2"
    assert above.message_vi == "3 lớn hơn direction.assigned_tasks_total = 2"


def test_target_messages_are_describe_in_english_and_built_in_vietnamese() -> None:
    # Seed 003's on-time target (> 90% by 2020) and PAR index rank (top 10), made-up figures.
    data = {"issuer": "X", "kind": "Y", "year": 2021, "figures": {"on_time_dossiers": 85}}
    data["figures"]["par_index_rank"] = 12
    report = parse_report(data)
    targets = example_plan().targets
    found = {f.field: f for f in check_report(report, targets=targets)}
    as_of = reporting_period("bnv-cchc", "Y", 2021).end
    for c in check_targets(report.figures, targets, as_of=as_of):
        if c.outcome in (TargetOutcome.MISSED, TargetOutcome.NO_FIGURE):
            assert found[f"figures.{c.target.id}"].message == c.describe()
    assert found["figures.on_time_dossiers"].message_vi == (
        "Tỷ lệ giải quyết hồ sơ đúng hẹn: kết quả 85 so với chỉ tiêu trên 90% đến ngày "
        "31/12/2020: không đạt"
    )
    assert (found["figures.par_index_rank"].message_vi or "").endswith(
        ": kết quả 12 so với chỉ tiêu thứ hạng không quá 10 đến ngày 31/12/2020: không đạt"
    )
    assert found["figures.online_level4_dossiers"].message_vi == (
        "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 4: báo cáo không có số liệu, chỉ tiêu "
        "tối thiểu 30% đến ngày 31/12/2020: thiếu số liệu"
    )


def test_a_percentage_outside_0_100_in_both_languages() -> None:
    data = {"issuer": "X", "kind": "Y", "year": 2021, "figures": {"on_time_dossiers": 104}}
    report = parse_report(data)
    [f] = check_report(report, targets=example_plan().targets)
    with pytest.raises(ValidationError) as err:
        check_targets(report.figures, example_plan().targets, as_of=date(2021, 12, 14))
    assert (f.code, f.field, f.message) == ("rate", "figures.on_time_dossiers", err.value.message)
    assert f.message_vi == "tỷ lệ 104% nằm ngoài khoảng 0-100%"


def test_other_refused_figures_keep_their_english_detail() -> None:
    exc = ValidationError("not a finite number: 'NaN'", item="on_time", field="on_time")
    f = figure_problem(exc, {"on_time": Decimal(1)})
    assert (f.code, f.field, f.message) == ("rate", "figures.on_time", exc.message)
    assert f.message_vi == (
        "số liệu của chỉ tiêu không hợp lệ (chi tiết bằng tiếng Anh: not a finite number: 'NaN')"
    )


def test_late_reports_in_both_languages(seed_002: dict[str, Any]) -> None:
    # Quý I/2022 is due 20/3/2022, a Sunday: the deadline moves to Monday 21/3 (BLDS 2015
    # Điều 148 khoản 5); quý III/2022 is due Tuesday 20/9/2022 and does not move.
    seed_002["submitted_on"] = "2022-03-25"
    [moved] = [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    assert moved.message == (
        "sent 25/03/2022, due 20/03/2022, moved to 21/03/2022 (Bộ luật 91/2015/QH13 (Quốc hội, "
        "24/11/2015), Điều 148 khoản 5) (Công văn 581/BNV-CCHC (Bộ Nội vụ), thời hạn gửi báo cáo)"
    )
    assert moved.message_vi == (
        "gửi báo cáo ngày 25/03/2022, quá thời hạn gửi báo cáo 20/03/2022, đã lùi sang ngày làm "
        "việc tiếp theo 21/03/2022 (Bộ luật 91/2015/QH13 (Quốc hội, 24/11/2015), Điều 148 khoản "
        "5) (Công văn 581/BNV-CCHC (Bộ Nội vụ), thời hạn gửi báo cáo)"
    )
    q3 = parse_report({"issuer": "X", "kind": "Q3", "year": 2022, "submitted_on": "2022-09-22"})
    [late] = check_report(q3)
    assert late.message == (
        "sent 22/09/2022, due 20/09/2022 (Công văn 581/BNV-CCHC (Bộ Nội vụ), thời hạn gửi báo cáo)"
    )
    assert late.message_vi == (
        "gửi báo cáo ngày 22/09/2022, quá thời hạn gửi báo cáo 20/09/2022 (Công văn "
        "581/BNV-CCHC (Bộ Nội vụ), thời hạn gửi báo cáo)"
    )


@pytest.mark.parametrize(
    ("regime", "deadline", "vi"),
    [
        (
            "nd09-2019",
            "2022-03-10",
            "thời hạn gửi báo cáo 10/03/2022 sớm hơn ngày 15/03/2022, thời hạn sớm nhất mà "
            "Nghị định 09/2019/NĐ-CP (Chính phủ, 24/01/2019), Điều 8 khoản 5 điểm b cho phép",
        ),
        (
            "bnv-cchc",
            "2022-03-22",
            "chế độ báo cáo bnv-cchc đã có thời hạn gửi báo cáo (20/03/2022); không ghi thời "
            "hạn khác",
        ),
    ],
)
def test_a_refused_deadline_in_both_languages(
    seed_002: dict[str, Any], regime: str, deadline: str, vi: str
) -> None:
    seed_002.update(regime=regime, deadline=deadline, submitted_on="2022-03-25")
    report = parse_report(seed_002)
    [f] = [f for f in check_report(report) if f.code == "deadline"]
    period = reporting_period(regime, "Q1", 2022, due=True)
    with pytest.raises(ValidationError) as err:
        period.last_day(deadline=report.deadline)
    assert (f.field, f.message) == ("deadline", err.value.message)
    assert f.message_vi == vi


def test_unknown_timeliness_in_both_languages(seed_002: dict[str, Any]) -> None:
    seed_002.update(regime="nd09-2019", submitted_on="2022-03-25")
    [f] = [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    assert f.message.startswith("on time unknown: Nghị định 09/2019/NĐ-CP")
    assert f.message_vi == (
        "chưa xác định được báo cáo có gửi đúng hạn không: Nghị định 09/2019/NĐ-CP (Chính "
        "phủ, 24/01/2019), Điều 8 khoản 5 điểm b không ấn định thời hạn gửi báo cáo, chỉ quy "
        "định thời hạn sớm nhất; cần ghi thời hạn do cơ quan yêu cầu báo cáo ấn định"
    )


def test_other_deadline_problems_keep_their_english_detail() -> None:
    period = reporting_period("bnv-cchc", "Q1", 2022, due=True)
    exc = ValidationError("no deadline was computed for this period", field="due")
    f = deadline_problem(exc, None, period)
    assert (f.code, f.field, f.message) == ("deadline", "deadline", exc.message)
    assert f.message_vi == (
        "không xác định được thời hạn gửi báo cáo (chi tiết bằng tiếng Anh: no deadline was "
        "computed for this period)"
    )


def test_placeholders_and_wording_in_both_languages() -> None:
    # Seed 003 §II.2 writes "trễ hẹn đều đạt trên 90%" where §I.2 says "đúng hẹn".
    notes = {
        "procedures": {"notes": "tỷ lệ giải quyết hồ sơ trễ hẹn đều đạt trên 90%."},
        "institutions": {"notes": "Số văn bản: xxx"},
        "organisation": {"notes": "TODO"},
    }
    found = {
        f.field: f
        for f in check_report(parse_report({"issuer": "X", "kind": "Y", "year": 2019, **notes}))
    }
    wording = found["procedures.notes"]
    assert wording.message == (
        "a late rate stated as a target to reach: 'trễ hẹn đều đạt trên 9' (đúng hẹn meant?)"
    )
    assert wording.message_vi == (
        "tỷ lệ trễ hẹn được nêu như chỉ tiêu cần đạt: 'trễ hẹn đều đạt trên 9' (có phải là "
        "đúng hẹn?)"
    )
    assert found["institutions.notes"].message == "'xxx' placeholder: 'xxx'"
    assert found["institutions.notes"].message_vi == "còn chỗ để trống 'xxx' chờ điền: 'xxx'"
    assert found["organisation.notes"].message == "TODO / TBD marker: 'TODO'"
    assert found["organisation.notes"].message_vi == (
        "còn ghi chú chưa hoàn thành (TODO / TBD): 'TODO'"
    )
