"""Evaluating an upload of many dossiers: CSV, JSON lines or Parquet, chunk by chunk.

The body is read in chunks of whole records (about :data:`CHUNK_BYTES`); each
chunk is validated by the library's loaders (every bad row reported with its
line), evaluated by :func:`cchc.dossiers.evaluate` (the column engine) and
written out before the next chunk is read, so a million rows never sit in
memory, as JSON or otherwise. Nothing is written to disk: a CSV chunk is handed
to :func:`cchc.dossiers.read_csv` as an anonymous in-memory file (``memfd``).

Rows are numbered as the loaders number them: the file line for CSV (header =
line 1) and JSON lines (first record = line 1), the row from 1 for Parquet.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

import cchc.errors
from cchc.dossiers import DossierResults, evaluate, from_dataframe, read_csv
from cchc.dossiers.timeliness import TIMELINESS_NAMES
from cchc.errors import BatchValidationError, CchcError, DataFileError, ValidationError

from .models import EvaluationSummary
from .problems import RowProblem, row_problems

__all__ = [
    "CHUNK_BYTES",
    "CSV_TYPES",
    "NDJSON_TYPES",
    "PARQUET_TYPES",
    "RESULT_COLUMNS",
    "ChunkResult",
    "Tally",
    "csv_lines",
    "evaluate_csv",
    "evaluate_frame",
    "evaluate_records",
    "line_chunks",
    "ndjson_lines",
    "ndjson_records",
    "parquet_batches",
    "result_columns",
]

CHUNK_BYTES = 4 << 20
"""About how many bytes of records one chunk holds."""
PARQUET_BATCH_ROWS = 65_536
CSV_TYPES = ("text/csv",)
NDJSON_TYPES = ("application/x-ndjson", "application/jsonl")
PARQUET_TYPES = ("application/vnd.apache.parquet",)
_TIMELINESS = np.array(TIMELINESS_NAMES, dtype=object)
"""Names of the timeliness codes of :class:`~cchc.dossiers.DossierResults` (-1 ... 3)."""
_VN_OFFSET = np.timedelta64(7, "h")


@attrs.frozen
class ChunkResult:
    """One evaluated chunk: the good rows' results (with their numbers) and the bad rows."""

    rows: npt.NDArray[np.int64]
    results: DossierResults | None
    problems: tuple[RowProblem, ...]


@attrs.define
class Tally:
    """Running counts for the summary of an upload."""

    rows: int = 0
    bad_rows: int = 0
    counts: list[int] = attrs.Factory(lambda: [0] * len(TIMELINESS_NAMES))
    provisional: bool = False

    def add(self, chunk: ChunkResult) -> None:
        """Count a chunk's rows, bad rows and timeliness."""
        self.bad_rows += len({p.row for p in chunk.problems})
        if chunk.results is not None:
            self.rows += len(chunk.rows)
            found = np.bincount(
                chunk.results.timeliness.astype(np.int64) + 1, minlength=len(TIMELINESS_NAMES)
            )
            self.counts = [a + int(b) for a, b in zip(self.counts, found, strict=True)]
            self.provisional = self.provisional or chunk.results.provisional

    def summary(self, *, complete: bool) -> EvaluationSummary:
        """The summary record."""
        return EvaluationSummary(
            rows=self.rows,
            bad_rows=self.bad_rows,
            **dict(zip(TIMELINESS_NAMES, self.counts, strict=True)),
            provisional=self.provisional,
            complete=complete,
        )


# -- splitting a byte stream into chunks of whole records ------------------------------


def _cut(buffer: bytes | bytearray, quoted: bool) -> int:
    """The end (after a newline) of the longest prefix made of whole records, or 0.

    With ``quoted`` (CSV), a newline ends a record only outside a quoted field: when
    the quotes before it are even in number (a doubled quote counts twice).
    """
    end = buffer.rfind(b"\n")
    if not quoted or end < 0 or b'"' not in buffer:
        return end + 1
    while end >= 0:
        if buffer.count(b'"', 0, end) % 2 == 0:
            return end + 1
        end = buffer.rfind(b"\n", 0, end)
    return 0


async def line_chunks(
    stream: AsyncIterator[bytes], *, quoted: bool, size: int | None = None
) -> AsyncIterator[bytes]:
    """Chunks of whole records (lines; CSV records may hold quoted line breaks) of about
    ``size`` bytes (default :data:`CHUNK_BYTES`).

    The last chunk is what remains at the end of the stream (it may lack a final
    newline).
    """
    size = CHUNK_BYTES if size is None else size
    buffer = bytearray()
    async for piece in stream:
        buffer += piece
        if len(buffer) >= size:
            end = _cut(buffer, quoted)
            if end:
                yield bytes(buffer[:end])
                del buffer[:end]
    if buffer:
        yield bytes(buffer)


# -- evaluating one chunk ---------------------------------------------------------------


def _bad_rows(table: Any, row_map: npt.NDArray[np.int64] | None = None) -> list[CchcError]:
    """The problems of a ``bad_rows_table`` as errors (rows mapped through ``row_map``)."""
    errors: list[CchcError] = []
    for row, field, message, kind in zip(
        table["row"], table["field"], table["message"], table["error"], strict=True
    ):
        cls = getattr(cchc.errors, str(kind), CchcError)
        if not (isinstance(cls, type) and issubclass(cls, CchcError)):
            cls = CchcError
        number = None if row is None or row != row else int(row)
        if number is not None and row_map is not None:
            number = int(row_map[number])
        errors.append(cls(str(message), row=number, field=None if field is None else str(field)))
    return errors


def _evaluate(
    frame: Any, policy: str | None, granularity: str | None
) -> tuple[DossierResults | None, list[CchcError], Any]:
    """Evaluate ``frame``; rows the engine refuses are dropped and reported.

    Returns (results, problems, the frame of the evaluated rows).
    """
    if len(frame) == 0:
        return None, [], frame
    try:
        return evaluate(frame, policy=policy, granularity=granularity, workers=1), [], frame
    except BatchValidationError as exc:
        if any(e.row is None for e in exc.errors):
            raise
        numbers = (
            frame.row_numbers
            if frame.row_numbers is not None
            else np.arange(1, len(frame) + 1, dtype=np.int64)
        )
        bad = np.isin(numbers, np.array([e.row for e in exc.errors], dtype=np.int64))
        kept = frame.take(np.flatnonzero(~bad))
        if len(kept) == 0:
            return None, list(exc.errors), kept
        results = evaluate(kept, policy=policy, granularity=granularity, workers=1)
        return results, list(exc.errors), kept


def _row_numbers(frame: Any) -> npt.NDArray[np.int64]:
    if frame.row_numbers is not None:
        return np.asarray(frame.row_numbers, dtype=np.int64)
    return np.arange(1, len(frame) + 1, dtype=np.int64)


def _memfd(payload: bytes) -> int:
    """An anonymous in-memory file holding ``payload`` (never on disk), at offset 0."""
    fd = os.memfd_create("cchc-upload", os.MFD_CLOEXEC)
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]
    return fd


def evaluate_csv(
    data: bytes,
    header: bytes,
    first_line: int,
    has_header: bool,
    policy: str | None,
    granularity: str | None,
) -> ChunkResult:
    """Evaluate CSV records (``data``) whose first record is on ``first_line`` of the upload.

    The first chunk holds the header itself (``has_header``); a later chunk is read
    behind a copy of the header, its lines shifted back.
    """
    fd = _memfd(data if has_header else header + data)
    try:
        frame, bad = read_csv(f"/proc/self/fd/{fd}", source="upload", on_bad_rows="collect")
    finally:
        os.close(fd)
    shift = first_line - 2
    results, refused, kept = _evaluate(frame, policy, granularity)
    found = row_problems([*_bad_rows(bad), *refused], row_offset=shift)
    return ChunkResult(rows=_row_numbers(kept) + shift, results=results, problems=tuple(found))


def evaluate_records(
    records: list[dict[str, Any]],
    lines: npt.NDArray[np.int64],
    early: list[CchcError],
    policy: str | None,
    granularity: str | None,
) -> ChunkResult:
    """Evaluate parsed JSON records whose source lines are ``lines``; ``early``: lines
    already found bad (not JSON objects)."""
    import pandas as pd

    problems: list[CchcError] = list(early)
    none = np.empty(0, np.int64)
    if not records:
        return ChunkResult(rows=none, results=None, problems=tuple(row_problems(problems)))
    try:
        frame, bad = from_dataframe(
            pd.DataFrame.from_records(records), row_base=0, on_bad_rows="collect"
        )
    except BatchValidationError as exc:  # a required key missing from every record
        problems.extend(exc.errors)
        return ChunkResult(rows=none, results=None, problems=tuple(row_problems(problems)))
    problems.extend(_bad_rows(bad, lines))
    positions = (
        np.arange(len(frame), dtype=np.int64)
        if frame.row_numbers is None
        else np.asarray(frame.row_numbers, dtype=np.int64)
    )
    frame = attrs.evolve(frame, row_numbers=lines[positions], index=None)
    results, refused, kept = _evaluate(frame, policy, granularity)
    problems.extend(refused)
    problems.sort(key=lambda e: e.row or 0)
    return ChunkResult(
        rows=_row_numbers(kept), results=results, problems=tuple(row_problems(problems))
    )


def ndjson_records(
    data: bytes, first_line: int
) -> tuple[list[dict[str, Any]], npt.NDArray[np.int64], list[CchcError]]:
    """Parse JSON lines: the records, their lines, and the lines that are not a JSON object."""
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    bad: list[CchcError] = []
    for n, raw in enumerate(data.split(b"\n"), start=first_line):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            bad.append(DataFileError(f"not a JSON value: {str(exc)[:80]}", row=n))
            continue
        if not isinstance(value, dict):
            bad.append(ValidationError("each line must be a JSON object", row=n))
            continue
        records.append(value)
        lines.append(n)
    return records, np.array(lines, dtype=np.int64), bad


def parquet_batches(body: bytes) -> Iterator[tuple[list[dict[str, Any]] | Any, int]]:
    """The record batches of a Parquet file (as pandas frames) and their first row (from 1).

    Raises:
        DataFileError: the bytes are not a Parquet file.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(io.BytesIO(body))
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise DataFileError(f"not a Parquet file: {str(exc)[:120]}", source="upload") from None
    first = 1
    for batch in file.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        yield batch.to_pandas(strings_to_categorical=True), first
        first += batch.num_rows


def evaluate_frame(
    df: Any, first_row: int, policy: str | None, granularity: str | None
) -> ChunkResult:
    """Evaluate a pandas DataFrame whose first row is row ``first_row`` of the upload."""
    try:
        frame, bad = from_dataframe(df, row_base=first_row, on_bad_rows="collect")
    except BatchValidationError as exc:
        return ChunkResult(
            rows=np.empty(0, np.int64), results=None, problems=tuple(row_problems(exc.errors))
        )
    problems = _bad_rows(bad)
    results, refused, kept = _evaluate(frame, policy, granularity)
    return ChunkResult(
        rows=_row_numbers(kept), results=results, problems=tuple(row_problems(problems + refused))
    )


# -- writing results --------------------------------------------------------------------


_MOMENT = b"0000-00-00T00:00:00+07:00"
_WIDTH = len(_MOMENT)


_PAIRS = np.frombuffer("".join(f"{i:02d}" for i in range(100)).encode(), dtype=np.uint8)
_PAIRS = _PAIRS.reshape(100, 2)
"""The two ASCII digits of 0 ... 99 (one gather writes two digits)."""


def _moments(values: npt.NDArray[np.datetime64]) -> npt.NDArray[np.uint8]:
    """UTC instants as Vietnam-time ISO 8601 text with the offset, one row of 25 bytes each
    (``2025-02-07T17:00:00+07:00``), built with array arithmetic, not one string at a time."""
    local = values.astype("datetime64[s]") + _VN_OFFSET
    days = local.astype("datetime64[D]")
    months = local.astype("datetime64[M]")
    years = local.astype("datetime64[Y]")
    secs = (local - days).astype(np.int32)
    year = years.astype(np.int32) + 1970
    out = np.empty((len(values), _WIDTH), dtype=np.uint8)
    out[:] = np.frombuffer(_MOMENT, dtype=np.uint8)
    for at, two in (
        (0, year // 100),
        (2, year % 100),
        (5, (months - years).astype(np.int32) + 1),
        (8, (days - months).astype(np.int32) + 1),
        (11, secs // 3600),
        (14, secs // 60 % 60),
        (17, secs % 60),
    ):
        out[:, at : at + 2] = _PAIRS[two]
    return out


def _texts(values: npt.NDArray[np.datetime64]) -> list[str | None]:
    """:func:`_moments` as Python strings (None for no moment)."""
    matrix = np.ascontiguousarray(_moments(values))
    out: list[str | None] = matrix.view(f"S{_WIDTH}").ravel().astype(str).tolist()
    for i in np.flatnonzero(np.isnat(values)).tolist():
        out[i] = None
    return out


def _slow_lines(chunk: ChunkResult) -> bytes:
    """JSON lines one by one (for a chunk where some moment is missing: ``null``)."""
    cols = result_columns(chunk)
    return "".join(
        json.dumps(dict(zip(RESULT_COLUMNS, values, strict=True))) + "\n"
        for values in zip(*(cols[k] for k in RESULT_COLUMNS), strict=True)
    ).encode()


RESULT_COLUMNS = ("row", "due_at", "legal_due_at", "start_at", "timeliness")
"""The columns of a result row, in order (JSON lines keys, CSV header)."""


def result_columns(chunk: ChunkResult) -> dict[str, list[Any]]:
    """The per-row result columns of a chunk (:data:`RESULT_COLUMNS`), as Python lists."""
    res = chunk.results
    if res is None:
        return {name: [] for name in RESULT_COLUMNS}
    return {
        "row": chunk.rows.tolist(),
        "due_at": _texts(res.due_at),
        "legal_due_at": _texts(res.legal_due_at),
        "start_at": _texts(res.start_at),
        "timeliness": _TIMELINESS[res.timeliness.astype(np.int64) + 1].tolist(),
    }


_NAMES = np.frombuffer(
    b"".join((n.encode() + b'"').ljust(12) for n in TIMELINESS_NAMES),
    dtype=np.uint8,
).reshape(len(TIMELINESS_NAMES), 12)
"""The timeliness names, each closed by its quote and padded with JSON blanks."""
_ROW_PLACES = 12
"""Room for the row number after its colon: 12 places (up to 999,999,999,999)."""
_PARTS = (b'{"row":', b',"due_at":"', b'","legal_due_at":"', b'","start_at":"', b'","timeliness":"')
_ROOM = (_ROW_PLACES, _WIDTH, _WIDTH, _WIDTH, _NAMES.shape[1])
_AT = [sum(len(p) for p in _PARTS[: i + 1]) + sum(_ROOM[:i]) for i in range(len(_PARTS))]
_LINE = b"".join(p + b" " * r for p, r in zip(_PARTS, _ROOM, strict=True)) + b"}\n"


def _result_lines(chunk: ChunkResult) -> bytes:
    """One JSON line per result, all of one width, built as one byte matrix: the row number
    is right-aligned after its colon and the timeliness followed by blanks (JSON whitespace),
    e.g. ``{"row":        2,"due_at":"2025-06-16T17:00:00+07:00",...,"timeliness":"early"  }``.
    """
    res = chunk.results
    n = len(chunk.rows)
    if res is None or not n:
        return b""
    moments = (res.due_at, res.legal_due_at, res.start_at)
    if any(np.isnat(m).any() for m in moments):
        return _slow_lines(chunk)
    out = np.frombuffer(_LINE * n, dtype=np.uint8).reshape(n, len(_LINE)).copy()
    rows = chunk.rows.astype(np.int64)
    room = out[:, _AT[0] : _AT[0] + _ROW_PLACES]  # 12 places: six pairs of digits
    rest = rows.copy()
    for at in range(10, -1, -2):
        room[:, at : at + 2] = _PAIRS[rest % 100]
        rest //= 100
    digits = np.floor(np.log10(np.maximum(rows, 1))).astype(np.int64) + 1
    blank = np.arange(_ROW_PLACES) < (_ROW_PLACES - digits)[:, None]
    room[blank] = 32  # leading zeros become JSON blanks
    for at, values in zip(_AT[1:4], moments, strict=True):
        out[:, at : at + _WIDTH] = _moments(values)
    out[:, _AT[4] : _AT[4] + _NAMES.shape[1]] = _NAMES[res.timeliness.astype(np.int64) + 1]
    return out.tobytes()


def ndjson_lines(chunk: ChunkResult) -> bytes:
    """A chunk as JSON lines: a ``problem`` record per bad row, then one per result."""
    problems = "".join(
        json.dumps({"row": p.row, "problem": p.model_dump(mode="json")}, ensure_ascii=False) + "\n"
        for p in chunk.problems
    )
    return problems.encode() + _result_lines(chunk)


CSV_HEADER = (
    ",".join((*RESULT_COLUMNS, "code", "field", "message_vi", "message_en")).encode() + b"\n"
)
"""The header of CSV results."""


def _csv_field(text: str | None) -> str:
    if text is None:
        return ""
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_lines(chunk: ChunkResult) -> bytes:
    """A chunk as CSV: one line per bad row (problem columns), then one per result."""
    out = [
        f"{p.row if p.row is not None else ''},,,,,{p.code},{_csv_field(p.field)},"
        f"{_csv_field(p.message_vi)},{_csv_field(p.message_en)}"
        for p in chunk.problems
    ]
    cols = result_columns(chunk)
    out.extend(
        f"{r},{d},{g},{s},{t},,,,"
        for r, d, g, s, t in zip(*(cols[k] for k in RESULT_COLUMNS), strict=True)
    )
    return ("\n".join(out) + "\n").encode() if out else b""
