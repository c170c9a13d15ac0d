"""Statistics of a dossier dataset too large for one process, with Dask partitions.

Each partition (a pandas DataFrame of synthetic dossiers, built lazily from a
seed) is validated, given due dates and timeliness, and counted; the count
tables are summed and the rates (Decimal, 2 places) recomputed from the sums,
so the result equals the in-memory statistics. Needs the ``dask`` extra.

    PYTHONPATH=src python examples/dask_statistics.py                  # 8 x 100,000 dossiers
    PYTHONPATH=src python examples/dask_statistics.py --partitions 200 --rows 1000000
    PYTHONPATH=src python examples/dask_statistics.py --cluster 2      # 2 worker processes
    PYTHONPATH=src python examples/dask_statistics.py --scheduler tcp://host:8786

With ``--cluster N`` the partitions are counted on a ``dask.distributed``
LocalCluster of N worker processes, with ``--scheduler`` on a running cluster
(every worker needs cchc installed); progress is printed as partitions finish.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator
from typing import Any

import dask
import dask.dataframe as dd

from cchc.dossiers.table.dask_stats import dask_summarize
from cchc.dossiers.table.statistics import quarter_periods
from cchc.dossiers.table.synthetic import synthetic_dataframe


@contextlib.contextmanager
def _client(workers: int, address: str | None) -> Iterator[Any]:
    """A distributed client (LocalCluster of processes, or a scheduler), or None."""
    if not workers and address is None:
        yield None
        return
    from dask.distributed import Client, LocalCluster

    if address is not None:
        with Client(address) as client:
            yield client
        return
    env = {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    with (
        LocalCluster(
            n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None, env=env
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _progress(done: int, total: int) -> None:
    print(
        f"\r  partitions counted: {done}/{total}",
        end="\n" if done == total else "",
        file=sys.stderr,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--rows", type=int, default=100_000, help="dossiers per partition")
    parser.add_argument("--cluster", type=int, default=0, help="local worker processes (0: none)")
    parser.add_argument("--scheduler", default=None, help="address of a running dask scheduler")
    args = parser.parse_args()
    rows = args.rows

    def partition(i: int) -> object:
        return synthetic_dataframe(rows, seed=10_000 + i)

    ddf = dd.from_map(partition, range(args.partitions))
    start = time.perf_counter()
    with _client(args.cluster, args.scheduler) as client:
        if client is None:
            with dask.config.set(scheduler="threads"):
                stats = dask_summarize(ddf, quarter_periods(2025), by="field", progress=_progress)
        else:
            stats = dask_summarize(ddf, quarter_periods(2025), by="field", progress=_progress)
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
