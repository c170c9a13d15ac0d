"""Findings of the report checks (lỗi trong báo cáo): the one :mod:`cchc.findings` type.

A report finding is located by ``field`` (the dotted path, e.g. ``plan.tasks_total``);
its codes are 'sum', 'missing', 'rate', 'date', 'citation', 'placeholder', 'wording',
'target' and 'deadline'.
"""

from __future__ import annotations

from cchc.findings import Finding, Severity

__all__ = ["Finding", "Severity", "report_finding"]


def report_finding(
    code: str, field: str, message: str, severity: Severity = Severity.ERROR
) -> Finding:
    """A finding of the report checks about ``field``."""
    return Finding(code=code, severity=severity, message=message, field=field)
