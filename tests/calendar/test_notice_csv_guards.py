"""``read_notice_csv`` refuses what it cannot read exactly (issue 19 B8).

Each guard is the dossier loader's (``cchc.dossiers.table.csv_file``): no column picked out
of two, no field dropped or padded, a byte-order mark read, bad bytes a typed error
naming the file, never a ``UnicodeDecodeError`` or ``OSError``. The oracle is the
format itself: columns ``date,kind,name_vi,name_en[,sources,verification,note]``.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from cchc.calendar import OfficialCalendar, read_notice_csv
from cchc.errors import DataFileError

HEADER = "date,kind,name_vi,name_en"
ROW = "2026-03-10,holiday,Ngày giải phóng tỉnh,Liberation day"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("date,kind,name_vi,name_en,date", "date"),
        ("date,date,kind,name_vi,name_en", "date"),
        ("date,kind,name_vi,name_en,note,note", "note"),
        ("date,kind,kind,name_vi,name_en", "kind"),
    ],
)
def test_a_column_given_twice_is_refused(header: str, field: str) -> None:
    # B8: the last of two `date` columns was taken silently.
    width = header.count(",") + 1
    row = ",".join(["2026-03-10", "holiday", "A", "B", "C", "D"][:width])
    with pytest.raises(DataFileError, match="more than once") as err:
        read_notice_csv(io.StringIO(f"{header}\n{row}\n"), name="x.csv")
    assert (err.value.row, err.value.field, err.value.source) == (1, field, "x.csv")


@pytest.mark.parametrize("extra", [",", ",x", ",x,y", ",,,,"])
def test_a_row_wider_than_the_header_is_refused_with_its_line(extra: str) -> None:
    # B8: extra fields were ignored (csv.DictReader files them under None).
    text = f"{HEADER}\n{ROW}\n\n2026-03-11,holiday,A,B{extra}\n"
    with pytest.raises(DataFileError, match="fields where the header has 4") as err:
        read_notice_csv(io.StringIO(text))
    assert err.value.row == 4  # the blank line 3 counts as a line, not as a row


@pytest.mark.parametrize("row", ["2026-03-11", "2026-03-11,holiday", "2026-03-11,holiday,A"])
def test_a_row_narrower_than_the_header_is_refused(row: str) -> None:
    with pytest.raises(DataFileError, match="where the header has 4") as err:
        read_notice_csv(io.StringIO(f"{HEADER}\n{row}\n"))
    assert err.value.row == 2


@pytest.mark.parametrize("column", ["verfication", "sourcs", "weekday"])
def test_an_unknown_column_is_refused_not_dropped(column: str) -> None:
    # A misspelt optional column would otherwise lose its values silently.
    with pytest.raises(DataFileError, match=f"unknown column.*{column}") as err:
        read_notice_csv(io.StringIO(f"{HEADER},{column}\n{ROW},original\n"))
    assert (err.value.row, err.value.field) == (1, column)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_byte_order_mark_is_read(tmp_path: Path, newline: str) -> None:
    # B8: a BOM made the first column "\ufeffdate" and the file was refused.
    path = tmp_path / "notice.csv"
    path.write_bytes(("\ufeff" + HEADER + newline + ROW + newline).encode("utf-8"))
    for given in (path, str(path), io.StringIO(path.read_text(encoding="utf-8"))):
        notice = read_notice_csv(given, covers_years=[2026])
        assert [e.day for e in notice.entries] == [date(2026, 3, 10)]
    assert not OfficialCalendar([notice]).is_working_day(date(2026, 3, 10))


@pytest.mark.parametrize(
    "raw",
    [
        "date,kind,name_vi,name_en\n2026-03-10,holiday,Ngày Đà,x\n".encode("cp1258"),
        "date,kind,name_vi,name_en\n2026-03-10,holiday,Tết,Tet\n".encode("utf-16"),
        b"date,kind,name_vi,name_en\n2026-03-10,holiday,\xff,x\n",
    ],
)
def test_bytes_that_are_not_utf8_are_a_typed_error(tmp_path: Path, raw: bytes) -> None:
    # B8: UnicodeDecodeError leaked, from a path and from a stream opened as UTF-8.
    path = tmp_path / "notice.csv"
    path.write_bytes(raw)
    with pytest.raises(DataFileError, match="not UTF-8") as err:
        read_notice_csv(path)
    assert err.value.source == str(path)
    with (
        path.open(encoding="utf-8") as stream,
        pytest.raises(DataFileError, match="not UTF-8") as err,
    ):
        read_notice_csv(stream, name="notice.csv")
    assert err.value.source == "notice.csv"


def test_missing_file_and_directory_are_typed_errors(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.csv", tmp_path):
        with pytest.raises(DataFileError, match="cannot read file"):
            read_notice_csv(path)


@pytest.mark.parametrize(
    ("text", "message", "row"),
    [
        ("", "empty file", 1),
        ("date,kind\n", "missing column.*name_vi.*found date, kind", 1),
        (f'{HEADER}\n2026-03-10,holiday,"Tết,Tet\n', "not valid CSV", 2),
    ],
)
def test_empty_file_missing_columns_bad_quoting(text: str, message: str, row: int) -> None:
    with pytest.raises(DataFileError, match=message) as err:
        read_notice_csv(io.StringIO(text))
    assert err.value.row == row


def test_quoted_fields_and_blank_lines_keep_their_lines() -> None:
    text = f'{HEADER},note\n\n2026-03-10,holiday,"Lễ, hội",Feast,"two\nlines"\n2026-03-11,x,A,B,\n'
    with pytest.raises(DataFileError) as err:
        read_notice_csv(io.StringIO(text))
    assert (err.value.row, err.value.field) == (5, "kind")  # line 3 holds two lines
