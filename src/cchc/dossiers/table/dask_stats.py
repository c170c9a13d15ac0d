"""Scale-out statistics with Dask (optional extra ``cchc[dask]``).

Counts are additive (:mod:`cchc.dossiers.table.statistics`), so a dataset larger than
one process holds is summarised partition by partition: each pandas partition
is validated (:func:`~cchc.dossiers.table.frame.from_dataframe`), evaluated and
counted, then the count tables are summed and the rates recomputed from the
sums. The result equals :func:`~cchc.dossiers.table.statistics.summarize` on the whole
data in memory.

Rows of a bad partition are numbered within the partition, and each error
names the row's index label (the partition keeps the dataset's index).

On a cluster (``dask.distributed``), connect a client first and read the data
from storage every worker sees; see the docs section "Scale-out on a cluster".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from cchc._optional import require_extra

try:
    import pandas as pd
except ModuleNotFoundError:  # the pandas extra is missing: say which one to install
    require_extra("pandas", "pandas")
    raise

from cchc._optional import require_extra
from cchc.errors import MissingExtraError
from cchc.tz import VN_TZ

from ..policy import DeadlinePolicy
from ..results import evaluate
from .frame import from_dataframe
from .statistics import (
    COUNT_FIELDS,
    Period,
    StatsCounts,
    StatsRow,
    StatsTable,
    summarize,
)

__all__ = ["counts_table", "dask_summarize", "rows_from_counts"]

KEY_COLUMNS = ("period", "period_start", "period_end", "key")


def counts_table(
    partition: pd.DataFrame,
    periods: Sequence[Period],
    by: str | None = None,
    policy: DeadlinePolicy | str | None = None,
    source: str | None = None,
    as_of: datetime | None = None,
) -> pd.DataFrame:
    """Count table (one row per period and key) of one pandas partition.

    A partition runs on one thread (``workers=1``): Dask already runs the partitions in
    parallel, and threads inside each would oversubscribe the cores."""
    if len(partition) == 0:
        return _empty()
    frame = from_dataframe(partition, source=source)
    results = evaluate(frame, policy=policy, workers=1)
    rows = summarize(frame, results, periods, by=by, as_of=as_of, workers=1)
    return pd.DataFrame(
        [
            {
                "period": r.period,
                "period_start": r.period_start.isoformat(),
                "period_end": r.period_end.isoformat(),
                "key": r.key,
                **{k: _ABSENT if v is None else v for k, v in r.counts.model_dump().items()},
            }
            for r in rows
        ],
        columns=[*KEY_COLUMNS, *COUNT_FIELDS],
    )


_ABSENT = -1
"""A record count whose column the partition lacks (every partition lacks the same ones,
so a summed count below 0 is None again)."""


def _empty() -> pd.DataFrame:
    data: dict[str, Any] = {c: pd.Series(dtype="object") for c in KEY_COLUMNS}
    data.update({c: pd.Series(dtype="int64") for c in COUNT_FIELDS})
    return pd.DataFrame(data)


def rows_from_counts(table: pd.DataFrame, by: str | None = None) -> StatsTable:
    """Summed count table -> :class:`StatsRow` list (rates recomputed), sorted."""
    out = StatsTable()
    ordered = table.sort_values(["period_start", "key"]).to_dict("records")
    for rec in ordered:
        counts = StatsCounts(**{f: None if rec[f] < 0 else int(rec[f]) for f in COUNT_FIELDS})
        out.append(
            StatsRow(
                period=str(rec["period"]),
                period_start=date.fromisoformat(str(rec["period_start"])),
                period_end=date.fromisoformat(str(rec["period_end"])),
                by=by,
                key=str(rec["key"]),
                counts=counts,
                rates=counts.rates(),
            )
        )
    return out


def dask_summarize(
    ddf: Any,
    periods: Sequence[Period],
    *,
    by: str | None = None,
    policy: DeadlinePolicy | str | None = None,
    as_of: datetime | None = None,
    progress: Callable[[int, int], object] | None = None,
) -> StatsTable:
    """Statistics of a ``dask.dataframe.DataFrame`` with the dossier file columns.

    Each partition is counted independently (``map_partitions``); the tables are
    summed by period and key, then computed. ``as_of`` (default: now, fixed once
    here so every partition uses the same moment) as in
    :func:`~cchc.dossiers.table.statistics.summarize`.

    ``progress(done, total)``, if given, is called as each partition is counted
    (``total`` = the number of partitions), on a ``dask.distributed`` client (the
    current one) as on the local schedulers; the small count tables are then
    summed here.
    """
    moment = datetime.now(VN_TZ) if as_of is None else as_of
    counted = ddf.map_partitions(
        counts_table,
        list(periods),
        by,
        policy,
        None,
        moment,
        meta=_empty(),
        align_dataframes=False,
    )
    if progress is None:
        summed = counted.groupby(list(KEY_COLUMNS)).sum().reset_index().compute()
        return rows_from_counts(summed, by=by)
    tables = [_empty(), *_compute_reporting(counted.to_delayed(), progress)]
    summed = pd.concat(tables, ignore_index=True).groupby(list(KEY_COLUMNS)).sum().reset_index()
    return rows_from_counts(summed, by=by)


def _client() -> Any:
    """The current ``dask.distributed`` client, or None."""
    try:
        distributed = require_extra("distributed", "dask")
    except MissingExtraError:
        return None
    try:
        return distributed.get_client()
    except ValueError:  # no client: the local schedulers
        return None


def _compute_reporting(parts: list[Any], progress: Callable[[int, int], object]) -> list[Any]:
    """Compute the delayed partition tables, calling ``progress`` as each one is done."""
    dask = require_extra("dask", "dask")
    callbacks = require_extra("dask.callbacks", "dask")
    total = len(parts)
    client = _client()
    if client is not None:
        futures = client.compute(parts)
        as_completed = require_extra("distributed", "dask").as_completed
        for done, _ in enumerate(as_completed(futures), start=1):
            progress(done, total)
        return list(client.gather(futures))
    wanted = {p.key for p in parts}
    done = 0

    def finished(key: Any, *_: Any) -> None:
        nonlocal done
        if key in wanted:
            done += 1
            progress(done, total)

    with callbacks.Callback(posttask=finished):
        return list(dask.compute(*parts))
