"""Consistency linter for directive documents and reports (kiểm tra văn bản).

Rules and where they come from:

* A cited document cannot be dated after the document citing it (the text's
  own date, ``issued_on`` or its header; or the citation whose subject names it).
* The year inside a VBQPPL number is its year of issue (Luật 80/2015/QH13
  Điều 10), so it must equal the year of the date cited with it.
* Number and symbol are unique within a year for an issuer (NĐ 30/2020/NĐ-CP
  Điều 15.1): one (number, symbol, year) cannot name two documents.
* Numbers run in issuing order from 01 on 1 January (Điều 15.1): within one
  series of an issuer and one year, a higher number cannot carry an earlier
  date. Công văn of all units of a body share one series; each typed series
  (KH, TB, BC...) is checked on its own (documents.md §1.4, seen in the seeds).
  The documents that break the longest consistent run are blamed.
* Numbers start at 01 (Điều 15.1): a number "0" or "00" is an error.
* Impossible and partial dates, blank numbers (drafts, also "số /QĐ-UBND" in
  the body), a type word that contradicts the symbol, incomplete or reversed
  symbols, figures that do not add up, contradictory on-time/late rates, blank
  figures.

    >>> lint("Nghị định số 60/2022/NĐ-CP ngày 21/6/2021 của Chính phủ.")[0].code
    'number-year-mismatch'
    >>> len(lint("Thực hiện Kế hoạch số 11/KH-SYT ngày 24/01/2022 của Sở Y tế."))
    0
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from datetime import date

from cchc._checks import require_text
from cchc.documents import context
from cchc.documents._text import normalize
from cchc.documents.citations import Citation, CitationRole, parse_citations
from cchc.documents.dates import DateStatus, as_vn_date
from cchc.documents.directive import DirectiveDocument
from cchc.documents.figures import check_figures
from cchc.documents.findings import Finding, cited, finding, fmt_date
from cchc.documents.number import NumberShape
from cchc.documents.series import duplicate_findings, series_findings
from cchc.documents.types import DocumentType
from cchc.reporting_periods import regime as reporting_regime

__all__ = ["lint"]

_NAMED_ONLY = {
    DocumentType.LUAT,
    DocumentType.BO_LUAT,
    DocumentType.PHAP_LENH,
    DocumentType.HIEN_PHAP,
}
_DEFECT_CODES = {
    "type_mismatch": "type-symbol-mismatch",
    "missing_issuer": "symbol-incomplete",
    "reversed_issuer_unit": "symbol-order",
    "space_in_symbol": "symbol-format",
    "slash_in_symbol": "symbol-format",
    "case": "symbol-format",
    "unknown_type": "symbol-format",
    "zero_number": "number-zero",
}

_fmt = fmt_date

_ISSUING_CLAUSE = re.compile(
    r",[ \t\r\n]+(?P<actor>[^\W\d_][^,;]{0,80}?)[ \t\r\n]+(?:đã[ \t\r\n]+|sẽ[ \t\r\n]+)?"
    r"(?:ban[ \t\r\n]+hành|xây[ \t\r\n]+dựng|triển[ \t\r\n]+khai)(?![^\W_])",
    re.IGNORECASE,
)
"""A new clause in which an agency issues a document: ", Sở Y tế ban hành ...".

The trích yếu of a cited document ends there: what follows is the citing text's
own account ("Thực hiện Công văn số 4567/BNV-CCHC ... về ..., Sở Y tế ban hành Kế
hoạch số 88/KH-SYT ..."), not a document that the công văn cites. The actor must
start with a capital (an agency's name); "..., triển khai Quyết định số ..." with no
actor stays part of the subject, as in "Văn bản số 692/SYT-VP ... triển khai văn bản
số 870/UBND-VP" of seed 002, where the later document does cite the earlier one.
"""


def _issued_in_own_clause(text: str, citing_end: int, cited_start: int) -> bool:
    """Whether an issuing clause (:data:`_ISSUING_CLAUSE`) opens between the end of a
    citation (its number, date and issuer: the comma that opens the clause may come
    before its subject is read) and a later citation: that citation is then not nested
    in the subject."""
    segment = unicodedata.normalize("NFC", text[citing_end:cited_start])
    return any(m.group("actor")[0].isupper() for m in _ISSUING_CLAUSE.finditer(segment))


_DATE_FINDINGS: dict[DateStatus | None, str] = {
    DateStatus.INVALID: "impossible-date",
    DateStatus.PARTIAL: "partial-date",
}
"""Finding code for a cited date that is not whole."""


def _citation_checks(c: Citation, own: date | None, own_year: int | None) -> list[Finding]:
    out: list[Finding] = []
    if c.date_status in _DATE_FINDINGS:
        n = c.number_text or c.symbol
        key = _DATE_FINDINGS[c.date_status]
        out.append(finding(key, c.date_span or c.span, d=c.date_text, n=n))
    if c.number is None:
        out.append(finding("blank-number", c.span, n=c.number_text))
    if (
        c.number_year is not None
        and c.issued_on is not None
        and (c.number_year != c.issued_on.year and c.shape is not NumberShape.LAW)
    ):
        out.append(cited("number-year-mismatch", c, y=c.number_year))
    if c.role is CitationRole.CITATION and c.issued_on is not None and own and c.issued_on > own:
        out.append(cited("cited-after-citing", c, o=_fmt(own)))
    elif (
        c.role is CitationRole.CITATION
        and c.year
        and own is None
        and own_year
        and c.year > own_year
    ):
        out.append(
            finding("cited-after-citing:year", c.span, n=c.number_text, y=c.year, o=own_year)
        )
    for defect in dict.fromkeys(_DEFECT_CODES[d] for d in c.defects if d in _DEFECT_CODES):
        doc_type = c.doc_type.value if c.doc_type else "?"
        out.append(finding(defect, c.span, n=c.number_text, w=c.type_word, t=doc_type))
    if c.role is CitationRole.HEADER and c.number and c.number.isdigit() and len(c.number) == 1:
        out.append(finding("number-padding", c.span, n=c.number))
    return out


def lint(
    text: str, *, issued_on: date | None = None, regime: str = context.DEFAULT_REGIME
) -> list[Finding]:
    """Check a document or report and return its findings, in text order.

    ``issued_on`` is the document's own date; when not given, the date of its
    header ("…, ngày 16 tháng 6 năm 2017") is used if complete, and the year of a
    partial header date for year checks. ``regime`` is the reporting regime of
    :func:`cchc.reporting.reporting_period` whose data windows (thời gian chốt số
    liệu) define a "quý N/YYYY" report's period: ``"bnv-cchc"`` (Công văn
    581/BNV-CCHC: quý I is 15/12 to 14/3) or ``"nd09-2019"``.

    Raises:
        ValidationError: unknown ``regime``; ``text`` not a ``str`` (``field="text"``).
        NaiveDatetimeError: ``issued_on`` is a datetime without time zone.
    """
    require_text(text, field="text")
    reporting_regime(regime)  # an unknown regime is a ValidationError
    issued_on = as_vn_date(issued_on, field="issued_on")
    cits = parse_citations(text)
    norm = normalize(text)
    doc = DirectiveDocument.from_text(text)
    own = issued_on or doc.issued_on
    own_year = own.year if own else doc.date_year
    out: list[Finding] = []
    for c in cits:
        out.extend(_citation_checks(c, own, own_year))
    out.extend(_nested(text, cits))
    out.extend(series_findings(cits))
    out.extend(duplicate_findings(cits))
    out.extend(_first_mentions(cits))
    out.extend(context.period(text, norm.text, cits, regime))
    out.extend(context.plans(cits))
    out.extend(context.days_off(cits))
    if doc.is_draft and own is None:
        out.extend(context.draft_window(text, cits))
    if "Nơi nhận" in norm.text and not doc.has_number_line and doc.date_text is None:
        out.append(finding("missing-own-number", (0, 0)))
    dated = sorted(f.span for f in out if f.code in ("impossible-date", "partial-date"))
    for f in check_figures(norm.text, norm.original_span):
        k = bisect.bisect_right(dated, (f.span[0], len(text) + 1)) - 1
        if k >= 0 and dated[k][0] <= f.span[0] < max(dated[k][1], dated[k][0] + 1):
            continue  # the same date was already reported with its citation
        out.append(f)
    out.sort(key=lambda f: (f.span, f.code))
    return out


def _nested(text: str, cits: list[Citation]) -> list[Finding]:
    """A document cited inside the subject of another is cited by it, so cannot be
    dated after it; a document issued in a new clause of the same sentence is not."""
    out: list[Finding] = []
    for i, a in enumerate(cits):
        if a.subject_span is None or a.issued_on is None:
            continue
        for b in cits[i + 1 :]:
            if b.span[0] >= a.subject_span[1]:
                break
            if (
                b.issued_on is not None
                and b.issued_on > a.issued_on
                and not _issued_in_own_clause(text, a.span[1], b.span[0])
            ):
                ad = _fmt(a.issued_on)
                out.append(cited("cited-after-citing:nested", b, a=a.number_text, ad=ad))
    return out


def _first_mentions(cits: list[Citation]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out: list[Finding] = []
    for c in cits:
        if c.role is not CitationRole.CITATION or c.key() in seen:
            continue
        seen.add(c.key())
        if c.date_text is None and c.doc_type not in _NAMED_ONLY:
            out.append(finding("undated-first-mention", c.span, n=c.number_text))
    return out
