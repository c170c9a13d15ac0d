"""Tokenizing a dossier CSV file, with the file line of every row.

Rows are numbered by **file line** (the header is line 1): a row whose quoted
field holds a line break keeps the line it starts on, and the rows after it
keep theirs. **Blank lines are skipped** (a line with nothing, or only spaces)
and never shift the numbering. A line with fewer or more fields than the header
is a bad row, reported with its line; it is never padded with empty fields
(that would turn a finished dossier into an unfinished one) nor cut, and it
does not stop the reading: one pass finds every bad line.

Two tokenizers give the same rows:

* the fast path, :func:`pyarrow.csv.read_csv`, used when the file is regular:
  as many records as lines after the header (no blank line, no line break in a
  field) and every record as wide as the header;
* the reference path, the standard :mod:`csv` module, line by line, for any
  other file (and for every file with a bad row, so that each bad line is found
  and numbered exactly).
"""

from __future__ import annotations

import csv
import gc
import io
import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from cchc._optional import require_extra
from cchc.errors import BatchValidationError, CchcError, DataFileError, ValidationError

__all__ = ["LINE_FIELD", "CsvTable", "tokenize"]

LINE_FIELD = "(line)"
"""The ``field`` of a problem that concerns the whole line (its number of fields)."""
_OTHER_DELIMITERS = (";", "\t", "|", ",")


@attrs.frozen(eq=False)
class CsvTable:
    """The rows of a CSV file as text columns, with the line each row starts on."""

    header: tuple[str, ...]
    columns: dict[str, Any]
    """One sequence of strings per header name (a pandas Series or a tuple)."""
    lines: npt.NDArray[np.int64]
    """The file line each row starts on (header = line 1)."""
    problems: tuple[CchcError, ...]
    """Lines with a wrong number of fields or bad quoting; they are not in ``columns``."""


def tokenize(
    path: str | Path, *, source: str, delimiter: str = ",", required: Collection[str] = ()
) -> CsvTable:
    """The rows of a UTF-8 CSV file (an optional byte-order mark is dropped).

    Raises:
        DataFileError: a missing or unreadable file, an empty one (no header), a
            file that is not UTF-8 (with the line), a quote that is never closed,
            or a header separated by another delimiter than ``delimiter`` while a
            ``required`` column is missing (the error names the delimiter).
        BatchValidationError: a column name given twice in the header.
    """
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '"\r\n':
        raise ValidationError(f"not a CSV delimiter: {delimiter!r}", field="delimiter")
    if not isinstance(path, str | os.PathLike):
        raise ValidationError(f"not a file path: {type(path).__name__}", field="path")
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror or exc}", source=source) from None
    header = _header(raw, delimiter, source)
    _check_header(header, delimiter, required, source)
    return _fast(raw, header, delimiter) or _reference(raw, delimiter, source)


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataFileError(
            f"not UTF-8 text (byte {exc.start}): save the file as UTF-8", row=line, source=source
        ) from None


def _header(raw: bytes, delimiter: str, source: str) -> tuple[str, ...]:
    end = raw.find(b"\n")
    first = _decode(raw if end < 0 else raw[:end], source)
    if not first.strip():
        what = "empty file: no header row" if not raw.strip() else "line 1 is blank"
        raise DataFileError(f"{what}; the header must be the first line", source=source)
    try:
        return tuple(next(csv.reader([first.rstrip("\r")], delimiter=delimiter, strict=True)))
    except csv.Error as exc:
        raise DataFileError(f"malformed CSV header: {exc}", row=1, source=source) from None


def _check_header(
    header: tuple[str, ...], delimiter: str, required: Collection[str], source: str
) -> None:
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:  # never pick one of two values silently
        raise BatchValidationError(
            [
                ValidationError("column appears more than once in the header", field=c)
                for c in repeated
            ],
            source=source,
        )
    if not required or set(required) <= set(header):
        return
    line = delimiter.join(header)
    for other in _OTHER_DELIMITERS:
        if other != delimiter and len(set(line.split(other)) & set(required)) >= 2:
            shown = {"\t": "a tab"}.get(other, repr(other))
            raise DataFileError(
                f"the header is separated by {shown}, not by {delimiter!r}: save the file "
                f"with {delimiter!r} between fields, or read it with delimiter={other!r}",
                row=1,
                source=source,
            )


def _line_count(raw: bytes) -> int | None:
    """Physical lines of ``raw`` (None when a lone carriage return makes it unclear)."""
    crs = raw.count(b"\r")
    if crs and crs != raw.count(b"\r\n"):
        return None
    return raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)


def _fast(raw: bytes, header: tuple[str, ...], delimiter: str) -> CsvTable | None:
    """pyarrow's tokenizer, when it provably gives the reference rows; else None."""
    if len(header) < 2:  # one column: a blank line would be a row of one empty field
        return None
    pa = require_extra("pyarrow", "pandas")
    pa_csv = require_extra("pyarrow.csv", "pandas")
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(raw),
            read_options=pa_csv.ReadOptions(column_names=list(header), skip_rows=1),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:  # a bad row, bad UTF-8, a header only without a newline...
        return None
    n = table.num_rows
    if _line_count(raw) != n + 1:  # blank lines or line breaks in fields: lines differ
        return None
    frame = table.to_pandas()
    return CsvTable(
        header=header,
        columns={name: frame[name] for name in header},
        lines=np.arange(2, n + 2, dtype=np.int64),
        problems=(),
    )


def _reference(raw: bytes, delimiter: str, source: str) -> CsvTable:
    """The :mod:`csv` module, record by record, numbering each by its first line.

    The cyclic garbage collector is paused while the rows are built (millions of
    small lists, none of them cyclic): it would otherwise rescan them over and over,
    which doubles the time.
    """
    reader = csv.reader(
        io.StringIO(_decode(raw, source), newline=""), delimiter=delimiter, strict=True
    )
    paused = gc.isenabled()
    gc.disable()
    try:
        header, rows, lines, problems = _records(reader, source)
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in header]
    finally:
        if paused:
            gc.enable()
    pa = require_extra("pyarrow", "pandas")
    return CsvTable(
        header=header,
        columns={
            name: pa.array(values, type=pa.string()).to_pandas()
            for name, values in zip(header, columns, strict=True)
        },
        lines=np.asarray(lines, dtype=np.int64),
        problems=tuple(problems),
    )


def _records(
    reader: Any, source: str
) -> tuple[tuple[str, ...], list[list[str]], list[int], list[CchcError]]:
    header = tuple(next(reader))
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: list[CchcError] = []
    previous = reader.line_num
    while True:
        try:
            for fields in reader:  # resumed after a malformed line
                start = previous + 1
                previous = reader.line_num
                if len(fields) == width:
                    rows.append(fields)
                    lines.append(start)
                elif fields and not (len(fields) == 1 and not fields[0].strip()):  # blank: skip
                    problems.append(_width_problem(len(fields), width, start))
            return header, rows, lines, problems
        except csv.Error as exc:
            start = previous + 1
            previous = reader.line_num
            if "end of data" in str(exc):  # the rest of the file is inside a quoted field
                raise DataFileError(
                    f"malformed CSV: a quoted field that starts on line {start} is never closed",
                    row=start,
                    source=source,
                ) from None
            problems.append(
                ValidationError(f"malformed CSV line: {exc}", row=start, field=LINE_FIELD)
            )


def _width_problem(found: int, width: int, line: int) -> ValidationError:
    why = "a field or a separator is missing" if found < width else "an unquoted separator?"
    return ValidationError(
        f"{found} field{'s' if found != 1 else ''} but the header has {width} ({why}); "
        "the line is not loaded",
        row=line,
        field=LINE_FIELD,
    )
