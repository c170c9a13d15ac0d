"""The linter's stable codes (mã kết quả kiểm tra); :class:`Finding` is :mod:`cchc.findings`'.

Each code is stable (programs may filter on it) and has a severity, and each
finding carries its message in English and in Vietnamese and the ``span``
(start, end offsets in the text as given).

    >>> f = make_finding("number-year-mismatch", (3, 9), "year {a} vs {b}", "năm {a} và {b}",
    ...                  a=2022, b=2021)
    >>> f.severity.value, f.message, f.message_vi
    ('error', 'year 2022 vs 2021', 'năm 2022 và 2021')
"""

from __future__ import annotations

from cchc.findings import Finding, Severity

__all__ = ["CODES", "Finding", "Severity", "make_finding"]


CODES: dict[str, tuple[Severity, str]] = {
    "cited-after-citing": (Severity.ERROR, "cited document dated after the citing document"),
    "number-year-mismatch": (Severity.ERROR, "year in the number differs from the date's year"),
    "duplicate-number": (Severity.ERROR, "one number and symbol used for two documents"),
    "series-backwards": (Severity.ERROR, "number series goes backwards in time"),
    "series-year-outlier": (Severity.ERROR, "date's year does not fit the number series"),
    "impossible-date": (Severity.ERROR, "no such calendar date"),
    "type-symbol-mismatch": (Severity.ERROR, "type named in the text contradicts the symbol"),
    "symbol-incomplete": (Severity.ERROR, "symbol lacks its issuer part"),
    "number-zero": (Severity.ERROR, "number 0: numbering starts at 01"),
    "totals-mismatch": (Severity.ERROR, "stated parts do not add up to the stated total"),
    "rate-contradiction": (Severity.ERROR, "on-time and late rates contradict each other"),
    "outside-reporting-period": (Severity.WARNING, "own document dated outside the period"),
    "plan-year-implausible": (Severity.WARNING, "plan for a year that has (almost) ended"),
    "symbol-order": (Severity.WARNING, "công văn symbol with issuer and unit reversed"),
    "partial-date": (Severity.WARNING, "date lacks its day, month or year"),
    "blank-number": (Severity.WARNING, "document number left blank (draft)"),
    "blank-figure": (Severity.WARNING, "figure left blank"),
    "symbol-format": (Severity.INFO, "symbol written with spaces, '/', or wrong case"),
    "number-padding": (Severity.INFO, "number below 10 without leading zero"),
    "undated-first-mention": (Severity.INFO, "first mention of a document gives no date"),
    "missing-own-number": (Severity.INFO, "document has no number or date of its own"),
    "draft-date-window": (Severity.INFO, "the dates a draft can still be signed on"),
    "non-working-day": (Severity.INFO, "document dated on a day off"),
}
"""Every code with its severity and a one-line meaning."""


def make_finding(code: str, span: tuple[int, int], en: str, vi: str, **values: object) -> Finding:
    """A finding with the severity of ``code`` and both messages formatted with ``values``."""
    severity = CODES[code][0]
    return Finding(
        code=code,
        severity=severity,
        message=en.format(**values),
        message_vi=vi.format(**values),
        span=span,
    )
