"""dask_summarize on a distributed LocalCluster (process workers) over Parquet (item 17).

The oracle is the in-memory path: summarize(evaluate(...)) over the same rows.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import cchc
from cchc._optional import require_extra
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.statistics import month_periods, summarize
from cchc.dossiers.table.synthetic import synthetic_dataframe
from cchc.tz import VN_TZ

pd = require_extra("pandas", "pandas")
dd = require_extra("dask.dataframe", "dask")
distributed = require_extra("distributed", "dask")
frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
scale = require_extra("cchc.dossiers.table.dask_stats", "dask")

AS_OF = datetime(2026, 1, 1, tzinfo=VN_TZ)


def test_local_cluster_over_parquet_equals_in_memory(tmp_path: Path) -> None:
    whole = pd.concat([synthetic_dataframe(800, seed=500 + i) for i in range(4)], ignore_index=True)
    dataset = tmp_path / "dossiers.parquet"
    dd.from_pandas(whole, npartitions=4).to_parquet(str(dataset))
    assert len(list(dataset.glob("*.parquet"))) == 4  # a partitioned dataset
    # worker processes import the same cchc as this test
    src = str(Path(cchc.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    calls: list[tuple[int, int]] = []
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            env={"PYTHONPATH": path},
        ) as cluster,
        distributed.Client(cluster),
    ):
        ddf = dd.read_parquet(str(dataset))
        got = scale.dask_summarize(
            ddf,
            month_periods(2025),
            by="agency",
            as_of=AS_OF,
            progress=lambda done, total: calls.append((done, total)),
        )
        plain = scale.dask_summarize(ddf, month_periods(2025), by="agency", as_of=AS_OF)
    frame = frame_mod.from_dataframe(whole)
    expected = summarize(frame, evaluate(frame), month_periods(2025), by="agency", as_of=AS_OF)
    key = lambda rows: {(r.period, r.key): (r.counts, r.rates) for r in rows}  # noqa: E731
    assert key(got) == key(expected) == key(plain)
    assert sum(r.counts.received for r in got) == 3200
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert got.to_pandas().shape[0] == len(expected)


def test_evaluate_reports_progress_per_chunk(monkeypatch: object) -> None:
    import cchc.dossiers.results as results

    frame = frame_mod.from_dataframe(synthetic_dataframe(2500, seed=9))
    monkeypatch.setattr(results, "CHUNK_ROWS", 1000)  # type: ignore[attr-defined]
    calls: list[tuple[int, int]] = []
    results.evaluate(frame, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]
