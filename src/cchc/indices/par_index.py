"""PAR INDEX — Chỉ số cải cách hành chính (Bộ Nội vụ) of ministries and provinces.

What is confirmed (``data/par_index.yaml``, each row with its source):

* the methodology decisions: 1294/QĐ-BNV (03/12/2012, pilot) → 4361 (2016) → 2948 (2017) →
  2636 (10/12/2018) → 1150 (30/12/2019) → 1149 (30/12/2020) → **876/QĐ-BNV (10/11/2022,
  2022–2030)**; which assessment years each covers is derived from their dates;
* the structure counts (lĩnh vực / tiêu chí / tiêu chí thành phần) where a source gives them;
  the ministry survey share (36.5 under 1149, 31.5 under 876);
* the scale (100 points) and the index as a percentage:
  ``(appraised self-assessment points + survey points) / max points × 100``;
* the result groups: **A ≥ 90 %, B 80–< 90 %, C 70–< 80 %** (2022 and 2024 results).

**Not known: the provincial criteria annex** (criteria, maximum points, scoring bands) of any
version. cchc ships no invented table: score a unit with a framework file of your own (see
the bundled *example* ``par-example-department``) and use :func:`result_group` for the group.

>>> from decimal import Decimal
>>> result_group(Decimal("90.10")), result_group(Decimal("89.58")), result_group(Decimal("79.97"))
('A', 'B', 'C')
>>> version_in_force(2023).number
'876/QĐ-BNV'
>>> index_percent(appraised=Decimal("61.35"), survey=Decimal("25.02"))
Decimal('86.37')
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache, partial
from typing import Any

import attrs

from cchc._deprecation import deprecated_alias
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices.methodology import dated, index_data, version_rows
from cchc.indices.rules import as_decimal, as_year
from cchc.legal import RuleVersion, in_force_in_year
from cchc.rates import round_half_up

__all__ = [
    "ParIndexVersion",
    "StructureCount",
    "dated_versions",
    "groups",
    "index_percent",
    "result_group",
    "version_for_year",
    "version_in_force",
    "versions",
]


_data = partial(index_data, "par_index.yaml")
"""This index's bundled data (:func:`~cchc.indices.methodology.index_data`)."""


@attrs.frozen
class StructureCount:
    """Counts of areas, criteria and sub-criteria at one level, as a source gives them."""

    level: str
    areas: int
    criteria: int
    sub_criteria: int
    survey_points: Decimal | None
    source: str
    """Registry key of the decision the counts describe."""
    note: str
    """Where the counts were read."""


@attrs.frozen
class ParIndexVersion:
    """One PAR INDEX methodology decision."""

    number: str
    source: str
    """Registry key of the decision (``cchc/data/sources.csv``)."""
    signed_on: date
    years: tuple[int, int]
    title: str | None
    note: str
    structure: tuple[StructureCount, ...]


@cache
def versions() -> tuple[ParIndexVersion, ...]:
    """The known methodology decisions, oldest first."""
    return tuple(_version(row, years) for row, years in version_rows("par_index.yaml"))


def _version(row: Mapping[str, Any], years: tuple[int, int]) -> ParIndexVersion:
    structure = tuple(
        StructureCount(
            level=s["level"],
            areas=s["areas"],
            criteria=s["criteria"],
            sub_criteria=s["sub_criteria"],
            survey_points=Decimal(str(s["survey_points"])) if "survey_points" in s else None,
            source=row["source"],
            note=s["note"],
        )
        for s in row["structure"]
    )
    return ParIndexVersion(
        number=row["number"],
        source=row["source"],
        signed_on=row["signed_on"],
        years=years,
        title=row.get("title"),
        note=row["note"],
        structure=structure,
    )


def version_in_force(year: int) -> ParIndexVersion:
    """The methodology decision applied to an assessment year (derived from decision dates).

    Raises:
        RuleNotInForceError: ``year`` is before 2012 or after 2030.
    """
    year = as_year(year)
    found = in_force_in_year(dated_versions(), year)
    if found is None:
        raise RuleNotInForceError(f"no PAR INDEX methodology known for {year}", field="year")
    return found


@cache
def dated_versions() -> tuple[RuleVersion[ParIndexVersion], ...]:
    """The methodology decisions as dated rules: each applies from 1 January of its first
    assessment year to 1 January after its last (:func:`cchc.legal.in_force`)."""
    return dated(versions())


@cache
def groups() -> tuple[tuple[str, Decimal], ...]:
    """(label, lowest %) of the result groups, highest first."""
    bands = _data()["groups"]["bands"]
    return tuple(
        sorted(
            ((b["label"], Decimal(str(b["min"]))) for b in bands), key=lambda g: g[1], reverse=True
        )
    )


def result_group(percent: Decimal) -> str | None:
    """The result group (nhóm) of an index: 'A' (≥ 90 %), 'B' (80–<90), 'C' (70–<80), else None.

    Raises:
        ValidationError: the percentage is not a finite number in 0–100.
    """
    percent = as_decimal(percent, field="percent")
    if not Decimal(0) <= percent <= Decimal(100):
        raise ValidationError(f"index {percent} outside 0..100", field="percent")
    for label, lowest in groups():
        if percent >= lowest:
            return label
    return None


def index_percent(
    *,
    appraised: Decimal,
    survey: Decimal = Decimal(0),
    max_points: Decimal | None = None,
    places: int = 2,
) -> Decimal:
    """``(appraised + survey) / max × 100``, rounded half up to ``places`` decimals.

    ``max_points`` defaults to the 100-point scale of the data file. Without a survey the
    appraised points alone are normalised to 100 (the Hà Nội sub-level rule).

    Raises:
        ValidationError: a number is not finite, points are negative or over the maximum,
            the maximum is not positive, or ``places`` is not a whole number 0..6.
    """
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= 6:
        raise ValidationError(f"places must be a whole number 0..6, got {places!r}", field="places")
    points = as_decimal(appraised, field="appraised")
    surveyed = as_decimal(survey, field="survey")
    maximum = as_decimal(
        max_points if max_points is not None else str(_data()["scale"]["max_points"]),
        field="max_points",
    )
    if maximum <= 0:
        raise ValidationError(f"maximum {maximum} must be positive", field="max_points")
    for name, value in (("appraised", points), ("survey", surveyed)):
        if value < 0:
            raise ValidationError(f"negative points {value}", field=name)
    total = points + surveyed
    if total > maximum:
        raise ValidationError(f"points {total} over the maximum {maximum}", field="appraised")
    return round_half_up(total * 100 / maximum, places)


version_for_year = deprecated_alias(version_in_force, "version_for_year", __name__)
"""Deprecated name of :func:`version_in_force` (one verb, ``in_force``, for dated look-ups)."""
