"""Fees due on a day: dated reductions of the tariff (mức thu phí, lệ phí).

A :class:`~cchc.procedures.Fee` holds the tariff amount (biểu phí). Some
circulars collect listed fees at a share of the tariff for a period: Thông tư
64/2025/TT-BTC collects the fees it lists at 50% from 01/7/2025 to 31/12/2026
(registry ``TT64-2025-BTC``, read in secondary copies). The reductions are rule
data (``cchc/procedures/data/fee_reductions.csv``); a fee falls under one when
its record names it (``Fee.reduced_by``), since the list of fees each circular
covers was not read::

    >>> from datetime import date
    >>> from cchc.procedures import Fee
    >>> fee = Fee(text="Lệ phí đăng ký doanh nghiệp", amount_vnd=50_000, reduced_by=("TT64-2025",))
    >>> amount_due(fee, date(2026, 3, 2))
    Decimal('25000')
    >>> amount_due(fee, date(2027, 1, 1))
    Decimal('50000')

Do not list a reduction for a fee whose published amount is already the reduced
one (e.g. "1.500.000 đồng/01 hồ sơ (áp dụng từ 01/7/2025-31/12/2026)").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from pydantic import Field, model_validator

from cchc._data import load_bundled_csv
from cchc._model import CchcRecord
from cchc.errors import ValidationError
from cchc.legal import LegalSource
from cchc.legal import source as registry_source

from .terms import Fee

__all__ = ["FeeReduction", "amount_due", "fee_reductions"]


class FeeReduction(CchcRecord):
    """A dated share of the tariff collected for the fees a text lists."""

    key: str = Field(description="Khóa of the reduction, named in Fee.reduced_by.")
    source: str = Field(description="Registry key of the text that sets it.")
    effective_from: date = Field(description="Ngày áp dụng (first day).")
    effective_to: date = Field(description="First day the tariff applies again.")
    percent_due: int = Field(ge=0, le=100, description="Mức thu, in % of the tariff.")
    note: str = Field(default="", description="What the text says and what was not read.")

    @model_validator(mode="after")
    def _period(self) -> FeeReduction:
        if self.effective_to <= self.effective_from:
            raise ValueError("effective_to must be after effective_from")
        return self

    def legal_source(self) -> LegalSource:
        """The registry source of the reduction."""
        return registry_source(self.source)

    def in_force_on(self, day: date) -> bool:
        """Whether the reduction applies on ``day`` (half-open period)."""
        return self.effective_from <= day < self.effective_to


@lru_cache(maxsize=1)
def fee_reductions() -> dict[str, FeeReduction]:
    """The bundled reductions by key (each cites a registry source)."""
    rows = load_bundled_csv(FeeReduction, "cchc.procedures", "data", "fee_reductions.csv")
    return {r.key: r for r in rows}


def amount_due(fee: Fee, on: date) -> Decimal | None:
    """The amount in đồng due for ``fee`` on ``on`` (None: the fee has no figure in đồng).

    Each reduction the fee names that is in force on ``on`` applies its share
    of the tariff.

    Raises:
        ValidationError: the fee names a reduction the rule data does not hold.
    """
    if fee.amount_vnd is None:
        return None
    due = Decimal(fee.amount_vnd)
    table = fee_reductions()
    for key in fee.reduced_by:
        if key not in table:
            known = ", ".join(sorted(table))
            raise ValidationError(
                f"unknown fee reduction {key!r} (known: {known})", field="reduced_by"
            )
        reduction = table[key]
        if reduction.in_force_on(on):
            due = due * reduction.percent_due / 100
    return due
