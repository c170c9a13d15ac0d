"""Validation of a number and symbol against the layout rules (thể thức số, ký hiệu).

NĐ 30/2020/NĐ-CP Phụ lục I II.3: Arabic digits with a leading zero below 10,
"/" between number and symbol and "-" between the groups of the symbol, no
spaces, capitals (only QyĐ, CTr, TTr, TrS and the issuer TTg are mixed case);
a typed symbol is TYPE-ISSUER and a công văn symbol ISSUER-UNIT. Luật
80/2015/QH13 Điều 10 adds the year segment of VBQPPL. :func:`parse_number`
reads damaged numbers leniently; :func:`validate_number` rejects them.
"""

from __future__ import annotations

from cchc.documents.number import DocumentNumber, parse_number
from cchc.errors import ParseError, ValidationError

__all__ = ["is_valid_number", "validate_number"]

_DEFECT_TEXT = {
    "missing_issuer": "the symbol lacks the issuer part",
    "reversed_issuer_unit": "a công văn symbol is ISSUER-UNIT, not UNIT-ISSUER",
    "space_in_symbol": "no spaces are allowed in a number and symbol",
    "slash_in_symbol": "groups of a symbol are joined by '-', not '/'",
    "case": "the symbol is written in capitals (mixed case only in QyĐ, CTr, TTr, TrS, TTg)",
    "unknown_type": "the group after the year is not a known type abbreviation",
    "single_part_symbol": "a symbol has at least two groups (TYPE-ISSUER or ISSUER-UNIT)",
    "zero_number": "numbers start at 01 each year (NĐ 30/2020/NĐ-CP Điều 15 khoản 1), not 0",
}


def validate_number(text: str) -> DocumentNumber:
    """Parse ``text`` and require it to follow the rules exactly.

    Rules: NĐ 30/2020/NĐ-CP Phụ lục I II.3 (leading zero below 10, "/" then
    "-", capitals, no spaces) and Luật 80/2015/QH13 Điều 10.

    >>> validate_number("05/KH-SYT").format()
    '05/KH-SYT'
    >>> validate_number("5/KH-SYT")
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field number: number 5 must be written 05
    >>> is_valid_number("107/2021/NĐ"), is_valid_number("107/2021/NĐ-CP")
    (False, True)

    Raises:
        ParseError: not a document number at all.
        ValidationError: a number with defects; the message lists them.
    """
    found = parse_number(text)
    problems = [_DEFECT_TEXT.get(d, d) for d in found.defects]
    if problems:
        field = "number" if found.defects == ("zero_number",) else "symbol"
        raise ValidationError("; ".join(problems), field=field)
    if found.number is not None and found.number.isdigit() and len(found.number) == 1:
        raise ValidationError(
            f"number {found.number} must be written 0{found.number}", field="number"
        )
    return found


def is_valid_number(text: str) -> bool:
    """Whether ``text`` is a number and symbol that follows the rules exactly."""
    try:
        validate_number(text)
    except (ParseError, ValidationError):
        return False
    return True
