"""A procedure's internal process (quy trình nội bộ giải quyết thủ tục hành chính).

The province (or ministry) that publishes a procedure also approves its internal
process: the ordered steps (thứ tự công việc) with their content, the unit or officer
responsible (trách nhiệm thực hiện) and the time of each (thời gian thực hiện), with a
total (tổng thời gian giải quyết TTHC). ND 118/2025 Art 12(3) and 36(5) name the approved
internal / electronic process as what splits the time between units (registry
``ND118-2025``); the form is the one of the approving decisions (e.g. Cao Bằng QĐ
2022/QĐ-UBND Phụ lục 2, registry ``QD2022-2025-CBG``).

The times are published in working days with fractions ("0,5 ngày làm việc", "0,25
ngày làm việc"), or in working hours; a fraction of a day is held in working minutes by
the registry rule ``CONV-DAY-8H`` (one working day = 8 working hours = 480 working
minutes). A step "Không tính thời gian" (the return of the result) is kept with
``counted = False``.

**The steps may not add up to more than the legal limit** (the internal process splits
the procedure's time limit, it cannot extend it: ``CONV-STEP-BUDGET``):
:meth:`InternalProcess.findings` reports each break as a typed :class:`~cchc.findings.Finding`
and :meth:`InternalProcess.check` raises :class:`InternalProcessError`::

    >>> qt = internal_process("1.001806")
    >>> [s.minutes for s in qt.steps][:3]
    [240, 240, 3360]
    >>> qt.total_minutes, qt.counted_minutes
    (4800, 4800)
    >>> [f.code for f in qt.findings(amount=10, unit="working_days")]
    []
    >>> [f.code for f in qt.findings(amount=8, unit="working_days")]
    ['steps-over-limit']
"""

from __future__ import annotations

import enum
import functools
from decimal import Decimal

from pydantic import Field, model_validator

from cchc._data import load_bundled_items
from cchc._model import CchcRecord
from cchc.errors import ValidationError
from cchc.findings import Finding, Severity

from .vocabulary import TimeUnit

__all__ = [
    "BUDGET_RULE",
    "MINUTES_PER_WORKING_DAY",
    "InternalProcess",
    "InternalProcessError",
    "ProcessStep",
    "StepUnit",
    "internal_process",
    "internal_processes",
]

BUDGET_RULE = "CONV-STEP-BUDGET"
"""Registry key of the rule that the steps stay within the legal limit."""
MINUTES_PER_WORKING_DAY = 480
"""One working day = 8 working hours (registry ``CONV-DAY-8H``)."""
_DATA = "internal_processes.yaml"


class InternalProcessError(ValidationError):
    """An internal process breaks a rule: its steps add up to more than the legal limit,
    its total disagrees with its steps, or no process is known for a procedure."""


class StepUnit(enum.StrEnum):
    """The unit of a step's time (đơn vị thời gian thực hiện của bước)."""

    WORKING_DAYS = "working_days"
    """Ngày làm việc (fractions allowed: 0,25 / 0,5 / 1,5)."""
    WORKING_HOURS = "working_hours"
    """Giờ làm việc."""


def _minutes(amount: Decimal, unit: StepUnit) -> Decimal:
    per = MINUTES_PER_WORKING_DAY if unit is StepUnit.WORKING_DAYS else 60
    return amount * per


class ProcessStep(CchcRecord):
    """One step (bước) of an internal process."""

    name: str = Field(min_length=1, description="Nội dung công việc.")
    unit: str = Field(min_length=1, description="Trách nhiệm thực hiện (unit or officer).")
    amount: Decimal | None = Field(
        default=None, ge=0, description="Thời gian thực hiện: amount (None: not counted)."
    )
    time_unit: StepUnit = Field(
        default=StepUnit.WORKING_DAYS, description="Thời gian thực hiện: unit."
    )
    counted: bool = Field(
        default=True,
        description="False for a step 'Không tính thời gian' (the return of the result).",
    )

    @model_validator(mode="after")
    def _check(self) -> ProcessStep:
        if self.counted and self.amount is None:
            raise ValueError("a counted step needs an amount")
        if not self.counted and self.amount not in (None, 0):
            raise ValueError("a step 'không tính thời gian' has no amount")
        if self.amount is not None and _minutes(self.amount, self.time_unit) % 1:
            raise ValueError("a step's time must be a whole number of working minutes")
        return self

    @property
    def minutes(self) -> int:
        """The step's time in working minutes (0 when not counted; CONV-DAY-8H)."""
        if self.amount is None:
            return 0
        return int(_minutes(self.amount, self.time_unit))


class InternalProcess(CchcRecord):
    """An approved internal process of one procedure (and case)."""

    procedure_code: str = Field(min_length=1, description="Mã TTHC.")
    name: str = Field(default="", description="Tên TTHC.")
    case: str = Field(default="", description="Trường hợp ('' for the only one).")
    source: str = Field(
        min_length=1, description="Registry key of the approving decision (sources.csv)."
    )
    article: str = Field(default="", description="Where in it (Phụ lục, quy trình số).")
    total_amount: Decimal = Field(gt=0, description="Tổng thời gian giải quyết TTHC: amount.")
    total_unit: StepUnit = Field(
        default=StepUnit.WORKING_DAYS, description="Tổng thời gian giải quyết TTHC: unit."
    )
    steps: tuple[ProcessStep, ...] = Field(min_length=1, description="Các bước, in order.")

    @property
    def total_minutes(self) -> int:
        """The published total in working minutes."""
        return int(_minutes(self.total_amount, self.total_unit))

    @property
    def counted_minutes(self) -> int:
        """The sum of the counted steps, in working minutes."""
        return sum(s.minutes for s in self.steps)

    def step(self, number: int) -> ProcessStep:
        """Step ``number`` (from 1).

        Raises:
            InternalProcessError: no such step (field ``step``).
        """
        if not 1 <= number <= len(self.steps):
            raise InternalProcessError(
                f"the internal process of {self.procedure_code} has steps 1-{len(self.steps)}, "
                f"not {number}",
                field="step",
            )
        return self.steps[number - 1]

    def findings(
        self, amount: int | None = None, unit: TimeUnit | str | None = None
    ) -> list[Finding]:
        """The breaks of ``CONV-STEP-BUDGET``: the steps add up to more than the published
        total, or (when the procedure's legal limit ``amount`` ``unit`` is given, in working
        days or hours) more than the legal limit."""
        out: list[Finding] = []
        steps = self.counted_minutes
        if steps != self.total_minutes:
            out.append(
                Finding(
                    code="steps-total-mismatch",
                    severity=Severity.ERROR if steps > self.total_minutes else Severity.WARNING,
                    message=f"the steps add up to {steps} working minutes, the published total "
                    f"is {self.total_minutes}",
                    message_vi=f"Tổng thời gian các bước là {steps} phút làm việc, khác tổng "
                    f"thời gian công bố {self.total_minutes} phút",
                    field="steps",
                )
            )
        if amount is not None and unit is not None:
            limit = _limit_minutes(amount, TimeUnit(unit))
            if steps > limit:
                out.append(
                    Finding(
                        code="steps-over-limit",
                        severity=Severity.ERROR,
                        message=f"the steps add up to {steps} working minutes, more than the "
                        f"legal limit of {amount} {TimeUnit(unit).value} ({limit} minutes; "
                        f"{BUDGET_RULE})",
                        message_vi=f"Tổng thời gian các bước ({steps} phút làm việc) vượt thời "
                        f"hạn giải quyết theo quy định ({limit} phút làm việc)",
                        field="steps",
                    )
                )
        return out

    def check(self, amount: int | None = None, unit: TimeUnit | str | None = None) -> None:
        """Raise the first error-level finding of :meth:`findings`.

        Raises:
            InternalProcessError: the steps add up to more than the total or the limit.
        """
        for f in self.findings(amount, unit):
            if f.severity is Severity.ERROR:
                raise InternalProcessError(
                    f"{f.message} ({f.message_vi})", field=f.field, item=self.procedure_code
                )


def _limit_minutes(amount: int, unit: TimeUnit) -> int:
    if unit is TimeUnit.WORKING_DAYS:
        return amount * MINUTES_PER_WORKING_DAY
    if unit is TimeUnit.HOURS:
        return amount * 60
    raise InternalProcessError(
        f"an internal process is checked against a limit in working days or hours, not "
        f"{unit.value}",
        field="unit",
    )


@functools.cache
def internal_processes() -> tuple[InternalProcess, ...]:
    """The bundled internal processes (read once)."""
    return load_bundled_items(InternalProcess, "processes", "cchc.procedures", "data", _DATA)


def internal_process(procedure_code: str, case: str | None = None) -> InternalProcess:
    """The bundled internal process of a procedure (its first case unless ``case``).

    Raises:
        InternalProcessError: none is bundled (field ``procedure_code``).
    """
    for p in internal_processes():
        if p.procedure_code == procedure_code and (case is None or p.case == case):
            return p
    raise InternalProcessError(
        f"no internal process is bundled for {procedure_code!r}"
        + (f" (case {case!r})" if case else "")
        + "; pass one (InternalProcess or a YAML file)",
        field="procedure_code",
    )
