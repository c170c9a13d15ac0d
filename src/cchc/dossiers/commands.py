"""CLI: ``cchc due RECEIVED_AT AMOUNT`` and ``cchc stats FILE.csv``."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from typing import Any

import numpy as np

from cchc._cli_util import print_json, print_table
from cchc._optional import require_extra
from cchc.errors import CchcError, ValidationError
from cchc.tz import VN_TZ, to_vn

from .deadline import compute_due
from .policy import POLICIES, get_policy
from .stats import Period, month_periods, quarter_periods, summarize, year_period

__all__ = ["register"]

_UNITS = ("working_days", "days", "hours", "months", "immediate")


def _hhmm(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time (HH:MM): {text!r}") from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def register(subparsers: Any) -> None:
    """Add the ``due`` and ``stats`` sub-commands."""
    p = subparsers.add_parser(
        "due",
        help="due date (ngày hẹn trả) of a dossier received at RECEIVED_AT",
        description="Due date of a dossier. RECEIVED_AT is ISO 8601 with an offset, e.g. "
        "2025-01-24T09:00+07:00 (naive times are refused).",
    )
    p.add_argument("received_at", help="receipt moment, ISO 8601 with offset")
    p.add_argument("amount", type=int, help="time limit (thời hạn giải quyết)")
    p.add_argument("--unit", choices=_UNITS, default="working_days")
    p.add_argument("--policy", choices=sorted(POLICIES), default="next_opening")
    p.add_argument("--cutoff", type=_hhmm, help="per-procedure cut-off hour, e.g. 15:00")
    p.add_argument("--json", action="store_true", help="print JSON")
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
        "(columns documented in cchc.dossiers.frame). Every bad row is reported.",
    )
    p.add_argument("file", help="CSV file of dossiers")
    p.add_argument("--by", choices=("procedure_code", "field", "agency"), help="group column")
    p.add_argument("--period", choices=("year", "quarter", "month"), default="year")
    p.add_argument("--year", type=int, help="year (default: that of the latest receipt)")
    p.add_argument("--from", dest="start", type=_day, help="custom period start (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=_day, help="custom period end, exclusive")
    p.add_argument("--policy", choices=sorted(POLICIES), default="next_opening")
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="judge unfinished dossiers at min(period end, this moment); ISO 8601 with "
        "offset (default: now in Asia/Ho_Chi_Minh)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
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
    explanation = result.explain() if args.explain else None
    if args.json:
        print_json(data if explanation is None else {**data, "explanation": explanation.to_dict()})
    else:
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

    as_of = None
    if args.as_of is not None:
        try:
            as_of = to_vn(datetime.fromisoformat(args.as_of), field="as_of")
        except ValueError as exc:
            if isinstance(exc, CchcError):
                raise
            raise ValidationError(
                f"not an ISO 8601 datetime: {args.as_of!r}", field="as_of"
            ) from None
    frame = require_extra("cchc.dossiers.frame", "pandas").read_csv(args.file)
    results = evaluate(frame, policy=args.policy)
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
