"""``read_parquet`` gives what ``from_arrow(pyarrow.parquet.read_table(path))`` gives.

The reader reads only the columns it knows and the closed vocabularies (``unit``,
``channel``, ``outcome``) as Arrow dictionaries. The oracle of each test is
:func:`from_arrow` of the whole table read back by ``pyarrow.parquet.read_table``, and
the input itself (which rows were written bad). Row groups are made small, so that each
row group has its own dictionary and labels first seen in a later one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest

from cchc._optional import require_extra
from cchc.dossiers.batch import UNIT_CODES
from cchc.errors import BatchValidationError, DataFileError, ValidationError

pd = require_extra("pandas", "pandas")
pa = require_extra("pyarrow", "pandas")
pq = require_extra("pyarrow.parquet", "pandas")
frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
from_arrow, read_parquet = frame_mod.from_arrow, frame_mod.read_parquet

TZ = "Asia/Ho_Chi_Minh"
UNITS = ["working_days", " days", "hours ", "months", "immediate", None, "weeks", "days"]
CHANNELS = ["online", "post", "in_person", " online", "fax", None, "online", "post"]
OUTCOMES = ["decided", "returned", "refused", "withdrawn", None, "lost", " decided", "decided"]


def _columns(n: int, *, bad: bool) -> dict[str, Any]:
    """``n`` dossiers; with ``bad``, some unit / channel / outcome texts are not names."""
    k = np.arange(n)
    received = np.datetime64("2025-03-03T02:00", "ms") + (k % 50) * np.timedelta64(1, "D")
    finished = received + np.timedelta64(3, "D")
    units = UNITS if bad else ["working_days", "days", "hours"]
    channels = CHANNELS if bad else ["online", "post", "in_person"]
    outcomes = OUTCOMES if bad else ["decided", "returned", "refused"]
    unit = [units[i % len(units)] for i in range(n)]
    return {
        "received_at": pa.array(received, pa.timestamp("ms", TZ)),
        "amount": [0 if u == "immediate" else 5 for u in unit],
        "unit": unit,
        "channel": [channels[(i * 3) % len(channels)] for i in range(n)],
        "finished_at": pa.array(finished, pa.timestamp("ms", TZ)),
        "outcome": [outcomes[(i * 5) % len(outcomes)] for i in range(n)],
        "agency": [f"Sở {i % 7}" for i in range(n)],
        "procedure_code": pd.Categorical([f"1.00{i % 3}" for i in range(n)]),
    }


def _write(tmp_path: Path, table: Any, name: str = "d.parquet") -> Path:
    path = tmp_path / name
    pq.write_table(table, path, row_group_size=16)
    return path


def _same(a: Any, b: Any) -> None:
    for field in attrs.fields(type(a)):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if field.name == "groups":
            assert x.keys() == y.keys()
            for key in x:
                np.testing.assert_array_equal(x[key][0], y[key][0])
                assert x[key][0].dtype == y[key][0].dtype
                assert x[key][1] == y[key][1]
        elif isinstance(x, np.ndarray):
            assert x.dtype == y.dtype, field.name
            np.testing.assert_array_equal(x, y, err_msg=field.name)
        elif field.name == "record_flags":
            assert x.keys() == y.keys()
        else:
            assert x == y, field.name


@pytest.mark.parametrize("kind", ["string", "large_string"])
def test_read_parquet_equals_from_arrow_of_the_table_read_back(tmp_path: Path, kind: str) -> None:
    cols = _columns(100, bad=False)
    table = pa.table(cols).cast(
        pa.schema(
            [
                pa.field(f.name, getattr(pa, kind)())
                if f.name in ("unit", "channel", "outcome")
                else f
                for f in pa.table(cols).schema
            ]
        )
    )
    path = _write(tmp_path, table)
    got = read_parquet(path)
    _same(got, from_arrow(pq.read_table(path), source=str(path)))
    assert got.source == str(path)
    assert got.unit.tolist()[:3] == [UNIT_CODES[u] for u in ("working_days", "days", "hours")]
    assert read_parquet(path, source="upload").source == "upload"


def test_every_bad_row_is_reported_as_from_arrow_reports_it(tmp_path: Path) -> None:
    path = _write(tmp_path, pa.table(_columns(64, bad=True)))
    with pytest.raises(BatchValidationError) as got:
        read_parquet(path)
    with pytest.raises(BatchValidationError) as oracle:
        from_arrow(pq.read_table(path), source=str(path))
    found = [(e.row, e.field, e.message, type(e)) for e in got.value.errors]
    assert found == [(e.row, e.field, e.message, type(e)) for e in oracle.value.errors]
    bad = {
        i + 1
        for i in range(64)
        if UNITS[i % len(UNITS)] in (None, "weeks")
        or CHANNELS[(i * 3) % len(CHANNELS)] in (None, "fax")
        or OUTCOMES[(i * 5) % len(OUTCOMES)] == "lost"
    }
    assert {r for r, _, _, _ in found} == bad
    frame, bad_rows = read_parquet(path, on_bad_rows="collect")
    kept, oracle_rows = from_arrow(pq.read_table(path), on_bad_rows="collect", source=str(path))
    _same(frame, kept)
    assert bad_rows.equals(oracle_rows)
    assert set(bad_rows["row"]) == bad


def test_other_columns_are_neither_read_nor_checked(tmp_path: Path) -> None:
    cols = _columns(20, bad=False)
    junk = pa.array([b"\xff"] * 20, pa.binary()).cast(pa.string(), safe=False)
    table = pa.table({**cols, "note": junk, "nested": [{"a": i} for i in range(20)]})
    path = _write(tmp_path, table)
    with pytest.raises(BatchValidationError):  # from_arrow checks every text column
        from_arrow(pq.read_table(path))
    _same(read_parquet(path), from_arrow(pa.table(cols), source=str(path)))


def test_header_names_and_the_columns_option(tmp_path: Path) -> None:
    cols = _columns(20, bad=False)
    renamed = {"Ngày tiếp nhận": cols.pop("received_at"), "Kênh XYZ": cols.pop("channel"), **cols}
    path = _write(tmp_path, pa.table(renamed))
    got = read_parquet(path, columns={"Kênh XYZ": "channel"})
    _same(got, from_arrow(pq.read_table(path), columns={"Kênh XYZ": "channel"}, source=str(path)))
    with pytest.raises(BatchValidationError) as exc:
        read_parquet(path)  # 'Kênh' is not a bundled header name
    assert [e.field for e in exc.value.errors] == ["channel"]
    assert "'Kênh XYZ'" in exc.value.errors[0].message


def test_repeated_columns_are_refused_before_reading(tmp_path: Path) -> None:
    cols = _columns(20, bad=False)
    table = pa.table({**cols, "Ngày tiếp nhận": cols["received_at"]})
    path = _write(tmp_path, table)
    with pytest.raises(BatchValidationError) as exc:
        read_parquet(path)
    (err,) = exc.value.errors
    assert err.field == "received_at" and "more than once" in err.message


def test_files_that_cannot_be_read_are_data_file_errors(tmp_path: Path) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text("received_at,amount\n", encoding="utf-8")
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(_write(tmp_path, pa.table(_columns(20, bad=False))).read_bytes()[:200])
    for path, words in (
        (tmp_path / "none.parquet", "cannot read file"),
        (tmp_path, "cannot read file"),  # a folder
        (csv, "not a Parquet file"),
        (cut, "not a Parquet file"),
    ):
        with pytest.raises(DataFileError) as exc:
            read_parquet(path)
        assert words in exc.value.message
        assert exc.value.source == str(path)
    with pytest.raises(ValidationError) as wrong:
        read_parquet(3)
    assert wrong.value.field == "path"


def test_the_public_name() -> None:
    from cchc import dossiers

    assert dossiers.read_parquet is read_parquet
    assert "read_parquet" in dossiers.__all__


def test_without_pandas_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import cchc.dossiers
    from cchc.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.delitem(sys.modules, "cchc.dossiers.table.frame", raising=False)
    with pytest.raises(MissingExtraError, match=r"pip install 'cchc\[pandas\]'"):
        cchc.dossiers.read_parquet  # noqa: B018 - the attribute is the import
