"""Build the figures of a periodic report from a plan and dossier statistics.

:func:`build_report` fills the parts of a :class:`~cchc.reporting.report.CchcReport`
that can be computed: the plan's task counts as of the end of the data window
(I.1, counted with :func:`cchc.plans.completion`), the dossier results (II.2,
plain figures — e.g. from the dossier statistics of :mod:`cchc.dossiers`), the
online services by level (II.6) and the figures checked against the plan's
targets. The narrative parts stay for people to write.

    >>> from datetime import date
    >>> from cchc.plans.models import Plan, Task
    >>> tasks = [Task(id=f"T{i:02}", area="thu_tuc_hanh_chinh", title=f"Nhiệm vụ {i}",
    ...               status="done" if i <= 10 else "in_progress",
    ...               completed_on=date(2022, 2, 28) if i <= 10 else None)
    ...          for i in range(1, 26)]
    >>> plan = Plan(number="219/KH-SYT", issuer="Sở Y tế", signed_on=date(2021, 12, 27),
    ...             period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), tasks=tasks)
    >>> r = build_report(plan, "bnv-cchc", "Q1", 2022, online_services=(50, 76))
    >>> r.plan.tasks_total, r.plan.tasks_done, r.plan.tasks_in_progress
    (25, 10, 15)
    >>> r.digital.online_services_total
    126
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from cchc.dossiers.table.statistics import count_rate
from cchc.errors import BatchValidationError, CchcError, ValidationError, one_or_batch
from cchc.plans.completion import InProgressPolicy, completion
from cchc.plans.models import Plan
from cchc.plans.targets import to_decimal
from cchc.reporting.report import CchcReport, DossierFigures
from cchc.reporting_periods import reporting_period

__all__ = ["build_report", "dossier_on_time_rate"]


def dossier_on_time_rate(d: DossierFigures) -> Decimal | None:
    """(trước hạn + đúng hạn) / đã giải quyết, in %, or ``None`` without the counts: the
    rate ``on_time_or_early_rate`` of :data:`cchc.dossiers.table.statistics.RATES`.

    Raises:
        ValidationError: the dossiers resolved early and on the due date are more
            than those resolved (the rate would exceed 100%).
    """
    if not d.resolved or d.resolved_early is None or d.resolved_on_due is None:
        return None
    if d.resolved_early + d.resolved_on_due > d.resolved:
        raise ValidationError(
            f"resolved_early {d.resolved_early} + resolved_on_due {d.resolved_on_due} = "
            f"{d.resolved_early + d.resolved_on_due} is more than resolved {d.resolved}",
            field="procedures.dossiers.resolved",
        )
    counts = {"early": d.resolved_early, "on_time": d.resolved_on_due, "resolved": d.resolved}
    return count_rate("on_time_or_early_rate", counts)


def build_report(
    plan: Plan,
    regime: str,
    kind: str,
    year: int,
    *,
    issuer: str | None = None,
    dossiers: DossierFigures | None = None,
    online_services: tuple[int, int] | None = None,
    online_dossier_rate: Decimal | None = None,
    figures: Mapping[str, object] | None = None,
) -> CchcReport:
    """A report of ``kind``/``year`` whose computable figures come from the inputs.

    The report is validated as a whole (counts not negative, rates within
    0-100), like a loaded one; :func:`~cchc.reporting.check_report` then checks
    that parts add up.

    Args:
        plan: the CCHC plan reported on; tasks are counted as of the window's end.
        regime: ``"bnv-cchc"`` or ``"nd09-2019"``.
        kind: kind of report (``"Q1"``, ``"H1"``, ``"Q3"``, ``"Y"``...).
        year: reporting year.
        issuer: reporting agency (default: the plan's issuer).
        dossiers: dossier results in the window; ``on_time_rate`` is filled in
            when missing.
        online_services: (number of TTHC at level 3, at level 4).
        online_dossier_rate: share of dossiers handled online (%).
        figures: further figures by target id (checked against the plan's targets).

    Raises:
        ValidationError: a figure breaks the report model (``field`` names it),
            e.g. a negative count, or more dossiers on time than resolved.
        BatchValidationError: several such figures.
    """
    period = reporting_period(regime, kind, year, due=False)
    state = completion(plan, period.end, policy=InProgressPolicy.STRICT).overall
    single_year = plan.period_start.year == plan.period_end.year
    plan_section: dict[str, Any] = {
        "plan": {"number": plan.number, "signed_on": plan.signed_on, "title": plan.title},
        "plan_year": plan.period_start.year if single_year else None,
        "tasks_total": state.total,
        "tasks_done": state.done,
        "tasks_in_progress": state.in_progress,
        "tasks_not_started": state.not_started or None,
        "completion_rate": state.rate,
    }
    problems: list[CchcError] = []
    dossier_data: dict[str, Any] | None = None
    if dossiers is not None:
        dossier_data = dossiers.model_dump()
        if dossiers.on_time_rate is None:
            try:
                dossier_data["on_time_rate"] = dossier_on_time_rate(dossiers)
            except ValidationError as exc:  # reported with any other problem below
                problems.append(exc)
    digital: dict[str, Any] = {"online_dossier_rate": online_dossier_rate}
    if online_services is not None:
        if not isinstance(online_services, tuple | list) or len(online_services) != 2:
            raise ValidationError(
                "expected (services at level 3, services at level 4)", field="online_services"
            )
        level3, level4 = online_services
        counts = all(isinstance(n, int) and not isinstance(n, bool) for n in online_services)
        digital.update(  # a non-integer count is reported by the model with its field
            online_services_level3=level3,
            online_services_level4=level4,
            online_services_total=level3 + level4 if counts else None,
        )
    all_figures: dict[str, Decimal] = {}
    if dossier_data is not None and dossier_data["on_time_rate"] is not None:
        all_figures["on_time_dossiers"] = dossier_data["on_time_rate"]
    for key, value in (figures or {}).items():
        all_figures[key] = to_decimal(value, field=f"figures.{key}")
    data = {
        "issuer": issuer if issuer is not None else plan.issuer,
        "regime": regime,
        "kind": kind,
        "year": year,
        "plan": plan_section,
        "procedures": {"dossiers": dossier_data},
        "digital": digital,
        "figures": all_figures,
    }
    try:  # every part validated as plain data: model_copy(update=...) would skip it
        report = CchcReport.model_validate(data)
    except CchcError as err:
        problems.extend(err.errors if isinstance(err, BatchValidationError) else [err])
    if problems:
        raise one_or_batch(problems)
    return report
