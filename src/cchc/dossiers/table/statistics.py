"""Statistics of dossier processing (thống kê tình hình giải quyết hồ sơ).

Counts are taken per period and per group (procedure, field or agency), with
NumPy ``bincount`` over whole columns. Every count is **additive** across rows,
so partial results (Dask partitions, provinces) combine by summing
(:meth:`StatsCounts.__add__`), and every rate is recomputed from the sums.

Counts for a period ``[start, end)`` (local days, Asia/Ho_Chi_Minh):

* ``received`` (tiếp nhận mới trong kỳ): received in the period;
* ``carried_over`` (tồn kỳ trước chuyển sang): received before it, unfinished at its start;
* ``to_handle`` (tổng số phải giải quyết) = received + carried_over;
* ``resolved`` (đã giải quyết): of those, finished in the period, split into
  ``early`` / ``on_time`` / ``late`` (TT 01/2018 Art 13(1));
* ``in_progress`` (đang giải quyết) at the period end, split into
  ``in_progress_in_time`` / ``in_progress_overdue`` as of the end, or as of
  ``as_of`` (default: now) when the period has not ended yet;
* ``online_received``: received in the period through the online channel;
* ``rescheduled``: resolved dossiers that had been rescheduled.
* ``waiting_payment``: dossiers in progress waiting for the applicant's financial
  obligations at the judging moment (a payment notice unanswered then), counted apart
  (they are in ``in_progress`` too; their clock does not run, ``CONV-PAUSE-PAYMENT``).
* ``stopped``: dossiers to handle that ended in the period at the applicant's request
  (dừng thực hiện thủ tục hành chính, ND 118/2025 Art 21: the ``withdrawn`` outcome of the
  ``outcome`` column), counted apart: neither ``resolved`` (early / on time / late) nor
  ``in_progress``, so ``to_handle`` = resolved + stopped + in_progress, and left out of
  the denominator of every rate over ``to_handle``, as OpenCPS v2 counts its
  ``cancelled`` dossiers apart from those processed (registry ``CONV-STOP-APART``). None
  when the frame has no ``outcome`` column.

Rates (:class:`StatsRates`), in percent as :class:`~decimal.Decimal`, rounded
half-up to 2 decimals (the 766 portal shows 2 decimals); ``None`` when the
denominator is 0. Which denominator each published table uses:

* ``early_rate``, ``on_time_rate``, ``late_rate`` = count / **resolved**
  (Thừa Thiên Huế public statistics page);
* ``on_time_or_early_rate`` = (early + on time) / **resolved** (Lâm Đồng Q1/2020:
  635,593 / 643,272 = 98.81%);
* ``late_rate_to_handle`` = (late + in progress overdue) / **to_handle**, and
  ``on_time_rate_to_handle`` = 100 - that (Gia Lai one-stop page convention);
* ``on_time_rate_766`` = (early + on time + in progress in time) /
  **to_handle**: Decision 766 indicator 2.1 as described by the portal's
  formula document (dossiers "done or in progress on time or within time" over
  dossiers "received and processed in the period"; whether carried-over
  dossiers belong to the denominator is UNCONFIRMED);
* ``online_share`` = online_received / **received** (indicator 3.3 before the
  sync-rate factor).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from pydantic import ConfigDict, Field

from cchc._display import clip, html_table, preview_positions
from cchc._model import CchcModel
from cchc.errors import ValidationError
from cchc.rates import rate as _rate
from cchc.tz import VN_TZ, to_vn

from ..results import CHUNK_ROWS
from .chunks import map_chunks, row_chunks
from .counting import contiguous, count_arrays, count_matrix
from .report_periods import Period, month_periods, quarter_periods, year_period

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

if TYPE_CHECKING:
    import pandas as pd

    from ..results import DossierResults
    from .frame import DossierFrame

__all__ = [
    "COUNT_FIELDS",
    "NULLABLE_COUNTS",
    "RATES",
    "RECORD_COUNTS",
    "Period",
    "StatsCounts",
    "StatsRates",
    "StatsRow",
    "StatsTable",
    "combine",
    "count_arrays",
    "count_matrix",
    "count_rate",
    "month_periods",
    "quarter_periods",
    "rate",
    "summarize",
    "year_period",
]


def rate(numerator: int, denominator: int, places: int = 2) -> Decimal | None:
    """``numerator / denominator`` in percent, rounded half-up: :func:`cchc.rates.rate`.

    ``places`` decimals (default 2, as on the 766 portal; provincial pages often use 1);
    ``None`` for a denominator of 0 (the zero-total rule).

    >>> rate(43_434, 61_827, places=1)
    Decimal('70.3')
    """
    return _rate(numerator, denominator, places)  # the zero-total rule of cchc.rates


RATES: dict[str, tuple[tuple[str, ...], str]] = {
    "early_rate": (("early",), "resolved"),
    "on_time_rate": (("on_time",), "resolved"),
    "late_rate": (("late",), "resolved"),
    "on_time_or_early_rate": (("early", "on_time"), "resolved"),
    "late_rate_to_handle": (("late", "in_progress_overdue"), "to_handle"),
    "on_time_rate_766": (("early", "on_time", "in_progress_in_time"), "to_handle"),
    "online_share": (("online_received",), "received"),
}
"""Each dossier rate, defined once: ``name -> (counts added for the numerator, the
denominator count)`` (fields of :class:`StatsCounts`; see the module docstring for the
published tables each follows). ``on_time_rate_to_handle`` is 100 - ``late_rate_to_handle``.
:class:`StatsCounts`, the periodic report (:mod:`cchc.reporting`) and the 766 inputs
(:meth:`StatsRow.qd766_inputs`) read them from here."""


def count_rate(name: str, counts: Mapping[str, int | None], places: int = 2) -> Decimal | None:
    """The rate ``name`` of :data:`RATES` from ``counts`` (count name -> value), in percent
    rounded half-up; ``None`` when the denominator is 0 or a count is missing.

    >>> count_rate("on_time_or_early_rate", {"early": 400_000, "on_time": 235_593,
    ...                                      "resolved": 643_272})
    Decimal('98.81')

    Raises:
        ValidationError: an unknown rate.
    """
    try:
        parts, whole_name = RATES[name]
    except KeyError:
        raise ValidationError(
            f"unknown rate {name!r}; use one of {', '.join(RATES)}", field="rate"
        ) from None
    values = [counts.get(p) for p in parts]
    whole = counts.get(whole_name)
    if whole is None or any(v is None for v in values):
        return None
    if whole_name == "to_handle":  # stopped dossiers are out of every rate (CONV-STOP-APART)
        whole -= counts.get("stopped") or 0
    return rate(sum(v for v in values if v is not None), whole, places)


class StatsRates(CchcModel):
    """Rates in percent (see the module docstring for each denominator)."""

    model_config = ConfigDict(frozen=True)

    early_rate: Decimal | None = Field(description="Trước hạn / đã giải quyết.")
    on_time_rate: Decimal | None = Field(description="Đúng hạn / đã giải quyết.")
    late_rate: Decimal | None = Field(description="Quá hạn / đã giải quyết.")
    on_time_or_early_rate: Decimal | None = Field(description="(Trước + đúng hạn) / đã giải quyết.")
    late_rate_to_handle: Decimal | None = Field(
        description="(Quá hạn + đang quá hạn) / phải giải quyết."
    )
    on_time_rate_to_handle: Decimal | None = Field(description="100 - late_rate_to_handle.")
    on_time_rate_766: Decimal | None = Field(
        description="QĐ 766 indicator 2.1: (trước + đúng hạn + đang trong hạn) / phải giải quyết."
    )
    online_share: Decimal | None = Field(description="Trực tuyến / tiếp nhận mới.")


class StatsCounts(CchcModel):
    """Additive counts for one period and group."""

    model_config = ConfigDict(frozen=True)

    received: int = Field(default=0, ge=0, description="Tiếp nhận mới trong kỳ.")
    carried_over: int = Field(default=0, ge=0, description="Tồn kỳ trước chuyển sang.")
    to_handle: int = Field(default=0, ge=0, description="Tổng số phải giải quyết.")
    resolved: int = Field(default=0, ge=0, description="Đã giải quyết trong kỳ.")
    early: int = Field(default=0, ge=0, description="Đã giải quyết trước hạn.")
    on_time: int = Field(default=0, ge=0, description="Đã giải quyết đúng hạn.")
    late: int = Field(default=0, ge=0, description="Đã giải quyết quá hạn.")
    in_progress: int = Field(default=0, ge=0, description="Đang giải quyết cuối kỳ.")
    in_progress_in_time: int = Field(default=0, ge=0, description="Đang giải quyết trong hạn.")
    in_progress_overdue: int = Field(default=0, ge=0, description="Đang giải quyết quá hạn.")
    online_received: int = Field(default=0, ge=0, description="Tiếp nhận trực tuyến trong kỳ.")
    rescheduled: int = Field(default=0, ge=0, description="Đã giải quyết, có hẹn lại.")
    synced: int | None = Field(
        default=None,
        ge=0,
        description="766 1.4: tiếp nhận mới trong kỳ, đã đồng bộ lên Cổng DVCQG (None: no "
        "synced column).",
    )
    e_result: int | None = Field(
        default=None,
        ge=0,
        description="766 4.1: phải giải quyết (trừ hồ sơ dừng thực hiện trong kỳ), có kết quả "
        "điện tử (None: no result_kind column).",
    )
    digitised: int | None = Field(
        default=None,
        ge=0,
        description="766 4.2: phải giải quyết (trừ hồ sơ dừng thực hiện trong kỳ), số hóa thành "
        "phần hồ sơ (None: no digitised column).",
    )
    paid_online: int | None = Field(
        default=None,
        ge=0,
        description="766 6.1: phải giải quyết, thanh toán trực tuyến (None: no paid_online "
        "column).",
    )
    payment_base: int | None = Field(
        default=None,
        ge=0,
        description="766 6.1 base: phải giải quyết, có nghĩa vụ tài chính (None: no has_fees "
        "column).",
    )
    waiting_payment: int = Field(
        default=0,
        ge=0,
        description="Đang giải quyết, chờ tổ chức, cá nhân thực hiện nghĩa vụ tài chính "
        "(counted apart, also in in_progress; CONV-PAUSE-PAYMENT).",
    )
    stopped: int | None = Field(
        default=None,
        ge=0,
        description="Dừng thực hiện theo yêu cầu của tổ chức, cá nhân trong kỳ (ND 118/2025 "
        "Điều 21): finished, counted apart from resolved and in progress, out of every rate "
        "(CONV-STOP-APART; None: no outcome column).",
    )

    def __add__(self, other: StatsCounts) -> StatsCounts:
        def plus(a: int | None, b: int | None) -> int | None:
            return None if a is None or b is None else a + b

        return StatsCounts(**{f: plus(getattr(self, f), getattr(other, f)) for f in COUNT_FIELDS})

    def rates(self) -> StatsRates:
        """The rates of these counts (:data:`RATES`)."""
        counts = self.model_dump()
        values = {name: count_rate(name, counts) for name in RATES}
        late_th = values["late_rate_to_handle"]
        return StatsRates(
            **values,
            on_time_rate_to_handle=None if late_th is None else Decimal(100) - late_th,
        )


COUNT_FIELDS: tuple[str, ...] = tuple(StatsCounts.model_fields)
"""The names of the :class:`StatsCounts` fields, in their order (the count columns of a table)."""
RECORD_COUNTS: tuple[str, ...] = ("synced", "e_result", "digitised", "paid_online", "payment_base")
"""The counts of the 766 record columns (None when the frame has no such column)."""
NULLABLE_COUNTS: tuple[str, ...] = (*RECORD_COUNTS, "stopped")
"""The counts that are None when the frame lacks their column (``stopped``: no outcome)."""


class StatsRow(CchcModel):
    """Counts and rates of one period and one group key."""

    model_config = ConfigDict(frozen=True)

    period: str = Field(description="Kỳ báo cáo (label).")
    period_start: date
    period_end: date = Field(description="First day after the period.")
    by: str | None = Field(description="Group column, or None for the total.")
    key: str = Field(description="Group value ('' for the total).")
    counts: StatsCounts
    rates: StatsRates

    def qd766_inputs(self) -> dict[str, Decimal | None]:
        """Inputs of :class:`cchc.indices.qd766.Qd766Figures` from these dossiers.

        ``on_time_rate`` (indicator 2.1) and ``late_rate`` (used for 5.4) share the
        denominator dossiers to handle, so they add up to 100 (up to rounding).
        """
        return {
            "on_time_rate": self.rates.on_time_rate_766,
            "late_rate": self.rates.late_rate_to_handle,
        }

    def report_figures(self) -> dict[str, int | Decimal | None]:
        """Fields of :class:`cchc.reporting.report.DossierFigures` (periodic reports)."""
        c = self.counts
        return {
            "carried_over": c.carried_over,
            "received": c.received,
            "resolved": c.resolved,
            "resolved_early": c.early,
            "resolved_on_due": c.on_time,
            "resolved_late": c.late,
            "pending": c.in_progress,
            "on_time_rate": self.rates.on_time_or_early_rate,
            "online_received": c.online_received,
        }


class StatsTable(list[StatsRow]):
    """The rows of :func:`summarize`: a plain list of :class:`StatsRow`, plus
    :meth:`to_pandas`."""

    _COLUMNS = ("period", "key", "to_handle", "resolved", "early", "on_time", "late")

    def _row(self, r: StatsRow) -> list[object]:
        c = r.counts
        rate = r.rates.on_time_or_early_rate
        return [
            r.period, r.key or "(total)", c.to_handle, c.resolved, c.early, c.on_time, c.late,
            "-" if rate is None else f"{rate}%",
        ]  # fmt: skip

    def __repr__(self) -> str:
        """What it is and its size, then a few rows (periods, keys, counts, on-time rate)."""
        periods = len({r.period for r in self})
        by = next((r.by for r in self if r.by), None)
        head = f"StatsTable: {len(self):,} rows, {periods:,} period(s)" + (
            f", by {by}" if by else ""
        )
        lines = [head]
        for i in preview_positions(len(self), 6):
            if i is None:
                lines.append("  …")
                continue
            p, key, handle, resolved, early, on_time, late, rate = self._row(self[i])
            lines.append(
                f"  {p} {clip(key, 30)}: to handle {handle}, resolved {resolved} (early {early}, "
                f"on time {on_time}, late {late}), on time or early {rate}"
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The first and last rows as a small HTML table (for notebooks)."""
        rows = [None if i is None else self._row(self[i]) for i in preview_positions(len(self))]
        headers = [*self._COLUMNS, "on_time_or_early_rate"]
        return html_table(headers, rows, caption=repr(self).splitlines()[0])

    def to_pandas(self, *, exact: bool = False) -> pd.DataFrame:
        """One flat row per period and key (needs pandas): ``period``, ``period_start``,
        ``period_end`` (dates as naive ``datetime64``), ``by``, ``key``, then every count
        (int64; the record counts and ``stopped`` nullable ``Int64``) and every rate
        (percent; float64 with NaN for "no denominator", or the exact
        :class:`~decimal.Decimal` values and None with ``exact=True``)."""
        import pandas as pd

        rate_fields = tuple(StatsRates.model_fields)
        records: list[dict[str, Any]] = [
            {
                "period": r.period,
                "period_start": r.period_start,
                "period_end": r.period_end,
                "by": r.by,
                "key": r.key,
                **r.counts.model_dump(),
                **{f: getattr(r.rates, f) for f in rate_fields},
            }
            for r in self
        ]
        columns = ["period", "period_start", "period_end", "by", "key", *COUNT_FIELDS]
        df = pd.DataFrame.from_records(records, columns=[*columns, *rate_fields])
        for name in ("period_start", "period_end"):
            df[name] = pd.to_datetime(df[name])
        for name in COUNT_FIELDS:
            df[name] = df[name].astype("Int64" if name in NULLABLE_COUNTS else "int64")
        if not exact:
            for name in rate_fields:
                df[name] = pd.to_numeric(df[name].astype(object), errors="coerce").astype("float64")
        return df


def summarize(
    frame: DossierFrame,
    results: DossierResults,
    periods: Period | Sequence[Period],
    *,
    by: str | None = None,
    as_of: datetime | None = None,
    workers: int | None = None,
) -> StatsTable:
    """Counts and rates per period and group (``by``: procedure_code, field, agency).

    The result is a list of :class:`StatsRow` (a :class:`StatsTable`, whose
    ``to_pandas()`` gives one flat row per period and key).

    Unfinished dossiers are judged in time / overdue at ``min(period end,
    as_of)``; ``as_of`` defaults to now in Asia/Ho_Chi_Minh, so a period that has
    not ended yet is judged now and not at its future end. Pass an explicit
    ``as_of`` for reproducible figures (and the same one to every partition).

    Rows come period by period, groups in order of first appearance; with
    ``by=None`` one total row per period. Contiguous periods (months of a year)
    take the one-pass path (:func:`count_matrix`); others are counted period by
    period (:func:`count_arrays`). Both give the same counts. ``workers``: threads for
    the chunks of rows, as in :func:`~cchc.dossiers.evaluate`.
    """
    plist = [periods] if isinstance(periods, Period) else list(periods)
    if not plist:
        return StatsTable()
    if by is None:
        group = np.zeros(len(frame), dtype=np.int32)
        labels: tuple[str, ...] = ("",)
    else:
        group, labels = frame.group(by)
    moment = datetime.now(VN_TZ) if as_of is None else to_vn(as_of, field="as_of")
    as_of_ns = (moment - _EPOCH) // timedelta(microseconds=1) * 1000
    chunks = row_chunks(len(frame), CHUNK_ROWS)
    n_groups = len(labels)

    def by_period(p: Period) -> dict[str, npt.NDArray[np.int64]]:
        def part(sl: slice) -> dict[str, npt.NDArray[np.int64]]:
            return count_arrays(frame.take(sl), results.take(sl), p, group[sl], n_groups, as_of_ns)

        return _sum(map_chunks(part, chunks, workers))

    if contiguous(plist):

        def matrix(sl: slice) -> dict[str, npt.NDArray[np.int64]]:
            return count_matrix(frame.take(sl), results.take(sl), plist, group[sl], n_groups)

        total = _sum(map_chunks(matrix, chunks, workers))  # counts are additive
        per_period = [{k: v[:, j] for k, v in total.items()} for j in range(len(plist))]
        for j, p in enumerate(plist):  # periods ending after as_of: judged at as_of
            if p.bounds_ns()[1] - 1 > as_of_ns:
                per_period[j] = by_period(p)
    else:
        per_period = [by_period(p) for p in plist]
    out = StatsTable()
    for p, arrays in zip(plist, per_period, strict=True):
        for gi, key in enumerate(labels):
            counts = StatsCounts(**{k: int(v[gi]) for k, v in arrays.items()})  # absent: None
            out.append(_row(p, by, key, counts))
    return out


def _sum(parts: Iterable[dict[str, npt.NDArray[np.int64]]]) -> dict[str, npt.NDArray[np.int64]]:
    """The sum of the chunks' count arrays (in chunk order)."""
    acc: dict[str, npt.NDArray[np.int64]] = {}
    for part in parts:
        acc = {k: acc[k] + v for k, v in part.items()} if acc else part
    return acc


def _row(p: Period, by: str | None, key: str, counts: StatsCounts) -> StatsRow:
    return StatsRow(
        period=p.label,
        period_start=p.start,
        period_end=p.end,
        by=by,
        key=key,
        counts=counts,
        rates=counts.rates(),
    )


def combine(rows: Iterable[StatsRow]) -> StatsTable:
    """Sum rows with the same period, group column and key (e.g. from partitions)."""
    acc: dict[tuple[str, date, date, str | None, str], StatsCounts] = {}
    for r in rows:
        k = (r.period, r.period_start, r.period_end, r.by, r.key)
        acc[k] = acc[k] + r.counts if k in acc else r.counts
    return StatsTable(
        _row(Period(ps, pe, label), by, key, counts)
        for (label, ps, pe, by, key), counts in acc.items()
    )
