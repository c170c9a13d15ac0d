"""Internal process steps of a dossier: per-step due moment, lateness, unit at fault,
and the working time elapsed or remaining (quy trình nội bộ, hạn xử lý từng bước).

A dossier records its steps as ``step_started`` / ``step_finished`` events (step number,
unit, officer; :mod:`.events`). Against the procedure's approved internal process
(:class:`cchc.procedures.InternalProcess`: each step's unit and time) every step gets:

* its **due moment**: its time (working minutes, ``CONV-DAY-8H``) after the start of its
  **first run**, counted within the office hours of working days
  (:func:`cchc.calendar.hours.add_working_ns`): a start outside the sessions waits for
  the next opening, a step that straddles a day off or a weekend loses no time; the
  working time the dossier waited for the applicant during the step (a supplement, a
  payment: :mod:`.pauses`) is added (``CONV-STEP-REPEAT``, after OpenCPS v2 #1112);
* its **working time used** (:func:`cchc.calendar.hours.working_ns_between`) from the
  first run to the end of the last run (a repeated step counts from its first run); a
  step finished outside office hours used no working time after the last close;
* **late by** the working time used beyond its own; the unit of such a step is **at
  fault** for that much delay (the apology comes from the unit at fault).

Per dossier, :func:`remaining` and :func:`elapsed` give the working time between two
moments as a :class:`WorkingTime`, whose :meth:`WorkingTime.vietnamese` is what a
one-stop screen shows ("còn 1 ngày 3 giờ làm việc", "quá 2 giờ": OpenCPS #1252).

The arithmetic functions (:func:`step_due_ns`, :func:`step_late_ns`) take one value or a
NumPy column, the same way as the rest of the engine: :func:`step_columns` runs them over
millions of step rows and :func:`steps_by_unit` counts late steps and the delay caused
per unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import attrs
import numpy as np

from cchc.calendar import OfficialCalendar
from cchc.calendar.days import DayTables, day_tables, maximum
from cchc.calendar.hours import OfficeHours, add_working_ns, working_ns_between
from cchc.errors import ValidationError
from cchc.findings import Finding
from cchc.procedures import TimeUnit
from cchc.procedures.internal_process import InternalProcess, InternalProcessError

from . import engine
from .events import Event, EventKind
from .instants import NAT, NS_PER_MINUTE, VN_OFFSET_NS, from_local_ns, local_ns
from .pauses import applicant_waits
from .policy import DeadlinePolicy
from .timeliness import Timeliness

__all__ = [
    "SOURCES",
    "STEP_ROW_COLUMNS",
    "StepResult",
    "StepRows",
    "StepsReport",
    "UnitSteps",
    "WorkingTime",
    "elapsed",
    "read_step_rows",
    "remaining",
    "step_columns",
    "step_due_ns",
    "step_late_ns",
    "steps_by_unit",
]

SOURCES = (
    "CONV-STEP-REPEAT",
    "CONV-DAY-8H",
    "OPENCPS2-1112",
    "OPENCPS2-DUEDATE",
    "OPENCPS-1252",
    "OPENCPS-1269",
    "OPENCPS-1280",
)
"""Registry keys of the step rules: the convention, the 8-hour day, and the platforms'
issues and code it follows (read; OPENCPS-1280 only names the question)."""


@attrs.frozen
class WorkingTime:
    """A signed amount of working time (thời gian làm việc), in minutes.

    ``per_day`` is the working minutes of one day of the office hours used (480 for the
    default 8-hour day), so that days and hours read as an officer counts them
    (OpenCPS #1252: "1 ngày có 8 giờ")::

        >>> WorkingTime(27 * 60 + 15).vietnamese()
        'còn 3 ngày 3 giờ 15 phút làm việc'
        >>> WorkingTime(-120).vietnamese()
        'quá 2 giờ'
        >>> WorkingTime(0).vietnamese()
        'đến hạn'
        >>> WorkingTime(-120).as_dict()["overdue"]
        True
    """

    minutes: int
    per_day: int = 480

    @property
    def overdue(self) -> bool:
        """Negative: past the moment it is counted to."""
        return self.minutes < 0

    def parts(self) -> tuple[int, int, int]:
        """``(days, hours, minutes)`` of the absolute amount."""
        days, rest = divmod(abs(self.minutes), self.per_day)
        hours, minutes = divmod(rest, 60)
        return days, hours, minutes

    def text(self) -> str:
        """The absolute amount in words: '1 ngày 3 giờ', '45 phút', '0 phút'."""
        days, hours, minutes = self.parts()
        words = [f"{n} {w}" for n, w in ((days, "ngày"), (hours, "giờ"), (minutes, "phút")) if n]
        return " ".join(words) or "0 phút"

    def vietnamese(self) -> str:
        """'còn … làm việc' (time left), 'quá …' (over) or 'đến hạn' (exactly due)."""
        if self.minutes == 0:
            return "đến hạn"
        return f"quá {self.text()}" if self.overdue else f"còn {self.text()} làm việc"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: minutes, days/hours/minutes, overdue, the Vietnamese text."""
        days, hours, minutes = self.parts()
        return {
            "working_minutes": self.minutes,
            "days": days,
            "hours": hours,
            "minutes": minutes,
            "overdue": self.overdue,
            "text": self.vietnamese(),
        }

    def amount_dict(self) -> dict[str, Any]:
        """JSON-ready for an amount (a step's time, the time used, a delay): minutes and
        the words of :meth:`text`."""
        return {"working_minutes": self.minutes, "text": self.text()}

    def __str__(self) -> str:
        return self.vietnamese()


# -- the arithmetic: one value or a column -------------------------------------------
def step_due_ns(
    start: Any, budget: Any, wait: Any, hours: OfficeHours, tables: DayTables, ops: Any
) -> Any:
    """A step's due moment (local ns): ``budget + wait`` working ns after ``start``
    (the first run's start, moved to the next opening when outside office hours)."""
    return add_working_ns(start, budget + wait, hours, tables, ops)


def step_late_ns(
    start: Any,
    end: Any,
    budget: Any,
    wait: Any,
    hours: OfficeHours,
    tables: DayTables,
    ops: Any,
) -> Any:
    """Working ns a step used beyond its time (negative: time left): the working time
    from ``start`` to ``end`` less the applicant's waits, less ``budget``."""
    return working_ns_between(start, end, hours, tables, ops) - wait - budget


# -- one dossier -----------------------------------------------------------------------
@attrs.frozen
class StepResult:
    """One step of a dossier's internal process, as of a moment."""

    number: int
    name: str
    unit: str
    """The unit recorded on the step's events, else the process's."""
    officer: str | None
    budget: WorkingTime
    """The step's own time (thời gian thực hiện)."""
    runs: int
    """How many times the step was started (a repeated step > 1)."""
    started_at: datetime | None
    """The start of the first run (None: not started by the moment)."""
    finished_at: datetime | None
    """The end of the last run (None: in progress or not started)."""
    due_at: datetime | None
    wait: WorkingTime
    """Working time waited for the applicant during the step (added to its time)."""
    used: WorkingTime
    """Working time used from the first run to the end of the last (or the moment), less
    the waits."""
    left: WorkingTime
    """The step's time less the time used: positive 'còn …', negative 'quá …'."""

    @property
    def late(self) -> bool:
        """Used more working time than its own."""
        return self.left.minutes < 0

    @property
    def late_by(self) -> WorkingTime:
        """The working time used beyond the step's time (0 when not late)."""
        return WorkingTime(max(0, -self.left.minutes), self.left.per_day)

    @property
    def status(self) -> str:
        """not_started, in_progress or finished."""
        if self.started_at is None:
            return "not_started"
        return "in_progress" if self.finished_at is None else "finished"

    @property
    def timeliness(self) -> Timeliness | None:
        """Trước hạn / đúng hạn / quá hạn of a finished step (None otherwise): late when it
        used more working time than its own, early when it finished on a day before its
        due day, else on time."""
        if self.finished_at is None or self.due_at is None:
            return None
        if self.late:
            return Timeliness.LATE
        if self.finished_at.date() < self.due_at.date():
            return Timeliness.EARLY
        return Timeliness.ON_TIME

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""

        def iso(d: datetime | None) -> str | None:
            return None if d is None else d.isoformat()

        t = self.timeliness
        return {
            "step": self.number,
            "name": self.name,
            "unit": self.unit,
            "officer": self.officer,
            "runs": self.runs,
            "status": self.status,
            "budget": self.budget.amount_dict(),
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "due_at": iso(self.due_at),
            "wait": self.wait.amount_dict(),
            "used": self.used.amount_dict(),
            "left": self.left.as_dict(),
            "late_by": self.late_by.amount_dict(),
            "late": self.late,
            "timeliness": None if t is None else t.value,
        }


@attrs.frozen
class StepsReport:
    """The steps of one dossier as of ``at``, with the dossier's own due moment."""

    at: datetime
    process: InternalProcess
    steps: tuple[StepResult, ...]
    due_at: datetime
    """The dossier's due moment (after supplements, pauses, rescheduling)."""
    remaining: WorkingTime
    """Working time from ``at`` (or the finish) to the dossier's due moment."""
    finished_at: datetime | None
    findings: tuple[Finding, ...] = ()
    """The internal process checked against the dossier's own time limit
    (:meth:`cchc.procedures.InternalProcess.findings`: steps over the legal limit)."""

    @property
    def at_fault(self) -> tuple[tuple[str, WorkingTime], ...]:
        """The units whose steps used more than their time, with the delay each caused
        (an amount: :meth:`WorkingTime.text`), largest first: the unit that owes the
        apology is the first."""
        delay: dict[str, int] = {}
        for s in self.steps:
            if s.late:
                delay[s.unit] = delay.get(s.unit, 0) + s.late_by.minutes
        per = self.remaining.per_day
        ranked = sorted(delay.items(), key=lambda kv: -kv[1])
        return tuple((unit, WorkingTime(m, per)) for unit, m in ranked)

    @property
    def current(self) -> StepResult | None:
        """The step in progress at ``at`` (None if none)."""
        return next((s for s in self.steps if s.status == "in_progress"), None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "procedure_code": self.process.procedure_code,
            "process_source": self.process.source,
            "at": self.at.isoformat(),
            "due_at": self.due_at.isoformat(),
            "finished_at": None if self.finished_at is None else self.finished_at.isoformat(),
            "remaining": self.remaining.as_dict(),
            "steps": [s.as_dict() for s in self.steps],
            "at_fault": [{"unit": u, "delay": t.amount_dict()} for u, t in self.at_fault],
            "sources": [*SOURCES, self.process.source],
            "findings": [f.model_dump(mode="json") for f in self.findings],
        }


_LIMIT_UNITS = (TimeUnit.WORKING_DAYS, TimeUnit.HOURS)
"""The units an internal process is checked against (its steps are working time)."""


class _Setting:
    """Policy, calendar operations and list tables of one computation."""

    def __init__(
        self, calendar: OfficialCalendar | None, policy: DeadlinePolicy | str | None
    ) -> None:
        self.policy, self.ops, self.tables = engine.setting(calendar, policy)
        self.hours = self.policy.office_hours
        self.per_day = self.hours.minutes_per_day

    def between(self, a: int, b: int) -> int:
        return int(working_ns_between(a, b, self.hours, self.tables, self.ops))

    def time(self, ns: int) -> WorkingTime:
        return WorkingTime(int(ns // NS_PER_MINUTE), self.per_day)


def _moment(d: datetime | None, field: str) -> int | None:
    return None if d is None else local_ns(d, field=field)


def step_report(
    dossier: Any,
    process: InternalProcess,
    *,
    at: datetime | None = None,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> StepsReport:
    """The steps of ``dossier`` (a :class:`~cchc.dossiers.Dossier`) against ``process``, as
    of ``at`` (default: the dossier's last event).

    Raises:
        InternalProcessError: a step event names a step the process does not have.
        NaiveDatetimeError: ``at`` is naive.
    """
    events: Sequence[Event] = dossier.events
    moments = [local_ns(ev.at, field=f"events[{i}].at") for i, ev in enumerate(events)]
    now = _moment(at, "at")
    if now is None:
        now = moments[-1]
    cfg = _Setting(calendar, policy)
    first: dict[int, int] = {}
    last_end: dict[int, int] = {}
    runs: dict[int, int] = {}
    units: dict[int, str] = {}
    officers: dict[int, str] = {}
    open_step: int | None = None
    for i, (ev, ns) in enumerate(zip(events, moments, strict=True)):
        if ns > now:
            break
        if ev.kind is EventKind.STEP_STARTED:
            assert ev.step is not None
            try:
                process.step(ev.step)
            except InternalProcessError as exc:
                raise InternalProcessError(exc.message, item=str(i), field="step") from None
            first.setdefault(ev.step, ns)
            runs[ev.step] = runs.get(ev.step, 0) + 1
            last_end.pop(ev.step, None)
            open_step = ev.step
            if ev.unit:
                units[ev.step] = ev.unit
            if ev.officer:
                officers[ev.step] = ev.officer
        elif ev.kind is EventKind.STEP_FINISHED and open_step is not None:
            last_end[open_step] = ns
            open_step = None
    waits = applicant_waits(events, moments, now)
    results = []
    for n, ps in enumerate(process.steps, start=1):
        budget = ps.minutes * NS_PER_MINUTE
        start = first.get(n)
        if start is None:
            zero = cfg.time(0)
            results.append(
                StepResult(
                    n,
                    ps.name,
                    units.get(n, ps.unit),
                    None,
                    cfg.time(budget),
                    0,
                    None,
                    None,
                    None,
                    zero,
                    zero,
                    cfg.time(budget),
                )
            )
            continue
        end = last_end.get(n, now)
        wait = sum(
            max(0, cfg.between(max(a, start), min(b, end)))
            for a, b in waits
            if b > start and a < end
        )
        due = step_due_ns(start, budget, wait, cfg.hours, cfg.tables, cfg.ops)
        late = step_late_ns(start, end, budget, wait, cfg.hours, cfg.tables, cfg.ops)
        if not ps.counted:
            late = min(late, 0)
        results.append(
            StepResult(
                number=n,
                name=ps.name,
                unit=units.get(n, ps.unit),
                officer=officers.get(n),
                budget=cfg.time(budget),
                runs=runs[n],
                started_at=from_local_ns(start),
                finished_at=from_local_ns(last_end[n]) if n in last_end else None,
                due_at=from_local_ns(int(due)) if ps.counted else None,
                wait=cfg.time(wait),
                used=cfg.time(cfg.between(start, end) - wait),
                left=cfg.time(-int(late)),
            )
        )
    dl = dossier.deadline(calendar=calendar, policy=policy)
    finish = dl.finished_ns if dl.finished_ns != NAT and dl.finished_ns <= now else NAT
    left = cfg.between(finish if finish != NAT else now, dl.due_ns)
    limit = None if dossier.unit not in _LIMIT_UNITS else (dossier.amount, dossier.unit)
    return StepsReport(
        findings=() if limit is None else tuple(process.findings(*limit)),
        at=from_local_ns(now),
        process=process,
        steps=tuple(results),
        due_at=dl.due_at,
        remaining=cfg.time(left),
        finished_at=None if finish == NAT else from_local_ns(finish),
    )


def remaining(
    dossier: Any,
    at: datetime,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> WorkingTime:
    """Working time from ``at`` to the dossier's due moment (negative: overdue by that
    much): 'còn 1 ngày 3 giờ làm việc' / 'quá 2 giờ' (:meth:`WorkingTime.vietnamese`)."""
    cfg = _Setting(calendar, policy)
    due = dossier.deadline(calendar=calendar, policy=policy).due_ns
    return cfg.time(cfg.between(local_ns(at, field="at"), due))


def elapsed(
    start: datetime,
    end: datetime,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> WorkingTime:
    """Working time between two moments (negative when ``end`` is before ``start``)::

    >>> from cchc.tz import VN_TZ
    >>> friday = datetime(2025, 3, 7, 16, 0, tzinfo=VN_TZ)
    >>> str(elapsed(friday, datetime(2025, 3, 10, 8, 0, tzinfo=VN_TZ)))
    'còn 2 giờ làm việc'
    """
    cfg = _Setting(calendar, policy)
    return cfg.time(cfg.between(local_ns(start, field="start"), local_ns(end, field="end")))


# -- columns ---------------------------------------------------------------------------
def step_columns(
    start: Any,
    end: Any,
    budget_minutes: Any,
    wait_minutes: Any = 0,
    *,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> tuple[Any, Any]:
    """``(due, late_by_minutes)`` of millions of step rows: ``start``/``end`` local
    nanoseconds (int64 columns, ``end`` the finish or the moment judged at), each step's
    time and the applicant's wait in working minutes. The same functions as one dossier
    (:func:`step_due_ns`, :func:`step_late_ns`) over the calendar's column tables.

    Raises:
        ValidationError: columns of different lengths.
        CalendarCoverageError: a moment outside the calendar.
    """
    s = np.asarray(start, dtype=np.int64)
    e = np.asarray(end, dtype=np.int64)
    b = np.asarray(budget_minutes, dtype=np.int64) * NS_PER_MINUTE
    w = np.asarray(wait_minutes, dtype=np.int64) * NS_PER_MINUTE
    if s.shape != e.shape or (b.ndim and b.shape != s.shape) or (w.ndim and w.shape != s.shape):
        raise ValidationError("start, end, budget and wait columns differ in length", field="end")
    pol, ops, _ = engine.setting(calendar, policy)
    tables = day_tables(ops, columns=True)
    hours = pol.office_hours
    due = step_due_ns(s, b, w, hours, tables, ops)
    late = step_late_ns(s, e, b, w, hours, tables, ops)
    return due, late // NS_PER_MINUTE


@attrs.frozen
class StepRows:
    """Step rows as columns (one step run per row): unit codes and labels, local ns."""

    units: Any
    labels: tuple[str, ...]
    start: Any
    end: Any
    budget_minutes: Any
    wait_minutes: Any


STEP_ROW_COLUMNS = ("unit", "started_at", "finished_at", "budget_minutes", "wait_minutes")
"""The CSV columns of :func:`read_step_rows` (``finished_at`` empty: in progress at ``at``;
``wait_minutes`` optional)."""


def read_step_rows(text: str, *, at: datetime, source: str = "<text>") -> StepRows:
    """Step rows from CSV ``text`` (:data:`STEP_ROW_COLUMNS`); a step without
    ``finished_at`` is judged at ``at``.

    Raises:
        BatchValidationError: every bad row (file line and field) at once.
        DataFileError: a missing column or a row with the wrong number of fields.
    """
    from cchc._data import iter_csv_rows
    from cchc.errors import BatchValidationError, CchcError

    now = local_ns(at, field="at")
    typed = _typed_step_rows(text, now)
    if typed is not None:  # every value parsed in C and every row good
        return typed
    codes: dict[str, int] = {}
    rows: list[tuple[int, int, int, int, int]] = []
    errors: list[CchcError] = []
    required = STEP_ROW_COLUMNS[:4]
    for line, row in iter_csv_rows(text, source=source, required=required):
        try:
            unit = row["unit"].strip()
            if not unit:
                raise ValidationError("the unit is empty", row=line, field="unit")
            start = _row_moment(row["started_at"], line, "started_at")
            end = (
                now
                if not row["finished_at"].strip()
                else _row_moment(row["finished_at"], line, "finished_at")
            )
            if end < start:
                raise ValidationError("finished before it started", row=line, field="finished_at")
            budget = _row_minutes(row["budget_minutes"], line, "budget_minutes")
            wait = _row_minutes(row.get("wait_minutes") or "0", line, "wait_minutes")
        except CchcError as exc:
            errors.append(exc)
            continue
        rows.append((codes.setdefault(unit, len(codes)), start, end, budget, wait))
    if errors:
        raise BatchValidationError(errors, source=source)
    cols = np.array(rows, dtype=np.int64).reshape(-1, 5)
    return StepRows(
        units=cols[:, 0],
        labels=tuple(codes),
        start=cols[:, 1],
        end=cols[:, 2],
        budget_minutes=cols[:, 3],
        wait_minutes=cols[:, 4],
    )


def _typed_step_rows(text: str, now: int) -> StepRows | None:
    """The step rows parsed by :func:`pyarrow.csv.read_csv` (instants with their offset,
    whole minutes), or None when pyarrow is missing or any value or row is not good: the
    careful parser of :func:`read_step_rows` then locates every bad row."""
    try:
        import pyarrow as pa
        from pyarrow import csv as pa_csv
    except ImportError:
        return None
    data = text.encode("utf-8")
    header = next(iter(text.splitlines()), "").lstrip("\ufeff")
    names = [h.strip() for h in header.split(",")]
    if any(c not in names for c in STEP_ROW_COLUMNS[:4]):
        return None
    moment = pa.timestamp("ns", tz="UTC")
    types = {"unit": pa.string(), "started_at": moment, "finished_at": moment}
    types |= {"budget_minutes": pa.int64(), "wait_minutes": pa.int64()}
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(data),
            convert_options=pa_csv.ConvertOptions(
                column_types={k: v for k, v in types.items() if k in names},
                include_columns=[c for c in STEP_ROW_COLUMNS if c in names],
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    unit = table.column("unit").dictionary_encode().combine_chunks()
    labels = unit.dictionary.to_pylist()
    started = table.column("started_at")
    budget = table.column("budget_minutes")
    if (
        any(not label or label != label.strip() for label in labels)
        or started.null_count
        or budget.null_count
    ):
        return None
    start = started.cast(pa.int64()).to_numpy() + VN_OFFSET_NS
    ends = table.column("finished_at").cast(pa.int64()).fill_null(now - VN_OFFSET_NS)
    end = ends.to_numpy() + VN_OFFSET_NS
    minutes = budget.to_numpy()
    wait = (
        table.column("wait_minutes").fill_null(0).to_numpy()
        if "wait_minutes" in names
        else np.zeros(len(table), dtype=np.int64)
    )
    if (end < start).any() or (minutes < 0).any() or (wait < 0).any():
        return None
    return StepRows(
        units=unit.indices.to_numpy().astype(np.int64),
        labels=tuple(labels),
        start=start,
        end=end,
        budget_minutes=minutes.astype(np.int64),
        wait_minutes=np.asarray(wait, dtype=np.int64),
    )


def _row_moment(text: str, line: int, field: str) -> int:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"not an ISO 8601 moment: {text!r}", row=line, field=field) from None
    try:
        return local_ns(moment, field=field)
    except ValidationError as exc:
        raise ValidationError(exc.message, row=line, field=field) from None


def _row_minutes(text: str, line: int, field: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValidationError(f"not a whole number: {text!r}", row=line, field=field) from None
    if value < 0:
        raise ValidationError("a negative number of minutes", row=line, field=field)
    return value


@attrs.frozen
class UnitSteps:
    """Steps of one unit: how many, how many late, the delay they caused (minutes)."""

    unit: str
    steps: int
    late: int
    delay_minutes: int


def steps_by_unit(
    units: Any, late_by_minutes: Any, labels: Sequence[str] | None = None
) -> tuple[UnitSteps, ...]:
    """Per unit (đơn vị): the steps, the late ones and the working minutes of delay they
    caused (the sum of the positive ``late_by``), most delay first.

    ``units`` is a column of unit names, or of integer codes into ``labels`` (the way the
    dossier columns keep their groups: no sorting of millions of strings).

    Raises:
        ValidationError: columns of different lengths, or a code outside ``labels``.
    """
    u = np.asarray(units)
    late = np.asarray(late_by_minutes, dtype=np.int64)
    if u.shape != late.shape:
        raise ValidationError("units and late_by columns differ in length", field="units")
    if labels is None:
        names, inverse = np.unique(u, return_inverse=True)
        names_list = [str(n) for n in names.tolist()]
    else:
        inverse = u.astype(np.int64, copy=False)
        names_list = list(labels)
        if inverse.size and (int(inverse.min()) < 0 or int(inverse.max()) >= len(names_list)):
            raise ValidationError("a unit code outside the labels", field="units")
    k = len(names_list)
    count = np.bincount(inverse, minlength=k)
    n_late = np.bincount(inverse[late > 0], minlength=k)
    delay = np.bincount(inverse, weights=maximum(late, 0), minlength=k)
    rows = [
        UnitSteps(n, int(c), int(x), int(d))
        for n, c, x, d in zip(names_list, count, n_late, delay, strict=True)
    ]
    return tuple(sorted(rows, key=lambda r: (-r.delay_minutes, -r.late, r.unit)))
