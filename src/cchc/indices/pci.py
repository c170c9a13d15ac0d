"""PCI — Chỉ số năng lực cạnh tranh cấp tỉnh (Provincial Competitiveness Index, VCCI).

Ten sub-indices (chỉ số thành phần), each on a 10-point scale, and a composite that is their
weighted mean on a 100-point scale (pcivietnam.vn, PCI methodology: "calibrate the composite as
the weighted mean of the ten sub-indices, max 100"):

    composite = Σ wᵢ × sub-indexᵢ / 10        (weights wᵢ in %, Σ wᵢ = 100)

Weights 2013–2021 (VCCI, Sổ tay PCI 2016, read in a secondary copy; the last one by difference):
entry costs 5, land access 5, transparency 20, time costs 5, informal charges 10, equal
competition 5, proactivity 5, business support 20, labour training 20, legal institutions 5.
They live in the bundled framework ``pci-2013``; :func:`composite` scores through it, so the
generic engine and this entry point give one answer. The composite is rounded to 2 decimals,
half up, as published. Published composites are reproduced within their rounding (see
:func:`rounding_tolerance`) for every row held: 2013–2016 (Tiền Giang, Đồng Tháp) and 2019
(22 provinces).

Weights before 2013 (nine sub-indices) and from 2022 on: UNCONFIRMED. Asking for such a year
raises :class:`cchc.errors.RuleNotInForceError` unless ``assume_latest=True``.

>>> from decimal import Decimal
>>> quang_ninh_2019 = {"entry_costs": "7.16", "land_access": "7.00", "transparency": "7.20",
...     "time_costs": "7.89", "informal_charges": "7.10", "equal_competition": "7.69",
...     "proactivity": "7.96", "business_support": "6.68", "labour_training": "7.95",
...     "legal_institutions": "7.58"}
>>> composite(quang_ninh_2019, 2019)   # published: 73.40
Decimal('73.40')
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from cchc._deprecation import deprecated_alias
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices.framework import Framework
from cchc.indices.loader import get_framework
from cchc.indices.rules import as_decimal, as_year
from cchc.indices.scoring import score
from cchc.legal import in_force_in_year

__all__ = [
    "SUBINDICES",
    "composite",
    "framework_for_year",
    "framework_in_force",
    "rounding_tolerance",
    "weights",
]

SUBINDICES: tuple[str, ...] = (
    "entry_costs",
    "land_access",
    "transparency",
    "time_costs",
    "informal_charges",
    "equal_competition",
    "proactivity",
    "business_support",
    "labour_training",
    "legal_institutions",
)
"""The ten sub-index keys, in VCCI's standard order."""

_FRAMEWORKS = ("pci-2013",)


def framework_in_force(year: int, *, assume_latest: bool = False) -> Framework:
    """The PCI framework (weights) used for a survey year.

    Raises:
        RuleNotInForceError: no confirmed weights for ``year`` (before 2013, or after 2021
            unless ``assume_latest`` asks for the 2013–2021 weights as an assumption).
    """
    year = as_year(year)
    frameworks = [get_framework(f) for f in _FRAMEWORKS]
    dated = [v for v in (fw.dated() for fw in frameworks) if v is not None]
    found = in_force_in_year(dated, year)
    if found is not None:
        return found
    latest = max(frameworks, key=lambda f: f.years[1] if f.years else 0)
    if assume_latest and latest.years is not None and year > latest.years[1]:
        return latest
    raise RuleNotInForceError(
        f"PCI weights for {year} are not confirmed (known: "
        + ", ".join(f"{f.years[0]}-{f.years[1]}" for f in frameworks if f.years)
        + "); pass assume_latest=True to use the latest known weights as an assumption",
        field="year",
    )


def weights(year: int, *, assume_latest: bool = False) -> dict[str, Decimal]:
    """The weight (%) of each sub-index for ``year``."""
    fw = framework_in_force(year, assume_latest=assume_latest)
    return {a.id: a.weight or Decimal(0) for a in fw.areas}


def _clean(subindices: Mapping[str, object]) -> dict[str, Decimal]:
    missing = [k for k in SUBINDICES if k not in subindices]
    if missing:
        raise ValidationError(f"missing sub-indices: {', '.join(missing)}", field=missing[0])
    extra = sorted(set(subindices) - set(SUBINDICES))
    if extra:
        raise ValidationError(f"unknown sub-indices: {', '.join(extra)}", field=extra[0])
    out: dict[str, Decimal] = {}
    for key in SUBINDICES:
        value = as_decimal(subindices[key], field=key)
        if not Decimal(0) <= value <= Decimal(10):
            raise ValidationError(f"sub-index {value} outside the 0-10 scale", field=key)
        out[key] = value
    return out


def composite(
    subindices: Mapping[str, object], year: int, *, assume_latest: bool = False
) -> Decimal:
    """The PCI composite (0–100, 2 decimals half up) of ten sub-indices for a survey year.

    Args:
        subindices: a mapping with the ten keys of :data:`SUBINDICES`, values on 0–10
            (Decimal, int, str; floats go through their shortest text form).
        year: the PCI edition (survey year).
        assume_latest: for years after the last confirmed weights, use them anyway.

    Raises:
        ValidationError: a key is missing or unknown, a value is not a finite number on the
            0–10 scale, or ``year`` is not an ``int`` ('2019' and 2019.5 are refused).
        RuleNotInForceError: no confirmed weights for ``year``.
    """
    fw = framework_in_force(year, assume_latest=assume_latest)
    values = _clean(subindices)
    return score(fw, values).index_percent


def rounding_tolerance(subindices: Mapping[str, object], year: int) -> Decimal:
    """How far a published composite may lie from :func:`composite` through rounding alone.

    Each published sub-index is rounded to its printed decimals (± half a unit of its last
    place), which moves the composite by up to Σ wᵢ × ½ulpᵢ / 10; the composite itself is
    rounded to 2 decimals (± 0.005). For 2-decimal inputs the bound is 0.055.

    >>> row = dict.fromkeys(SUBINDICES, "7.00")
    >>> rounding_tolerance(row, 2019)
    Decimal('0.055')
    """
    values = _clean(subindices)
    w = weights(year, assume_latest=True)
    half_ulp = {k: Decimal(1).scaleb(int(v.as_tuple().exponent)) / 2 for k, v in values.items()}
    spread = sum((w[k] * half_ulp[k] for k in SUBINDICES), Decimal(0)) / 10
    return spread + Decimal("0.005")


framework_for_year = deprecated_alias(framework_in_force, "framework_for_year", __name__)
"""Deprecated name of :func:`framework_in_force` (one verb, ``in_force``, for dated look-ups)."""
