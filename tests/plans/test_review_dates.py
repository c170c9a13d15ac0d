"""Review of issue 6, items 12 and 22: dates at the public API of cchc.plans.

Every public date parameter goes through ``cchc.tz.as_date``: an aware datetime
is read in Vietnam time (Asia/Ho_Chi_Minh, UTC+07:00), a naive one is rejected.
An empty plan has no completion rate ("no data"), and a plan cannot be
measured before it was signed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from cchc.errors import NaiveDatetimeError, ValidationError
from cchc.plans import (
    Plan,
    TargetOutcome,
    Task,
    check_targets,
    completion,
    example_plan,
    overdue_tasks,
)
from cchc.plans.completion import percent, status_as_of
from cchc.tz import VN_TZ


def _plan(tasks: list[Task]) -> Plan:
    return Plan(
        number="219/KH-SYT",
        issuer="Sở Y tế",
        signed_on=date(2021, 12, 27),
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        tasks=tasks,
    )


DONE_1_MARCH = Task(
    id="T1",
    area="thu_tuc_hanh_chinh",
    title="Rà soát TTHC",
    status="done",
    completed_on=date(2022, 3, 1),
)


def test_completion_accepts_aware_datetimes_in_vietnam_time() -> None:
    plan = _plan([DONE_1_MARCH])
    # 10:00 in Hà Nội on 1/3 is the same day as the date 1/3.
    at_ten = completion(plan, datetime(2022, 3, 1, 10, tzinfo=VN_TZ)).overall
    assert (at_ten.done, at_ten.rate) == (1, completion(plan, date(2022, 3, 1)).overall.rate)
    # 20:00 UTC on 28/2 is already 03:00 on 1/3 in Vietnam: the task is done then.
    assert completion(plan, datetime(2022, 2, 28, 20, tzinfo=UTC)).overall.done == 1
    # 16:00 UTC on 28/2 is 23:00 on 28/2 in Vietnam: not done yet.
    assert completion(plan, datetime(2022, 2, 28, 16, tzinfo=UTC)).overall.done == 0
    assert status_as_of(DONE_1_MARCH, datetime(2022, 2, 28, 20, tzinfo=UTC)).value == "done"


def test_naive_datetimes_and_strings_are_rejected() -> None:
    plan = _plan([DONE_1_MARCH])
    with pytest.raises(NaiveDatetimeError) as err:
        completion(plan, datetime(2022, 3, 1, 10))
    assert err.value.field == "as_of"
    with pytest.raises(NaiveDatetimeError):
        overdue_tasks(plan, datetime(2022, 3, 1, 10))
    with pytest.raises(ValidationError) as verr:
        completion(plan, "2022-03-01")  # type: ignore[arg-type]
    assert verr.value.field == "as_of"


def test_overdue_tasks_accepts_an_aware_datetime() -> None:
    plan = example_plan()
    as_date = overdue_tasks(plan, date(2018, 1, 5))
    plus7 = timezone(timedelta(hours=7))
    as_datetime = overdue_tasks(plan, datetime(2018, 1, 5, 16, 30, tzinfo=plus7))
    assert [o.task_id for o in as_datetime] == [o.task_id for o in as_date]


def test_check_targets_accepts_an_aware_datetime() -> None:
    # Seed 003 (KH 5601/KH-SYT): on-time dossiers above 90% by 31/12/2020. 17:30 UTC on
    # 31/12/2020 is already 1/1/2021 in Vietnam, so the deadline has passed: missed.
    targets = [t for t in example_plan().targets if t.id == "on_time_dossiers"]
    deadline = targets[0].deadline
    assert deadline == date(2020, 12, 31)
    late_utc = datetime(2020, 12, 31, 17, 30, tzinfo=UTC)
    [check] = check_targets({"on_time_dossiers": 88}, targets, as_of=late_utc)
    assert (check.outcome, check.as_of) == (TargetOutcome.MISSED, date(2021, 1, 1))
    early_utc = datetime(2020, 12, 31, 16, 30, tzinfo=UTC)  # 23:30 on 31/12 in Vietnam
    [check] = check_targets({"on_time_dossiers": 88}, targets, as_of=early_utc)
    assert check.outcome is TargetOutcome.NOT_YET_DUE
    with pytest.raises(NaiveDatetimeError):
        check_targets({}, targets, as_of=datetime(2020, 12, 31, 10))


def test_empty_plan_has_no_rate_not_zero() -> None:
    report = completion(_plan([]), date(2022, 3, 14))
    assert report.overall.total == 0
    assert report.overall.rate is None  # "no data", not 0.00%
    assert report.by_area == {} and report.by_owner == {}
    with pytest.raises(ValidationError, match="no data"):
        percent(0, 0)


def test_as_of_before_the_plan_was_signed_is_rejected() -> None:
    plan = _plan([DONE_1_MARCH])
    completion(plan, plan.signed_on)  # the signing day itself is fine
    with pytest.raises(ValidationError) as err:
        completion(plan, date(2021, 12, 26))
    assert err.value.field == "as_of"
    assert "before the plan was signed (2021-12-27)" in str(err.value)
    with pytest.raises(ValidationError):
        overdue_tasks(plan, date(2021, 1, 1))
