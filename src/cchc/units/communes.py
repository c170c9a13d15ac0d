"""Commune-level units after the 1/7/2025 reorganisation (đơn vị hành chính cấp xã).

From **1/7/2025** local government has two levels, tỉnh and xã: the district
level (cấp huyện) is no longer organised (Luật Tổ chức chính quyền địa phương
72/2025/QH15 Điều 51 khoản 3, as quoted in secondary sources) and the 10,047
communes of the 63 provinces were rearranged into **3,321** xã, phường and đặc
khu by 34 resolutions of the Ủy ban Thường vụ Quốc hội (1654 to 1687/NQ-UBTVQH15,
16/6/2025), whose new communes operate from 1/7/2025.

Two bundled tables, built by ``tools/build_communes.py``:

* ``data/communes_2025.csv``: the 3,321 communes with the 5-digit codes of Công
  văn 1027/CTK-CSCL Phụ lục I (read in a transcription of the official annex,
  registry row ``CV1027-2025-CTK``; the same codes are those of Quyết định
  19/2025/QĐ-TTg) and their province (new province codes);
* ``data/communes_2025_former.csv``: each former commune (code, name, old
  province code) and the new communes it went into, from the public mapping of
  GitHub dvhcvn/20250701 (row ``DVHCVN-2025-MAP``, **secondary**: derived from the
  34 resolutions, not an official table). A commune split between several new
  ones lists them all.

Names are looked up with or without diacritics and with or without the
"Xã/Phường/Đặc khu" prefix; a name shared by communes of several provinces
needs ``province=``::

    >>> from datetime import date, timedelta
    >>> commune("Phường Ba Đình", on=date(2025, 7, 1)).code
    '00004'
    >>> commune("ba dinh", province="Hà Nội", on=date(2026, 1, 1)).name
    'Phường Ba Đình'
    >>> [c.name for c in successors("Phường Trúc Bạch", province="Hà Nội")]
    ['Phường Ba Đình']
    >>> len(communes(date(2025, 7, 1))), len(communes(date(2025, 7, 1), province="79"))
    (3321, 168)
"""

from __future__ import annotations

import csv
import enum
import functools
import io
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeVar

import attrs

from cchc._checks import require_text
from cchc._data import read_text
from cchc.errors import DataFileError, RuleNotInForceError, ValidationError
from cchc.legal import source_aliases, sources
from cchc.tz import as_date
from cchc.units.provinces import REORGANISATION_DATE, fold, lookup

__all__ = [
    "Commune",
    "CommuneKind",
    "FormerCommune",
    "commune",
    "communes",
    "former_commune",
    "predecessors",
    "successors",
]

_ALIASES_TO_KEYS = {
    "LUAT_72_2025": "LUAT72-2025",
    "ND_150_2025": "ND150-2025",
    "CV_1027_2025": "CV1027-2025-CTK",
    "MAPPING_2025": "DVHCVN-2025-MAP",
}
__getattr__ = source_aliases(__name__, _ALIASES_TO_KEYS)
"""The texts behind the tables, as lazy aliases of their registry rows: ``LUAT_72_2025``
(two-level local government from 1/7/2025), ``ND_150_2025`` (the commune-level specialised
bodies), ``CV_1027_2025`` (the list and codes) and ``MAPPING_2025`` (former -> new)."""

_BEFORE = REORGANISATION_DATE
_PREFIXES = ("dac khu ", "phuong ", "xa ", "thi tran ")


class CommuneKind(enum.StrEnum):
    """Kind of commune-level unit after 1/7/2025."""

    XA = "xã"
    """Rural commune (xã)."""
    PHUONG = "phường"
    """Urban ward (phường)."""
    DAC_KHU = "đặc khu"
    """Special zone (đặc khu), the island units."""


@attrs.frozen
class Commune:
    """A commune-level unit in force from 1/7/2025 (``valid_to`` ``None``: still in force)."""

    code: str
    name: str
    kind: CommuneKind
    province_code: str
    sources: tuple[str, ...]
    valid_from: date = REORGANISATION_DATE
    valid_to: date | None = None


@attrs.frozen
class FormerCommune:
    """A commune of the 63 provinces, in force until 30/6/2025, and where it went."""

    code: str
    name: str
    province_code: str
    successor_codes: tuple[str, ...]
    sources: tuple[str, ...]
    valid_to: date = REORGANISATION_DATE


def _key(name: str) -> str:
    key = fold(name).replace("\u2013", "-")
    key = " ".join(key.replace("-", " - ").split())
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _rows(file: str) -> Iterable[tuple[int, dict[str, str]]]:
    known = sources()
    reader = csv.DictReader(io.StringIO(read_text("cchc.units", "data", file)))
    for row_no, row in enumerate(reader, start=2):
        for key in row["sources"].split(";"):
            if key not in known:
                raise DataFileError(
                    f"unknown source key {key!r}", row=row_no, field="sources", source=file
                )
        yield row_no, row


@functools.cache
def _new() -> tuple[Commune, ...]:
    return tuple(
        Commune(
            row["code"],
            row["name"],
            CommuneKind(row["kind"]),
            row["province_code"],
            tuple(row["sources"].split(";")),
        )
        for _, row in _rows("communes_2025.csv")
    )


@functools.cache
def _former() -> tuple[FormerCommune, ...]:
    new_codes = {c.code for c in _new()}
    out = []
    for row_no, row in _rows("communes_2025_former.csv"):
        heirs = tuple(row["successor_codes"].split(";"))
        if not set(heirs) <= new_codes:
            raise DataFileError(
                f"successor codes {heirs} not in communes_2025.csv",
                row=row_no,
                field="successor_codes",
                source="communes_2025_former.csv",
            )
        out.append(
            FormerCommune(
                row["code"],
                row["name"],
                row["province_code"],
                heirs,
                tuple(row["sources"].split(";")),
            )
        )
    return tuple(out)


def _province_code(province: str | None, day: date) -> str | None:
    return None if province is None else lookup(province, on=day).code


def communes(on: date, *, province: str | None = None) -> tuple[Commune, ...]:
    """The commune-level units in force on ``on`` (3,321 from 1/7/2025), optionally of one
    province (name or code, as :func:`cchc.units.lookup` reads it on ``on``).

    Raises:
        RuleNotInForceError: ``on`` is before 1/7/2025: the pre-reform communes are bundled
            only as the starting point of the mapping (:func:`former_commune`).
    """
    day = as_date(on, field="on")
    if day < _BEFORE:
        raise RuleNotInForceError(
            f"the commune list covers {_BEFORE.isoformat()} onwards (Công văn 1027/CTK-CSCL, "
            f"QĐ 19/2025/QĐ-TTg); for {day.isoformat()} use former_commune()",
            field="on",
        )
    code = _province_code(province, day)
    return tuple(c for c in _new() if code is None or c.province_code == code)


_U = TypeVar("_U", Commune, FormerCommune)


def _match(pool: Iterable[_U], wanted: str) -> list[_U]:
    if wanted.isdigit():
        return [u for u in pool if u.code == wanted.zfill(5)]
    exact = [u for u in pool if fold(u.name) == fold(wanted)]
    return exact or [u for u in pool if _key(u.name) == _key(wanted)]


def _one(found: list[_U], wanted: str, what: str) -> _U:
    if len(found) > 1:
        where = ", ".join(f"{u.name} ({u.code}, province {u.province_code})" for u in found)
        raise ValidationError(
            f"{wanted!r} names several {what}: {where}; give province= or the code", field="name"
        )
    return found[0]


def commune(name_or_code: str, *, on: date, province: str | None = None) -> Commune:
    """The commune named (or coded) ``name_or_code`` on ``on`` (from 1/7/2025).

    Raises:
        ValidationError: no such commune on that date (the message names the new communes
            when the name is that of a former commune), or the name is ambiguous.
        RuleNotInForceError: ``on`` is before 1/7/2025.
    """
    wanted = require_text(name_or_code, field="name_or_code").strip()
    day = as_date(on, field="on")
    pool = communes(day, province=province)
    found = _match(pool, wanted)
    if found:
        return _one(found, wanted, "communes")
    olds = lookup(province, on=day).predecessor_codes if province is not None else ()
    former = _match([f for f in _former() if not olds or f.province_code in olds], wanted)
    if former:
        heirs = ", ".join(f"{c.name} ({c.code})" for c in successors(former[0].code))
        raise ValidationError(
            f"{former[0].name} ({former[0].code}) no longer exists on {day.isoformat()}; from "
            f"{_BEFORE.isoformat()} it is part of {heirs} (mapping DVHCVN-2025-MAP, secondary)",
            field="name",
        )
    raise ValidationError(f"unknown commune {name_or_code!r} on {day.isoformat()}", field="name")


def former_commune(name_or_code: str, *, province: str | None = None) -> FormerCommune:
    """A commune as it was on 30/6/2025, by old name or 5-digit code (``province`` is a
    province of the 63, by name or old code).

    Raises:
        ValidationError: unknown or ambiguous (give ``province=``).
    """
    wanted = require_text(name_or_code, field="name_or_code").strip()
    code = _province_code(province, _BEFORE - timedelta(days=1))
    found = _match([f for f in _former() if code in (None, f.province_code)], wanted)
    if not found:
        raise ValidationError(f"unknown former commune {name_or_code!r}", field="name")
    return _one(found, wanted, "former communes")


def successors(name_or_code: str, *, province: str | None = None) -> tuple[Commune, ...]:
    """The communes after 1/7/2025 that a former commune (old name or code) went into; several
    when it was split. Secondary: from the mapping ``DVHCVN-2025-MAP``."""
    old = former_commune(name_or_code, province=province)
    by_code = {c.code: c for c in _new()}
    return tuple(by_code[c] for c in old.successor_codes)


def predecessors(name_or_code: str, *, province: str | None = None) -> tuple[FormerCommune, ...]:
    """The former communes that went (wholly or in part) into a commune after 1/7/2025."""
    new = commune(name_or_code, on=_BEFORE, province=province)
    return tuple(f for f in _former() if new.code in f.successor_codes)
