"""One finding type (kết quả kiểm tra) for the document linter and the report checks.

A :class:`Finding` has a stable ``code`` (programs may filter on it), a
:class:`Severity`, its message in English (``message``) and in Vietnamese
(``message_vi``), and where it is: ``span`` (start, end offsets in a text, for
:func:`cchc.documents.lint`) and/or ``field`` (the dotted path of a report field,
for :func:`cchc.reporting.check_report`)::

    >>> f = Finding(code="sum", severity="error", message="2 + 3 = 5, but the total is 6",
    ...             field="plan.tasks_total")
    >>> str(f)
    'error: plan.tasks_total: 2 + 3 = 5, but the total is 6'
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from pydantic import ConfigDict, Field

from cchc._model import CchcModel

__all__ = ["Finding", "Severity"]


class Severity(enum.StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    """A substantive inconsistency (mức lỗi): a date, number or figure cannot be right; a
    report with one must be fixed before it is sent."""
    WARNING = "warning"
    """Probably wrong, or a drafting defect that matters (cảnh báo): a person should look."""
    INFO = "info"
    """A format or drafting remark (lưu ý)."""


class Finding(CchcModel):
    """One problem found in a text or a report."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Stable code, e.g. 'series-backwards' or 'sum'.")
    severity: Severity = Field(description="error, warning or info.")
    message: str = Field(description="What is wrong, in English.")
    message_vi: str | None = Field(
        default=None,
        description="What is wrong, in Vietnamese (nội dung lỗi); the linter and the report "
        "checks give both languages, None only for a finding built without it.",
    )
    span: tuple[int, int] = Field(
        default=(0, 0),
        description="(start, end) offsets in the text as given; (0, 0) for the whole text "
        "or a finding about a field.",
    )
    field: str | None = Field(
        default=None, description="Dotted path of the report field, e.g. 'plan.tasks_total'."
    )

    def __str__(self) -> str:
        where = self.field if self.field is not None else f"{self.span[0]}-{self.span[1]}"
        return f"{self.severity.value}: {where}: {self.message}"

    @classmethod
    def formatted(
        cls,
        code: str,
        severity: Severity,
        messages: tuple[str, str],
        values: Mapping[str, object],
        *,
        span: tuple[int, int] = (0, 0),
        field: str | None = None,
    ) -> Finding:
        """A finding whose English and Vietnamese ``messages`` (``str.format`` templates, in
        that order) are filled in with ``values``::

            >>> Finding.formatted("sum", Severity.ERROR, ("{a} != {b}", "{a} khác {b}"),
            ...                   {"a": 1, "b": 2}, field="x").message_vi
            '1 khác 2'
        """
        en, vi = messages
        return cls(
            code=code,
            severity=severity,
            message=en.format(**values),
            message_vi=vi.format(**values),
            span=span,
            field=field,
        )
