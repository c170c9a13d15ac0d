"""Reading a dossier CSV file: its bytes, its header, its rows with the file line of each.

Rows are numbered by **file line** (the header is line 1): a row whose quoted
field holds a line break keeps the line it starts on, and the rows after it
keep theirs. **Blank lines are skipped** (a line with nothing, or only spaces)
and never shift the numbering. A line with fewer or more fields than the header
is a bad row, reported with its line; it is never padded with empty fields
(that would turn a finished dossier into an unfinished one) nor cut, and it
does not stop the reading: one pass finds every bad line.

Files as people have them (:func:`open_csv`): UTF-8 with or without a byte-order
mark by default, another encoding by name (``utf-16``, ``cp1258``, ...), line
endings ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old spreadsheets), header names
mapped to the column names (``Ngày tiếp nhận`` -> ``received_at``).

Three readers give the same rows:

* the typed path, :func:`typed_table`: :func:`pyarrow.csv.read_csv` with
  explicit column types, parsing instants (with their offset), numbers and
  labels in C, used when the file is regular and every value parses;
* the fast text path (:func:`tokenize`): the same reader with text columns,
  when the file is regular (as many records as lines after the header, every
  record as wide as the header) but some value needs the careful parser;
* the reference path, the standard :mod:`csv` module, line by line, for any
  other file (and for every file with a bad row, so that each bad line is found
  and numbered exactly).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any, TypedDict, Unpack

import attrs
import numpy as np
import numpy.typing as npt

from cchc._optional import require_extra
from cchc.errors import BatchValidationError, CchcError, DataFileError, ValidationError

from .chunks import paused_gc

__all__ = [
    "FIELD_LIMIT",
    "LINE_FIELD",
    "CsvFile",
    "CsvOptions",
    "CsvTable",
    "open_csv",
    "tokenize",
    "tokens",
    "typed_table",
]

LINE_FIELD = "(line)"
"""The ``field`` of a problem that concerns the whole line (its number of fields)."""
FIELD_LIMIT = csv.field_size_limit()
"""The longest field the reference reader takes (131,072 characters): a longer one is
an error naming its line, read in bounded memory."""
_OTHER_DELIMITERS = (";", "\t", "|", ",")
_WIDE = 10_000
"""Wider headers skip pyarrow (a builder per column): the reference reader keeps only
the columns asked for."""
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_ENCODING_HINT = (
    "save the file as UTF-8, or name its encoding: encoding='cp1258' (command line: "
    "--encoding cp1258) for a Windows Vietnamese file, encoding='utf-16' for UTF-16"
)

_NOT_TEXT = (
    (
        b"PAR1",
        "it is a Parquet file; load it with cchc.dossiers.read_parquet, "
        "or send it to the web service as "
        "application/vnd.apache.parquet (POST /v1/dossiers/evaluate)",
    ),
    (b"PK\x03\x04", "it is a ZIP archive (an Excel .xlsx workbook?); save the sheet as CSV UTF-8"),
    (b"\xd0\xcf\x11\xe0", "it is an Excel 97-2003 workbook (.xls); save the sheet as CSV UTF-8"),
    (b"\x1f\x8b", "it is gzip-compressed; decompress it first"),
)
"""Binary formats recognised by their first bytes, and what to do instead."""


@attrs.frozen(eq=False)
class CsvFile:
    """A CSV file's bytes as UTF-8 (no byte-order mark, ``\\n`` or ``\\r\\n`` line ends)
    and its header."""

    raw: bytes
    header: tuple[str, ...]
    """The column names (header names mapped by ``rename``)."""
    found: tuple[str, ...]
    """The header names as written in the file."""


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


def open_csv(
    path: str | Path,
    *,
    source: str,
    delimiter: str = ",",
    required: Collection[str] = (),
    encoding: str = "utf-8",
    rename: Callable[[str], str] | None = None,
) -> CsvFile:
    """A CSV file's bytes (as UTF-8) and header, checked.

    Raises:
        ValidationError: not a delimiter, not a path, an unknown encoding.
        DataFileError: a missing or unreadable file, an empty one (no header), a
            file that is not in ``encoding`` (with the line and a hint), or a
            header separated by another delimiter than ``delimiter`` while a
            ``required`` column is missing (the error names the delimiter).
        BatchValidationError: a column name given twice in the header.
    """
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '"\r\n':
        raise ValidationError(f"not a CSV delimiter: {delimiter!r}", field="delimiter")
    if not isinstance(path, str | os.PathLike):
        raise ValidationError(f"not a file path: {type(path).__name__}", field="path")
    codec = _codec(encoding)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror or exc}", source=source) from None
    for magic, what in _NOT_TEXT:  # a binary file would read as garbled text
        if raw.startswith(magic):
            raise DataFileError(f"not a CSV file: {what}", source=source)
    raw = _utf8(raw, codec, source)
    found = _header(raw, delimiter, source)
    header = found if rename is None else tuple(rename(h) for h in found)
    _check_header(header, found, delimiter, required, source, rename)
    return CsvFile(raw=raw, header=header, found=found)


class CsvOptions(TypedDict, total=False):
    """How to open a CSV file: :func:`open_csv`'s options after ``source``."""

    delimiter: str
    required: Collection[str]
    encoding: str
    rename: Callable[[str], str] | None


def tokenize(path: str | Path, *, source: str, **options: Unpack[CsvOptions]) -> CsvTable:
    """The rows of a CSV file as text (see :func:`open_csv` for the options and errors)."""
    file = open_csv(path, source=source, **options)
    return tokens(file, delimiter=options.get("delimiter", ","), source=source)


def tokens(
    file: CsvFile, *, delimiter: str, source: str, keep: Collection[str] | None = None
) -> CsvTable:
    """The rows of ``file`` as text columns (those named in ``keep``, default all): the
    fast text path or the reference one."""
    names = file.header if keep is None else tuple(h for h in file.header if h in keep)
    return _fast(file.raw, file.header, names, delimiter) or _reference(
        file.raw, file.header, names, delimiter, source
    )


def typed_table(file: CsvFile, *, delimiter: str, types: Mapping[str, Any]) -> Any:
    """The columns ``types`` names, parsed in C to those Arrow types, or None when the
    file is not regular or a value does not parse (then the text paths find why).

    Empty fields are null; no other text is (``NULL`` or ``N/A`` are values, refused
    by the type)."""
    if not 2 <= len(file.header) <= _WIDE:  # one column: a blank line would be a row
        return None
    pa = require_extra("pyarrow", "pandas")
    pa_csv = require_extra("pyarrow.csv", "pandas")
    include = [name for name in file.header if name in types]
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(file.raw),
            read_options=pa_csv.ReadOptions(column_names=list(file.header), skip_rows=1),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: types[name] for name in include},
                include_columns=include,
                null_values=[""],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:  # a bad value or row, bad UTF-8, a header without a newline...
        return None
    if _line_count(file.raw) != table.num_rows + 1:  # blank lines or line breaks in fields
        return None
    return table


def _codec(encoding: object) -> str:
    if not isinstance(encoding, str):
        raise ValidationError(f"not an encoding name: {encoding!r}", field="encoding")
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValidationError(
            f"unknown encoding {encoding!r}; e.g. 'utf-8' (the default), 'utf-16', 'cp1258'",
            field="encoding",
        ) from None


def _utf8(raw: bytes, codec: str, source: str) -> bytes:
    """``raw`` as UTF-8 without a byte-order mark, lone ``\\r`` line ends made ``\\n``.

    UTF-8 input is not decoded here (the readers check it, the errors name the line)."""
    if codec == "utf-8":
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        elif raw.startswith(_UTF16_BOMS):
            raise DataFileError(
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark): read it with "
                "encoding='utf-16' (command line: --encoding utf-16) or save it as UTF-8",
                source=source,
            )
    else:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            raise DataFileError(
                f"not {codec} text (byte {exc.start}): check the file's encoding "
                "(the default is UTF-8)",
                source=source,
            ) from None
        raw = text.removeprefix("\ufeff").encode("utf-8", "surrogatepass")
    if b"\r" in raw and b"\n" not in raw:  # lone carriage returns end the lines
        raw = raw.replace(b"\r", b"\n")
    return raw


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataFileError(
            f"not UTF-8 text (byte {exc.start}): {_ENCODING_HINT}", row=line, source=source
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
    header: tuple[str, ...],
    found: tuple[str, ...],
    delimiter: str,
    required: Collection[str],
    source: str,
    rename: Callable[[str], str] | None,
) -> None:
    counts = Counter(header)  # one pass: a header of a million columns is read in a blink
    repeated = sorted(name for name, count in counts.items() if count > 1)
    if repeated:  # never pick one of two values silently
        problems = []
        for name in repeated[:20]:
            written = sorted({f for f, h in zip(found, header, strict=True) if h == name})
            also = f" (written {', '.join(map(repr, written))})" if written != [name] else ""
            problems.append(
                ValidationError(f"column appears more than once in the header{also}", field=name)
            )
        raise BatchValidationError(problems, source=source)
    if not required or set(required) <= counts.keys():
        return
    line = delimiter.join(found)
    for other in _OTHER_DELIMITERS:
        if other == delimiter:
            continue
        pieces = {p if rename is None else rename(p) for p in line.split(other)}
        if len(pieces & set(required)) >= 2:
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


def _fast(
    raw: bytes, header: tuple[str, ...], names: tuple[str, ...], delimiter: str
) -> CsvTable | None:
    """pyarrow's tokenizer, when it provably gives the reference rows; else None."""
    if not 2 <= len(header) <= _WIDE:  # one column: a blank line would be a row
        return None
    pa = require_extra("pyarrow", "pandas")
    pa_csv = require_extra("pyarrow.csv", "pandas")
    try:
        table = pa_csv.read_csv(
            pa.py_buffer(raw),
            read_options=pa_csv.ReadOptions(column_names=list(header), skip_rows=1),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                include_columns=list(names),
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
        header=names,
        columns={name: frame[name] for name in names},
        lines=np.arange(2, n + 2, dtype=np.int64),
        problems=(),
    )


def _reference(
    raw: bytes, header: tuple[str, ...], names: tuple[str, ...], delimiter: str, source: str
) -> CsvTable:
    """The :mod:`csv` module, record by record, numbering each by its first line.

    The cyclic garbage collector is paused while the rows are built (millions of
    small lists, none of them cyclic): it would otherwise rescan them over and over,
    which doubles the time.
    """
    reader = csv.reader(
        io.StringIO(_decode(raw, source), newline=""), delimiter=delimiter, strict=True
    )
    with paused_gc():
        rows, lines, problems = _records(reader, len(header), source)
        at = {name: i for i, name in enumerate(header)}
        columns = [[row[at[name]] for row in rows] for name in names]
    pa = require_extra("pyarrow", "pandas")
    return CsvTable(
        header=names,
        columns={
            name: pa.array(values, type=pa.string()).to_pandas()
            for name, values in zip(names, columns, strict=True)
        },
        lines=np.asarray(lines, dtype=np.int64),
        problems=tuple(problems),
    )


def _records(
    reader: Any, width: int, source: str
) -> tuple[list[list[str]], list[int], list[CchcError]]:
    next(reader)  # the header, read by _header
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
            return rows, lines, problems
        except csv.Error as exc:
            start = previous + 1
            previous = reader.line_num
            if "field larger than field limit" in str(exc):  # stop here: bounded memory
                raise DataFileError(
                    f"malformed CSV: a field on line {start} is longer than {FIELD_LIMIT:,} "
                    "characters (the longest field read; a quote never closed?)",
                    row=start,
                    source=source,
                ) from None
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
