"""Regression tests for bad input (review of issue 7): every bad value is a located cchc error.

Each test names the review item it pins down. Oracles for the valid cases are the rules
themselves: a rate is 0-100 %, a count is a whole number, PAPI dimensions are out of 10 and the
total out of 80 (data/papi.yaml), TT 01/2018/TT-VPCP Art 15(4)(b) leaves an index without data
out of the assessment.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc._data import read_user_yaml
from cchc.errors import CchcError, DataFileError, FrameworkError, ValidationError
from cchc.indices import commands, papi, par_index, pci, qd766, sipas, tt01
from cchc.indices.loader import get_framework, load_framework
from cchc.indices.ranking import competition_ranks, rank
from cchc.indices.scoring import score

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cchc")
    commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


def department_inputs() -> dict[str, Any]:
    items: dict[str, Any] = read_user_yaml(EXAMPLES / "indices_department_2024.yaml")["items"]
    return dict(items)


def one_leaf(rule: dict[str, Any], **extra: Any) -> dict[str, Any]:
    leaf = {"id": "1.1", "name": "x", "max_points": 2, "rule": rule, **extra}
    return {
        "id": "t",
        "name": "T",
        "version": "1",
        "kind": "example",
        "assumption": "test",
        "areas": [{"id": "1", "name": "A", "max_points": 2, "children": [leaf]}],
    }


# --- item 4: user files through the shared strict readers ---------------------------------


def test_missing_framework_file_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError) as err:
        load_framework("/nonexist.yaml")
    assert err.value.source == "/nonexist.yaml"


def test_non_utf8_inputs_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes('"1.3": 30\n# Sở Y tế\n'.encode("utf-16"))
    with pytest.raises(DataFileError, match="UTF-8") as err:
        run(["score", "par-example-department", str(bad)])
    assert err.value.source == str(bad)


def test_impossible_date_and_duplicate_key_in_files(tmp_path: Path) -> None:
    dated = tmp_path / "dated.yaml"
    dated.write_text('period: 2024-02-30\nitems: {"I1": 2}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="out of range") as err:
        run(["score", "tt01-agency", str(dated)])
    assert err.value.source == str(dated)
    twice = tmp_path / "twice.yaml"
    twice.write_text("id: a\nid: b\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate key"):
        load_framework(twice)


def test_json_files_are_parsed_as_json_strictly(tmp_path: Path) -> None:
    # JSON indented with tabs is valid JSON but not valid YAML: it must still load
    fw_path = tmp_path / "fw.json"
    fw_path.write_text(json.dumps(one_leaf({"kind": "direct"}), indent="\t"), encoding="utf-8")
    assert load_framework(fw_path).id == "t"
    inputs = tmp_path / "in.json"
    inputs.write_text('{\n\t"I1": 2,\n\t"I1": 1\n}', encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate key") as err:
        run(["score", "tt01-agency", str(inputs)])
    assert err.value.source == str(inputs)
    inputs.write_text('{"I1": 2,', encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid JSON"):
        run(["score", "tt01-agency", str(inputs)])


# --- item 13: percent inputs above 100 ------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "value", "field"),
    [
        ("1.3", 150, "value"),
        ("3.2", "100.0000001", "value"),
        ("3.2", {"value": 85, "appraised": 120}, "appraised"),
        ("3.2", {"value": 120, "appraised": 85}, "value"),
        ("7.1", -1, "value"),
    ],
)
def test_percent_inputs_outside_0_100_are_refused(item: str, value: object, field: str) -> None:
    inputs = department_inputs()
    inputs[item] = value
    with pytest.raises(ValidationError) as err:
        score(get_framework("par-example-department"), inputs)
    assert (err.value.item, err.value.field) == (item, field)


def test_percent_at_100_still_scores_full_marks() -> None:
    inputs = department_inputs()
    inputs["3.2"] = 100
    card = score(get_framework("par-example-department"), inputs)
    assert card.item("3.2").points == Decimal("6.00")


def test_qd766_rates_are_checked() -> None:
    with pytest.raises(ValidationError) as err:
        qd766.indicator_points("5.4", Decimal(150))
    assert (err.value.item, err.value.field) == ("5.4", "rate")
    with pytest.raises(ValidationError, match=r"outside 0\.\.100"):
        qd766.satisfaction_rate(late_rate=Decimal(-50), complaint_rate=Decimal(0))
    with pytest.raises(ValidationError, match="finite"):
        qd766.satisfaction_rate(late_rate=Decimal("NaN"), complaint_rate=Decimal(0))
    with pytest.raises(ValidationError, match="group"):
        qd766.indicator_points("G5", Decimal(50))
    # the worked example of one_stop.md §5.2 is unchanged: 92.5 % -> 6.00 / 6
    rate = qd766.satisfaction_rate(late_rate=Decimal("6.0"), complaint_rate=Decimal("1.5"))
    assert qd766.indicator_points("5.4", rate) == Decimal("6.00")


def test_unit_must_fit_the_rule() -> None:
    with pytest.raises(FrameworkError, match="direct item takes points") as err:
        load_framework(one_leaf({"kind": "direct"}, unit="%"))
    assert err.value.item == "1.1"
    with pytest.raises(FrameworkError, match="deduction item counts"):
        load_framework(one_leaf({"kind": "deduction", "per_unit": 1}, unit="%"))
    with pytest.raises(FrameworkError, match="full marks unreachable"):
        load_framework(one_leaf({"kind": "proportional", "full_marks_at": 120}, unit="%"))
    with pytest.raises(FrameworkError, match="yes/no item takes no unit"):
        load_framework(one_leaf({"kind": "yes_no"}, unit="count"))


def test_count_unit_on_bands_needs_whole_numbers() -> None:
    fw = load_framework(
        one_leaf({"kind": "bands", "bands": [{"min": 0, "below": 3, "points": 2}]}, unit="count")
    )
    assert score(fw, {"1.1": 2}).total_points == Decimal("2.00")
    with pytest.raises(ValidationError, match="whole number"):
        score(fw, {"1.1": "1.5"})


# --- item 14: malformed item inputs ---------------------------------------------------------


def test_mapping_without_value_is_refused_but_explicit_null_is_no_data() -> None:
    fw = get_framework("par-example-department")
    inputs = department_inputs()
    inputs["1.3"] = {}
    with pytest.raises(ValidationError, match="needs 'value'") as err:
        score(fw, inputs)
    assert err.value.item == "1.3"
    inputs["1.3"] = {"value": None}
    assert score(fw, inputs).item("1.3").excluded


def test_deduction_counts_must_be_whole() -> None:
    inputs = department_inputs()
    inputs["1.2"] = 2.5
    with pytest.raises(ValidationError, match="whole number") as err:
        score(get_framework("par-example-department"), inputs)
    assert (err.value.item, err.value.field) == ("1.2", "value")
    inputs["1.2"] = 3  # 2 - 3 x 0.5 = 0.5 points
    assert score(get_framework("par-example-department"), inputs).item("1.2").points == Decimal(
        "0.50"
    )


# --- item 15: TT 01 officer with no data ----------------------------------------------------


def test_officer_without_data_has_no_band() -> None:
    # TT 01/2018/TT-VPCP Art 15(4)(b): an index without data is not assessed
    result = tt01.officer_result([])
    assert (result.total, result.band) == (None, None)
    result = tt01.officer_result([{"I1": None}])
    assert result.band is None


def test_bool_points_are_refused() -> None:
    with pytest.raises(ValidationError, match="0, 1 or 2") as err:
        tt01.aggregate([{"I1": True}])
    assert (err.value.row, err.value.field) == (1, "I1")


# --- item 16: non-cchc exceptions on bad numbers ----------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: par_index.result_group(Decimal("NaN")),
        lambda: par_index.result_group("x"),  # type: ignore[arg-type]
        lambda: par_index.index_percent(appraised=Decimal("NaN")),
        lambda: par_index.index_percent(appraised=Decimal(50), survey=Decimal("Infinity")),
        lambda: par_index.version_in_force("2019"),  # type: ignore[arg-type]
        lambda: sipas.mean_of_elements({}),
        lambda: sipas.mean_of_elements({"a": Decimal("NaN")}),
        lambda: sipas.element_index([True, 5]),
        lambda: sipas.version_in_force(2019.0),  # type: ignore[arg-type]
        lambda: tt01.time_points(actual=Decimal("NaN"), limit=3),
        lambda: tt01.desk_points(
            "x",  # type: ignore[arg-type]
            fully_handled_share=Decimal(90),
            received_returned_share=Decimal(90),
        ),
        lambda: tt01.desk_points(
            tt01.Level.PROVINCE,
            fully_handled_share=Decimal(150),
            received_returned_share=Decimal(0),
        ),
        lambda: tt01.feedback_points(10, Decimal("9.5")),  # type: ignore[arg-type]
        lambda: tt01.publicity_points(posted="no", electronic=False),  # type: ignore[arg-type]
        lambda: tt01.officer_band(Decimal("NaN")),
    ],
)
def test_bad_numbers_raise_validation_error(call: Any) -> None:
    with pytest.raises(ValidationError):
        call()


def test_pci_year_must_be_an_int() -> None:
    row = dict.fromkeys(pci.SUBINDICES, "7.00")
    assert pci.composite(row, 2019) == Decimal("70.00")
    for year in ("2019", 2019.5, True):
        with pytest.raises(ValidationError, match="year") as err:
            pci.composite(row, year)  # type: ignore[arg-type]
        assert err.value.field == "year"
    row["transparency"] = "NaN"
    with pytest.raises(ValidationError, match="finite"):
        pci.composite(row, 2019)


# --- item 17: overlapping or empty bands ----------------------------------------------------


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([{"min": 20, "below": 30, "points": 1}, {"min": 25, "points": 2}], "overlap"),
        ([{"min": 50, "below": 10, "points": 1}], "empty"),
        ([{"min": 10, "below": 10, "points": 1}], "empty"),
        ([{"below": 30, "points": 1}, {"points": 2}], "overlap"),
    ],
)
def test_bad_bands_are_refused(bands: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(FrameworkError, match=message) as err:
        load_framework(one_leaf({"kind": "bands", "bands": bands}))
    assert err.value.item == "1.1"


def test_adjacent_bands_are_fine() -> None:
    bands = [{"min": 30, "points": 2}, {"min": 20, "below": 30, "points": 1}]
    fw = load_framework(one_leaf({"kind": "bands", "bands": bands}))
    assert score(fw, {"1.1": 30}).total_points == Decimal("2.00")


# --- item 18: numeric-looking keys, colliding unit names ------------------------------------


def test_unquoted_numeric_item_keys_are_refused(tmp_path: Path) -> None:
    for text in ("1.10: 5\n", "items:\n  1.10: 5\n"):
        path = tmp_path / "inputs.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(DataFileError, match="quote it") as err:
            run(["score", "par-example-department", str(path)])
        # cchc reads YAML fractions exactly (as JSON): the key is 1.10, not plain YAML's 1.1
        assert err.value.item == "1.10"
    with pytest.raises(ValidationError, match="quote it"):
        score(get_framework("tt01-agency"), {1.1: 5})  # type: ignore[dict-item]
    data = one_leaf({"kind": "direct"})
    data["areas"][0]["children"][0]["id"] = 1.1
    with pytest.raises(FrameworkError, match="quote it"):
        load_framework(data)


def test_rank_refuses_colliding_unit_names() -> None:
    with pytest.raises(ValidationError, match="both named '1'"):
        rank({1: 5, "1": 6})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="both named"):
        rank({"a": 5}, previous={2: 1, "2": 3})
    with pytest.raises(ValidationError, match="finite") as err:
        competition_ranks({"a": Decimal("NaN"), "b": Decimal(1)})
    assert err.value.item == "a"  # type: ignore[dict-item]


# --- item 24: PAPI values on their scale ----------------------------------------------------


def test_papi_values_must_fit_the_scale() -> None:
    with pytest.raises(ValidationError, match=r"outside 0..10") as err:
        papi.check_dimension(1, "15", ["7.5", "7.5"])
    assert err.value.field == "d1"
    with pytest.raises(ValidationError, match=r"outside 0..10"):
        papi.check_dimension(1, "5", ["7.5", "-2.5"])
    with pytest.raises(ValidationError, match=r"outside 0..10"):
        papi.check_total("100", ["12.5"] * 8)
    with pytest.raises(ValidationError, match=r"outside 0..80") as total_err:
        papi.check_total("85", ["10"] * 8)
    assert total_err.value.field == "total"
    with pytest.raises(ValidationError, match=r"outside 0..10"):
        papi.check_total("79", ["12.5"] * 4 + ["7"] * 4)
    # a valid row still checks: 2023 PAPI report, Table 3.6, Hà Nội (see test_papi.py)
    ok = papi.check_dimension("d6", "7.8486", ["1.7029", "1.957", "2.2548", "1.9339"])
    assert ok.consistent


def test_every_error_here_is_a_cchc_error() -> None:
    # the CLI prints CchcError as "cchc: error: ..." (exit 2); nothing above escapes it
    assert issubclass(DataFileError, CchcError) and issubclass(ValidationError, CchcError)


def test_qd766_figures_raise_cchc_errors_naming_the_field() -> None:
    # Rates are percentages (0-100); a bad figure is a cchc ValidationError, not pydantic's.
    from cchc.errors import ValidationError as CchcValidationError
    from cchc.indices.qd766 import Qd766Figures

    with pytest.raises(CchcValidationError) as err:
        Qd766Figures(on_time_rate=Decimal(150))
    assert err.value.field == "on_time_rate"
