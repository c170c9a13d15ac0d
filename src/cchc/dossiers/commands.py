"""CLI: ``cchc dossier due RECEIVED_AT AMOUNT`` and ``cchc dossier stats FILE.csv``."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

import attrs
import numpy as np

from cchc._cli_util import add_json, hhmm, iso_date, moment, print_json, print_table
from cchc._optional import require_extra
from cchc.errors import ValidationError
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


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc dossier``: ``due`` and ``stats``."""
    p = subparsers.add_parser(
        "due",
        help="due date (ngày hẹn trả) of a dossier received at RECEIVED_AT",
        description="Due date of a dossier. RECEIVED_AT is ISO 8601 with an offset, e.g. "
        "2025-01-24T09:00+07:00 (naive times are refused).",
    )
    p.add_argument(
        "received_at", help="receipt moment, ISO 8601 with offset, e.g. 2025-01-24T09:00+07:00"
    )
    p.add_argument("amount", type=int, help="time limit (thời hạn giải quyết), e.g. 5")
    p.add_argument(
        "--unit",
        choices=_UNITS,
        default="working_days",
        help="unit of the time limit (default: working_days = ngày làm việc)",
    )
    p.add_argument("--policy", choices=sorted(POLICIES), default="next_opening", help=_POLICY)
    p.add_argument("--cutoff", type=hhmm, help="per-procedure cut-off hour, e.g. 15:00")
    p.add_argument("--provisional", action="store_true", help=_PROVISIONAL)
    add_json(p)
    p.add_argument(
        "--explain",
        action="store_true",
        help="also print how the due date was obtained, citing its sources (giải trình)",
    )
    p.set_defaults(handler=_due)

    p = subparsers.add_parser(
        "stats",
        help="early / on time / late statistics of a dossier CSV",
        description="Counts and rates per period (and group) of the dossiers in FILE.csv "
        "(columns documented in cchc.dossiers.table.frame). Every bad row is reported.",
    )
    p.add_argument("file", help="CSV file of dossiers (start from: cchc example dossiers)")
    p.add_argument(
        "--by",
        choices=("procedure_code", "field", "agency"),
        help="group by procedure (thủ tục), field (lĩnh vực) or agency (cơ quan)",
    )
    p.add_argument(
        "--period",
        choices=("year", "quarter", "month"),
        default="year",
        help="one row per year (default), quarter or month",
    )
    p.add_argument(
        "--delimiter", default=",", help="field separator of the CSV file (default: a comma)"
    )
    p.add_argument("--year", type=int, help="year (default: that of the latest receipt)")
    p.add_argument("--from", dest="start", type=iso_date, help="custom period start (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=iso_date, help="custom period end, exclusive")
    p.add_argument("--policy", choices=sorted(POLICIES), default="next_opening", help=_POLICY)
    p.add_argument("--provisional", action="store_true", help=_PROVISIONAL)
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="judge unfinished dossiers at min(period end, this moment): a date (end of that "
        "day) or a datetime with offset (default: now in Vietnam)",
    )
    add_json(p)
    p.set_defaults(handler=_stats)


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
    frame = require_extra("cchc.dossiers.table.frame", "pandas").read_csv(
        args.file, delimiter=args.delimiter
    )
    policy = get_policy(args.policy)
    if args.provisional:
        policy = attrs.evolve(policy, provisional=True)
    results = evaluate(frame, policy=policy)
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
            "in_progress",
            "overdue",
            "on_time+early%",
            "766_2.1%",
            "online%",
        ),
        table,
    )
    return 0


def _pct(value: object) -> str:
    return "-" if value is None else str(value)
