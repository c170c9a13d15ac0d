"""Reporting periods of the dossier statistics (kỳ báo cáo): ``[start, end)`` of local days.

>>> quarter_periods(2025)[1].label
'2025-Q2'
"""

from __future__ import annotations

from datetime import date

import attrs
import numpy as np

from cchc.errors import ValidationError

from ..instants import VN_OFFSET_NS

__all__ = ["Period", "month_periods", "quarter_periods", "year_period"]


@attrs.frozen
class Period:
    """A reporting period ``[start, end)`` of local days, with a label."""

    start: date
    end: date
    label: str

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError(f"period {self.label!r} ends before it starts", field="period")

    def bounds_ns(self) -> tuple[int, int]:
        """UTC nanoseconds of the local start and end midnights."""
        a = int(np.datetime64(self.start, "ns").astype(np.int64)) - VN_OFFSET_NS
        b = int(np.datetime64(self.end, "ns").astype(np.int64)) - VN_OFFSET_NS
        return a, b


def month_periods(year: int) -> list[Period]:
    """The twelve months of ``year``."""
    return [
        Period(date(year, m, 1), date(year + m // 12, m % 12 + 1, 1), f"{year}-{m:02d}")
        for m in range(1, 13)
    ]


def quarter_periods(year: int) -> list[Period]:
    """The four quarters of ``year``."""
    return [
        Period(date(year, 3 * q - 2, 1), date(year + q // 4, (3 * q) % 12 + 1, 1), f"{year}-Q{q}")
        for q in range(1, 5)
    ]


def year_period(year: int) -> Period:
    """The calendar year."""
    return Period(date(year, 1, 1), date(year + 1, 1, 1), str(year))
