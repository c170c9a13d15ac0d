"""Document numbers and symbols (số, ký hiệu văn bản).

Shapes (NĐ 30/2020/NĐ-CP Phụ lục I II.3; Luật 80/2015/QH13 Điều 10; documents.md §4.4):

=================  ===========================  ======================
shape              layout                       example
=================  ===========================  ======================
administrative     ``số/TYPE-ISSUER``           ``15/QĐ-BNV``
công văn           ``số/ISSUER-UNIT``           ``12/UBND-VX``
normative          ``số/năm/TYPE-ISSUER``       ``107/2021/NĐ-CP``
law                ``số/năm/QHk``               ``80/2015/QH13``
party              ``số-TYPE/ISSUER``           ``05-NQ/TU``
consolidated       ``số/VBHN-ISSUER``           ``54/VBHN-VPQH``
=================  ===========================  ======================

The type comes from the symbol, not from the word before it: a symbol whose
first group is not a type abbreviation is a công văn. Damaged symbols are
parsed leniently and their defects recorded (a truncated issuer, a stray space,
``/`` where ``-`` belongs, lower case); numbers below 10 should carry a leading
zero ("05"). Numbering starts at 01 each year (NĐ 30/2020/NĐ-CP Điều 15
khoản 1), so a number of zeros is recorded as the defect ``zero_number`` and
left unpadded. A line break after a symbol's hyphen ("1291/QĐ-" at a line end,
"UBND" on the next line) continues the symbol.

    >>> n = parse_number("107/2021/NĐ-CP")
    >>> n.shape.value, n.number, n.year, n.symbol, n.doc_type.value
    ('normative', '107', 2021, 'NĐ-CP', 'Nghị định')
    >>> parse_number("1347/SYT-VP").shape.value
    'công văn'
    >>> parse_number("05-NQ/TU").symbol
    'NQ/TU'
    >>> parse_number("315/SNV-CCHC&VTLT").unit
    'CCHC&VTLT'
    >>> parse_number("107/2021/NĐ").defects
    ('missing_issuer',)
    >>> parse_number("86 /2025/tt-bca").format()
    '86/2025/TT-BCA'
    >>> parse_number("5/KH-SYT").format()
    '05/KH-SYT'
    >>> n = parse_number("0/KH-SYT")
    >>> n.defects, n.format()
    (('zero_number',), '0/KH-SYT')
    >>> parse_number("1291/QĐ-\\n  UBND").symbol
    'QĐ-UBND'
    >>> parse_number("HL7-FHIR")
    Traceback (most recent call last):
    ...
    cchc.errors.ParseError: offset 0: not a document number: 'HL7-FHIR'
"""

from __future__ import annotations

import enum
import functools
import re

import attrs

from cchc._checks import require_text
from cchc.documents._text import normalize
from cchc.documents.types import (
    PARTY_TYPE_ABBREVIATIONS,
    DocumentType,
    type_for_abbreviation,
)
from cchc.errors import ParseError
from cchc.units.issuers import IssuerKind, canonical_abbreviation, issuer

__all__ = ["DocumentNumber", "NumberShape", "parse_number", "scan_number"]

MAX_PARTS = 8
"""At most this many hyphen-joined groups in a symbol (joint TTLT symbols have 4-5)."""

_NUM = re.compile(r"\d{1,6}(?:[a-z](?=[/-]))?")
_YEAR = re.compile(r"(?:19|20)\d\d(?=/)")
_PART = re.compile(r"[^\W\d_](?:[^\W_]|&){0,23}")
_WRAP = re.compile(r"\r?\n[ \t]{0,20}")
"""A line break after a symbol's hyphen, with the next line's indent (bounded)."""
_LAW = re.compile(r"(?:UBTVQH|QH)\d{1,2}", re.IGNORECASE)
_MINOR_TYPES_ALSO_UNITS = frozenset(
    {
        DocumentType.PHIEU_CHUYEN,
        DocumentType.PHIEU_GUI,
        DocumentType.PHIEU_BAO,
        DocumentType.THONG_CAO,
    }
)
"""Type codes that are also common unit codes (PC = Pháp chế): with the word "văn bản"
before them and a known issuer after, the symbol is read as a reversed công văn."""


class NumberShape(enum.StrEnum):
    """The layout of a number and symbol."""

    ADMINISTRATIVE = "administrative"
    CONG_VAN = "công văn"
    NORMATIVE = "normative"
    LAW = "law"
    PARTY = "party"
    CONSOLIDATED = "consolidated"
    ISSUER_ONLY = "issuer only"
    """A one-group symbol without type (``101/CP``, old style or a label such as ``06/CP``)."""


# Enum members read for every citation, looked up once: in Python 3.11 ``Enum.MEMBER`` is a
# descriptor call costing about as much as the small checks that read it.
_SHAPE_ADMINISTRATIVE = NumberShape.ADMINISTRATIVE
_SHAPE_CONG_VAN = NumberShape.CONG_VAN
_SHAPE_NORMATIVE = NumberShape.NORMATIVE
_SHAPE_LAW = NumberShape.LAW
_SHAPE_PARTY = NumberShape.PARTY
_SHAPE_CONSOLIDATED = NumberShape.CONSOLIDATED
_SHAPE_ISSUER_ONLY = NumberShape.ISSUER_ONLY
_CONG_VAN_TYPE = DocumentType.CONG_VAN
_VBHN_TYPE = DocumentType.VAN_BAN_HOP_NHAT
_UNIT = IssuerKind.UNIT


@attrs.frozen
class DocumentNumber:
    """A parsed number and symbol (số, ký hiệu)."""

    number: str | None
    """The number as written ("05", "36a"); ``None`` when left blank in a draft."""
    shape: NumberShape
    year: int | None = None
    """The year segment of normative numbers (``None`` for administrative ones)."""
    type_code: str | None = None
    issuers: tuple[str, ...] = ()
    unit: str | None = None
    written: str = ""
    defects: tuple[str, ...] = ()

    @property
    def doc_type(self) -> DocumentType | None:
        """The type named by the symbol (công văn for the ISSUER-UNIT shape)."""
        if self.shape is _SHAPE_CONG_VAN:
            return _CONG_VAN_TYPE
        return type_for_abbreviation(self.type_code) if self.type_code else None

    @property
    def issuer(self) -> str | None:
        """The issuer group(s), hyphen-joined for joint documents ("BTP-BCA-BYT")."""
        return "-".join(self.issuers) or None

    @property
    def symbol(self) -> str:
        """The symbol without number and year: "KH-SYT", "SYT-VP", "NĐ-CP", "NQ/TU"."""
        if self.shape is _SHAPE_PARTY:
            return f"{self.type_code}/{self.issuer or ''}"
        if self.shape is _SHAPE_CONG_VAN and "reversed_issuer_unit" in self.defects:
            return _hyphenated(self.unit, self.issuer)
        return self.canonical_symbol

    @property
    def canonical_symbol(self) -> str:
        """The symbol in the order the rules prescribe ("SYT-PC" for a reversed "PC-SYT")."""
        if self.shape is _SHAPE_PARTY:
            return f"{self.type_code}/{self.issuer or ''}"
        if self.shape is _SHAPE_CONG_VAN:
            return _hyphenated(self.issuer, self.unit)
        return _hyphenated(self.type_code, self.issuer)

    def format(self, *, pad: bool = True) -> str:
        """The number and symbol in canonical case and spacing, groups in written order.

        ``pad`` gives numbers below 10 a leading zero (Phụ lục I II.3.c).
        """
        num = self.number or ""
        if pad and num.isdigit() and len(num) == 1 and num != "0":
            num = "0" + num
        if self.shape is _SHAPE_PARTY:
            return f"{num}-{self.symbol}"
        year = f"{self.year}/" if self.year is not None else ""
        return f"{num}/{year}{self.symbol}"

    def key(self) -> tuple[str, str, int | None]:
        """(number without leading zeros, symbol case-folded, number year)."""
        return ((self.number or "").lstrip("0"), self.symbol.casefold(), self.year)


def _hyphenated(a: str | None, b: str | None) -> str:
    """``a-b``, or the one of them given, or ""."""
    return f"{a}-{b}" if a and b else a or b or ""


@functools.lru_cache(maxsize=4096)
def _canonical(part: str) -> str:
    """The usual spelling of a symbol group: a type's abbreviation, else an issuer's
    (both from bundled tables; kept for the parts seen, as they recur in a text)."""
    t = type_for_abbreviation(part)
    return t.abbreviation if t is not None and t.abbreviation else canonical_abbreviation(part)


def _canon_part(part: str, defects: list[str]) -> str:
    canon = _canonical(part)
    if canon != part and "case" not in defects:
        defects.append("case")
    return canon


def scan_number(
    text: str, pos: int, *, generic_word: bool = False, blank_number: bool = False
) -> DocumentNumber | None:
    """Read a number and symbol starting exactly at ``pos`` of an NFC text.

    Returns ``None`` when none starts there. The end offset is
    ``pos + len(result.written)``. ``generic_word`` says the text before was
    "văn bản"/"công văn", which allows reading ``177/PC-SYT`` as a công văn
    with issuer and unit reversed. With ``blank_number`` the text at ``pos``
    starts with the "/" of a draft's blank number ("Số: /SYT-VP"). Work is
    bounded by the symbol length (at most ``MAX_PARTS`` groups of 24
    characters), so scanning is linear.
    """
    number: str | None = None
    i = pos
    n = len(text)
    defects: list[str] = []
    if not blank_number:
        m = _NUM.match(text, pos)
        if m is None:
            return None
        number = m.group(0)
        i = m.end()
        if i < n and text[i] == "-":
            return _scan_party(text, pos, i + 1, number)
    if i + 1 < n and text[i] == " " and text[i + 1] == "/":
        defects.append("space_in_symbol")
        i += 1
    if i >= n or text[i] != "/":
        return None
    i += 1
    year: int | None = None
    ym = _YEAR.match(text, i)
    if ym is not None:
        year = int(ym.group(0))
        i = ym.end() + 1
    parts: list[str] = []
    while len(parts) < MAX_PARTS:
        pm = _PART.match(text, i)
        if pm is None:
            if parts and text[i - 1] == "-":
                i -= 1  # a trailing hyphen is not part of the symbol
            break
        parts.append(pm.group(0))
        i = pm.end()
        if i < n and text[i] == "-":
            i += 1
            if i < n and text[i] == " " and _PART.match(text, i + 1):
                defects.append("space_in_symbol")
                i += 1
            else:
                wrap = _WRAP.match(text, i)
                nxt = _PART.match(text, wrap.end()) if wrap is not None else None
                if wrap is not None and nxt is not None and nxt.group(0)[:2].isupper():
                    i = wrap.end()  # "QĐ-" at a line end, "UBND" (capitals) on the next line
            continue
        if (
            i + 1 < n
            and text[i] == "/"
            and year is not None
            and len(parts) == 1
            and type_for_abbreviation(parts[0]) is not None
            and _PART.match(text, i + 1)
        ):
            defects.append("slash_in_symbol")
            i += 1
            continue
        break
    if not parts:
        return None
    if i < n and (text[i] == "/" or text[i].isalnum()):
        return None  # a path, a URL or an over-long group: not a document number
    written = text[pos:i]
    if number is not None and not number.strip("0"):
        defects.append("zero_number")  # numbering starts at 01 (NĐ 30/2020 Điều 15 khoản 1)
    return _classify(number, year, parts, written, defects, generic_word)


def _classify(
    number: str | None,
    year: int | None,
    parts: list[str],
    written: str,
    defects: list[str],
    generic_word: bool,
) -> DocumentNumber:
    def made(
        shape: NumberShape,
        type_code: str | None,
        issuers: tuple[str, ...],
        unit: str | None = None,
        *,
        with_year: bool = False,
    ) -> DocumentNumber:
        # The parts are canonicalised (adding defects) before this call reads ``defects``.
        kept_year = year if with_year else None
        return DocumentNumber(
            number, shape, kept_year, type_code, issuers, unit, written, tuple(defects)
        )

    def canon(chosen: list[str]) -> tuple[str, ...]:
        return tuple([_canon_part(p, defects) for p in chosen])

    first = type_for_abbreviation(parts[0])
    if year is not None:
        if len(parts) == 1 and _LAW.fullmatch(parts[0]):
            return made(_SHAPE_LAW, None, canon(parts), with_year=True)
        if first is None:
            defects.append("unknown_type")
            return made(_SHAPE_NORMATIVE, None, canon(parts), with_year=True)
        if len(parts) == 1:
            defects.append("missing_issuer")
        type_code = _canon_part(parts[0], defects)
        return made(_SHAPE_NORMATIVE, type_code, canon(parts[1:]), with_year=True)
    if first is _VBHN_TYPE:
        return made(_SHAPE_CONSOLIDATED, "VBHN", canon(parts[1:]))
    if first is not None:
        if generic_word and first in _MINOR_TYPES_ALSO_UNITS and len(parts) == 2:
            known = issuer(parts[1])
            if known is not None and known.kind is not _UNIT:
                defects.append("reversed_issuer_unit")
                issuers = canon(parts[1:])
                return made(_SHAPE_CONG_VAN, None, issuers, _canon_part(parts[0], defects))
        if len(parts) == 1:
            defects.append("missing_issuer")
        type_code = _canon_part(parts[0], defects)
        return made(_SHAPE_ADMINISTRATIVE, type_code, canon(parts[1:]))
    if len(parts) == 1:
        issuers = canon(parts)
        defects.append("single_part_symbol")
        return made(_SHAPE_ISSUER_ONLY, None, issuers)
    issuers = canon(parts[:1])
    return made(_SHAPE_CONG_VAN, None, issuers, "-".join(canon(parts[1:])))


def _scan_party(text: str, pos: int, i: int, number: str) -> DocumentNumber | None:
    tm = _PART.match(text, i)
    if tm is None or tm.group(0).upper() not in PARTY_TYPE_ABBREVIATIONS:
        return None
    j = tm.end()
    if j >= len(text) or text[j] != "/":
        return None
    im = _PART.match(text, j + 1)
    if im is None:
        return None
    end = im.end()
    if end < len(text) and (text[end] in "/-" and _PART.match(text, end + 1)):
        return None
    defects: list[str] = []
    type_code = _canon_part(tm.group(0), defects)
    iss = im.group(0).upper()
    if iss != im.group(0):
        defects.append("case")
    if not number.strip("0"):
        defects.append("zero_number")
    return DocumentNumber(
        number, _SHAPE_PARTY, None, type_code, (iss,), None, text[pos:end], tuple(defects)
    )


def parse_number(text: str) -> DocumentNumber:
    """Parse a whole string as a number and symbol.

    Raises:
        ParseError: the string is not (only) a document number; ``offset`` says where.
        ValidationError: ``text`` is not a ``str`` (``field="text"``).
    """
    norm = normalize(require_text(text, field="text").strip()).text
    found = scan_number(norm, 0)
    if found is None:
        raise ParseError(f"not a document number: {text!r}", offset=0)
    if len(found.written) != len(norm):
        raise ParseError(
            f"unexpected text after the document number: {norm[len(found.written) :]!r}",
            offset=len(found.written),
        )
    return found
