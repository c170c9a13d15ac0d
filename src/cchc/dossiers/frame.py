"""Columns of dossiers: validated loading (CSV, pandas, Arrow, NumPy) and batch results.

One dossier per row, flat (one supplement round, at most one rescheduling):

======================== ======== =====================================================
column                   required meaning
======================== ======== =====================================================
code                     no       mã số hồ sơ (TT 01/2018 Art 19)
procedure_code           no       mã TTHC (group key)
field                    no       lĩnh vực (group key)
agency                   no       cơ quan giải quyết (group key)
channel                  yes      ``in_person``, ``online`` or ``post``
received_at              yes      receipt moment, ISO 8601 **with offset**
amount, unit             yes      time limit (unit as in :func:`~cchc.dossiers.due_date`)
finished_at              no       end of processing (decided / returned / refused ...)
supplement_requested_at  no       yêu cầu bổ sung
supplement_received_at   no       nhận đủ hồ sơ bổ sung
rescheduled_at           no       xin lỗi và hẹn lại (the apology)
rescheduled_due_at       no       the new due moment
cutoff                   no       per-procedure cut-off hour ``HH:MM`` (giờ tiếp nhận muộn
                                  nhất); overrides the policy's, as ``Dossier.cutoff``
======================== ======== =====================================================

Every row is checked and **every** bad row is reported at once in a
:class:`~cchc.errors.BatchValidationError` (row number and field), never
dropped. Rows are numbered from 1 for data frames and by file line (header =
line 1) for CSV files.
"""

from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from cchc.errors import (
    BatchValidationError,
    DataFileError,
    NaiveDatetimeError,
    ParseError,
    ValidationError,
)
from cchc.procedures import TimeUnit

from .batch import CHANNEL_CODES, NAT, UNIT_CODES
from .checks import GROUP_COLUMNS, TIME_COLUMNS, Errors, check_order
from .codes import CODE_PATTERN
from .deadline import MAX_AMOUNT

__all__ = [
    "CHANNEL_CODES",
    "GROUP_COLUMNS",
    "TIME_COLUMNS",
    "DossierFrame",
    "from_arrow",
    "from_columns",
    "from_dataframe",
    "read_csv",
]

DT = npt.NDArray[np.datetime64]
_OFFSET_RE = r"(?:Z|[+-]\d{2}:?\d{2})$"


@attrs.frozen(eq=False)
class DossierFrame:
    """Validated columns of dossiers (instants are UTC ``datetime64[ns]``, NaT = none)."""

    received_at: DT
    amount: npt.NDArray[np.int64]
    unit: npt.NDArray[np.int8]
    channel: npt.NDArray[np.int8]
    finished_at: DT
    supplement_requested_at: DT
    supplement_received_at: DT
    rescheduled_at: DT
    rescheduled_due_at: DT
    groups: Mapping[str, tuple[npt.NDArray[np.int32], tuple[str, ...]]]
    """For each group column: integer codes and their labels."""
    codes: npt.NDArray[np.object_] | None = None
    cutoff: npt.NDArray[np.int16] | None = None
    """Per-row cut-off hour in minutes after midnight (-1: none), or None for no column."""

    def __len__(self) -> int:
        return len(self.received_at)

    def group(self, name: str) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
        """Codes and labels of a group column (``procedure_code``, ``field``, ``agency``)."""
        try:
            return self.groups[name]
        except KeyError:
            raise ValidationError(
                f"unknown group column {name!r}; use one of {', '.join(GROUP_COLUMNS)}",
                field="by",
            ) from None

    def take(self, index: Any) -> DossierFrame:
        """The rows at ``index`` (an integer array or a slice)."""
        return DossierFrame(
            **{
                name: getattr(self, name)[index]
                for name in (*TIME_COLUMNS, "amount", "unit", "channel")
            },
            groups={k: (c[index], labels) for k, (c, labels) in self.groups.items()},
            codes=None if self.codes is None else self.codes[index],
            cutoff=None if self.cutoff is None else self.cutoff[index],
        )


def _to_us(values: Any) -> DT:
    """``datetime64[ns]``, floored to the microsecond: the precision of Python datetimes,
    which the scalar reference engine uses. Coarser inputs need no flooring."""
    unit = np.datetime_data(values.dtype)[0]
    if unit in ("ns", "ps", "fs", "as"):
        values = values.astype("datetime64[us]")
    out: DT = values.astype("datetime64[ns]")
    return out


def _time(values: Any, name: str, n: int, errs: Errors, *, naive_is_utc: bool) -> DT:
    if values is None:
        return np.full(n, NAT, dtype=np.int64).view("datetime64[s]")
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


def _labels(values: Any, n: int) -> tuple[npt.NDArray[np.int32], tuple[str, ...]]:
    if values is None:
        return np.zeros(n, dtype=np.int32), ("",)
    if isinstance(values, pd.Categorical | pd.Series) and isinstance(
        values.dtype, pd.CategoricalDtype
    ):
        cat = pd.Categorical(values)
        labels = tuple(str(c).strip() for c in cat.categories)
        codes32 = np.asarray(cat.codes, dtype=np.int32)
        if (codes32 < 0).any():
            codes32 = np.where(codes32 < 0, len(labels), codes32).astype(np.int32)
            labels = (*labels, "")
        return codes32, labels
    codes, uniques = pd.factorize(pd.Series(values).astype("string").fillna("").str.strip())
    return codes.astype(np.int32), tuple(str(u) for u in uniques)


def _vocab(values: Any, name: str, vocab: Mapping[str, int], n: int, errs: Errors) -> Any:
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


def from_columns(
    *,
    received_at: Any,
    amount: Any,
    unit: Any = "working_days",
    channel: Any = "in_person",
    finished_at: Any = None,
    supplement_requested_at: Any = None,
    supplement_received_at: Any = None,
    rescheduled_at: Any = None,
    rescheduled_due_at: Any = None,
    procedure_code: Any = None,
    field: Any = None,
    agency: Any = None,
    code: Any = None,
    cutoff: Any = None,
    source: str | None = None,
    row_base: int = 1,
    naive_is_utc: bool = False,
) -> DossierFrame:
    """Validate columns (NumPy, pandas or lists) into a :class:`DossierFrame`.

    Naive datetimes are rejected (:class:`~cchc.errors.NaiveDatetimeError`, row
    and field): pandas columns and Python datetimes must be tz-aware, strings
    must carry an offset. The one exception: raw NumPy ``datetime64`` arrays,
    which cannot carry a zone, are read as **UTC** when the caller passes
    ``naive_is_utc=True`` explicitly (the default is ``False``).

    ``unit``, ``channel`` and ``amount`` may be one scalar for all rows; every
    other given column must have exactly as many values as ``received_at``.

    Raises:
        BatchValidationError: one entry per bad row and field (a column of the
            wrong length: one entry naming the column, no row).
    """
    n = len(received_at)
    _check_lengths(n, locals(), source)
    errs = Errors(row_base, source)
    times = {
        name: _to_us(_time(vals, name, n, errs, naive_is_utc=naive_is_utc))
        for name, vals in zip(
            TIME_COLUMNS,
            (
                received_at,
                finished_at,
                supplement_requested_at,
                supplement_received_at,
                rescheduled_at,
                rescheduled_due_at,
            ),
            strict=True,
        )
    }
    units = dict(UNIT_CODES)
    units[TimeUnit.IMMEDIATE.value] = UNIT_CODES[TimeUnit.WORKING_DAYS.value]
    unit_codes = _vocab(unit, "unit", units, n, errs)
    channel_codes = _vocab(channel, "channel", CHANNEL_CODES, n, errs)
    amt = _amount(amount, n, errs)
    # 'immediate' (giải quyết ngay) has no amount, as in TimeLimit; the scalar engine agrees
    immediate = _is_name(unit, TimeUnit.IMMEDIATE.value, n)
    errs.add(immediate & (amt != 0), "amount", "an 'immediate' time limit has no amount")
    check_order(times, errs)
    codes_arr = None
    if code is not None:
        text = pd.Series(code).astype("string").str.strip().str.upper().fillna("")
        parts = text.str.extract(CODE_PATTERN)
        shape = parts["date"].notna().to_numpy(dtype=bool)
        # the YYMMDD part must be a real date, as in parse_dossier_code (2000 + YY)
        ymd = parts["date"].fillna("")
        real = pd.to_datetime("20" + ymd, format="%Y%m%d", errors="coerce").notna().to_numpy()
        bad = (text != "").to_numpy() & ~(shape & real)
        errs.add(bad, "code", "not a dossier code (TT 01/2018/TT-VPCP Art 19)", ParseError)
        codes_arr = text.to_numpy(dtype=object)
    cut = None if cutoff is None else _cutoffs(cutoff, errs)
    errs.raise_if_any()
    return DossierFrame(
        **times,
        amount=amt,
        unit=unit_codes,
        channel=channel_codes,
        groups={
            "procedure_code": _labels(procedure_code, n),
            "field": _labels(field, n),
            "agency": _labels(agency, n),
        },
        codes=codes_arr,
        cutoff=cut,
    )


def _cutoffs(values: Any, errs: Errors) -> npt.NDArray[np.int16]:
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


def _check_lengths(n: int, given: Mapping[str, Any], source: str | None) -> None:
    """Every given column has ``n`` values (``unit``/``channel``/``amount`` may be scalars)."""
    problems: list[ValidationError] = []
    for name in (*TIME_COLUMNS, *GROUP_COLUMNS, "code", "cutoff", "unit", "channel", "amount"):
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


def _is_name(values: Any, name: str, n: int) -> npt.NDArray[np.bool_]:
    arr = np.asarray(values)
    if arr.dtype.kind in "iub":
        return np.zeros(n, dtype=bool)
    text = pd.Series(np.broadcast_to(arr, (n,))).astype("string").str.strip().fillna("")
    out: npt.NDArray[np.bool_] = (text == name).to_numpy(dtype=bool)
    return out


def _amount(amount: Any, n: int, errs: Errors) -> npt.NDArray[np.int64]:
    arr = np.asarray(amount)
    too_big = f"amount must be at most {MAX_AMOUNT} (a sanity bound, not a legal rule)"
    if arr.dtype.kind in "iu":
        raw = np.broadcast_to(arr, (n,))
        big = raw > MAX_AMOUNT
        errs.add(big, "amount", too_big)
        vals = np.where(big, 0, raw).astype(np.int64)
        errs.add(vals < 0, "amount", "amount must be >= 0")
        return vals
    num = pd.to_numeric(pd.Series(np.broadcast_to(arr, (n,))), errors="coerce").to_numpy(float)
    bad = ~np.isfinite(num) | (num < 0) | (num != np.floor(num))
    errs.add(bad, "amount", "amount must be a finite whole number >= 0")
    big = ~bad & (num > MAX_AMOUNT)
    errs.add(big, "amount", too_big)
    return np.where(bad | big, 0, num).astype(np.int64)


def from_dataframe(
    df: pd.DataFrame, *, source: str | None = None, row_base: int = 1
) -> DossierFrame:
    """Validate a pandas DataFrame with the columns of the module table.

    Raises:
        BatchValidationError: missing required columns, or bad rows (all of them).
    """
    required = ("channel", "received_at", "amount", "unit")
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise BatchValidationError(
            [ValidationError("required column is missing", field=c) for c in missing],
            source=source,
        )
    known = {*TIME_COLUMNS, *GROUP_COLUMNS, "channel", "amount", "unit", "code", "cutoff"}
    cols = {c: df[c].reset_index(drop=True) for c in df.columns if c in known}
    return from_columns(**cols, source=source, row_base=row_base, naive_is_utc=False)


def _extra_fields_error(path: str | Path, name: str) -> BatchValidationError:
    """Every line with more fields than the header (scanned on the error path only)."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        width = len(next(reader))
        errors = [
            ValidationError(
                f"{len(fields)} fields but the header has {width}",
                row=reader.line_num,
                field="(line)",
                source=name,
            )
            for fields in reader
            if len(fields) > width
        ]
    return BatchValidationError(errors, source=name)


def read_csv(path: str | Path, *, source: str | None = None) -> DossierFrame:
    """Read and validate a CSV file (UTF-8, header row); rows are numbered by file line.

    A header-only file gives an empty frame.

    Raises:
        DataFileError: a missing, unreadable, empty (no header) or malformed file
            (e.g. an unbalanced quote), or one that is not UTF-8.
        BatchValidationError: bad rows (all of them).
    """
    name = source if source is not None else str(path)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            # index_col=False: never take the first column as an index when a line has
            # one field too many (that would shift every value of the file)
            df = pd.read_csv(
                path, dtype=str, keep_default_na=False, encoding="utf-8", index_col=False
            )
        if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
            raise _extra_fields_error(path, name)
    except pd.errors.EmptyDataError:
        raise DataFileError("empty file: no header row", source=name) from None
    except pd.errors.ParserError as exc:
        raise DataFileError(f"malformed CSV: {exc}", source=name) from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 text (byte {exc.start})", source=name) from None
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror or exc}", source=name) from None
    # pandas renames a repeated header "amount" to "amount.1": refuse it, never pick one
    known = {*TIME_COLUMNS, *GROUP_COLUMNS, "channel", "amount", "unit", "code", "cutoff"}
    mangled = (re.fullmatch(r"(.+)\.\d+", str(c)) for c in df.columns if str(c) not in known)
    repeated = sorted({m.group(1) for m in mangled if m and m.group(1) in df.columns})
    if repeated:
        raise BatchValidationError(
            [
                ValidationError("column appears more than once in the header", field=c)
                for c in repeated
            ],
            source=name,
        )
    return from_dataframe(df, source=name, row_base=2)


def from_arrow(table: Any, *, source: str | None = None) -> DossierFrame:
    """Validate a :class:`pyarrow.Table` (timestamps with a zone, or ISO strings)."""
    return from_dataframe(table.to_pandas(), source=source)
