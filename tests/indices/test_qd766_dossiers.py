"""The 766 indicators from dossier data, against published portal responses.

Oracle: fixtures/qd766_portal_phutho_quarter.csv, copied from responses of the national portal's
766 API saved by GitHub ChippedTopaz/qd766 (commit 72417cd9; registry QD766-PORTAL-API).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.dossiers import Period, evaluate, from_columns, summarize
from cchc.errors import ValidationError
from cchc.indices import qd766
from cchc.indices.qd766_dossiers import (
    DOSSIER_INDICATORS,
    Qd766DossierCounts,
    counts_from_stats,
    dossier_figures,
    indicator_rates,
    score_dossier_indicators,
)

Table = Callable[[str], list[dict[str, str]]]
_FIELD = {"1.4": "synced", "2.1": "on_time", "4.1": "e_result", "4.2": "digitised"}
_BASE = {"1.4": "received"}


def test_portal_responses_are_reproduced(table: Table) -> None:
    rows = table("qd766_portal_phutho_quarter.csv")
    checked = 0
    for r in rows:
        if r["indicator"] not in _FIELD:
            continue
        key = r["indicator"]
        data = {"dossiers": int(r["denominator"]), _FIELD[key]: int(r["numerator"])}
        if key in _BASE:
            data[_BASE[key]] = int(r["denominator"])
        counts = Qd766DossierCounts(**data)
        assert indicator_rates(counts)[r["indicator"]] == Decimal(r["ratio"]), r
        card = score_dossier_indicators(counts, unit=r["unit"])
        item = card.item(r["indicator"])
        assert item.points == Decimal(r["score"]), r
        assert item.max_points == Decimal(r["max"]), r
        checked += 1
    assert checked == 33  # 2 rows of 1.4, 13 of 2.1, 9 of 4.1, 9 of 4.2


def test_portal_4_3_threshold_80(table: Table) -> None:
    for r in table("qd766_portal_phutho_quarter.csv"):
        if r["indicator"] == "4.3":
            ratio = Decimal(int(r["numerator"]) * 100) / int(r["denominator"])
            points = qd766.indicator_points("4.3", ratio)
            assert points == Decimal(r["score"]), r


def test_portal_counts_in_progress_within_time_as_on_time(table: Table) -> None:
    # the province's totalOnTime (403,016) exceeds its totalCompleted (375,592)
    parent = next(
        r for r in table("qd766_portal_phutho_quarter.csv") if r["unit"].startswith("UBND tỉnh")
    )
    assert int(parent["numerator"]) > 375_592


def _frame() -> object:
    # one dossier resolved late, one still open and within time at the end of May 2026,
    # one received in May and finished early
    return from_columns(
        received_at=[
            "2026-05-04T09:00:00+07:00",
            "2026-05-25T09:00:00+07:00",
            "2026-05-05T09:00:00+07:00",
        ],
        finished_at=["2026-05-29T16:00:00+07:00", None, "2026-05-06T09:00:00+07:00"],
        amount=[3, 10, 3],
        agency=["Sở A"] * 3,
    )


def test_2_1_counts_in_progress_in_time_from_summarize() -> None:
    frame = _frame()
    row = summarize(frame, evaluate(frame), Period(date(2026, 5, 1), date(2026, 6, 1), "5/2026"))[0]
    assert (row.counts.late, row.counts.in_progress_in_time, row.counts.early) == (1, 1, 1)
    counts = counts_from_stats(row, e_result=2, digitised=1, synced=3)
    rates = indicator_rates(counts, row)
    assert rates["2.1"] == row.rates.on_time_rate_766 == Decimal("66.67")  # 2 of 3
    assert rates["4.1"] == Decimal("66.67") and rates["4.2"] == Decimal("33.33")
    assert rates["1.4"] == Decimal("100.00")  # 3 synced of 3 received in May
    assert rates["3.0"] is None and rates["6.1"] is None  # no data: left out
    figures = dossier_figures(counts, row)
    assert figures.late_rate == row.rates.late_rate_to_handle == Decimal("33.33")
    card = score_dossier_indicators(counts, row)
    assert card.item("3.0").excluded and card.item("6.1").excluded
    assert card.item("2.1").points == Decimal("13.33")  # 66.67/100 × 20


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"dossiers": 10, "e_result": 11}, "more than its base"),
        ({"dossiers": 10, "full_online": 1}, "full_online_base is not"),
        ({"dossiers": 10, "paid_online": 2}, "payment_base is not"),
        ({"dossiers": -1}, "dossiers"),
    ],
)
def test_bad_counts_are_typed_errors(data: dict[str, int], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Qd766DossierCounts.from_data(data)


def test_counts_and_stats_must_agree() -> None:
    frame = _frame()
    row = summarize(frame, evaluate(frame), Period(date(2026, 5, 1), date(2026, 6, 1), "5/2026"))[0]
    with pytest.raises(ValidationError, match="dossiers to handle"):
        indicator_rates(Qd766DossierCounts(dossiers=99), row)
    with pytest.raises(ValidationError, match="statistics row"):
        counts_from_stats(row, dossiers=3)
    with pytest.raises(ValidationError, match="sync_base is not"):
        Qd766DossierCounts.from_data({"dossiers": 3, "synced": 3})  # no received, no base


@settings(deadline=None, max_examples=60)
@given(
    base=st.integers(min_value=1, max_value=10**7),
    shares=st.lists(st.floats(min_value=0, max_value=1), min_size=6, max_size=6),
)
def test_rates_and_points_stay_in_range(base: int, shares: list[float]) -> None:
    parts = [int(base * s) for s in shares]
    counts = Qd766DossierCounts(
        dossiers=base,
        received=base,
        on_time=parts[0],
        synced=parts[1],
        full_online=parts[2],
        full_online_base=base,
        e_result=parts[3],
        digitised=parts[4],
        paid_online=parts[5],
        payment_base=base,
    )
    rates = indicator_rates(counts)
    assert set(rates) == set(DOSSIER_INDICATORS)
    card = score_dossier_indicators(counts)
    for key, value in rates.items():
        assert value is not None and Decimal(0) <= value <= Decimal(100)
        item = card.item(key)
        assert item.points is not None and Decimal(0) <= item.points <= item.max_points
