"""Completion of a plan as of a date, by area and owner; overdue tasks.

Mức độ hoàn thành kế hoạch (how much of the plan is done) is what a periodic
report states ("Tổng số nhiệm vụ: 25; đã thực hiện: 10; đang triển khai: 15",
seed 002) and what provincial PAR indices score (e.g. Cà Mau QĐ 1880/QĐ-UBND
(2013) criterion 1.1.4: >90% → 2 points). No source says how a task *in
progress* counts, so it is a named choice, :class:`InProgressPolicy`:

* ``STRICT`` (default): only finished tasks count — rate = done / total;
* ``PROGRESS``: an unfinished task counts its reported ``progress`` (%);
* ``AS_DONE``: tasks in progress count as done ("đã và đang triển khai").

Status *as of* a date: a task whose ``completed_on`` is after that date was not
finished then and counts as in progress. Rates are percentages as
:class:`~decimal.Decimal` rounded half-up to 2 decimals
(:data:`RATE_QUANTUM`). A plan (or group) without tasks has no rate
(``rate is None``, "no data"), not 0%. ``as_of`` may be a ``date`` or an aware
``datetime`` (read in Vietnam time, :func:`cchc.tz.as_date`); a date before the
plan was signed (``signed_on``) is rejected: the plan did not exist yet.

    >>> from datetime import date
    >>> from cchc.plans.models import Plan, Task
    >>> tasks = [Task(id=f"T{i}", area="thu_tuc_hanh_chinh", title="x",
    ...               status="done" if i < 10 else "in_progress",
    ...               completed_on=date(2022, 3, 1) if i < 10 else None)
    ...          for i in range(25)]
    >>> plan = Plan(number="219/KH-SYT", issuer="Sở Y tế", signed_on=date(2021, 12, 27),
    ...             period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), tasks=tasks)
    >>> c = completion(plan, date(2022, 3, 14)).overall
    >>> (c.total, c.done, c.in_progress, c.rate)
    (25, 10, 15, Decimal('40.00'))
    >>> completion(plan, date(2022, 3, 14), policy=InProgressPolicy.AS_DONE).overall.rate
    Decimal('100.00')
    >>> print(completion(plan.model_copy(update={"tasks": []}), date(2022, 3, 14)).overall.rate)
    None
    >>> completion(plan, date(2021, 12, 1))
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field as_of: as_of 2021-12-01 is before the plan was signed \
(2021-12-27)

Overdue tasks (nhiệm vụ quá hạn) need the official calendar: a due date on a
day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5,
see :data:`DUE_ROLLFORWARD_SOURCE`), due dates given in working days are counted
on it, and lateness is counted in working days.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

import attrs

from cchc._checks import require_instance
from cchc.calendar import WorkingCalendar, default_calendar
from cchc.errors import ValidationError
from cchc.legal import source_aliases
from cchc.plans.areas import ReformArea
from cchc.plans.models import Plan, Task, TaskStatus
from cchc.rates import rate
from cchc.tz import as_date

__all__ = [
    "RATE_QUANTUM",
    "Completion",
    "CompletionReport",
    "InProgressPolicy",
    "OverdueTask",
    "WorkingCalendar",
    "completion",
    "effective_due",
    "overdue_tasks",
    "percent",
    "status_as_of",
]

RATE_QUANTUM = Decimal("0.01")
"""Rates are percentages rounded half-up to this quantum (2 decimals)."""

__getattr__ = source_aliases(__name__, {"DUE_ROLLFORWARD_SOURCE": "BLDS2015-148"})
"""``DUE_ROLLFORWARD_SOURCE``: why a due date on a day off moves to the next working day
(registry row ``BLDS2015-148``, resolved on access)."""


class InProgressPolicy(enum.StrEnum):
    """How a task in progress (đang triển khai) counts towards completion."""

    STRICT = "strict"
    """Counts 0: rate = đã hoàn thành / tổng số (the default)."""
    PROGRESS = "progress"
    """Counts its ``progress`` percentage (required on every task in progress; a task
    finished only after the date counts 0 unless it carries a ``progress``)."""
    AS_DONE = "as_done"
    """Counts 1, as reports that add "đã và đang triển khai" together do."""


def percent(part: Decimal | int, whole: int) -> Decimal:
    """``100 * part / whole`` rounded half-up to 2 decimals.

    >>> percent(1, 3)
    Decimal('33.33')
    >>> percent(2, 3)
    Decimal('66.67')
    >>> percent(0, 0)
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field whole: no rate of a total of 0 (no data)

    Raises:
        ValidationError: ``whole`` is not positive (a rate of nothing is "no
            data", not 0%).
    """
    value = rate(part, whole) if whole > 0 else None  # the zero-total rule of cchc.rates
    if value is None:
        raise ValidationError(f"no rate of a total of {whole} (no data)", field="whole")
    return value


@attrs.frozen
class Completion:
    """Counts and completion rate of a group of tasks."""

    total: int
    done: int
    in_progress: int
    not_started: int
    credit: Decimal
    """Tasks counted as done under the policy (fractional under ``PROGRESS``)."""
    rate: Decimal | None
    """``100 * credit / total``, 2 decimals; ``None`` when ``total`` is 0 (no data)."""


@attrs.frozen
class CompletionReport:
    """Completion of a plan as of a date: overall, by area and by owner."""

    as_of: date
    policy: InProgressPolicy
    overall: Completion
    by_area: dict[ReformArea, Completion]
    by_owner: dict[str, Completion]


def status_as_of(task: Task, as_of: date) -> TaskStatus:
    """The task's status on ``as_of`` (done later → in progress then).

    ``as_of`` may be an aware datetime (read in Vietnam time); naive ones are rejected.
    """
    as_of = as_date(as_of, field="as_of")
    if task.status is TaskStatus.DONE:
        assert task.completed_on is not None  # guaranteed by Task's validator
        return TaskStatus.DONE if task.completed_on <= as_of else TaskStatus.IN_PROGRESS
    return task.status


def _credit(task: Task, status: TaskStatus, policy: InProgressPolicy) -> Decimal:
    if status is TaskStatus.DONE:
        return Decimal(1)
    if status is TaskStatus.NOT_STARTED:
        return Decimal(0)
    if policy is InProgressPolicy.AS_DONE:
        return Decimal(1)
    if policy is InProgressPolicy.PROGRESS:
        if task.progress is None and task.status is TaskStatus.DONE:
            return Decimal(0)  # finished after the date; its progress then is not known
        if task.progress is None:
            raise ValidationError(
                "the PROGRESS policy needs a progress percentage on every task in progress",
                item=task.id,
                field="progress",
            )
        return task.progress / Decimal(100)
    return Decimal(0)


def _summarise(pairs: list[tuple[TaskStatus, Decimal]]) -> Completion:
    credit = sum((c for _, c in pairs), Decimal(0))
    total = len(pairs)
    share = rate(credit, total)
    return Completion(
        total=total,
        done=sum(1 for s, _ in pairs if s is TaskStatus.DONE),
        in_progress=sum(1 for s, _ in pairs if s is TaskStatus.IN_PROGRESS),
        not_started=sum(1 for s, _ in pairs if s is TaskStatus.NOT_STARTED),
        credit=credit,
        rate=share,
    )


def _group(
    rows: Iterable[tuple[Task, TaskStatus, Decimal]], key: Callable[[Task], object]
) -> dict[object, list[tuple[TaskStatus, Decimal]]]:
    groups: dict[object, list[tuple[TaskStatus, Decimal]]] = {}
    for task, status, credit in rows:
        groups.setdefault(key(task), []).append((status, credit))
    return groups


def _plan_as_of(plan: Plan, as_of: date) -> date:
    require_instance(plan, Plan, field="plan")
    day = as_date(as_of, field="as_of")
    if day < plan.signed_on:
        raise ValidationError(
            f"as_of {day.isoformat()} is before the plan was signed ({plan.signed_on.isoformat()})",
            field="as_of",
        )
    return day


def completion(
    plan: Plan, as_of: date, *, policy: InProgressPolicy = InProgressPolicy.STRICT
) -> CompletionReport:
    """Completion of ``plan`` as of ``as_of``, overall, by area and by owner.

    ``as_of`` is a ``date`` or an aware ``datetime`` (converted to Vietnam time).
    A plan without tasks has ``overall.rate is None`` (no data).

    Raises:
        ValidationError: ``as_of`` is not a date, or is before the plan's
            ``signed_on``; ``PROGRESS`` policy and a task in progress without
            ``progress``.
        NaiveDatetimeError: ``as_of`` is a naive datetime.
    """
    as_of = _plan_as_of(plan, as_of)
    rows = []
    for task in plan.tasks:
        status = status_as_of(task, as_of)
        rows.append((task, status, _credit(task, status, policy)))
    by_area = {
        ReformArea(str(k)): _summarise(v) for k, v in _group(rows, lambda t: t.area.value).items()
    }
    by_owner = {str(k): _summarise(v) for k, v in _group(rows, lambda t: t.owner).items()}
    return CompletionReport(
        as_of=as_of,
        policy=policy,
        overall=_summarise([(s, c) for _, s, c in rows]),
        by_area=by_area,
        by_owner=by_owner,
    )


@attrs.frozen
class OverdueTask:
    """A task not finished by its due date (nhiệm vụ quá hạn)."""

    task_id: str
    title: str
    owner: str
    area: ReformArea
    due: date
    """Effective due date (rolled forward to a working day)."""
    working_days_late: int
    """Working days in ``(due, as_of]`` (or up to the completion date if done late)."""
    completed_on: date | None = None
    """Set when the task was finished, but late."""


def effective_due(task: Task, plan: Plan, calendar: WorkingCalendar | None = None) -> date | None:
    """The working day by which ``task`` must be finished (``None``: no due date).

    A calendar ``due`` on a day off moves to the next working day
    (:data:`DUE_ROLLFORWARD_SOURCE`); ``due_working_days`` is counted from
    ``assigned_on`` (default: the plan's date), that day not counted.
    """
    if task.due is None and task.due_working_days is None:
        return None
    cal = calendar if calendar is not None else default_calendar()
    if task.due_working_days is not None:
        start = task.assigned_on if task.assigned_on is not None else plan.signed_on
        return cal.add_working_days(start, task.due_working_days)
    assert task.due is not None
    return cal.rollforward(task.due)  # BLDS 2015 Điều 148 khoản 5, source("BLDS2015-148")


def overdue_tasks(
    plan: Plan,
    as_of: date,
    *,
    calendar: WorkingCalendar | None = None,
    include_done_late: bool = False,
) -> list[OverdueTask]:
    """Tasks past their due date and not finished on ``as_of``, most late first.

    With ``include_done_late`` the tasks finished after their due date (by
    ``as_of``) are listed too, with ``completed_on`` set. ``as_of`` is a ``date``
    or an aware ``datetime`` (Vietnam time), not before the plan's ``signed_on``.

    Raises:
        ValidationError: ``as_of`` is not a date or is before the plan was signed.
        NaiveDatetimeError: ``as_of`` is a naive datetime.
    """
    as_of = _plan_as_of(plan, as_of)
    cal = calendar if calendar is not None else default_calendar()
    found: list[OverdueTask] = []
    for task in plan.tasks:
        due = effective_due(task, plan, cal)
        if due is None:
            continue
        status = status_as_of(task, as_of)
        if status is not TaskStatus.DONE and as_of > due:
            late = cal.working_days_between(due, as_of)
            found.append(OverdueTask(task.id, task.title, task.owner, task.area, due, late))
        elif include_done_late and status is TaskStatus.DONE:
            assert task.completed_on is not None
            if task.completed_on > due:
                late = cal.working_days_between(due, task.completed_on)
                found.append(
                    OverdueTask(
                        task.id, task.title, task.owner, task.area, due, late, task.completed_on
                    )
                )
    return sorted(found, key=lambda o: (-o.working_days_late, o.task_id))
