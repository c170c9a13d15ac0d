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
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from cchc.errors import ParseError

__all__ = [
    "CODE_PATTERN",
    "DossierCode",
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
