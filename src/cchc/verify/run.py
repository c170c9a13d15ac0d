"""Running verification cases: each case's input through the library, its answer compared.

A case **passes** when every field under ``expect`` equals what the library computes
(moments compared as instants, numbers exactly), or, for an ``expect.error`` case, when
computing the answer raises that error. It **fails** on a difference (each one listed,
expected beside actual) and is an **error** when the library raises where values were
expected. Every case goes through the public API a user calls
(:func:`cchc.dossiers.compute_due`, :class:`cchc.dossiers.Dossier`,
:func:`cchc.reporting.reporting_period`, :func:`cchc.indices.score` ...): nothing is
computed twice. A calendar case is answered by the scalar and the batch path of the one
engine, and fails if they disagree.
"""

from __future__ import annotations

import enum
import functools
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import numpy as np

import cchc.errors
from cchc.calendar import default_calendar
from cchc.dossiers import Dossier, compute_due, get_policy
from cchc.errors import CchcError
from cchc.indices import Framework, Scorecard, get_framework, load_framework, score
from cchc.reporting import reporting_period
from cchc.tz import VN_TZ

from .load import LoadedFile
from .models import (
    AddWorkingDaysCase,
    Case,
    DossierCase,
    DueDateCase,
    ExpectedError,
    IndexScoreCase,
    IsWorkingDayCase,
    ReportingPeriodCase,
    WorkingDaysBetweenCase,
)

__all__ = ["CaseResult", "Mismatch", "Status", "run_case", "run_file", "run_files", "show"]

Getters = dict[str, Callable[[], Any]]

_EXPLAIN = "_explain"
"""The getter of the library's own explanation (not a field; shown when a case fails)."""


class Status(enum.StrEnum):
    """The outcome of a case."""

    PASSED = "passed"
    """Đạt: every expected field matches."""
    FAILED = "failed"
    """Không đạt: at least one field differs (or the expected error did not come)."""
    ERROR = "error"
    """Lỗi: the library raised where values were expected."""


@attrs.frozen
class Mismatch:
    """One expected field and what the library gave (both rendered as text)."""

    field: str
    expected: str
    actual: str


@attrs.frozen
class CaseResult:
    """The outcome of one case, with what is needed to report it."""

    file: str
    name: str
    kind: str
    line: int | None
    source: str
    note: str
    status: Status
    mismatches: tuple[Mismatch, ...] = ()
    error: str | None = None
    """The unexpected error (``Type: message``) of an ``error`` case."""
    explanation: str | None = None
    """How the library obtained its (differing) answer, step by step with sources
    (Vietnamese, :meth:`cchc.legal.Explanation.text`), for a failed case that has one."""
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        """Whether the case passed."""
        return self.status is Status.PASSED

    @property
    def where(self) -> str:
        """``file:line`` of the case."""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def diff(self) -> str:
        """Readable lines: the case, its source, then each difference or the error."""
        lines = [
            f"{self.status.value.upper()} {self.where} {self.name} ({self.kind})",
            f"  source: {self.source}",
            f"  note:   {self.note}",
        ]
        if self.error is not None:
            lines.append(f"  raised {self.error}")
        for m in self.mismatches:
            lines += [f"  {m.field}", f"    expected: {m.expected}", f"    actual:   {m.actual}"]
        if self.explanation is not None:
            lines.append("  how cchc obtained its answer:")
            lines += [f"    {line}" for line in self.explanation.splitlines()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view (``cchc verify --json``)."""
        return {
            "file": self.file,
            "name": self.name,
            "kind": self.kind,
            "line": self.line,
            "status": self.status.value,
            "source": self.source,
            "note": self.note,
            "mismatches": [attrs.asdict(m) for m in self.mismatches],
            "error": self.error,
            "explanation": self.explanation,
            "seconds": round(self.seconds, 6),
        }


def show(value: Any) -> str:
    """A value as a case file writes it: ISO moments in Vietnam time, exact decimals.

    >>> from datetime import timezone
    >>> show(datetime(2025, 2, 7, 10, 0, tzinfo=timezone.utc))
    '2025-02-07T17:00:00+07:00'
    >>> show(Decimal("73.40")), show(True), show(None)
    ('73.40', 'true', 'null')
    """
    if isinstance(value, datetime):
        aware = value.tzinfo is not None
        return value.astimezone(VN_TZ).isoformat() if aware else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Decimal | int | str):
        return str(value)
    return repr(value)


def _raised(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


# -- one getter table per kind; the primary computation runs first and may raise -------


def _one_engine(scalar: Any, batch: Any) -> Any:
    """The scalar answer when the batch path gives the same, else both (never equal to an
    expected value): a calendar case checks both paths of the one engine."""
    value = batch.item() if hasattr(batch, "item") else batch
    if isinstance(scalar, date) and not isinstance(value, date):
        value = np.datetime64(value, "D").item()
    same = value == scalar and isinstance(value, bool) == isinstance(scalar, bool)
    return scalar if same else f"{show(scalar)} (scalar path) but {show(value)} (batch path)"


def _calendar_why(first: date, last: date) -> str:
    """The official calendar's entries (days off, make-up days) from ``first`` to ``last``,
    each with its sources: why a calendar answer is what it is."""
    cal = default_calendar()
    low, high = min(first, last), max(first, last)
    lines = [f"Lịch làm việc từ {low:%d/%m/%Y} đến {high:%d/%m/%Y} (ngoài thứ Bảy, Chủ nhật):"]
    for year in range(low.year, high.year + 1):
        for entry in cal.entries(year):
            if low <= entry.day <= high:
                cites = "; ".join(src.cite() for src in entry.sources)
                lines.append(
                    f"- {entry.day:%d/%m/%Y}: {entry.kind.vietnamese} ({entry.name_vi}) <- {cites}"
                )
    if len(lines) == 1:
        lines.append("- không có ngày nghỉ lễ, nghỉ bù hay ngày làm bù")
    return "\n".join(lines[:40])


@attrs.frozen
class _Text:
    """A ready explanation text behind the ``explain().text()`` call of the other kinds."""

    body: str

    def text(self) -> str:
        return self.body


def _is_working(case: IsWorkingDayCase) -> Getters:
    cal, inp = default_calendar(), case.input
    if inp.provisional:
        answer = cal.is_working_day(inp.day, provisional=True)
        return {"working": lambda: answer.value, "provisional": lambda: answer.provisional}
    value = cal.is_working_day(inp.day)
    batch = cal.is_working_day_batch(np.array([inp.day], dtype="datetime64[D]"))[0]
    return {
        "working": lambda: _one_engine(value, bool(batch)),
        "provisional": lambda: False,
        _EXPLAIN: lambda: _Text(_calendar_why(inp.day, inp.day)),
    }


def _add(case: AddWorkingDaysCase) -> Getters:
    cal, inp = default_calendar(), case.input
    if inp.provisional:
        answer = cal.add_working_days(inp.start, inp.days, provisional=True)
        return {"day": lambda: answer.value, "provisional": lambda: answer.provisional}
    value = cal.add_working_days(inp.start, inp.days)
    batch = cal.add_working_days_batch(np.array([inp.start], dtype="datetime64[D]"), inp.days)[0]
    return {
        "day": lambda: _one_engine(value, batch),
        "provisional": lambda: False,
        _EXPLAIN: lambda: _Text(_calendar_why(inp.start, value)),
    }


def _between(case: WorkingDaysBetweenCase) -> Getters:
    cal, inp = default_calendar(), case.input
    if inp.provisional:
        answer = cal.working_days_between(
            inp.start, inp.end, inclusive=inp.inclusive, provisional=True
        )
        return {"count": lambda: answer.value, "provisional": lambda: answer.provisional}
    value = cal.working_days_between(inp.start, inp.end, inclusive=inp.inclusive)
    starts, ends = (np.array([d], dtype="datetime64[D]") for d in (inp.start, inp.end))
    batch = cal.working_days_between_batch(starts, ends, inclusive=inp.inclusive)[0]
    return {
        "count": lambda: _one_engine(value, int(batch)),
        "provisional": lambda: False,
        _EXPLAIN: lambda: _Text(_calendar_why(inp.start, inp.end)),
    }


def _policy(name: str, cutoff: Any, provisional: bool) -> Any:
    policy = get_policy(name)
    if cutoff is not None:
        policy = policy.with_cutoff(cutoff)
    return attrs.evolve(policy, provisional=True) if provisional else policy


def _due(case: DueDateCase) -> Getters:
    inp = case.input
    result = compute_due(
        inp.received_at,
        inp.amount,
        inp.unit,
        policy=_policy(inp.policy, inp.cutoff, inp.provisional),
    )
    return {
        "due_at": lambda: result.due_at,
        "due_day": lambda: result.due_day,
        "start_at": lambda: result.start_at,
        "rules": lambda: result.rules.value.name,
        _EXPLAIN: result.explain,
        "provisional": lambda: result.provisional,
    }


def _dossier(case: DossierCase) -> Getters:
    inp = case.input
    dossier = Dossier(
        channel=inp.channel,
        amount=inp.amount,
        unit=inp.unit,
        cutoff=inp.cutoff,
        boundary_free=inp.boundary_free,
        events=tuple(ev.event() for ev in inp.events),
    )
    policy = _policy(inp.policy, None, inp.provisional)
    dl = dossier.deadline(policy=policy)
    as_of = inp.as_of
    return {
        "due_at": lambda: dl.due_at,
        "legal_due_at": lambda: dl.legal_due_at,
        "first_due_at": lambda: dl.first_due_at,
        "start_at": lambda: dl.start_at,
        "finished_at": lambda: dl.finished_at,
        "timeliness": lambda: dl.timeliness(inp.granularity),
        "progress": lambda: None if as_of is None else dossier.progress_as_of(as_of, policy=policy),
        "lapse_at": lambda: dl.lapse_at,
        "supplement_requests": lambda: dl.supplement_requests,
        "late_supplement_request": lambda: dl.late_supplement_request,
        "late_apology": lambda: dl.late_apology,
        "rescheduled": lambda: dl.rescheduled,
        "rules": lambda: dl.rules.value.name,
        _EXPLAIN: dl.explain,
    }


def _reporting(case: ReportingPeriodCase) -> Getters:
    inp = case.input
    period = reporting_period(inp.regime, inp.period, inp.year)
    deadline, roll = inp.deadline, inp.roll_forward
    sent = inp.submitted_on
    on_time = None if sent is None else period.on_time(sent, deadline=deadline, roll_forward=roll)
    return {
        "start": lambda: period.start,
        "end": lambda: period.end,
        "due": lambda: period.due,
        "due_is_minimum": lambda: period.due_is_minimum,
        "last_day": lambda: period.last_day(deadline=deadline, roll_forward=roll),
        "on_time": lambda: on_time,
        _EXPLAIN: lambda: period.explain(roll_forward=roll),
    }


@functools.cache
def _bundled(framework_id: str) -> Framework:
    """A bundled framework (built once per process: frameworks are immutable)."""
    return get_framework(framework_id)


def _index(case: IndexScoreCase, base: Path) -> Getters:
    inp = case.input
    if inp.framework_file is not None:
        framework = load_framework(base / inp.framework_file)
    else:
        framework = _bundled(str(inp.framework))
    card = score(framework, inp.inputs, unit=inp.unit, period=inp.period)
    wanted = case.expect.items or {}
    getters: Getters = {
        "index_percent": lambda: card.index_percent,
        "total_points": lambda: card.total_points,
        "max_points": lambda: card.max_points,
        "group": lambda: card.group,
        _EXPLAIN: lambda: card.explain(framework),
    }
    for item_id in wanted:
        getters[f"items.{item_id}"] = functools.partial(_item_points, card, item_id)
    return getters


def _item_points(card: Scorecard, item_id: str) -> Decimal:
    return card.item(item_id).points


_KINDS: Mapping[str, Callable[[Any], Getters]] = {
    "is_working_day": _is_working,
    "add_working_days": _add,
    "working_days_between": _between,
    "due_date": _due,
    "dossier": _dossier,
    "reporting_period": _reporting,
}


def _compute(case: Case, base: Path) -> Getters:
    """The getters of a case's answer (its primary computation done, or raised)."""
    if isinstance(case, IndexScoreCase):
        return _index(case, base)  # the only kind that reads a file (framework_file)
    return _KINDS[case.kind](case)


def _expected_fields(case: Case) -> list[tuple[str, Any]]:
    """(field, expected value) pairs; a mapping of item points is one pair per item."""
    pairs: list[tuple[str, Any]] = []
    for name in case.expect.checked():
        value = getattr(case.expect, name)
        if isinstance(value, Mapping):
            pairs.extend((f"{name}.{key}", v) for key, v in value.items())
        else:
            pairs.append((name, value))
    return pairs


def _error_mismatches(want: ExpectedError, exc: CchcError | None) -> list[Mismatch]:
    if exc is None:
        return [Mismatch("error", _describe(want), "no error")]
    out: list[Mismatch] = []
    cls = getattr(cchc.errors, want.type)
    if not isinstance(exc, cls):
        out.append(Mismatch("error.type", want.type, _raised(exc)))
    if want.field is not None and exc.field != want.field:
        out.append(Mismatch("error.field", want.field, show(exc.field)))
    if want.item is not None and exc.item != want.item:
        out.append(Mismatch("error.item", want.item, show(exc.item)))
    if want.contains is not None and want.contains not in str(exc):
        out.append(Mismatch("error.contains", want.contains, str(exc)))
    return out


def _describe(want: ExpectedError) -> str:
    parts = [want.type]
    if want.field is not None:
        parts.append(f"field {want.field}")
    if want.item is not None:
        parts.append(f"item {want.item}")
    if want.contains is not None:
        parts.append(f"containing {want.contains!r}")
    return ", ".join(parts)


def run_case(
    case: Case, *, file: str = "<cases>", line: int | None = None, base_dir: Path | None = None
) -> CaseResult:
    """Run one case and compare its answer (see the module docstring)."""
    base = base_dir if base_dir is not None else Path(".")
    started = time.perf_counter()
    status, mismatches, error, why = _outcome(case, base)
    return CaseResult(
        file=file,
        name=case.name,
        kind=case.kind,
        line=line,
        source=case.source,
        note=case.note,
        status=status,
        mismatches=tuple(mismatches),
        error=error,
        explanation=why,
        seconds=time.perf_counter() - started,
    )


def _outcome(case: Case, base: Path) -> tuple[Status, list[Mismatch], str | None, str | None]:
    """Status, differences, the unexpected error and the library's explanation."""
    want_error = case.expect.error
    if want_error is not None:
        # An error case passes when computing its answer (every field) raises that error.
        raised: CchcError | None = None
        try:
            getters = _compute(case, base)
            for name, getter in getters.items():
                if name != _EXPLAIN:
                    getter()
        except CchcError as exc:
            raised = exc
        found = _error_mismatches(want_error, raised)
        why = _explanation(getters) if found and raised is None else None
        return (Status.FAILED if found else Status.PASSED), found, None, why
    try:
        getters = _compute(case, base)
    except CchcError as exc:
        return Status.ERROR, [], _raised(exc), None
    mismatches: list[Mismatch] = []
    tolerance = getattr(case.expect, "tolerance", Decimal(0))
    for name, expected in _expected_fields(case):
        try:
            actual = getters[name]()
        except CchcError as exc:
            mismatches.append(Mismatch(name, show(expected), f"raised {_raised(exc)}"))
            continue
        if not _same(actual, expected, tolerance):
            mismatches.append(Mismatch(name, show(expected), show(actual)))
    if not mismatches:
        return Status.PASSED, [], None, None
    return Status.FAILED, mismatches, None, _explanation(getters)


def _explanation(getters: Getters) -> str | None:
    """The library's explanation of its answer (Vietnamese, with sources), if it has one."""
    explain = getters.get(_EXPLAIN)
    if explain is None:
        return None
    try:
        text: str = explain().text()
    except CchcError:
        return None
    return text


def _same(actual: Any, expected: Any, tolerance: Decimal) -> bool:
    """Equal (moments as instants); decimals within ``tolerance``; ``True`` is not ``1``."""
    if (actual is None) != (expected is None) or isinstance(actual, bool) != isinstance(
        expected, bool
    ):
        return False
    if tolerance and isinstance(actual, Decimal) and isinstance(expected, Decimal):
        return abs(actual - expected) <= tolerance
    return bool(actual == expected)


def run_file(loaded: LoadedFile, *, match: str | None = None) -> list[CaseResult]:
    """Run the cases of a loaded file, in order (only those whose name contains ``match``)."""
    return [
        run_case(case, file=loaded.path, line=line, base_dir=loaded.base_dir)
        for case, line in zip(loaded.cases.cases, loaded.lines, strict=True)
        if match is None or match in case.name
    ]


def run_files(files: Iterable[LoadedFile], *, match: str | None = None) -> list[CaseResult]:
    """Run the cases of several files, file by file (see :func:`run_file`)."""
    return [result for loaded in files for result in run_file(loaded, match=match)]
