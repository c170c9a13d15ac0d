"""Number-series and duplicate checks of the linter (sổ đăng ký văn bản).

Numbers run in issuing order from 01 on 1 January and a number plus symbol is
unique within a year for an issuer (NĐ 30/2020/NĐ-CP Điều 15.1). Công văn of
all units of a body share one series; each typed series (KH, TB, BC...) is
checked on its own, and normative numbers per type and number year
(documents.md §1.4, as seen in the seeds). Within a series and a year the
documents outside a longest run of non-decreasing dates are blamed, so one bad
date does not make its neighbours look wrong. With only two documents of a
series in a year, a higher number dated earlier is reported as a pair (either
may be the wrong one).

    >>> from cchc.documents.citations import parse_citations
    >>> cits = parse_citations("Kế hoạch số 11/KH-SYT ngày 24/01/2022; Kế hoạch số 05/KH-SYT "
    ...     "ngày 13/02/2022; Kế hoạch số 17/KH-SYT ngày 11/02/2022.")
    >>> print(series_findings(cits)[0].message)
    05/KH-SYT dated 13/02/2022 is out of number order in its series; neighbours: 11 (24/01/2022)
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import date

from cchc.documents.citations import Citation, CitationRole
from cchc.documents.findings import Finding, cited, finding, fmt_date
from cchc.documents.number import NumberShape

__all__ = ["duplicate_findings", "fmt_date", "series_findings"]


_fmt = fmt_date


# Enum members read for every citation, looked up once: in Python 3.11 ``Enum.MEMBER`` is a
# descriptor call costing about as much as the small checks that read it.
_CONG_VAN_SHAPE = NumberShape.CONG_VAN
_ADMINISTRATIVE = NumberShape.ADMINISTRATIVE
_NORMATIVE = NumberShape.NORMATIVE
_CITATION = CitationRole.CITATION


def _series_key(c: Citation) -> tuple[str, ...] | None:
    if c.issuer_code is None or c.number is None:
        return None
    iss = c.issuer_code.casefold()
    if c.shape is _CONG_VAN_SHAPE:
        return (iss, "công văn")
    if c.shape is _ADMINISTRATIVE and c.type_code:
        return (iss, c.type_code.casefold())
    if c.shape is _NORMATIVE and c.type_code:
        return (iss, c.type_code.casefold(), str(c.number_year))
    return None


def _num(c: Citation) -> int:
    digits = "".join(ch for ch in (c.number or "") if ch.isdigit())
    return int(digits) if digits else -1


def _longest_run(items: list[Citation]) -> set[int]:
    """Indices (into ``items``, sorted by number) of a longest non-decreasing run of dates."""
    tails: list[date] = []
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(items)
    for i, c in enumerate(items):
        d = c.issued_on
        assert d is not None
        k = bisect.bisect_right(tails, d)
        if k == len(tails):
            tails.append(d)
            tail_idx.append(i)
        else:
            tails[k] = d
            tail_idx[k] = i
        prev[i] = tail_idx[k - 1] if k > 0 else -1
    keep: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return keep


def series_findings(cits: list[Citation]) -> list[Finding]:
    groups: dict[tuple[str, ...], dict[tuple[int, date], Citation]] = defaultdict(dict)
    for c in cits:
        key = _series_key(c)
        if key is not None and c.issued_on is not None:
            groups[key].setdefault((_num(c), c.issued_on), c)
    out: list[Finding] = []
    for key, members in groups.items():
        ordered = sorted(members.values(), key=lambda c: (_num(c), c.issued_on))
        if len(key) == 2:
            for i in range(1, len(ordered) - 1):
                lo, c, hi = ordered[i - 1], ordered[i], ordered[i + 1]
                assert lo.issued_on and c.issued_on and hi.issued_on
                if lo.issued_on.year == hi.issued_on.year != c.issued_on.year:
                    out.append(
                        cited(
                            "series-year-outlier",
                            c,
                            lo=lo.number,
                            lod=_fmt(lo.issued_on),
                            hi=hi.number,
                            hid=_fmt(hi.issued_on),
                            y=lo.issued_on.year,
                        )
                    )
        by_year: dict[int, list[Citation]] = defaultdict(list)
        for c in ordered:
            assert c.issued_on is not None
            by_year[c.issued_on.year].append(c)
        for year_items in by_year.values():
            if len(year_items) == 2:
                out.extend(_backwards_pair(*year_items))
                continue
            keep = _longest_run(year_items)
            kept = [year_items[i] for i in sorted(keep)]
            kept_nums = [_num(k) for k in kept]
            for i, c in enumerate(year_items):
                if i in keep:
                    continue
                pos = bisect.bisect_left(kept_nums, _num(c))
                below = kept[max(0, pos - 1) : pos]
                above = kept[bisect.bisect_right(kept_nums, _num(c)) :][:1]
                ctx = ", ".join(
                    f"{k.number} ({_fmt(k.issued_on)})" for k in (below[-1:] + above[:1])
                )
                out.append(cited("series-backwards", c, ctx=ctx))
    return out


def _backwards_pair(lo: Citation, hi: Citation) -> list[Finding]:
    """Two numbers of one series and year (``lo`` the lower number): a higher number with an
    earlier date is reported on whichever of the two is mentioned later in the text, since
    with only two documents either may be the wrong one."""
    assert lo.issued_on is not None and hi.issued_on is not None
    if _num(lo) == _num(hi) or lo.issued_on <= hi.issued_on:
        return []
    later, other = (hi, lo) if hi.span[0] > lo.span[0] else (lo, hi)
    e = _fmt(other.issued_on)
    return [cited("series-backwards:pair", later, m=other.number_text, e=e)]


def duplicate_findings(cits: list[Citation]) -> list[Finding]:
    groups: dict[tuple[str, str, int], list[Citation]] = defaultdict(list)
    for c in cits:
        if c.role is _CITATION and c.year is not None and c.number:
            groups[(*c.key(), c.year)].append(c)
    out: list[Finding] = []
    for members in groups.values():
        dated = [c for c in members if c.issued_on is not None]
        dates = {c.issued_on for c in dated}
        if len(dates) > 1:
            c = next(c for c in dated if c.issued_on != dated[0].issued_on)
            out.append(_conflict(c, "dates", _fmt(dated[0].issued_on), _fmt(c.issued_on)))
            continue
        subjects = [c for c in members if c.subject and len(c.subject.split()) >= 2]
        first = _words(subjects[0].subject) if subjects else []
        for c in subjects[1:]:
            if _different_words(first, _words(c.subject)):
                out.append(_conflict(c, "subjects", _short(subjects[0].subject), _short(c.subject)))
                break
    return out


def _conflict(c: Citation, what: str, a: str, b: str) -> Finding:
    """A ``duplicate-number`` finding on ``c``: its ``what`` reads ``b`` where an earlier
    mention of the same number read ``a``."""
    return finding(f"duplicate-number:{what}", c.span, n=c.number_text, a=a, b=b)


def _short(text: str | None) -> str:
    words = (text or "").split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def _words(text: str | None) -> list[str]:
    return (text or "").casefold().split()


def _different_words(wa: list[str], wb: list[str]) -> bool:
    """Whether two subjects (their case-folded words) name different documents."""
    if wa[:2] == wb[:2]:
        return False
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / len(sa | sb) < 0.5
