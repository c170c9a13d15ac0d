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
payment_requested_at     no       thông báo thực hiện nghĩa vụ tài chính (the dossier waits)
payment_done_at          no       đã thực hiện nghĩa vụ tài chính: the working time waited
                                  is added to the due moment (``CONV-PAUSE-PAYMENT``)
cutoff                   no       per-procedure cut-off hour ``HH:MM`` (giờ tiếp nhận muộn
                                  nhất); overrides the policy's, as ``Dossier.cutoff``
case                     no       trường hợp chosen (group key), as ``Dossier.case``
result_kind              no       ``paper`` / ``electronic`` (empty: not recorded), as
                                  ``Dossier.result_kind`` (766 4.1 counts electronic)
synced                   no       đã đồng bộ lên Cổng DVCQG (yes/no; 766 1.4)
digitised                no       số hóa thành phần hồ sơ (yes/no; 766 4.2)
paid_online              no       thanh toán trực tuyến (yes/no; 766 6.1)
has_fees                 no       có nghĩa vụ tài chính: a fee other than 0 is due (yes/no;
                                  the base of 766 6.1)
outcome                  no       how the dossier ended at ``finished_at``: ``decided``,
                                  ``returned``, ``refused``, ``withdrawn`` (or ``stopped``:
                                  dừng thực hiện theo yêu cầu, ND 118/2025 Art 21) or codes
                                  0-3; empty: not recorded. Stopped dossiers are counted
                                  apart (:mod:`~cchc.dossiers.table.outcomes`)
======================== ======== =====================================================

The record columns are counted by :func:`~cchc.dossiers.summarize` (``synced`` among
the dossiers received in the period; ``e_result``, ``digitised``, ``paid_online`` and
``payment_base`` among the dossiers to handle); a count whose column is absent is None.
:func:`from_dossiers` and :func:`to_dossiers` turn a list of
:class:`~cchc.dossiers.Dossier` into columns and back.

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

import contextlib
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, overload

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from cchc._display import html_table, ns_moment, ns_range, preview_positions, summary
from cchc._optional import require_extra
from cchc.errors import BatchValidationError, CchcError, DataFileError, ValidationError
from cchc.procedures import TimeUnit
from cchc.procedures.vocabulary import IMMEDIATE_AS

from ..batch import CHANNEL_CODES, UNIT_CODES
from ..events import OUTCOME_CODES
from .bad_rows import bad_rows_table, check_on_bad_rows, relocate
from .checks import FLAG_COLUMNS, GROUP_COLUMNS, RECORD_COLUMNS, TIME_COLUMNS, Errors, check_order
from .chunks import paused_gc
from .columns import (
    ArrowInts,
    ArrowTimes,
    Coded,
    amounts,
    arrow_categorical,
    arrow_codes,
    check_columns,
    cutoffs,
    dossier_codes,
    flags,
    group_labels,
    parse_times,
    to_us,
    vocabulary_codes,
    vocabulary_labels,
)
from .csv_file import open_csv, tokens, typed_table
from .headers import header_names
from .outcomes import outcome_codes

__all__ = [
    "CHANNEL_CODES",
    "FLAG_COLUMNS",
    "GROUP_COLUMNS",
    "RECORD_COLUMNS",
    "REQUIRED_COLUMNS",
    "RESULT_KIND_CODES",
    "TIME_COLUMNS",
    "DossierFrame",
    "from_arrow",
    "from_columns",
    "from_dataframe",
    "read_csv",
    "read_dossier_file",
    "read_parquet",
]

DT = npt.NDArray[np.datetime64]
REQUIRED_COLUMNS = ("channel", "received_at", "amount", "unit")
_KNOWN = frozenset(
    {
        *TIME_COLUMNS,
        *GROUP_COLUMNS,
        *RECORD_COLUMNS,
        "channel",
        "amount",
        "unit",
        "code",
        "cutoff",
        "boundary_free",
    }
)
RESULT_KIND_CODES = {"paper": 0, "electronic": 1}
"""Codes of the ``result_kind`` column (-1: not recorded)."""
_GROUPS = (*GROUP_COLUMNS, "case")
_UNITS = {**UNIT_CODES, TimeUnit.IMMEDIATE.value: UNIT_CODES[IMMEDIATE_AS[1].value]}
"""The names of the ``unit`` column and their codes ('immediate' as its engine terms)."""
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
    payment_requested_at: DT
    payment_done_at: DT
    groups: Mapping[str, tuple[npt.NDArray[np.int32], tuple[str, ...]]]
    """For each group column: integer codes and their labels."""
    codes: npt.NDArray[np.object_] | None = None
    cutoff: npt.NDArray[np.int16] | None = None
    """Per-row cut-off hour in minutes after midnight (-1: none), or None for no column."""
    boundary_free: npt.NDArray[np.bool_] | None = None
    """Filed regardless of administrative boundary (ND 309/2026 Art 8(3)), or None for no
    column (no such dossier)."""
    result_kind: npt.NDArray[np.int8] | None = None
    """Result kind codes (:data:`RESULT_KIND_CODES`, -1 none), or None for no column."""
    record_flags: Mapping[str, npt.NDArray[np.bool_]] = attrs.field(factory=dict)
    """The yes/no record columns given (:data:`FLAG_COLUMNS`), by name."""
    outcome: npt.NDArray[np.int8] | None = None
    """Outcome codes (:data:`~cchc.dossiers.events.OUTCOME_CODES`, -1 not recorded), or None
    for no column."""
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
        """Codes and labels of a group column (``procedure_code``, ``field``, ``agency``,
        ``case``)."""
        try:
            return self.groups[name]
        except KeyError:
            raise ValidationError(
                f"unknown group column {name!r}; use one of {', '.join(_GROUPS)}",
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
            result_kind=None if self.result_kind is None else self.result_kind[index],
            record_flags={k: v[index] for k, v in self.record_flags.items()},
            outcome=None if self.outcome is None else self.outcome[index],
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
                ("outcome", self._outcomes()),
                ("other columns", ", ".join(given) or "-"),
                ("groups", groups or "-"),
            ],
        )

    def _outcomes(self) -> str:
        """How the finished rows ended, by outcome (``-``: no outcome column)."""
        if self.outcome is None:
            return "-"
        counts = np.bincount(self.outcome[self.outcome >= 0], minlength=len(OUTCOME_CODES))
        names = [name for name, _ in sorted(OUTCOME_CODES.items(), key=lambda kv: kv[1])]
        shown = [f"{name} {int(n):,}" for name, n in zip(names, counts, strict=False) if n]
        return ", ".join(shown) or "none recorded"

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
    payment_requested_at: Any = None,
    payment_done_at: Any = None,
    procedure_code: Any = None,
    field: Any = None,
    agency: Any = None,
    code: Any = None,
    cutoff: Any = None,
    case: Any = None,
    result_kind: Any = None,
    synced: Any = None,
    digitised: Any = None,
    paid_online: Any = None,
    has_fees: Any = None,
    outcome: Any = None,
    source: str | None = None,
    row_base: int = 1,
    naive_is_utc: bool = False,
    dayfirst: bool = False,
) -> DossierFrame:
    """Validate columns (NumPy, pandas or lists) into a :class:`DossierFrame`.

    Naive datetimes are rejected (:class:`~cchc.errors.NaiveDatetimeError`, row
    and field): pandas columns and Python datetimes must be tz-aware, strings
    must carry an offset. The one exception: raw NumPy ``datetime64`` arrays,
    which cannot carry a zone, are read as **UTC** when the caller passes
    ``naive_is_utc=True`` explicitly (the default is ``False``). With
    ``dayfirst=True``, texts ``dd/mm/yyyy HH:MM[:SS]`` without an offset are read as
    Vietnam time (+07:00). Numbers are not instants (epoch seconds are refused), and
    instants outside the years 1678-2261 are errors in any unit, never wrapped.

    ``unit``, ``channel`` and ``amount`` may be one scalar for all rows; every
    other given column must have exactly as many values as ``received_at``.

    Raises:
        BatchValidationError: one entry per bad row and field (a column of the
            wrong length: one entry naming the column, no row).
    """
    if not isinstance(dayfirst, bool):
        raise ValidationError(f"dayfirst must be True or False, not {dayfirst!r}", field="dayfirst")
    n = len(received_at)
    check_columns(n, locals(), source)
    errs = Errors(row_base, source)
    times = {
        name: to_us(
            parse_times(vals, name, n, errs, naive_is_utc=naive_is_utc, dayfirst=dayfirst),
            name,
            errs,
        )
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
                payment_requested_at,
                payment_done_at,
            ),
            strict=True,
        )
    }
    unit_codes, immediate = vocabulary_codes(
        unit, "unit", _UNITS, n, errs, flag=TimeUnit.IMMEDIATE.value
    )
    channel_codes, _ = vocabulary_codes(channel, "channel", CHANNEL_CODES, n, errs)
    amt = amounts(amount, n, errs)
    # 'immediate' (giải quyết ngay) has no amount, as in TimeLimit; the scalar engine agrees
    errs.add(immediate & (amt != 0), "amount", "an 'immediate' time limit has no amount")
    check_order(times, errs)
    codes_arr = None if code is None else dossier_codes(code, errs)
    cut = None if cutoff is None else cutoffs(cutoff, errs)
    free = None if boundary_free is None else flags(boundary_free, "boundary_free", errs)
    given_flags = dict(zip(FLAG_COLUMNS, (synced, digitised, paid_online, has_fees), strict=True))
    record_flags = {k: flags(v, k, errs) for k, v in given_flags.items() if v is not None}
    kinds = None if result_kind is None else _result_kinds(result_kind, errs)
    ends = None if outcome is None else outcome_codes(outcome, n, times, errs)
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
            "case": group_labels(case, n),
        },
        codes=codes_arr,
        cutoff=cut,
        boundary_free=free,
        result_kind=kinds,
        record_flags=record_flags,
        outcome=ends,
        row_numbers=None if row_base == 1 else np.arange(row_base, row_base + n, dtype=np.int64),
        source=source,
    )


def _result_kinds(values: Any, errs: Errors) -> npt.NDArray[np.int8]:
    """``paper`` / ``electronic`` as codes; empty (or missing) is -1, anything else a bad row."""
    codes, labels = pd.factorize(
        pd.Series(np.asarray(values), dtype="object"), use_na_sentinel=True
    )
    table = np.empty(len(labels) + 1, dtype=np.int8)  # the last entry: missing (code -1)
    table[-1] = -1
    bad = np.zeros(len(labels) + 1, dtype=bool)
    for k, label in enumerate(labels):
        text = str(label).strip()
        table[k] = RESULT_KIND_CODES.get(text, -1)
        bad[k] = text != "" and text not in RESULT_KIND_CODES
    errs.add(bad[codes], "result_kind", "not a result kind (paper or electronic)")
    out: npt.NDArray[np.int8] = table[codes]
    return out


def _load(
    columns: Mapping[str, Any],
    *,
    rows: npt.NDArray[np.int64] | range,
    source: str | None,
    on_bad_rows: OnBadRows,
    labels: Any = None,
    problems: Sequence[CchcError] = (),
    naive_is_utc: bool = False,
    dayfirst: bool = False,
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Validate text or pandas columns whose rows are numbered ``rows`` (and labelled);
    a ``range`` numbers them without an array of numbers.

    ``problems``: rows already found bad (they are not in ``columns``).
    """
    check_on_bad_rows(on_bad_rows)
    with paused_gc():  # thousands of chunks' futures: no collection rescans the heap
        return _checked(
            columns, rows, source, on_bad_rows, labels, problems, naive_is_utc, dayfirst
        )


def _checked(
    columns: Mapping[str, Any],
    rows: npt.NDArray[np.int64] | range,
    source: str | None,
    on_bad_rows: OnBadRows,
    labels: Any,
    problems: Sequence[CchcError],
    naive_is_utc: bool,
    dayfirst: bool,
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """:func:`_load`, the collector paused."""
    options: dict[str, Any] = {
        "source": source,
        "row_base": 1,  # positions from 1: no array of row numbers is made
        "naive_is_utc": naive_is_utc,
        "dayfirst": dayfirst,
    }
    found: list[CchcError] = []
    try:
        frame = from_columns(**columns, **options)
    except BatchValidationError as exc:
        if any(e.row is None for e in exc.errors):  # a column is wrong: no row to drop
            raise
        found = list(exc.errors)
    bad = sorted(
        [*problems, *relocate(found, position_base=1, rows=rows, labels=labels)],
        key=lambda e: e.row or 0,
    )
    if bad and on_bad_rows == "raise":
        raise BatchValidationError(bad, source=source)
    if found:  # collect: validate the good rows again (each row is checked on its own)
        keep = np.setdiff1d(np.arange(len(rows)), [(e.row or 1) - 1 for e in found])
        columns = {k: _take(v, keep) for k, v in columns.items()}
        frame = from_columns(**columns, **options)
        rows = np.asarray(rows, dtype=np.int64)[keep]
        labels = None if labels is None else labels[keep]
    if isinstance(rows, range):
        numbers = None if rows.start == 1 else np.arange(rows.start, rows.stop, dtype=np.int64)
    else:
        numbers = None if np.array_equal(rows, np.arange(1, len(rows) + 1)) else rows
    frame = attrs.evolve(frame, row_numbers=numbers, index=labels, source=source)
    return (frame, bad_rows_table(bad)) if on_bad_rows == "collect" else frame


def _take(values: Any, keep: npt.NDArray[np.intp]) -> Any:
    """The rows ``keep`` of a column, of the same kind (a NumPy array stays one)."""
    if isinstance(values, str) or np.ndim(values) == 0:
        return values
    if isinstance(values, ArrowTimes | ArrowInts | Coded):
        return values.take(keep)
    if isinstance(values, np.ndarray | pd.Categorical):
        return values[keep]
    return pd.Series(values).iloc[keep].reset_index(drop=True)


def _require(names: Sequence[str], source: str | None, found: Sequence[str] = ()) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        have = list(found or names)
        shown = ", ".join(repr(h) for h in have[:30]) + (
            f" and {len(have) - 30:,} more" if len(have) > 30 else ""
        )
        hint = (
            f"; the columns found: {shown} (map a header to a column with "
            "columns={header: column}; command line: --columns FILE)"
            if have
            else "; no columns found"
        )
        raise BatchValidationError(
            [ValidationError(f"required column is missing{hint}", field=c) for c in missing],
            source=source,
        )


@overload
def from_dataframe(
    df: pd.DataFrame,
    *,
    source: str | None = ...,
    row_base: int = ...,
    on_bad_rows: Literal["raise"] = ...,
    columns: Mapping[str, str] | None = ...,
    dayfirst: bool = ...,
) -> DossierFrame: ...
@overload
def from_dataframe(
    df: pd.DataFrame,
    *,
    source: str | None = ...,
    row_base: int = ...,
    on_bad_rows: Literal["collect"],
    columns: Mapping[str, str] | None = ...,
    dayfirst: bool = ...,
) -> tuple[DossierFrame, pd.DataFrame]: ...
def from_dataframe(
    df: pd.DataFrame,
    *,
    source: str | None = None,
    row_base: int = 1,
    on_bad_rows: OnBadRows = "raise",
    columns: Mapping[str, str] | None = None,
    dayfirst: bool = False,
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Validate a pandas DataFrame with the columns of the module table.

    Rows are numbered by position from ``row_base``; every error also names the
    row's index label (``err.index``), and the frame keeps ``df.index`` for
    :meth:`~cchc.dossiers.DossierResults.to_pandas`. A numeric
    ``procedure_code`` column (pandas reads ``1.000100`` as the float 1.0001)
    is refused: read it as text (``dtype=str``).

    ``on_bad_rows="collect"`` returns ``(frame, bad_rows)``: the good rows and a
    DataFrame of the problems (columns ``row``, ``index``, ``field``,
    ``message``, ``error``) instead of raising. ``columns``: header names mapped
    to column names (``{"Ngày tiếp nhận": "received_at"}``), added to the bundled
    Vietnamese names (:mod:`~cchc.dossiers.table.headers`). ``dayfirst``: as in
    :func:`from_columns`.

    Raises:
        BatchValidationError: missing required columns, a numeric procedure code
            column, or bad rows (all of them, with ``on_bad_rows="raise"``).
    """
    if not isinstance(df, pd.DataFrame):
        raise ValidationError(f"expected a pandas DataFrame, not {type(df).__name__}", field="df")
    rename = header_names(columns, known=_KNOWN)
    found = [str(c) for c in df.columns]
    names = [rename(c) for c in found]
    _check_unique(names, found, source)
    _require(names, source, found)
    given = {
        name: df.iloc[:, i].reset_index(drop=True) for i, name in enumerate(names) if name in _KNOWN
    }
    return _load(
        given,
        rows=range(row_base, row_base + len(df)),
        labels=df.index,
        source=source,
        on_bad_rows=on_bad_rows,
        dayfirst=dayfirst,
    )


def _check_unique(names: Sequence[str], found: Sequence[str], source: str | None) -> None:
    seen: dict[str, list[str]] = {}
    for name, header in zip(names, found, strict=True):
        seen.setdefault(name, []).append(header)
    twice = {k: v for k, v in seen.items() if len(v) > 1 and k in _KNOWN}
    if twice:
        raise BatchValidationError(
            [
                ValidationError(
                    "column appears more than once (as " + ", ".join(map(repr, v)) + ")",
                    field=k,
                )
                for k, v in twice.items()
            ],
            source=source,
        )


_LABELS = (*GROUP_COLUMNS, "unit", "channel", "outcome")
_VOCABULARIES: Mapping[str, Mapping[str, int]] = {"unit": _UNITS, "channel": CHANNEL_CODES}
_CLOSED = ("unit", "channel", "outcome")
"""The label columns of a closed vocabulary: a row's code is its text's place in the
vocabulary, whatever order the labels come in (read from Parquet as dictionaries)."""


def _arrow_types() -> dict[str, Any]:
    """The Arrow type each known column is parsed to on the typed CSV path."""
    pa = require_extra("pyarrow", "pandas")
    labels = pa.dictionary(pa.int32(), pa.string())
    return {
        **dict.fromkeys(TIME_COLUMNS, pa.timestamp("ns", tz="UTC")),
        **dict.fromkeys(_LABELS, labels),
        "amount": pa.int64(),
        "code": pa.string(),
        "cutoff": pa.string(),
        "boundary_free": pa.string(),
    }


def _arrow_columns(columns: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """The known columns of an Arrow table (``columns``: the column name and the Arrow
    column of each) for :func:`from_columns` with ``naive_is_utc=True``: instants with a
    zone as :class:`~.columns.ArrowTimes` (converted chunk by chunk, in their own unit:
    no copy, no cast to ``ns`` before the range check), instants without one as naive
    pandas values (refused), labels as categoricals (each distinct text looked up once),
    other columns as NumPy or pandas values."""
    pa = require_extra("pyarrow", "pandas")
    out: dict[str, Any] = {}
    for name, col in columns:
        kind = col.type
        if name not in _KNOWN:
            continue
        if pa.types.is_timestamp(kind) and kind.tz is not None:
            out[name] = ArrowTimes(col)
        elif name in _LABELS and (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            out[name] = col.dictionary_encode().to_pandas()
        elif pa.types.is_dictionary(kind):
            out[name] = arrow_codes(col) if name in _GROUPS else arrow_categorical(col)
        elif name == "amount" and pa.types.is_signed_integer(kind) and col.null_count == 0:
            out[name] = ArrowInts(col)
        elif pa.types.is_integer(kind) and col.null_count == 0:
            out[name] = col.to_numpy()
        else:
            out[name] = col.to_pandas()
    return out


@overload
def read_csv(
    path: str | Path,
    *,
    source: str | None = ...,
    on_bad_rows: Literal["raise"] = ...,
    delimiter: str = ...,
    encoding: str = ...,
    dayfirst: bool = ...,
    columns: Mapping[str, str] | None = ...,
) -> DossierFrame: ...
@overload
def read_csv(
    path: str | Path,
    *,
    source: str | None = ...,
    on_bad_rows: Literal["collect"],
    delimiter: str = ...,
    encoding: str = ...,
    dayfirst: bool = ...,
    columns: Mapping[str, str] | None = ...,
) -> tuple[DossierFrame, pd.DataFrame]: ...
def read_csv(
    path: str | Path,
    *,
    source: str | None = None,
    on_bad_rows: OnBadRows = "raise",
    delimiter: str = ",",
    encoding: str = "utf-8",
    dayfirst: bool = False,
    columns: Mapping[str, str] | None = None,
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Read and validate a CSV file (header row); rows are numbered by file line.

    Every bad row is found in one load: rows with too few or too many fields (by
    line, never padded or cut), and bad values (by line and field). Blank lines
    are skipped and do not shift the numbering; a row whose quoted field spans
    lines is numbered by its first line. A header-only file gives an empty frame.

    A regular file whose values all parse is read by the typed path (instants,
    numbers and labels parsed in C by :func:`pyarrow.csv.read_csv`); any other goes
    through the careful text parser, which finds and locates every bad row.

    ``on_bad_rows="collect"`` returns ``(frame, bad_rows)``: the good rows and a
    DataFrame of the problems (columns ``row`` = file line, ``index`` (empty),
    ``field``, ``message``, ``error``), instead of raising.
    ``delimiter``: the field separator (``";"`` for files saved so by a
    spreadsheet); a header separated otherwise is an error naming the delimiter.
    ``encoding``: ``"utf-8"`` (the default; a byte-order mark is accepted),
    ``"utf-16"``, ``"cp1258"`` (Windows Vietnamese) or any Python codec name.
    ``dayfirst``: also read ``dd/mm/yyyy HH:MM[:SS]`` (Vietnam time).
    ``columns``: header names mapped to column names, added to the bundled
    Vietnamese header names (``"Ngày tiếp nhận"`` is ``received_at``).

    Raises:
        DataFileError: a missing, unreadable, empty (no header) or malformed file
            (e.g. a quote never closed, a field longer than 131,072 characters), one
            that is not in ``encoding`` (with the line), or a header separated by
            another delimiter.
        BatchValidationError: missing columns (listing the headers found), repeated
            columns, or bad rows (all of them, with ``on_bad_rows="raise"``).
    """
    name = source if source is not None else str(path)
    check_on_bad_rows(on_bad_rows)
    if not isinstance(dayfirst, bool):
        raise ValidationError(f"dayfirst must be True or False, not {dayfirst!r}", field="dayfirst")
    file = open_csv(
        path,
        source=name,
        delimiter=delimiter,
        required=REQUIRED_COLUMNS,
        encoding=encoding,
        rename=header_names(columns, known=_KNOWN),
    )
    _require(file.header, name, file.found)
    known = [k for k in file.header if k in _KNOWN]
    types = _arrow_types()  # every other known column is read as text
    text_type = require_extra("pyarrow", "pandas").string()
    wanted = {
        k: types.get(k, text_type)
        for k in known
        if not (dayfirst and k in TIME_COLUMNS)  # instants without an offset: the text parser
    }
    table = typed_table(file, delimiter=delimiter, types=wanted)
    typed = None
    if table is not None and (
        "amount" not in table.column_names or table.column("amount").null_count == 0
    ):  # an empty amount: the text path says which rows
        typed = _arrow_columns(zip(table.column_names, table.columns, strict=True))
    if typed is not None:
        if dayfirst:
            text = tokens(file, delimiter=delimiter, source=name, keep=TIME_COLUMNS)
            typed.update({k: text.columns[k] for k in known if k in TIME_COLUMNS})
        return _load_typed(typed, range(2, len(table) + 2), name, on_bad_rows, dayfirst)
    text = tokens(file, delimiter=delimiter, source=name, keep=known)
    return _load(
        {k: text.columns[k] for k in known},
        rows=text.lines,
        problems=text.problems,
        source=name,
        on_bad_rows=on_bad_rows,
        dayfirst=dayfirst,
    )


def _load_typed(
    columns: Mapping[str, Any],
    rows: range,
    source: str | None,
    on_bad_rows: OnBadRows,
    dayfirst: bool,
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """:func:`_load` of columns read by Arrow (instants with a zone, as UTC)."""
    return _load(
        columns,
        rows=rows,
        source=source,
        on_bad_rows=on_bad_rows,
        naive_is_utc=True,
        dayfirst=dayfirst,
    )


def from_arrow(
    table: Any,
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
    dayfirst: bool = False,
    on_bad_rows: OnBadRows = "raise",
) -> Any:
    """Validate a :class:`pyarrow.Table`: timestamps with a zone (any unit), or ISO
    texts with an offset; rows are numbered from 1.

    Instants are read in their own unit, so a year-2605 ``timestamp[us, tz]`` is the
    same range error as any value outside 1678-2261, never wrapped into another
    date. The texts of ``unit`` and ``channel`` are matched against their names in C
    (Arrow's ``index_in``, on a few threads): only a text that is not a name as written is
    read into Python (and looked up again stripped and in NFC). Other text columns are
    looked up once per distinct label. Text that is not valid UTF-8 is a bad row (row and
    field), never a raw Arrow error. ``columns``,
    ``dayfirst`` and ``on_bad_rows`` as in :func:`from_dataframe`.
    """
    pa = require_extra("pyarrow", "pandas")
    if not isinstance(table, pa.Table):
        raise ValidationError(
            f"expected a pyarrow Table, not {type(table).__name__}", field="table"
        )
    with paused_gc():  # thousands of chunks' futures: no collection rescans the heap
        return _from_arrow(table, source, columns, dayfirst, on_bad_rows)


def _from_arrow(
    table: Any,
    source: str | None,
    columns: Mapping[str, str] | None,
    dayfirst: bool,
    on_bad_rows: OnBadRows,
) -> Any:
    """:func:`from_arrow` of a table, the collector paused."""
    pa = require_extra("pyarrow", "pandas")
    rename = header_names(columns, known=_KNOWN)
    found = [str(c) for c in table.column_names]
    names = [rename(c) for c in found]
    _check_unique(names, found, source)
    _require(names, source, found)
    looked: dict[str, Any] = {}  # unit, channel: looked up in C, row by row
    rest: list[tuple[str, str, Any]] = []  # (name, header, column): each label once
    problems: list[CchcError] = []
    for name, header, col in zip(names, found, table.columns, strict=True):
        text = pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
        if text and name in _VOCABULARIES:
            looked[name], bad = vocabulary_labels(col, list(_VOCABULARIES[name]))
            problems += [ValidationError("not UTF-8 text", row=r + 1, field=header) for r in bad]
        else:
            labels = text and name in _LABELS  # each distinct label looked up once
            rest.append((name, header, col.dictionary_encode() if labels else col))
    problems += _not_utf8((header, col) for _, header, col in rest)
    if problems:
        raise BatchValidationError(sorted(problems, key=lambda e: e.row or 0), source=source)
    given = {**_arrow_columns((name, col) for name, _, col in rest), **looked}
    return _load_typed(given, range(1, table.num_rows + 1), source, on_bad_rows, dayfirst)


def read_parquet(
    path: str | Path,
    *,
    source: str | None = None,
    columns: Mapping[str, str] | None = None,
    dayfirst: bool = False,
    on_bad_rows: OnBadRows = "raise",
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """Read and validate a Parquet file: :func:`from_arrow` of the columns it knows.

    Only the columns of the module table (after ``columns`` and the Vietnamese header
    names) are read; any other column of the file is neither read nor checked. The closed
    vocabularies (``unit``, ``channel``, ``outcome``) stored as text are read as Arrow
    dictionaries: Parquet keeps them dictionary-encoded, so each row group's few labels
    are decoded once instead of one string per row, and each label is looked up once.
    The frame is the one :func:`from_arrow` gives of ``pyarrow.parquet.read_table(path)``
    (the same codes, instants, groups in the same order, the same bad rows numbered from
    1); ``source`` (default: the path), ``columns``, ``dayfirst`` and ``on_bad_rows`` as
    there.

    Raises:
        ValidationError: ``path`` is not a file path.
        DataFileError: a missing or unreadable file, or one that is not Parquet.
        BatchValidationError: missing or repeated columns (checked on the file's schema,
            before any row is read), or bad rows (all of them, with
            ``on_bad_rows="raise"``).
    """
    pa = require_extra("pyarrow", "pandas")
    pq = require_extra("pyarrow.parquet", "pandas")
    if not isinstance(path, str | os.PathLike):
        raise ValidationError(f"not a file path: {type(path).__name__}", field="path")
    name = source if source is not None else str(path)
    check_on_bad_rows(on_bad_rows)
    try:
        schema = pq.read_schema(path)
    except pa.ArrowException as exc:  # read, but not Parquet (no footer, no magic bytes)
        raise DataFileError(f"not a Parquet file: {exc}", source=name) from None
    except OSError as exc:  # missing, a folder, no permission
        raise DataFileError(f"cannot read file: {exc.strerror or exc}", source=name) from None
    rename = header_names(columns, known=_KNOWN)
    found = [str(c) for c in schema.names]
    names = [rename(c) for c in found]
    _check_unique(names, found, name)
    _require(names, name, found)
    wanted = [(h, c) for h, c in zip(found, names, strict=True) if c in _KNOWN]
    text = (pa.string(), pa.large_string())
    coded = [h for h, c in wanted if c in _CLOSED and schema.field(h).type in text]
    try:
        table = pq.read_table(path, columns=[h for h, _ in wanted], read_dictionary=coded)
    except (OSError, pa.ArrowException) as exc:
        raise DataFileError(f"cannot read the Parquet file: {exc}", source=name) from None
    loaded: DossierFrame | tuple[DossierFrame, pd.DataFrame] = from_arrow(
        table, source=name, columns=columns, dayfirst=dayfirst, on_bad_rows=on_bad_rows
    )
    return loaded


PARQUET_MAGIC = b"PAR1"
"""The first bytes of a Parquet file."""


def read_dossier_file(
    path: str | Path, **options: Any
) -> DossierFrame | tuple[DossierFrame, pd.DataFrame]:
    """A dossier file given on the command line: :func:`read_parquet` when its first bytes
    are Parquet's (``PAR1``), else :func:`read_csv` (which names any other binary format);
    ``options`` are :func:`read_csv`'s keywords.

    Raises:
        ValidationError: a ``delimiter`` or ``encoding`` other than the default for a
            Parquet file (they are options of a CSV file).
        DataFileError, BatchValidationError: as :func:`read_csv` / :func:`read_parquet`.
    """
    try:
        with open(path, "rb") as f:
            parquet = f.read(len(PARQUET_MAGIC)) == PARQUET_MAGIC
    except (OSError, TypeError):  # read_csv names a missing file, a folder, a bad path
        parquet = False
    if not parquet:
        return read_csv(path, **options)  # type: ignore[no-any-return]
    for option, default in (("delimiter", ","), ("encoding", "utf-8")):
        value = options.pop(option, default)
        if value != default:
            raise ValidationError(
                f"{option} {value!r} applies to a CSV file; {path} is a Parquet file",
                field=option,
            )
    return read_parquet(path, **options)


def _not_utf8(columns: Iterable[tuple[str, Any]]) -> list[CchcError]:
    """An error for each row (from 1) and column (``columns``: the header and Arrow
    column of each) whose text is not valid UTF-8."""
    pa = require_extra("pyarrow", "pandas")
    problems: list[CchcError] = []
    for name, col in columns:
        kind = col.type.value_type if pa.types.is_dictionary(col.type) else col.type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            continue
        with contextlib.suppress(pa.ArrowInvalid):
            if pa.types.is_dictionary(col.type):  # the labels, once each
                for chunk in col.chunks:
                    chunk.dictionary.validate(full=True)
            else:
                col.validate(full=True)
            continue  # valid UTF-8: nothing to locate
        start = 0
        for chunk in col.chunks:
            values = chunk.dictionary if pa.types.is_dictionary(chunk.type) else chunk
            raw = values.cast(pa.binary() if pa.types.is_string(kind) else pa.large_binary())
            bad = set()
            for i, value in enumerate(raw.to_pylist()):
                if value is not None:
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        bad.add(i)
            if pa.types.is_dictionary(chunk.type):
                idx = chunk.indices.to_numpy(zero_copy_only=False)
                rows: list[int] = np.flatnonzero(np.isin(idx, list(bad))).tolist()
            else:
                rows = sorted(bad)
            problems += [
                ValidationError("not UTF-8 text", row=start + int(r) + 1, field=name) for r in rows
            ]
            start += len(chunk)
    return problems
