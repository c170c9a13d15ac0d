"""The dossier loaders against hostile input and files as people have them (issue 19 B, C).

Each defect's test varies the input over the rule's scope: every timestamp unit and
loader for the year-2605 instant, every scalar entry point for ``NaT``, each encoding,
each last day of the calendar's coverage. Oracles are the inputs themselves (the value
written, the line it is on) and the scalar API, which already refuses what the loaders
must refuse.
"""

from __future__ import annotations

import time
import tracemalloc
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from cchc._data import data_path
from cchc._optional import require_extra
from cchc.dossiers import (
    Dossier,
    Event,
    EventKind,
    clock_start,
    due_date,
    due_within,
    evaluate,
    online_check_due,
)
from cchc.dossiers.table.csv_file import FIELD_LIMIT, tokenize
from cchc.dossiers.table.headers import header_names
from cchc.errors import (
    BatchValidationError,
    CalendarCoverageError,
    CchcError,
    DataFileError,
    ValidationError,
)
from cchc.tz import VN_TZ

pd = require_extra("pandas", "pandas")
pa = require_extra("pyarrow", "pandas")
frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
read_csv, from_dataframe, from_arrow, from_columns = (
    frame_mod.read_csv,
    frame_mod.from_dataframe,
    frame_mod.from_arrow,
    frame_mod.from_columns,
)
BUNDLED = Path(str(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv")))
HEADER = "agency,channel,received_at,amount,unit,finished_at"
GOOD = "A,online,2025-03-03T09:00:00+07:00,5,working_days,2025-03-04T10:00:00+07:00"
T = pd.Timestamp("2025-03-03 09:00", tz="Asia/Ho_Chi_Minh")


def write(tmp_path: Path, *lines: str, name: str = "d.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def fields(exc: pytest.ExceptionInfo[BatchValidationError]) -> list[tuple[int | None, str]]:
    return [(e.row, e.field or "") for e in exc.value.errors]


def same_frames(a: Any, b: Any) -> None:
    for name in ("received_at", "finished_at", "amount", "unit", "channel"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    for key in a.groups:
        codes_a, labels_a = a.group(key)
        codes_b, labels_b = b.group(key)
        assert [labels_a[c] for c in codes_a] == [labels_b[c] for c in codes_b]


# -- the typed CSV path gives what the careful text path gives ----------------------------


def test_typed_path_equals_the_careful_path_on_the_bundled_file(tmp_path: Path) -> None:
    typed = read_csv(BUNDLED)
    # a blank line at the end sends the same rows through the text path
    other = tmp_path / "blank.csv"
    other.write_bytes(BUNDLED.read_bytes() + b"\n\n")
    careful = read_csv(other)
    same_frames(typed, careful)
    assert typed.row_numbers is None or list(typed.row_numbers[:3]) == [2, 3, 4]


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("2025-03-03T09:00:00", "received_at"),  # naive
        ("2025-03-03", "received_at"),  # a date
        ("N/A", "received_at"),  # not null: a value
        ("NULL", "finished_at"),
        ("4.9999999999999999", "amount"),  # a float would round it to 5
        ("true", "amount"),
        ("-1", "amount"),
        ("99999999999999999999", "amount"),
        ("2605-01-01T09:00:00+07:00", "received_at"),  # past 2261
    ],
)
def test_a_bad_value_is_reported_on_its_line_by_either_path(
    tmp_path: Path, value: str, field: str
) -> None:
    row = dict(zip(HEADER.split(","), GOOD.split(","), strict=True))
    row[field] = value
    path = write(tmp_path, HEADER, GOOD, ",".join(row.values()), GOOD)
    with pytest.raises(BatchValidationError) as exc:
        read_csv(path)
    assert (3, field) in fields(exc)
    frame, bad = read_csv(path, on_bad_rows="collect")
    assert len(frame) == 2 and 3 in set(bad["row"])


def test_an_offset_of_hours_only_is_read_alike_by_both_paths(tmp_path: Path) -> None:
    line = GOOD.replace("+07:00", "+07")
    typed = read_csv(write(tmp_path, HEADER, line, GOOD))
    careful = read_csv(write(tmp_path, HEADER, line, "", GOOD, name="b.csv"))
    same_frames(typed, careful)
    assert typed.received_at[0] == np.datetime64("2025-03-03T02:00:00", "ns")


# -- B1: a year-2605 instant is a range error in every unit and loader ---------------------


@pytest.mark.parametrize("unit", ["s", "ms", "us"])
def test_year_2605_is_a_range_error_in_every_unit_and_loader(unit: str) -> None:
    far = np.array(["2605-01-01T02:00", "2025-03-03T02:00"], dtype=f"datetime64[{unit}]")
    aware = pd.Series(far).dt.tz_localize("UTC")
    base = {"amount": [5, 5], "unit": ["working_days"] * 2, "channel": ["online"] * 2}
    calls = {
        "from_dataframe": lambda: from_dataframe(pd.DataFrame({**base, "received_at": aware})),
        "from_columns": lambda: from_columns(received_at=aware, amount=[5, 5]),
        "from_columns numpy": lambda: from_columns(
            received_at=far, amount=[5, 5], naive_is_utc=True
        ),
        "from_arrow": lambda: from_arrow(
            pa.table(
                {
                    **base,
                    "received_at": pa.array(far.astype(np.int64), pa.timestamp(unit, tz="UTC")),
                }
            )
        ),
    }
    for name, call in calls.items():
        with pytest.raises(BatchValidationError) as exc:
            call()
        assert fields(exc) == [(1, "received_at")], name
        assert "1678-2261" in exc.value.errors[0].message


def test_year_2605_in_a_parquet_file_is_a_range_error(tmp_path: Path) -> None:
    pq = require_extra("pyarrow.parquet", "pandas")
    table = pa.table(
        {
            "received_at": pa.array(
                np.array(["2605-01-01T02:00"], dtype="datetime64[us]").astype(np.int64),
                pa.timestamp("us", tz="UTC"),
            ),
            "amount": [5],
            "unit": ["working_days"],
            "channel": ["online"],
        }
    )
    pq.write_table(table, tmp_path / "d.parquet")
    with pytest.raises(BatchValidationError) as exc:
        from_arrow(pq.read_table(tmp_path / "d.parquet"))
    assert fields(exc) == [(1, "received_at")]


# -- B2: one run reports every bad row ----------------------------------------------------


def test_a_coverage_error_does_not_hide_a_bad_rescheduling_on_another_row() -> None:
    # A late apology is now kept and flagged (LC-APOLOGY-LATE), so the other rule broken here
    # is a new date that is not after the due date (ND 118/2025 Art 19(6)).
    def ts(*a: int) -> Any:
        return pd.Timestamp(datetime(*a, tzinfo=VN_TZ))

    nat = pd.Series([pd.NaT], dtype="datetime64[us, Asia/Ho_Chi_Minh]")
    for order in ([0, 1, 2], [1, 0, 2], [2, 1, 0]):
        rows = [
            (ts(2027, 12, 20, 9), 30, nat[0], nat[0]),  # due past 2027: outside coverage
            (ts(2025, 3, 3, 9), 5, ts(2025, 3, 5, 9), ts(2025, 3, 4, 9)),  # new date too early
            (ts(2025, 3, 3, 9), 5, nat[0], nat[0]),  # good
        ]
        rows = [rows[i] for i in order]
        frame = from_columns(
            received_at=pd.Series([r[0] for r in rows]),
            amount=[r[1] for r in rows],
            rescheduled_at=pd.Series([r[2] for r in rows], dtype=nat.dtype),
            rescheduled_due_at=pd.Series([r[3] for r in rows], dtype=nat.dtype),
        )
        with pytest.raises(BatchValidationError) as exc:
            evaluate(frame)
        found = dict(fields(exc))
        assert found == {order.index(0) + 1: "due_at", order.index(1) + 1: "rescheduled_due_at"}


# -- B3: a header of a million columns ----------------------------------------------------


def test_a_header_of_a_million_columns_is_read_in_linear_time(tmp_path: Path) -> None:
    wide = ",".join(f"c{n}" for n in range(1_000_000))
    path = write(tmp_path, HEADER + "," + wide, GOOD + "," * 1_000_000)
    start = time.perf_counter()
    frame = read_csv(path)
    assert len(frame) == 1
    assert time.perf_counter() - start < 60  # quadratic: hours
    twice = write(tmp_path, HEADER + "," + wide + ",c7", name="twice.csv")
    with pytest.raises(BatchValidationError) as exc:
        read_csv(twice)
    assert fields(exc) == [(None, "c7")]


# -- B4: a field longer than the limit ----------------------------------------------------


@pytest.mark.parametrize("size", [FIELD_LIMIT + 1, 10_000_000])
def test_a_long_quoted_field_names_its_line_and_the_limit_in_bounded_memory(
    tmp_path: Path, size: int
) -> None:
    lines = size // 2 + 1  # "x\n" per line: 2 characters
    field = '"' + "x\n" * lines + '"'
    path = write(tmp_path, HEADER, GOOD, "A," + field + ",2025-03-03T09:00:00+07:00,5,d,", GOOD)
    tracemalloc.start()
    try:
        with pytest.raises(DataFileError) as exc:
            read_csv(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert exc.value.row == 3
    assert f"{FIELD_LIMIT:,}" in exc.value.message
    assert peak < 40 * max(size, 2**20)  # 4 GB for 10 MB before


# -- B5: labels in NFC --------------------------------------------------------------------


@pytest.mark.parametrize("form", ["NFD", "NFKD"])
def test_labels_differing_only_by_normalisation_are_one_group(tmp_path: Path, form: str) -> None:
    label = "Tư pháp"
    other = unicodedata.normalize(form, label)
    assert other != label
    rows = [GOOD.replace("A,", f"{x},", 1) for x in (label, other, " " + label, "Khác")]
    for frame in (
        read_csv(write(tmp_path, HEADER, *rows)),
        read_csv(write(tmp_path, HEADER, *rows, "", name="text.csv")),  # the text path
        from_dataframe(
            pd.DataFrame(
                {
                    "agency": [label, other, " " + label, "Khác"],
                    "received_at": [T] * 4,
                    "amount": [5] * 4,
                    "unit": ["working_days"] * 4,
                    "channel": ["online"] * 4,
                }
            )
        ),
    ):
        codes, labels = frame.group("agency")
        assert sorted(labels) == sorted({label, "Khác"})
        assert len(set(codes[:3].tolist())) == 1


# -- B9: silent coercions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("amount", [True, 5]),
        ("amount", np.array([True, False])),
        ("amount", ["4.9999999999999999", "5"]),
        ("amount", ["1e1", "5"]),
        ("received_at", [1735000000, 1735000000]),
        ("received_at", np.array([1.7e9, 1.7e9])),
    ],
)
def test_coercions_are_refused_as_the_scalar_api_refuses_them(column: str, values: Any) -> None:
    data = {"received_at": [T, T], "amount": [5, 5], column: values}
    with pytest.raises(BatchValidationError) as exc:
        from_dataframe(pd.DataFrame({**data, "unit": ["days"] * 2, "channel": ["online"] * 2}))
    assert (1, column) in fields(exc)
    with pytest.raises(CchcError):
        due_date(T.to_pydatetime(), True)


def test_whole_amounts_as_text_are_kept() -> None:
    frame = from_columns(received_at=pd.Series([T] * 3), amount=["5", "5.0", " 7 "])
    assert frame.amount.tolist() == [5, 5, 7]


# -- B10: one outcome on both paths at the end of the coverage ----------------------------


@pytest.mark.parametrize("unit", ["working_days", "days", "hours"])
def test_scalar_dossier_and_batch_agree_at_the_end_of_the_coverage(unit: str) -> None:
    for day in range(24, 32):
        for hour in (8, 16):
            received = datetime(2027, 12, day, hour, 0, tzinfo=VN_TZ)
            for amount in (0, 1, 2, 3):
                outcomes = []
                for path in ("scalar", "dossier", "batch"):
                    try:
                        if path == "scalar":
                            got: Any = due_date(received, amount, unit)
                        elif path == "dossier":
                            got = (
                                Dossier(
                                    channel="in_person",
                                    amount=amount,
                                    unit=unit,
                                    events=(Event(kind=EventKind.RECEIVED, at=received),),
                                )
                                .deadline()
                                .due_at
                            )
                        else:
                            frame = from_columns(
                                received_at=pd.Series([pd.Timestamp(received)]),
                                amount=[amount],
                                unit=[unit],
                            )
                            ns = evaluate(frame).due_at[0].astype(np.int64)
                            got = datetime(1970, 1, 1, tzinfo=VN_TZ) + timedelta(
                                hours=7, microseconds=int(ns) // 1000
                            )
                        outcomes.append(got.isoformat())
                    except (CalendarCoverageError, BatchValidationError) as exc:
                        errors = getattr(exc, "errors", (exc,))
                        assert all(isinstance(e, CalendarCoverageError) for e in errors)
                        outcomes.append("outside the coverage")
                assert len(set(outcomes)) == 1, (received, amount, unit, outcomes)


# -- B11: NaT in the scalar API -----------------------------------------------------------


def test_nat_is_a_typed_error_in_every_scalar_entry_point() -> None:
    good = datetime(2025, 3, 3, 9, tzinfo=VN_TZ)
    for call in (
        lambda: due_date(pd.NaT, 5),
        lambda: clock_start(pd.NaT),
        lambda: online_check_due(pd.NaT),
        lambda: due_within(pd.NaT, good, 3),
        lambda: due_within(good, pd.NaT, 3),
    ):
        with pytest.raises(ValidationError, match="NaT"):
            call()


# -- B12, C: line endings, encodings ------------------------------------------------------


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_every_line_ending_is_read(tmp_path: Path, end: str) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(end.join([HEADER, GOOD, GOOD.replace("A,", "B,")]).encode() + end.encode())
    frame = read_csv(path)
    assert len(frame) == 2
    assert frame.group("agency")[1] == ("A", "B")


@pytest.mark.parametrize(
    ("encoding", "option"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("cp1258", "cp1258")],
)
def test_files_in_each_encoding_are_read_with_the_option(
    tmp_path: Path, encoding: str, option: str
) -> None:
    # cp1258 writes "ế" as "ê" and a combining acute accent: the label is read in NFC
    label = "Thuê\u0301" if encoding == "cp1258" else "Thuế"
    path = write(
        tmp_path,
        HEADER,
        GOOD.replace("A,", f"Sở {label},", 1).replace(
            "ở", "ơ\u0309" if encoding == "cp1258" else "ở"
        ),
        encoding=encoding,
    )
    frame = read_csv(path, encoding=option)
    assert frame.group("agency")[1] == ("Sở Thuế",)


def test_a_wrong_encoding_names_the_option(tmp_path: Path) -> None:
    utf16 = write(tmp_path, HEADER, GOOD, encoding="utf-16")
    with pytest.raises(DataFileError, match="encoding='utf-16'"):
        read_csv(utf16)
    cp = write(tmp_path, HEADER, GOOD.replace("A,", "Thuê\u0301,", 1), encoding="cp1258")
    with pytest.raises(DataFileError, match="cp1258") as exc:
        read_csv(cp)
    assert exc.value.row == 2
    with pytest.raises(ValidationError, match="unknown encoding"):
        read_csv(cp, encoding="no-such-codec")


# -- C: day-first dates, Vietnamese headers, missing columns ------------------------------


def test_day_first_dates_by_the_explicit_option(tmp_path: Path) -> None:
    row = "A,online,03/04/2025 09:00,5,working_days,04/04/2025 10:30:15"
    path = write(tmp_path, HEADER, row, GOOD)
    with pytest.raises(BatchValidationError):
        read_csv(path)  # never guessed
    frame = read_csv(path, dayfirst=True)
    assert frame.received_at[0] == np.datetime64("2025-04-03T02:00", "ns")  # 3 April, +07:00
    assert frame.finished_at[0] == np.datetime64("2025-04-04T03:30:15", "ns")
    assert frame.received_at[1] == np.datetime64("2025-03-03T02:00", "ns")  # ISO still read
    bad = write(tmp_path, HEADER, row.replace("03/04", "31/02"), name="bad.csv")
    with pytest.raises(BatchValidationError) as exc:
        read_csv(bad, dayfirst=True)
    assert fields(exc) == [(2, "received_at")]


def test_vietnamese_headers_and_a_user_mapping(tmp_path: Path) -> None:
    header = "Cơ quan,Hình thức nộp,Ngày tiếp nhận,THỜI HẠN,Đơn vị thời hạn,Ngày trả kết quả"
    path = write(tmp_path, unicodedata.normalize("NFD", header), GOOD)
    frame = read_csv(path)
    assert len(frame) == 1 and frame.group("agency")[1] == ("A",)
    mine = write(
        tmp_path,
        "Nơi nhận,channel,Lúc nhận,amount,unit",
        "A,online,2025-03-03T09:00+07:00,5,days",
        name="m.csv",
    )
    frame = read_csv(mine, columns={"Lúc nhận": "received_at", "Nơi nhận": "agency"})
    assert frame.group("agency")[1] == ("A",)
    with pytest.raises(ValidationError, match="not a column"):
        header_names({"x": "no_such_column"}, known=("received_at",))


def test_a_missing_column_lists_the_headers_found(tmp_path: Path) -> None:
    path = write(tmp_path, "Cơ quan,Kênh,Lúc nhận,Thời hạn,Đơn vị thời hạn", "A,online,x,5,days")
    with pytest.raises(BatchValidationError) as exc:
        read_csv(path)
    (err,) = exc.value.errors
    assert err.field == "received_at"
    assert "'Lúc nhận'" in err.message and "columns=" in err.message


# -- Arrow / Parquet text that is not UTF-8 -----------------------------------------------


def test_invalid_utf8_in_an_arrow_string_column_is_a_located_error() -> None:
    for column in ("unit", "agency", "code"):
        values = (
            [b"working_days", b"\xff\xfe", b"days"] if column == "unit" else [b"A", b"\xff", b"B"]
        )
        table = pa.table(
            {
                "received_at": pa.array([T, T, T]),
                "amount": [5, 5, 5],
                "unit": ["working_days"] * 3,
                "channel": ["online"] * 3,
                column: pa.array(values, pa.binary()).cast(pa.string(), safe=False),
            }
        )
        with pytest.raises(BatchValidationError) as exc:
            from_arrow(table)
        assert fields(exc) == [(2, column)]


def test_tokenize_keeps_its_contract(tmp_path: Path) -> None:
    table = tokenize(write(tmp_path, HEADER, GOOD, "", GOOD), source="t")
    assert table.lines.tolist() == [2, 4]


# -- C: the command line -------------------------------------------------------------------


def test_stats_bad_rows_keeps_the_good_rows_and_writes_the_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc.cli import main

    path = write(
        tmp_path,
        HEADER,
        GOOD,
        GOOD.replace("+07:00", "", 1),  # line 3: naive
        "B,online,2027-12-20T09:00:00+07:00,30,working_days,",  # line 4: past the coverage
        GOOD.replace(",5,", ",x,"),  # line 5: no amount
    )
    out = tmp_path / "bad.csv"
    assert main(["dossier", "stats", str(path), "--year", "2025", "--bad-rows", str(out)]) == 0
    captured = capsys.readouterr()
    assert "2025" in captured.out
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line,field,reason"
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["3", "received_at"],
        ["4", "due_at"],
        ["5", "amount"],
    ]
    assert sum("cchc: bad row:" in line for line in captured.err.splitlines()) == 3
    # The reasons name the command's options, not the library's Python keywords: line 4 is
    # past the coverage ("add --provisional"), line 3 naive ("add the offset").
    for text in (captured.err, out.read_text(encoding="utf-8")):
        assert "provisional=True" not in text and "--provisional" in text
        assert "tzinfo=ZoneInfo" not in text
    assert main(["dossier", "stats", str(path), "--bad-rows", str(out)]) == 2  # no --force
    assert main(["dossier", "stats", str(path)]) == 2  # without --bad-rows: refused


def test_stats_reads_files_as_people_have_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc.cli import main

    header = "Cơ quan,Kênh nộp,Lúc nhận,Thời hạn,Đơn vị thời hạn"
    path = write(
        tmp_path, header, "Sở Tư pháp,online,03/03/2025 09:00,5,working_days", encoding="utf-16"
    )
    mapping = tmp_path / "columns.json"
    mapping.write_text('{"Lúc nhận": "received_at"}', encoding="utf-8")
    argv = ["dossier", "stats", str(path), "--encoding", "utf-16", "--dayfirst"]
    assert main([*argv, "--columns", str(mapping), "--json"]) == 0
    assert '"received": 1' in capsys.readouterr().out
    assert main(argv) == 2  # the header "Lúc nhận" is not known without the mapping
    assert "'Lúc nhận'" in capsys.readouterr().err
