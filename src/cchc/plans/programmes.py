"""National master programmes of administrative reform (chương trình tổng thể CCHC).

Two programmes are bundled as data (``cchc/plans/data/programmes.yaml``), each
with its reform areas and the quantitative targets found for it, every target
naming its source:

* ``"nq30c-2011"`` — Nghị quyết 30c/NQ-CP of 08/11/2011, 2011-2020, amended by
  Nghị quyết 76/NQ-CP of **13/06/2013**;
* ``"nq76-2021"`` — Nghị quyết 76/NQ-CP of **15/07/2021**, 2021-2030.

Both 2013 and 2021 resolutions carry the number 76/NQ-CP; asking for the bare
number is refused so the two are never confused:

    >>> programme("nq76-2021").first_year
    2021
    >>> [a.value for a in programme("nq30c-2011").areas][-1]
    'hien_dai_hoa'
    >>> programme("76/NQ-CP")
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field programme: '76/NQ-CP' is ambiguous: 76/NQ-CP of \
13/06/2013 amends 30c/NQ-CP, 76/NQ-CP of 15/07/2021 is the 2021-2030 programme; \
use 'nq30c-2011' or 'nq76-2021'
    >>> programme_in_force(2016).key
    'nq30c-2011'
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

from pydantic import Field

from cchc._data import load_bundled_items
from cchc._deprecation import deprecated_alias
from cchc._model import CchcRecord
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.legal import RuleVersion, SourceRef, in_force
from cchc.plans.areas import ReformArea
from cchc.plans.targets import Target

__all__ = ["MasterProgramme", "programme", "programme_for_year", "programme_in_force", "programmes"]

_DATA = "programmes.yaml"


class MasterProgramme(CchcRecord):
    """A national master programme of administrative reform."""

    key: str = Field(description="Stable key: 'nq30c-2011' or 'nq76-2021'.")
    number: str = Field(description="Số, ký hiệu of the resolution.")
    title: str = Field(description="Tên chương trình.")
    effective_from: date = Field(description="First day of the programme period (1 January).")
    effective_to: date = Field(description="First day after the programme period.")
    source: SourceRef = Field(description="The resolution itself (a registry key in the data).")
    amended_by: tuple[SourceRef, ...] = Field(default=(), description="Amending texts.")
    areas: tuple[ReformArea, ...] = Field(description="The programme's reform areas.")
    targets: tuple[Target, ...] = Field(default=(), description="Quantitative targets.")

    @property
    def first_year(self) -> int:
        """First year covered."""
        return self.effective_from.year

    @property
    def last_year(self) -> int:
        """Last year covered."""
        return (self.effective_to - timedelta(days=1)).year

    def version(self) -> RuleVersion[MasterProgramme]:
        """The programme as a dated rule, in force over its period."""
        return RuleVersion.dated(self, self.source)

    def target(self, target_id: str) -> Target:
        """The target with id ``target_id``."""
        for target in self.targets:
            if target.id == target_id:
                return target
        raise ValidationError(f"no target in programme {self.key}", item=target_id, field="id")


@functools.cache
def programmes() -> tuple[MasterProgramme, ...]:
    """All bundled programmes, oldest first (loaded once, lazily)."""
    return load_bundled_items(MasterProgramme, "programmes", "cchc.plans", "data", _DATA)


def programme(key: str) -> MasterProgramme:
    """The programme with key ``key`` (``"nq30c-2011"`` or ``"nq76-2021"``).

    Raises:
        ValidationError: unknown key, or the ambiguous bare number ``76/NQ-CP``.
    """
    for prog in programmes():
        if prog.key == key:
            return prog
    if key.strip().upper() == "76/NQ-CP":
        raise ValidationError(
            "'76/NQ-CP' is ambiguous: 76/NQ-CP of 13/06/2013 amends 30c/NQ-CP, "
            "76/NQ-CP of 15/07/2021 is the 2021-2030 programme; use 'nq30c-2011' or 'nq76-2021'",
            field="programme",
        )
    for prog in programmes():
        if prog.number == key:
            return prog
    known = ", ".join(p.key for p in programmes())
    raise ValidationError(f"unknown programme {key!r} (known: {known})", field="programme")


def programme_in_force(year: int) -> MasterProgramme:
    """The programme covering ``year``."""
    if not isinstance(year, int) or not 1 <= year <= 9998:
        raise ValidationError(f"not a year: {year!r}", field="year")
    try:
        return in_force((p.version() for p in programmes()), date(year, 1, 1)).value
    except RuleNotInForceError:
        raise ValidationError(f"no bundled programme covers {year}", field="year") from None


programme_for_year = deprecated_alias(programme_in_force, "programme_for_year", __name__)
"""Deprecated name of :func:`programme_in_force` (one verb, ``in_force``, for dated look-ups)."""
