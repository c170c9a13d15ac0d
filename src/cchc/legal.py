"""Legal sources and rule versions (căn cứ pháp lý).

Every rule in cchc names where it comes from: a :class:`LegalSource` holds the
document number and type, the issuer, the signing date, the article, the
period it is in force (hiệu lực) and how we know its text (read in the
original, only in a secondary copy, or derived from a statutory rule).

A rule that changed over time is a sequence of :class:`RuleVersion` objects,
each valid on a half-open period ``[effective_from, effective_to)``;
:func:`in_force` picks the version in force on a date, so that a 2019 dossier is
judged by 2019 law and a 2026 one by 2026 law::

    >>> from datetime import date
    >>> nd61 = LegalSource(number="61/2018/NĐ-CP", doc_type="Nghị định",
    ...     issuer="Chính phủ", signed_on=date(2018, 4, 23), article="Điều 19",
    ...     effective_from=date(2018, 6, 21), effective_to=date(2025, 7, 1))
    >>> nd118 = LegalSource(number="118/2025/NĐ-CP", doc_type="Nghị định",
    ...     issuer="Chính phủ", effective_from=date(2025, 7, 1))
    >>> versions = [RuleVersion(value="61", source=nd61), RuleVersion(value="118", source=nd118)]
    >>> in_force(versions, date(2019, 3, 1)).value
    '61'
    >>> in_force(versions, date(2026, 1, 5)).value
    '118'
    >>> nd61.cite()
    'Nghị định 61/2018/NĐ-CP (Chính phủ, 23/04/2018), Điều 19'
    >>> in_force(versions, date(2017, 1, 1))
    Traceback (most recent call last):
    ...
    cchc.errors.RuleNotInForceError: no version in force on 2017-01-01 (earliest from 2018-06-21)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Generic, TypeVar

import attrs
from pydantic import BaseModel, ConfigDict, Field, model_validator

from cchc.errors import RuleNotInForceError

__all__ = ["LegalSource", "RuleVersion", "Verification", "in_force"]

T = TypeVar("T")


class Verification(enum.StrEnum):
    """How the text of a source was known when the rule was encoded."""

    ORIGINAL = "original"
    """The official text itself (văn bản gốc) was read."""
    SECONDARY = "secondary"
    """Only a secondary copy was read: press, a portal summary, another project's files."""
    DERIVED = "derived"
    """Derived from a statutory rule (e.g. lunar date + Labour Code), no text states it."""


class LegalSource(BaseModel):
    """A legal or official source of a rule (căn cứ pháp lý).

    The in-force period is half-open: ``effective_from`` is the first day the
    text applies, ``effective_to`` the first day it no longer does (``None``:
    still in force).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

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

    def cite(self) -> str:
        """A human citation: type, number, (issuer, date), article."""
        head = f"{self.doc_type} {self.number}".strip()
        signed = self.signed_on.strftime("%d/%m/%Y") if self.signed_on else ""
        inner = ", ".join(x for x in (self.issuer, signed) if x)
        text = f"{head} ({inner})" if inner else head
        return f"{text}, {self.article}" if self.article else text


@attrs.frozen
class RuleVersion(Generic[T]):
    """One version of a rule: a value and the source that makes it law.

    The version is in force over the source's period unless ``effective_from``
    / ``effective_to`` override it (an amendment may change one clause of a
    decree on another date than the decree itself).
    """

    value: T
    source: LegalSource
    effective_from: date | None = None
    effective_to: date | None = None

    @property
    def start(self) -> date | None:
        """First day in force."""
        return (
            self.effective_from if self.effective_from is not None else self.source.effective_from
        )

    @property
    def end(self) -> date | None:
        """First day no longer in force (``None``: open-ended)."""
        return self.effective_to if self.effective_to is not None else self.source.effective_to

    def in_force_on(self, day: date) -> bool:
        """Whether this version applies on ``day``."""
        start, end = self.start, self.end
        return (start is None or day >= start) and (end is None or day < end)


def in_force(versions: Iterable[RuleVersion[T]], on: date) -> RuleVersion[T]:
    """Return the version of a rule in force on ``on``.

    When periods overlap (an amendment starting before the old text's end is
    recorded), the version that started latest wins.

    Raises:
        RuleNotInForceError: no version covers ``on``.
    """
    versions = list(versions)
    candidates = [v for v in versions if v.in_force_on(on)]
    if candidates:
        return max(candidates, key=lambda v: v.start or date.min)
    starts = [v.start for v in versions if v.start is not None]
    hint = f" (earliest from {min(starts).isoformat()})" if starts else ""
    raise RuleNotInForceError(f"no version in force on {on.isoformat()}{hint}")
