"""Cost of the dossier-record columns in the statistics: summarize with and without them.

Builds N synthetic rows (received in 2026, 80 % finished, random record flags), evaluates
them once, then times ``summarize`` over the twelve months of 2026 with the record columns
(case, result_kind, synced, digitised, paid_online, has_fees, and the outcome: one finished
row in ten stopped at the applicant's request) and without, and prints the 766 record counts
and the stopped dossiers of the year.

Run: PYTHONPATH=src python benchmarks/record_counts_bench.py --rows 1000000
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
    n = parser.parse_args().rows
    rng = np.random.default_rng(2026)
    start = np.datetime64("2026-01-01T01:00", "ns")
    rec = start + rng.integers(0, 360 * 24 * 3600, n).astype("timedelta64[s]")
    fin = rec + rng.integers(3600, 30 * 24 * 3600, n).astype("timedelta64[s]")
    fin[rng.random(n) < 0.2] = np.datetime64("NaT")
    base = {"received_at": rec, "finished_at": fin, "amount": rng.integers(1, 15, n)}
    record = {
        "case": rng.choice(["Cấp mới", "Cấp lại", "Gia hạn"], n),
        "result_kind": rng.choice(["paper", "electronic"], n),
        "synced": rng.random(n) < 0.9,
        "digitised": rng.random(n) < 0.5,
        "paid_online": rng.random(n) < 0.3,
        "has_fees": rng.random(n) < 0.6,
        "outcome": np.where(np.isnat(fin), "", np.where(rng.random(n) < 0.1, "stopped", "")),
    }
    as_of = datetime(2027, 1, 1, tzinfo=VN_TZ)
    for label, cols in (
        ("without record columns", base),
        ("with record columns", {**base, **record}),
    ):
        t0 = time.perf_counter()
        frame = from_columns(**cols, naive_is_utc=True)  # type: ignore[arg-type]
        t1 = time.perf_counter()
        res = evaluate(frame)
        t2 = time.perf_counter()
        summarize(frame, res, month_periods(2026), as_of=as_of)
        t3 = time.perf_counter()
        print(
            f"{n:,} rows {label}: load {t1 - t0:.2f} s, evaluate {t2 - t1:.2f} s, "
            f"summarize 12 months {t3 - t2:.3f} s"
        )
    (row,) = summarize(frame, res, year_period(2026), as_of=as_of)
    c = row.counts
    print(
        f"2026: received {c.received:,}, to handle {c.to_handle:,}; 1.4 synced {c.synced:,}; "
        f"4.1 e-result {c.e_result:,}; 4.2 digitised {c.digitised:,}; 6.1 paid online "
        f"{c.paid_online:,} of {c.payment_base:,}; stopped {c.stopped:,} (resolved {c.resolved:,})"
    )


if __name__ == "__main__":
    main()
