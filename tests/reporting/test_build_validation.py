"""``build_report`` validates what it builds; partial sums are checked (review item 3).

``model_copy(update=...)`` skips pydantic validation, so a report built from bad
inputs used to carry ``online_services_level3 = -5`` and an on-time rate of 160%.
"""

from __future__ import annotations

from typing import Any

import pytest

from cchc.errors import BatchValidationError, ValidationError
from cchc.plans import example_plan
from cchc.reporting import DossierFigures, build_report, check_report, dossier_on_time_rate
from cchc.reporting.report import parse_report


def test_negative_online_service_count_is_rejected() -> None:
    with pytest.raises(ValidationError) as err:
        build_report(example_plan(), "bnv-cchc", "Q1", 2018, online_services=(-5, 10))
    assert err.value.field == "digital.online_services_level3"


def test_more_on_time_dossiers_than_resolved_is_rejected() -> None:
    # Rate (trước hạn + đúng hạn) / đã giải quyết: 8 + 8 of 10 would be 160%.
    bad = DossierFigures(resolved=10, resolved_early=8, resolved_on_due=8)
    with pytest.raises(ValidationError) as err:
        dossier_on_time_rate(bad)
    assert err.value.field == "procedures.dossiers.resolved"
    with pytest.raises(ValidationError):
        build_report(example_plan(), "bnv-cchc", "Q1", 2018, dossiers=bad)


def test_a_stated_rate_out_of_range_in_unvalidated_input_is_caught() -> None:
    # A DossierFigures made without validation (model_construct) is re-validated.
    raw = DossierFigures.model_construct(resolved=10, resolved_late=-1, on_time_rate=None)
    with pytest.raises((ValidationError, BatchValidationError)):
        build_report(example_plan(), "bnv-cchc", "Q1", 2018, dossiers=raw)


def test_good_inputs_still_build() -> None:
    good = DossierFigures(resolved=10, resolved_early=6, resolved_on_due=3, resolved_late=1)
    r = build_report(example_plan(), "bnv-cchc", "Q1", 2018, dossiers=good, online_services=(5, 10))
    assert r.procedures.dossiers is not None
    assert str(r.procedures.dossiers.on_time_rate) == "90.00"
    assert (r.digital.online_services_level3, r.digital.online_services_total) == (5, 15)
    assert not [f for f in check_report(r) if f.code in ("sum", "missing", "rate")]


def _report(plan: dict[str, Any]) -> Any:
    return parse_report({"issuer": "X", "regime": "bnv-cchc", "kind": "Q1", "year": 2022,
                         "plan": plan})  # fmt: skip


def test_parts_above_the_total_are_flagged_even_with_a_part_missing() -> None:
    # Seed 002 states 25 tasks = 10 done + 15 in progress; 30 done of 25 is wrong whatever
    # the missing "in progress" count is.
    found = check_report(_report({"tasks_total": 25, "tasks_done": 30}))
    codes = {(f.code, f.field) for f in found}
    assert ("missing", "plan.tasks_in_progress") in codes
    assert ("sum", "plan.tasks_total") in codes
    found = check_report(_report({"tasks_total": 25, "tasks_done": 10}))
    assert {f.code for f in found} == {"missing"}  # merely incomplete


def test_the_reviewers_case_reports_both_problems_at_once() -> None:
    bad = DossierFigures(resolved=10, resolved_early=8, resolved_on_due=8)
    with pytest.raises(BatchValidationError) as err:
        build_report(example_plan(), "bnv-cchc", "Q1", 2018, online_services=(-5, 10), dossiers=bad)
    fields = {e.field for e in err.value.errors}
    assert fields == {"procedures.dossiers.resolved", "digital.online_services_level3"}
