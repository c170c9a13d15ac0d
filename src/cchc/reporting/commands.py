"""CLI: ``cchc report period KIND YEAR``, ``cchc report check FILE``, ``report render``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cchc._cli_util import add_force, add_json, iso_date, print_json, print_table
from cchc.errors import CalendarCoverageError
from cchc.plans.io import load_plan
from cchc.reporting.checks import Severity, check_report
from cchc.reporting.periods import DEFAULT_REGIME, ROLL_FORWARD_DEFAULT, reporting_period
from cchc.reporting.render import to_docx, to_markdown
from cchc.reporting.report import load_report

__all__ = ["add_regime", "register"]


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc report``."""
    sub = subparsers

    p = sub.add_parser("period", help="data window and deadline of a report")
    p.add_argument("kind", help="Q1, H1, Q3, Y (bnv-cchc); M1..M12, Q1..Q4, H1, H2, 9M, Y")
    p.add_argument("year", type=int, help="the reporting year, e.g. 2025")
    add_regime(p, "bnv-cchc (Bộ Nội vụ CCHC reports, default) or nd09-2019 (the general rule)")
    p.add_argument("--submitted", type=iso_date, help="also say whether sent on time")
    p.add_argument(
        "--deadline",
        type=iso_date,
        help="deadline set by the requesting agency (needed under nd09-2019, which sets only "
        "a minimum: Nghị định 09/2019 Điều 8 khoản 5 điểm b)",
    )
    _roll_forward_json_handler(p, _period)

    p = sub.add_parser("check", help="validate a report file (sums, rates, dates, placeholders)")
    _report_file_argument(p)
    p.add_argument("--targets-from", metavar="PLAN", help="check figures against a plan's targets")
    _roll_forward_json_handler(p, _check)

    p = sub.add_parser("render", help="write a report file as Markdown (stdout) or .docx")
    _report_file_argument(p)
    p.add_argument("--docx", metavar="OUT", help="write a Word file instead of Markdown")
    add_force(p)
    p.set_defaults(handler=_render)


def add_regime(p: argparse.ArgumentParser, help_text: str) -> None:
    """Add ``--regime``, the reporting regime (default ``DEFAULT_REGIME``), with ``help_text``."""
    p.add_argument("--regime", default=DEFAULT_REGIME, help=help_text)


def _report_file_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="report as .yaml, .yml or .json (start from: cchc example report)")


def _roll_forward_json_handler(
    p: argparse.ArgumentParser, handler: Callable[[argparse.Namespace], int]
) -> None:
    """Add ``--roll-forward`` and ``--json`` to ``p`` and make ``handler`` run it."""
    _roll_forward_option(p)
    add_json(p)
    p.set_defaults(handler=handler)


def _roll_forward_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--roll-forward",
        action=argparse.BooleanOptionalAction,
        default=ROLL_FORWARD_DEFAULT,
        help="a deadline on a weekend or holiday moves to the next working day "
        "(Bộ luật Dân sự 2015 Điều 148 khoản 5; default: on)",
    )


UNKNOWN = "unknown (the decree sets no deadline; pass --deadline)"
"""What ``report period --submitted`` prints when the regime sets only a minimum."""


def _period(args: argparse.Namespace) -> int:
    period = reporting_period(args.regime, args.kind, args.year)
    last: date | None = None
    if period.due_is_minimum and args.deadline is None:
        last = None
    elif period.due is not None:
        try:
            last = period.last_day(deadline=args.deadline, roll_forward=args.roll_forward)
        except CalendarCoverageError as exc:
            if args.submitted is not None:
                raise CalendarCoverageError(
                    f"{exc.message}; pass --no-roll-forward to compare with the stated day",
                    field=exc.field,
                ) from None
            last = None  # the window and the stated day are still worth printing
    on_time = None if args.submitted is None or last is None else args.submitted <= last
    if args.json:
        data: dict[str, Any] = {
            "regime": period.regime,
            "kind": period.kind,
            "year": period.year,
            "start": period.start,
            "end": period.end,
            "due": period.due,
            "due_is_minimum": period.due_is_minimum,
            "source": period.source.cite(),
            "due_source": period.due_source.cite(),
            "deadline": args.deadline,
            "roll_forward": args.roll_forward,
            "last_day": last,
            "roll_forward_source": period.roll_forward_source.cite(),
        }
        if args.submitted is not None:
            data["submitted"] = args.submitted
            data["on_time"] = on_time  # null: unknown (no deadline under the regime)
        print_json(data)
        return 0
    due = period.due.isoformat() if period.due else "-"
    note = " (earliest the decree allows)" if period.due_is_minimum else ""
    print(f"{period.regime} {period.kind} {period.year}")
    print(f"data window: {period.start.isoformat()} .. {period.end.isoformat()} (inclusive)")
    print(f"  source: {period.source.cite()}")
    print(f"due: {due}{note}")
    print(f"  source: {period.due_source.cite()}")
    if args.deadline is not None:
        print(f"deadline set by the requesting agency: {args.deadline.isoformat()}")
    stated = args.deadline if args.deadline is not None else period.due
    if last is not None and last != stated:
        rule = "a day off moves to the next working day: Bộ luật Dân sự 2015"
        print(f"last day: {last.isoformat()} ({rule})")
        print(f"  source: {period.roll_forward_source.cite()}")
    if args.submitted is not None:
        verdict = UNKNOWN if on_time is None else "on time" if on_time else "LATE"
        print(f"submitted {args.submitted.isoformat()}: {verdict}")
    return 0


def _check(args: argparse.Namespace) -> int:
    report = load_report(args.file)
    targets = load_plan(args.targets_from).targets if args.targets_from else []
    findings = check_report(report, targets=targets, roll_forward=args.roll_forward)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    if args.json:
        print_json({"ok": errors == 0, "findings": findings})
    elif not findings:
        print("Report OK: no finding.")
    else:
        print_table(
            ("severity", "code", "field", "message"),
            [(f.severity.value, f.code, f.field, f.message) for f in findings],
        )
        print(f"{errors} error(s), {len(findings) - errors} warning(s)")
    return 1 if errors else 0


def _render(args: argparse.Namespace) -> int:
    report = load_report(args.file)
    if args.docx:
        print(f"wrote {to_docx(report, Path(args.docx), force=args.force)}")
    else:
        print(to_markdown(report), end="")
    return 0
