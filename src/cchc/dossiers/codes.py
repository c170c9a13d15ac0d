"""Dossier codes (mã số hồ sơ thủ tục hành chính).

Rule: Thông tư 01/2018/TT-VPCP Art 19(1) (from 06/01/2019) gives the format
``V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX``:

* the identifier code of the receiving authority, per Thông tư 10/2016/TT-BTTTT
  (dot-separated groups of letters and digits, e.g. ``H15.50.05.13``);
* ``YYMMDD``: the receipt date (last two digits of the year, month, day);
* ``XXXX``: the sequence number of the dossier within that day.

Nghị định 61/2018 Art 26 and Nghị định 118/2025 Art 28 say the same in words
(authority code + receipt date + daily sequence). Dossiers synced from ministry
portals carry 6-7 digit sequences (secondary source: the 766 dashboard
collector's changelog), so any sequence of 4 to 10 digits is accepted.

    >>> c = parse_dossier_code("H15.50.05.13-261008-0975")
    >>> c.agency, c.received_on.isoformat(), c.sequence
    ('H15.50.05.13', '2026-10-08', 975)
    >>> parse_dossier_code("G01.100-250124-1234567").sequence
    1234567
    >>> str(make_dossier_code("H15.50", date(2025, 1, 24), 7))
    'H15.50-250124-0007'
    >>> parse_dossier_code("H15.50-250230-0001")
    Traceback (most recent call last):
    ...
    cchc.errors.ParseError: offset 7: not a date (YYMMDD): '250230'

**Regimes by the receipt date** (:func:`code_regime`, :func:`check_dossier_code`):

* from 21/6/2018, Nghị định 61/2018 Art 26 says the parts in words and sets no
  string format: any code is accepted until TT 01/2018 applies;
* from 06/01/2019, Thông tư 01/2018/TT-VPCP Art 19 (the format above);
* from 01/7/2025, Nghị định 118/2025 Art 28(2): the same parts (for a liên thông
  group, the receiving desk's identifier in person or the national portal's
  online). The string format of Thông tư 03/2025/TT-VPCP was not read, so TT
  01/2018's is still checked (registry ``TT03-2025`` is secondary and says so);
  Thông tư 04/2025/TT-VPCP's format for centralised services was not found
  (registry ``TT04-2025-VPCP``): nothing of it is encoded.

Under every regime the code's date is the receipt date: a code whose YYMMDD is
another day is a ``code-date`` finding (a warning: a code is issued by the
receiving system, which may date it by its own receipt).

    >>> code_regime(date(2026, 1, 5)).key
    'ND118-2025'
    >>> [f.code for f in check_dossier_code("H15.50-250124-0007", date(2025, 1, 25))]
    ['code-date']
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from cchc.errors import ParseError
from cchc.findings import Finding, Severity

__all__ = [
    "CODE_PATTERN",
    "CODE_REGIMES",
    "CodeRegime",
    "DossierCode",
    "check_dossier_code",
    "code_regime",
    "is_valid_dossier_code",
    "make_dossier_code",
    "parse_dossier_code",
    "validate_dossier_code",
]

_AGENCY = r"[A-Z0-9]+(?:\.[A-Z0-9]+)*"
CODE_PATTERN = rf"^(?P<agency>{_AGENCY})-(?P<date>\d{{6}})-(?P<seq>\d{{4,10}})$"
"""The one pattern of a (normalised, upper-case) dossier code, with groups ``agency``,
``date`` (YYMMDD, year 2000 + YY) and ``seq``; the column loaders use it too."""
_CODE_RE = re.compile(CODE_PATTERN)
MIN_SEQUENCE_DIGITS = 4
"""TT 01/2018 Art 19: ``XXXX`` (four digits); longer ones are accepted."""


@attrs.frozen
class DossierCode:
    """A parsed dossier code."""

    agency: str
    """Mã định danh of the receiving / deciding authority (TT 10/2016/TT-BTTTT)."""
    received_on: date
    """Receipt date encoded as YYMMDD."""
    sequence: int
    """Số thứ tự hồ sơ trong ngày."""
    width: int = MIN_SEQUENCE_DIGITS
    """Number of digits of the sequence as written."""

    def __str__(self) -> str:
        return f"{self.agency}-{self.received_on:%y%m%d}-{self.sequence:0{self.width}d}"


def parse_dossier_code(text: str) -> DossierCode:
    """Parse a dossier code (surrounding spaces ignored, letters upper-cased).

    Raises:
        ParseError: the code does not follow TT 01/2018 Art 19; ``offset``
            points at the faulty part.
    """
    norm = text.strip().upper()
    m = _CODE_RE.match(norm)
    if m is None:
        raise ParseError(
            f"not a dossier code (TT 01/2018/TT-VPCP Art 19 AGENCY-YYMMDD-XXXX): {text!r}",
            offset=_first_bad_offset(norm),
        )
    ymd = m.group("date")
    try:
        day = date(2000 + int(ymd[:2]), int(ymd[2:4]), int(ymd[4:]))
    except ValueError:
        raise ParseError(f"not a date (YYMMDD): {ymd!r}", offset=m.start("date")) from None
    seq = m.group("seq")
    return DossierCode(agency=m.group("agency"), received_on=day, sequence=int(seq), width=len(seq))


def _first_bad_offset(norm: str) -> int:
    parts = norm.split("-")
    if len(parts) != 3 or not re.fullmatch(_AGENCY, parts[0]):
        bad = re.match(_AGENCY, norm)
        return bad.end() if bad else 0
    if not re.fullmatch(r"\d{6}", parts[1]):
        return len(parts[0]) + 1
    return len(parts[0]) + len(parts[1]) + 2


def validate_dossier_code(text: str) -> str:
    """Return the normalised code, or raise :class:`~cchc.errors.ParseError`."""
    return str(parse_dossier_code(text))


def is_valid_dossier_code(text: str) -> bool:
    """Whether ``text`` is a well-formed dossier code.

    >>> is_valid_dossier_code("H15.50.05.13-261008-0975"), is_valid_dossier_code("H15-2610-1")
    (True, False)
    """
    try:
        parse_dossier_code(text)
    except ParseError:
        return False
    return True


def make_dossier_code(agency: str, received_on: date, sequence: int, width: int = 4) -> DossierCode:
    """Build a dossier code for the ``sequence``-th dossier received on ``received_on``.

    Raises:
        ParseError: a bad agency code, a sequence < 1 or one too long for ``width``.
    """
    ag = agency.strip().upper()
    if not re.fullmatch(_AGENCY, ag):
        raise ParseError(f"not an agency identifier code: {agency!r}", field="agency")
    if sequence < 1 or len(str(sequence)) > max(width, 10) or width < MIN_SEQUENCE_DIGITS:
        raise ParseError(f"bad sequence {sequence} for width {width}", field="sequence")
    return DossierCode(agency=ag, received_on=received_on, sequence=sequence, width=width)


@attrs.frozen
class CodeRegime:
    """The rule for dossier codes in force from ``start`` (a code is judged by its receipt day)."""

    key: str
    """Name of the regime (the text that sets it)."""
    sources: tuple[str, ...]
    """Registry keys of the texts read."""
    start: date
    """First receipt day it applies to."""
    format_checked: bool
    """Whether codes must follow TT 01/2018 Art 19's string format."""
    note: str
    """What the text says and what was not read."""


CODE_REGIMES: tuple[CodeRegime, ...] = (
    CodeRegime(
        "ND61-2018",
        ("ND61-2018",),
        date(2018, 6, 21),
        False,
        "Art 26: authority identifier + receipt date + daily sequence, in words; no format",
    ),
    CodeRegime(
        "TT01-2018",
        ("TT01-2018",),
        date(2019, 1, 6),
        True,
        "Art 19: AGENCY-YYMMDD-XXXX",
    ),
    CodeRegime(
        "ND118-2025",
        ("ND118-2025", "TT01-2018"),
        date(2025, 7, 1),
        True,
        "Art 28(2): the same parts; a liên thông group uses the receiving desk's identifier "
        "(in person) or the national portal's (online). TT 03/2025/TT-VPCP's string format "
        "was not read: TT 01/2018 Art 19's is checked. TT 04/2025/TT-VPCP's format for "
        "centralised services was not found: not encoded.",
    ),
)
"""The regimes, oldest first (rule data: each cites the registry keys it was read in)."""


def code_regime(on: date) -> CodeRegime | None:
    """The regime in force on the receipt day ``on`` (None before 21/6/2018: no rule)."""
    found = None
    for regime in CODE_REGIMES:
        if regime.start <= on:
            found = regime
    return found


def check_dossier_code(text: str, received_on: date) -> list[Finding]:
    """Findings of a dossier code against the regime of its receipt day.

    ``code-format`` (error): the regime checks TT 01/2018 Art 19's format and the
    code does not follow it; ``code-date`` (warning): the code's YYMMDD is not the
    receipt day. A regime without a format accepts any code.
    """
    regime = code_regime(received_on)
    try:
        parsed = parse_dossier_code(text)
    except ParseError as exc:
        if regime is None or not regime.format_checked:
            return []
        return [
            Finding(
                code="code-format",
                severity=Severity.ERROR,
                message=f"{exc.message} (regime {regime.key})",
                message_vi=f"Mã số hồ sơ không đúng cấu trúc ({regime.key}): {text!r}",
                field="code",
            )
        ]
    if parsed.received_on != received_on:
        return [
            Finding(
                code="code-date",
                severity=Severity.WARNING,
                message=f"the code is dated {parsed.received_on.isoformat()}, the dossier "
                f"was received on {received_on.isoformat()}",
                message_vi=f"Mã số hồ sơ ghi ngày {parsed.received_on:%d/%m/%Y}, hồ sơ tiếp "
                f"nhận ngày {received_on:%d/%m/%Y}",
                field="code",
            )
        ]
    return []
