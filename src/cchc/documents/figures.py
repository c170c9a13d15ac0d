"""Checks on figures and dates in running text (số liệu).

* Totals and parts (tổng số, trong đó): "126 thủ tục, trong đó có 50 thủ tục …
  và 76 thủ tục …" — the parts named with the same noun as the total must not
  exceed it ("trong đó" introduces a subset, so fewer is allowed); a list in
  parentheses right after a count, "08 trường hợp (01 CC và 7 VC)", must add up
  exactly; "Tổng số nhiệm vụ: 25" followed by "Số nhiệm vụ …: n" lines must not
  exceed the total. Vietnamese number formatting is read: "1.826" is 1826.
* On-time and late rates (tỷ lệ đúng hẹn / trễ hẹn): both "above X%" with a
  sum over 100% cannot hold together (seed 003).
* Blank figures ("Số lớp đã tổ chức:.....lớp"), impossible dates
  (``31/02/2022``) and dates without a year ("từ ngày 1/8").

    >>> found = check_figures("Có 126 thủ tục, trong đó 50 thủ tục mức độ 3 và "
    ...                       "96 thủ tục mức độ 4.", lambda a, b: (a, b))
    >>> found[0].code
    'totals-mismatch'
    >>> len(check_figures("Có 126 thủ tục, trong đó 50 thủ tục mức độ 3 và 76 thủ tục mức độ 4.",
    ...                   lambda a, b: (a, b)))
    0
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from datetime import date

from cchc.documents.findings import Finding, finding

__all__ = ["check_figures"]

Mapper = Callable[[int, int], tuple[int, int]]

_SENTENCE_MAX = 300
"""Longest sentence scanned for the parts of a total, in characters."""
_INT = r"\d{1,3}(?:\.\d{3}){1,3}(?!\d)|\d{1,7}(?![\d.,]\d)"
_INT_ALONE = r"\d(?<![\w/.,]\d)(?:\d{0,2}(?:\.\d{3}){1,3}(?!\d)|\d{0,6}(?![\d.,]\d))"
""":data:`_INT` not preceded by a letter, digit, "/", "." or ",": the look-behind sits
after the first digit so that ``re`` skips to the next digit in C (see citations)."""
_COUNT_HEAD = rf"({_INT_ALONE})[ \t]{{1,3}}([^\W\d_]{{1,12}})"
"""A count and the noun after it ("126 thủ tục"): groups 1 and 2."""
_COUNT = re.compile(_COUNT_HEAD)
_SENTENCE_END = re.compile(r"[.;](?:[ \t]*\n|[ \t]+[A-ZĐ])|\n[ \t]*\n|\n[ \t]*[-+•*]")
_TRONG_DO = re.compile(r"[tTbBgG](?i:(?<=t)rong đó|(?<=b)ao gồm|(?<=g)ồm)")
""""trong đó", "bao gồm", "gồm" in any case, found by their first letter in C."""
_PARENS = re.compile(r"\(([^()\n]{3,80})\)")
_COUNT_BEFORE = re.compile(_COUNT_HEAD + r"[^()\n\d;]{0,60}$")
_PART = re.compile(rf"({_INT})[ \t]{{1,3}}[^\W\d_][^,;+()]{{0,40}}")
_LIST_SEP = re.compile(r"[ \t]{0,3}(?:,|;|\+|\bvà\b)[ \t]{0,3}")


def _labelled_line(label: str, longest: int) -> re.Pattern[str]:
    """A line "<label> <what>: <count>", optionally bulleted: groups what and count."""
    return re.compile(
        rf"(?im)^[ \t+\-•*]{{0,4}}{label} ([^:\n]{{2,{longest}}}):[ \t]{{0,5}}({_INT})"
    )


_TOTAL_LINE = _labelled_line("Tổng số", 40)
_PART_LINE = _labelled_line("Số", 60)
_RATE = re.compile(
    r"(?=[đĐtTqQ])(?i:(đúng|trễ|quá|trước)[ \t\n]{1,3}(hẹn|hạn))[^.;%\n]{0,40}?(?i:trên|hơn|đạt)"
    r"[ \t]{1,3}(\d{1,3}(?:[,.]\d{1,2})?)[ \t]?%"
)
_BLANK = re.compile(r":[ \t]{0,2}[.…]{4,}|[^\s.…][.…]{4,}(?=[^\W\d_])")
"""A blank figure: dots after a colon ("Số hồ sơ: ....."), or glued between a word and
the next ("đạt.....%" is not, "tổng số.....thủ tục" is). :func:`_blanks` finds the same
matches from the runs of dots (:data:`_DOTS`), without trying the pattern at every
character."""
_DOTS = re.compile(r"[.…]{4,}")
_NUM_DATE = re.compile(r"(\d(?<![\d/.]\d)\d?)/(\d{1,2})/(\d{4})(?![\d/])")
_NO_YEAR = re.compile(r"(?=[nN])(?i:ngày)[ \t]{1,3}(\d{1,2})/(\d{1,2})(?![\d/])")


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def _sentence_end(s: str, pos: int) -> int:
    m = _SENTENCE_END.search(s, pos, min(len(s), pos + _SENTENCE_MAX))
    return m.start() if m else min(len(s), pos + _SENTENCE_MAX)


_LIST_WORDS = ("trong đó", "bao gồm", "gồm")
"""What :data:`_TRONG_DO` matches, in its order of alternatives."""


def _trong_do_spans(s: str) -> list[tuple[int, int]]:
    """The spans of :data:`_TRONG_DO` in ``s``, in order: the words are found in the
    lower-cased text by ``str.find`` (a C search), then kept leftmost and not overlapping
    as ``finditer`` keeps them. A text whose length lower-casing changes is scanned by the
    pattern."""
    low = s.lower()
    if len(low) != len(s):
        return [m.span() for m in _TRONG_DO.finditer(s)]
    found: list[tuple[int, int]] = []
    for word in _LIST_WORDS:
        i = low.find(word)
        while i >= 0:
            found.append((i, i + len(word)))
            i = low.find(word, i + 1)
    found.sort()
    out: list[tuple[int, int]] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _totals(s: str, mapper: Mapper) -> list[Finding]:
    out: list[Finding] = []
    counts: list[re.Match[str]] = []
    starts: list[int] = []
    for td_start, td_end in _trong_do_spans(s):
        if not counts and not starts:
            counts = list(_COUNT.finditer(s))  # once, on the first "trong đó"
            starts = [m.start() for m in counts] or [len(s) + 1]
        lo = max(0, td_start - 200)
        start = max(lo, s.rfind("\n", lo, td_start) + 1)
        k = bisect.bisect_left(starts, td_start) - 1
        if k >= 0 and counts[k].end() > td_start:
            k -= 1  # counts do not overlap: only the last can run into "trong đó"
        if k < 0 or counts[k].start() < start:
            continue
        total_m = counts[k]
        noun = total_m.group(2).casefold()
        end = _sentence_end(s, td_end)
        a, b = bisect.bisect_left(starts, td_end), bisect.bisect_left(starts, end)
        parts = [m for m in counts[a:b] if m.end() <= end and m.group(2).casefold() == noun]
        if len(parts) < 2:
            continue
        total = _int(total_m.group(1))
        got = sum(_int(m.group(1)) for m in parts)
        if got > total:
            span, noun = mapper(total_m.start(), parts[-1].end()), total_m.group(2)
            out.append(finding("totals-mismatch", span, got=got, total=total, noun=noun))
    for paren in _PARENS.finditer(s):
        m = _COUNT_BEFORE.search(s, max(0, paren.start() - 90), paren.start())
        if m is None:
            continue
        inner = paren.group(1)
        pieces = _LIST_SEP.split(inner.strip())
        nums = [_PART.fullmatch(p) for p in pieces]
        if len(pieces) < 2 or any(n is None for n in nums):
            continue
        got = sum(_int(n.group(1)) for n in nums if n is not None)
        total = _int(m.group(1))
        if got != total:
            span = mapper(m.start(), paren.end())
            out.append(finding("totals-mismatch:list", span, got=got, total=total))
    for t in _TOTAL_LINE.finditer(s):
        noun = t.group(1).strip().casefold()
        total = _int(t.group(2))
        got = 0
        last = t.end()
        for p in _PART_LINE.finditer(s, t.end(), min(len(s), t.end() + 600)):
            if s.count("\n", last, p.start()) > 2 or not p.group(1).casefold().startswith(noun):
                break
            got += _int(p.group(2))
            last = p.end()
        if got > total:
            span, noun = mapper(t.start(), last), t.group(1).strip()
            out.append(finding("totals-mismatch:lines", span, got=got, total=total, noun=noun))
    return out


_RATE_LONGEST = 70
"""Longest text :data:`_RATE` can match (5 + 3 + 3 + 40 + 4 + 3 + 6 + 1 + 1 characters)."""


def _rate_matches(s: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_RATE` in ``s``, in order, found from the "%" signs: a match
    ends with a "%" and holds no other, so each is the leftmost match in the text between
    the previous "%" and its own (what ``finditer`` finds, without trying every character)."""
    previous = -1
    q = s.find("%")
    while q >= 0:
        m = _RATE.search(s, max(previous + 1, q + 1 - _RATE_LONGEST), q + 1)
        if m is not None:
            yield m
        previous = q
        q = s.find("%", q + 1)


def _rates(s: str, mapper: Mapper) -> list[Finding]:
    on_time: list[tuple[float, re.Match[str]]] = []
    late: list[tuple[float, re.Match[str]]] = []
    for m in _rate_matches(s):
        value = float(m.group(3).replace(",", "."))
        kind = m.group(1).casefold()
        (on_time if kind in ("đúng", "trước") else late).append((value, m))
    out: list[Finding] = []
    for lv, lm in late:
        for ov, _ in on_time:
            if lv + ov > 100:
                span = mapper(lm.start(), lm.end())
                out.append(finding("rate-contradiction", span, late=lv, ok=ov))
                break
    return out


def _at(m: re.Match[str], mapper: Mapper, key: str) -> Finding:
    """A finding spanning the match ``m``; the messages may name its text as ``{d}``."""
    return finding(key, mapper(m.start(), m.end()), d=m.group(0))


def _dates(s: str, mapper: Mapper) -> list[Finding]:
    out: list[Finding] = []
    for m in _NUM_DATE.finditer(s):
        try:
            date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            out.append(_at(m, mapper, "impossible-date:text"))
    for m in _NO_YEAR.finditer(s):
        out.append(_at(m, mapper, "partial-date:text"))
    return out


def check_figures(s: str, mapper: Mapper) -> list[Finding]:
    """Findings on totals, rates, blank figures and dates in the NFC text ``s``.

    ``mapper`` turns offsets in ``s`` into offsets in the caller's text.
    """
    out = _totals(s, mapper) + _rates(s, mapper) + _dates(s, mapper)
    out.extend(_at(m, mapper, "blank-figure") for m in _blanks(s))
    return out


def _blanks(s: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_BLANK` in ``s``, in order. A match contains a run of four or
    more dots and starts at a colon up to three characters before it or at the character
    just before it: the pattern is tried there only, earliest first, as ``finditer``
    would."""
    for run in _DOTS.finditer(s):
        for start in range(max(0, run.start() - 3), run.start()):
            m = _BLANK.match(s, start)
            if m is not None and m.end() == run.end():
                yield m
                break
