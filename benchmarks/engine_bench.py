"""Benchmark: the dossier engine where users wait, each figure a ratio measured in one run.

Run::

    PYTHONPATH=src python benchmarks/engine_bench.py            # 10 million rows for evaluate
    PYTHONPATH=src python benchmarks/engine_bench.py --n 1000000

Prints, each against the alternative timed in the same process on the same inputs:

* scalar :func:`cchc.dossiers.due_date` against ``numpy.busday_offset`` on one date with the
  official ``busdaycalendar()`` (target: at most 0.8x);
* :meth:`cchc.dossiers.Dossier.deadline` against the same ``numpy.busday_offset`` call
  (target: at most 3x);
* :func:`cchc.dossiers.evaluate` on ``--n`` synthetic dossiers, warm (tables built), in
  nanoseconds per dossier (target: at most 15 ns), with a plain ``numpy.busday_offset``
  over the same receipt column as the alternative.

The scalar figures are CPU times of this process (``time.process_time``, best of 7), so a
busy machine slows both sides alike; evaluate runs on threads and is timed on the wall clock
(best of 3), and its CPU time over all threads is printed too (best of 3). Every receipt is
distinct, so no answer is reused from one call to the next.
"""

from __future__ import annotations

import argparse
import time
import timeit
from collections.abc import Callable

import numpy as np

from cchc.calendar import OfficialCalendar
from cchc.dossiers import due_date, evaluate, from_columns, row_to_dossier
from cchc.dossiers.table.synthetic import synthetic_columns


def cpu(func: Callable[[], object], repeat: int = 7) -> float:
    """Best CPU time of ``func`` over ``repeat`` runs (seconds)."""
    return min(timeit.repeat(func, number=1, repeat=repeat, timer=time.process_time))


def wall(func: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``func`` over ``repeat`` runs (seconds)."""
    return min(timeit.repeat(func, number=1, repeat=repeat, timer=time.perf_counter))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="rows for evaluate")
    parser.add_argument("--sample", type=int, default=5_000, help="dossiers for the scalar runs")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()

    busdays = OfficialCalendar().busdaycalendar()
    sample = from_columns(**synthetic_columns(args.sample, seed=args.seed), naive_is_utc=True)
    dossiers = [row_to_dossier(sample, i) for i in range(len(sample))]
    calls = [(d.received_at, d.amount, d.unit) for d in dossiers]
    days = [np.datetime64(d.received_at.date()) for d in dossiers]
    amounts = [d.amount for d in dossiers]
    for received, amount, unit in calls[:50]:
        due_date(received, amount, unit)  # warm: tables built once per process

    def numpy_scalar() -> None:
        for day, n in zip(days, amounts, strict=True):
            np.busday_offset(day, n, roll="forward", busdaycal=busdays)

    def cchc_scalar() -> None:
        for received, amount, unit in calls:
            due_date(received, amount, unit)

    def cchc_deadline() -> None:
        for dossier in dossiers:
            dossier.deadline()

    count = len(calls)
    t_np = cpu(numpy_scalar) / count
    t_due = cpu(cchc_scalar) / count
    t_dl = cpu(cchc_deadline) / count
    print(f"numpy.busday_offset scalar : {t_np * 1e6:7.2f} us per call")
    print(
        f"due_date scalar            : {t_due * 1e6:7.2f} us per call  "
        f"ratio {t_due / t_np:5.2f}x  (target <= 0.80x)"
    )
    print(
        f"Dossier.deadline()         : {t_dl * 1e6:7.2f} us per call  "
        f"ratio {t_dl / t_np:5.2f}x  (target <= 3.00x)"
    )

    frame = from_columns(**synthetic_columns(args.n, seed=args.seed), naive_is_utc=True)
    evaluate(frame)  # warm
    t_eval = wall(lambda: evaluate(frame))
    t_cpu = min(timeit.repeat(lambda: evaluate(frame), number=1, repeat=3, timer=time.process_time))
    receipt_days = frame.received_at.astype("datetime64[D]")
    offsets = frame.amount
    t_busday = wall(
        lambda: np.busday_offset(receipt_days, offsets, roll="forward", busdaycal=busdays)
    )
    per = t_eval / len(frame) * 1e9
    print(
        f"evaluate warm, {len(frame):,} rows : {t_eval:6.2f} s  {per:6.1f} ns per dossier  "
        f"(target <= 15 ns); numpy.busday_offset on the same receipts "
        f"{t_busday / len(frame) * 1e9:6.1f} ns, ratio {t_eval / t_busday:5.2f}x"
    )
    print(
        f"evaluate CPU time (all threads): {t_cpu / len(frame) * 1e9:6.1f} ns per dossier "
        "(on a shared machine the wall clock waits for the cores; CPU time does not)"
    )


if __name__ == "__main__":
    main()
