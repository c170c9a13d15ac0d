"""Validators of a periodic CCHC report (kiểm tra báo cáo).

:func:`check_report` returns every :class:`Finding` at once — nothing stops at
the first problem — so an office can fix a report in one pass:

* **sums** — parts add up to their totals (đã thực hiện + đang triển khai =
  tổng số nhiệm vụ; TTHC mức độ 3 + mức độ 4 = tổng số; lớp đã tổ chức + chưa tổ
  chức = được phê duyệt; hồ sơ ...); a total given with a part missing is an
  incomplete report, and parts given that already exceed the total are wrong;
* **rates** — a stated rate equals the rate of its counts (2 decimals, half-up);
  ranges 0-100 are enforced by the model itself;
* **dates** — documents issued or meetings held in the period lie inside the data
  window (or up to the report's date); no document is dated after the report; a
  document does not cite one dated after itself; the plan cited is the plan of
  the report's year; one number is not used for two different documents;
* **placeholders** — no left-over dot leaders ("....."), "xxx", "TODO" or notes to
  colleagues ("nhờ Ngân thêm vào giúp nha") in any text;
* **wording** — a late rate stated as a target to reach ("tỷ lệ giải quyết hồ sơ
  trễ hẹn đều đạt trên 90%", seed 003 §II.2) is flagged as a likely inversion;
* **targets** — figures are checked against targets (missed → finding).

Seed 002's figures pass the sums (10 + 15 = 25; 50 + 76 = 126):

    >>> from cchc.reporting.report import CchcReport
    >>> r = CchcReport(issuer="Sở Y tế", kind="Q1", year=2022,
    ...     plan={"tasks_total": 25, "tasks_done": 10, "tasks_in_progress": 15},
    ...     digital={"online_services_total": 126, "online_services_level3": 50,
    ...              "online_services_level4": 76,
    ...              "notes": "Tỷ lệ hồ sơ trực tuyến trong quý:nhờ Ngân thêm vào giúp nha"})
    >>> [(f.code, f.field) for f in check_report(r)]
    [('placeholder', 'digital.notes')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from pydantic import BaseModel

from cchc.calendar import WorkingCalendar
from cchc.dossiers.table.statistics import count_rate
from cchc.errors import BatchValidationError, CchcError, ValidationError
from cchc.l10n import vn_date
from cchc.plans.models import DocumentRef, Target
from cchc.plans.targets import TargetOutcome, check_targets
from cchc.rates import rate
from cchc.reporting.drafting import (
    INVERSION_PATTERN,
    PLACEHOLDER_PATTERNS,
    check_placeholders,
    fields_of_type,
)
from cchc.reporting.findings import (
    Finding,
    Severity,
    deadline_problem,
    figure_problem,
    report_finding,
    target_finding,
)
from cchc.reporting.report import CchcReport
from cchc.reporting_periods import ROLL_FORWARD_DEFAULT, ReportingPeriod, reporting_period

__all__ = [
    "INVERSION_PATTERN",
    "PLACEHOLDER_PATTERNS",
    "Finding",
    "Severity",
    "assert_valid",
    "check_report",
]


_PROCEDURE_LEVELS = (
    "procedures_province",
    "procedures_district",
    "procedures_commune",
    "procedures_vertical",
)
_STAFF_COURSES = (
    "staff_political_advanced",
    "staff_political_intermediate",
    "staff_state_mgmt_principal",
    "staff_state_mgmt_specialist",
    "staff_job_position",
)


def _sum_if_any(
    out: list[Finding], section: BaseModel, prefix: str, total: str, parts: Sequence[str]
) -> None:
    """:func:`_sum`, but only when at least one of ``parts`` is given."""
    if any(getattr(section, p) is not None for p in parts):
        _sum(out, section, prefix, total, parts)


def _sum(
    out: list[Finding], section: BaseModel, prefix: str, total: str, parts: Sequence[str]
) -> None:
    whole = getattr(section, total)
    values = [getattr(section, p) for p in parts]
    if whole is None:
        return
    missing = [p for p, v in zip(parts, values, strict=True) if v is None]
    given = [v for v in values if v is not None]
    if missing and given:
        out.append(
            report_finding(
                "missing",
                f"{prefix}.{missing[0]}",
                total=f"{prefix}.{total}",
                whole=whole,
                parts=", ".join(missing),
            )
        )
        if sum(given) > whole:  # wrong whatever the missing parts are
            shown = " + ".join(
                f"{p} {v}" for p, v in zip(parts, values, strict=True) if v is not None
            )
            out.append(
                report_finding(
                    "sum:exceeds", f"{prefix}.{total}", shown=shown, got=sum(given), whole=whole
                )
            )
    elif not missing and sum(given) != whole:
        shown = " + ".join(str(v) for v in given)
        out.append(
            report_finding("sum", f"{prefix}.{total}", shown=shown, got=sum(given), whole=whole)
        )


def _not_above(out: list[Finding], section: BaseModel, prefix: str, part: str, whole: str) -> None:
    p, w = getattr(section, part), getattr(section, whole)
    if p is not None and w is not None and p > w:
        out.append(
            report_finding(
                "sum:part-above",
                f"{prefix}.{part}",
                part=p,
                whole_field=f"{prefix}.{whole}",
                whole=w,
            )
        )


def _rate(out: list[Finding], field: str, stated: Decimal | None, part: int, whole: int) -> None:
    _compare(out, field, stated, rate(part, whole))


def _compare(
    out: list[Finding], field: str, stated: Decimal | None, computed: Decimal | None
) -> None:
    """A finding when a stated rate differs from the computed one (None for a total of 0:
    nothing to compare, :mod:`cchc.rates`)."""
    if stated is None or computed is None:
        return
    if abs(stated - computed) > Decimal("0.01"):
        out.append(report_finding("rate", field, stated=stated, computed=computed))


def _check_sums(r: CchcReport, out: list[Finding]) -> None:
    pl = r.plan
    parts = ["tasks_done", "tasks_in_progress"]
    if pl.tasks_not_started is not None:
        parts.append("tasks_not_started")
    _sum(out, pl, "plan", "tasks_total", parts)
    if pl.tasks_done is not None and pl.tasks_total:
        _rate(out, "plan.completion_rate", pl.completion_rate, pl.tasks_done, pl.tasks_total)
    _not_above(out, r.direction, "direction", "assigned_tasks_done", "assigned_tasks_total")
    _not_above(out, r.inspection, "inspection", "inspections_done", "inspections_planned")
    _not_above(out, r.communication, "communication", "tasks_done", "tasks_total")
    pr = r.procedures
    _sum_if_any(out, pr, "procedures", "procedures_total", _PROCEDURE_LEVELS)
    _not_above(out, pr, "procedures", "procedures_simplified", "procedures_reviewed")
    _not_above(out, pr, "procedures", "feedback_resolved", "feedback_received")
    d = pr.dossiers
    if d is not None:
        _sum(
            out,
            d,
            "procedures.dossiers",
            "resolved",
            ["resolved_early", "resolved_on_due", "resolved_late"],
        )
        c, n, x, p = d.carried_over, d.received, d.resolved, d.pending
        flow_known = c is not None and n is not None and x is not None and p is not None
        if flow_known and c + n != x + p:  # type: ignore[operator]
            out.append(
                report_finding(
                    "sum:dossier-flow",
                    "procedures.dossiers.pending",
                    carried=c,
                    received=n,
                    resolved=x,
                    pending=p,
                )
            )
        # the rate defined once (cchc.dossiers.table.statistics.RATES): (early + on time) / resolved
        counts = {"early": d.resolved_early, "on_time": d.resolved_on_due, "resolved": d.resolved}
        computed = count_rate("on_time_or_early_rate", counts)
        _compare(out, "procedures.dossiers.on_time_rate", d.on_time_rate, computed)
    cs = r.civil_service
    _sum(out, cs, "civil_service", "classes_approved", ["classes_held", "classes_not_held"])
    _sum_if_any(out, cs, "civil_service", "staff_sent_total", _STAFF_COURSES)
    _sum(
        out,
        r.digital,
        "digital",
        "online_services_total",
        ["online_services_level3", "online_services_level4"],
    )


def _fmt(d: date) -> str:
    return vn_date(d)


def _check_dates(r: CchcReport, period: ReportingPeriod, out: list[Finding]) -> None:
    in_period = {"direction.documents_issued", "direction.meetings"}
    by_number: dict[tuple[str, int | None], list[tuple[str, DocumentRef]]] = {}
    for path, ref in fields_of_type(r, DocumentRef):
        by_number.setdefault(
            (ref.number, ref.signed_on.year if ref.signed_on else None), []
        ).append((path, ref))
        when = ref.signed_on
        for cited in ref.refers_to:
            if when is not None and cited.signed_on is not None and cited.signed_on > when:
                out.append(report_finding("citation", path, ref=ref.cite(), cited=cited.cite()))
        if when is None:
            continue
        if r.signed_on is not None and when > r.signed_on:
            out.append(report_finding("date:after-report", path, ref=ref.cite()))
            continue
        if path.split("[")[0] in in_period:
            if when < period.start:
                out.append(
                    report_finding(
                        "date:before-period",
                        path,
                        ref=ref.cite(),
                        start=_fmt(period.start),
                        end=_fmt(period.end),
                    )
                )
            elif when > period.end:
                out.append(
                    report_finding(
                        "date:after-window",
                        path,
                        Severity.WARNING,
                        ref=ref.cite(),
                        end=_fmt(period.end),
                    )
                )
    for (number, _), uses in by_number.items():
        titles = {u.title.strip().lower() for _, u in uses if u.title.strip()}
        if len(titles) > 1:
            out.append(
                report_finding(
                    "citation:duplicate-number",
                    uses[1][0],
                    Severity.WARNING,
                    number=number,
                    count=len(titles),
                    first=uses[0][0],
                    second=uses[1][0],
                )
            )
    if r.plan.plan_year is not None and r.plan.plan_year != r.year:
        out.append(
            report_finding(
                "date:plan-year", "plan.plan_year", plan_year=r.plan.plan_year, year=r.year
            )
        )


def _check_targets(
    r: CchcReport, targets: Sequence[Target], period: ReportingPeriod, out: list[Finding]
) -> None:
    ids = {t.id for t in targets}
    figures = {k: v for k, v in r.figures.items() if k in ids}
    try:
        checks = check_targets(figures, targets, as_of=period.end)
    except CchcError as exc:
        out.append(figure_problem(exc, figures))
        return
    for c in checks:
        if c.outcome is TargetOutcome.MISSED:
            out.append(target_finding(c, Severity.ERROR))
        elif c.outcome is TargetOutcome.NO_FIGURE:
            out.append(target_finding(c, Severity.WARNING))


def _check_deadline(
    report: CchcReport,
    sent: date,
    period: ReportingPeriod,
    roll_forward: bool,
    calendar: WorkingCalendar | None,
    out: list[Finding],
) -> None:
    if period.due_is_minimum and report.deadline is None:
        out.append(
            report_finding(
                "deadline:unknown",
                "deadline",
                Severity.WARNING,
                due_source=period.due_source.cite(),
            )
        )
        return
    try:
        last = period.last_day(
            deadline=report.deadline, roll_forward=roll_forward, calendar=calendar
        )
    except ValidationError as exc:
        out.append(deadline_problem(exc, report.deadline, period))
        return
    if sent > last:
        stated = report.deadline if report.deadline is not None else period.due
        assert stated is not None
        about: dict[str, object] = {
            "sent": _fmt(sent),
            "due": _fmt(stated),
            "due_source": period.due_source.cite(),
        }
        if last == stated:
            out.append(report_finding("deadline", "submitted_on", Severity.ERROR, **about))
        else:
            out.append(
                report_finding(
                    "deadline:moved",
                    "submitted_on",
                    Severity.ERROR,
                    last=_fmt(last),
                    roll_source=period.roll_forward_source.cite(),
                    **about,
                )
            )


def check_report(
    report: CchcReport,
    *,
    targets: Iterable[Target] = (),
    calendar: WorkingCalendar | None = None,
    roll_forward: bool = ROLL_FORWARD_DEFAULT,
) -> list[Finding]:
    """Every problem found in ``report`` (empty list: the report passes).

    ``targets`` are checked against ``report.figures`` as of the end of the data
    window. When ``report.submitted_on`` is set it is checked against the
    regime's deadline (a working-day deadline needs the official calendar); a
    deadline on a day off moves to the next working day unless
    ``roll_forward=False`` (Bộ luật Dân sự 2015 Điều 148 khoản 5). Under
    ``nd09-2019``, which sets no deadline, ``report.deadline`` (set by the
    requesting agency) is needed; without it the finding is a warning that
    timeliness is unknown.
    """
    out: list[Finding] = []
    needs_due = report.submitted_on is not None
    period = reporting_period(
        report.regime, report.kind, report.year, due=needs_due, calendar=calendar
    )
    _check_sums(report, out)
    _check_dates(report, period, out)
    check_placeholders(report, out)
    _check_targets(report, list(targets), period, out)
    if report.submitted_on is not None:
        _check_deadline(report, report.submitted_on, period, roll_forward, calendar, out)
    return out


def assert_valid(
    report: CchcReport,
    *,
    targets: Iterable[Target] = (),
    roll_forward: bool = ROLL_FORWARD_DEFAULT,
) -> None:
    """Raise if the report has any error-level finding (see :func:`check_report`).

    Raises:
        BatchValidationError: one :class:`~cchc.errors.ValidationError` per error,
            each naming its field.
    """
    errors = [
        ValidationError(f"{f.code}: {f.message}", field=f.field)
        for f in check_report(report, targets=targets, roll_forward=roll_forward)
        if f.severity is Severity.ERROR
    ]
    if errors:
        raise BatchValidationError(errors)
