"""Column validators of the batch loaders (one function per kind of column).

Each validator reads a whole column (NumPy, pandas or a list), records every
bad row in :class:`~cchc.dossiers.table.checks.Errors` and returns the column in the
engine's representation (UTC ``datetime64[ns]``, integer codes).
"""

from __future__ import annotations

import unicodedata
from collections import deque
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from cchc._optional import require_extra
from cchc.errors import BatchValidationError, NaiveDatetimeError, ParseError, ValidationError

from ..codes import CODE_PATTERN
from ..deadline import MAX_AMOUNT
from ..instants import NAT, VN_OFFSET_NS
from .checks import GROUP_COLUMNS, RECORD_COLUMNS, TIME_COLUMNS, Errors
from .chunks import CHUNK_ROWS, cast, map_chunks, row_chunks

__all__ = [
    "ArrowInts",
    "ArrowTimes",
    "Coded",
    "amounts",
    "arrow_categorical",
    "arrow_codes",
    "arrow_name_index",
    "check_columns",
    "cutoffs",
    "dossier_codes",
    "group_labels",
    "name_index",
    "parse_times",
    "to_us",
    "vocabulary_codes",
    "vocabulary_labels",
]

DT = npt.NDArray[np.datetime64]
_OFFSET_RE = r"(?:Z|[+-]\d{2}:?\d{2}|[T ][\d:.,]+[+-]\d{2})$"
"""An ISO 8601 offset ending a text: ``Z``, ``+0700``, ``+07:00``, or ``+07`` after a time."""
_DAYFIRST_RE = r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}(?::\d{2})?"


_HELD = (np.datetime64("1678-01-01", "D"), np.datetime64("2262-01-01", "D"))
"""The instants the engine holds, ``[1678-01-01, 2262-01-01)`` (``datetime64[ns]``
itself covers 1677-09-21 .. 2262-04-11)."""


class ArrowTimes:
    """A timestamp column with a zone as Arrow holds it (UTC integers in chunks, null for
    none), read by :func:`to_us` chunk by chunk: no copy of the whole column before the
    conversion to ``datetime64[ns]``."""

    ndim = 1

    def __init__(self, column: Any) -> None:
        pa = require_extra("pyarrow", "pandas")
        self.column = pa.chunked_array(column) if isinstance(column, pa.Array) else column
        self.unit: str = column.type.unit

    def __len__(self) -> int:
        return len(self.column)

    def take(self, rows: npt.NDArray[np.intp]) -> ArrowTimes:
        """The rows ``rows``."""
        return ArrowTimes(self.column.take(rows))

    def pieces(self, size: int) -> list[tuple[int, Any]]:
        """``(first row, Arrow slice)`` of at most ``size`` rows, within chunks."""
        out: list[tuple[int, Any]] = []
        start = 0
        for chunk in self.column.chunks:
            out += [(start + s.start, chunk[s]) for s in row_chunks(len(chunk), size) if s.stop]
            start += len(chunk)
        return out


class ArrowInts:
    """A signed integer column without nulls as Arrow holds it (chunks), read by
    :func:`amounts` chunk by chunk: checked and copied once into the frame's column, with
    no concatenated copy before."""

    ndim = 1

    def __init__(self, column: Any) -> None:
        pa = require_extra("pyarrow", "pandas")
        self.column = pa.chunked_array(column) if isinstance(column, pa.Array) else column

    def __len__(self) -> int:
        return len(self.column)

    def take(self, rows: npt.NDArray[np.intp]) -> ArrowInts:
        """The rows ``rows``."""
        return ArrowInts(self.column.take(rows))


class Coded:
    """A label column as integer codes into its labels (-1: missing), as
    :func:`arrow_categorical` reads a dictionary column for :func:`group_labels`: the codes
    are the frame's own (``int32``), never copied again."""

    ndim = 1

    def __init__(self, codes: npt.NDArray[np.int32], labels: list[Any]) -> None:
        self.codes = codes
        self.labels = labels

    def __len__(self) -> int:
        return len(self.codes)

    def take(self, rows: npt.NDArray[np.intp]) -> Coded:
        """The rows ``rows``."""
        return Coded(self.codes[rows], self.labels)


def _validity(piece: Any) -> npt.NDArray[np.uint8]:
    """1 for each row of an Arrow array (with a validity bitmap) that holds a value, 0 for
    a null."""
    first, skip = divmod(piece.offset, 8)
    bits = np.frombuffer(piece.buffers()[0], np.uint8)[first : first + (skip + len(piece) + 7) // 8]
    valid: npt.NDArray[np.uint8] = np.unpackbits(bits, bitorder="little")[skip : skip + len(piece)]
    return valid


def _nulls(piece: Any) -> npt.NDArray[np.bool_] | None:
    """Which rows of an Arrow array are null, from its validity bitmap (None: none is)."""
    if not piece.null_count:
        return None
    out: npt.NDArray[np.bool_] = _validity(piece) == 0
    return out


def _arrow_ints(piece: Any) -> npt.NDArray[np.int64]:
    """The integers of an Arrow timestamp slice (no copy; a null's slot holds any number)."""
    return np.frombuffer(piece.buffers()[1], np.int64, len(piece), piece.offset * 8)


def _arrow_part(piece: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_] | None]:
    """The integers of an Arrow timestamp slice (no copy) and which rows are null."""
    return _arrow_ints(piece), _nulls(piece)


def _to_ns(raw: npt.NDArray[np.int64], unit: str, scale: int) -> npt.NDArray[np.int64]:
    """Instants counted in ``unit`` (none missing, in the range held) as nanoseconds,
    floored to the microsecond: integer arithmetic for a coarser unit (5x a ``datetime64``
    cast)."""
    if scale:
        out: npt.NDArray[np.int64] = raw * scale
        return out
    floored: npt.NDArray[np.int64] = (
        raw.view(f"datetime64[{unit}]").astype("datetime64[us]").astype("datetime64[ns]")
    ).view(np.int64)
    return floored


def arrow_categorical(column: Any) -> pd.Categorical:
    """A dictionary-encoded Arrow column as a categorical: the labels of every chunk's
    dictionary in order of first appearance (as :meth:`pyarrow.ChunkedArray.to_pandas`
    gives them), each chunk's indices mapped onto them in one pass, chunks on a few
    threads. A null (index or label) is a missing value (code -1)."""
    codes, labels = _dictionary_codes(column, wide=False)
    categories = pd.Index(labels, dtype=object if labels else None)
    return pd.Categorical.from_codes(codes, categories=categories, validate=False)


def arrow_codes(column: Any) -> Coded:
    """The codes and labels of :func:`arrow_categorical`, the codes as ``int32`` (a group
    column's own: no second pass to widen them)."""
    codes, labels = _dictionary_codes(column, wide=True)
    return Coded(codes.view(np.int32), labels)


def _dictionary_codes(column: Any, *, wide: bool) -> tuple[npt.NDArray[Any], list[Any]]:
    """The codes (``int32`` if ``wide``, else the narrowest that holds them) and labels of a
    dictionary-encoded Arrow column (:func:`arrow_categorical`)."""
    labels: dict[Any, int] = {}
    remaps = []
    for chunk in column.chunks:
        words = chunk.dictionary.to_pylist()
        remaps.append([-1 if w is None else labels.setdefault(w, len(labels)) for w in words])
    kind: type[np.integer[Any]] = np.int32
    if not wide:
        kind = np.int8 if len(labels) < 128 else np.int16 if len(labels) < 32768 else np.int32
    codes: npt.NDArray[np.integer[Any]] = np.empty(len(column), dtype=kind)
    starts = np.cumsum([0] + [len(c) for c in column.chunks])

    def remap(i: int) -> None:
        ind = column.chunk(i).indices
        if not len(ind):
            return
        width = ind.type.bit_width // 8
        kind_in = np.dtype(ind.type.to_pandas_dtype())
        idx = np.frombuffer(ind.buffers()[1], kind_in, len(ind), ind.offset * width)
        out = codes[starts[i] : starts[i + 1]]
        if remaps[i] == list(range(len(remaps[i]))):  # the labels' own order: a copy
            out[:] = idx  # (10x a gather)
        else:
            np.take(np.array([*remaps[i], -1], dtype=kind), idx, out=out)
        null = _nulls(ind)
        if null is not None:
            out[null] = -1

    deque(map_chunks(remap, range(column.num_chunks)), maxlen=0)  # run them all
    return codes, list(labels)


def to_us(values: Any, name: str, errs: Errors) -> DT:
    """``datetime64[ns]``, floored to the microsecond: the precision of Python datetimes,
    which the scalar reference engine uses. Coarser inputs need no flooring, and a
    column of NaT (an absent column) is returned as it is, without a copy. Values that
    the engine does not hold (before 1678 or after 2261) are errors of ``name``,
    never wrapped around into another date. ``values``: ``datetime64`` in any unit (NaT:
    none), or :class:`ArrowTimes` (null: none). Converted in chunks on a few threads
    (:mod:`.chunks`), each chunk read once into the cache and written once."""
    if isinstance(values, np.ndarray) and values.strides == (0,):  # one value: no copy
        first = values[:1].astype("datetime64[us]").astype("datetime64[ns]")
        return np.broadcast_to(first, values.shape)
    arrow = isinstance(values, ArrowTimes)
    if arrow:
        unit = values.unit
        parts: list[tuple[int, Any]] = values.pieces(CHUNK_ROWS)
    else:
        unit = np.datetime_data(values.dtype)[0]
        parts = [(sl.start, sl) for sl in row_chunks(len(values), CHUNK_ROWS)]
    fine = unit in ("ns", "ps", "fs", "as")  # ns covers the years held: no range check
    scale = {"s": 10**9, "ms": 10**6, "us": 10**3}.get(unit, 0)
    lo, hi = (int(d.astype(f"datetime64[{unit}]").view(np.int64)) for d in _HELD)
    out: DT = np.empty(len(values), dtype="datetime64[ns]")

    def sparse(start: int, piece: Any) -> npt.NDArray[np.intp] | None:
        """An Arrow slice mostly null (a supplement column): NaT everywhere, then only the
        rows with a value read, checked and converted."""
        ints = out.view(np.int64)[start : start + len(piece)]
        ints.fill(NAT)
        rows = np.flatnonzero(_validity(piece).view(np.bool_))  # 0/1 bytes: bools
        vals = _arrow_ints(piece)[rows]
        outside = None
        if not fine and len(vals) and (vals.min() < lo or vals.max() >= hi):
            bad = (vals < lo) | (vals >= hi)
            outside = rows[bad] + start
            rows, vals = rows[~bad], vals[~bad]
        ints[rows] = _to_ns(vals, unit, scale)
        return outside

    def convert(task: tuple[int, Any]) -> npt.NDArray[np.intp] | None:
        start, where = task
        if arrow and where.null_count * 2 > len(where):
            return sparse(start, where)
        if arrow:
            raw, none = _arrow_part(where)
        else:
            raw = values[where].view(np.int64)
            none = raw == NAT
            if not none.any():
                none = None
        ints = out.view(np.int64)[start : start + len(raw)]
        outside = None
        if not fine and len(raw):
            # cheap first (NaT is below lo; a null may hold any number): then exactly
            nat = np.count_nonzero(none) if not arrow and none is not None else 0
            below = np.count_nonzero(raw < lo) > nat if not arrow else raw.min() < lo
            if below or raw.max() >= hi:
                bad = (raw < lo) | (raw >= hi)
                if none is not None:
                    bad &= ~none
                outside = np.flatnonzero(bad)
                none = bad if none is None else none | bad
        if scale:  # integer arithmetic (the range is checked): 5x a datetime64 cast
            np.multiply(raw, scale, out=ints)
        else:
            ints[:] = (
                raw.view(f"datetime64[{unit}]")
                .astype("datetime64[us]")
                .astype("datetime64[ns]")
                .view(np.int64)
            )
        if none is not None and (arrow or scale):
            np.copyto(ints, NAT, where=none)
        return None if outside is None or not len(outside) else outside + start

    bad = [rows for rows in map_chunks(convert, parts) if rows is not None]
    if bad:
        mask = np.zeros(len(values), dtype=bool)
        mask[np.concatenate(bad)] = True
        errs.add(mask, name, "outside the datetimes this engine holds (years 1678-2261)")
    return out


def parse_times(
    values: Any, name: str, n: int, errs: Errors, *, naive_is_utc: bool, dayfirst: bool = False
) -> DT:
    """A column of instants as naive UTC ``datetime64`` in the unit it came in (the range
    check, :func:`to_us`, comes after: a year-2605 value in ``us`` is never cast to
    ``ns`` and wrapped around into another date).

    ``dayfirst``: texts ``dd/mm/yyyy HH:MM[:SS]`` without an offset are local times of
    Asia/Ho_Chi_Minh (+07:00). An :class:`ArrowTimes` column (UTC with its zone) is returned
    as it is, for :func:`to_us`."""
    if isinstance(values, ArrowTimes):
        return values  # type: ignore[return-value]
    if values is None:  # an absent column: every row NaT, without n values in memory
        return np.broadcast_to(np.datetime64("NaT", "ns"), (n,))
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        # raw NumPy datetime64 only: UTC when the caller says so explicitly
        if not naive_is_utc:
            errs.add(
                ~np.isnat(values),
                name,
                "naive datetime64; give aware values or pass naive_is_utc=True",
                NaiveDatetimeError,
            )
        return values
    ser = values if isinstance(values, pd.Series) else pd.Series(values)
    if isinstance(ser.dtype, pd.DatetimeTZDtype):  # held as UTC integers: no copy
        out: DT = pd.DatetimeIndex(ser).asi8.view(f"datetime64[{ser.dtype.unit}]")
        return out
    if ser.dtype.kind == "M":
        # naive pandas values and naive Python datetimes: always rejected
        errs.add(ser.notna().to_numpy(), name, "naive datetime; give an offset", NaiveDatetimeError)
        as_is: DT = ser.to_numpy()
        return as_is
    if ser.dtype.kind in "iufb":  # epoch numbers are not instants (as in the scalar API)
        errs.add(
            ser.notna().to_numpy(),
            name,
            "a number is not an instant (epoch seconds?); give ISO 8601 with an offset (+07:00)",
        )
        return np.full(n, np.datetime64("NaT", "ns"))
    text = ser.astype("string").str.strip().fillna("")
    present = (text != "").to_numpy()
    aware = text.str.contains(_OFFSET_RE, regex=True).to_numpy(dtype=bool)
    local = np.zeros(n, dtype=bool)
    if dayfirst:
        local = present & ~aware & text.str.fullmatch(_DAYFIRST_RE).to_numpy(dtype=bool)
    naive = present & ~aware & ~local
    errs.add(
        naive,
        name,
        "naive or malformed datetime; give ISO 8601 with an offset (+07:00)"
        + (" or dd/mm/yyyy HH:MM (Vietnam time)" if dayfirst else ""),
        NaiveDatetimeError,
    )
    parsed = pd.to_datetime(
        text.where(present & aware, None), format="ISO8601", utc=True, errors="coerce"
    )
    out = parsed.dt.tz_localize(None).to_numpy()
    if local.any():
        out = _dayfirst(text, local, out)
    bad = present & ~naive & np.isnat(out)
    errs.add(bad, name, "not a datetime", ValidationError)
    return out


def _dayfirst(text: pd.Series, local: npt.NDArray[np.bool_], out: DT) -> DT:
    """``out`` with the ``local`` rows parsed from ``dd/mm/yyyy HH:MM[:SS]`` (UTC+07:00)."""
    out = out.astype("datetime64[us]")
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"):
        todo = local & np.isnat(out)
        if not todo.any():
            break
        got = pd.to_datetime(text.where(todo, None), format=fmt, errors="coerce")
        wall = got.to_numpy().astype("datetime64[us]")
        utc = wall - np.timedelta64(VN_OFFSET_NS // 1000, "us")
        out = np.where(todo & ~np.isnat(wall), utc, out)
    return out


def _nfc(label: object) -> str:
    return unicodedata.normalize("NFC", str(label).strip())


def _merged(
    codes: npt.NDArray[np.integer[Any]], uniques: Any, *, owned: bool = False
) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    """``codes`` into ``uniques``, the labels stripped and in Unicode NFC: labels that
    differ only by spaces around them or by normalisation (NFC "Tư pháp" and its NFD
    form) are one label, one group. ``owned``: ``codes`` are ``int32`` made for this
    frame, kept without a copy."""
    labels = [_nfc(u) for u in uniques]
    first = {label: i for i, label in reversed(list(enumerate(labels)))}
    if len(first) == len(labels):
        kept = codes.view(np.int32) if owned and codes.dtype == np.int32 else cast(codes, np.int32)
        return kept, tuple(labels)
    keep = sorted(first.values())
    new_code = {labels[i]: k for k, i in enumerate(keep)}
    remap = np.array([new_code[label] for label in labels], dtype=np.int32)
    return remap[codes], tuple(labels[i] for i in keep)


def group_labels(values: Any, n: int) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    if values is None:
        return np.zeros(n, dtype=np.int32), ("",)
    if isinstance(values, Coded):  # its codes are this frame's: kept without a copy
        if (values.codes < 0).any():
            filled = np.where(values.codes < 0, len(values.labels), values.codes)
            return _merged(filled.astype(np.int32), [*values.labels, ""], owned=True)
        return _merged(values.codes, values.labels, owned=True)
    if isinstance(values, pd.Categorical | pd.Series) and isinstance(
        values.dtype, pd.CategoricalDtype
    ):
        cat = pd.Categorical(values)
        codes: npt.NDArray[np.integer[Any]] = cat.codes
        categories: list[object] = list(cat.categories)
        if (codes < 0).any():
            codes = np.where(codes < 0, len(categories), codes)
            categories.append("")
        return _merged(codes, categories)
    ser = pd.Series(values)
    if ser.dtype.kind not in "OSUT" and not pd.api.types.is_string_dtype(ser.dtype):
        ser = ser.astype("string")
    fcodes, uniques = pd.factorize(ser, use_na_sentinel=True)
    if (fcodes < 0).any():
        fcodes = np.where(fcodes < 0, len(uniques), fcodes)
        return _merged(fcodes, [*uniques, ""])
    return _merged(fcodes, uniques)


def vocabulary_codes(
    values: Any,
    name: str,
    vocab: Mapping[str, int],
    n: int,
    errs: Errors,
    *,
    flag: str | None = None,
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.bool_]]:
    """Names of ``vocab`` (or its integer codes) as int8 codes, and which rows are the
    name ``flag``. Each distinct text is looked up once, in C (Arrow's ``index_in``,
    else factorize and a lookup table); texts that are not a name as written are
    looked up again stripped and in NFC."""
    names = list(vocab)
    lut = np.array([*vocab.values(), 0], dtype=np.int8)  # the last: unknown (-1)
    arr = _column(values, n)
    if not isinstance(arr.dtype, pd.CategoricalDtype) and arr.dtype.kind in "iu":
        arr = np.asarray(arr)
        top = max(vocab.values())  # integer codes, not the number of accepted names
        ok = (arr >= 0) & (arr <= top)
        errs.add(~ok, name, f"unknown {name} code; use 0..{top}")
        return np.where(ok, arr, 0).astype(np.int8), np.zeros(n, dtype=bool)
    codes, uniques = _coded(arr, names, n)
    index = _name_table(uniques, names)  # for each distinct text; the last: missing
    code_of = lut[index]  # the code of each distinct text
    unknown = index < 0
    is_flag = index == (names.index(flag) if flag in names else -2)
    low, high = (int(codes.min()), int(codes.max())) if len(codes) else (0, -1)
    # the first distinct texts whose code is their own number (usually all the names in
    # the vocabulary's order): rows among them need no lookup, only a copy
    differ = np.flatnonzero((code_of[:-1] != np.arange(len(uniques))) | unknown[:-1])
    if low >= 0 and high < (differ[0] if len(differ) else len(uniques)):
        out = codes.astype(np.int8)
    else:
        out = code_of[codes]  # one pass over the rows
        if low < 0 or unknown[:-1].any():
            errs.add(unknown[codes], name, f"unknown {name}; use one of {', '.join(vocab)}")
    flagged = is_flag[codes] if is_flag[: high + 1].any() else np.zeros(n, dtype=bool)
    return out, flagged


def _column(values: Any, n: int) -> Any:
    """``values`` as a Series, a Categorical or an array of ``n`` rows (a scalar repeated
    without a copy)."""
    if isinstance(values, str) or np.ndim(values) == 0:
        return np.broadcast_to(np.asarray(values, dtype=object), (n,))
    if isinstance(values, pd.Series | pd.Categorical | pd.Index):
        return values
    return np.asarray(values)


def name_index(values: Any, names: list[str], n: int) -> npt.NDArray[np.int16]:
    """For each row, the index of its text in ``names`` (stripped, NFC), -1 if none."""
    codes, uniques = _coded(values, names, n)
    out: npt.NDArray[np.int16] = _name_table(uniques, names)[codes]
    return out


def _coded(values: Any, names: list[str], n: int) -> tuple[npt.NDArray[Any], list[Any]]:
    """A text column as codes into its distinct values (-1: missing)."""
    if isinstance(values, np.ndarray) and values.strides == (0,) and n:  # one value
        return np.zeros(n, dtype=np.int8), [values[0]]
    if isinstance(values.dtype, pd.CategoricalDtype):
        cat = pd.Categorical(values)
        return cat.codes, list(cat.categories)
    arrow = _arrow_text(values)
    if arrow is not None:  # Arrow-backed text: a C hash lookup, no Python objects
        index = arrow_name_index(arrow, names)
        miss = np.flatnonzero(index < 0)
        if len(miss):  # spaces, another normalisation, missing values: look again
            rest = values.iloc[miss].to_numpy(dtype=object)
            index[miss] = name_index(rest, names, len(miss))
        return index, names
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, list(uniques)


def _name_table(uniques: list[Any], names: list[str]) -> npt.NDArray[np.int16]:
    """The index in ``names`` of each text of ``uniques`` (stripped, NFC; -1: none), and
    a last -1 (for code -1, missing)."""
    where = {label: i for i, label in enumerate(names)}
    return np.array(
        [where.get(_nfc(u), -1) if isinstance(u, str) else -1 for u in uniques] + [-1],
        dtype=np.int16,
    )


def arrow_name_index(column: Any, names: list[str]) -> npt.NDArray[np.integer[Any]]:
    """For each row of an Arrow text column, the index of its text in ``names`` exactly as
    written, -1 for any other text or none: Arrow's ``index_in`` (a hash lookup in C) on
    slices of the column, on a few threads."""
    pa = require_extra("pyarrow", "pandas")
    pc = require_extra("pyarrow.compute", "pandas")
    value_set = pa.array(names, type=column.type)
    out: npt.NDArray[np.integer[Any]] = np.empty(
        len(column), dtype=np.int8 if len(names) < 128 else np.int16
    )

    def look(sl: slice) -> None:
        found = pc.index_in(column.slice(sl.start, sl.stop - sl.start), value_set=value_set)
        out[sl] = found.fill_null(-1).to_numpy()

    deque(map_chunks(look, row_chunks(len(column), CHUNK_ROWS)), maxlen=0)  # run them all
    return out


def vocabulary_labels(column: Any, names: list[str]) -> tuple[pd.Categorical, list[int]]:
    """An Arrow text column of a closed vocabulary as a categorical whose first categories
    are ``names``, and the rows (from 0) whose text is not UTF-8.

    The rows written as a name are looked up in C (:func:`arrow_name_index`); only the
    others (usually none) are read as Python text, checked for UTF-8 and given a category
    of their own (:func:`name_index` then looks each one up stripped and in NFC). A null
    is a missing value (code -1)."""
    pa = require_extra("pyarrow", "pandas")
    index = arrow_name_index(column, names)
    miss = np.flatnonzero(index < 0)
    others: dict[str, int] = {}
    bad: list[int] = []
    if len(miss):
        binary = pa.large_binary() if pa.types.is_large_string(column.type) else pa.binary()
        raw = column.take(pa.array(miss)).cast(binary).to_pylist()
        codes = np.full(len(miss), -1, dtype=np.int64)
        for i, (row, value) in enumerate(zip(miss.tolist(), raw, strict=True)):
            if value is None:
                continue
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:
                bad.append(row)
                continue
            codes[i] = others.setdefault(text, len(names) + len(others))
        if len(names) + len(others) > np.iinfo(index.dtype).max:  # many texts: wider codes
            index = index.astype(np.int32)
        index[miss] = codes
    categories = pd.Index([*names, *others], dtype=object)
    return pd.Categorical.from_codes(index, categories=categories, validate=False), bad


def _arrow_text(values: Any) -> Any:
    """The Arrow array behind a pandas text column backed by Arrow, or None."""
    if (
        isinstance(values, pd.Series)
        and pd.api.types.is_string_dtype(values.dtype)
        and getattr(values.dtype, "storage", None) == "pyarrow"
    ):
        return values.array.__arrow_array__()  # type: ignore[attr-defined]  # no copy
    return None


def cutoffs(values: Any, errs: Errors) -> npt.NDArray[np.int16]:
    """``HH:MM`` texts (or :class:`datetime.time`) as minutes after midnight; -1 if empty."""
    text = pd.Series(values).astype("string").str.strip().fillna("")
    parts = text.str.extract(r"^(\d{1,2}):(\d{2})(?::00)?$")
    hh = pd.to_numeric(parts[0], errors="coerce").to_numpy(float)
    mm = pd.to_numeric(parts[1], errors="coerce").to_numpy(float)
    present = (text != "").to_numpy()
    ok = ~np.isnan(hh) & ~np.isnan(mm) & (hh < 24) & (mm < 60)
    errs.add(present & ~ok, "cutoff", "not a cut-off hour (HH:MM)")
    minutes = np.where(present & ok, np.nan_to_num(hh) * 60 + np.nan_to_num(mm), -1)
    return minutes.astype(np.int16)


def check_columns(n: int, given: Mapping[str, Any], source: str | None) -> None:
    """Every given column has ``n`` values (``unit``/``channel``/``amount`` may be scalars),
    and ``procedure_code`` is text."""
    problems: list[ValidationError] = []
    numeric = _numeric_example(given["procedure_code"])
    if numeric is not None:
        problems.append(
            ValidationError(
                f"procedure codes are numbers here (e.g. {numeric!r}): as numbers they lose "
                "their trailing zeros (1.000100 becomes 1.0001); read the column as text, "
                "e.g. pandas.read_csv(..., dtype=str)",
                field="procedure_code",
            )
        )
    names = (*TIME_COLUMNS, *GROUP_COLUMNS, "code", "cutoff", "boundary_free", *RECORD_COLUMNS)
    for name in (*names, "unit", "channel", "amount"):
        values = given[name]
        if values is None or isinstance(values, str) or np.ndim(values) == 0:
            if values is None or name in ("unit", "channel", "amount"):
                continue
            problems.append(ValidationError("a column needs one value per row", field=name))
            continue
        if len(values) != n:
            problems.append(
                ValidationError(f"column has {len(values)} values, received_at has {n}", field=name)
            )
    if problems:
        raise BatchValidationError(problems, source=source)


def _numeric_example(values: Any) -> Any:
    """A number among ``values`` (numbers, not text), or None."""
    if values is None or isinstance(values, str | Coded) or np.ndim(values) == 0:
        return None  # Coded: labels, as a categorical's
    dtype = getattr(values, "dtype", None)
    if dtype is not None and dtype.kind not in "biufcO":
        return None  # text, categorical of text, datetimes: not numbers
    if dtype is None or dtype.kind == "O":
        kind = pd.api.types.infer_dtype(values, skipna=True)
        if kind in ("string", "empty", "categorical"):
            return None
    arr = np.asarray(values, dtype=object)
    for value in arr:
        is_number = isinstance(value, int | float | complex | np.number)
        if is_number and not isinstance(value, bool) and value == value:  # NaN: missing
            return value.item() if isinstance(value, np.generic) else value
    return None


def dossier_codes(code: Any, errs: Errors) -> npt.NDArray[np.object_]:
    """Upper-cased dossier codes; a bad one (shape or YYMMDD date) is a ParseError."""
    text = pd.Series(code).astype("string").str.strip().str.upper().fillna("")
    parts = text.str.extract(CODE_PATTERN)
    shape = parts["date"].notna().to_numpy(dtype=bool)
    # the YYMMDD part must be a real date, as in parse_dossier_code (2000 + YY)
    ymd = parts["date"].fillna("")
    real = pd.to_datetime("20" + ymd, format="%Y%m%d", errors="coerce").notna().to_numpy()
    bad = (text != "").to_numpy() & ~(shape & real)
    errs.add(bad, "code", "not a dossier code (TT 01/2018/TT-VPCP Art 19)", ParseError)
    out: npt.NDArray[np.object_] = text.to_numpy(dtype=object)
    return out


_TRUE = frozenset({"true", "1", "yes", "có", "x"})
_FALSE = frozenset({"false", "0", "no", "không", ""})


def flags(values: Any, name: str, errs: Errors) -> npt.NDArray[np.bool_]:
    """A yes/no column: booleans, 0/1, or text ``true``/``false``, ``1``/``0``, ``yes``/``no``
    (``có``/``không``); empty is no. Anything else is a bad value of the row."""
    arr = np.asarray(values)
    if arr.dtype.kind == "b":
        return arr.astype(bool, copy=True)
    if arr.dtype.kind in "iu":
        errs.add((arr != 0) & (arr != 1), name, "not a yes/no value (0 or 1)")
        out: npt.NDArray[np.bool_] = arr == 1
        return out
    text = pd.Series(arr, dtype="object").astype("string").str.strip().str.lower().fillna("")
    yes = text.isin(_TRUE).to_numpy(dtype=bool)
    errs.add(~yes & ~text.isin(_FALSE).to_numpy(dtype=bool), name, "not a yes/no value")
    return yes


def amounts(amount: Any, n: int, errs: Errors) -> npt.NDArray[np.int64]:
    """Whole numbers ``>= 0``: integers, floats without a fraction, or texts of digits
    (``"5"``, ``"5.0"``). Never coerced: a boolean is not 1, and ``"4.9999999999999999"``
    is not 5 (a float would round it), as in the scalar API."""
    too_big = f"amount must be at most {MAX_AMOUNT} (a sanity bound, not a legal rule)"
    if isinstance(amount, ArrowInts):
        return _arrow_amounts(amount, errs, too_big)
    arr = np.asarray(amount)
    if arr.dtype.kind in "iu":
        raw = np.broadcast_to(arr, (n,))
        if n and raw.max() > MAX_AMOUNT:
            big = raw > MAX_AMOUNT
            errs.add(big, "amount", too_big)
            raw = np.where(big, 0, raw)
        vals = cast(raw, np.int64)  # one copy: the frame owns its columns
        if n and vals.min() < 0:
            errs.add(vals < 0, "amount", "amount must be >= 0")
        return vals
    if arr.dtype.kind == "b":
        errs.add(np.ones(n, dtype=bool), "amount", "a yes/no value is not an amount")
        return np.zeros(n, dtype=np.int64)
    ser = pd.Series(np.broadcast_to(arr, (n,)))
    if arr.dtype.kind == "f":
        num = ser.to_numpy(float)
        bad = ~np.isfinite(num) | (num < 0) | (num != np.floor(num))
    else:  # text, or Python objects: each one read as written
        flag = np.zeros(n, dtype=bool)
        if ser.dtype == object:
            flag = np.fromiter((isinstance(v, bool | np.bool_) for v in ser), bool, n)
        errs.add(flag, "amount", "a yes/no value is not an amount")
        text = ser.where(~flag, None).astype("string").str.strip()
        whole = text.str.extract(_WHOLE_RE)[0]
        num = pd.to_numeric(whole, errors="coerce").to_numpy(float)
        bad = ~flag & ~np.isfinite(num)
    errs.add(bad, "amount", "amount must be a finite whole number >= 0")
    big = ~bad & np.isfinite(num) & (num > MAX_AMOUNT)
    errs.add(big, "amount", too_big)
    return np.where(bad | big | ~np.isfinite(num), 0, num).astype(np.int64)


def _arrow_amounts(amount: ArrowInts, errs: Errors, too_big: str) -> npt.NDArray[np.int64]:
    """:func:`amounts` of signed Arrow integers (no nulls): each chunk copied once into the
    column, its minimum and maximum taken on the way (chunks on a few threads)."""
    vals: npt.NDArray[np.int64] = np.empty(len(amount), dtype=np.int64)
    starts = np.cumsum([0] + [len(c) for c in amount.column.chunks]).tolist()

    def copy(i: int) -> tuple[int, int] | None:
        src = amount.column.chunk(i).to_numpy(zero_copy_only=True)
        if not len(src):
            return None
        vals[starts[i] : starts[i + 1]] = src
        return int(src.min()), int(src.max())

    extremes = [e for e in map_chunks(copy, range(amount.column.num_chunks)) if e is not None]
    if extremes and max(hi for _, hi in extremes) > MAX_AMOUNT:
        big = vals > MAX_AMOUNT
        errs.add(big, "amount", too_big)
        vals[big] = 0
    if extremes and min(lo for lo, _ in extremes) < 0:
        errs.add(vals < 0, "amount", "amount must be >= 0")
    return vals


_WHOLE_RE = r"^(\d{1,30})(?:\.0*)?$"
"""A whole number as text: digits, and an optional fraction of zeros (``5``, ``5.0``)."""
