"""Findings of the report checks (lỗi trong báo cáo): the one :mod:`cchc.findings` type.

A report finding is located by ``field`` (the dotted path, e.g. ``plan.tasks_total``);
its codes are 'sum', 'missing', 'rate', 'date', 'citation', 'placeholder', 'wording',
'target' and 'deadline'. Every message of the checks stands once in :data:`MESSAGES`,
in English and in Vietnamese, and :func:`report_finding` builds a finding with both:

    >>> f = report_finding("sum", "plan.tasks_total", shown="10 + 14", got=24, whole=25)
    >>> f.code, f.message
    ('sum', '10 + 14 = 24, but the total is 25')
    >>> f.message_vi
    '10 + 14 = 24, nhưng tổng số là 25'

A value that reads differently in the two languages (a date: ISO in English,
dd/mm/yyyy in Vietnamese) is a :class:`Bilingual` pair:

    >>> from datetime import date
    >>> f = report_finding("deadline:fixed", "deadline", regime="bnv-cchc",
    ...                    due=bilingual_date(date(2022, 3, 20)))
    >>> f.message
    'regime bnv-cchc fixes its own deadline (2022-03-20); do not pass one'
    >>> f.message_vi
    'chế độ báo cáo bnv-cchc đã có thời hạn gửi báo cáo (20/03/2022); không ghi thời hạn khác'
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from cchc.errors import CchcError, ValidationError
from cchc.findings import Finding, Severity
from cchc.l10n import vn_date
from cchc.plans.targets import Comparator, Target, TargetCheck, TargetOutcome
from cchc.reporting_periods import ReportingPeriod

__all__ = [
    "MESSAGES",
    "Bilingual",
    "Finding",
    "Severity",
    "bilingual_date",
    "deadline_problem",
    "figure_problem",
    "report_finding",
    "target_finding",
]


class Bilingual(NamedTuple):
    """A placeholder value that reads differently in the English and the Vietnamese message."""

    en: str
    vi: str


def bilingual_date(d: date) -> Bilingual:
    """A date as ISO (``2022-03-20``) in English and dd/mm/yyyy (``20/03/2022``) in Vietnamese."""
    return Bilingual(d.isoformat(), vn_date(d))


_COMPARATOR_VI = {
    Comparator.GT: "trên",
    Comparator.GE: "tối thiểu",
    Comparator.LT: "dưới",
    Comparator.LE: "không quá",
}
"""The comparators in the words of the plans (the docstrings of :class:`Comparator`)."""

_OUTCOME_VI = {
    TargetOutcome.MET: "đạt",
    TargetOutcome.MISSED: "không đạt",
    TargetOutcome.NOT_YET_DUE: "chưa đến hạn",
    TargetOutcome.NO_FIGURE: "thiếu số liệu",
}
"""The outcomes in Vietnamese (the docstrings of :class:`TargetOutcome`)."""


def _target_text(t: Target) -> Bilingual:
    """What a target asks: ``> 90 %`` in English, ``trên 90%`` in Vietnamese.

    A rank reads ``thứ hạng không quá 10``; a count has no unit word; another unit
    follows the value as written in the plan.
    """
    word = _COMPARATOR_VI[t.comparator]
    if t.unit == "%":
        vi = f"{word} {t.value}%"
    elif t.unit == "rank":
        vi = f"thứ hạng {word} {t.value}"
    elif t.unit == "count":
        vi = f"{word} {t.value}"
    else:
        vi = f"{word} {t.value} {t.unit}"
    return Bilingual(f"{t.comparator.value} {t.value} {t.unit}", vi)


def _outcome_text(outcome: TargetOutcome) -> Bilingual:
    """An outcome as its value (``missed``) in English and its name (không đạt) in Vietnamese."""
    return Bilingual(outcome.value, _OUTCOME_VI[outcome])


MESSAGES: dict[str, tuple[str, str]] = {
    # sums and parts (cchc.reporting.checks._check_sums)
    "missing": (
        "{total} is {whole} but {parts} not given",
        "tổng số {total} là {whole} nhưng thiếu số liệu {parts}",
    ),
    "sum": (
        "{shown} = {got}, but the total is {whole}",
        "{shown} = {got}, nhưng tổng số là {whole}",
    ),
    "sum:exceeds": (
        "{shown} = {got} already exceeds the total {whole}",
        "{shown} = {got}, đã vượt tổng số {whole}",
    ),
    "sum:part-above": (
        "{part} is more than {whole_field} = {whole}",
        "{part} lớn hơn {whole_field} = {whole}",
    ),
    "sum:dossier-flow": (
        "carried over {carried} + received {received} != resolved {resolved} + pending {pending}",
        "hồ sơ kỳ trước chuyển qua {carried} + mới tiếp nhận {received} khác số đã giải "
        "quyết {resolved} + đang giải quyết {pending}",
    ),
    "rate": (
        "stated {stated}% but the counts give {computed}%",
        "tỷ lệ ghi trong báo cáo là {stated}% nhưng tính từ số liệu được {computed}%",
    ),
    # documents and dates (cchc.reporting.checks._check_dates)
    "citation": (
        "{ref} cites {cited}, dated after it",
        "{ref} dẫn chiếu văn bản {cited}, có ngày ban hành sau văn bản dẫn chiếu",
    ),
    "citation:duplicate-number": (
        "number {number} is cited for {count} different documents ({first}, {second})",
        "số, ký hiệu {number} được dùng cho {count} văn bản khác nhau ({first}, {second})",
    ),
    "date:after-report": (
        "{ref} is dated after the report",
        "{ref} có ngày ban hành sau ngày ký báo cáo",
    ),
    "date:before-period": (
        "{ref} is before the period {start}-{end}",
        "{ref} có ngày ban hành trước thời gian chốt số liệu của kỳ báo cáo ({start}-{end})",
    ),
    "date:after-window": (
        "{ref} is after the data window ends {end}",
        "{ref} có ngày ban hành sau ngày kết thúc thời gian chốt số liệu ({end})",
    ),
    "date:plan-year": (
        "the plan cited is for {plan_year}, the report for {year}",
        "kế hoạch được dẫn là kế hoạch năm {plan_year}, nhưng báo cáo là của năm {year}",
    ),
    # figures against targets (cchc.reporting.checks._check_targets)
    "target": (
        "{indicator}: {figure} vs {target} by {deadline} -> {outcome}",
        "{indicator}: kết quả {figure} so với chỉ tiêu {target} đến ngày {deadline}: {outcome}",
    ),
    "target:no-figure": (
        "{indicator}: no figure vs {target} by {deadline} -> {outcome}",
        "{indicator}: báo cáo không có số liệu, chỉ tiêu {target} đến ngày {deadline}: {outcome}",
    ),
    "rate:percent-range": (
        "percentage {figure} is outside 0-100",
        "tỷ lệ {figure}% nằm ngoài khoảng 0-100%",
    ),
    "rate:figure": (
        "{detail}",
        "số liệu của chỉ tiêu không hợp lệ (chi tiết bằng tiếng Anh: {detail})",
    ),
    # timeliness (cchc.reporting.checks._check_deadline)
    "deadline": (
        "sent {sent}, due {due} ({due_source})",
        "gửi báo cáo ngày {sent}, quá thời hạn gửi báo cáo {due} ({due_source})",
    ),
    "deadline:moved": (
        "sent {sent}, due {due}, moved to {last} ({roll_source}) ({due_source})",
        "gửi báo cáo ngày {sent}, quá thời hạn gửi báo cáo {due}, đã lùi sang ngày làm việc "
        "tiếp theo {last} ({roll_source}) ({due_source})",
    ),
    "deadline:unknown": (
        "on time unknown: {due_source} sets no deadline, only the earliest one; give the "
        "deadline set by the requesting agency",
        "chưa xác định được báo cáo có gửi đúng hạn không: {due_source} không ấn định thời "
        "hạn gửi báo cáo, chỉ quy định thời hạn sớm nhất; cần ghi thời hạn do cơ quan yêu "
        "cầu báo cáo ấn định",
    ),
    "deadline:too-early": (
        "deadline {deadline} is earlier than {due}, the earliest {due_source} allows",
        "thời hạn gửi báo cáo {deadline} sớm hơn ngày {due}, thời hạn sớm nhất mà "
        "{due_source} cho phép",
    ),
    "deadline:fixed": (
        "regime {regime} fixes its own deadline ({due}); do not pass one",
        "chế độ báo cáo {regime} đã có thời hạn gửi báo cáo ({due}); không ghi thời hạn khác",
    ),
    "deadline:error": (
        "{detail}",
        "không xác định được thời hạn gửi báo cáo (chi tiết bằng tiếng Anh: {detail})",
    ),
    # text left over from drafting (cchc.reporting.drafting)
    "placeholder:dot-leader": (
        "dot leader left for a figure: {text!r}",
        "còn dấu chấm chờ điền số liệu: {text!r}",
    ),
    "placeholder:xxx": (
        "'xxx' placeholder: {text!r}",
        "còn chỗ để trống 'xxx' chờ điền: {text!r}",
    ),
    "placeholder:todo": (
        "TODO / TBD marker: {text!r}",
        "còn ghi chú chưa hoàn thành (TODO / TBD): {text!r}",
    ),
    "placeholder:note": (
        "note to a colleague: {text!r}",
        "còn lời nhắn giữa người soạn thảo: {text!r}",
    ),
    "wording": (
        "a late rate stated as a target to reach: {text!r} (đúng hẹn meant?)",
        "tỷ lệ trễ hẹn được nêu như chỉ tiêu cần đạt: {text!r} (có phải là đúng hẹn?)",
    ),
}
"""Every message of the report checks, in English and in Vietnamese, with ``{name}``
placeholders.

A key is a code, or a code, a colon and a variant where one code is reported in
several ways (``"date:before-period"``: a document of the period dated before its
data window). The English texts are those the checks have always printed."""


def report_finding(
    key: str, field: str, severity: Severity = Severity.ERROR, **values: object
) -> Finding:
    """A finding about ``field`` with the messages of ``key`` (:data:`MESSAGES`).

    The code is the part of ``key`` before any colon. A :class:`Bilingual` value gives
    its ``en`` text to the English message and its ``vi`` text to the Vietnamese one.
    """
    en, vi = MESSAGES[key]
    return Finding(
        code=key.partition(":")[0],
        severity=severity,
        message=en.format(**{k: _side(v, 0) for k, v in values.items()}),
        message_vi=vi.format(**{k: _side(v, 1) for k, v in values.items()}),
        field=field,
    )


def _side(value: object, index: int) -> object:
    """One language's side of ``value`` (a :class:`Bilingual`), or ``value`` itself."""
    return value[index] if isinstance(value, Bilingual) else value


def target_finding(c: TargetCheck, severity: Severity) -> Finding:
    """The finding for a target checked against its figure (or against no figure).

    The English message is :meth:`TargetCheck.describe`; the Vietnamese one is built from
    the same values (indicator, comparator, value, unit, deadline, outcome).
    """
    t = c.target
    return report_finding(
        "target" if c.figure is not None else "target:no-figure",
        f"figures.{t.id}",
        severity,
        indicator=t.indicator,
        figure=c.figure,
        target=_target_text(t),
        deadline=vn_date(t.deadline),
        outcome=_outcome_text(c.outcome),
    )


def figure_problem(exc: CchcError, figures: dict[str, Decimal]) -> Finding:
    """The finding for a figure :func:`~cchc.plans.targets.check_targets` refused.

    A percentage outside 0-100 reads in both languages; any other problem keeps the
    error's English text as the detail of a Vietnamese sentence.
    """
    where = f"figures.{exc.item}"
    if exc.field == "figure" and exc.item in figures:
        return report_finding("rate:percent-range", where, figure=figures[exc.item])
    return report_finding("rate:figure", where, detail=exc.message)


def deadline_problem(
    exc: ValidationError, deadline: date | None, period: ReportingPeriod
) -> Finding:
    """The finding for a deadline :meth:`~cchc.reporting_periods.ReportingPeriod.last_day`
    refused.

    A deadline earlier than the regime's minimum, or given to a regime that fixes its
    own, reads in both languages; any other problem keeps the error's English text as
    the detail of a Vietnamese sentence.
    """
    due = period.due
    if deadline is not None and due is not None and exc.field == "deadline":
        if period.due_is_minimum and deadline < due:
            return report_finding(
                "deadline:too-early",
                "deadline",
                deadline=bilingual_date(deadline),
                due=bilingual_date(due),
                due_source=period.due_source.cite(),
            )
        if not period.due_is_minimum:
            return report_finding(
                "deadline:fixed", "deadline", regime=period.regime, due=bilingual_date(due)
            )
    return report_finding("deadline:error", "deadline", detail=exc.message)
