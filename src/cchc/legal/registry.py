"""The source registry (sổ nguồn căn cứ pháp lý): :func:`sources`, :func:`source`.

Every rule in cchc names where it comes from: a :class:`LegalSource` holds the
document number and type, the issuer, the signing date, the article, the
period it is in force (hiệu lực) and how we know its text (read in the
original, only in a secondary copy, or derived from a statutory rule). The
bundled registry (``cchc/data/sources.csv``) is read once, through the one data
loader, on first use::

    >>> from datetime import date
    >>> nd61 = LegalSource(number="61/2018/NĐ-CP", doc_type="Nghị định",
    ...     issuer="Chính phủ", signed_on=date(2018, 4, 23), article="Điều 19",
    ...     effective_from=date(2018, 6, 21), effective_to=date(2025, 7, 1))
    >>> nd61.cite()
    'Nghị định 61/2018/NĐ-CP (Chính phủ, 23/04/2018), Điều 19'
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from cchc._data import read_bundled_csv_rows
from cchc._model import CchcRecord
from cchc.errors import DataFileError, ValidationError
from cchc.l10n import vn_date

__all__ = [
    "LegalSource",
    "SourceRef",
    "Verification",
    "source",
    "source_aliases",
    "sources",
]


class Verification(enum.StrEnum):
    """How the text of a source was known when the rule was encoded."""

    ORIGINAL = "original"
    """The official text itself (văn bản gốc) was read."""
    SECONDARY = "secondary"
    """Only a secondary copy was read: press, a portal summary, another project's files."""
    DERIVED = "derived"
    """Derived from a statutory rule (e.g. lunar date + Labour Code), no text states it."""
    CONVENTION = "convention"
    """A documented convention (quy ước) of cchc or of a portal that no legal text states,
    e.g. the default receipt rule ``next_opening`` or the 766 portal's waiting-time formula."""


class LegalSource(CchcRecord):
    """A legal or official source of a rule (căn cứ pháp lý).

    The in-force period is half-open: ``effective_from`` is the first day the
    text applies, ``effective_to`` the first day it no longer does (``None``:
    still in force).
    """

    key: str | None = Field(
        default=None,
        description="Khóa trong sổ nguồn (registry key in ``cchc/data/sources.csv``), "
        "e.g. 'ND118-2025'; ``None`` for a source built by hand.",
    )
    number: str = Field(description="Số, ký hiệu (number and symbol), e.g. '61/2018/NĐ-CP'.")
    doc_type: str = Field(
        default="", description="Loại văn bản (document type), e.g. 'Nghị định', 'Công văn'."
    )
    issuer: str = Field(default="", description="Cơ quan ban hành (issuing body).")
    signed_on: date | None = Field(default=None, description="Ngày ký / ban hành (signing date).")
    article: str | None = Field(default=None, description="Điều, khoản, điểm (article cited).")
    title: str | None = Field(default=None, description="Trích yếu (subject line).")
    effective_from: date | None = Field(default=None, description="Ngày có hiệu lực.")
    effective_to: date | None = Field(
        default=None, description="Ngày hết hiệu lực (first day no longer in force)."
    )
    verification: Verification = Field(
        default=Verification.ORIGINAL,
        description="Whether the text was read in the original or only in a secondary copy.",
    )
    note: str | None = Field(default=None, description="Free remark on the source.")

    @model_validator(mode="after")
    def _check_period(self) -> LegalSource:
        if (
            self.effective_from is not None
            and self.effective_to is not None
            and self.effective_to <= self.effective_from
        ):
            raise ValueError("effective_to must be after effective_from")
        return self

    def in_force_on(self, day: date) -> bool:
        """Whether ``day`` lies in the in-force period of this source."""
        if self.effective_from is not None and day < self.effective_from:
            return False
        return not (self.effective_to is not None and day >= self.effective_to)

    def ref(self) -> dict[str, str | None]:
        """A short JSON-ready reference: registry key, citation and reading status."""
        return {"key": self.key, "citation": self.cite(), "verification": self.verification.value}

    def cite(self) -> str:
        """A human citation: type, number, (issuer, date), article."""
        head = f"{self.doc_type} {self.number}".strip()
        signed = vn_date(self.signed_on) if self.signed_on else ""
        inner = ", ".join(x for x in (self.issuer, signed) if x)
        text = f"{head} ({inner})" if inner else head
        return f"{text}, {self.article}" if self.article else text


_REGISTRY_FILE = "sources.csv"


def _opt_date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


@functools.cache
def _registry() -> Mapping[str, LegalSource]:
    registry: dict[str, LegalSource] = {}
    for line, row in read_bundled_csv_rows("cchc", "data", _REGISTRY_FILE):
        key = row.get("key") or ""
        if not key:
            raise DataFileError("empty key", row=line, field="key", source=_REGISTRY_FILE)
        if key in registry:
            raise DataFileError(
                f"duplicate key {key!r}", row=line, field="key", source=_REGISTRY_FILE
            )
        try:
            registry[key] = LegalSource(
                key=key,
                number=row["number"],
                doc_type=row["doc_type"],
                issuer=row["issuer"],
                signed_on=_opt_date(row["signed_on"]),
                article=row["article"] or None,
                title=row["title"] or None,
                effective_from=_opt_date(row["effective_from"]),
                effective_to=_opt_date(row["effective_to"]),
                verification=Verification(row["verification"]),
                note=row["note"] or None,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise DataFileError(str(exc), row=line, source=_REGISTRY_FILE) from exc
    return MappingProxyType(registry)


def sources() -> Mapping[str, LegalSource]:
    """Every source of the bundled registry (``cchc/data/sources.csv``), by key.

    The registry is read once, on first use, and is read-only.

        >>> sources()["ND118-2025"].number
        '118/2025/NĐ-CP'
    """
    return _registry()


def source(key: str) -> LegalSource:
    """The registry source with this key.

        >>> source("BLDS2015-148").article
        'Điều 148 khoản 5'
        >>> source("nope")
        Traceback (most recent call last):
        ...
        cchc.errors.ValidationError: field key: unknown source key 'nope'

    Raises:
        ValidationError: no source has this key.
    """
    try:
        return _registry()[key]
    except (KeyError, TypeError):
        raise ValidationError(f"unknown source key {key!r}", field="key") from None


def _resolve_ref(value: Any) -> Any:
    """A registry key, or ``{key, article?, note?}``, becomes its :class:`LegalSource`."""
    if isinstance(value, str):
        return source(value)
    if isinstance(value, Mapping) and "key" in value and "number" not in value:
        extra = sorted(set(value) - {"key", "article", "note"})
        if extra:
            raise ValidationError(
                f"a source reference takes key, article and note, not {', '.join(extra)}",
                field="source",
            )
        base = source(value["key"])
        update = {k: value[k] for k in ("article", "note") if k in value}
        return base.model_copy(update=update) if update else base
    return value


SourceRef = Annotated[LegalSource, BeforeValidator(_resolve_ref)]
"""A model field holding a source: in data files written as a registry key
(``source: ND09-2019``) or as ``{key: ND09-2019, article: "Điều 12 khoản 1"}`` (the
row with another article and/or a note on how that clause was read); a full
record is still accepted for user files, which cite texts the registry lacks."""


def source_aliases(module: str, aliases: Mapping[str, str]) -> Callable[[str], LegalSource]:
    """A module ``__getattr__`` giving old constant names as lazy registry lookups.

    ``__getattr__ = source_aliases(__name__, {"BLDS_2015_148": "BLDS2015-148"})``
    keeps ``from module import BLDS_2015_148`` working without reading the
    registry at import time.
    """

    def __getattr__(name: str) -> LegalSource:  # noqa: N807 - a module __getattr__
        key = aliases.get(name)
        if key is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return source(key)

    return __getattr__
