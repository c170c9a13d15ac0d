"""Plans, tasks and targets (kế hoạch, nhiệm vụ, chỉ tiêu) as pydantic models.

A yearly or multi-year CCHC plan (Kế hoạch cải cách hành chính) is issued by an
agency under a number and date, covers a period, and lists tasks by reform area,
each with an owner (đơn vị chủ trì), a due date and a status; it may also set
quantitative targets (chỉ tiêu), e.g. "tỷ lệ giải quyết hồ sơ đúng hẹn đạt trên
90%" (seed 003, KH 5601/KH-SYT §I.2).

Cross-field rules (a task due before the plan's date, an area outside the
plan's programme, a done task without completion date) raise a pydantic error
whose context names the task (``item``) and the field;
:func:`cchc.plans.parse_plan` turns it into :class:`cchc.errors.ValidationError`.

    >>> from datetime import date
    >>> t = Task(id="T1", area="thu_tuc_hanh_chinh", title="Rà soát TTHC",
    ...          due=date(2022, 6, 30), status="done", completed_on=date(2022, 5, 2))
    >>> t.area.vietnamese
    'Cải cách thủ tục hành chính'
    >>> Target(id="x", indicator="hài lòng", comparator=">", value=80, unit="%",
    ...        deadline=date(2020, 12, 31)).describe()
    'hài lòng > 80 % by 31/12/2020'
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from pydantic import ConfigDict, Field, field_validator, model_validator

from cchc._model import CchcModel, CchcRecord
from cchc.errors import ValidationError
from cchc.l10n import vn_date
from cchc.plans.areas import ReformArea
from cchc.plans.programmes import programme as _programme
from cchc.plans.targets import Comparator, Target
from cchc.plans.targets import plan_problem as _problem

__all__ = ["Comparator", "DocumentRef", "Plan", "Target", "Task", "TaskStatus"]


class DocumentRef(CchcRecord):
    """A reference to a document: number and symbol (số, ký hiệu) and date.

    A small stand-in for the richer models of :mod:`cchc.documents`; it keeps the
    number string as written (``"219/KH-SYT"``) and the signing date.
    ``refers_to`` lists documents this one cites (căn cứ / triển khai), so that a
    citation of a document dated after the citing one can be caught.
    """

    number: str = Field(min_length=1, description="Số, ký hiệu, e.g. '219/KH-SYT'.")
    signed_on: date | None = Field(default=None, description="Ngày ban hành (date).")
    title: str = Field(default="", description="Trích yếu (subject line).")
    refers_to: tuple[DocumentRef, ...] = Field(
        default=(), description="Văn bản được trích dẫn (documents cited by this one)."
    )

    @field_validator("number")
    @classmethod
    def _strip(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("document number is empty")
        return value

    def cite(self) -> str:
        """'219/KH-SYT ngày 27/12/2021' (the usual Vietnamese citation form)."""
        if self.signed_on is None:
            return self.number
        return f"{self.number} ngày {vn_date(self.signed_on)}"


class TaskStatus(enum.StrEnum):
    """Status of a task as reported (tình trạng thực hiện)."""

    DONE = "done"
    """Đã hoàn thành / đã thực hiện."""
    IN_PROGRESS = "in_progress"
    """Đang triển khai thực hiện."""
    NOT_STARTED = "not_started"
    """Chưa triển khai."""


class Task(CchcModel):
    """A task of a plan (nhiệm vụ).

    The due date is either a calendar date (``due``) or a number of working
    days (``due_working_days``) counted with the official calendar from
    ``assigned_on`` (default: the plan's date), as in "trong 10 ngày làm việc".
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, description="Task identifier, unique in the plan.")
    area: ReformArea = Field(description="Nội dung cải cách (reform area).")
    title: str = Field(min_length=1, description="Nội dung nhiệm vụ (what is to be done).")
    owner: str = Field(default="", description="Đơn vị chủ trì (owner unit).")
    due: date | None = Field(default=None, description="Thời hạn hoàn thành (due date).")
    due_working_days: int | None = Field(
        default=None, ge=1, description="Due N working days after assigned_on (ngày làm việc)."
    )
    assigned_on: date | None = Field(
        default=None, description="Start of a working-day due period (default: plan date)."
    )
    status: TaskStatus = Field(default=TaskStatus.NOT_STARTED, description="Tình trạng.")
    completed_on: date | None = Field(default=None, description="Ngày hoàn thành.")
    progress: Decimal | None = Field(
        default=None, ge=0, le=100, description="Tiến độ (%), for tasks in progress."
    )
    evidence: tuple[DocumentRef, ...] = Field(
        default=(), description="Tài liệu kiểm chứng (documents proving the work)."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Task:
        if self.due is not None and self.due_working_days is not None:
            raise _problem(
                "give either due or due_working_days, not both", item=self.id, field="due"
            )
        if self.status is TaskStatus.DONE and self.completed_on is None:
            raise _problem("a done task needs completed_on", item=self.id, field="completed_on")
        if self.status is not TaskStatus.DONE and self.completed_on is not None:
            raise _problem(
                f"completed_on is set but the status is {self.status.value}",
                item=self.id,
                field="completed_on",
            )
        return self


class Plan(CchcModel):
    """A CCHC plan (kế hoạch cải cách hành chính) of an agency.

    ``programme`` names the master programme the plan implements
    (``"nq30c-2011"`` or ``"nq76-2021"``, see :func:`cchc.plans.programme`); when
    it is set, every task area must be an area of that programme (or
    ``chi_dao_dieu_hanh``).
    """

    model_config = ConfigDict(extra="forbid")

    number: str = Field(min_length=1, description="Số, ký hiệu, e.g. '5601/KH-SYT'.")
    issuer: str = Field(description="Cơ quan ban hành (issuing agency).")
    signed_on: date = Field(description="Ngày ban hành kế hoạch.")
    title: str = Field(default="", description="Trích yếu.")
    period_start: date = Field(description="First day the plan covers.")
    period_end: date = Field(description="Last day the plan covers (inclusive).")
    programme: str | None = Field(default=None, description="Master programme key.")
    tasks: list[Task] = Field(default_factory=list, description="Nhiệm vụ.")
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu.")

    @model_validator(mode="after")
    def _cross_checks(self) -> Plan:
        if self.period_end < self.period_start:
            raise _problem("period_end is before period_start", field="period_end")
        seen: set[str] = set()
        for task in self.tasks:
            if task.id in seen:
                raise _problem("duplicate task id", item=task.id, field="id")
            seen.add(task.id)
            if task.due is not None and task.due < self.signed_on:
                raise _problem(
                    f"due {task.due.isoformat()} is before the plan's date "
                    f"{self.signed_on.isoformat()}",
                    item=task.id,
                    field="due",
                )
            if task.completed_on is not None and task.completed_on < self.signed_on:
                raise _problem(
                    "completed before the plan's date", item=task.id, field="completed_on"
                )
        if self.programme is not None:
            try:
                allowed = set(_programme(self.programme).areas) | {ReformArea.CHI_DAO_DIEU_HANH}
            except ValueError as exc:
                raise _problem(str(exc), field="programme") from None
            for task in self.tasks:
                if task.area not in allowed:
                    raise _problem(
                        f"area {task.area.value!r} is not an area of programme {self.programme}",
                        item=task.id,
                        field="area",
                    )
        target_ids = [t.id for t in self.targets]
        for tid in target_ids:
            if target_ids.count(tid) > 1:
                raise _problem("duplicate target id", item=tid, field="id")
        return self

    def task(self, task_id: str) -> Task:
        """The task with id ``task_id`` (KeyError-free: raises ValidationError)."""
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise ValidationError("no such task in the plan", item=task_id, field="id")
