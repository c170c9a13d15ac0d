"""The statutory statistics forms of TTHC handling (biểu mẫu thống kê kết quả giải quyết TTHC).

Thông tư 01/2020/TT-VPCP (21/10/2020) sets the periodic report on TTHC control of Văn
phòng Chính phủ and its forms (registry key ``TT01-2020-VPCP``; read secondary, through
one-stop systems' renderings of the form). :data:`FORM_KEYS` lists the forms that count
dossiers, as data (``cchc/reporting/data/statistics_forms.yaml``); Biểu số 06/VPCP/KSTT
"Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC" has, per
field (lĩnh vực) of each agency, the dossiers to handle (of which online, in person or by
post, carried over), resolved (early, on time, late) and in progress (in time, overdue).

:func:`fill_form` fills a form from :func:`cchc.dossiers.summarize` (one section per agency,
one row per field); :func:`check_form` checks its arithmetic (the parts add up to their
totals, the sections to the grand total) and the carried-over rule (carried over = the
previous period's in progress), each problem a typed :class:`~cchc.findings.Finding`.
The data window is a reporting period of :mod:`cchc.reporting_periods` (the circular's own
windows were not read: the general windows of Nghị định 09/2019 Điều 12 apply).

    >>> spec = form_spec("06")
    >>> spec.code, [c.number for c in spec.columns][:4]
    ('Biểu số 06/VPCP/KSTT', [3, 4, 5, 6])
    >>> row = FormRow(label="Hộ tịch", values=(10, 6, 3, 1, 8, 2, 5, 1, 2, 2, 0))
    >>> [f.code for f in check_form(StatisticsForm.single(spec, "Q1/2026", [row]))]
    []
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import numpy as np
from pydantic import Field, model_validator

from cchc._data import load_bundled_items
from cchc._model import CchcRecord
from cchc.dossiers import Period, StatsCounts, summarize
from cchc.errors import ValidationError
from cchc.findings import Finding, Severity
from cchc.legal import source
from cchc.reporting_periods import ReportingPeriod, regime, reporting_period

if TYPE_CHECKING:
    from cchc.dossiers import DossierFrame, DossierResults

__all__ = [
    "FORM_KEYS",
    "CarriedOverRule",
    "FormColumn",
    "FormRow",
    "FormSection",
    "FormSpec",
    "FormSum",
    "StatisticsForm",
    "check_form",
    "fill_form",
    "form_spec",
    "forms",
    "period_label",
    "previous_period",
]

_COUNT_FIELDS = frozenset(StatsCounts.model_fields)
NO_AGENCY = "(không ghi cơ quan)"
"""Section heading of dossiers without an agency."""
NO_FIELD = "(không ghi lĩnh vực)"
"""Row label of dossiers without a field."""


class FormColumn(CchcRecord):
    """One counted column of a form."""

    number: int = Field(ge=3, description="Its number on the form's (1) (2) ... row.")
    header: tuple[str, ...] = Field(
        min_length=1, max_length=3, description="Heading path over up to three header rows."
    )
    value: tuple[str, ...] = Field(
        min_length=1, description="StatsCounts fields added up; a leading '-' subtracts."
    )
    optional: bool = Field(
        default=False,
        description="Not on the official form: kept only when asked for (e.g. the dossiers "
        "stopped at the applicant's request, for files with an outcome column).",
    )

    @model_validator(mode="after")
    def _known_fields(self) -> FormColumn:
        for term in self.value:
            if term.removeprefix("-") not in _COUNT_FIELDS:
                raise ValueError(f"column {self.number}: {term!r} is not a StatsCounts field")
        return self

    def of(self, counts: StatsCounts) -> int:
        """This column's figure for ``counts``."""
        total = 0
        for term in self.value:
            name = term.removeprefix("-")
            value = getattr(counts, name) or 0  # a count without its column (None): none
            total += -value if term.startswith("-") else value
        return total


class FormSum(CchcRecord):
    """Column ``total`` equals the sum of columns ``parts`` on every row."""

    total: int
    parts: tuple[int, ...] = Field(min_length=1)


class CarriedOverRule(CchcRecord):
    """Column ``column`` (carried over) equals ``previous_column`` (in progress) of the
    previous period's form, row by row."""

    column: int
    previous_column: int


class FormSpec(CchcRecord):
    """A statistics form: its code, title, columns and arithmetic."""

    key: str
    code: str = Field(description="Ký hiệu biểu, e.g. 'Biểu số 06/VPCP/KSTT'.")
    other_codes: tuple[str, ...] = ()
    title: str
    unit: str = Field(description="Đơn vị tính.")
    source: str = Field(description="Registry key of the text that sets the form.")
    row_heading: str
    columns: tuple[FormColumn, ...] = Field(min_length=1)
    sums: tuple[FormSum, ...] = ()
    carried_over: CarriedOverRule | None = None

    @model_validator(mode="after")
    def _consistent(self) -> FormSpec:
        numbers = [c.number for c in self.columns]
        if numbers != list(range(3, 3 + len(numbers))):
            raise ValueError("columns must be numbered 3, 4, 5 ... in order")
        known = set(numbers)
        rules = [s.total for s in self.sums] + [p for s in self.sums for p in s.parts]
        if self.carried_over is not None:
            rules += [self.carried_over.column, self.carried_over.previous_column]
        unknown = sorted(set(rules) - known)
        if unknown:
            raise ValueError(f"rules name columns the form does not have: {unknown}")
        return self

    def index(self, number: int) -> int:
        """Position in a row's values of column ``number``."""
        return number - 3

    def official(self) -> FormSpec:
        """The form without its optional columns (and without them in its sums)."""
        kept = tuple(c for c in self.columns if not c.optional)
        if len(kept) == len(self.columns):
            return self
        numbers = {c.number for c in kept}
        sums = tuple(
            FormSum(total=s.total, parts=tuple(p for p in s.parts if p in numbers))
            for s in self.sums
        )
        return self.model_copy(update={"columns": kept, "sums": sums})

    def row(self, label: str, counts: StatsCounts) -> FormRow:
        """The form row of ``counts``."""
        return FormRow(label=label, values=tuple(c.of(counts) for c in self.columns))


@functools.cache
def forms() -> tuple[FormSpec, ...]:
    """The bundled statistics forms (loaded once)."""
    return load_bundled_items(FormSpec, "forms", "cchc.reporting", "data", "statistics_forms.yaml")


FORM_KEYS: tuple[str, ...] = ("06",)
"""Keys of the bundled forms (``--form`` on the command line)."""


def form_spec(key: str, *, optional: bool = False) -> FormSpec:
    """The form ``key`` (e.g. ``"06"``) as officially laid out, or with its optional columns
    (``optional=True``: Biểu 06's column 14, the dossiers stopped at the applicant's request).

    Raises:
        ValidationError: no such form.
    """
    for spec in forms():
        if spec.key == str(key):
            return spec if optional else spec.official()
    known = ", ".join(s.key for s in forms())
    raise ValidationError(f"unknown statistics form {key!r} (one of {known})", field="form")


class FormRow(CchcRecord):
    """One row: a label and the figures of the form's columns, in order."""

    label: str = Field(description="Lĩnh vực (or the agency, or Tổng cộng).")
    values: tuple[Annotated[int, Field(ge=0)], ...] = Field(
        description="Số hồ sơ of columns (3), (4) ... in order."
    )

    def __add__(self, other: FormRow) -> FormRow:
        return FormRow(
            label=self.label,
            values=tuple(a + b for a, b in zip(self.values, other.values, strict=True)),
        )


class FormSection(CchcRecord):
    """The rows of one agency (cơ quan, đơn vị) and their total."""

    agency: str = Field(description="Cơ quan, đơn vị trực tiếp giải quyết TTHC.")
    rows: tuple[FormRow, ...] = Field(description="One row per field (lĩnh vực).")
    total: FormRow = Field(description="Cộng của cơ quan.")


class StatisticsForm(CchcRecord):
    """A filled statistics form for one period."""

    form: str = Field(description="Form key, e.g. '06'.")
    code: str
    title: str
    unit: str
    row_heading: str
    period: str = Field(description="Kỳ báo cáo, e.g. 'Quý I/2026'.")
    start: date | None = Field(default=None, description="First day of the data window.")
    end: date | None = Field(default=None, description="Last day of the data window.")
    reporting_unit: str | None = Field(default=None, description="Đơn vị báo cáo.")
    recipient: str | None = Field(default=None, description="Đơn vị nhận báo cáo.")
    source: str = Field(description="Citation of the text that sets the form.")
    sections: tuple[FormSection, ...]
    total: FormRow = Field(description="Tổng cộng.")

    @property
    def spec(self) -> FormSpec:
        """The form's definition (with the optional columns when its rows have them)."""
        full = form_spec(self.form, optional=True)
        return full if len(self.total.values) == len(full.columns) else full.official()

    @classmethod
    def single(cls, spec: FormSpec, period: str, rows: Sequence[FormRow]) -> StatisticsForm:
        """A form of one unnamed section holding ``rows`` (totals added)."""
        total = _sum_rows(rows, "Cộng", len(spec.columns))
        section = FormSection(agency=NO_AGENCY, rows=tuple(rows), total=total)
        return _form(spec, period, (section,))


def _sum_rows(rows: Iterable[FormRow], label: str, width: int) -> FormRow:
    acc = FormRow(label=label, values=(0,) * width)
    for r in rows:
        acc = acc + r
    return FormRow(label=label, values=acc.values)


def _form(
    spec: FormSpec,
    period: str,
    sections: tuple[FormSection, ...],
    *,
    start: date | None = None,
    end: date | None = None,
    reporting_unit: str | None = None,
    recipient: str | None = None,
) -> StatisticsForm:
    return StatisticsForm(
        form=spec.key,
        code=spec.code,
        title=spec.title,
        unit=spec.unit,
        row_heading=spec.row_heading,
        period=period,
        start=start,
        end=end,
        reporting_unit=reporting_unit,
        recipient=recipient,
        source=source(spec.source).cite(),
        sections=sections,
        total=_sum_rows((s.total for s in sections), "Tổng cộng", len(spec.columns)),
    )


_KIND_VI = {
    **{f"M{m}": f"Tháng {m}" for m in range(1, 13)},
    "Q1": "Quý I",
    "Q2": "Quý II",
    "Q3": "Quý III",
    "Q4": "Quý IV",
    "H1": "6 tháng đầu năm",
    "H2": "6 tháng cuối năm",
    "9M": "9 tháng",
    "Y": "Năm",
}


def period_label(period: ReportingPeriod) -> str:
    """The period as the form heads it: ``Quý I/2026``, ``6 tháng đầu năm 2026``."""
    word = _KIND_VI.get(period.kind, period.kind)
    sep = "/" if word.startswith(("Quý", "Tháng")) else " "
    return f"{word}{sep}{period.year}"


def previous_period(period: ReportingPeriod) -> ReportingPeriod | None:
    """The period of the same regime whose window ends the day before ``period``'s starts
    (the one whose in-progress dossiers are carried over), preferring the same kind of period
    (a quarter before a quarter), or None when the regime has none."""
    wanted = period.start - timedelta(days=1)
    kinds = sorted(regime(period.regime).kinds(), key=lambda k: k[0] != period.kind[0])
    for year in (period.year, period.year - 1):
        for kind in kinds:
            try:
                p = reporting_period(period.regime, kind, year, due=False)
            except ValidationError:
                continue
            if p.end == wanted:
                return p
    return None


def fill_form(
    frame: DossierFrame,
    results: DossierResults,
    period: ReportingPeriod,
    *,
    form: str = "06",
    as_of: datetime | None = None,
    reporting_unit: str | None = None,
    recipient: str | None = None,
) -> StatisticsForm:
    """Fill ``form`` for ``period`` from dossier columns: one section per agency (in order
    of first appearance), one row per field with anything to report, through
    :func:`cchc.dossiers.summarize` (unfinished dossiers judged at the window's end, or at
    ``as_of`` when earlier). When ``frame`` has an ``outcome`` column, the dossiers stopped
    at the applicant's request (ND 118/2025 Art 21) are counted apart in the optional column
    (Biểu 06: column 14), outside resolved and in progress (``CONV-STOP-APART``).

    Raises:
        ValidationError: an unknown form.
    """
    # files with an outcome column: the stopped dossiers in a column of their own
    spec = form_spec(form, optional=frame.outcome is not None)
    window = Period(period.start, period.end + timedelta(days=1), period_label(period))
    codes, agencies = frame.group("agency")
    order = np.argsort(codes, kind="stable")  # rows of each agency together, one sort
    bounds = np.searchsorted(codes[order], np.arange(len(agencies) + 1))
    sections: list[FormSection] = []
    for gi, agency in enumerate(agencies):
        idx = order[bounds[gi] : bounds[gi + 1]]
        if not len(idx):
            continue
        table = summarize(frame.take(idx), results.take(idx), window, by="field", as_of=as_of)
        rows = tuple(spec.row(r.key or NO_FIELD, r.counts) for r in table if r.counts.to_handle)
        if rows:
            total = _sum_rows(rows, agency or NO_AGENCY, len(spec.columns))
            sections.append(FormSection(agency=agency or NO_AGENCY, rows=rows, total=total))
    return _form(
        spec,
        window.label,
        tuple(sections),
        start=period.start,
        end=period.end,
        reporting_unit=reporting_unit,
        recipient=recipient,
    )


_MESSAGES = {
    "sum": (
        "column ({total}) is {whole}, but columns {parts} add up to {got}",
        "cột ({total}) là {whole}, nhưng tổng các cột {parts} là {got}",
    ),
    "total": (
        "column ({column}) of the total is {whole}, but its rows add up to {got}",
        "cột ({column}) của dòng tổng là {whole}, nhưng tổng các dòng là {got}",
    ),
    "carried-over": (
        "{got} carried over (column {column}), but the previous period ended with {whole} "
        "in progress (column {previous_column})",
        "{got} hồ sơ từ kỳ trước (cột {column}), nhưng kỳ trước còn {whole} hồ sơ đang giải "
        "quyết (cột {previous_column})",
    ),
}


def _finding(code: str, where: str, **values: object) -> Finding:
    return Finding.formatted(code, Severity.ERROR, _MESSAGES[code], values, field=where)


def _check_row(spec: FormSpec, row: FormRow, where: str) -> Iterable[Finding]:
    if len(row.values) != len(spec.columns):
        raise ValidationError(
            f"{len(row.values)} figures for {len(spec.columns)} columns", field=where
        )
    for s in spec.sums:
        got = sum(row.values[spec.index(p)] for p in s.parts)
        whole = row.values[spec.index(s.total)]
        if got != whole:
            parts = " + ".join(f"({p})" for p in s.parts)
            yield _finding("sum", where, total=s.total, whole=whole, parts=parts, got=got)


def _check_total(
    spec: FormSpec, total: FormRow, parts: Sequence[FormRow], where: str
) -> Iterable[Finding]:
    for c in spec.columns:
        i = spec.index(c.number)
        got = sum(r.values[i] for r in parts)
        if got != total.values[i]:
            yield _finding("total", where, column=c.number, whole=total.values[i], got=got)


def check_form(form: StatisticsForm, previous: StatisticsForm | None = None) -> list[Finding]:
    """Every arithmetic problem of ``form`` (``field`` is ``sections[i].rows[j]``,
    ``sections[i].total`` or ``total``), and, given the ``previous`` period's form of the
    same kind, every row whose carried-over figure is not the previous in-progress one.

    Raises:
        ValidationError: a row has the wrong number of figures, or ``previous`` is another form.
    """
    spec = form.spec
    out: list[Finding] = []
    for i, section in enumerate(form.sections):
        for j, row in enumerate(section.rows):
            out.extend(_check_row(spec, row, f"sections[{i}].rows[{j}]"))
        out.extend(_check_row(spec, section.total, f"sections[{i}].total"))
        out.extend(_check_total(spec, section.total, section.rows, f"sections[{i}].total"))
    out.extend(_check_row(spec, form.total, "total"))
    out.extend(_check_total(spec, form.total, [s.total for s in form.sections], "total"))
    if previous is not None and spec.carried_over is not None:
        if previous.form != form.form:
            raise ValidationError(
                f"previous form is {previous.form!r}, not {form.form!r}", field="previous"
            )
        out.extend(_check_carried_over(spec, spec.carried_over, form, previous))
    return out


def _by_key(form: StatisticsForm) -> dict[tuple[str, str], FormRow]:
    return {(s.agency, r.label): r for s in form.sections for r in s.rows}


def _check_carried_over(
    spec: FormSpec, rule: CarriedOverRule, form: StatisticsForm, previous: StatisticsForm
) -> Iterable[Finding]:
    now, before = _by_key(form), _by_key(previous)
    col, prev_col = spec.index(rule.column), spec.index(rule.previous_column)
    places = {
        (s.agency, r.label): f"sections[{i}].rows[{j}]"
        for i, s in enumerate(form.sections)
        for j, r in enumerate(s.rows)
    }
    for key in [*now, *(k for k in before if k not in now)]:
        got = now[key].values[col] if key in now else 0
        whole = before[key].values[prev_col] if key in before else 0
        if got != whole:
            where = places.get(key, f"{key[0]} / {key[1]}")
            yield _finding(
                "carried-over",
                where,
                got=got,
                whole=whole,
                column=rule.column,
                previous_column=rule.previous_column,
            )
