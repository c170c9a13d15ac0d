"""Administrative units and issuers over time (đơn vị hành chính, cơ quan ban hành).

* :mod:`cchc.units.provinces`: the 63 provinces before and the 34 after the
  1/7/2025 reorganisation (Nghị quyết 202/2025/QH15), with codes, merges and
  lookup by name (with or without diacritics) or code on a date.
* :mod:`cchc.units.communes`: the 3,321 commune-level units (xã, phường, đặc khu)
  from 1/7/2025 with their codes, looked up by new or former name or code, and the
  former communes each went into (:func:`commune`, :func:`commune_successors`).
* :mod:`cchc.units.issuers`: issuer and unit abbreviations used in document
  symbols (UBND, SYT, SNV, VPUB, BNV, TTg, CP...).

    >>> from datetime import date
    >>> lookup("Ba Ria - Vung Tau", on=date(2022, 3, 31)).code
    '77'
    >>> successor("77").name
    'Thành phố Hồ Chí Minh'
"""

from __future__ import annotations

from typing import Any

from cchc.legal import source_aliases
from cchc.units.communes import (
    Commune,
    CommuneKind,
    FormerCommune,
    commune,
    communes,
    former_commune,
)
from cchc.units.communes import predecessors as commune_predecessors
from cchc.units.communes import successors as commune_successors
from cchc.units.issuers import Issuer, IssuerKind, canonical_abbreviation, issuer, issuers
from cchc.units.provinces import (
    _ALIASES_TO_KEYS,
    REORGANISATION_DATE,
    TABLE_START,
    Province,
    ProvinceKind,
    fold,
    lookup,
    predecessors,
    provinces,
    successor,
)

__all__ = [
    "ISSUERS",
    "REORGANISATION_DATE",
    "TABLE_START",
    "Commune",
    "CommuneKind",
    "FormerCommune",
    "Issuer",
    "IssuerKind",
    "Province",
    "ProvinceKind",
    "canonical_abbreviation",
    "commune",
    "commune_predecessors",
    "commune_successors",
    "communes",
    "fold",
    "former_commune",
    "issuer",
    "issuers",
    "lookup",
    "predecessors",
    "provinces",
    "successor",
]

_source_alias = source_aliases(__name__, _ALIASES_TO_KEYS)


def __getattr__(name: str) -> Any:
    """``ISSUERS`` (:func:`issuers`) and ``NQ_15_2008`` ... ``NQ_30_2026`` (lazy aliases
    of the registry rows, see :mod:`cchc.units.provinces`), read on first use."""
    if name == "ISSUERS":
        return issuers()
    return _source_alias(name)
