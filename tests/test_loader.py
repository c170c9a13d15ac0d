"""The one typed loader (issue 10 item 2, issue 11 item 7).

``cchc._data`` reads bundled and user files alike: duplicate keys refused, YAML
merge keys accepted, fractions read exactly as ``Decimal`` in YAML and JSON,
suffixes checked once; every user-facing model is a ``CchcModel`` whose bad
data is a ``cchc.errors.ValidationError`` naming the field.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc._data import (
    parse_json_text,
    parse_yaml_text,
    read_user_data,
    read_user_model,
)
from cchc.calendar.entries import CalendarEntry
from cchc.errors import BatchValidationError, DataFileError, FrameworkError, ValidationError
from cchc.indices.framework import Framework
from cchc.indices.loader import load_framework
from cchc.plans import Plan, Target, Task
from cchc.procedures import Procedure, TimeLimit, TimeUnit
from cchc.reporting import CchcReport

BUNDLED_PLAN = Path(__file__).resolve().parents[1] / "src/cchc/plans/data/kh_5601_syt_2017.yaml"


def test_merge_keys_are_accepted() -> None:
    text = (
        "defaults: &d {area: cai_cach_the_che, owner: Sở}\n"
        "other: &o {owner: Phòng, status: done}\n"
        "one: {<<: *d, title: A}\n"
        "two: {<<: [*o, *d], owner: Tổ}\n"
    )
    data = parse_yaml_text(text, source="x.yaml")
    assert data["one"] == {"area": "cai_cach_the_che", "owner": "Sở", "title": "A"}
    # the mapping's own key wins; among merged maps the first listed wins (YAML merge spec)
    assert data["two"] == {"owner": "Tổ", "status": "done", "area": "cai_cach_the_che"}


def test_duplicate_keys_stay_refused_next_to_merge_keys() -> None:
    with pytest.raises(DataFileError, match="duplicate key 'title'") as err:
        parse_yaml_text("d: &d {a: 1}\none:\n  <<: *d\n  title: A\n  title: B\n", source="x.yaml")
    assert (err.value.source, err.value.row) == ("x.yaml", 5)
    with pytest.raises(DataFileError, match="duplicate key '<<'"):
        parse_yaml_text("d: &d {a: 1}\none: {<<: *d, <<: *d}\n")
    with pytest.raises(DataFileError, match="duplicate key 'a'"):
        parse_json_text('{"a": 1, "a": 2}', source="x.json")


def test_bundled_plan_with_merge_keys_loads_and_cli_reads_it() -> None:
    # Issue 11 item 7: the bundled seed-003 plan uses `<<: *anchor`; the strict loader broke it.
    assert "<<:" in BUNDLED_PLAN.read_text(encoding="utf-8")
    plan = read_user_model(Plan, BUNDLED_PLAN)
    assert (plan.number, len(plan.tasks)) == ("5601/KH-SYT", 21)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "cchc",
            "plan",
            "status",
            str(BUNDLED_PLAN),
            "--as-of",
            "2018-01-05",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "5601/KH-SYT" in run.stdout
    assert "Traceback" not in run.stderr


def test_yaml_and_json_read_fractions_alike(tmp_path: Path) -> None:
    y, j = tmp_path / "f.yaml", tmp_path / "f.json"
    y.write_text("rate: 92.50\ncount: 3\n", encoding="utf-8")
    j.write_text('{"rate": 92.50, "count": 3}', encoding="utf-8")
    assert read_user_data(y) == read_user_data(j) == {"rate": Decimal("92.50"), "count": 3}
    assert str(read_user_data(y)["rate"]) == "92.50"  # exactly as written


def test_one_suffix_rule_and_one_message(tmp_path: Path) -> None:
    txt = tmp_path / "f.txt"
    txt.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unknown file type '\.txt'"):
        read_user_data(txt)
    bad = tmp_path / "f.json"
    bad.write_text('{"a": 1,', encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid JSON") as err:
        read_user_data(bad)
    assert err.value.source == str(bad)


def test_user_file_errors_name_file_item_and_field(tmp_path: Path) -> None:
    path = tmp_path / "kh.yaml"
    path.write_text(
        "number: 1/KH-X\nissuer: X\nsigned_on: 2022-01-10\nperiod_start: 2022-01-01\n"
        "period_end: 2022-12-31\ntasks:\n  - {id: T7, area: nowhere, title: t}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        read_user_model(Plan, path)
    assert (err.value.source, err.value.item, err.value.field) == (str(path), "T7", "area")


TASK: dict[str, Any] = {"id": "T1", "area": "thu_tuc_hanh_chinh", "title": "Rà soát"}
TARGET: dict[str, Any] = {
    "id": "x",
    "indicator": "hài lòng",
    "comparator": ">",
    "value": 80,
    "deadline": date(2020, 12, 31),
}
PLAN: dict[str, Any] = {
    "number": "1/KH-X",
    "issuer": "X",
    "signed_on": date(2022, 1, 10),
    "period_start": date(2022, 1, 1),
    "period_end": date(2022, 12, 31),
}
ENTRY: dict[str, Any] = {"day": date(2025, 1, 1), "kind": "holiday", "name_vi": "x", "name_en": "x"}


@pytest.mark.parametrize(
    ("model", "good", "field", "bad"),
    [
        (Task, TASK, "due_working_days", 0),
        (Target, TARGET, "deadline", "not a date"),
        (Plan, PLAN, "signed_on", "2022-02-30"),
        (CchcReport, {"issuer": "X", "kind": "Q1", "year": 2022}, "year", "MMXXII"),
        (CalendarEntry, ENTRY, "kind", "party"),
        (TimeLimit, {"amount": 1, "unit": TimeUnit.DAYS}, "amount", "many"),
        (
            Procedure,
            {"code": "1.000948", "name": "n", "time_limit": TimeLimit(amount=1, unit="days")},
            "name",
            "",
        ),
    ],
)
def test_a_bad_field_of_a_user_model_is_a_cchc_error_naming_it(
    model: Any, good: dict[str, Any], field: str, bad: object
) -> None:
    model(**good)  # the good data is accepted
    with pytest.raises(ValidationError) as err:
        model(**{**good, field: bad})
    assert field in str(err.value)
    assert not isinstance(err.value, BatchValidationError)
    with pytest.raises(ValidationError):
        model.model_validate({**good, field: bad})


def test_framework_bad_field_is_a_framework_error_naming_item_and_field() -> None:
    data = {
        "id": "t",
        "name": "T",
        "version": "1",
        "kind": "example",
        "assumption": "illustration",
        "areas": [
            {
                "id": "1",
                "name": "A",
                "max_points": 2,
                "children": [{"id": "1.1", "name": "a", "max_points": "two"}],
            }
        ],
    }
    with pytest.raises(FrameworkError) as err:
        load_framework(data)
    assert (err.value.item, err.value.field) == ("1.1", "max_points")
    with pytest.raises(ValidationError):
        Framework.model_validate(data)


def test_control_characters_are_a_data_file_error() -> None:
    # found by benchmarks/fuzz_long.py: PyYAML's reader raised its own ReaderError
    from cchc._data import parse_yaml_text
    from cchc.errors import DataFileError

    with pytest.raises(DataFileError, match="not valid YAML"):
        parse_yaml_text("a: \x00b", source="plan.yaml")
