"""Column validators of the batch loaders (one function per kind of column).

Each validator reads a whole column (NumPy, pandas or a list), records every
bad row in :class:`~cchc.dossiers.table.checks.Errors` and returns the column in the
engine's representation (UTC ``datetime64[ns]``, integer codes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from cchc.errors import BatchValidationError, NaiveDatetimeError, ParseError, ValidationError

from ..codes import CODE_PATTERN
from ..deadline import MAX_AMOUNT
from ..instants import NAT
from .checks import GROUP_COLUMNS, RECORD_COLUMNS, TIME_COLUMNS, Errors
from .chunks import CHUNK_ROWS, cast, map_chunks, row_chunks

__all__ = [
    "amounts",
    "check_columns",
    "cutoffs",
    "dossier_codes",
    "group_labels",
    "is_name",
    "parse_times",
    "to_us",
    "vocabulary_codes",
]

DT = npt.NDArray[np.datetime64]
_OFFSET_RE = r"(?:Z|[+-]\d{2}:?\d{2})$"


_HELD = (np.datetime64("1678-01-01", "D"), np.datetime64("2262-01-01", "D"))
"""The instants the engine holds, ``[1678-01-01, 2262-01-01)`` (``datetime64[ns]``
itself covers 1677-09-21 .. 2262-04-11)."""


def to_us(values: Any, name: str, errs: Errors) -> DT:
    """``datetime64[ns]``, floored to the microsecond: the precision of Python datetimes,
    which the scalar reference engine uses. Coarser inputs need no flooring, and a
    column of NaT (an absent column) is returned as it is, without a copy. Values that
    the engine does not hold (before 1678 or after 2261) are errors of ``name``,
    never wrapped around into another date. Converted in chunks on a few threads
    (:mod:`.chunking`)."""
    if values.strides == (0,):  # one value broadcast (an absent column): no copy
        first = values[:1].astype("datetime64[us]").astype("datetime64[ns]")
        return np.broadcast_to(first, values.shape)
    unit = np.datetime_data(values.dtype)[0]
    fine = unit in ("ns", "ps", "fs", "as")
    lo, hi = (int(d.astype(values.dtype).view(np.int64)) for d in _HELD)
    out: DT = np.empty(len(values), dtype="datetime64[ns]")

    def convert(sl: slice) -> npt.NDArray[np.int64] | None:
        part = values[sl]
        raw = part.view(np.int64)
        outside = None
        if not fine and (raw.max(initial=NAT) >= hi or (raw < lo).sum() > (raw == NAT).sum()):
            outside = np.flatnonzero((raw != NAT) & ((raw < lo) | (raw >= hi)))
            part = part.copy()
            part[outside] = np.datetime64("NaT")
        out[sl] = part.astype("datetime64[us]") if fine else part
        return None if outside is None else outside + sl.start

    bad = [
        rows
        for rows in map_chunks(convert, row_chunks(len(values), CHUNK_ROWS))
        if rows is not None
    ]
    if bad:
        mask = np.zeros(len(values), dtype=bool)
        mask[np.concatenate(bad)] = True
        errs.add(mask, name, "outside the datetimes this engine holds (years 1678-2261)")
    return out


def parse_times(values: Any, name: str, n: int, errs: Errors, *, naive_is_utc: bool) -> DT:
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
    if isinstance(ser.dtype, pd.DatetimeTZDtype):
        return ser.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[ns]")
    if ser.dtype.kind == "M":
        # naive pandas values and naive Python datetimes: always rejected
        errs.add(ser.notna().to_numpy(), name, "naive datetime; give an offset", NaiveDatetimeError)
        return ser.to_numpy("datetime64[ns]")
    text = ser.astype("string").str.strip().fillna("")
    present = (text != "").to_numpy()
    naive = present & ~text.str.contains(_OFFSET_RE, regex=True).to_numpy(dtype=bool)
    errs.add(
        naive,
        name,
        "naive or malformed datetime; give ISO 8601 with an offset (+07:00)",
        NaiveDatetimeError,
    )
    parsed = pd.to_datetime(
        text.where(present & ~naive, None), format="ISO8601", utc=True, errors="coerce"
    )
    bad = present & ~naive & parsed.isna().to_numpy()
    errs.add(bad, name, "not a datetime", ValidationError)
    return parsed.dt.tz_localize(None).to_numpy("datetime64[ns]")


def group_labels(values: Any, n: int) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    if values is None:
        return np.zeros(n, dtype=np.int32), ("",)
    if isinstance(values, pd.Categorical | pd.Series) and isinstance(
        values.dtype, pd.CategoricalDtype
    ):
        cat = pd.Categorical(values)
        labels = tuple(str(c).strip() for c in cat.categories)
        codes32 = cast(cat.codes, np.int32)
        if (codes32 < 0).any():
            codes32 = np.where(codes32 < 0, len(labels), codes32).astype(np.int32)
            labels = (*labels, "")
        return codes32, labels
    codes, uniques = pd.factorize(pd.Series(values).astype("string").fillna("").str.strip())
    return codes.astype(np.int32), tuple(str(u) for u in uniques)


def vocabulary_codes(values: Any, name: str, vocab: Mapping[str, int], n: int, errs: Errors) -> Any:
    arr = np.asarray(values)
    if arr.dtype.kind in "iu":
        top = max(vocab.values())  # integer codes, not the number of accepted names
        ok = (arr >= 0) & (arr <= top)
        errs.add(~ok, name, f"unknown {name} code; use 0..{top}")
        return np.where(ok, arr, 0).astype(np.int8)
    text = pd.Series(np.broadcast_to(arr, (n,))).astype("string").str.strip().fillna("")
    mapped = text.map(dict(vocab))
    bad = mapped.isna().to_numpy()
    errs.add(bad, name, f"unknown {name}; use one of {', '.join(vocab)}")
    return mapped.fillna(0).to_numpy(dtype=np.int8)


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
    if values is None or isinstance(values, str) or np.ndim(values) == 0:
        return None
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


def is_name(values: Any, name: str, n: int) -> npt.NDArray[np.bool_]:
    arr = np.asarray(values)
    if arr.dtype.kind in "iub":
        return np.zeros(n, dtype=bool)
    text = pd.Series(np.broadcast_to(arr, (n,))).astype("string").str.strip().fillna("")
    out: npt.NDArray[np.bool_] = (text == name).to_numpy(dtype=bool)
    return out


def amounts(amount: Any, n: int, errs: Errors) -> npt.NDArray[np.int64]:
    arr = np.asarray(amount)
    too_big = f"amount must be at most {MAX_AMOUNT} (a sanity bound, not a legal rule)"
    if arr.dtype.kind in "iu":
        raw = np.broadcast_to(arr, (n,))
        big = raw > MAX_AMOUNT
        if big.any():
            errs.add(big, "amount", too_big)
            raw = np.where(big, 0, raw)
        vals = cast(raw, np.int64)  # one copy: the frame owns its columns
        errs.add(vals < 0, "amount", "amount must be >= 0")
        return vals
    num = pd.to_numeric(pd.Series(np.broadcast_to(arr, (n,))), errors="coerce").to_numpy(float)
    bad = ~np.isfinite(num) | (num < 0) | (num != np.floor(num))
    errs.add(bad, "amount", "amount must be a finite whole number >= 0")
    big = ~bad & (num > MAX_AMOUNT)
    errs.add(big, "amount", too_big)
    return np.where(bad | big, 0, num).astype(np.int64)
