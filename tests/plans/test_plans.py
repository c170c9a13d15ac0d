"""Plans, tasks, programmes and their I/O: models, located errors, round trips."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cchc.errors import BatchValidationError, DataFileError, ValidationError
from cchc.plans import (
    ReformArea,
    dump_plan,
    example_plan,
    load_plan,
    parse_plan,
    programme,
    programme_in_force,
    save_plan,
)


def plan_data(**tasks: Any) -> dict[str, Any]:
    task = {"id": "T1", "area": "thu_tuc_hanh_chinh", "title": "Rà soát TTHC", "due": "2022-06-30"}
    task.update(tasks)
    return {
        "number": "12/KH-SYT",
        "issuer": "Sở Y tế",
        "signed_on": "2022-01-10",
        "period_start": "2022-01-01",
        "period_end": "2022-12-31",
        "programme": "nq76-2021",
        "tasks": [task],
    }


def test_programmes_keep_the_two_resolutions_76_apart() -> None:
    # NQ 30c/NQ-CP (08/11/2011) was amended by NQ 76/NQ-CP of 13/06/2013; the 2021-2030
    # programme is NQ 76/NQ-CP of 15/07/2021 (plans_reporting.md §1.1-1.2).
    old, new = programme("nq30c-2011"), programme("nq76-2021")
    assert old.amended_by[0].number == "76/NQ-CP"
    assert old.amended_by[0].signed_on == date(2013, 6, 13)
    assert new.source.signed_on == date(2021, 7, 15)
    with pytest.raises(ValidationError, match="ambiguous") as err:
        programme("76/NQ-CP")
    assert err.value.field == "programme"
    assert programme("30c/NQ-CP").key == "nq30c-2011"
    assert programme_in_force(2025).key == "nq76-2021"


def test_programme_areas_are_six_each_and_differ() -> None:
    old = set(programme("nq30c-2011").areas)
    new = set(programme("nq76-2021").areas)
    assert len(old) == len(new) == 6
    assert old - new == {ReformArea.DOI_NGU_CAN_BO, ReformArea.HIEN_DAI_HOA}
    assert new - old == {ReformArea.CHE_DO_CONG_VU, ReformArea.CHINH_PHU_SO}


def test_programme_targets_name_their_source() -> None:
    for prog in (programme("nq30c-2011"), programme("nq76-2021")):
        for target in prog.targets:
            assert target.source is not None
            assert target.source.number
    # NQ 30c: satisfaction above 80% by 2020 (quoted by sonoivu.binhduong.gov.vn).
    t = programme("nq30c-2011").target("satisfaction_admin_services")
    assert (t.comparator.value, t.value, t.deadline) == (">", 80, date(2020, 12, 31))


def test_seed_003_plan_is_bundled_with_its_targets() -> None:
    plan = example_plan()
    assert (plan.number, plan.signed_on) == ("5601/KH-SYT", date(2017, 6, 16))
    ids = {t.id for t in plan.targets}
    # KH 5601/KH-SYT §I.2: satisfaction > 80%, on time > 90%, 30% online at level 4 by 2020.
    assert {"satisfaction_procedures", "on_time_dossiers", "online_level4_dossiers"} <= ids
    on_time = next(t for t in plan.targets if t.id == "on_time_dossiers")
    assert (on_time.comparator.value, on_time.value) == (">", 90)
    assert on_time.source is not None
    assert on_time.source.number == "5601/KH-SYT"


def test_task_due_before_plan_date_names_task_and_field() -> None:
    with pytest.raises(ValidationError, match="before the plan's date") as err:
        parse_plan(plan_data(due="2021-12-31"))
    assert (err.value.item, err.value.field) == ("T1", "due")


def test_unknown_area_names_task_and_field() -> None:
    with pytest.raises(ValidationError) as err:
        parse_plan(plan_data(area="cai_cach_khac"))
    assert (err.value.item, err.value.field) == ("T1", "area")


def test_area_outside_the_plans_programme() -> None:
    # hiện đại hóa hành chính is an area of NQ 30c, not of NQ 76/2021.
    with pytest.raises(ValidationError, match="not an area of programme") as err:
        parse_plan(plan_data(area="hien_dai_hoa"))
    assert (err.value.item, err.value.field) == ("T1", "area")


def test_progress_above_100_percent_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        parse_plan(plan_data(status="in_progress", progress=120))
    assert (err.value.item, err.value.field) == ("T1", "progress")


def test_target_percentage_above_100_is_refused() -> None:
    data = plan_data()
    data["targets"] = [
        {
            "id": "online",
            "indicator": "x",
            "comparator": ">=",
            "value": 120,
            "deadline": "2022-12-31",
        }
    ]
    with pytest.raises(ValidationError, match="outside 0-100") as err:
        parse_plan(data)
    assert (err.value.item, err.value.field) == ("online", "value")


def test_done_task_needs_completion_date() -> None:
    with pytest.raises(ValidationError) as err:
        parse_plan(plan_data(status="done"))
    assert (err.value.item, err.value.field) == ("T1", "completed_on")


def test_several_problems_are_all_reported() -> None:
    data = plan_data(area="x")
    data["tasks"].append({"id": "T2", "area": "the_che", "title": "", "due": "bad"})
    with pytest.raises(BatchValidationError) as err:
        parse_plan(data)
    where = {(e.item, e.field) for e in err.value.errors}
    assert {("T1", "area"), ("T2", "title"), ("T2", "due")} <= where


def test_malformed_yaml_is_a_data_file_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("number: 1/KH\ntasks:\n  - id: T1\n   area: [the_che\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML") as err:
        load_plan(path)
    assert err.value.row is not None
    assert err.value.source == str(path)


def test_not_a_mapping_and_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="mapping"):
        load_plan(path)
    other = tmp_path / "plan.txt"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown file type"):
        load_plan(other)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_round_trip(tmp_path: Path, suffix: str) -> None:
    plan = example_plan()
    path = tmp_path / f"plan{suffix}"
    save_plan(plan, path)
    assert load_plan(path) == plan
    assert parse_plan(__import__("yaml").safe_load(dump_plan(plan))) == plan


def test_json_schema_exports() -> None:
    from cchc.plans import Plan

    schema = Plan.model_json_schema()
    assert "tasks" in schema["properties"]
