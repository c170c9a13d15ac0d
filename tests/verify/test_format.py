"""The case format: the committed JSON Schema, the project's own case files, bad files.

Every bad file must raise a typed cchc error naming the file, the line (``row``), the case
(``item``) and the field; nothing is silently dropped.
"""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc._data import read_text, read_user_yaml
from cchc.errors import BatchValidationError, CchcError, DataFileError
from cchc.verify import (
    KINDS,
    AddWorkingDaysCase,
    case_file_schema,
    find_case_files,
    load_case_file,
    load_paths,
    parse_case_text,
)

HERE = Path(__file__).parent
CASES = HERE / "cases"
ROOT = HERE.parents[1]
ANSWERS = ROOT / "tests" / "calendar" / "answers" / "add_working_days.csv"

GOOD = """\
cases:
  - name: tet
    kind: due_date
    source: Công văn 8726/VPCP-KGVX
    note: five working days across Tết
    input:
      received_at: 2025-01-24T09:00:00+07:00
      amount: 5
    expect:
      due_at: 2025-02-07T17:00:00+07:00
"""


def test_committed_schema_is_the_generated_one() -> None:
    committed = json.loads(read_text("cchc.verify", "case_file.schema.json"))
    assert committed == case_file_schema(), (
        "regenerate: cchc verify --schema > src/cchc/verify/case_file.schema.json"
    )
    kinds = committed["properties"]["cases"]["items"]["discriminator"]["mapping"]
    assert sorted(kinds) == sorted(KINDS)


def _jsonable(value: Any) -> Any:
    """YAML data as a JSON reader (an editor) sees it: dates and times as text."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


@pytest.mark.parametrize("path", sorted(CASES.glob("*.cchc.yaml")), ids=lambda p: p.name)
def test_project_case_files_follow_the_json_schema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(case_file_schema())
    errors = list(validator.iter_errors(_jsonable(read_user_yaml(path))))
    assert errors == []


def test_schema_refuses_what_the_models_refuse() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(case_file_schema())
    data = _jsonable(read_user_yaml(CASES / "due_dates.cchc.yaml"))
    data["cases"][0]["input"]["amout"] = 5  # misspelt key
    assert not validator.is_valid(data)
    data = _jsonable(read_user_yaml(CASES / "due_dates.cchc.yaml"))
    data["cases"][0]["kind"] = "due"
    assert not validator.is_valid(data)


def test_calendar_answer_file_and_its_cases_hold_the_same_rows() -> None:
    # The CSV answer file stays the one tests/calendar/test_answers.py reads; its rows as cases.
    rows = list(csv.DictReader(ANSWERS.open(encoding="utf-8")))
    loaded = load_case_file(CASES / "calendar_answers.cchc.yaml")
    cases = loaded.cases.cases
    assert all(isinstance(c, AddWorkingDaysCase) for c in cases)
    as_rows = [
        (c.input.start.isoformat(), c.input.days, c.expect.day.isoformat(), f"{c.source}: {c.note}")
        for c in cases
        if isinstance(c, AddWorkingDaysCase) and c.expect.day is not None
    ]
    assert as_rows == [(r["received"], int(r["n"]), r["expected"], r["source"]) for r in rows]


def test_every_project_case_cites_a_registry_source() -> None:
    for loaded in load_paths([CASES]):
        for case in loaded.cases.cases:
            assert case.registry, f"{loaded.path}: {case.name}"


def test_project_cases_cover_every_kind() -> None:
    kinds = {c.kind for loaded in load_paths([CASES]) for c in loaded.cases.cases}
    assert kinds == set(KINDS)


def test_lines_point_at_each_case() -> None:
    loaded = parse_case_text(GOOD + GOOD.replace("cases:\n", "").replace("tet", "tet2"), source="x")
    assert loaded.lines == (2, 11)


def _bad(text: str) -> CchcError:
    with pytest.raises(CchcError) as err:
        parse_case_text(text, source="bad.cchc.yaml")
    return err.value


@pytest.mark.parametrize(
    ("old", "new", "row", "field", "message"),
    [
        ("amount: 5", "amount: -5", 8, "input.amount", "greater than or equal to 0"),
        (
            "amount: 5",
            "amount: 5\n      amout: 5",
            9,
            "input.amout",
            "Extra inputs are not permitted",
        ),
        ("kind: due_date", "kind: due", 3, "kind", "unknown kind 'due'; use one of"),
        ("09:00:00+07:00", "09:00:00", 7, "input.received_at", "naive datetime"),
        ("17:00:00+07:00", "17:00:00", 10, "expect.due_at", "naive datetime"),
        ("    source: Công văn 8726/VPCP-KGVX\n", "", 2, "source", "Field required"),
        ("note: five working days across Tết", "note: ''", 5, "note", "at least 1 character"),
        (
            "      due_at: 2025-02-07T17:00:00+07:00",
            "      {}",
            9,
            "expect",
            "expect names nothing to check",
        ),
        (
            "      due_at: 2025-02-07T17:00:00+07:00",
            "      due_at: 2025-02-07T17:00:00+07:00\n      error: {type: ValidationError}",
            9,
            "expect",
            "a case checks one or the other",
        ),
        (
            "      due_at: 2025-02-07T17:00:00+07:00",
            "      error: {type: NoSuchError}",
            10,
            "expect.error.type",
            "unknown error type 'NoSuchError'",
        ),
        (
            "    note: five",
            "    registry: [CV8726-2024, NOPE]\n    note: five",
            5,
            "registry[1]",
            "unknown source key 'NOPE'",
        ),
    ],
)
def test_bad_case_is_located(old: str, new: str, row: int, field: str, message: str) -> None:
    assert old in GOOD
    err = _bad(GOOD.replace(old, new))
    assert isinstance(err, DataFileError), err
    assert (err.source, err.row, err.item, err.field) == ("bad.cchc.yaml", row, "tet", field)
    assert message in err.message


def test_names_the_library_knows_are_checked_when_loading() -> None:
    err = _bad(GOOD.replace("amount: 5", "amount: 5\n      policy: next_openin"))
    assert (err.row, err.field) == (9, "input.policy")
    assert "unknown policy 'next_openin'" in err.message
    period = GOOD.replace("kind: due_date", "kind: reporting_period")
    period = period.replace(
        "      received_at: 2025-01-24T09:00:00+07:00\n      amount: 5\n",
        "      regime: bnv-cchc\n      period: Q2\n      year: 2022\n",
    ).replace("due_at: 2025-02-07T17:00:00+07:00", "end: 2022-06-14")
    err = _bad(period)
    assert (err.row, err.field) == (8, "input.period")
    assert "has no period 'Q2' (periods: Q1, H1, Q3, Y)" in err.message
    err = _bad(period.replace("regime: bnv-cchc", "regime: bnv"))
    assert (err.row, err.field) == (7, "input.regime")
    index = GOOD.replace("kind: due_date", "kind: index_score").replace(
        "      received_at: 2025-01-24T09:00:00+07:00\n      amount: 5\n",
        "      framework: pci-2012\n      inputs: {}\n",
    )
    err = _bad(index.replace("due_at: 2025-02-07T17:00:00+07:00", "max_points: 100"))
    assert (err.row, err.field) == (7, "input.framework")
    assert "no bundled framework 'pci-2012'" in err.message


@pytest.mark.parametrize(
    ("old", "new", "row", "field", "message"),
    [
        ("2025-01-24T09:00:00+07:00", "1737684000", 7, "input.received_at", "got int 1737684000"),
        ("amount: 5", "amount: 5\n      cutoff: 15:00", 9, "input.cutoff", "the number 900"),
        ("amount: 5", "amount: true", 8, "input.amount", "valid integer"),
        (
            "due_at: 2025-02-07T17:00:00+07:00",
            "due_day: 2025-02-07T17:00:00+07:00",
            10,
            "expect.due_day",
            "expected a day",
        ),
    ],
)
def test_no_silent_coercion(old: str, new: str, row: int, field: str, message: str) -> None:
    # A Unix time is not a moment, YAML's sexagesimal 15:00 (= 900) is not a time, true is not 1.
    err = _bad(GOOD.replace(old, new))
    assert (err.row, err.item, err.field) == (row, "tet", field)
    assert message in err.message


def test_cross_field_checks_are_located() -> None:
    text = GOOD.replace("kind: due_date", "kind: dossier").replace(
        "      received_at: 2025-01-24T09:00:00+07:00\n",
        "      events:\n        - {kind: received, at: 2025-01-24T09:00:00+07:00}\n",
    )
    text = text.replace("due_at: 2025-02-07T17:00:00+07:00", "progress: in_time")
    err = _bad(text)
    assert (err.item, err.field) == ("tet", "input.as_of")
    assert "needs input.as_of" in err.message
    err = _bad(GOOD + GOOD.replace("cases:\n", ""))
    assert (err.row, err.item, err.field) == (11, "tet", "name")
    assert "used twice" in err.message
    naive_event = text.replace("09:00:00+07:00}", "09:00:00}")
    err = _bad(naive_event)
    assert isinstance(err, DataFileError)
    assert (err.row, err.field) == (8, "input.events[0].at")
    assert "naive datetime" in err.message


def test_several_problems_are_all_reported() -> None:
    err = _bad(GOOD.replace("amount: 5", "amount: -5").replace("note: five", "nota: five"))
    assert isinstance(err, BatchValidationError)
    assert sorted(str(e.field) for e in err.errors) == ["input.amount", "nota", "note"]
    assert all(e.source == "bad.cchc.yaml" and e.item == "tet" for e in err.errors)


def test_bad_yaml_files_and_paths(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as err:
        parse_case_text(GOOD + "  - name: tet\n    name: again\n", source="dup.yaml")
    assert (err.value.row, err.value.message) == (12, "duplicate key 'name'")
    with pytest.raises(DataFileError, match="a mapping with a list 'cases'"):
        parse_case_text("- 1\n", source="list.yaml")
    with pytest.raises(DataFileError) as err:
        parse_case_text("cases: []\n", source="empty.yaml")
    assert err.value.field == "cases"
    with pytest.raises(DataFileError, match="no such file or directory"):
        find_case_files([tmp_path / "missing.cchc.yaml"])
    with pytest.raises(DataFileError, match="no case file"):
        find_case_files([tmp_path])
    (tmp_path / "a.cchc.yaml").write_text(GOOD.replace("amount: 5", "amount: x"), "utf-8")
    (tmp_path / "b.cchc.yml").write_text("cases: [1\n", "utf-8")
    (tmp_path / "c.cchc.json").write_bytes(b"\xff\xfe")
    (tmp_path / "ignored.yaml").write_text("not: a case file\n", "utf-8")
    with pytest.raises(BatchValidationError) as batch:
        load_paths([tmp_path])
    assert [Path(str(e.source)).name for e in batch.value.errors] == [
        "a.cchc.yaml",
        "b.cchc.yml",
        "c.cchc.json",
    ]


def test_json_case_file(tmp_path: Path) -> None:
    case = {
        "name": "json",
        "kind": "working_days_between",
        "source": "Công văn 8726/VPCP-KGVX",
        "note": "Tết 2025 has no working day",
        "input": {"start": "2025-01-25", "end": "2025-02-02", "inclusive": "both"},
        "expect": {"count": 0},
    }
    path = tmp_path / "one.cchc.json"
    path.write_text(json.dumps({"cases": [case]}), "utf-8")
    loaded = load_case_file(path)
    assert loaded.cases.cases[0].kind == "working_days_between"
    assert loaded.lines == (1,)
