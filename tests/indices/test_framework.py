"""Framework files: loading, and errors that name the faulty item."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cchc.errors import DataFileError, FrameworkError
from cchc.indices import Framework, bundled_frameworks, get_framework, load_framework


def base() -> dict[str, Any]:
    return {
        "id": "t",
        "name": "Test",
        "version": "1",
        "kind": "example",
        "assumption": "test data",
        "max_points": 10,
        "areas": [
            {
                "id": "1",
                "name": "A",
                "max_points": 6,
                "children": [
                    {"id": "1.1", "name": "a", "max_points": 4, "rule": {"kind": "direct"}},
                    {
                        "id": "1.2",
                        "name": "b",
                        "max_points": 2,
                        "rule": {
                            "kind": "bands",
                            "bands": [
                                {"min": 100, "points": 2},
                                {"min": 80, "below": 100, "points": 1},
                            ],
                        },
                    },
                ],
            },
            {"id": "2", "name": "B", "max_points": 4, "rule": {"kind": "yes_no"}},
        ],
    }


def test_bundled_frameworks_load_and_name_their_sources() -> None:
    frameworks = bundled_frameworks()
    assert set(frameworks) >= {"pci-2013", "tt01-agency", "qd766-portal", "par-example-department"}
    for fw in frameworks.values():
        for item in fw.items():
            assert fw.source_of(item) is not None or item.assumption or fw.assumption, item.id
    assert frameworks["par-example-department"].kind == "example"


def test_points_over_the_maximum_names_the_parent() -> None:
    data = base()
    data["areas"][0]["children"][0]["max_points"] = 5
    with pytest.raises(FrameworkError, match="add up to 7, over the item's maximum 6") as err:
        load_framework(data)
    assert err.value.item == "1"


def test_band_points_over_the_item_maximum() -> None:
    data = base()
    data["areas"][0]["children"][1]["rule"]["bands"][0]["points"] = 3
    with pytest.raises(FrameworkError, match="up to 3 points") as err:
        load_framework(data)
    assert err.value.item == "1.2"


def test_children_short_of_the_maximum() -> None:
    data = base()
    data["areas"][0]["max_points"] = 7
    data["max_points"] = 11
    with pytest.raises(FrameworkError, match="short of") as err:
        load_framework(data)
    assert err.value.item == "1"


def test_missing_rule_names_the_item() -> None:
    data = base()
    del data["areas"][1]["rule"]
    with pytest.raises(FrameworkError, match="no scoring rule") as err:
        load_framework(data)
    assert err.value.item == "2"


def test_missing_source_item_names_the_item() -> None:
    data = base()
    data["areas"][1]["source"] = "decree"
    with pytest.raises(FrameworkError, match="'decree' is not defined") as err:
        load_framework(data)
    assert err.value.item == "2"


def test_number_without_source_or_assumption() -> None:
    data = base()
    del data["assumption"]
    with pytest.raises(FrameworkError, match="no source and no assumption") as err:
        load_framework(data)
    assert err.value.item == "1"


def test_declared_total_mismatch() -> None:
    data = base()
    data["max_points"] = 12
    with pytest.raises(FrameworkError, match="not the declared 12") as err:
        load_framework(data)
    assert err.value.item == "t"


def weighted() -> dict[str, Any]:
    data = base()
    data.update(aggregation="weighted_mean", weights_total=100)
    data["areas"][0]["weight"] = 60
    data["areas"][1]["weight"] = 40
    return data


def test_weights_not_summing_as_declared() -> None:
    load_framework(weighted())
    data = weighted()
    data["areas"][1]["weight"] = 30
    with pytest.raises(FrameworkError, match="add up to 90, not the declared 100") as err:
        load_framework(data)
    assert "2=30" in str(err.value)


def test_missing_weight_names_the_area() -> None:
    data = weighted()
    del data["areas"][1]["weight"]
    with pytest.raises(FrameworkError, match="no weight") as err:
        load_framework(data)
    assert err.value.item == "2"


def test_duplicate_id() -> None:
    data = base()
    data["areas"][0]["children"][1]["id"] = "1.1"
    with pytest.raises(FrameworkError, match="twice") as err:
        load_framework(data)
    assert err.value.item == "1.1"


def test_malformed_field_names_the_item_and_field() -> None:
    data = base()
    data["areas"][0]["children"][1]["max_points"] = "two"
    with pytest.raises(FrameworkError) as err:
        load_framework(data)
    assert err.value.item == "1.2"
    assert err.value.field is not None
    assert "max_points" in err.value.field


def test_rule_on_a_parent() -> None:
    data = base()
    data["areas"][0]["rule"] = {"kind": "direct"}
    with pytest.raises(FrameworkError, match="cannot have its own rule") as err:
        load_framework(data)
    assert err.value.item == "1"


def test_yaml_and_json_files(tmp_path: Path) -> None:
    y = tmp_path / "fw.yaml"
    y.write_text(yaml.safe_dump(base(), allow_unicode=True), encoding="utf-8")
    j = tmp_path / "fw.json"
    j.write_text(json.dumps(base()), encoding="utf-8")
    assert load_framework(y) == load_framework(j) == get_framework(str(y))
    bad = tmp_path / "bad.yaml"
    data = copy.deepcopy(base())
    data["areas"][1]["max_points"] = 5
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(FrameworkError) as err:
        load_framework(bad)
    assert err.value.source == str(bad)
    assert err.value.item == "t"
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML") as parse_err:
        load_framework(broken)
    assert parse_err.value.source == str(broken)
    with pytest.raises(FrameworkError, match="no bundled framework"):
        get_framework("no-such-framework")


def test_json_schema_is_exported() -> None:
    schema = Framework.model_json_schema()
    assert "areas" in schema["properties"]


def test_missing_required_item_is_named() -> None:
    # the PCI source lists ten sub-indices; a file that drops one is refused by name
    data = get_framework("pci-2013").model_dump(mode="json", exclude_none=True)
    data["areas"] = [a for a in data["areas"] if a["id"] != "proactivity"]
    data.pop("max_points")
    data["weights_total"] = "95"
    with pytest.raises(FrameworkError, match="missing item") as err:
        load_framework(data)
    assert err.value.item == "proactivity"
