"""Columns of dossiers: validated loading (CSV, pandas, Arrow, NumPy) and batch results.

One dossier per row, flat (one supplement round, at most one rescheduling):

======================== ======== =====================================================
column                   required meaning
======================== ======== =====================================================
code                     no       mã số hồ sơ (TT 01/2018 Art 19)
procedure_code           no       mã TTHC (group key); **text**, never a number
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
transferred_at           no       chuyển đến cơ quan có thẩm quyền (the first transfer)
boundary_free            no       nộp không phụ thuộc địa giới hành chính (yes/no): from
                                  05/8/2026 its clock starts at ``transferred_at`` (ND
                                  309/2026 Art 8(3)), as ``Dossier.boundary_free``
cutoff                   no       per-procedure cut-off hour ``HH:MM`` (giờ tiếp nhận muộn
                                  nhất); overrides the policy's, as ``Dossier.cutoff``
======================== ======== =====================================================

Every row is checked and **every** bad row is reported at once in a
:class:`~cchc.errors.BatchValidationError` (row number and field), never
dropped. Rows are numbered from 1 for data frames (each error also names the
row's index label) and by file line (header = line 1) for CSV files
(:mod:`~cchc.dossiers.table.csv_file`: blank lines are skipped without shifting the
numbers, a line with too few or too many fields is a bad row). With
``on_bad_rows="collect"`` the loaders return the good rows and a table of the
bad ones instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from cchc._display import html_table, ns_moment, ns_range, preview_positions, summary
from cchc.errors import BatchValidationError, CchcError, ValidationError
from cchc.procedures import TimeUnit
from cchc.procedures.vocabulary import IMMEDIATE_AS

from ..batch import CHANNEL_CODES, UNIT_CODES
from .bad_rows import bad_rows_table, check_on_bad_rows, relocate
from .checks import GROUP_COLUMNS, TIME_COLUMNS, Errors, check_order
from .columns import (
    amounts,
    check_columns,
    cutoffs,
    dossier_codes,
    flags,
    group_labels,
    is_name,
    parse_times,
    to_us,
    vocabulary_codes,
)
from .csv_file import tokenize

__all__ = [
    "CHANNEL_CODES",
    "GROUP_COLUMNS",
    "REQUIRED_COLUMNS",
    "TIME_COLUMNS",
    "DossierFrame",
    "from_arrow",
    "from_columns",
    "from_dataframe",
    "read_csv",
]

DT = npt.NDArray[np.datetime64]
REQUIRED_COLUMNS = ("channel", "received_at", "amount", "unit")
_KNOWN = frozenset(
    {*TIME_COLUMNS, *GROUP_COLUMNS, "channel", "amount", "unit", "code", "cutoff", "boundary_free"}
)
OnBadRows = Literal["raise", "collect"]


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
    transferred_at: DT
    groups: Mapping[str, tuple[npt.NDArray[np.int32], tuple[str, ...]]]
    """For each group column: integer codes and their labels."""
    codes: npt.NDArray[np.object_] | None = None
    cutoff: npt.NDArray[np.int16] | None = None
    """Per-row cut-off hour in minutes after midnight (-1: none), or None for no column."""
    boundary_free: npt.NDArray[np.bool_] | None = None
    """Filed regardless of administrative boundary (ND 309/2026 Art 8(3)), or None for no
    column (no such dossier)."""
    row_numbers: npt.NDArray[np.int64] | None = None
    """The number of each row in its source (the file line for CSV files), or None when
    rows are numbered by position from 1. Errors of :func:`~cchc.dossiers.evaluate` use it."""
    index: Any = None
    """The index of the source :class:`pandas.DataFrame` (kept by
    :meth:`DossierResults.to_pandas <cchc.dossiers.DossierResults.to_pandas>` and named
    in errors), or None."""
    source: str | None = None
    """The file or input the rows came from (named in errors), or None."""

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
            boundary_free=None if self.boundary_free is None else self.boundary_free[index],
            row_numbers=None if self.row_numbers is None else self.row_numbers[index],
            index=None if self.index is None else self.index[index],
            source=self.source,
        )

    def __repr__(self) -> str:
        """What it is and its size in a few lines (moments in +07:00), never the rows."""
        given = [
            name for name in TIME_COLUMNS[1:] if (getattr(self, name) == getattr(self, name)).any()
        ]
        groups = ", ".join(f"{k} ({len(labels)} labels)" for k, (_, labels) in self.groups.items())
        return summary(
            f"DossierFrame: {len(self):,} rows" + (f" from {self.source}" if self.source else ""),
            [
                ("received_at", ns_range(self.received_at)),
                ("finished", f"{int((self.finished_at == self.finished_at).sum()):,}"),
                ("other columns", ", ".join(given) or "-"),
                ("groups", groups or "-"),
            ],
        )

    def _repr_html_(self) -> str:
        """The first and last rows as a small HTML table (for notebooks)."""
        units = {v: k for k, v in UNIT_CODES.items()}
        channels = {v: k for k, v in CHANNEL_CODES.items()}
        names = list(self.groups)
        headers = ["row", "received_at", "amount", "unit", "channel", "finished_at", *names]

        def row(i: int) -> list[object]:
            number = i + 1 if self.row_numbers is None else int(self.row_numbers[i])
            labels = [g[1][g[0][i]] if g[0][i] >= 0 else "" for g in self.groups.values()]
            return [
                number,
                ns_moment(int(self.received_at.view(np.int64)[i])),
                int(self.amount[i]),
                units.get(int(self.unit[i]), ""),
                channels.get(int(self.channel[i]), ""),
                ns_moment(int(self.finished_at.view(np.int64)[i])),
                *labels,
            ]

        rows = [None if i is None else row(i) for i in preview_positions(len(self))]
        return html_table(headers, rows, caption=repr(self).splitlines()[0])

    def locate(self, errors: Sequence[CchcError]) -> list[CchcError]:
        """``errors`` numbered by position from 1, renumbered as this frame's rows (file
        lines) and given their index labels."""
        return relocate(errors, position_base=1, rows=self.row_numbers, labels=self.index)


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
    transferred_at: Any = None,
    boundary_free: Any = None,
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
    check_columns(n, locals(), source)
    errs = Errors(row_base, source)
    times = {
        name: to_us(parse_times(vals, name, n, errs, naive_is_utc=naive_is_utc), name, errs)
        for name, vals in zip(
            TIME_COLUMNS,
            (
                received_at,
                finished_at,
                supplement_requested_at,
                supplement_received_at,
                rescheduled_at,
                rescheduled_due_at,
                transferred_at,
            ),
            strict=True,
        )
    }
    units = dict(UNIT_CODES)
    units[TimeUnit.IMMEDIATE.value] = UNIT_CODES[IMMEDIATE_AS[1].value]
    unit_codes = vocabulary_codes(unit, "unit", units, n, errs)
    channel_codes = vocabulary_codes(channel, "channel", CHANNEL_CODES, n, errs)
    amt = amounts(amount, n, errs)
    # 'immediate' (giải quyết ngay) has no amount, as in TimeLimit; the scalar engine agrees
    immediate = is_name(unit, TimeUnit.IMMEDIATE.value, n)
    errs.add(immediate & (amt != 0), "amount", "an 'immediate' time limit has no amount")
    check_order(times, errs)
    codes_arr = None if code is None else dossier_codes(code, errs)
    cut = None if cutoff is None else cutoffs(cutoff, errs)
    free = None if boundary_free is None else flags(boundary_free, "boundary_free", errs)
    errs.raise_if_any()
    return DossierFrame(
        **times,
        amount=amt,
        unit=unit_codes,
        channel=channel_codes,
        groups={
            "procedure_code": group_labels(procedure_code, n),
            "field": group_labels(field, n),
            "agency": group_labels(agency, n),
        },
        codes=codes_arr,
        cutoff=cut,
        boundary_free=free,
        row_numbers=None if row_base == 1 else np.arange(row_base, row_base + n, dtype=np.int64),
        source=source,
    )


def _load(
    columns: Mapping[str, Any],
    *,
    rows: npt.NDArray[np.int64],
    labels: Any,
    problems: Sequence[CchcError],
    source: str | None,
    on_bad_rows: OnBadRows,
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Validate text or pandas columns whose rows are numbered ``rows`` (and labelled).

    ``problems``: rows already found bad (they are not in ``columns``).
    """
    check_on_bad_rows(on_bad_rows)
    found: list[CchcError] = []
    try:
        frame = from_columns(**columns, source=source, row_base=0)
    except BatchValidationError as exc:
        if any(e.row is None for e in exc.errors):  # a column is wrong: no row to drop
            raise
        found = list(exc.errors)
    bad = sorted(
        [*problems, *relocate(found, position_base=0, rows=rows, labels=labels)],
        key=lambda e: e.row or 0,
    )
    if bad and on_bad_rows == "raise":
        raise BatchValidationError(bad, source=source)
    if found:  # collect: validate the good rows again (each row is checked on its own)
        keep = np.setdiff1d(np.arange(len(rows)), [e.row for e in found])
        columns = {k: pd.Series(v).iloc[keep].reset_index(drop=True) for k, v in columns.items()}
        frame = from_columns(**columns, source=source, row_base=0)
        rows = rows[keep]
        labels = None if labels is None else labels[keep]
    positional = np.array_equal(rows, np.arange(1, len(rows) + 1))
    frame = attrs.evolve(
        frame, row_numbers=None if positional else rows, index=labels, source=source
    )
    return (frame, bad_rows_table(bad)) if on_bad_rows == "collect" else frame


def _require(names: Any, source: str | None) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise BatchValidationError(
            [ValidationError("required column is missing", field=c) for c in missing],
            source=source,
        )


@overload
def from_dataframe(
    df: pd.DataFrame,
    *,
    source: str | None = ...,
    row_base: int = ...,
    on_bad_rows: Literal["raise"] = ...,
) -> DossierFrame: ...
@overload
def from_dataframe(
    df: pd.DataFrame,
    *,
    source: str | None = ...,
    row_base: int = ...,
    on_bad_rows: Literal["collect"],
) -> tuple[DossierFrame, pd.DataFrame]: ...
def from_dataframe(
    df: pd.DataFrame,
    *,
    source: str | None = None,
    row_base: int = 1,
    on_bad_rows: OnBadRows = "raise",
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Validate a pandas DataFrame with the columns of the module table.

    Rows are numbered by position from ``row_base``; every error also names the
    row's index label (``err.index``), and the frame keeps ``df.index`` for
    :meth:`~cchc.dossiers.DossierResults.to_pandas`. A numeric
    ``procedure_code`` column (pandas reads ``1.000100`` as the float 1.0001)
    is refused: read it as text (``dtype=str``).

    ``on_bad_rows="collect"`` returns ``(frame, bad_rows)``: the good rows and a
    DataFrame of the problems (columns ``row``, ``index``, ``field``,
    ``message``, ``error``) instead of raising.

    Raises:
        BatchValidationError: missing required columns, a numeric procedure code
            column, or bad rows (all of them, with ``on_bad_rows="raise"``).
    """
    _require(df.columns, source)
    columns = {c: df[c].reset_index(drop=True) for c in df.columns if c in _KNOWN}
    rows = np.arange(row_base, row_base + len(df), dtype=np.int64)
    return _load(
        columns, rows=rows, labels=df.index, problems=(), source=source, on_bad_rows=on_bad_rows
    )


@overload
def read_csv(
    path: str | Path,
    *,
    source: str | None = ...,
    on_bad_rows: Literal["raise"] = ...,
    delimiter: str = ...,
) -> DossierFrame: ...
@overload
def read_csv(
    path: str | Path,
    *,
    source: str | None = ...,
    on_bad_rows: Literal["collect"],
    delimiter: str = ...,
) -> tuple[DossierFrame, pd.DataFrame]: ...
def read_csv(
    path: str | Path,
    *,
    source: str | None = None,
    on_bad_rows: OnBadRows = "raise",
    delimiter: str = ",",
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Read and validate a CSV file (UTF-8, header row); rows are numbered by file line.

    Every bad row is found in one load: rows with too few or too many fields (by
    line, never padded or cut), and bad values (by line and field). Blank lines
    are skipped and do not shift the numbering; a row whose quoted field spans
    lines is numbered by its first line. A header-only file gives an empty frame.

    ``on_bad_rows="collect"`` returns ``(frame, bad_rows)``: the good rows and a
    DataFrame of the problems (columns ``row`` = file line, ``index`` (empty),
    ``field``, ``message``, ``error``), instead of raising.
    ``delimiter``: the field separator (``";"`` for files saved so by a
    spreadsheet); a header separated otherwise is an error naming the delimiter.

    Raises:
        DataFileError: a missing, unreadable, empty (no header) or malformed file
            (e.g. a quote never closed), one that is not UTF-8 (with the line), or a
            header separated by another delimiter.
        BatchValidationError: missing or repeated columns, or bad rows (all of
            them, with ``on_bad_rows="raise"``).
    """
    name = source if source is not None else str(path)
    check_on_bad_rows(on_bad_rows)
    table = tokenize(path, source=name, delimiter=delimiter, required=REQUIRED_COLUMNS)
    _require(table.header, name)
    return _load(
        {k: table.columns[k] for k in table.header if k in _KNOWN},
        rows=table.lines,
        labels=None,
        problems=table.problems,
        source=name,
        on_bad_rows=on_bad_rows,
    )


def from_arrow(table: Any, *, source: str | None = None) -> DossierFrame:
    """Validate a :class:`pyarrow.Table` (timestamps with a zone, or ISO strings)."""
    return from_dataframe(table.to_pandas(), source=source)
