"""Benchmark: how fast a compiled kernel of the common rules can judge a dossier here.

Issue 16 asks :func:`cchc.dossiers.evaluate` for at most 15 ns per dossier (10M rows,
warm, this 2-core machine). ``evaluate`` applies each rule as whole-column NumPy passes
(about 35 per dossier). This script measures the floor a compiled engine would start
from: the rules every dossier goes through, fused into one loop compiled by numba
(``pip install numba``; not a cchc dependency), on the rows that need nothing else:

* the receipt rule (``next_opening``, CONV-NEXT-OPENING): the instant itself while the
  office is open, the next session that day, or the first opening of the next working day;
* the period in working days (BLDS 2015 Art 147(2)): the n-th working day after the
  start day (0: the start day rolled forward), ending at the close of office
  (``office_close``, CONV-OFFICE-HOURS), never before the start;
* timeliness by day (TT 01/2018 Art 13(1)): early, on time, late; -1 unfinished.

The kernel reads the calendar's own day tables and office-hours table, and its answers
are checked equal to ``evaluate``'s on every row before anything is timed (the script
fails otherwise). It is a measuring stick, not a second engine: cchc does not ship it.

Run::

    PYTHONPATH=src python benchmarks/compiled_floor.py            # 10 million synthetic rows
    PYTHONPATH=src python benchmarks/compiled_floor.py --n 1000000

Prints, per dossier: the kernel on one thread and on two (wall clock, best of 5), its CPU
time, and ``evaluate`` on the same rows (wall, best of 3), with the ratio.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import timeit
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from cchc.calendar import CalendarOps
from cchc.calendar.days import NS_PER_DAY, NS_PER_MINUTE, day_tables
from cchc.dossiers import evaluate, from_columns
from cchc.dossiers.batch import NAT, UNIT_CODES, VN_OFFSET_NS
from cchc.dossiers.policy import get_policy
from cchc.dossiers.table.synthetic import synthetic_columns

try:
    import numba
except ModuleNotFoundError:
    sys.exit("compiled_floor.py measures a numba kernel: pip install numba")


@numba.njit(nogil=True, boundscheck=False, error_model="numpy")  # type: ignore[misc]
def _kernel(
    rec: Any,
    amount: Any,
    fin: Any,
    origin: int,
    lo: int,
    hi: int,
    is_work: Any,
    cum_before: Any,
    work_idx: Any,
    next_work_start: Any,
    ahead: Any,
    first_open: int,
    day_end: int,
    due_out: Any,
    start_out: Any,
    code_out: Any,
) -> int:
    """Due, start (UTC ns) and timeliness code of each row; returns the number of rows whose
    day fell outside the official coverage (their answers are not used)."""
    outside = 0
    for k in range(rec.size):
        t = rec[k] + VN_OFFSET_NS
        day = t // NS_PER_DAY
        i = day - origin
        if i < lo or i > hi:
            outside += 1
            i = lo
        base = day * NS_PER_DAY
        opening = ahead[is_work[i] * 1440 + (t - base) // NS_PER_MINUTE] + base
        start = max(min(opening, next_work_start[i] + first_open), t)
        i = start // NS_PER_DAY - origin
        if i < lo or i > hi:
            outside += 1
            i = lo
        rank = cum_before[i] + max(amount[k], 1 - is_work[i])
        due = max((work_idx[rank] + origin) * NS_PER_DAY + day_end, start)
        due_out[k] = due - VN_OFFSET_NS
        start_out[k] = start - VN_OFFSET_NS
        f = fin[k]
        a = (f + VN_OFFSET_NS) // NS_PER_DAY
        b = due // NS_PER_DAY
        code_out[k] = -1 if f == NAT else (a > b) - (a < b) + 1
    return outside


def best(func: Callable[[], object], repeat: int, timer: Callable[[], float]) -> float:
    """Best time of ``func`` over ``repeat`` runs (seconds)."""
    return min(timeit.repeat(func, number=1, repeat=repeat, timer=timer))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="synthetic rows drawn")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()

    frame = from_columns(**synthetic_columns(args.n, seed=args.seed), naive_is_utc=True)
    plain = (frame.unit == UNIT_CODES["working_days"]) & np.isnat(frame.supplement_requested_at)
    plain &= np.isnat(frame.rescheduled_due_at) & np.isnat(frame.payment_requested_at)
    for column in (frame.cutoff,):
        if column is not None:
            plain &= column < 0
    frame = frame.take(np.flatnonzero(plain))
    n = len(frame)

    policy = get_policy(None)
    tables = day_tables(CalendarOps(None, False), columns=True)
    hours = policy.office_hours
    rec = frame.received_at.view(np.int64)
    amount = np.asarray(frame.amount, dtype=np.int64)
    fin = frame.finished_at.view(np.int64)
    due = np.empty(n, np.int64)
    start = np.empty(n, np.int64)
    code = np.empty(n, np.int8)

    def run(sl: slice) -> int:
        return int(
            _kernel(
                rec[sl],
                amount[sl],
                fin[sl],
                tables.origin,
                tables.lo,
                tables.hi,
                tables.is_work,
                tables.cum_before,
                tables.work_idx,
                tables.next_work_start,
                hours.openings_ahead,
                hours.sessions_ns[0][0],
                policy.day_end_ns,
                due[sl],
                start[sl],
                code[sl],
            )
        )

    outside = run(slice(0, n))  # compiles, then the check against evaluate
    results = evaluate(frame)
    same = (
        outside == 0
        and np.array_equal(due, results.due_at.view(np.int64))
        and np.array_equal(start, results.start_at.view(np.int64))
        and np.array_equal(code, results.timeliness)
    )
    if not same:
        sys.exit("the kernel's answers differ from evaluate's: fix the kernel before timing it")

    pool = ThreadPoolExecutor(2)
    halves = [slice(0, n // 2), slice(n // 2, n)]
    one = best(lambda: run(slice(0, n)), 5, time.perf_counter)
    cpu = best(lambda: run(slice(0, n)), 5, time.process_time)
    two = best(lambda: list(pool.map(run, halves)), 5, time.perf_counter)
    ev = best(lambda: evaluate(frame), 3, time.perf_counter)
    print(f"{n:,} dossiers of the common path (of {args.n:,} drawn), answers equal to evaluate's")
    per = 1e9 / n
    print(f"compiled kernel, 1 thread  : {one * per:6.1f} ns per dossier (CPU {cpu * per:.1f})")
    print(f"compiled kernel, 2 threads : {two * per:6.1f} ns per dossier")
    print(
        f"cchc evaluate (NumPy)      : {ev * per:6.1f} ns per dossier ({ev / two:.2f}x the kernel)"
    )
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs; target for evaluate <= 15 ns")


if __name__ == "__main__":
    main()
