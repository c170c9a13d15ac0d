"""The generic scoring engine: rules, rounding, exclusions, evidence, lost points, comparison."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from cchc.errors import ValidationError
from cchc.indices import compare, get_framework, load_framework, score


def framework(**extra: Any) -> Any:
    data: dict[str, Any] = {
        "id": "s",
        "name": "Scoring test",
        "version": "1",
        "kind": "example",
        "assumption": "test data",
        "groups": [{"label": "A", "min": 90}, {"label": "B", "min": 80}],
        "areas": [
            {
                "id": "1",
                "name": "Rules",
                "max_points": 16,
                "children": [
                    {
                        "id": "d",
                        "name": "direct",
                        "max_points": 3,
                        "rule": {"kind": "direct"},
                        "self_assessed": True,
                    },
                    {
                        "id": "y",
                        "name": "yes/no",
                        "max_points": 2,
                        "rule": {"kind": "yes_no"},
                        "self_assessed": True,
                    },
                    {
                        "id": "b",
                        "name": "bands",
                        "max_points": 4,
                        "rule": {
                            "kind": "bands",
                            "bands": [
                                {"min": 100, "points": 4},
                                {"min": 90, "below": 100, "points": 2},
                            ],
                            "otherwise": 1,
                        },
                    },
                    {
                        "id": "p",
                        "name": "proportional",
                        "max_points": 6,
                        "rule": {"kind": "proportional", "full_marks_at": 90, "zero_below": 50},
                    },
                    {
                        "id": "x",
                        "name": "deduction",
                        "max_points": 1,
                        "rule": {"kind": "deduction", "per_unit": 0.25},
                    },
                ],
            },
            {"id": "2", "name": "Survey", "max_points": 4, "rule": {"kind": "direct"}},
        ],
    }
    data.update(extra)
    return load_framework(data)


FULL = {"d": 3, "y": True, "b": 100, "p": 95, "x": 0, "2": 4}


def test_each_rule_kind() -> None:
    card = score(framework(), {"d": "2.5", "y": "không", "b": 95, "p": "86.5", "x": 3, "2": 3})
    pts = {i.id: i.points for i in card.items}
    assert pts == {
        "d": Decimal("2.50"),
        "y": Decimal("0"),
        "b": Decimal("2"),
        "p": Decimal("5.77"),
        "x": Decimal("0.25"),
        "2": Decimal("3.00"),
    }
    card = score(framework(), {"d": 0, "y": "có", "b": 10, "p": 49, "x": 9, "2": 0})
    pts = {i.id: i.points for i in card.items}
    assert pts["y"] == 2
    assert pts["b"] == 1
    assert pts["p"] == 0
    assert pts["x"] == 0


def test_totals_index_and_group() -> None:
    card = score(framework(), FULL)
    assert card.total_points == card.max_points == Decimal(20)
    assert card.index_percent == Decimal("100.00")
    assert card.group == "A"
    card = score(framework(), {**FULL, "b": 95, "2": "1.5"})  # 20 - 2 - 2.5 = 15.5 -> 77.5 %
    assert card.total_points == Decimal("15.50")
    assert card.index_percent == Decimal("77.50")
    assert card.group is None
    assert card.area("1").percent == Decimal("87.50")
    assert card.subtotal("1") == (Decimal("14.00"), Decimal(16))


def test_points_lost_ranked() -> None:
    card = score(framework(), {**FULL, "b": 95, "2": "1.5", "x": 1})
    assert [(i.id, i.lost) for i in card.points_lost()] == [
        ("2", Decimal("2.50")),
        ("b", Decimal("2")),
        ("x", Decimal("0.25")),
    ]
    assert [i.id for i in card.points_lost(top=1)] == ["2"]


def test_appraisal_and_evidence() -> None:
    inputs: dict[str, Any] = {
        **FULL,
        "d": {"value": 3, "appraised": 2, "evidence": "KH 1"},
        "y": {"value": True},
    }
    card = score(framework(), inputs)
    d = card.item("d")
    assert (d.self_value, d.value, d.points, d.appraised) == ("3", "2", Decimal("2.00"), True)
    assert d.evidence == ("KH 1",)
    assert card.missing_evidence == ("y",)


def test_no_data_is_left_out_of_points_and_maximum() -> None:
    card = score(framework(), {**FULL, "2": None})
    assert card.max_points == Decimal(16)
    assert card.item("2").excluded
    assert card.area("2").percent is None
    assert card.index_percent == Decimal("100.00")


def test_input_errors_name_the_item() -> None:
    with pytest.raises(ValidationError, match="no input") as err:
        score(framework(), {k: v for k, v in FULL.items() if k != "p"})
    assert err.value.item == "p"
    with pytest.raises(ValidationError, match="no scored item") as err:
        score(framework(), {**FULL, "zz": 1})
    assert err.value.item == "zz"
    with pytest.raises(ValidationError, match=r"outside 0\.\.3") as err:
        score(framework(), {**FULL, "d": 4})
    assert err.value.item == "d"
    with pytest.raises(ValidationError, match="yes/no") as err:
        score(framework(), {**FULL, "y": "maybe"})
    assert err.value.item == "y"
    with pytest.raises(ValidationError, match="not a number") as err:
        score(framework(), {**FULL, "b": "many"})
    with pytest.raises(ValidationError, match="negative") as err:
        score(framework(), {**FULL, "x": -1})
    with pytest.raises(ValidationError, match="unknown input keys"):
        score(framework(), {**FULL, "d": {"valu": 1}})
    with pytest.raises(ValidationError, match="yes/no answer"):
        score(framework(), {**FULL, "b": True})


def test_rounding_modes() -> None:
    fw = framework(rounding={"points_places": 1, "percent_places": 1, "mode": "down"})
    card = score(fw, {**FULL, "p": "86.5"})  # 5.766.. -> 5.7 (down)
    assert card.item("p").points == Decimal("5.7")
    fw = framework(rounding={"points_places": 2, "percent_places": 2, "mode": "half_even"})
    card = score(fw, {**FULL, "d": "0.125"})
    assert card.item("d").points == Decimal("0.12")


def test_weighted_mean_renormalises_when_an_area_has_no_data() -> None:
    fw = load_framework(
        {
            "id": "w",
            "name": "w",
            "version": "1",
            "kind": "example",
            "assumption": "t",
            "aggregation": "weighted_mean",
            "weights_total": 100,
            "areas": [
                {
                    "id": "a",
                    "name": "a",
                    "max_points": 10,
                    "weight": 75,
                    "rule": {"kind": "direct"},
                },
                {
                    "id": "b",
                    "name": "b",
                    "max_points": 10,
                    "weight": 25,
                    "rule": {"kind": "direct"},
                },
            ],
        }
    )
    assert score(fw, {"a": 8, "b": 4}).index_percent == Decimal("70.00")  # (75×80+25×40)/100
    assert score(fw, {"a": 8, "b": None}).index_percent == Decimal("80.00")


def test_year_over_year_comparison() -> None:
    before = score(framework(), {**FULL, "b": 95, "2": 2}, period="2023")
    after = score(framework(), {**FULL, "2": 3, "x": 2}, period="2024")
    cmp = compare(before, after)
    assert (cmp.index_before, cmp.index_after) == (Decimal("80.00"), Decimal("92.50"))
    assert cmp.index_change == Decimal("12.50")
    assert [(c.id, c.change) for c in cmp.items] == [
        ("x", Decimal("-0.50")),
        ("2", Decimal("1.00")),
        ("b", Decimal("2")),
    ]
    assert cmp.areas[0].change == Decimal("9.38")  # 96.88 (15.5/16, half up) - 87.50
    with pytest.raises(ValidationError):
        compare(
            before,
            score(
                get_framework("pci-2013"),
                dict.fromkeys(
                    [
                        "entry_costs",
                        "land_access",
                        "transparency",
                        "time_costs",
                        "informal_charges",
                        "equal_competition",
                        "proactivity",
                        "business_support",
                        "labour_training",
                        "legal_institutions",
                    ],
                    5,
                ),
            ),
        )


def test_scorecard_json_round_trip() -> None:
    card = score(framework(), FULL)
    data = card.model_dump(mode="json")
    assert data["index_percent"] == 100.0  # a JSON number (issue 19 C), exact in Python
    assert type(card).model_validate(data) == card
