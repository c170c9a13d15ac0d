"""Due dates across Tết 2025 and the 2026 New Year swap, supplements, rescheduling,
and statistics of the bundled synthetic dataset.

    PYTHONPATH=src python examples/dossier_deadlines.py
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources

from cchc._data import data_path
from cchc.dossiers import Channel, Dossier, Event, EventKind, compute_due, due_date
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.frame import read_csv
from cchc.dossiers.table.reminders import due_soon, open_as_of
from cchc.dossiers.table.statistics import summarize, year_period
from cchc.errors import LifecycleError
from cchc.tz import VN_TZ


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


def show(
    label: str,
    received: datetime,
    amount: int,
    unit: str = "working_days",
    policy: str = "next_opening",
) -> None:
    r = compute_due(received, amount, unit, policy=policy)
    print(
        f"  {label:44} received {received:%a %d/%m/%Y %H:%M} -> due "
        f"{r.due_at:%a %d/%m/%Y %H:%M} ({r.rules.value.name}, {policy})"
    )


def main() -> None:
    print("Due dates (ngày hẹn trả):")
    show("Friday before Tết 2025, 5 working days", vn(2025, 1, 24, 9, 0), 5)
    show("Saturday online, next opening", vn(2025, 1, 18, 20, 15), 5)
    show("Saturday online, as recorded", vn(2025, 1, 18, 20, 15), 5, policy="as_recorded")
    show("15:30 with a 15:00 cut-off", vn(2025, 1, 24, 15, 30), 5, policy="cutoff_15h")
    show("New Year 2026: 31/12, 3 working days", vn(2025, 12, 31, 10, 0), 3)
    show("New Year 2026: Sat 03/01 online, 5 days", vn(2026, 1, 3, 10, 0), 5)
    show("20 calendar days ending in Tết", vn(2025, 1, 10, 9, 0), 20, "days")
    show("8 working hours (ND 118 online check)", vn(2025, 7, 4, 16, 0), 8, "hours")

    base = [
        Event(kind=EventKind.RECEIVED, at=vn(2025, 3, 3, 9, 0)),
        Event(kind=EventKind.SUPPLEMENT_REQUESTED, at=vn(2025, 3, 5, 10, 0)),
        Event(kind=EventKind.SUPPLEMENT_RECEIVED, at=vn(2025, 3, 10, 14, 0)),
    ]
    d = Dossier(channel=Channel.IN_PERSON, amount=10, events=tuple(base))
    print("\nSupplement requested 05/03, received 10/03 (10 working days from 03/03):")
    print(f"  restart (ND 61/2018 Art 19(4)):        due {d.due_date():%a %d/%m/%Y %H:%M}")
    print(
        f"  subtract waiting (766 portal):         due "
        f"{d.due_date(policy='portal_766'):%a %d/%m/%Y %H:%M}"
    )

    twice = Dossier(
        channel=Channel.ONLINE,
        amount=10,
        events=(
            base[0],
            Event(
                kind=EventKind.RESCHEDULED,
                at=vn(2025, 3, 14, 16, 0),
                new_due_at=vn(2025, 3, 21, 17, 0),
            ),
            Event(
                kind=EventKind.RESCHEDULED,
                at=vn(2025, 3, 19, 16, 0),
                new_due_at=vn(2025, 3, 28, 17, 0),
            ),
        ),
    )
    try:
        twice.deadline()
    except LifecycleError as exc:
        print(f"\nSecond rescheduling refused: {exc}")

    path = data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv")
    with resources.as_file(path) as csv_path:
        frame = read_csv(csv_path)
    results = evaluate(frame)
    print(f"\nBundled synthetic dataset ({len(frame)} dossiers), 2025 by field:")
    for row in summarize(frame, results, year_period(2025), by="field"):
        c, r = row.counts, row.rates
        print(
            f"  {row.key:34} resolved {c.resolved:4}  early {c.early:4}  on time {c.on_time:3}"
            f"  late {c.late:3}  766 2.1: {r.on_time_rate_766}%  online {r.online_share}%"
        )
    as_of = vn(2025, 12, 15, 9, 0)
    # open on 15/12 = received by then and not finished by then (finished later counts too)
    open_rows = open_as_of(frame, as_of)
    soon = due_soon(frame, results, as_of, 2)
    print(
        f"Reminders on 15/12/2025: {int(open_rows.sum())} open dossier(s), "
        f"{int(soon.sum())} due within 2 working days"
    )
    print(f"Check: {due_date(vn(2025, 1, 24, 9, 0), 5).isoformat()}")


if __name__ == "__main__":
    main()
