"""A problem found in a periodic report (lỗi trong báo cáo) and how bad it is."""

from __future__ import annotations

import enum

import attrs

__all__ = ["Finding", "Severity"]


class Severity(enum.StrEnum):
    """How bad a finding is."""

    ERROR = "error"
    """The report is wrong or incomplete and must be fixed before sending."""
    WARNING = "warning"
    """Suspicious; a person should look."""


@attrs.frozen
class Finding:
    """One problem found in a report."""

    code: str
    """'sum', 'missing', 'rate', 'date', 'citation', 'placeholder', 'wording', 'target',
    'deadline'."""
    field: str
    """Dotted path of the field, e.g. 'plan.tasks_total'."""
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.field}: {self.message}"
