"""``cchc demo``: the main job on bundled data, as a quick tour.

Prints a year's official days off with their sources and a few worked
deadlines across the Tết 2025 break and the 2026 New Year swap.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc._cli_util import print_table
from cchc.calendar import OfficialCalendar
from cchc.calendar.commands import print_entries

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``demo`` sub-command."""
    p = subparsers.add_parser("demo", help="a tour of cchc on the bundled official data")
    p.add_argument("--year", type=int, default=2026, help="year whose days off to list")
    p.set_defaults(handler=lambda args: run(args.year))


def run(year: int = 2026) -> int:
    """Print the demo; returns the exit code."""
    cal = OfficialCalendar()
    print(f"Official calendar covers {cal.coverage}; weekly rest: {cal.weekly_rest_source.cite()}")
    print(f"\nDays off and make-up working days {year} (ngày nghỉ, ngày làm bù):")
    print_entries(cal.entries(year))
    print("\nWorked deadlines (n-th working day after the receipt day, receipt day not counted):")
    cases = [
        (date(2025, 1, 24), 3),
        (date(2025, 1, 24), 5),
        (date(2025, 4, 25), 1),
        (date(2025, 12, 31), 2),
        (date(2026, 11, 23), 1),
    ]
    print_table(
        ("received", "n", "due"),
        [
            (
                f"{d.isoformat()} {d:%a}",
                n,
                f"{(r := cal.add_working_days(d, n)).isoformat()} {r:%a}",
            )
            for d, n in cases
        ],
    )
    return 0
