"""Benchmark: per-step due moment and lateness of millions of step rows.

Compares, in one run, on the same rows:
- cchc's column path (:func:`cchc.dossiers.steps.step_columns`: NumPy over the calendar's
  working-minute arithmetic, the functions one dossier uses);
- a plain Python loop calling the same rule on one row at a time (a sample, extrapolated),
  and checks that both agree on the sample.

Run: python benchmarks/steps_bench.py [--size N] [--sample N]
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime

import numpy as np

from cchc.dossiers import engine
from cchc.dossiers.instants import NS_PER_MINUTE, local_ns
from cchc.dossiers.steps import step_columns, step_due_ns, step_late_ns, steps_by_unit
from cchc.tz import VN_TZ


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    args = parser.parse_args()

    rng = np.random.default_rng(18)
    lo = local_ns(datetime(2025, 1, 2, tzinfo=VN_TZ))
    span = 300 * 86_400 * 10**9
    start = lo + rng.integers(0, span, args.size)
    budget = rng.choice(np.array([120, 240, 480, 720, 3360]), args.size)
    end = start + rng.integers(0, 10 * 86_400, args.size) * 10**9
    labels = ("Một cửa", "Phòng chuyên môn", "Lãnh đạo Sở", "Văn thư")
    units = rng.integers(0, len(labels), args.size)  # unit codes, as dossier groups are kept

    t0 = time.perf_counter()
    due, late = step_columns(start, end, budget)
    cols = time.perf_counter() - t0
    t0 = time.perf_counter()
    by_unit = steps_by_unit(units, late, labels)
    counting = time.perf_counter() - t0

    pol, ops, tables = engine.setting(None, None)
    hours = pol.office_hours
    n = min(args.sample, args.size)
    t0 = time.perf_counter()
    loop_due, loop_late = [], []
    for s, e, b in zip(start[:n].tolist(), end[:n].tolist(), budget[:n].tolist(), strict=True):
        loop_due.append(step_due_ns(s, b * NS_PER_MINUTE, 0, hours, tables, ops))
        loop_late.append(
            step_late_ns(s, e, b * NS_PER_MINUTE, 0, hours, tables, ops) // NS_PER_MINUTE
        )
    loop = (time.perf_counter() - t0) * args.size / n
    agree = bool(np.array_equal(due[:n], loop_due) and np.array_equal(late[:n], loop_late))
    print(f"rows: {args.size:,}; late steps: {int((late > 0).sum()):,}")
    for row in by_unit:
        print(
            f"  {row.unit}: {row.steps:,} steps, {row.late:,} late, {row.delay_minutes:,} min delay"
        )
    print(f"columns (numpy), due and lateness: {cols:.3f} s; counting by unit: {counting:.3f} s")
    print(f"plain Python loop: {loop:.1f} s (extrapolated from {n:,} rows)")
    print(f"ratio loop / columns: {loop / cols:.0f}x; sample agrees: {agree}")


if __name__ == "__main__":
    main()
