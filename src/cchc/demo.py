"""``cchc demo``: the main job on bundled data, a short tour of every capability.

1. the official calendar: a year's days off and make-up days, with sources;
2. dossier due dates across Tết 2025 and the 2026 New Year swap;
3. statistics of the bundled synthetic dossiers and their Decision 766 score;
4. citations and consistency findings in a directive text;
5. seed 002's periodic report, checked, and the next reporting period.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from importlib import resources
from typing import Any

from cchc._cli_util import print_table
from cchc._data import data_path
from cchc._optional import require_extra
from cchc.calendar import default_calendar
from cchc.calendar.commands import print_entries
from cchc.documents import lint, parse_citations
from cchc.dossiers import compute_due
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.statistics import summarize, year_period
from cchc.errors import MissingExtraError
from cchc.indices import qd766
from cchc.l10n import vn_datetime, weekday
from cchc.reporting import check_report, example_report, reporting_period
from cchc.tz import VN_TZ

__all__ = ["SAMPLE_TEXT", "add_arguments", "run"]

SAMPLE_TEXT = (
    "BÁO CÁO Công tác cải cách hành chính quý I năm 2022\n"
    "Thực hiện Kế hoạch số 219/KH-SYT ngày 27/12/2021 của Sở Y tế;\n"
    "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2022 của Chính phủ;\n"
)
"""A short text with one slip: the decree's number year (2021) differs from its date."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc demo``."""
    p.add_argument("--year", type=int, default=2026, help="year whose days off to list")
    p.set_defaults(handler=lambda args: run(args.year))


def _heading(text: str) -> None:
    print(f"\n== {text}")


def run(year: int = 2026) -> int:
    """Print the tour; returns the exit code."""
    cal = default_calendar()
    _heading(f"1. Working calendar (lịch làm việc) {year}; covered {cal.coverage}")
    print(f"Weekly rest: {cal.weekly_rest_source.cite()}")
    print_entries(cal.entries(year))

    _heading("2. Due dates (ngày hẹn trả kết quả), receipt day not counted")
    cases = [
        (datetime(2025, 1, 24, 9, 0, tzinfo=VN_TZ), 5, "Friday before Tết 2025"),
        (datetime(2025, 12, 31, 10, 0, tzinfo=VN_TZ), 3, "across the 2026 New Year swap"),
        (datetime(2026, 1, 3, 10, 0, tzinfo=VN_TZ), 5, "Saturday online, 2026"),
    ]
    rows = []
    for received, n, label in cases:
        result = compute_due(received, n)
        rows.append(
            (
                label,
                f"{weekday(received, lang='en', short=True)} {vn_datetime(received)}",
                n,
                f"{weekday(result.due_at, lang='en', short=True)} {vn_datetime(result.due_at)}",
                result.rules.value.name,
            )
        )
    print_table(("case", "received", "working days", "due", "rules in force"), rows)

    _heading("3. Dossier statistics (thống kê hồ sơ) and Decision 766 indicator 2.1")
    try:
        loader = require_extra("cchc.dossiers.table.frame", "pandas")
    except MissingExtraError as exc:
        print(f"skipped: {exc}")
    else:
        _statistics(loader.read_csv)

    _citations()
    _report()
    return 0


def _statistics(read_csv: Any) -> None:
    with resources.as_file(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv")) as p:
        frame = read_csv(p)
    results = evaluate(frame)
    stat_rows = []
    for row in summarize(frame, results, year_period(2025), by="field"):
        card = qd766.score_figures(qd766.Qd766Figures(**row.qd766_inputs()))
        points = next(i.points for i in card.items if i.id == "2.1")
        stat_rows.append(
            (
                row.key,
                row.counts.resolved,
                row.counts.early,
                row.counts.on_time,
                row.counts.late,
                f"{row.rates.on_time_rate_766}%",
                points,
            )
        )
    print(f"{len(frame)} synthetic dossiers of 2025 (bundled, reproducible):")
    print_table(
        ("field", "resolved", "early", "on time", "late", "766 2.1 rate", "points"), stat_rows
    )


def _citations() -> None:
    _heading("4. Citations and findings (trích dẫn, rà soát văn bản)")
    for c in parse_citations(SAMPLE_TEXT):
        kind = c.doc_type.value if c.doc_type else "?"
        print(f"  {kind:10} {c.number_text:16} issued {c.issued_on}")
    for finding in lint(SAMPLE_TEXT, issued_on=date(2022, 3, 25)):
        print(f"  [{finding.code}] {finding.message_vi}")


def _report() -> None:
    _heading("5. The periodic report (báo cáo CCHC): seed 002, quý I/2022, checked")
    report = example_report()
    plan = report.plan
    print(
        f"Tasks: {plan.tasks_done} done + {plan.tasks_in_progress} in progress "
        f"= {plan.tasks_total} stated"
    )
    for problem in check_report(report):
        print(f"  [{problem.code}] {problem.field}: {problem.message}")
    period = reporting_period("bnv-cchc", "Q1", 2026)
    print(f"Next: CCHC report Q1/2026 covers {period.start}..{period.end}, due {period.due}")
