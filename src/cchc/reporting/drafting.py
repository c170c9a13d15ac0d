"""Text left over from drafting a report: placeholders, notes to colleagues, inverted wording.

These are heuristics (regular expressions without nested repetition, so linear
time): a dot leader where a figure should be ("....."), "xxx", "TODO", a note to
a colleague ("nhờ Ngân thêm vào giúp nha", seed 002), or a late rate stated as a
target to reach ("tỷ lệ hồ sơ trễ hẹn đạt trên 90%", seed 003 §II.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel

from cchc.reporting.findings import Finding, Severity, report_finding
from cchc.reporting.report import CchcReport

T = TypeVar("T")

__all__ = ["INVERSION_PATTERN", "PLACEHOLDER_PATTERNS", "check_placeholders", "fields_of_type"]

PLACEHOLDER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("placeholder:dot-leader", re.compile(r"\.{4,}|…{2,}|_{4,}")),
    ("placeholder:xxx", re.compile(r"\b[xX]{3,}\b")),
    ("placeholder:todo", re.compile(r"\b(TODO|TBD|FIXME)\b")),
    (
        "placeholder:note",
        re.compile(
            r"\bnhờ\b[^.\n]{0,40}\b(thêm|bổ sung|điền|cập nhật|giúp)\b"
            r"|\bgiúp\s+(nha|nhé|nhá|với|em|chị|anh)\b"
            r"|\b(bổ sung|điền|cập nhật)\s+sau\b",
            re.IGNORECASE,
        ),
    ),
)
"""(message key, pattern) pairs of text left over from drafting: a dot leader left for a
figure, an 'xxx' placeholder, a TODO / TBD marker, a note to a colleague (the messages are
:data:`cchc.reporting.findings.MESSAGES`' ``placeholder:*``)."""

INVERSION_PATTERN = re.compile(
    r"\b(trễ hẹn|trễ hạn|quá hạn)\b[^.;\n]{0,40}\bđạt\s+(mức\s+)?(trên|tối thiểu|ít nhất)\s+\d",
    re.IGNORECASE,
)
"""A late rate stated as something to reach ("tỷ lệ hồ sơ trễ hẹn đạt trên 90%", seed 003
§II.2, where §I.2 says "đúng hẹn"): probably an inverted indicator."""


def fields_of_type(model: BaseModel, kind: type[T], prefix: str = "") -> Iterator[tuple[str, T]]:
    """Every value of type ``kind`` inside ``model``, with its dotted path.

    Nested models and lists are walked: ``digital.notes``,
    ``direction.documents_issued[1]``.
    """
    for name in type(model).model_fields:
        yield from _visit(getattr(model, name), kind, f"{prefix}{name}")


def _visit(value: Any, kind: type[T], path: str) -> Iterator[tuple[str, T]]:
    if isinstance(value, kind):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from fields_of_type(value, kind, f"{path}.")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _visit(item, kind, f"{path}[{i}]")


def check_placeholders(r: CchcReport, out: list[Finding]) -> None:
    """Add a finding for each left-over placeholder or inverted wording in ``r``."""
    for path, text in fields_of_type(r, str):
        for key, pattern in PLACEHOLDER_PATTERNS:
            m = pattern.search(text)
            if m:
                out.append(report_finding(key, path, text=m.group(0)))
                break
        m = INVERSION_PATTERN.search(text)
        if m:
            out.append(report_finding("wording", path, Severity.WARNING, text=m.group(0)))
