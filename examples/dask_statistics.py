"""Statistics of a dossier dataset too large for one process, with Dask partitions.

Each partition (a pandas DataFrame of synthetic dossiers, built lazily from a
seed) is validated, given due dates and timeliness, and counted; the count
tables are summed and the rates (Decimal, 2 places) recomputed from the sums,
so the result equals the in-memory statistics. Needs the ``dask`` extra.

    PYTHONPATH=src python examples/dask_statistics.py                  # 8 x 100,000 dossiers
    PYTHONPATH=src python examples/dask_statistics.py --partitions 200 --rows 1000000
"""

from __future__ import annotations

import argparse
import time

import dask
import dask.dataframe as dd

from cchc.dossiers.scale import dask_summarize
from cchc.dossiers.stats import quarter_periods
from cchc.dossiers.synthetic import synthetic_dataframe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000, help="dossiers per partition")
    args = parser.parse_args()
    rows = args.rows

    def partition(i: int) -> object:
        return synthetic_dataframe(rows, seed=10_000 + i)

    ddf = dd.from_map(partition, range(args.partitions))
    start = time.perf_counter()
    with dask.config.set(scheduler="threads"):
        stats = dask_summarize(ddf, quarter_periods(2025), by="field")
    took = time.perf_counter() - start
    print(
        f"{args.partitions * rows:,} synthetic dossiers in {args.partitions} partitions, "
        f"{took:.1f} s"
    )
    print(
        f"{'quarter':8} {'field':34} {'received':>9} {'resolved':>9} {'late':>7} "
        f"{'766 2.1 %':>9} {'online %':>8}"
    )
    for r in stats:
        c = r.counts
        print(
            f"{r.period:8} {r.key:34} {c.received:9,} {c.resolved:9,} {c.late:7,} "
            f"{r.rates.on_time_rate_766!s:>9} {r.rates.online_share!s:>8}"
        )


if __name__ == "__main__":
    main()
