"""CLI: ``cchc report period KIND YEAR``, ``report check FILE``, ``report render``,
``report statistics FILE --period Q1-2026`` (the statutory statistics forms)."""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cchc._cli_util import add_force, add_json, iso_date, print_json, print_table
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.plans.io import load_plan
from cchc.reporting.checks import Severity, check_report
from cchc.reporting.render import to_docx, to_markdown
from cchc.reporting.report import load_report
from cchc.reporting_periods import DEFAULT_REGIME, ROLL_FORWARD_DEFAULT, reporting_period

__all__ = ["add_regime", "parse_period_arg", "register"]


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

    p = sub.add_parser(
        "statistics",
        help="fill a statutory statistics form (Biểu 06/VPCP/KSTT) from a dossier CSV or "
        "Parquet file",
    )
    p.add_argument(
        "file", help="CSV or Parquet file of dossiers (start from: cchc example dossiers)"
    )
    p.add_argument(
        "--period",
        required=True,
        help="KIND-YEAR, e.g. Q1-2026, H1-2026, M3-2026, Y-2025 (the kinds of --regime)",
    )
    p.add_argument("--form", default="06", help="form key (default 06: Biểu số 06/VPCP/KSTT)")
    p.add_argument(
        "--regime",
        default="nd09-2019",
        help="data windows: nd09-2019 (Nghị định 09/2019 Điều 12, default) or bnv-cchc",
    )
    p.add_argument(
        "--unit", dest="reporting_unit", metavar="NAME", help="the reporting unit (đơn vị báo cáo)"
    )
    p.add_argument(
        "--to", dest="recipient", metavar="NAME", help="the unit the report goes to (đơn vị nhận)"
    )
    p.add_argument(
        "--previous",
        metavar="JSON",
        help="the previous period's form (the file --json wrote), for the carried-over check "
        "(default: the previous window computed from the same file)",
    )
    p.add_argument("--policy", default="next_opening", help="deadline policy of the dossiers")
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="judge unfinished dossiers at min(window end, this moment) (default: now)",
    )
    p.add_argument("--delimiter", default=",", help="field separator of the CSV (default: ,)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--md", action="store_true", help="Markdown on stdout (the default)")
    out.add_argument("--docx", metavar="PATH", help="write a Word file")
    out.add_argument("--xlsx", metavar="PATH", help="write an Excel file")
    out.add_argument("--json", action="store_true", help="the form and findings as JSON")
    add_force(p)
    p.set_defaults(handler=_statistics)


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


_PERIOD = re.compile(
    r"^(?:(?P<kind>[A-Za-z0-9]+)[-/](?P<year>\d{4})|(?P<year2>\d{4})-(?P<kind2>[A-Za-z0-9]+))$"
)


def parse_period_arg(text: str) -> tuple[str, int]:
    """``Q1-2026``, ``Q1/2026`` or ``2026-Q1`` as (kind, year).

    Raises:
        ValidationError: none of these forms.
    """
    m = _PERIOD.match(text.strip())
    if m is None:
        raise ValidationError(f"not a period KIND-YEAR (e.g. Q1-2026): {text!r}", field="period")
    kind = m.group("kind") or m.group("kind2")
    return kind.upper(), int(m.group("year") or m.group("year2"))


def _statistics(args: argparse.Namespace) -> int:
    from cchc._cli_util import moment
    from cchc._data import read_user_data
    from cchc._optional import require_extra
    from cchc.dossiers import evaluate
    from cchc.reporting import statistics_render as render
    from cchc.reporting.statistics import (
        StatisticsForm,
        check_form,
        fill_form,
        form_spec,
        previous_period,
    )

    form_spec(args.form)  # an unknown form fails before the file is read
    kind, year = parse_period_arg(args.period)
    period = reporting_period(args.regime, kind, year, due=False)
    as_of = moment(args.as_of) if args.as_of is not None else None
    frame = require_extra("cchc.dossiers.table.frame", "pandas").read_dossier_file(
        args.file, delimiter=args.delimiter
    )
    results = evaluate(frame, policy=args.policy)

    def fill(p: Any) -> StatisticsForm:
        return fill_form(
            frame,
            results,
            p,
            form=args.form,
            as_of=as_of,
            reporting_unit=args.reporting_unit,
            recipient=args.recipient,
        )

    form = fill(period)
    if args.previous:
        data = read_user_data(args.previous)  # the --json output of last period, or a form
        if isinstance(data, dict) and isinstance(data.get("form"), dict):
            data = data["form"]
        previous: StatisticsForm | None = StatisticsForm.from_data(data, source=args.previous)
    else:
        before = previous_period(period)
        previous = None if before is None else fill(before)
    findings = check_form(form, previous)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    if args.json:
        print_json({"form": form, "findings": findings})
        return 1 if errors else 0
    if args.docx:
        print(f"wrote {render.to_docx(form, Path(args.docx), force=args.force)}")
    elif args.xlsx:
        print(f"wrote {render.to_xlsx(form, Path(args.xlsx), force=args.force)}")
    else:
        print(render.to_markdown(form), end="")
    with contextlib.redirect_stdout(sys.stderr):  # the check, apart from the form itself
        if findings:
            print_table(
                ("severity", "code", "row", "message"),
                [(f.severity.value, f.code, f.field, f.message) for f in findings],
            )
        elif previous is None:
            print("Totals checked; this regime has no previous window for the carried-over check.")
        else:
            print(f"Totals and carried-over figures checked against {previous.period}: no finding.")
    return 1 if errors else 0
