"""Dated values (giá trị theo hiệu lực): :class:`RuleVersion` and :func:`in_force`.

A rule that changed over time is a sequence of :class:`RuleVersion` objects,
each valid on a half-open period ``[effective_from, effective_to)``;
:func:`in_force` picks the version in force on a date, so that a 2019 dossier is
judged by 2019 law and a 2026 one by 2026 law. ``in_force`` is the one verb of a
dated look-up across cchc (``rules_in_force(on)``, ``regime_in_force(on)``,
``version_in_force(year)`` …)::

    >>> from datetime import date
    >>> from cchc.legal import LegalSource
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
    >>> in_force(versions, date(2017, 1, 1))
    Traceback (most recent call last):
    ...
    cchc.errors.RuleNotInForceError: no version in force on 2017-01-01 (earliest from 2018-06-21)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Generic, Protocol, TypeVar

import attrs

from cchc.errors import RuleNotInForceError

from .registry import LegalSource, source

__all__ = ["Dated", "RuleVersion", "in_force", "in_force_in_year"]

T = TypeVar("T")


class Dated(Protocol):
    """A value that carries its own period in force (hiệu lực): a programme, a procedure."""

    @property
    def effective_from(self) -> date | None: ...
    @property
    def effective_to(self) -> date | None: ...


DatedT = TypeVar("DatedT", bound=Dated)


@attrs.frozen
class RuleVersion(Generic[T]):
    """One version of a rule: a value and the source that makes it law.

    ``source`` is a :class:`LegalSource` or, for bundled rules, the key of a
    registry row (``"ND118-2025"``), looked up on first use so that building a
    rule table at import time reads no file.

    The version is in force over the source's period unless ``effective_from``
    / ``effective_to`` override it (an amendment may change one clause of a
    decree on another date than the decree itself).
    """

    value: T
    cited: LegalSource | str = attrs.field(alias="source")
    effective_from: date | None = None
    effective_to: date | None = None

    @classmethod
    def for_years(
        cls, value: T, source: LegalSource | str, first: int, last: int
    ) -> RuleVersion[T]:
        """A version applying to the years ``first``..``last`` (an assessment or survey
        year is asked as its 1 January): from 1/1/first to 1/1 after ``last``."""
        return cls(value, source, date(first, 1, 1), date(last + 1, 1, 1))

    @staticmethod
    def dated(value: DatedT, source: LegalSource | str) -> RuleVersion[DatedT]:
        """A version of ``value`` in force over its own ``effective_from`` / ``effective_to``
        (a bound left ``None`` falls back to the source's)."""
        return RuleVersion(value, source, value.effective_from, value.effective_to)

    @property
    def source(self) -> LegalSource:
        """The source that makes this version law (resolved from the registry)."""
        cited = self.cited
        return cited if isinstance(cited, LegalSource) else source(cited)

    @property
    def source_key(self) -> str | None:
        """The registry key of the source (``None`` for a source built by hand)."""
        cited = self.cited
        return cited.key if isinstance(cited, LegalSource) else cited

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


def in_force_in_year(versions: Iterable[RuleVersion[T]], year: int) -> T | None:
    """The value of the version in force on 1 January of ``year`` (a survey or assessment
    year), ``None`` when no version covers that day or no calendar date has that year."""
    try:
        return in_force(versions, date(year, 1, 1)).value
    except (RuleNotInForceError, ValueError):  # ValueError: a year date() cannot hold
        return None
