"""Issuer and unit abbreviations used in document symbols (chữ viết tắt cơ quan ban hành).

Each body sets its own abbreviations (NĐ 30/2020/NĐ-CP Phụ lục I II.3.b), so
this is a table of the common ones seen in the law, the seeds and other
projects (documents.md §3.1), not a closed list. Ministries are versioned:
Nghị quyết 176/2025/QH15 reorganised the Government into 14 ministries from
1/3/2025; which old ministry went where is **UNCONFIRMED** (inferred from the
names), so those links are marked ``verified=False``.

    >>> issuer("ttg").name
    'Thủ tướng Chính phủ'
    >>> issuer("QH15").name
    'Quốc hội khóa XV'
    >>> issuer("UBTVQH14").kind
    <IssuerKind.CENTRAL: 'central'>
    >>> issuer("SYT").name
    'Sở Y tế'
    >>> issuer("XYZ") is None
    True
    >>> canonical_abbreviation("hđnd")
    'HĐND'
"""

from __future__ import annotations

import enum
import functools
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator

from cchc._data import load_bundled_csv
from cchc._model import CchcRecord
from cchc.legal import SourceRef

__all__ = ["ISSUERS", "Issuer", "IssuerKind", "canonical_abbreviation", "issuer", "issuers"]


class IssuerKind(enum.StrEnum):
    """Kind of issuing body."""

    CENTRAL = "central"
    """Quốc hội, Chính phủ, Thủ tướng, Chủ tịch nước and their offices."""
    MINISTRY = "ministry"
    """Bộ or cơ quan ngang bộ."""
    JUDICIAL = "judicial"
    """Tòa án, Viện kiểm sát, Kiểm toán nhà nước."""
    LOCAL = "local"
    """Local government: HĐND, UBND and their offices (any level)."""
    DEPARTMENT = "department"
    """Sở (a department of a provincial UBND)."""
    PARTY = "party"
    """Party bodies (Trung ương, Tỉnh ủy/Thành ủy)."""
    UNIT = "unit"
    """An internal unit (phòng, văn phòng) that appears after the issuer in công văn symbols."""


class Issuer(CchcRecord):
    """An issuer abbreviation and what it stands for (a row of ``data/issuers.csv``)."""

    abbreviation: str = Field(description="Chữ viết tắt as written in symbols, e.g. 'TTg'.")
    name: str = Field(description="Tên cơ quan, tổ chức (full name).")
    kind: IssuerKind = Field(description="Loại cơ quan (kind of body).")
    valid_from: date | None = Field(default=None, description="First day the body exists.")
    valid_to: date | None = Field(default=None, description="First day it no longer exists.")
    successor: str | None = Field(default=None, description="Abbreviation of its successor.")
    verified: bool = Field(
        default=True, description="False when the abbreviation or successor is UNCONFIRMED."
    )
    sources: tuple[SourceRef, ...] = Field(
        default=(), description="Căn cứ: registry keys (';'-separated in the CSV)."
    )

    @field_validator("sources", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return (
            tuple(k.strip() for k in value.split(";") if k.strip())
            if isinstance(value, str)
            else value
        )


@functools.cache
def issuers() -> tuple[Issuer, ...]:
    """Known abbreviations (documents.md §3.1; admin_units.md §5), from ``data/issuers.csv``,
    read on first use. Each row cites registry keys (``CONV-ISSUER-ABBR``: as used in
    published documents; the ministries changed in 2025 also ``NQ176-2025``)."""
    return load_bundled_csv(Issuer, "cchc.units", "data", "issuers.csv")


@functools.cache
def _by_key() -> dict[str, Issuer]:
    return {i.abbreviation.casefold(): i for i in issuers()}


_ROMAN = {13: "XIII", 14: "XIV", 15: "XV", 16: "XVI"}


if TYPE_CHECKING:
    ISSUERS: tuple[Issuer, ...]
    """Every known issuer: :func:`issuers` (read on first use)."""


def __getattr__(name: str) -> tuple[Issuer, ...]:
    """``ISSUERS``: :func:`issuers`, read on first use (not at import)."""
    if name == "ISSUERS":
        return issuers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def issuer(abbreviation: str) -> Issuer | None:
    """The issuer for ``abbreviation`` (case-insensitive); ``QH15``/``UBTVQH14`` name the term."""
    key = abbreviation.replace("\u00d0", "Đ").casefold()
    found = _by_key().get(key)
    if found is not None:
        return found
    for prefix in ("ubtvqh", "qh"):
        rest = key[len(prefix) :]
        if key.startswith(prefix) and rest.isdigit():
            base = _by_key()[prefix]
            term = _ROMAN.get(int(rest), rest)
            return base.model_copy(
                update={"abbreviation": abbreviation.upper(), "name": f"{base.name} khóa {term}"}
            )
    return None


@functools.lru_cache(maxsize=4096)
def canonical_abbreviation(abbreviation: str) -> str:
    """The usual spelling of an abbreviation (``ttg`` → ``TTg``); unknown ones upper-cased."""
    found = issuer(abbreviation)
    if found is not None:
        return found.abbreviation
    return abbreviation.replace("\u00d0", "Đ").upper()
