"""A file that is not CSV text (Parquet, an Excel workbook, a gzip archive) given where a
CSV file is read: a DataFileError naming the file and what it is, never garbled columns
("the columns found: 'PAR1\\x15...'") nor the advice to try the cp1258 encoding.

Oracles: the first bytes each format's own specification puts at the start of a file,
produced here by the format's own writer where one is installed: Parquet "PAR1" (Apache
Parquet file format: magic number at both ends; pyarrow.parquet writes it), ZIP "PK\\x03\\x04"
(PKWARE APPNOTE 4.3.7, the local file header of an .xlsx; openpyxl writes it), gzip
"\\x1f\\x8b" (RFC 1952 2.3.1; the gzip module writes it), the Compound File Binary header
"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1" of an Excel 97-2003 .xls ([MS-CFB] 2.2, written down by
hand: no .xls writer is installed).
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from cchc.dossiers import read_csv
from cchc.errors import DataFileError

ROWS = pd.DataFrame(
    {
        "channel": ["online", "post"],
        "received_at": ["2025-03-03T09:00:00+07:00", "2025-03-04T09:00:00+07:00"],
        "amount": [5, 3],
        "unit": ["working_days", "days"],
        "finished_at": ["2025-03-05T10:00:00+07:00", None],
        "outcome": ["withdrawn", None],
    }
)


def _parquet(path: Path) -> None:
    pytest.importorskip("pyarrow")
    ROWS.to_parquet(path, index=False)


def _xlsx(path: Path) -> None:
    pytest.importorskip("openpyxl")
    ROWS.to_excel(path, index=False)


def _gzip(path: Path) -> None:
    path.write_bytes(gzip.compress(ROWS.to_csv(index=False).encode("utf-8")))


def _xls(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


FORMATS: list[tuple[str, Callable[[Path], None], str]] = [
    ("d.parquet", _parquet, "Parquet"),
    ("d.xlsx", _xlsx, ".xlsx"),
    ("d.csv.gz", _gzip, "gzip"),
    ("d.xls", _xls, ".xls"),
]


@pytest.mark.parametrize(("name", "write", "what"), FORMATS, ids=[f[0] for f in FORMATS])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1258"])
def test_read_csv_names_the_format(
    tmp_path: Path, name: str, write: Callable[[Path], None], what: str, encoding: str
) -> None:
    path = tmp_path / name
    write(path)
    with pytest.raises(DataFileError) as err:
        read_csv(path, encoding=encoding)
    assert err.value.source == str(path) or err.value.source == name
    assert "not a CSV file" in err.value.message and what in err.value.message
    assert "cp1258" not in err.value.message


NOT_READ = [f for f in FORMATS if f[2] != "Parquet"]
"""The formats the commands refuse (a Parquet file they read: see below)."""


@pytest.mark.parametrize(("name", "write", "what"), NOT_READ, ids=[f[0] for f in NOT_READ])
@pytest.mark.parametrize("command", [["dossier", "stats"], ["report", "statistics"]])
def test_the_commands_say_so_in_one_line(
    tmp_path: Path, name: str, write: Callable[[Path], None], what: str, command: list[str]
) -> None:
    path = tmp_path / name
    write(path)
    extra = ["--period", "Q1-2025"] if command[0] == "report" else []
    done = subprocess.run(
        [sys.executable, "-m", "cchc", *command, str(path), *extra],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    lines = [x for x in done.stderr.splitlines() if x]
    assert len(lines) == 1 and lines[0].startswith("cchc: error: "), done.stderr
    assert "not a CSV file" in lines[0] and what in lines[0] and "Traceback" not in done.stderr


def test_a_csv_file_still_reads(tmp_path: Path) -> None:
    """The check looks at the first bytes only: a CSV file (with a byte-order mark) reads."""
    path = tmp_path / "d.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ROWS.to_csv(index=False, lineterminator="\r\n").encode())
    assert len(read_csv(path)) == 2


def _cchc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cchc", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "command",
    [["dossier", "stats", "--json"], ["report", "statistics", "--period", "Q1-2025", "--json"]],
)
def test_the_commands_read_a_parquet_file_as_its_csv(tmp_path: Path, command: list[str]) -> None:
    """A file starting with Parquet's magic bytes is read by read_parquet: the output is the
    one of the same rows written as CSV (oracle: the CSV path, the same rows)."""
    _parquet(tmp_path / "d.parquet")
    (tmp_path / "d.csv").write_text(ROWS.to_csv(index=False), encoding="utf-8")
    done = _cchc(*command[:2], str(tmp_path / "d.parquet"), *command[2:])
    assert done.returncode in (0, 1) and done.stderr == "", done.stderr
    as_csv = _cchc(*command[:2], str(tmp_path / "d.csv"), *command[2:])
    assert done.stdout == as_csv.stdout and done.returncode == as_csv.returncode
    assert '"stopped"' in done.stdout or command[0] == "report"  # the outcome column read


@pytest.mark.parametrize("option", [["--delimiter", ";"], ["--encoding", "cp1258"]])
def test_csv_options_on_a_parquet_file_are_refused(tmp_path: Path, option: list[str]) -> None:
    _parquet(tmp_path / "d.parquet")
    done = _cchc("dossier", "stats", str(tmp_path / "d.parquet"), *option)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = [x for x in done.stderr.splitlines() if x]
    assert line.startswith("cchc: error: ") and "Parquet file" in line and option[0] in line


def test_bad_rows_of_a_parquet_file_are_kept_apart(tmp_path: Path) -> None:
    """--bad-rows keeps the good rows of a Parquet file and writes the bad one with its row
    number (rows numbered from 1, as read_parquet numbers them)."""
    pytest.importorskip("pyarrow")
    ROWS.assign(unit=["working_days", "weeks"]).to_parquet(tmp_path / "d.parquet", index=False)
    bad = tmp_path / "bad.csv"
    done = _cchc("dossier", "stats", str(tmp_path / "d.parquet"), "--bad-rows", str(bad))
    assert done.returncode in (0, 1), done.stderr
    written = pd.read_csv(bad)
    assert written["field"].tolist() == ["unit"] and written.iloc[0, 0] == 2
