"""Rankings: ties, groups, change from the previous year; published orders as oracles."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from cchc.errors import ValidationError
from cchc.indices import rank
from cchc.indices.par_index import result_group
from cchc.indices.ranking import competition_ranks

Table = Callable[[str], list[dict[str, str]]]


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    rows = rank({"a": "90", "b": "91", "c": "90", "d": "80"})
    assert [(r.unit, r.rank, r.tied) for r in rows] == [
        ("b", 1, False),
        ("a", 2, True),
        ("c", 2, True),
        ("d", 4, False),
    ]


def test_ascending_ranking() -> None:
    assert competition_ranks({"a": Decimal(3), "b": Decimal(1)}, descending=False) == {
        "a": 2,
        "b": 1,
    }


def test_change_from_previous_year_sipas_2022_2023(table: Table) -> None:
    # sipas_2022/2023.csv: national mean 80.08 -> 82.66 (+2.58 stated by the source)
    before = {
        r["unit"]: r["sipas_percent"]
        for r in table("sipas_2022.csv")
        if r["unit"] == "NATIONAL_MEAN"
    }
    after = {
        r["unit"]: r["sipas_percent"]
        for r in table("sipas_2023.csv")
        if r["unit"] == "NATIONAL_MEAN"
    }
    row = rank(after, previous=before)[0]
    assert row.score_change == Decimal("2.58")


def test_par_index_2022_published_order_and_groups(table: Table) -> None:
    rows = [r for r in table("par_index_2022.csv") if r["par_index_percent"]]
    ministries = {r["unit"]: r["par_index_percent"] for r in rows if r["level"] == "ministry"}
    ranked = rank(ministries, group=result_group)
    assert [(r.unit, r.rank) for r in ranked] == [
        (r["unit"], int(r["rank"])) for r in rows if r["level"] == "ministry"
    ]
    assert [r.group for r in ranked] == ["A", "A", "B"]


def test_rank_change_is_positive_when_moving_up() -> None:
    rows = rank({"x": "95", "y": "90"}, previous={"x": "80", "y": "85", "z": "99"})
    x, y = rows
    assert (x.previous_rank, x.rank, x.rank_change) == (3, 1, 2)
    assert (y.previous_rank, y.rank, y.rank_change) == (2, 2, 0)


def test_unit_without_score_is_an_error() -> None:
    with pytest.raises(ValidationError) as err:
        rank({"a": "90", "b": None})
    assert err.value.item == "b"


def test_seed_000_component_index_change() -> None:
    # seed 000 (Đồng Tháp health department): component index "năm 2018 đạt 93,10%, năm 2019
    # đạt 95,76% (tăng 2,66%)"
    row = rank({"Sở Y tế": "95.76"}, previous={"Sở Y tế": "93.10"})[0]
    assert row.score_change == Decimal("2.66")
