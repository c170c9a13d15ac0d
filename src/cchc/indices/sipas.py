"""SIPAS — Chỉ số hài lòng về sự phục vụ hành chính (satisfaction with public administration).

Two versions are known (``data/sipas.yaml``):

* **QĐ 2640/QĐ-BNV (10/10/2017)**, 2017–2020: five elements (yếu tố) — tiếp cận dịch vụ; thủ
  tục hành chính; công chức trực tiếp giải quyết công việc; kết quả dịch vụ; tiếp nhận, giải
  quyết góp ý, phản ánh, kiến nghị — each asked for three contents: nhận định, sự hài lòng, sự
  mong đợi.
* **QĐ 1001/QĐ-BNV (11/12/2023)**, 2023–2026: three aspects — nhận định, đánh giá (eight
  criteria); mức độ hài lòng ("02 nội dung", the first known); a third aspect (not read).

The successor of QĐ 2640 for the 2021 and 2022 surveys is UNCONFIRMED. **The aggregation
formula (answers → %) is UNCONFIRMED for both versions.** :func:`sipas_index` therefore takes
the aggregation as a parameter; its documented default is: an element's index is the share of
valid answers at the satisfied levels (4 "hài lòng", 5 "rất hài lòng" on 1–5), and the index is
the unweighted mean of the elements, rounded to 2 decimals half up.

>>> r = sipas_index({"access": [5, 4, 3, 4], "procedures": [4, 4, 4, 2],
...     "officials": [5, 5, 5, 5], "results": [4, 3, 4, 4], "feedback": [5, 4, 4, 1]}, 2019)
>>> r.elements["access"], r.index
(Decimal('75.00'), Decimal('80.00'))
>>> version_in_force(2024).source.number
'1001/QĐ-BNV'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import cache, partial

import attrs

from cchc._deprecation import deprecated_alias
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices.methodology import dated, index_data, version_rows
from cchc.indices.rules import as_decimal, as_year
from cchc.legal import LegalSource, RuleVersion, in_force_in_year, source
from cchc.rates import round_half_up

__all__ = [
    "Element",
    "SipasResult",
    "SipasVersion",
    "element_index",
    "mean_of_elements",
    "sipas_index",
    "version_for_year",
    "version_in_force",
    "versions",
]


@attrs.frozen
class Element:
    """A surveyed element or aspect (yếu tố / khía cạnh)."""

    id: str
    name_vi: str
    name: str
    criteria: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    note: str | None = None


@attrs.frozen
class SipasVersion:
    """One SIPAS methodology: its decision, years, elements."""

    id: str
    years: tuple[int, int]
    source: LegalSource
    contents: tuple[str, ...]
    elements: tuple[Element, ...]


_data = partial(index_data, "sipas.yaml")
"""This index's bundled data (:func:`~cchc.indices.methodology.index_data`)."""


@cache
def versions() -> tuple[SipasVersion, ...]:
    """The known SIPAS methodologies, oldest first."""
    return tuple(
        SipasVersion(
            id=row["id"],
            years=years,
            source=source(row["source"]),
            contents=tuple(row["contents"]),
            elements=tuple(Element(**e) for e in row["elements"]),
        )
        for row, years in version_rows("sipas.yaml")
    )


def version_in_force(year: int, *, assume_previous: bool = False) -> SipasVersion:
    """The methodology of a survey year.

    Raises:
        RuleNotInForceError: no known version covers ``year`` (2021–2022: the successor of
            QĐ 2640 is unconfirmed; ``assume_previous=True`` uses the latest earlier version).
    """
    year = as_year(year)
    known = versions()
    found = in_force_in_year(dated_versions(), year)
    if found is not None:
        return found
    earlier = [v for v in known if v.years[1] < year]
    if assume_previous and earlier:
        return earlier[-1]
    spans = ", ".join(f"{v.source.number} {v.years[0]}-{v.years[1]}" for v in known)
    raise RuleNotInForceError(f"no confirmed SIPAS methodology for {year} ({spans})", field="year")


@cache
def dated_versions() -> tuple[RuleVersion[SipasVersion], ...]:
    """The methodologies as dated rules over their survey years (:func:`cchc.legal.in_force`)."""
    return dated(versions())


def element_index(answers: Sequence[int], satisfied: Sequence[int] | None = None) -> Decimal:
    """Share (%) of answers at the satisfied levels, unrounded (default assumption).

    Raises:
        ValidationError: no answers, or an answer off the 1–5 scale.
    """
    agg = _data()["aggregation"]
    scale = set(agg["scale"])
    levels = set(satisfied if satisfied is not None else agg["satisfied_levels"])
    if not answers:
        raise ValidationError("no answers", field="answers")
    for n, a in enumerate(answers, start=1):
        if isinstance(a, bool) or a not in scale:
            raise ValidationError(f"answer {a!r} off the scale {sorted(scale)}", row=n)
    hits = sum(1 for a in answers if a in levels)
    return Decimal(hits) * 100 / len(answers)


def mean_of_elements(values: Mapping[str, Decimal]) -> Decimal:
    """Default aggregation (assumption): unweighted mean of the element indices.

    Raises:
        ValidationError: no elements, or an element index that is not a number in 0..100.
    """
    if not values:
        raise ValidationError("no element indices to average", field="values")
    checked = []
    for key, value in values.items():
        number = as_decimal(value, field=str(key))
        if not Decimal(0) <= number <= Decimal(100):
            raise ValidationError(f"element index {number} outside 0..100", field=str(key))
        checked.append(number)
    return sum(checked, Decimal(0)) / len(checked)


@attrs.frozen
class SipasResult:
    """Element indices and the index (%), both rounded to 2 decimals half up."""

    version: str
    elements: dict[str, Decimal]
    index: Decimal


def sipas_index(
    answers: Mapping[str, Sequence[int]],
    year: int,
    *,
    aggregate: Callable[[Mapping[str, Decimal]], Decimal] = mean_of_elements,
    element: Callable[[Sequence[int]], Decimal] = element_index,
) -> SipasResult:
    """Aggregate survey answers per element into the SIPAS index of ``year``.

    Every element of the year's version must have answers; unknown elements are an error.
    """
    version = version_in_force(year)
    ids = [e.id for e in version.elements]
    unknown = sorted(set(answers) - set(ids))
    if unknown:
        raise ValidationError(
            f"not an element of {version.source.number}: {unknown}", field=unknown[0]
        )
    missing = [i for i in ids if i not in answers]
    if missing:
        raise ValidationError(f"no answers for element(s) {missing}", field=missing[0])
    raw = {i: element(answers[i]) for i in ids}
    return SipasResult(
        version=version.id,
        elements={k: round_half_up(v, 2) for k, v in raw.items()},
        index=round_half_up(aggregate(raw), 2),
    )


version_for_year = deprecated_alias(version_in_force, "version_for_year", __name__)
"""Deprecated name of :func:`version_in_force` (one verb, ``in_force``, for dated look-ups)."""
