"""Property tests: completion counts and rates are consistent on random plans."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.plans import InProgressPolicy, Plan, Task, completion, percent

AREAS = ["the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "tai_chinh_cong"]
START = date(2022, 1, 10)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    n = draw(st.integers(min_value=0, max_value=40))
    tasks = []
    for i in range(n):
        status = draw(st.sampled_from(["done", "in_progress", "not_started"]))
        done_on = START + timedelta(days=draw(st.integers(0, 300))) if status == "done" else None
        progress = Decimal(draw(st.integers(0, 100))) if status == "in_progress" else None
        tasks.append(
            Task(
                id=f"T{i}",
                area=draw(st.sampled_from(AREAS)),
                title="t",
                owner=draw(st.sampled_from(["A", "B", "C"])),
                status=status,
                completed_on=done_on,
                progress=progress,
            )
        )
    return Plan(
        number="1/KH",
        issuer="X",
        signed_on=START,
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        tasks=tasks,
    )


@settings(max_examples=60, deadline=None)
@given(plans(), st.integers(0, 365), st.sampled_from(list(InProgressPolicy)))
def test_groups_add_up_and_rates_are_bounded(
    plan: Plan, offset: int, policy: InProgressPolicy
) -> None:
    as_of = START + timedelta(days=offset)
    report = completion(plan, as_of, policy=policy)
    overall = report.overall
    assert overall.total == len(plan.tasks)
    assert overall.done + overall.in_progress + overall.not_started == overall.total
    for groups in (report.by_area, report.by_owner):
        assert sum(c.total for c in groups.values()) == overall.total
        assert sum(c.done for c in groups.values()) == overall.done
        assert sum((c.credit for c in groups.values()), Decimal(0)) == overall.credit
    strict = completion(plan, as_of).overall.rate
    if overall.total == 0:  # an empty plan has no rate ("no data"), not 0%
        assert overall.rate is None and strict is None
        return
    assert overall.rate is not None and strict is not None
    assert Decimal(0) <= overall.rate <= Decimal(100)
    if policy is InProgressPolicy.STRICT:
        assert overall.rate == percent(overall.done, overall.total)
    assert strict <= overall.rate  # any other policy only adds credit


@settings(max_examples=40, deadline=None)
@given(plans(), st.integers(0, 300), st.integers(1, 60))
def test_completion_never_decreases_over_time(plan: Plan, offset: int, later: int) -> None:
    a = START + timedelta(days=offset)
    b = a + timedelta(days=later)
    assert completion(plan, a).overall.done <= completion(plan, b).overall.done
