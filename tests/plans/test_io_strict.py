"""Plan files are read strictly (review issue 6, items 4 and 18).

User files go through ``cchc._data.read_user_text`` / ``parse_yaml_text``: a key
given twice, an impossible date, non-UTF-8 bytes or a missing file is a
``DataFileError`` naming the file, never a silently kept value or a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.errors import DataFileError
from cchc.plans import example_plan, load_plan, save_plan
from cchc.plans.io import read_data


def _plan_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "kh.yaml"
    save_plan(example_plan(), path)
    return path


def test_duplicate_yaml_key_is_an_error_not_the_last_value(tmp_path: Path) -> None:
    # Item 18: plain YAML keeps the second `number:` silently.
    path = _plan_yaml(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text("number: 999/KH-X\n" + text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_plan(path)
    assert "duplicate key 'number'" in str(err.value)
    assert err.value.source == str(path)


def test_duplicate_json_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "kh.json"
    path.write_text('{"number": "1/KH-X", "number": "2/KH-X"}', encoding="utf-8")
    with pytest.raises(DataFileError, match="duplicate key 'number'"):
        read_data(path)


def test_impossible_date_is_a_data_file_error(tmp_path: Path) -> None:
    # Item 4: `due: 2022-02-30` used to raise a bare ValueError from PyYAML.
    path = _plan_yaml(tmp_path)
    text = path.read_text(encoding="utf-8")
    bad = text.replace("due: ", "due: 2022-02-30 #", 1)
    assert bad != text
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(DataFileError, match="day is out of range") as err:
        load_plan(path)
    assert err.value.source == str(path)


def test_non_utf8_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "kh.yaml"
    path.write_bytes(
        "number: 1/KH-SYT\nissuer: Sở Y tế\n".encode("utf-16")
    )  # e.g. Notepad "Unicode"
    with pytest.raises(DataFileError, match="not UTF-8"):
        load_plan(path)
    with pytest.raises(DataFileError, match="cannot read file") as err:
        load_plan(tmp_path / "missing.yaml")
    assert err.value.source == str(tmp_path / "missing.yaml")
    with pytest.raises(DataFileError, match="unknown file type"):
        load_plan(tmp_path / "kh.txt")
