"""Reporting regimes, periods and the periodic CCHC report (chế độ báo cáo)."""

from cchc.reporting.periods import (
    ReportingPeriod,
    ReportingRegime,
    regime,
    regimes,
    reporting_period,
    submitted_on_time,
)

__all__ = [
    "ReportingPeriod",
    "ReportingRegime",
    "regime",
    "regimes",
    "reporting_period",
    "submitted_on_time",
]
