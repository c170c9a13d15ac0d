"""Benchmark: how fast a compiled kernel of the common rules can judge a dossier here.

Issue 16 asks :func:`cchc.dossiers.evaluate` for at most 15 ns per dossier (10M rows,
warm, this 2-core machine). ``evaluate`` applies each rule as whole-column NumPy passes
(about 35 per dossier). This script measures the floor a compiled engine would start
from: the rules every dossier goes through, fused into one loop, on the rows that need
nothing else, written twice as a measuring stick (cchc ships neither):

* in Python compiled by numba (``pip install numba``; skipped without it);
* in C compiled by the machine's ``cc -O3 -march=native`` and called through ``ctypes``
  (skipped without a C compiler).

The rules in the loop:

* the receipt rule (``next_opening``, CONV-NEXT-OPENING): the instant itself while the
  office is open, the next session that day, or the first opening of the next working day;
* the period in working days (BLDS 2015 Art 147(2)): the n-th working day after the
  start day (0: the start day rolled forward), ending at the close of office
  (``office_close``, CONV-OFFICE-HOURS), never before the start;
* timeliness by day (TT 01/2018 Art 13(1)): early, on time, late; -1 unfinished.

Each kernel reads the calendar's own day tables and office-hours table, and its answers
are checked equal to ``evaluate``'s on every row before it is timed (the script fails
otherwise).

Run::

    PYTHONPATH=src python benchmarks/compiled_floor.py            # 10 million synthetic rows
    PYTHONPATH=src python benchmarks/compiled_floor.py --n 1000000

Prints, per dossier: each kernel on one thread (wall and CPU, best of 5) and on two
threads (wall, best of 5), and ``evaluate`` on the same rows (wall, best of 3) as a ratio
to each kernel on two threads.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from cchc.calendar import CalendarOps
from cchc.calendar.days import NS_PER_DAY, NS_PER_MINUTE, day_tables
from cchc.dossiers import evaluate, from_columns
from cchc.dossiers.batch import NAT, UNIT_CODES, VN_OFFSET_NS
from cchc.dossiers.policy import get_policy
from cchc.dossiers.table.synthetic import synthetic_columns


def _loop(
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


_C_SOURCE = """
#include <stdint.h>
#define NSD %(day)dLL
#define NSM %(minute)dLL
#define OFF %(offset)dLL
static inline int64_t fdiv(int64_t a, int64_t b) {  /* floor division, as Python's // */
    int64_t q = a / b;
    return q - ((a %% b != 0) & ((a < 0) != (b < 0)));
}
static inline int64_t mx(int64_t a, int64_t b) { return a > b ? a : b; }
static inline int64_t mn(int64_t a, int64_t b) { return a < b ? a : b; }
int64_t kernel(int64_t n, const int64_t *rec, const int64_t *amount, const int64_t *fin,
               int64_t origin, int64_t lo, int64_t hi, const int64_t *is_work,
               const int64_t *cum_before, const int64_t *work_idx,
               const int64_t *next_work_start, const int64_t *ahead, int64_t first_open,
               int64_t day_end, int64_t *due_out, int64_t *start_out, int8_t *code_out) {
    int64_t outside = 0;
    for (int64_t k = 0; k < n; k++) {
        int64_t t = rec[k] + OFF, day = fdiv(t, NSD), i = day - origin;
        if (i < lo || i > hi) { outside++; i = lo; }
        int64_t base = day * NSD;
        int64_t opening = ahead[is_work[i] * 1440 + fdiv(t - base, NSM)] + base;
        int64_t start = mx(mn(opening, next_work_start[i] + first_open), t);
        i = fdiv(start, NSD) - origin;
        if (i < lo || i > hi) { outside++; i = lo; }
        int64_t rank = cum_before[i] + mx(amount[k], 1 - is_work[i]);
        int64_t due = mx((work_idx[rank] + origin) * NSD + day_end, start);
        due_out[k] = due - OFF;
        start_out[k] = start - OFF;
        int64_t f = fin[k], a = fdiv(f + OFF, NSD), b = fdiv(due, NSD);
        code_out[k] = f == INT64_MIN ? -1 : (int8_t)((a > b) - (a < b) + 1);
    }
    return outside;
}
"""

Kernel = Callable[..., int]


def numba_kernel() -> Kernel | None:
    """:func:`_loop` compiled by numba (None without numba)."""
    try:
        import numba
    except ModuleNotFoundError:
        return None
    compiled: Kernel = numba.njit(nogil=True, boundscheck=False)(_loop)
    return compiled


def c_kernel(folder: Path) -> Kernel | None:
    """The same loop in C, compiled with ``cc -O3 -march=native`` (None without a compiler)."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    source = folder / "floor.c"
    source.write_text(
        _C_SOURCE % {"day": NS_PER_DAY, "minute": NS_PER_MINUTE, "offset": VN_OFFSET_NS}
    )
    library = folder / "floor.so"
    cmd = [cc, "-O3", "-march=native", "-shared", "-fPIC", "-o", str(library), str(source)]
    subprocess.run(cmd, check=True)
    func = ctypes.CDLL(str(library)).kernel
    func.restype = ctypes.c_int64
    func.argtypes = [ctypes.c_int64] + [ctypes.c_void_p] * 3 + [ctypes.c_int64] * 3
    func.argtypes += [ctypes.c_void_p] * 5 + [ctypes.c_int64] * 2 + [ctypes.c_void_p] * 3

    def call(*args: Any) -> int:
        ints = (3, 4, 5, 11, 12)  # origin, lo, hi, first_open, day_end
        values = [int(a) if k in ints else a.ctypes.data for k, a in enumerate(args)]
        return int(func(len(args[0]), *values))  # ctypes releases the GIL

    return call


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
    if frame.cutoff is not None:
        plain &= frame.cutoff < 0
    frame = frame.take(np.flatnonzero(plain))
    n = len(frame)

    policy = get_policy(None)
    tables = day_tables(CalendarOps(None, False), columns=True)
    hours = policy.office_hours
    rec = frame.received_at.view(np.int64)
    amount = np.ascontiguousarray(frame.amount, dtype=np.int64)
    fin = frame.finished_at.view(np.int64)
    due = np.empty(n, np.int64)
    start = np.empty(n, np.int64)
    code = np.empty(n, np.int8)
    results = evaluate(frame)
    ev = best(lambda: evaluate(frame), 3, time.perf_counter)
    per = 1e9 / n
    pool = ThreadPoolExecutor(2)
    halves = [slice(0, n // 2), slice(n // 2, n)]
    print(f"{n:,} dossiers of the common path (of {args.n:,} drawn)")
    print(f"cchc evaluate (NumPy), 2 threads : {ev * per:6.1f} ns per dossier")

    with tempfile.TemporaryDirectory() as folder:
        for name, kernel in (("numba", numba_kernel()), ("C -O3", c_kernel(Path(folder)))):
            if kernel is None:
                print(f"{name}: not available here (skipped)")
                continue

            def run(sl: slice, kernel: Kernel = kernel) -> int:
                return kernel(
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

            due.fill(0)
            outside = run(slice(0, n))  # numba compiles here
            same = (
                outside == 0
                and np.array_equal(due, results.due_at.view(np.int64))
                and np.array_equal(start, results.start_at.view(np.int64))
                and np.array_equal(code, results.timeliness)
            )
            if not same:
                sys.exit(f"the {name} kernel's answers differ from evaluate's: fix it first")
            one = best(lambda run=run: run(slice(0, n)), 5, time.perf_counter)
            cpu = best(lambda run=run: run(slice(0, n)), 5, time.process_time)
            two = best(lambda run=run: list(pool.map(run, halves)), 5, time.perf_counter)
            print(
                f"{name:6} kernel, answers equal   : 1 thread {one * per:5.1f} ns (CPU "
                f"{cpu * per:.1f}), 2 threads {two * per:5.1f} ns; evaluate {ev / two:.2f}x"
            )
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs; target for evaluate <= 15 ns")


if __name__ == "__main__":
    main()
