"""CLI: ``cchc dossier due RECEIVED_AT AMOUNT``, ``cchc dossier stats FILE.csv`` and
``cchc dossier payload FILE.json`` (a dossier record to the portal's sync payload, or back)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

import attrs
import numpy as np

from cchc._cli_util import (
    add_force,
    add_json,
    hhmm,
    iso_date,
    moment,
    print_json,
    print_table,
    to_jsonable,
)
from cchc._data import iter_csv_rows, read_user_data, read_user_text, write_output
from cchc._model import with_source
from cchc._optional import require_extra
from cchc._shell import shell_message
from cchc.errors import CchcError, DataFileError, ValidationError
from cchc.procedures import Channel, Procedure, load_portal_sample, load_sample_catalogue
from cchc.tz import VN_TZ

from .deadline import compute_due
from .policy import POLICIES, get_policy
from .table.statistics import Period, month_periods, quarter_periods, summarize, year_period

__all__ = ["register"]

_UNITS = ("working_days", "days", "hours", "months", "immediate")
_POLICY = "receipt rule (quy ước tiếp nhận); default next_opening: the next office opening"
_PROVISIONAL = (
    "allow days outside the bundled notices (answers derived from the Labour Code rules, "
    "marked provisional)"
)


_Option = tuple[tuple[str, ...], dict[str, Any]] | Callable[[argparse.ArgumentParser], None]
"""An argument of a verb: its names and ``add_argument`` keywords, or a shared adder
(:func:`~cchc._cli_util.add_json`, :func:`~cchc._cli_util.add_force`)."""


def _arg(*names: str, **keywords: Any) -> _Option:
    return names, keywords


_POLICY_ARG = _arg("--policy", choices=sorted(POLICIES), default="next_opening", help=_POLICY)
_PROVISIONAL_ARG = _arg("--provisional", action="store_true", help=_PROVISIONAL)


class _Verb(NamedTuple):
    """A verb of ``cchc dossier``: its help, its arguments in ``--help`` order, its handler."""

    name: str
    help: str
    description: str
    arguments: tuple[_Option, ...]
    handler: Callable[[argparse.Namespace], int]


def _verbs() -> tuple[_Verb, ...]:
    return (
        _Verb(
            "due",
            "due date (ngày hẹn trả) of a dossier received at RECEIVED_AT",
            "Due date of a dossier. RECEIVED_AT is ISO 8601 with an offset, e.g. "
            "2025-01-24T09:00+07:00 (naive times are refused).",
            (
                _arg(
                    "received_at",
                    help="receipt moment, ISO 8601 with offset, e.g. 2025-01-24T09:00+07:00",
                ),
                _arg("amount", type=int, help="time limit (thời hạn giải quyết), e.g. 5"),
                _arg(
                    "--unit",
                    choices=_UNITS,
                    default="working_days",
                    help="unit of the time limit (default: working_days = ngày làm việc)",
                ),
                _POLICY_ARG,
                _arg("--cutoff", type=hhmm, help="per-procedure cut-off hour, e.g. 15:00"),
                _PROVISIONAL_ARG,
                add_json,
                _arg(
                    "--explain",
                    action="store_true",
                    help="also print how the due date was obtained, citing its sources "
                    "(giải trình)",
                ),
            ),
            _due,
        ),
        _Verb(
            "stats",
            "early / on time / late statistics of a dossier CSV or Parquet file",
            "Counts and rates per period (and group) of the dossiers in FILE, a CSV or a "
            "Parquet file (columns documented in cchc.dossiers.table.frame). Every bad row "
            "is reported.",
            (
                _arg(
                    "file",
                    help="CSV or Parquet file of dossiers (start from: cchc example dossiers)",
                ),
                _arg(
                    "--by",
                    choices=("procedure_code", "field", "agency"),
                    help="group by procedure (thủ tục), field (lĩnh vực) or agency (cơ quan)",
                ),
                _arg(
                    "--period",
                    choices=("year", "quarter", "month"),
                    default="year",
                    help="one row per year (default), quarter or month",
                ),
                _arg(
                    "--delimiter",
                    default=",",
                    help="field separator of the CSV file (default: a comma)",
                ),
                _arg(
                    "--encoding",
                    default="utf-8",
                    help="text encoding of the file: utf-8 (default, a byte-order mark is "
                    "accepted), utf-16, cp1258 (Windows Vietnamese)...",
                ),
                _arg(
                    "--dayfirst",
                    action="store_true",
                    help="also read dates written dd/mm/yyyy HH:MM (Vietnam time)",
                ),
                _arg(
                    "--columns",
                    metavar="FILE",
                    help="header names mapped to columns: a .json or .yaml mapping "
                    "{header: column}, or a .csv with columns header,column (added to the "
                    "bundled Vietnamese header names)",
                ),
                _arg(
                    "--bad-rows",
                    dest="bad_rows",
                    metavar="FILE",
                    help="keep the good rows and write the bad ones (line, field, reason) to "
                    "FILE (.csv); one problem per line on stderr",
                ),
                add_force,
                _arg("--year", type=int, help="year (default: that of the latest receipt)"),
                _arg(
                    "--from", dest="start", type=iso_date, help="custom period start (YYYY-MM-DD)"
                ),
                _arg("--to", dest="end", type=iso_date, help="custom period end, exclusive"),
                _POLICY_ARG,
                _PROVISIONAL_ARG,
                _arg(
                    "--as-of",
                    dest="as_of",
                    help="judge unfinished dossiers at min(period end, this moment): a date "
                    "(end of that day) or a datetime with offset (default: now in Vietnam)",
                ),
                add_json,
            ),
            _stats,
        ),
        _Verb(
            "payload",
            "the national portal's sync payload of a dossier JSON (--reverse: read one back)",
            "Print the payload a one-stop system syncs to the national public-service "
            "portal (DongBoHoSoMC: MaHoSo, NgayTiepNhan yyyyMMddHHmmss, TrangThaiHoSo ...) for "
            "the dossier in FILE.json (the JSON of cchc.dossiers.Dossier; start from: cchc "
            "example dossier-json). With --reverse, FILE.json is a payload and the dossier is "
            "printed; the procedure (by --procedure, else the payload's MaTTHC, in the bundled "
            "catalogues) and --channel give what a payload does not carry.",
            (
                _arg("file", help="dossier JSON file (or a payload with --reverse)"),
                _arg("--reverse", action="store_true", help="read a payload, print the dossier"),
                _arg(
                    "--procedure",
                    help="procedure code (mã TTHC) in the bundled catalogues: fills TenTTHC; "
                    "with --reverse, default the payload's MaTTHC",
                ),
                _arg(
                    "--channel",
                    choices=[c.value for c in Channel],
                    help="submission channel (needed with --reverse: a payload does not carry it)",
                ),
                _arg("--case", help="the procedure's case (trường hợp), with --reverse"),
                _arg("-o", "--output", help="write the JSON here instead of printing it"),
                add_force,
                add_json,
            ),
            _payload,
        ),
        _Verb(
            "steps",
            "per-step due moment, lateness, unit at fault and remaining time of a dossier",
            "The steps of the internal process (quy trình nội bộ) of the dossier in "
            "FILE.json (a cchc.dossiers.Dossier with step_started / step_finished events): "
            "each step's due moment, working time used, time left or over, the unit at fault, "
            "and the dossier's remaining working time ('còn 1 ngày 3 giờ làm việc', "
            "'quá 2 giờ').",
            (
                _arg("file", help="dossier JSON file (see docs/steps.md)"),
                _arg(
                    "--at",
                    help="judge at this moment: a date (end of that day) or a datetime with "
                    "offset (default: the dossier's last event)",
                ),
                _arg(
                    "--process",
                    help="internal process YAML/JSON file (cchc.procedures.InternalProcess); "
                    "default: the bundled one of the dossier's procedure_code",
                ),
                _POLICY_ARG,
                add_json,
            ),
            _steps,
        ),
        _Verb(
            "step-stats",
            "steps late and delay caused, per unit, from a CSV of step rows",
            "Per unit (đơn vị): steps, steps late and the working time of delay they caused, "
            "from FILE.csv with columns unit, started_at, finished_at (empty: in progress, "
            "judged at --at), budget_minutes (the step's time) and optionally wait_minutes. "
            "Every bad row is reported.",
            (
                _arg("file", help="CSV file of step rows"),
                _arg(
                    "--at",
                    required=True,
                    help="judge steps in progress at this moment: a date (end of that day) or a "
                    "datetime with offset",
                ),
                _POLICY_ARG,
                add_json,
            ),
            _step_stats,
        ),
    )


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc dossier``: ``due``, ``stats``, ``payload``, ``steps`` and
    ``step-stats``."""
    for verb in _verbs():
        p = subparsers.add_parser(verb.name, help=verb.help, description=verb.description)
        for argument in verb.arguments:
            if callable(argument):
                argument(p)
            else:
                names, keywords = argument
                p.add_argument(*names, **keywords)
        p.set_defaults(handler=verb.handler)


def _steps(args: argparse.Namespace) -> int:
    from cchc._data import read_user_text, read_user_yaml
    from cchc.errors import CchcError, DataFileError
    from cchc.procedures.internal_process import InternalProcess, internal_process

    from .dossier import Dossier
    from .steps import step_report

    try:
        dossier = Dossier.model_validate_json(read_user_text(args.file))
    except CchcError as exc:
        raise DataFileError(exc.message, source=args.file, field=exc.field, item=exc.item) from None
    if args.process:
        process = InternalProcess.from_data(
            read_user_yaml(args.process), source=args.process, error=DataFileError
        )
    elif dossier.procedure_code:
        process = internal_process(dossier.procedure_code)
    else:
        raise ValidationError(
            "the dossier has no procedure_code: give its internal process with --process",
            field="procedure_code",
        )
    at = None if args.at is None else moment(args.at, field="at")
    report = step_report(dossier, process, at=at, policy=args.policy)
    if args.json:
        print_json(report.as_dict())
        return 0
    rows = []
    for s in report.steps:
        t = s.timeliness
        rows.append(
            (
                s.number,
                s.unit,
                s.budget.text(),
                "" if s.started_at is None else s.started_at.strftime("%d/%m/%Y %H:%M"),
                "" if s.due_at is None else s.due_at.strftime("%d/%m/%Y %H:%M"),
                "" if s.finished_at is None else s.finished_at.strftime("%d/%m/%Y %H:%M"),
                s.runs,
                s.left.vietnamese() if s.started_at is not None else "",
                "" if t is None else t.vietnamese,
            )
        )
    print(
        f"Quy trình nội bộ {process.procedure_code} ({process.source}), "
        f"tại {report.at:%d/%m/%Y %H:%M}"
    )
    print_table(
        (
            "bước",
            "đơn vị",
            "thời gian",
            "bắt đầu",
            "hạn bước",
            "kết thúc",
            "lần",
            "còn / quá",
            "kết quả",
        ),
        rows,
    )
    print(f"Hạn trả hồ sơ: {report.due_at:%d/%m/%Y %H:%M}; {report.remaining.vietnamese()}")
    for unit, delay in report.at_fault:
        print(f"Đơn vị gây chậm: {unit} (chậm {delay.text()})")
    for f in report.findings:
        print(f"{f.severity.value}: {f.message_vi or f.message}")
    return 0


def _step_stats(args: argparse.Namespace) -> int:
    from cchc._data import read_user_text

    from .steps import WorkingTime, read_step_rows, step_columns, steps_by_unit

    at = moment(args.at, field="at")
    rows = read_step_rows(read_user_text(args.file), at=at, source=args.file)
    _, late = step_columns(
        rows.start, rows.end, rows.budget_minutes, rows.wait_minutes, policy=args.policy
    )
    table = steps_by_unit(rows.units, late, rows.labels)
    per_day = get_policy(args.policy).office_hours.minutes_per_day
    if args.json:
        print_json([attrs.asdict(r) for r in table])
        return 0
    print_table(
        ("đơn vị", "số bước", "bước quá hạn", "thời gian chậm"),
        [(r.unit, r.steps, r.late, WorkingTime(r.delay_minutes, per_day).text()) for r in table],
    )
    return 0


def _due(args: argparse.Namespace) -> int:
    try:
        received = datetime.fromisoformat(args.received_at)
    except ValueError:
        raise ValidationError(
            f"not an ISO 8601 datetime: {args.received_at!r}", field="received_at"
        ) from None
    policy = get_policy(args.policy)
    if args.cutoff is not None:
        policy = policy.with_cutoff(args.cutoff)
    if args.provisional:
        policy = attrs.evolve(policy, provisional=True)
    result = compute_due(received, args.amount, args.unit, policy=policy)
    data = {
        "received_at": received.isoformat(),
        "clock_start": result.start_at.isoformat(),
        "due_at": result.due_at.isoformat(),
        "due_weekday": result.due_at.strftime("%A"),
        "amount": result.amount,
        "unit": result.unit.value,
        "unit_vi": result.unit.vietnamese,
        "policy": result.policy,
        "rules": result.rules.value.name,
        "rules_source": result.rules.source.cite(),
        "provisional": result.provisional,
    }
    unconfirmed = result.unconfirmed_days
    data["confirmed"] = not result.provisional and not unconfirmed
    data["unconfirmed_days"] = [e.ref() for e in unconfirmed]
    explanation = result.explain() if args.explain else None
    if args.json:
        print_json(data if explanation is None else {**data, "explanation": explanation.to_dict()})
    else:
        data["unconfirmed_days"] = "; ".join(
            f"{e.day.isoformat()} ({e.verification.value}: "
            + ", ".join(str(s.key or s.number) for s in e.sources)
            + ")"
            for e in unconfirmed
        )
        print_table(("item", "value"), list(data.items()))
        if explanation is not None:
            print()
            print(explanation)
    return 0


def _periods(args: argparse.Namespace, latest: int) -> list[Period]:
    if args.start is not None or args.end is not None:
        if args.start is None or args.end is None:
            raise ValidationError("give both --from and --to", field="period")
        return [Period(args.start, args.end, f"{args.start}..{args.end}")]
    year = args.year if args.year is not None else latest
    if args.period == "month":
        return month_periods(year)
    if args.period == "quarter":
        return quarter_periods(year)
    return [year_period(year)]


def _stats(args: argparse.Namespace) -> int:
    from .results import evaluate

    as_of = moment(args.as_of) if args.as_of is not None else None
    loaders = require_extra("cchc.dossiers.table.frame", "pandas")
    options = {
        "delimiter": args.delimiter,
        "encoding": args.encoding,
        "dayfirst": args.dayfirst,
        "columns": None if args.columns is None else _column_names(args.columns),
    }
    policy = get_policy(args.policy)
    if args.provisional:
        policy = attrs.evolve(policy, provisional=True)
    if args.bad_rows is None:
        frame = loaders.read_dossier_file(args.file, **options)
        results = evaluate(frame, policy=policy)
    else:
        frame, bad = loaders.read_dossier_file(args.file, on_bad_rows="collect", **options)
        problems = [
            (None if e.row != e.row or e.row is None else int(e.row), e.field, e.message)
            for e in bad.itertuples(index=False)
        ]
        frame, results, later = _evaluate_good(frame, policy)
        problems += later
        _write_bad_rows(args, sorted(problems, key=lambda p: (p[0] or 0, p[1] or "")))
    for finding in results.findings[:20]:  # kept rows with a flag (a late apology ...)
        print(f"cchc: {finding} [{finding.code}]", file=sys.stderr)
    if len(results.findings) > 20:
        print(f"cchc: warning: {len(results.findings) - 20} more like these", file=sys.stderr)
    if len(frame):
        latest = int(np.max(frame.received_at).astype("datetime64[Y]").astype(np.int64)) + 1970
    else:  # a header-only file: an empty table for the current year
        latest = datetime.now(VN_TZ).year
    rows = summarize(frame, results, _periods(args, latest), by=args.by, as_of=as_of)
    if args.json:
        print_json(rows)
        return 0
    # stopped at the applicant's request (an outcome column): a column of its own
    apart = frame.outcome is not None
    table = [
        (
            r.period,
            r.key or "(all)",
            r.counts.received,
            r.counts.carried_over,
            r.counts.resolved,
            r.counts.early,
            r.counts.on_time,
            r.counts.late,
            *((r.counts.stopped,) if apart else ()),
            r.counts.in_progress,
            r.counts.in_progress_overdue,
            _pct(r.rates.on_time_or_early_rate),
            _pct(r.rates.on_time_rate_766),
            _pct(r.rates.online_share),
        )
        for r in rows
    ]
    print_table(
        (
            "period",
            args.by or "group",
            "received",
            "carried",
            "resolved",
            "early",
            "on_time",
            "late",
            *(("stopped",) if apart else ()),
            "in_progress",
            "overdue",
            "on_time+early%",
            "766_2.1%",
            "online%",
        ),
        table,
    )
    return 0


def _column_names(path: str) -> dict[str, str]:
    """The ``--columns`` file: a JSON/YAML mapping, or a CSV ``header,column``."""
    if path.lower().endswith(".csv"):
        text = read_user_text(path)
        rows = iter_csv_rows(text, source=path, required=("header", "column"))
        return {row["header"]: row["column"] for _, row in rows}
    data = read_user_data(path)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping {header: column}", source=path)
    return data


def _evaluate_good(frame: Any, policy: Any) -> tuple[Any, Any, list[tuple[Any, Any, str]]]:
    """Evaluate ``frame``; rows the engine refuses (outside the calendar, a late apology)
    are dropped and returned as problems (line, field, reason), every one of them."""
    from cchc.errors import BatchValidationError

    from .results import evaluate

    try:
        return frame, evaluate(frame, policy=policy), []
    except BatchValidationError as exc:
        if any(e.row is None for e in exc.errors):
            raise
        numbers = np.arange(1, len(frame) + 1) if frame.row_numbers is None else frame.row_numbers
        bad_rows = [int(e.row) for e in exc.errors if e.row is not None]
        keep = np.flatnonzero(~np.isin(numbers, bad_rows))
        good = frame.take(keep)
        problems = [(e.row, e.field, e.message) for e in exc.errors]
        return good, evaluate(good, policy=policy), problems


def _write_bad_rows(args: argparse.Namespace, problems: list[tuple[Any, Any, str]]) -> None:
    """The ``--bad-rows`` file (CSV ``line,field,reason``) and one line per problem on
    stderr."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("line", "field", "reason"))
    for line, field, reason in problems:
        reason = shell_message(reason)  # the command's options, not the library's keywords
        writer.writerow(("" if line is None else line, field or "", reason))
        where = f"line {line}" if line is not None else "file"
        print(
            f"cchc: bad row: {args.file}, {where}"
            + (f", field {field}" if field else "")
            + f": {reason}",
            file=sys.stderr,
        )
    write_output(args.bad_rows, out.getvalue(), force=args.force)
    print(
        f"cchc: {len({p[0] for p in problems})} bad row(s) left out, written to {args.bad_rows}",
        file=sys.stderr,
    )


def _pct(value: object) -> str:
    return "-" if value is None else str(value)


def _procedure(code: str) -> Procedure:
    """The procedure with ``code`` in the bundled portal sample, else the sample catalogue."""
    for catalogue in (load_portal_sample(), load_sample_catalogue()):
        found = catalogue.find(code)
        if found:
            return found[0]
    raise ValidationError(f"procedure {code!r} is not in the bundled catalogues", field="procedure")


def _payload(args: argparse.Namespace) -> int:
    """Both directions print JSON (``--json`` is accepted for uniformity)."""
    from .dossier import Dossier

    data = read_user_data(args.file)
    if not isinstance(data, dict):
        raise ValidationError("the file must hold one JSON object", source=args.file)
    try:
        if args.reverse:
            code = args.procedure or str(data.get("MaTTHC") or "")
            if not code:
                raise ValidationError("the payload has no MaTTHC: give --procedure", field="MaTTHC")
            if args.channel is None:
                raise ValidationError(
                    "a payload does not carry the channel: give --channel", field="channel"
                )
            dossier = Dossier.from_portal_payload(
                data, procedure=_procedure(code), channel=args.channel, case=args.case
            )
            out: Any = dossier.model_dump(mode="json", exclude_defaults=True)
        else:
            dossier = Dossier.from_data(data)
            proc = None if args.procedure is None else _procedure(args.procedure)
            out = dossier.to_portal_payload(procedure=proc)
    except CchcError as exc:
        raise with_source(exc, args.file) from None
    if args.output is None:
        print_json(out)
        return 0
    text = json.dumps(to_jsonable(out), ensure_ascii=False, indent=2) + "\n"
    write_output(args.output, text, force=args.force)
    print(f"wrote {args.output}")
    return 0
