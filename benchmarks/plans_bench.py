"""Time completion, overdue tasks and report checks on a large plan.

Run: ``PYTHONPATH=src python benchmarks/plans_bench.py``
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from cchc.calendar import OfficialCalendar
from cchc.plans import Plan, Task, completion, overdue_tasks
from cchc.reporting import build_report, check_report, to_markdown

AREAS = ["the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "che_do_cong_vu"]


def big_plan(n: int) -> Plan:
    tasks = []
    for i in range(n):
        done = i % 3 == 0
        tasks.append(
            Task(
                id=f"T{i}",
                area=AREAS[i % len(AREAS)],
                title=f"Nhiệm vụ {i}",
                owner=f"Đơn vị {i % 25}",
                due=date(2022, 1, 10) + timedelta(days=i % 300),
                status="done" if done else "in_progress",
                completed_on=date(2022, 1, 10) + timedelta(days=i % 320) if done else None,
            )
        )
    return Plan(
        number="1/KH",
        issuer="X",
        signed_on=date(2022, 1, 5),
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        tasks=tasks,
    )


def timed(label: str, fn: object, repeat: int = 3) -> None:
    assert callable(fn)
    best = min(_once(fn) for _ in range(repeat))
    print(f"{label:<45} {best * 1000:9.1f} ms")


def _once(fn: object) -> float:
    assert callable(fn)
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    n = 10_000
    t = time.perf_counter()
    plan = big_plan(n)
    elapsed = (time.perf_counter() - t) * 1000
    print(f"{'build + validate a plan of 10,000 tasks':<45} {elapsed:9.1f} ms")
    cal = OfficialCalendar()
    timed(
        "completion by area and owner (10,000 tasks)", lambda: completion(plan, date(2022, 9, 14))
    )
    timed(
        "overdue tasks (10,000 tasks, calendar)",
        lambda: overdue_tasks(plan, date(2022, 9, 14), calendar=cal),
    )
    report = build_report(plan, "bnv-cchc", "Q3", 2022, online_services=(50, 76))
    timed("check_report x 1,000", lambda: [check_report(report) for _ in range(1000)], 1)
    timed("to_markdown x 1,000", lambda: [to_markdown(report) for _ in range(1000)], 1)


if __name__ == "__main__":
    main()
