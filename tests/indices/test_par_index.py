"""PAR INDEX result groups and versions against the published results (fixtures/par_index_*)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices import par_index, rank

Table = Callable[[str], list[dict[str, str]]]


def scored(rows: list[dict[str, str]], level: str = "province") -> dict[str, Decimal]:
    return {
        r["unit"]: Decimal(r["par_index_percent"])
        for r in rows
        if r["level"] == level and r["par_index_percent"]
    }


def test_2022_exactly_the_top_two_are_group_a(table: Table) -> None:
    # par_index_2022.csv header: group A (>= 90 %) had 2 provinces; ranks 1-2 are 90.10, 90.09
    ranked = rank(scored(table("par_index_2022.csv")), group=par_index.result_group)
    assert [r.group for r in ranked] == ["A", "A", "B", "B"]
    assert [r.unit for r in ranked[:3]] == ["Quảng Ninh", "Hải Phòng", "Hà Nội"]


def test_2021_groups_and_the_only_province_below_80(table: Table) -> None:
    # par_index_2021.csv: Kiên Giang (79.97, 63rd) the only province below 80 % -> group C
    scores = scored(table("par_index_2021.csv"))
    groups = {u: par_index.result_group(s) for u, s in scores.items()}
    assert [u for u, g in groups.items() if g == "C"] == ["Kiên Giang"]
    assert [u for u, g in groups.items() if g == "A"] == ["Hải Phòng", "Quảng Ninh", "Đà Nẵng"]
    ranked = rank(scores)
    published = {
        r["unit"]: int(r["rank"])
        for r in table("par_index_2021.csv")
        if r["level"] == "province" and r["rank"]
    }
    assert [r.unit for r in ranked if r.unit in published] == sorted(
        published, key=published.__getitem__
    )


@pytest.mark.parametrize(
    ("name", "unit", "group"),
    [
        ("par_index_2019.csv", "Quảng Ninh", "A"),
        ("par_index_2019.csv", "Hà Nội", "B"),
        ("par_index_2023.csv", "Hải Phòng", "A"),
        ("par_index_2023.csv", "Hà Nội", "A"),
        ("par_index_2024.csv", "Hải Phòng", "A"),
        ("par_index_2022.csv", "Đồng Nai", "B"),
    ],
)
def test_published_scores_fall_in_their_group(
    name: str, unit: str, group: str, table: Table
) -> None:
    assert par_index.result_group(scored(table(name))[unit]) == group


def test_group_edges() -> None:
    assert par_index.result_group(Decimal("90")) == "A"
    assert par_index.result_group(Decimal("89.99")) == "B"
    assert par_index.result_group(Decimal("80")) == "B"
    assert par_index.result_group(Decimal("70")) == "C"
    assert par_index.result_group(Decimal("69.99")) is None
    with pytest.raises(ValidationError):
        par_index.result_group(Decimal("100.01"))


def test_versions_and_years() -> None:
    v = par_index.version_in_force(2022)
    assert v.number == "876/QĐ-BNV"
    assert v.signed_on == date(2022, 11, 10)
    ministry = next(s for s in v.structure if s.level == "ministry")
    assert (ministry.areas, ministry.criteria, ministry.sub_criteria) == (7, 38, 97)
    assert ministry.survey_points == Decimal("31.5")
    assert par_index.version_in_force(2021).number == "1149/QĐ-BNV"
    assert par_index.version_in_force(2019).number == "1150/QĐ-BNV"
    assert par_index.version_in_force(2018).signed_on == date(2018, 12, 10)
    # the provincial table of QĐ 876 is not known: no provincial structure row is shipped
    assert not [s for s in v.structure if s.level == "province"]
    with pytest.raises(RuleNotInForceError):
        par_index.version_in_force(2011)


def test_index_percent_normalises_to_100() -> None:
    assert par_index.index_percent(appraised=Decimal("60.09"), survey=Decimal("30")) == Decimal(
        "90.09"
    )
    # without a survey the appraised points are normalised (Hà Nội sub-level rule)
    assert par_index.index_percent(appraised=Decimal("56"), max_points=Decimal("70")) == Decimal(
        "80.00"
    )
    with pytest.raises(ValidationError):
        par_index.index_percent(appraised=Decimal("80"), survey=Decimal("30"))
