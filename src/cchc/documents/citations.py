"""Citations of documents in running text (trích dẫn văn bản).

A first mention gives type, number and symbol, date, issuer and subject
(NĐ 30/2020/NĐ-CP Phụ lục I II.6.a-b); later mentions give only type and
number. In practice the shape is
``<Type> [số] <number>/<symbol> [ngày <date>] [của <issuer>] [về <subject>]``
with many variants (documents.md §3.2): "Văn bản số" for công văn, missing
"số", dates as ``7/2/2022`` or "ngày 17 tháng 10 năm 2005" broken over lines,
Party numbers ``05-NQ/TU``, letter suffixes ``36a``.

:func:`parse_citations` is a hand-written scanner: one linear regular
expression finds candidate numbers (a digit run not glued to a word, then
``/`` or ``-`` and a letter), and bounded look-behind/look-ahead code reads the
type word, date, issuer and subject around each. False friends are rejected:
``HL7-FHIR-SNOMED``, ``covid-19``, "TCVN ISO 9001:2008", "mức độ 3, 4",
"quý I/2022", fractions and dates, URLs, and the label "Đề án 06/CP" (a
one-group symbol is accepted only after "số").

    >>> c = parse_citations("Căn cứ Công văn số 315/SNV-CCHC&VTLT ngày 10/3/2022 của Sở Nội vụ "
    ...                     "về việc hướng dẫn chế độ báo cáo.")[0]
    >>> c.doc_type.value, c.number, c.symbol, c.issued_on, c.issuer, c.subject
    ('Công văn', '315', 'SNV-CCHC&VTLT', datetime.date(2022, 3, 10), 'Sở Nội vụ', \
'hướng dẫn chế độ báo cáo')
    >>> [c.symbol for c in parse_citations("chuẩn HL7-FHIR-SNOMED; Đề án 06/CP; mức độ 3, 4")]
    []
    >>> text = "Nghị quyết số\\n39-NQ/TW ngày 17 tháng 4 năm\\n2015 của Bộ Chính trị"
    >>> parse_citations(text)[0].span
    (0, 64)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import ConfigDict, Field

from cchc._checks import require_text
from cchc._model import CchcModel
from cchc.documents._text import normalize
from cchc.documents.dates import DateStatus, DateText, scan_date
from cchc.documents.number import DocumentNumber, NumberShape, scan_number
from cchc.documents.types import DocumentType, type_for_name
from cchc.units.issuers import IssuerKind, issuer

__all__ = ["Citation", "CitationRole", "parse_citations"]

MAX_SUBJECT = 250
"""Longest subject (trích yếu) kept, in characters."""

_CANDIDATE = re.compile(
    r"\d(?<![\w/.@&-]\d)\d{0,5}(?:[a-z])?(?: ?/(?:(?:19|20)\d\d/)?[^\W\d_]|-[^\W\d_])"
)
"""A number that may start a citation. Like every pattern run over a whole text, it
starts with a character class and checks what comes before its first digit by a
look-behind placed after it: ``re`` then skips to the next digit in C instead of
trying the pattern at every position (about 3x faster on long texts)."""
_BLANK_HEADER = re.compile(r"(?m)^[ \t|]{0,10}Số[ \t]{0,10}:[ \t.…_]{0,20}(?=/[^\W\d_])")
_BLANK_BODY = re.compile(r"(?=[sS])(?<!\w)(?i:số)[ \t.…_]{1,20}(?=/[^\W\d_])")
"""A blank number in running text: "Quyết định số /QĐ-UBND" (a draft's citation)."""
_TOKEN = re.compile(r"\S+")
_PLACE_DATE = re.compile(r",[ \t]{0,5}(?=(?i:ngày))")
_LEAD_PUNCT = "([{\"'“‘*+•-–"
_GENERIC_WORDS = frozenset({"văn bản", "công văn", "kết luận"})


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TYPE_PHRASES: dict[str, DocumentType | None] = {t.value.casefold(): t for t in DocumentType}
_TYPE_PHRASES.update(dict.fromkeys(("văn bản", "kết luận")))
_TYPE_PHRASES["giấy uỷ quyền"] = DocumentType.GIAY_UY_QUYEN
_ISSUER_STOP = _wordset(
    "về v/v kết quy phê sửa hướng triển phân tại và theo ngày số đã được trong để nhằm với "
    "cho trên đối thực hiện năm giai đoạn"
)
_ISSUER_CONNECT = _wordset(
    "nhân dân tỉnh thành phố huyện xã phường thị trấn quận thường vụ chính phủ tướng trị nội y "
    "tế tư pháp tài ủy uỷ ban nước hội đồng quốc chấp hành đảng bộ trung ương chủ tịch văn "
    "phòng sở tp tp. trực thuộc - – & công an giáo dục đào tạo"
)
_SUBJECT_INTRO = re.compile(r"(?i:về[ \t\r\n]{1,5}việc|v/v|về)[ \t\r\n:]{1,5}")


class CitationRole(enum.StrEnum):
    """Whether a number is cited or is the document's own header number (ô 3)."""

    CITATION = "citation"
    HEADER = "header"


class Citation(CchcModel):
    """One mention of a document in a text, as written and as parsed."""

    model_config = ConfigDict(frozen=True)

    doc_type: DocumentType | None = Field(description="Loại văn bản, from the symbol first.")
    type_word: str | None = Field(description="The type word as written ('Văn bản', 'kết luận').")
    number: str | None = Field(description="Số as written ('05', '36a'); None when blank.")
    symbol: str = Field(description="Ký hiệu without number and year ('KH-SYT', 'NĐ-CP').")
    shape: NumberShape = Field(description="Layout of the number and symbol.")
    number_text: str = Field(description="Canonical số/ký hiệu ('107/2021/NĐ-CP').")
    number_year: int | None = Field(description="Year segment of a normative number.")
    year: int | None = Field(description="Year of the document: number year, else date year.")
    issued_on: date | None = Field(description="Ngày ban hành, when complete and valid.")
    date_text: str | None = Field(default=None, description="The date as written.")
    date_status: DateStatus | None = Field(default=None, description="complete/partial/invalid.")
    date_span: tuple[int, int] | None = Field(default=None, description="Offsets of the date.")
    issuer: str | None = Field(default=None, description="Issuer phrase after 'của', as written.")
    issuer_code: str | None = Field(default=None, description="Issuer group of the symbol.")
    unit: str | None = Field(default=None, description="Drafting unit of a công văn symbol.")
    type_code: str | None = Field(default=None, description="Type group of the symbol ('KH').")
    subject: str | None = Field(default=None, description="Trích yếu as written, if any.")
    subject_span: tuple[int, int] | None = Field(default=None, description="Offsets of subject.")
    raw: str = Field(description="The citation text from type word to issuer, as written.")
    span: tuple[int, int] = Field(description="(start, end) offsets of raw in the input.")
    role: CitationRole = Field(default=CitationRole.CITATION, description="Cited or own number.")
    defects: tuple[str, ...] = Field(default=(), description="Defects of the symbol as written.")
    refers_to: int | None = Field(
        default=None, description="Index of the earlier dated mention this undated one repeats."
    )

    def key(self) -> tuple[str, str]:
        """(number without leading zeros, symbol case-folded), the key within one year."""
        return ((self.number or "").lstrip("0"), self.symbol.casefold())


def _type_word(s: str, p: int) -> tuple[int, str | None, bool, bool]:
    """Look back from ``p``: (start of the phrase, type word, has "số", header "Số:")."""
    lo = max(0, p - 48)
    toks = [(m.start(), m.group(0)) for m in _TOKEN.finditer(s, lo, p)]
    start = p
    has_so = header = False
    if toks and toks[-1][1].rstrip(":").casefold() == "số":
        tok_start, tok = toks.pop()
        has_so = True
        start = tok_start
        line_start = s.rfind("\n", max(0, tok_start - 40), tok_start) + 1
        header = (
            tok.startswith("Số") and tok.endswith(":") and not s[line_start:tok_start].strip(" \t|")
        )
    for k in (4, 3, 2, 1):
        if len(toks) < k:
            continue
        words = [w for _, w in toks[-k:]]
        first = words[0].lstrip(_LEAD_PUNCT)
        phrase = " ".join([first, *words[1:]]).casefold()
        if phrase in _TYPE_PHRASES and first:
            start = toks[-k][0] + (len(words[0]) - len(first))
            return start, s[start : toks[-1][0] + len(toks[-1][1])], has_so, False
    return start, None, has_so, header


def _issuer_phrase(s: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Read "của <issuer>" at ``pos``; return (issuer, end)."""
    m = re.compile(r"[ \t\r\n]{0,10}(?i:của)[ \t\r\n]{1,10}").match(s, pos)
    if m is None or m.end() >= limit:
        return None, pos
    words: list[tuple[int, int]] = []
    prev = ""
    toks = list(_TOKEN.finditer(s, m.end(), min(limit, m.end() + 160)))
    k = 0
    listed: int | None = None  # words before the first ", <issuer>" of a list
    closed = False  # the list was closed by "và <issuer>"
    while k < len(toks) and len(words) < 20:
        t = toks[k]
        tok = t.group(0)
        core = tok.rstrip(',;.:)]”"')
        low = core.casefold()
        nxt = toks[k + 1].group(0) if k + 1 < len(toks) else ""
        joint = nxt in _ISSUER_HEADS and words != []
        if low == "và" and joint:
            words.append((t.start(), t.end()))  # "Bộ Công an và Bộ Y tế": joint issuers
            closed = True
            k += 1
            continue
        if not core or low in _ISSUER_STOP or (core == "ban" and prev not in ("ủy", "uỷ")):
            break
        if not (core[0].isupper() or low in _ISSUER_CONNECT):
            break
        words.append((t.start(), t.start() + len(core)))
        prev = low
        if core != tok and not (tok.endswith(",") and nxt in _ISSUER_HEADS):
            break
        if core != tok and listed is None:
            listed = len(words)
        k += 1
    if listed is not None and not closed:
        # "của Bộ Nội vụ, Sở Y tế ban hành ...": a list of joint issuers ends with
        # "và <issuer>" ("Bộ Tư pháp, Bộ Công an và Bộ Y tế"); without it the name after
        # the comma is the actor of a new clause, not a second issuer.
        del words[listed:]
    while words and s[words[-1][0] : words[-1][1]] in ("-", "–", "&"):
        words.pop()
    if not words:
        return None, pos
    return " ".join(s[words[0][0] : words[-1][1]].split()), words[-1][1]


_ISSUER_HEADS = frozenset(
    [
        "Bộ",
        "Ủy",
        "Uỷ",
        "UBND",
        "HĐND",
        "Sở",
        "Văn",
        "Chính",
        "Thủ",
        "Ban",
        "Hội",
        "Tòa",
        "Viện",
        "Kiểm",
        "Ngân",
        "Tỉnh",
        "Thành",
        "Chủ",
    ]
)
"""First words of an issuer name, to read joint issuers ("Bộ Tư pháp, Bộ Công an và Bộ Y tế")."""


_ITEM_MARK = re.compile(r"[ \t\r]{0,20}(?:[\n+•*–-]|\d{1,2}[.)][ \t])")


_SUBJECT_STOP = re.compile(r"[;()\n]|\.(?=[ \n\r\t/]|\Z)")
"""Where a subject may end: ";", "(", ")", a full stop, or a line break (checked further)."""


def _new_item(s: str, newline: int) -> bool:
    """Whether the line after the newline at ``newline`` is blank or opens a list item
    ("+ ", "- ", "• ", "1. "), so a clause cannot run on into it."""
    return _ITEM_MARK.match(s, newline + 1) is not None


def _subject(s: str, pos: int, next_start: int) -> tuple[str | None, tuple[int, int] | None]:
    """The trích yếu after a citation, up to the end of its clause.

    The clause ends at ";", "(", ")", a full stop, a blank line or a new list
    item; citations nested in it belong to the subject ("triển khai Quyết định
    số ..."). A subject that starts where the next citation starts is none, and so
    is a comma followed by a capitalised word with no "về" / "V/v": that opens a new
    clause with its own actor (", Sở Y tế ban hành Kế hoạch số ..."), not a trích yếu.
    """
    i = pos
    limit = len(s)
    while i < limit and s[i] in " \t\r\n,:":
        if s[i] == "\n" and (s.count("\n", pos, i + 1) > 1 or _new_item(s, i)):
            return None, None  # a blank line or a new list item ends the citation's clause
        i += 1
    intro = _SUBJECT_INTRO.match(s, i)
    if intro is not None:
        i = intro.end()
    elif "," in s[pos:i] and i < limit and s[i].isupper():
        return None, None  # ", Sở Y tế ban hành ...": a new clause with its own actor
    if i >= next_start:
        return None, None
    end = min(limit, i + MAX_SUBJECT)
    j = i
    while True:  # each stop is found by one regex search: no per-character Python loop
        stop = _SUBJECT_STOP.search(s, j, min(limit, end + 1))
        if stop is None or stop.start() >= end:
            j = end
            break
        j = stop.start()
        if s[j] != "\n" or _new_item(s, j):
            break
        j += 1
    text = " ".join(s[i:j].split()).strip(" ,:-–")
    if not text or text.casefold() in ("và", "và các văn bản có liên quan") or len(text) < 3:
        return None, None
    if text.casefold().startswith("và "):
        return None, None
    return text, (i, j)


def _bare_ok(num: DocumentNumber) -> bool:
    """Whether a number with no "số" and no type word before it is still a citation."""
    if "case" in num.defects or num.shape is NumberShape.ISSUER_ONLY:
        return False
    if num.shape in (NumberShape.LAW, NumberShape.PARTY):
        return True
    if num.shape is NumberShape.CONG_VAN:
        known = issuer(num.issuers[0]) if num.issuers else None
        return known is not None and known.kind is not IssuerKind.UNIT
    return num.type_code is not None and bool(num.issuers)


def _build(
    s: str, p: int, num: DocumentNumber, start: int, word: str | None, role: CitationRole
) -> tuple[int, int, dict[str, Any]]:
    end = p + len(num.written)
    j = end
    while j < len(s) and j - end < 20 and s[j] in " \t\r\n,":
        j += 1
    dt: DateText | None = scan_date(s, j, require_ngay=True)
    if dt is None and role is CitationRole.HEADER:
        place = _PLACE_DATE.search(s, end, min(len(s), end + 200))
        if place is not None:
            dt = scan_date(s, place.end(), require_ngay=True)
    if dt is not None:
        end = dt.end
    word_type = type_for_name(word) if word else None
    doc_type = num.doc_type or word_type
    defects = list(num.defects)
    if (
        word_type is not None
        and num.doc_type is not None
        and word is not None
        and word.casefold() not in ("văn bản", "kết luận")
        and word_type is not num.doc_type
        and not (word_type.value in num.doc_type.value or num.doc_type.value in word_type.value)
    ):
        defects.append("type_mismatch")
    year = num.year if num.year is not None else (dt.year if dt is not None else None)
    fields: dict[str, Any] = {
        "doc_type": doc_type,
        "type_word": " ".join(word.split()) if word else None,
        "number": num.number,
        "symbol": num.symbol,
        "shape": num.shape,
        "number_text": num.format(pad=False),
        "number_year": num.year,
        "year": year,
        "issued_on": dt.value if dt is not None else None,
        "date_text": " ".join(dt.text.split()) if dt is not None else None,
        "date_status": dt.status if dt is not None else None,
        "date_span": (dt.start, dt.end) if dt is not None else None,
        "issuer_code": num.issuer,
        "unit": num.unit,
        "type_code": num.type_code,
        "role": role,
        "defects": tuple(defects),
    }
    return start, end, fields


def _blank_body_matches(s: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_BLANK_BODY` in ``s``, in order, found from the slashes: a
    match ends just before a "/" and holds none, so each is the leftmost match in the text
    between the previous "/" and its own (``finditer``'s answer, without trying every "s")."""
    previous = -1
    q = s.find("/")
    while q >= 0:
        lo = max(previous + 1, q - 23)  # "số" + at most 20 separators + the char before
        m = _BLANK_BODY.search(s, lo, min(len(s), q + 2))
        if m is not None and m.end() == q:
            yield m
        previous = q
        q = s.find("/", q + 1)


def parse_citations(text: str) -> list[Citation]:
    """Find every numbered document citation in ``text``, in order of appearance.

    Spans are offsets in ``text`` as given (also when it is in NFD form or uses
    ``Ð`` for ``Đ``). The document's own header number ("Số: 5601/KH-SYT",
    or "Số: /SYT-VP" in a draft) is returned with role ``header``. Any string
    gives a list.

    Raises:
        ValidationError: ``text`` is not a ``str`` (``field="text"``).
    """
    norm = normalize(require_text(text, field="text"))
    s = norm.text
    found: list[tuple[int, int, dict[str, Any]]] = []
    for m in _BLANK_HEADER.finditer(s):
        num = scan_number(s, m.end(), blank_number=True)
        if num is not None:
            start = s.rfind("Số", m.start(), m.end())
            found.append(_build(s, m.end(), num, start, None, CitationRole.HEADER))
    for m in _blank_body_matches(s):
        p = m.end()
        start, word, _has_so, _header = _type_word(s, m.start() + len("số"))
        num = scan_number(s, p, blank_number=True)
        if num is None or (word is None and not (num.type_code and num.issuers)):
            continue
        found.append(_build(s, p, num, start, word, CitationRole.CITATION))
    for m in _CANDIDATE.finditer(s):
        p = m.start()
        start, word, has_so, header = _type_word(s, p)
        generic = word is not None and word.casefold() in _GENERIC_WORDS
        num = scan_number(s, p, generic_word=generic)
        if num is None:
            continue
        if num.shape is NumberShape.ISSUER_ONLY and not has_so:
            continue
        if word is None and not has_so and not _bare_ok(num):
            continue
        role = CitationRole.HEADER if header else CitationRole.CITATION
        found.append(_build(s, p, num, start, word, role))
    found.sort(key=lambda f: f[0])
    out: list[Citation] = []
    last_dated: dict[tuple[str, str], int] = {}
    for idx, (start, end, f) in enumerate(found):
        next_start = found[idx + 1][0] if idx + 1 < len(found) else len(s)
        iss, iss_end = _issuer_phrase(s, end, next_start)
        if iss is not None:
            end = iss_end
        subj, subj_span = (None, None)
        if f["role"] is not CitationRole.HEADER:
            subj, subj_span = _subject(s, end, next_start)
        f["issuer"] = iss
        f["subject"] = subj
        f["subject_span"] = norm.original_span(*subj_span) if subj_span else None
        if f["date_span"] is not None:
            f["date_span"] = norm.original_span(*f["date_span"])
        span = norm.original_span(start, end)
        f["span"] = span
        f["raw"] = text[span[0] : span[1]]
        key = (str(f["number"] or "").lstrip("0"), str(f["symbol"]).casefold())
        if f["issued_on"] is None and f["date_text"] is None and key in last_dated:
            f["refers_to"] = last_dated[key]
        elif f["issued_on"] is not None:
            last_dated[key] = len(out)
        out.append(Citation.model_construct(**f))
    return out
