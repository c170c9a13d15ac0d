"""Cost of the ``outcome`` column (stopped dossiers counted apart): load, evaluate and
summarize N synthetic rows without the column, then with it (text names, 80 % finished, one
finished row in ten stopped), best of ``--repeat`` runs, and the ratio with / without.

Without the column the engine does nothing more than before (no mask, four timeliness
bins); with it the load looks each distinct name up once and evaluate writes one mask.

Run: PYTHONPATH=src python benchmarks/outcome_bench.py --rows 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime

import numpy as np

from cchc.dossiers import evaluate, from_columns, month_periods, summarize, year_period
from cchc.tz import VN_TZ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.rows
    rng = np.random.default_rng(2026)
    start = np.datetime64("2026-01-01T01:00", "ns")
    rec = start + rng.integers(0, 360 * 24 * 3600, n).astype("timedelta64[s]")
    fin = rec + rng.integers(3600, 30 * 24 * 3600, n).astype("timedelta64[s]")
    open_rows = rng.random(n) < 0.2
    fin[open_rows] = np.datetime64("NaT")
    outcome = np.where(rng.random(n) < 0.1, "withdrawn", "decided").astype(object)
    outcome[open_rows] = ""
    base = {"received_at": rec, "finished_at": fin, "amount": rng.integers(1, 15, n)}
    as_of = datetime(2027, 1, 1, tzinfo=VN_TZ)
    best: dict[str, list[float]] = {}
    for label, cols in (("without outcome", base), ("with outcome", {**base, "outcome": outcome})):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            frame = from_columns(**cols, naive_is_utc=True)  # type: ignore[arg-type]
            t1 = time.perf_counter()
            res = evaluate(frame)
            t2 = time.perf_counter()
            summarize(frame, res, month_periods(2026), as_of=as_of)
            t3 = time.perf_counter()
            times.append((t1 - t0, t2 - t1, t3 - t2))
        best[label] = [min(t[k] for t in times) for k in range(3)]
        load, ev, summ = best[label]
        print(
            f"{n:,} rows {label}: load {load:.3f} s, evaluate {ev:.3f} s, "
            f"summarize 12 months {summ:.3f} s (best of {args.repeat})"
        )
    ratios = [w / o for w, o in zip(best["with outcome"], best["without outcome"], strict=True)]
    print("with / without: load {:.2f}x, evaluate {:.2f}x, summarize {:.2f}x".format(*ratios))
    (row,) = summarize(frame, res, year_period(2026), as_of=as_of)
    c = row.counts
    print(
        f"2026: to handle {c.to_handle:,} = resolved {c.resolved:,} + stopped {c.stopped:,} "
        f"+ in progress {c.in_progress:,}"
    )


if __name__ == "__main__":
    main()
