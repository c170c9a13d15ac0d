"""Completion as of a date, policies for tasks in progress, overdue tasks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.calendar import OfficialCalendar
from cchc.errors import ValidationError
from cchc.plans import (
    InProgressPolicy,
    Plan,
    ReformArea,
    Task,
    completion,
    effective_due,
    example_plan,
    overdue_tasks,
)


def seed_002_plan() -> Plan:
    """Seed 002 (BR-VT Sở Y tế, báo cáo CCHC quý I/2022): 25 tasks, 10 done, 15 in progress.

    The seed gives only the counts; titles, owners and completion dates are made up.
    """
    tasks = [
        Task(
            id=f"NV{i:02}",
            area="thu_tuc_hanh_chinh" if i % 2 else "chinh_phu_so",
            title=f"Nhiệm vụ {i}",
            owner="Văn phòng" if i <= 12 else "Phòng Nghiệp vụ",
            status="done" if i <= 10 else "in_progress",
            completed_on=date(2022, 2, 1) if i <= 5 else date(2022, 3, 10) if i <= 10 else None,
            progress=Decimal(50) if i > 10 else None,
        )
        for i in range(1, 26)
    ]
    return Plan(
        number="219/KH-SYT",
        issuer="Sở Y tế",
        signed_on=date(2021, 12, 27),
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        tasks=tasks,
    )


def test_seed_002_completion_at_end_of_q1_window() -> None:
    # Q1 window ends 14/3/2022: 10 done, 15 in progress, 25 in all (seed 002 §I.1).
    c = completion(seed_002_plan(), date(2022, 3, 14)).overall
    assert (c.total, c.done, c.in_progress, c.not_started) == (25, 10, 15, 0)
    assert c.rate == Decimal("40.00")


def test_policies_for_tasks_in_progress() -> None:
    plan = seed_002_plan()
    as_of = date(2022, 3, 14)
    assert completion(plan, as_of, policy=InProgressPolicy.AS_DONE).overall.rate == Decimal(
        "100.00"
    )
    # 10 done + 15 x 50% = 17.5 of 25 = 70%.
    progress = completion(plan, as_of, policy=InProgressPolicy.PROGRESS).overall
    assert progress.credit == Decimal("17.5")
    assert progress.rate == Decimal("70.00")


def test_progress_policy_needs_progress_on_each_task() -> None:
    plan = seed_002_plan()
    plan.tasks[-1].progress = None
    with pytest.raises(ValidationError) as err:
        completion(plan, date(2022, 3, 14), policy=InProgressPolicy.PROGRESS)
    assert (err.value.item, err.value.field) == ("NV25", "progress")


def test_task_done_after_the_date_was_in_progress_then() -> None:
    c = completion(seed_002_plan(), date(2022, 3, 1)).overall
    assert (c.done, c.in_progress) == (5, 20)
    assert c.rate == Decimal("20.00")


def test_by_area_and_owner() -> None:
    report = completion(seed_002_plan(), date(2022, 3, 14))
    tthc = report.by_area[ReformArea.THU_TUC_HANH_CHINH]
    assert (tthc.total, tthc.done) == (13, 5)
    assert sum(c.total for c in report.by_area.values()) == 25
    assert report.by_owner["Văn phòng"].total == 12
    assert report.by_owner["Phòng Nghiệp vụ"].done == 0


def test_rate_rounds_half_up_to_two_decimals() -> None:
    plan = seed_002_plan()
    plan.tasks = plan.tasks[:3] + plan.tasks[10:13] + plan.tasks[3:4]  # 4 done of 7
    assert completion(plan, date(2022, 12, 31)).overall.rate == Decimal("57.14")


def test_due_on_a_day_off_moves_to_next_working_day() -> None:
    # Seed 003 task II.6.1 is due "trong năm 2017": 31/12/2017 is a Sunday and 01/01/2018 is
    # the New Year holiday (Bộ luật Lao động), so the due day is Tuesday 02/01/2018
    # (Bộ luật Dân sự 2015 Điều 148 khoản 5).
    plan = example_plan()
    cal = OfficialCalendar()
    assert effective_due(plan.task("II.6.1"), plan, cal) == date(2018, 1, 2)
    late = overdue_tasks(plan, date(2018, 1, 5), calendar=cal)
    assert [(o.task_id, o.working_days_late) for o in late] == [("II.6.1", 3)]
    assert overdue_tasks(plan, date(2018, 1, 2), calendar=cal) == []


def test_due_in_working_days_from_assignment() -> None:
    # Friday 07/01/2022 + 5 working days = Friday 14/01/2022 (no day off in between).
    plan = Plan(
        number="1/KH",
        issuer="X",
        signed_on=date(2022, 1, 7),
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        tasks=[Task(id="A", area="the_che", title="t", due_working_days=5)],
    )
    assert effective_due(plan.tasks[0], plan) == date(2022, 1, 14)
    late = overdue_tasks(plan, date(2022, 1, 18))
    assert late[0].working_days_late == 2


def test_done_late_is_listed_on_request() -> None:
    plan = Plan(
        number="1/KH",
        issuer="X",
        signed_on=date(2022, 1, 7),
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        tasks=[
            Task(
                id="A",
                area="the_che",
                title="t",
                due=date(2022, 3, 31),
                status="done",
                completed_on=date(2022, 4, 4),
            )
        ],
    )
    assert overdue_tasks(plan, date(2022, 6, 1)) == []
    late = overdue_tasks(plan, date(2022, 6, 1), include_done_late=True)
    assert (late[0].completed_on, late[0].working_days_late) == (date(2022, 4, 4), 2)


def test_unknown_task_lookup_is_typed() -> None:
    with pytest.raises(ValidationError) as err:
        example_plan().task("nope")
    assert err.value.item == "nope"
