"""The loaders' fast paths give what the careful paths give (issue 16 item 4).

``from_arrow`` converts Arrow instants chunk by chunk from their buffers and matches the
texts of ``unit``/``channel`` in C; ``from_dataframe`` does the same for Arrow-backed
pandas text. The oracle of each test is :func:`from_columns` on the same values as
Python objects and NumPy arrays (the path that reads every value on its own), and the
input itself (which rows were written bad). Chunks are made tiny so that every chunk
boundary, slice offset and validity bitmap offset is crossed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from cchc._optional import require_extra
from cchc.dossiers.batch import CHANNEL_CODES, UNIT_CODES
from cchc.errors import BatchValidationError
from cchc.procedures.vocabulary import IMMEDIATE_AS

pd = require_extra("pandas", "pandas")
pa = require_extra("pyarrow", "pandas")
frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
columns_mod = require_extra("cchc.dossiers.table.columns", "pandas")
checks_mod = require_extra("cchc.dossiers.table.checks", "pandas")
from_arrow, from_columns, from_dataframe = (
    frame_mod.from_arrow,
    frame_mod.from_columns,
    frame_mod.from_dataframe,
)

START = np.datetime64("2025-03-03T02:00:00", "s")  # 09:00 in Vietnam
TZ = "Asia/Ho_Chi_Minh"
IMMEDIATE = UNIT_CODES[IMMEDIATE_AS[1].value]  # 'immediate' is 0 working days


@pytest.fixture(autouse=True)
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columns_mod, "CHUNK_ROWS", 4)
    monkeypatch.setattr(checks_mod, "CHUNK_ROWS", 4)


def errors_of(call: Any) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(BatchValidationError) as exc:
        call()
    return [(e.row, e.field, e.message) for e in exc.value.errors]


def chunked(values: list[Any], kind: Any, sizes: tuple[int, ...]) -> Any:
    """``values`` as a ChunkedArray of chunks of ``sizes``, each a slice of a longer array
    (so that buffers start at an offset that is not a multiple of 8)."""
    chunks, start = [], 0
    for size in sizes:
        part = values[start : start + size]
        padded = pa.array([None] * 3 + part + [None] * 2, type=kind)
        chunks.append(padded.slice(3, size))
        start += size
    assert start == len(values)
    return pa.chunked_array(chunks, type=kind)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_arrow_instants_in_every_unit_equal_the_numpy_path(unit: str) -> None:
    n = 23
    step = np.timedelta64(3_600_123_456_789, "ns").astype(f"timedelta64[{unit}]")
    received = START.astype(f"datetime64[{unit}]") + np.arange(n) * step
    finished = received + np.timedelta64(2, "D")
    finished[[0, 5, 6, 7, 8, 17]] = np.datetime64("NaT")
    sizes = (3, 7, 1, 12)
    kind = pa.timestamp(unit, tz=TZ)
    table = pa.table(
        {
            "received_at": chunked(received.view(np.int64).tolist(), kind, sizes),
            "finished_at": chunked(
                [None if np.isnat(v) else int(v.view(np.int64)) for v in finished], kind, sizes
            ),
            "amount": [5] * n,
            "unit": ["working_days"] * n,
            "channel": ["online"] * n,
        }
    )
    frame = from_arrow(table)
    oracle = from_columns(received_at=received, finished_at=finished, amount=5, naive_is_utc=True)
    np.testing.assert_array_equal(frame.received_at, oracle.received_at)
    np.testing.assert_array_equal(frame.finished_at, oracle.finished_at)
    assert frame.received_at.dtype == np.dtype("datetime64[ns]")


@pytest.mark.parametrize("unit", ["s", "ms", "us"])
def test_arrow_instants_outside_the_years_held_are_every_row_reported(unit: str) -> None:
    n = 13
    base = START.astype(f"datetime64[{unit}]")
    values: list[Any] = [int(base.view(np.int64))] * n
    far = {2: "2605-01-01", 5: "1600-06-01", 9: "2605-01-01", 12: "1677-12-31"}
    for row, day in far.items():
        values[row] = int(np.datetime64(day, unit).view(np.int64))
    values[4] = values[10] = None  # no value: not an error
    table = pa.table(
        {
            "received_at": chunked([values[0]] * n, pa.timestamp(unit, tz=TZ), (5, 8)),
            "finished_at": chunked(values, pa.timestamp(unit, tz=TZ), (5, 8)),
            "amount": [5] * n,
            "unit": ["days"] * n,
            "channel": ["post"] * n,
        }
    )
    found = errors_of(lambda: from_arrow(table))
    assert [(r, f) for r, f, _ in found] == [(r + 1, "finished_at") for r in sorted(far)]
    assert all("1678-2261" in m for *_, m in found)


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
def test_a_mostly_null_instant_column_equals_the_numpy_path(unit: str) -> None:
    # pieces with more nulls than values take the sparse conversion: only the values are
    # read, checked and converted; the numbers under the nulls (here far outside the years
    # held) are never read
    n = 41
    rng = np.random.default_rng(7)
    valid = rng.random(n) < 0.2
    valid[[0, 1, 2, 3]] = True  # a first piece with values only (the dense conversion)
    received = START.astype(f"datetime64[{unit}]") + np.arange(n) * np.timedelta64(7, "h")
    finished = received + np.timedelta64(3_600_123_456_789, "ns").astype(f"timedelta64[{unit}]")
    ints = finished.view(np.int64).copy()
    far = [i for i in np.flatnonzero(valid) if i % 3 == 0][:3] if unit != "ns" else []
    ints[far] = np.datetime64("2605-01-01", unit).view(np.int64)
    ints[~valid] = np.datetime64("2605-01-01", unit).view(np.int64)  # under the nulls
    kind = pa.timestamp(unit, tz=TZ)
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little").tobytes())
    whole = pa.Array.from_buffers(kind, n, [bitmap, pa.py_buffer(ints.tobytes())])
    table = pa.table(
        {
            "received_at": pa.array(received.view(np.int64), kind),
            "finished_at": pa.chunked_array([whole.slice(0, 9), whole.slice(9)]),
            "amount": [5] * n,
            "unit": ["days"] * n,
            "channel": ["post"] * n,
        }
    )
    expected = np.where(valid, ints.view(f"datetime64[{unit}]"), np.datetime64("NaT", unit))
    oracle = errors_of_or_none(
        lambda: from_columns(
            received_at=received, finished_at=expected, amount=5, unit="days", naive_is_utc=True
        )
    )
    assert [r for r, _, _ in oracle] == [i + 1 for i in sorted(far)]
    assert errors_of_or_none(lambda: from_arrow(table)) == oracle
    good = np.setdiff1d(np.arange(n), far)
    frame = from_arrow(table.take(good))
    same = from_columns(
        received_at=received[good], finished_at=expected[good], amount=5, naive_is_utc=True
    )
    np.testing.assert_array_equal(frame.finished_at, same.finished_at)
    assert np.isnat(frame.finished_at).tolist() == (~valid[good]).tolist()


def errors_of_or_none(call: Any) -> list[tuple[int | None, str | None, str]]:
    try:
        call()
    except BatchValidationError as exc:
        return [(e.row, e.field, e.message) for e in exc.errors]
    return []


def test_a_null_instant_is_none_whatever_number_its_slot_holds() -> None:
    n = 10
    ints = np.full(n, int(START.astype("datetime64[us]").view(np.int64)), dtype=np.int64)
    ints[[1, 8]] = int(np.datetime64("2605-01-01", "us").view(np.int64))  # under the nulls
    valid = np.ones(n, dtype=bool)
    valid[[1, 8]] = False
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little").tobytes())
    kind = pa.timestamp("us", tz=TZ)
    finished = pa.Array.from_buffers(kind, n, [bitmap, pa.py_buffer(ints.tobytes())])
    assert finished.null_count == 2
    table = pa.table(
        {
            "received_at": pa.array(np.full(n, ints[0]), kind),
            "finished_at": pa.chunked_array([finished.slice(0, 3), finished.slice(3)]),
            "amount": [0] * n,
            "unit": ["immediate"] * n,
            "channel": ["in_person"] * n,
        }
    )
    frame = from_arrow(table)
    assert np.isnat(frame.finished_at).tolist() == [not v for v in valid]


UNITS = ["working_days", " days", "hours ", "months", "immediate", None, "weeks", "days"]
CHANNELS = ["online", "post", "in_person", " online", "fax", None, "online", "post"]


def _text_columns(n: int) -> dict[str, list[Any]]:
    unit = [UNITS[i % len(UNITS)] for i in range(n)]
    unit += [f"unit {i}" for i in range(200)]  # more distinct bad texts than int8 codes
    channel = [CHANNELS[i % len(CHANNELS)] for i in range(n)] + ["online"] * 200
    amount = [0 if u == "immediate" else 5 for u in unit]
    return {"unit": unit, "channel": channel, "amount": amount}


def test_unit_and_channel_texts_from_arrow_equal_the_python_path() -> None:
    cols = _text_columns(37)
    n = len(cols["unit"])
    received = np.full(n, START)
    oracle = errors_of(
        lambda: from_columns(received_at=received, naive_is_utc=True, **cols)  # type: ignore[arg-type]
    )
    bad_rows = {
        i + 1
        for i, (u, c) in enumerate(zip(cols["unit"], cols["channel"], strict=True))
        if u is None
        or u.strip() not in [*UNIT_CODES, "immediate"]
        or c is None
        or c.strip() not in CHANNEL_CODES
    }
    assert {r for r, _, _ in oracle} == bad_rows
    for kind in (pa.string(), pa.large_string()):
        table = pa.table(
            {
                "received_at": pa.array(received.astype("datetime64[s]"), pa.timestamp("s", TZ)),
                "amount": cols["amount"],
                "unit": chunked(cols["unit"], kind, (5, 100, 132)),
                "channel": pa.array(cols["channel"], kind),
            }
        )
        assert errors_of(lambda: from_arrow(table)) == oracle  # noqa: B023
        good = [i for i in range(n) if i + 1 not in bad_rows]
        kept = from_arrow(table.take(good))
        same = from_columns(
            received_at=received[good],
            naive_is_utc=True,
            **{k: [v[i] for i in good] for k, v in cols.items()},  # type: ignore[arg-type]
        )
        np.testing.assert_array_equal(kept.unit, same.unit)
        np.testing.assert_array_equal(kept.channel, same.channel)
        frame, table_of_bad = from_arrow(table, on_bad_rows="collect")
        assert len(frame) == len(good)
        assert set(table_of_bad["row"]) == bad_rows


def test_arrow_backed_pandas_text_equals_object_text() -> None:
    cols = _text_columns(29)
    n = len(cols["unit"])
    received = pd.Series(pd.DatetimeIndex(np.full(n, START)).tz_localize("UTC").tz_convert(TZ))
    found = {}
    for dtype in ("object", "string[pyarrow]", "str"):
        df = pd.DataFrame(
            {
                "received_at": received,
                "amount": cols["amount"],
                "unit": pd.Series(cols["unit"], dtype=dtype),
                "channel": pd.Series(cols["channel"], dtype=dtype),
            }
        )
        found[dtype] = errors_of(lambda: from_dataframe(df))  # noqa: B023
        frame, _ = from_dataframe(df, on_bad_rows="collect")
        found[dtype + " codes"] = (frame.unit.tolist(), frame.channel.tolist())
    assert found["object"] == found["string[pyarrow]"] == found["str"]
    assert found["object codes"] == found["string[pyarrow] codes"] == found["str codes"]


def test_immediate_is_flagged_and_coded_as_its_engine_terms() -> None:
    table = pa.table(
        {
            "received_at": pa.array(np.full(4, START), pa.timestamp("s", TZ)),
            "amount": [0, 5, 0, 5],
            "unit": ["immediate", "days", "immediate", "immediate"],
            "channel": ["online"] * 4,
        }
    )
    found = errors_of(lambda: from_arrow(table))
    assert [(r, f) for r, f, _ in found] == [(4, "amount")]  # 'immediate' has no amount
    frame = from_arrow(table.slice(0, 3))
    assert frame.unit.tolist() == [IMMEDIATE, UNIT_CODES["days"], IMMEDIATE]


def test_dictionary_columns_of_several_chunks_keep_their_labels_and_nulls() -> None:
    agencies = ["Sở Tư pháp", "UBND xã A", None, "Sở Y tế", "UBND xã A", "Công an"] * 4
    units = ["days", "working_days", "hours", "days", None, "months"] * 4
    n = len(agencies)

    def dictionary(values: list[Any], sizes: tuple[int, ...]) -> Any:
        chunks, start = [], 0
        for k, size in enumerate(sizes):
            part = values[start : start + size]
            # each chunk its own dictionary: an unused label, then its labels backwards
            words = [f"unused {k}", *dict.fromkeys(v for v in reversed(part) if v is not None)]
            indices = [None if v is None else words.index(v) for v in [None, *part]]
            encoded = pa.DictionaryArray.from_arrays(pa.array(indices, pa.int8()), words)
            chunks.append(encoded.slice(1))  # starts at an offset
            start += size
        return pa.chunked_array(chunks)

    sizes = (5, 1, 11, 7)
    table = pa.table(
        {
            "received_at": pa.array(np.full(n, START), pa.timestamp("s", TZ)),
            "amount": [5] * n,
            "unit": dictionary(units, sizes),
            "channel": ["online"] * n,
            "agency": dictionary(agencies, sizes),
        }
    )
    assert table.column("agency").to_pylist() == agencies
    oracle = table.column("agency").to_pandas()
    found = errors_of(lambda: from_arrow(table))
    assert [(r, f) for r, f, _ in found] == [
        (i + 1, "unit") for i, u in enumerate(units) if u is None
    ]
    good = [i for i, u in enumerate(units) if u is not None]
    frame = from_arrow(table.take(good))
    codes, labels = frame.group("agency")
    assert [labels[c] for c in codes] == ["" if agencies[i] is None else agencies[i] for i in good]
    assert list(labels) == [*oracle.cat.categories, ""]
    same = from_columns(
        received_at=np.full(len(good), START),
        amount=5,
        unit=[units[i] for i in good],
        naive_is_utc=True,
    )
    np.testing.assert_array_equal(frame.unit, same.unit)


@pytest.mark.parametrize("kind", ["int8", "int32", "int64"])
def test_arrow_amounts_copied_by_chunks_equal_the_numpy_path(kind: str) -> None:
    from cchc.dossiers.deadline import MAX_AMOUNT

    values = [5, 0, -3, 7, 9, 2, -1, 4, 6, 8, 1]
    if kind != "int8":
        values[3] = MAX_AMOUNT + 1  # too big: refused, never wrapped
    n = len(values)
    table = pa.table(
        {
            "received_at": pa.array(
                np.full(n, START).astype("datetime64[s]"), pa.timestamp("s", TZ)
            ),
            "amount": chunked(values, getattr(pa, kind)(), (4, 0, 7)),
            "unit": ["days"] * n,
            "channel": ["post"] * n,
        }
    )
    oracle = errors_of(
        lambda: from_columns(
            received_at=np.full(n, START), amount=np.array(values), unit="days", naive_is_utc=True
        )
    )
    assert {r for r, _, _ in oracle} == {
        i + 1 for i, v in enumerate(values) if v < 0 or v > MAX_AMOUNT
    }
    assert errors_of(lambda: from_arrow(table)) == oracle
    frame, bad = from_arrow(table, on_bad_rows="collect")
    good = [v for v in values if 0 <= v <= MAX_AMOUNT]
    assert frame.amount.tolist() == good and frame.amount.dtype == np.int64
    assert set(bad["row"]) == {r for r, _, _ in oracle}
