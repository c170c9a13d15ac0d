"""Benchmark: due dates, timeliness and statistics for millions of synthetic dossiers.

Run (the measured run, 10 million dossiers)::

    PYTHONPATH=src python benchmarks/dossier_bench.py

It prints the time of each stage of the batch path (validation of the columns,
due dates + timeliness, monthly statistics by field), the batch time per
dossier, the scalar engine's time per dossier on a random sample (the same
dossiers, checked to give the same due dates and timeliness), the ratio, and the
cost of one scalar :func:`cchc.dossiers.due_date` call. Run it with ``--n
1000000`` too: the per-dossier cost must not grow with the number of dossiers.
The synthetic data comes from :mod:`cchc.dossiers.table.synthetic` (reproducible).
The chunks run on the CPUs this process may use (:mod:`cchc.dossiers.table.chunks`);
``--workers 1`` measures one thread.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from cchc.dossiers import due_date
from cchc.dossiers.results import evaluate, row_to_dossier
from cchc.dossiers.table.chunks import CHUNK_ROWS, row_chunks, worker_count
from cchc.dossiers.table.frame import from_columns
from cchc.dossiers.table.statistics import month_periods, summarize, year_period
from cchc.dossiers.table.synthetic import synthetic_columns

CODES = {-1: None, 0: "early", 1: "on_time", 2: "late"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="number of dossiers")
    parser.add_argument("--sample", type=int, default=2_000, help="scalar sample size")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument(
        "--workers", type=int, default=None, help="threads for the chunks (default: the CPUs)"
    )
    args = parser.parse_args()

    t = time.perf_counter()
    cols = synthetic_columns(args.n, seed=args.seed)
    gen = time.perf_counter() - t
    run_start = t

    t0 = time.perf_counter()
    frame = from_columns(**cols, naive_is_utc=True)
    t1 = time.perf_counter()
    results = evaluate(frame, workers=args.workers)
    t2 = time.perf_counter()
    monthly = summarize(frame, results, month_periods(2025), by="field", workers=args.workers)
    total = summarize(frame, results, year_period(2025), workers=args.workers)[0]
    t3 = time.perf_counter()
    batch_total = t3 - t0

    rng = np.random.default_rng(args.seed)
    sample = rng.choice(len(frame), size=min(args.sample, len(frame)), replace=False)
    dossiers = [row_to_dossier(frame, int(i)) for i in sample]
    s0 = time.perf_counter()
    scalar = [(d.deadline(), d.timeliness()) for d in dossiers]
    scalar_time = time.perf_counter() - s0
    for i, (dl, timeliness) in zip(sample, scalar, strict=True):
        due = np.datetime64(dl.due_at.replace(tzinfo=None) - dl.due_at.utcoffset(), "ns")
        assert due == results.due_at[i], f"row {i}: batch and scalar due dates differ"
        assert CODES[int(results.timeliness[i])] == (timeliness.value if timeliness else None)

    # scalar due_date (the public one-dossier call) on the sampled receipts and limits
    calls = [(d.received_at, d.amount, d.unit) for d in dossiers]
    for received, amount, unit in calls:
        due_date(received, amount, unit)  # warm (tables built once per process)
    repeat = max(1, 20_000 // max(1, len(calls)))
    d0 = time.perf_counter()
    for _ in range(repeat):
        for received, amount, unit in calls:
            due_date(received, amount, unit)
    per_due_date = (time.perf_counter() - d0) / (repeat * len(calls))

    whole = time.perf_counter() - run_start
    per_batch = batch_total / len(frame)
    per_scalar = scalar_time / len(dossiers)
    threads = worker_count(args.workers, len(row_chunks(len(frame), CHUNK_ROWS)))
    print(f"dossiers: {len(frame):,}  (cpus visible: {os.cpu_count()}, threads: {threads})")
    print(f"synthetic generation:    {gen:6.2f} s (not part of the batch total)")
    print(f"validate columns:        {t1 - t0:6.2f} s")
    print(f"due dates + timeliness:  {t2 - t1:6.2f} s")
    print(f"summary (12 months x {len(monthly) // 12} fields + year total): {t3 - t2:6.2f} s")
    print(f"batch total:             {batch_total:6.2f} s  ({per_batch * 1e6:.3f} us/dossier)")
    print(
        f"scalar engine, {len(dossiers):,} sampled dossiers: {scalar_time:.2f} s "
        f"({per_scalar * 1e6:.1f} us/dossier), same results as the batch"
    )
    print(f"speed-up batch vs scalar per dossier: {per_scalar / per_batch:,.0f}x")
    print(
        f"scalar due_date: {per_due_date * 1e6:.2f} us/call "
        f"({repeat * len(calls):,} calls on the sampled receipts)"
    )
    print(f"whole run (generation, batch, scalar sample, checks): {whole:.2f} s")
    c = total.counts
    print(
        f"2025 total: received {c.received:,}, resolved {c.resolved:,}, early {c.early:,}, "
        f"on time {c.on_time:,}, late {c.late:,}, 766 on-time rate "
        f"{total.rates.on_time_rate_766}%, online share {total.rates.online_share}%"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
