"""CLI: ``cchc plan status FILE [--as-of DATE] [--policy P] [--json]``."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from cchc._cli_util import parse_date, print_json, print_table
from cchc.plans.completion import Completion, InProgressPolicy, completion, overdue_tasks
from cchc.plans.io import load_plan
from cchc.tz import VN_TZ

__all__ = ["parse_date", "register"]


def register(subparsers: Any) -> None:
    """Add the ``plan`` command and its sub-commands."""
    plan = subparsers.add_parser("plan", help="CCHC plans (kế hoạch): completion, overdue tasks")
    sub = plan.add_subparsers(dest="plan_command", metavar="SUBCOMMAND")
    sub.required = True
    p = sub.add_parser(
        "status", help="completion by area and owner, and overdue tasks, of a plan file"
    )
    p.add_argument("file", help="plan as .yaml, .yml or .json")
    p.add_argument(
        "--as-of", type=parse_date, default=None, help="date (default: today in Vietnam)"
    )
    p.add_argument(
        "--policy",
        choices=[x.value for x in InProgressPolicy],
        default=InProgressPolicy.STRICT.value,
        help="how tasks in progress count (default: strict = not at all)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_status)


def _row(name: str, c: Completion) -> tuple[object, ...]:
    rate = "no data" if c.rate is None else f"{c.rate}%"
    return (name, c.total, c.done, c.in_progress, c.not_started, rate)


def _status(args: argparse.Namespace) -> int:
    plan = load_plan(args.file)
    as_of = args.as_of if args.as_of is not None else datetime.now(VN_TZ).date()
    report = completion(plan, as_of, policy=InProgressPolicy(args.policy))
    late = overdue_tasks(plan, as_of)
    if args.json:
        print_json(
            {
                "plan": plan.number,
                "as_of": as_of,
                "policy": report.policy,
                "overall": report.overall,
                "by_area": {k.value: v for k, v in report.by_area.items()},
                "by_owner": report.by_owner,
                "overdue": late,
            }
        )
        return 0
    print(f"Kế hoạch {plan.number} ({plan.issuer}) as of {as_of.isoformat()}, policy {args.policy}")
    headers = ("group", "total", "done", "in progress", "not started", "rate")
    rows = [_row("TOTAL", report.overall)]
    rows += [_row(k.vietnamese, v) for k, v in report.by_area.items()]
    print_table(headers, rows)
    print()
    print_table(headers, [_row(k or "(no owner)", v) for k, v in report.by_owner.items()])
    print()
    if not late:
        print("No overdue task.")
    else:
        print_table(
            ("task", "owner", "due", "working days late"),
            [(o.task_id, o.owner, o.due.isoformat(), o.working_days_late) for o in late],
        )
    return 0
