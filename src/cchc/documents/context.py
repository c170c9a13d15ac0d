"""Checks of a document against its context (bối cảnh của văn bản).

The parts of :func:`cchc.documents.lint` that need more than the citations
themselves:

* **reporting period** — in a report on "quý N/YYYY", the documents the
  reporting body lists as issued must fall inside the data window of the
  reporting regime (:func:`cchc.reporting.reporting_period`; Công văn
  581/BNV-CCHC by default: quý I runs from 15/12 to 14/3);
* **plan year** — a yearly CCHC plan cited for the report's year;
* **days off** — a document dated on an official day off is remarked on
  (:class:`cchc.calendar.OfficialCalendar`);
* **draft window** — the date window a draft must be signed in.

The period rule is the reporting regime's own (:mod:`cchc.reporting_periods`,
imported as a declared dependency: documents use reporting periods, reporting
never imports documents), so a window is written once.
"""

from __future__ import annotations

import re
from datetime import date

from cchc.calendar import default_calendar
from cchc.documents.citations import Citation, CitationRole
from cchc.documents.findings import Finding, cited, finding, fmt_date
from cchc.documents.types import DocumentType
from cchc.errors import CchcError
from cchc.l10n import weekday
from cchc.reporting_periods import DEFAULT_REGIME, ReportingPeriod, reporting_period

__all__ = ["DEFAULT_REGIME", "FALLBACK_REGIME", "days_off", "draft_window", "period", "plans"]

_QUARTER = re.compile(
    r"(?i:qu[ýíi])[ \t]{1,3}(IV|I{1,3}|[1-4])[ \t]{0,3}(?:/|(?i:năm))[ \t]{0,3}"
    r"(\d{4})"
)
_PLAN_YEAR = re.compile(r"(?i:năm)[ \t]{1,3}(\d{4})(?![\d/-])")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MIN_YEAR, MAX_YEAR = 1, 9999
"""Years a heading may name for a window to be computed (``datetime.date`` range, 1..9999)."""
FALLBACK_REGIME = "nd09-2019"
"""Regime used for a quarter the chosen regime lacks (Nghị định 09/2019/NĐ-CP Điều 12)."""
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


_fmt = fmt_date


def _window(regime: str, q: int, year: int) -> ReportingPeriod | None:
    """The data window of the quarter-``q`` report of ``year``, or None when not defined.

    A regime without a quarterly kind (581/BNV-CCHC has Q1, H1, Q3, Y) falls back to
    the general quarterly windows of Nghị định 09/2019/NĐ-CP Điều 12 khoản 2.
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None  # "năm 0000" and the like: no calendar window to compare with
    for key in dict.fromkeys((regime, FALLBACK_REGIME)):
        try:
            return reporting_period(key, f"Q{q}", year, due=False)
        except CchcError:
            continue
    return None


def period(text: str, s: str, cits: list[Citation], regime: str) -> list[Finding]:
    m = _QUARTER.search(s, 0, min(len(s), 600))
    if m is None:
        return []
    q, year = _QUARTERS[m.group(1).upper()], int(m.group(2))
    window = _window(regime, q, year)
    if window is None:
        return []
    implicit = [c.issuer_code for c in cits if c.issuer is None and c.issuer_code]
    if not implicit:
        return []
    own = max(set(implicit), key=implicit.count)
    if implicit.count(own) * 2 < len(implicit):
        return []
    out: list[Finding] = []
    for c in cits:
        if c.issuer_code != own or c.issued_on is None or window.contains(c.issued_on):
            continue
        line_start = text.rfind("\n", max(0, c.span[0] - 20), c.span[0]) + 1
        if text[line_start : c.span[0]].strip() not in ("+", "-", "•", "*"):
            continue
        out.append(
            cited(
                "outside-reporting-period",
                c,
                q=_ROMAN[q],
                y=year,
                a=_fmt(window.start),
                b=_fmt(window.end),
                src=window.source.cite(),
            )
        )
    return out


def plans(cits: list[Citation]) -> list[Finding]:
    out: list[Finding] = []
    for c in cits:
        if c.doc_type not in (DocumentType.KE_HOACH, DocumentType.CHUONG_TRINH):
            continue
        if c.issued_on is None or not c.subject or "giai đoạn" in c.subject.casefold():
            continue
        years = {int(y) for y in _PLAN_YEAR.findall(c.subject)}
        if len(years) != 1:
            continue
        (y,) = years
        if y < c.issued_on.year or (y == c.issued_on.year and c.issued_on.month == 12):
            out.append(cited("plan-year-implausible", c, y=y))
    return out


def days_off(cits: list[Citation]) -> list[Finding]:
    """Documents dated on an official day off (a weak remark: signing on a Saturday happens).

    Uses the bundled official calendar; dates outside its coverage are not judged.
    """
    cal = default_calendar()
    out: list[Finding] = []
    seen: set[date] = set()
    for c in cits:
        d = c.issued_on
        if d is None or d in seen or d.year not in cal.coverage:
            continue
        seen.add(d)
        if not cal.is_working_day(d):
            w = weekday(d, lang="en")
            out.append(cited("non-working-day", c, span=c.date_span, w=w))
    return out


def draft_window(text: str, cits: list[Citation]) -> list[Finding]:
    """For a draft: it must be signed on or after the latest document it cites and before the
    earliest deadline it sets (documents.md §5.1 item 13)."""
    from datetime import timedelta

    from cchc.documents.deadlines import DeadlineKind, extract_deadlines
    from cchc.errors import CalendarCoverageError

    cited = [c.issued_on for c in cits if c.role is CitationRole.CITATION and c.issued_on]
    try:
        deadlines = extract_deadlines(text)
    except CalendarCoverageError:
        return []  # a period resolved outside the official calendar: no window to give
    ends = [
        d.due_on if d.inclusive else d.due_on - timedelta(days=1)
        for d in deadlines
        if d.due_on is not None
        and d.due_on > date.min
        and d.kind in (DeadlineKind.BEFORE, DeadlineKind.NO_LATER_THAN)
    ]
    if not cited or not ends:
        return []
    header = next((c for c in cits if c.role is CitationRole.HEADER), None)
    span = header.span if header is not None else (0, 0)
    return [finding("draft-date-window", span, a=_fmt(max(cited)), b=_fmt(min(ends)))]
