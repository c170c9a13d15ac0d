"""Reporting regimes, periods and the periodic CCHC report (chế độ báo cáo).

* :mod:`cchc.reporting_periods` — regimes of Nghị định 09/2019/NĐ-CP and of Bộ
  Nội vụ (CCHC) as data; :func:`reporting_period` (data window and deadline);
* :mod:`cchc.reporting.report` — :class:`CchcReport` following the outline;
* :mod:`cchc.reporting.build` — :func:`build_report` from a plan and figures;
* :mod:`cchc.reporting.checks` — :func:`check_report` (sums, rates, dates,
  placeholders, targets);
* :mod:`cchc.reporting.outline` — the report outline (đề cương) as data;
* :mod:`cchc.reporting.render` — Markdown and .docx;
* :mod:`cchc.reporting.statistics` — the statutory statistics form Biểu số 06/VPCP/KSTT
  (Thông tư 01/2020/TT-VPCP) filled from dossier statistics and checked;
  :mod:`cchc.reporting.statistics_render` writes it as Markdown, .docx and .xlsx.

    >>> reporting_period("nd09-2019", "M1", 2023, due=False).start
    datetime.date(2022, 12, 15)
"""

from typing import Any

from cchc.reporting import render
from cchc.reporting.build import build_report, dossier_on_time_rate
from cchc.reporting.checks import Finding, Severity, assert_valid, check_report
from cchc.reporting.outline import report_outline
from cchc.reporting.render import report_blocks, to_docx, to_markdown
from cchc.reporting.report import (
    CchcReport,
    DossierFigures,
    example_report,
    load_report,
    parse_report,
)
from cchc.reporting_periods import (
    ROLL_FORWARD_DEFAULT,
    ReportingPeriod,
    ReportingRegime,
    regime,
    regimes,
    reporting_period,
    submitted_on_time,
)

__all__ = [
    "OUTLINE",
    "ROLL_FORWARD_DEFAULT",
    "CchcReport",
    "DossierFigures",
    "Finding",
    "ReportingPeriod",
    "ReportingRegime",
    "Severity",
    "assert_valid",
    "build_report",
    "check_report",
    "dossier_on_time_rate",
    "example_report",
    "load_report",
    "parse_report",
    "regime",
    "regimes",
    "report_blocks",
    "report_outline",
    "reporting_period",
    "submitted_on_time",
    "to_docx",
    "to_markdown",
]


def __getattr__(name: str) -> Any:
    """``OUTLINE`` (:data:`cchc.reporting.render.OUTLINE`), read on first use."""
    if name == "OUTLINE":
        return render.OUTLINE
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
