"""Directive documents: types, numbers, citations, linter and deadlines (văn bản chỉ đạo).

* :mod:`~cchc.documents.types`: document types of NĐ 30/2020/NĐ-CP Điều 7 and
  Phụ lục III, and VBQPPL types and issuers (Luật 80/2015, Luật 64/2025).
* :mod:`~cchc.documents.number`: :class:`DocumentNumber` (số, ký hiệu).
* :mod:`~cchc.documents.citations`: :func:`parse_citations`.
* :mod:`~cchc.documents.directive`: :class:`DirectiveDocument` (thể thức).
* :mod:`~cchc.documents.lint`: :func:`lint` and :class:`Finding`.
* :mod:`~cchc.documents.deadlines`: :func:`extract_deadlines`.

    >>> parse_citations("theo Kế hoạch số 219/KH-SYT ngày 27/12/2021")[0].number_text
    '219/KH-SYT'
"""

from __future__ import annotations

from cchc.documents.citations import Citation, CitationRole, parse_citations
from cchc.documents.dates import DateStatus, DateText, scan_date
from cchc.documents.deadlines import Deadline, DeadlineKind, PeriodStart, extract_deadlines
from cchc.documents.directive import DirectiveDocument, SigningPrefix
from cchc.documents.findings import CODES, Finding, Severity
from cchc.documents.lint import lint
from cchc.documents.number import DocumentNumber, NumberShape, parse_number
from cchc.documents.types import DocumentType, type_for_abbreviation, type_for_name
from cchc.documents.validate import is_valid_number, validate_number

__all__ = [
    "CODES",
    "Citation",
    "CitationRole",
    "DateStatus",
    "DateText",
    "Deadline",
    "DeadlineKind",
    "DirectiveDocument",
    "DocumentNumber",
    "DocumentType",
    "Finding",
    "NumberShape",
    "PeriodStart",
    "Severity",
    "SigningPrefix",
    "extract_deadlines",
    "is_valid_number",
    "lint",
    "parse_citations",
    "parse_number",
    "scan_date",
    "type_for_abbreviation",
    "type_for_name",
    "validate_number",
]
