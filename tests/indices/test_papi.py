"""PAPI dimension sums against the 2023 PAPI report, Table 3.6 (fixtures/papi_2023.csv)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from cchc.errors import ValidationError
from cchc.indices import papi

Table = Callable[[str], list[dict[str, str]]]
SUBS = [
    "sd6_1_public_health",
    "sd6_2_public_primary_education",
    "sd6_3_basic_infrastructure",
    "sd6_4_law_and_order",
]


def test_every_row_of_table_3_6_is_consistent(table: Table) -> None:
    rows = table("papi_2023.csv")
    assert len(rows) == 18
    for row in rows:
        check = papi.check_dimension(6, row["d6_public_service_delivery"], [row[s] for s in SUBS])
        assert check.consistent, row["province"]
        # indices.md §7: |diff| <= 0.0002 (in fact <= 0.0001) on every row
        assert abs(check.difference) <= Decimal("0.0001"), row["province"]


def test_a_wrong_dimension_is_reported_with_its_gap(table: Table) -> None:
    row = table("papi_2023.csv")[0]  # Ha Noi 7.8486
    check = papi.check_dimension("d6", "7.9486", [row[s] for s in SUBS])
    assert not check.consistent
    assert check.difference == Decimal("0.1000")
    assert check.expected == Decimal("7.8486")


def test_mapping_of_named_subdimensions() -> None:
    values = {"sd6_1": "1.7029", "sd6_2": "1.957", "sd6_3": "2.2548", "sd6_4": "1.9339"}
    assert papi.check_dimension("Public Service Delivery", "7.8486", values).consistent
    with pytest.raises(ValidationError, match="sub-dimensions of d6"):
        papi.check_dimension("d6", "7.8486", {"x": "1", "sd6_2": "1", "sd6_3": "1", "sd6_4": "1"})
    with pytest.raises(ValidationError, match="4 sub-dimensions"):
        papi.check_dimension("d6", "7.8486", ["1.7", "1.9"])


def test_unknown_dimension() -> None:
    with pytest.raises(ValidationError, match="unknown PAPI dimension"):
        papi.check_dimension(9, "1", ["1"])


def test_hai_duong_2021_newspaper_row_is_flagged_inconsistent(table: Table) -> None:
    # papi_2021.csv header: the printed dimensions add to 43.22, not the printed 42.68
    row = table("papi_2021.csv")[0]
    dims = [row[f"d{n}"] for n in range(1, 9)]
    check = papi.check_total(row["papi_total"], dims)
    assert not check.consistent
    assert check.difference == Decimal("-0.54")


def test_total_scale_is_80_brvt_2021() -> None:
    # baobariavungtau.com.vn: "40,62/80 điểm, đạt tỷ lệ 50,77%". 40.62 is itself rounded to
    # 2 decimals, so the exact percentage lies in [40.615, 40.625] / 80 × 100.
    low = papi.percent_of_maximum("40.615")
    high = papi.percent_of_maximum("40.625")
    assert low <= Decimal("50.77") <= high
    with pytest.raises(ValidationError):
        papi.percent_of_maximum("81")


def test_quang_ninh_2020_dimensions_are_within_scale(table: Table) -> None:
    row = table("papi_2020.csv")[0]
    assert Decimal(row["papi_total"]) <= 80
    assert papi.percent_of_maximum(row["papi_total"]) < 100
