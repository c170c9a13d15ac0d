"""A small local Dask run gives the same statistics as the in-memory path."""

from __future__ import annotations

import pandas as pd
import pytest

from cchc.dossiers.results import evaluate
from cchc.dossiers.table.frame import from_dataframe
from cchc.dossiers.table.statistics import month_periods, summarize
from cchc.dossiers.table.synthetic import synthetic_dataframe

dd = pytest.importorskip("dask.dataframe")
dask = pytest.importorskip("dask")


@pytest.mark.parametrize("by", [None, "field", "agency"])
def test_dask_equals_in_memory(by: str | None) -> None:
    from cchc.dossiers.table.dask_stats import dask_summarize

    parts = [synthetic_dataframe(1500, seed=300 + i) for i in range(4)]
    ddf = dd.from_map(lambda i: parts[i], range(4))
    with dask.config.set(scheduler="synchronous"):
        got = dask_summarize(ddf, month_periods(2025), by=by)
    whole = pd.concat(parts, ignore_index=True)
    frame = from_dataframe(whole)
    expected = summarize(frame, evaluate(frame), month_periods(2025), by=by)
    as_dict = {(r.period, r.key): (r.counts, r.rates) for r in got}
    assert as_dict == {(r.period, r.key): (r.counts, r.rates) for r in expected}
    assert sum(r.counts.received for r in got) == 6000
