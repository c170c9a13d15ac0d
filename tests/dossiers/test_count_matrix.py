"""The one-pass counts of ``summarize`` from one joint histogram equal those from one
histogram per count, and the period-by-period counts (issue 16 item 4).

:func:`~cchc.dossiers.table.counting.count_matrix` takes every histogram it needs as a
margin of one joint histogram when the cells are few (a year, the months of a year in
total), else one ``bincount`` each. The oracle is the period-by-period path
(:func:`~cchc.dossiers.table.counting.count_arrays`, one mask per count), which the
non-contiguous order of the same periods takes. The periods, the grouping and the outcome
column (a fifth timeliness bin: stopped) vary.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest

from cchc._optional import require_extra
from cchc.dossiers import evaluate, month_periods, quarter_periods, summarize, year_period
from cchc.dossiers.table import counting
from cchc.tz import VN_TZ

synthetic = require_extra("cchc.dossiers.table.synthetic", "pandas")
frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
AS_OF = datetime(2027, 1, 1, tzinfo=VN_TZ)


def _frame(outcome: bool) -> object:
    cols = synthetic.synthetic_columns(4000, seed=5)
    if outcome:
        rng = np.random.default_rng(3)
        names = np.array(["decided", "withdrawn", "refused", "returned"], dtype=object)
        picked = names[rng.integers(0, len(names), len(cols["received_at"]))]
        cols["outcome"] = np.where(np.isnat(cols["finished_at"]), None, picked)
        n = len(picked)  # the record counts: among received, to handle, to judge
        kinds = np.array(["paper", "electronic", None], dtype=object)
        cols["result_kind"] = kinds[rng.integers(0, 3, n)]
        for flag in ("synced", "digitised", "paid_online", "has_fees"):
            cols[flag] = rng.random(n) < 0.5
    return frame_mod.from_columns(**cols, naive_is_utc=True)


def _counts(rows: list[object]) -> dict[tuple[str, str], object]:
    return {(r.period, r.key): r.counts for r in rows}  # type: ignore[attr-defined]


@pytest.mark.parametrize("outcome", [False, True])
@pytest.mark.parametrize("by", [None, "field", "procedure_code"])
@pytest.mark.parametrize(
    "periods",
    [[year_period(2025)], quarter_periods(2025), month_periods(2025), month_periods(2025)[3:5]],
    ids=["year", "quarters", "months", "two months"],
)
def test_joint_and_separate_histograms_equal_the_period_by_period_counts(
    monkeypatch: pytest.MonkeyPatch, outcome: bool, by: str | None, periods: list[object]
) -> None:
    frame = _frame(outcome)
    results = evaluate(frame)  # type: ignore[arg-type]
    args = (frame, results)
    apart = [*periods[::-1], year_period(2023)]  # not contiguous: the per-period path
    assert not counting.contiguous(apart)  # type: ignore[arg-type]
    oracle = _counts(summarize(*args, apart, by=by, as_of=AS_OF))  # type: ignore[arg-type]
    oracle = {k: v for k, v in oracle.items() if k[0] != "2023"}
    for cells in (0, 1 << 30):  # every histogram apart; one joint histogram
        monkeypatch.setattr(counting, "_JOINT_CELLS", cells)
        got = _counts(summarize(*args, periods, by=by, as_of=AS_OF))  # type: ignore[arg-type]
        assert got == oracle
    assert any(c.resolved for c in oracle.values())  # type: ignore[attr-defined]
    assert any(c.in_progress_overdue for c in oracle.values())  # type: ignore[attr-defined]
    if outcome:
        assert any(c.stopped for c in oracle.values())  # type: ignore[attr-defined]
        assert any(c.e_result for c in oracle.values())  # type: ignore[attr-defined]
