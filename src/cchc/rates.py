"""Rates and rounding (tỷ lệ, làm tròn), written once for plans, reporting, indices, dossiers.

A rate is a percentage, ``100 * part / whole``, rounded half-up (làm tròn nửa
lên, as official reports and the 766 portal print figures) to ``places`` decimals.

**The zero-total rule.** A rate of a total of 0 (``0/0``, or ``n/0``) is
``None`` — "no data" (không có số liệu) — never 0 % and never 100 %: no dossier
received is not "all late", no task planned is not "all done". Callers that
need a number must handle ``None`` (show "—", or refuse, as
:func:`cchc.plans.percent` does). A negative total is an error.

    >>> rate(635_593, 643_272)
    Decimal('98.81')
    >>> rate(43_434, 61_827, places=1)
    Decimal('70.3')
    >>> rate(0, 0) is None
    True
    >>> round_half_up(Decimal("2.345"), 2)
    Decimal('2.35')
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from cchc.errors import ValidationError

__all__ = ["rate", "round_half_up"]


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """``value`` rounded half-up to ``places`` decimals."""
    return value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def rate(part: Decimal | int, whole: Decimal | int, places: int = 2) -> Decimal | None:
    """``100 * part / whole`` rounded half-up to ``places`` decimals; ``None`` when ``whole`` is 0.

    Raises:
        ValidationError: ``whole`` is negative (``field="whole"``).
    """
    if whole < 0:
        raise ValidationError(f"no rate of a negative total {whole}", field="whole")
    if whole == 0:
        return None
    return round_half_up(Decimal(100) * Decimal(part) / Decimal(whole), places)
