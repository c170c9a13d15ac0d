"""Validators of the periodic report, on seed 002's figures and slips."""

from __future__ import annotations

from typing import Any

import pytest

from cchc.errors import BatchValidationError, ValidationError
from cchc.plans import example_plan
from cchc.reporting import Severity, assert_valid, check_report, parse_report


def codes(data: dict[str, Any], **kw: Any) -> dict[str, str]:
    return {f.field: f.code for f in check_report(parse_report(data), **kw)}


def test_seed_002_sums_hold(seed_002: dict[str, Any]) -> None:
    # 10 + 15 = 25 tasks; 50 + 76 = 126 online procedures (seed 002 §I.1 and §II.6.8).
    found = codes(seed_002)
    assert "plan.tasks_total" not in found
    assert "digital.online_services_total" not in found


def test_seed_002_slips_are_all_found(seed_002: dict[str, Any]) -> None:
    found = codes(seed_002)
    assert found["civil_service.classes_held"] == "missing"  # "Số lớp đã tổ chức: .....lớp"
    assert found["civil_service.notes"] == "placeholder"
    assert found["digital.notes"] == "placeholder"  # "nhờ Ngân thêm vào giúp nha"
    assert found["direction.documents_issued[1]"] == "citation"  # cites a QĐ of 31/12/2022
    assert found["direction.documents_issued[2]"] == "date"  # 1295/SYT-VP ngày 03/3/2020
    assert found["communication.plan"] == "citation"  # 22/KH-SYT used for two plans
    assert found["plan.plan_year"] == "date"  # the 2021 plan cited in a 2022 report
    assert "direction.documents_issued[0]" not in found  # 17/12/2021 is inside 15/12-14/3
    assert "direction.meetings[0]" not in found


def test_a_clean_report_passes(seed_002: dict[str, Any]) -> None:
    clean = dict(seed_002)
    clean["plan"] = {**seed_002["plan"], "plan_year": 2022}
    clean["direction"] = {"documents_issued": seed_002["direction"]["documents_issued"][:1]}
    clean["communication"] = {}
    clean["civil_service"] = {"classes_approved": 4, "classes_held": 0, "classes_not_held": 4}
    clean["digital"] = {**seed_002["digital"], "notes": "", "online_dossier_rate": "41.5"}
    assert check_report(parse_report(clean)) == []
    assert_valid(parse_report(clean))


def test_parts_not_adding_up(seed_002: dict[str, Any]) -> None:
    seed_002["plan"]["tasks_in_progress"] = 14
    seed_002["digital"]["online_services_level4"] = 75
    found = codes(seed_002)
    assert found["plan.tasks_total"] == "sum"
    assert found["digital.online_services_total"] == "sum"


def test_stated_rate_must_match_counts(seed_002: dict[str, Any]) -> None:
    seed_002["plan"]["completion_rate"] = 45
    assert codes(seed_002)["plan.completion_rate"] == "rate"
    seed_002["plan"]["completion_rate"] = 40
    assert "plan.completion_rate" not in codes(seed_002)


def test_dossier_flow_and_on_time_rate() -> None:
    data = {
        "issuer": "X",
        "kind": "Q3",
        "year": 2022,
        "procedures": {
            "dossiers": {
                "carried_over": 10,
                "received": 100,
                "resolved": 95,
                "resolved_early": 50,
                "resolved_on_due": 40,
                "resolved_late": 5,
                "pending": 14,
                "on_time_rate": "94.74",
            }
        },
    }
    found = codes(data)
    assert found == {"procedures.dossiers.pending": "sum"}  # 10 + 100 != 95 + 14
    data["procedures"]["dossiers"]["pending"] = 15
    data["procedures"]["dossiers"]["on_time_rate"] = 90
    assert codes(data) == {"procedures.dossiers.on_time_rate": "rate"}  # 90/95 = 94.74%


def test_rate_above_100_names_the_field() -> None:
    with pytest.raises(ValidationError) as err:
        parse_report(
            {"issuer": "X", "kind": "Q1", "year": 2022, "digital": {"online_dossier_rate": 104}}
        )
    assert err.value.field == "digital.online_dossier_rate"
    # Budget revenue against plan may exceed 100% (vượt kế hoạch).
    ok = parse_report(
        {"issuer": "X", "kind": "Q1", "year": 2022, "public_finance": {"budget_revenue_rate": 112}}
    )
    assert ok.public_finance.budget_revenue_rate == 112


def test_targets_checked_at_window_end() -> None:
    # Seed 003's on-time target (> 90% by 2020) against a made-up Y 2020 figure of 85%.
    data = {"issuer": "X", "kind": "Y", "year": 2021, "figures": {"on_time_dossiers": 85}}
    found = check_report(parse_report(data), targets=example_plan().targets)
    by_field = {f.field: f for f in found}
    assert by_field["figures.on_time_dossiers"].code == "target"
    assert by_field["figures.online_level4_dossiers"].severity is Severity.WARNING


def test_late_submission_is_found(seed_002: dict[str, Any]) -> None:
    seed_002["submitted_on"] = "2022-03-25"
    found = [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    assert "due 20/03/2022" in found[0].message


def test_document_after_the_report_date(seed_002: dict[str, Any]) -> None:
    # Thông báo 51/TB-SYT of 10/03/2022 cannot be cited by a report signed on 09/03/2022.
    seed_002["signed_on"] = "2022-03-09"
    found = codes(seed_002)
    assert found["direction.meetings[0]"] == "date"
    assert "direction.documents_issued[3]" not in found  # 1347/SYT-VP of 07/03/2022


def test_assert_valid_lists_every_error(seed_002: dict[str, Any]) -> None:
    with pytest.raises(BatchValidationError) as err:
        assert_valid(parse_report(seed_002))
    fields = {e.field for e in err.value.errors}
    assert {"digital.notes", "civil_service.classes_held", "plan.plan_year"} <= fields


def test_inverted_indicator_wording_is_flagged() -> None:
    # Seed 003 §II.2 writes "tỷ lệ giải quyết hồ sơ trễ hẹn đều đạt trên 90%" where §I.2
    # says "đúng hẹn".
    notes = "mức độ hài lòng đạt trên 80% và tỷ lệ giải quyết hồ sơ trễ hẹn đều đạt trên 90%."
    found = check_report(
        parse_report({"issuer": "X", "kind": "Y", "year": 2019, "procedures": {"notes": notes}})
    )
    assert [(f.code, f.field, f.severity) for f in found] == [
        ("wording", "procedures.notes", Severity.WARNING)
    ]
    ok = "tỷ lệ giải quyết hồ sơ đúng hẹn đạt trên 90%; giảm hồ sơ trễ hẹn."
    assert (
        check_report(
            parse_report({"issuer": "X", "kind": "Y", "year": 2019, "procedures": {"notes": ok}})
        )
        == []
    )


def test_report_json_schema_exports() -> None:
    from cchc.reporting import CchcReport

    schema = CchcReport.model_json_schema()
    assert {"plan", "procedures", "digital", "figures"} <= set(schema["properties"])


def test_bundled_seed_002_report() -> None:
    from cchc.reporting import example_report

    report = example_report()
    found = {(f.field, f.code) for f in check_report(report)}
    assert found == {
        ("civil_service.classes_held", "missing"),
        ("civil_service.notes", "placeholder"),
        ("digital.notes", "placeholder"),
        ("direction.documents_issued[1]", "citation"),
        ("direction.documents_issued[2]", "date"),
        ("communication.plan", "citation"),
        ("plan.plan_year", "date"),
    }


def test_deadline_check_rolls_forward_and_needs_the_nd09_deadline(
    seed_002: dict[str, Any],
) -> None:
    # Review items 2 and 11. Seed 002 is a bnv-cchc quý I/2022 report; 20/3/2022 was a
    # Sunday, so Monday 21/3 is still on time (Bộ luật Dân sự 2015 Điều 148 khoản 5).
    seed_002["submitted_on"] = "2022-03-21"
    assert not [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    literal = check_report(parse_report(seed_002), roll_forward=False)
    assert [f.field for f in literal if f.code == "deadline"] == ["submitted_on"]
    seed_002["submitted_on"] = "2022-03-22"
    [late] = [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    assert "moved to 21/03/2022" in late.message and "Điều 148 khoản 5" in late.message
    # Under Nghị định 09/2019 (Điều 8 khoản 5 điểm b: only a minimum) timeliness is unknown
    # without the requesting agency's deadline: a warning, not a made-up LATE.
    seed_002["regime"] = "nd09-2019"
    [unknown] = [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    assert (unknown.field, unknown.severity) == ("deadline", Severity.WARNING)
    seed_002["deadline"] = "2022-03-25"
    assert not [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    seed_002["deadline"] = "2022-03-18"
    [late] = [f for f in check_report(parse_report(seed_002)) if f.code == "deadline"]
    assert late.severity is Severity.ERROR
