"""Reform plans, tasks and targets (kế hoạch CCHC, nhiệm vụ, chỉ tiêu).

* :mod:`cchc.plans.areas` — :class:`ReformArea` (nội dung cải cách);
* :mod:`cchc.plans.programmes` — the master programmes NQ 30c/NQ-CP (2011-2020)
  and NQ 76/NQ-CP (2021-2030) with their areas and targets, as data;
* :mod:`cchc.plans.models` — :class:`Plan`, :class:`Task`, :class:`Target`;
* :mod:`cchc.plans.io` — load/save plans as JSON or YAML with located errors;
* :mod:`cchc.plans.completion` — completion as of a date, overdue tasks;
* :mod:`cchc.plans.targets` — :func:`check_targets` (met / missed / not yet due).

    >>> from datetime import date
    >>> plan = example_plan()
    >>> completion(plan, date(2018, 1, 1)).overall.rate
    Decimal('0.00')
"""

from cchc.plans.areas import ReformArea
from cchc.plans.completion import (
    Completion,
    CompletionReport,
    InProgressPolicy,
    OverdueTask,
    completion,
    effective_due,
    overdue_tasks,
    percent,
)
from cchc.plans.io import dump_plan, example_plan, load_plan, parse_plan, save_plan
from cchc.plans.models import Comparator, DocumentRef, Plan, Target, Task, TaskStatus
from cchc.plans.programmes import (
    MasterProgramme,
    programme,
    programme_for_year,
    programme_in_force,
    programmes,
)
from cchc.plans.targets import TargetCheck, TargetOutcome, check_targets

__all__ = [
    "Comparator",
    "Completion",
    "CompletionReport",
    "DocumentRef",
    "InProgressPolicy",
    "MasterProgramme",
    "OverdueTask",
    "Plan",
    "ReformArea",
    "Target",
    "TargetCheck",
    "TargetOutcome",
    "Task",
    "TaskStatus",
    "check_targets",
    "completion",
    "dump_plan",
    "effective_due",
    "example_plan",
    "load_plan",
    "overdue_tasks",
    "parse_plan",
    "percent",
    "programme",
    "programme_for_year",
    "programme_in_force",
    "programmes",
    "save_plan",
]
