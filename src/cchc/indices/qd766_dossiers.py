"""The 766 indicators that come from dossier data (chỉ số QĐ 766 tính từ dữ liệu hồ sơ).

Six indicators of Bộ chỉ số 766 (QĐ 766/QĐ-TTg) are shares of a unit's dossiers in a period:

====== ============================================ ==============================================
id     indicator                                    numerator / denominator
====== ============================================ ==============================================
1.4    hồ sơ đồng bộ lên Cổng DVCQG                 synced dossiers received in the period /
                                                    dossiers to count (the larger of the national
                                                    reporting system's and the portal's count)
2.1    hồ sơ xử lý trước hạn, đúng hạn              dossiers done **or in progress** early, on
                                                    time or within time / dossiers received and
                                                    processed in the period
3.0    hồ sơ DVCTT toàn trình                       full-online dossiers / dossiers of procedures
                                                    eligible for full-online service
4.1    hồ sơ có kết quả điện tử                     dossiers with an electronic result / dossiers
4.2    hồ sơ số hóa                                 dossiers with digitised components / dossiers
6.1    hồ sơ thanh toán trực tuyến                  dossiers paid online / dossiers with a
                                                    financial obligation (fee or charge)
====== ============================================ ==============================================

Definitions: the portal's formula document as transcribed by an implementer (registry
``QD766-SPEC``), checked on published portal responses (``QD766-PORTAL-API``): for 2.1 the
portal's ``totalOnTime`` exceeds its ``totalCompleted`` (403,016 against 375,592 dossiers for
Phú Thọ in a quarter), so dossiers in progress within time count as on time; 2.1, 4.1 and 4.2
share one denominator (464,494 there), larger than the 339,457 dossiers received in the quarter
that 1.4 counts, which supports counting carried-over dossiers in it (dossiers to handle). A
dossier stopped at the applicant's request is out of 2.1's base (``CONV-STOP-APART``), so it is
out of that one denominator, and out of the e-result and digitised counts, for all three;
ratios are % to 2 decimals and points follow the
``qd766-portal`` framework. The portal's 6.1 score also weighs procedure-level payment
integration, which is not dossier data: :func:`dossier_figures` gives the dossier share only.

2.1 is the one on-time rate of :mod:`cchc.dossiers` statistics
(:attr:`~cchc.dossiers.StatsRates.on_time_rate_766`, read through
:meth:`~cchc.dossiers.StatsRow.qd766_inputs`), never computed again here. Today's dossier
columns have no synced / e-result / digitised / paid-online / financial-obligation /
full-online flags: until the dossier record carries them, the caller gives those counts in
:class:`Qd766DossierCounts` (e.g. from the one-stop system's own tallies), and
:func:`counts_from_stats` takes the denominator from :func:`~cchc.dossiers.summarize`.

Oracle (portal response, Văn phòng UBND tỉnh Phú Thọ, one quarter): 156 of 161 dossiers on
time or in time → 96.89 % → 19.38 of 20; 7 of 161 with an e-result → 4.35 % → 0.26 of 6.

>>> c = Qd766DossierCounts(dossiers=161, on_time=156, e_result=7, digitised=7)
>>> {k: str(v) for k, v in indicator_rates(c).items() if v is not None}
{'2.1': '96.89', '4.1': '4.35', '4.2': '4.35'}
>>> card = score_dossier_indicators(c)
>>> str(card.item("2.1").points), str(card.item("4.1").points), str(card.item("4.2").points)
('19.38', '0.26', '0.17')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field, model_validator

from cchc._model import CchcRecord
from cchc.dossiers import StatsRow
from cchc.dossiers.table.statistics import RECORD_COUNTS
from cchc.errors import ValidationError
from cchc.indices.framework import Framework
from cchc.indices.qd766 import FIGURE_OF_INDICATOR, Qd766Figures, score_figures
from cchc.indices.scoring import Scorecard
from cchc.rates import rate

__all__ = [
    "DOSSIER_INDICATORS",
    "Qd766DossierCounts",
    "counts_from_stats",
    "dossier_figures",
    "indicator_rates",
    "score_dossier_indicators",
]


def _count(description: str) -> Any:
    return Field(None, ge=0, description=description)


class Qd766DossierCounts(CchcRecord):
    """Dossier counts of one unit for one period; ``None`` = not known (left out)."""

    dossiers: int = Field(
        ge=0,
        description="Hồ sơ tiếp nhận, xử lý trong kỳ: the denominator of 2.1, 4.1, 4.2 "
        "(from summarize: dossiers to handle, less those stopped at the applicant's request "
        "in the period, CONV-STOP-APART).",
    )
    on_time: int | None = _count(
        "2.1 Hồ sơ đã và đang xử lý trước hạn, đúng hạn hoặc trong hạn (None: take the rate "
        "from the statistics row)."
    )
    received: int | None = _count(
        "Hồ sơ tiếp nhận mới trong kỳ (from summarize: received); the default base of 1.4."
    )
    synced: int | None = _count("1.4 Hồ sơ đã đồng bộ lên Cổng DVCQG (ngày tiếp nhận trong kỳ).")
    sync_base: int | None = _count(
        "1.4 Tổng số hồ sơ được tính toán: the larger of the national reporting system's and "
        "the portal's count of dossiers received in the period (None: received)."
    )
    full_online: int | None = _count("3.0 Hồ sơ DVCTT toàn trình.")
    full_online_base: int | None = _count("3.0 Hồ sơ của TTHC đủ điều kiện DVCTT toàn trình.")
    e_result: int | None = _count("4.1 Hồ sơ có kết quả giải quyết điện tử.")
    digitised: int | None = _count("4.2 Hồ sơ số hóa thành phần hồ sơ.")
    paid_online: int | None = _count("6.1 Hồ sơ thanh toán trực tuyến thành công.")
    payment_base: int | None = _count("6.1 Hồ sơ có nghĩa vụ tài chính (phí, lệ phí khác 0).")

    @model_validator(mode="after")
    def _parts_within_bases(self) -> Qd766DossierCounts:
        for part, base in _PAIRS.values():
            value = getattr(self, part)
            whole = self._base(base)
            if value is None:
                continue
            if whole is None:
                raise ValueError(f"{part} is given but {base} is not")
            if value > whole:
                raise ValueError(f"{part} = {value} is more than its base {whole}")
        return self

    def _base(self, name: str) -> int | None:
        value = getattr(self, name)
        if value is None and name in _DEFAULT_BASE:
            value = getattr(self, _DEFAULT_BASE[name])
        return value if value is None else int(value)


_PAIRS: dict[str, tuple[str, str]] = {
    "1.4": ("synced", "sync_base"),
    "2.1": ("on_time", "dossiers"),
    "3.0": ("full_online", "full_online_base"),
    "4.1": ("e_result", "dossiers"),
    "4.2": ("digitised", "dossiers"),
    "6.1": ("paid_online", "payment_base"),
}
"""Numerator and denominator field of each indicator."""

DOSSIER_INDICATORS: tuple[str, ...] = tuple(_PAIRS)
"""The 766 indicators computed from dossier counts."""

_DEFAULT_BASE = {"sync_base": "received"}
"""A base left out defaults to another count."""


def counts_from_stats(row: StatsRow, **counts: int | None) -> Qd766DossierCounts:
    """The counts of a :func:`~cchc.dossiers.summarize` row (``dossiers`` = dossiers to
    handle, ``received`` = received in the period), with its record counts (``synced``,
    ``e_result``, ``digitised``, ``paid_online``, ``payment_base``: those whose column the
    dossier file has, :data:`~cchc.dossiers.table.statistics.RECORD_COUNTS`), and the
    counts given here (``synced=...``, ``full_online=...``, ...), which win over the row's.

    Raises:
        ValidationError: an unknown or inconsistent count.
    """
    for name in ("dossiers", "received"):
        if name in counts:
            raise ValidationError(f"{name} comes from the statistics row", field=name)
    c = row.counts
    found = {k: getattr(c, k) for k in RECORD_COUNTS if getattr(c, k) is not None}
    return Qd766DossierCounts.from_data(
        {"dossiers": _judged(row), "received": c.received, **found, **counts}
    )


def _judged(row: StatsRow) -> int:
    """The dossiers 2.1, 4.1 and 4.2 are shares of: those to handle, less those stopped at
    the applicant's request in the period (CONV-STOP-APART: out of 2.1's base; the portal
    gives the three indicators one denominator, QD766-PORTAL-API)."""
    return row.counts.to_handle - (row.counts.stopped or 0)


def indicator_rates(
    counts: Qd766DossierCounts, stats: StatsRow | None = None
) -> dict[str, Decimal | None]:
    """The rate (%) of each dossier indicator; ``None`` = no data or a zero base.

    2.1 is the statistics row's rate when ``counts.on_time`` is not given.

    Raises:
        ValidationError: ``stats`` counts another number of dossiers than ``counts``.
    """
    if stats is not None and _judged(stats) != counts.dossiers:
        raise ValidationError(
            f"the statistics row has {_judged(stats)} dossiers to handle (less those stopped), "
            f"the counts {counts.dossiers}",
            field="dossiers",
        )
    out: dict[str, Decimal | None] = {}
    for key, (part, base) in _PAIRS.items():
        value = getattr(counts, part)
        whole = counts._base(base)
        out[key] = None if value is None or whole is None else rate(value, whole)
    if out["2.1"] is None and counts.on_time is None and stats is not None:
        out["2.1"] = stats.qd766_inputs()["on_time_rate"]
    return out


def dossier_figures(counts: Qd766DossierCounts, stats: StatsRow | None = None) -> Qd766Figures:
    """:class:`~cchc.indices.qd766.Qd766Figures` with the dossier indicators filled (and,
    from a statistics row, the late rate that feeds 5.4 with a complaint rate)."""
    data: dict[str, Decimal | None] = {
        FIGURE_OF_INDICATOR[k]: v for k, v in indicator_rates(counts, stats).items()
    }
    if stats is not None:
        data["late_rate"] = stats.qd766_inputs()["late_rate"]
    return Qd766Figures(**data)


def score_dossier_indicators(
    counts: Qd766DossierCounts,
    stats: StatsRow | None = None,
    fw: Framework | None = None,
    *,
    unit: str | None = None,
    period: str | None = None,
) -> Scorecard:
    """Score the dossier indicators with the 766 framework (indicators without data are
    left out of points and maximum)."""
    return score_figures(dossier_figures(counts, stats), fw, unit=unit, period=period)
