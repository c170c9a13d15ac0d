"""PAPI — Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh.

Eight dimensions since 2018 (nội dung): participation, transparency, vertical accountability,
control of corruption, public administrative procedures, public service delivery,
environmental governance, e-governance (``data/papi.yaml``). Each dimension is the **sum of its
sub-dimension scores** (verified on the 2023 report's Table 3.6: public service delivery = the
sum of its four sub-dimensions on 18 provinces); the total is out of 80 (8 × 10; Bà Rịa–Vũng
Tàu 2021: "40,62/80 điểm, đạt tỷ lệ 50,77%").

Published tables are rounded, so a row is *consistent* when the printed dimension and the sum
of the printed sub-dimensions differ by no more than their rounding allows: half a unit of the
last printed decimal of each number. Scores off their scale (a dimension or sub-dimension
outside 0–10, a total outside 0–80) are refused, not checked. :func:`check_dimension` says
whether a row is consistent and by how much it is off; :func:`check_total` does the same for a
total and its dimensions.

>>> from decimal import Decimal
>>> # 2023 PAPI report, Table 3.6, Hà Nội
>>> r = check_dimension("d6", Decimal("7.8486"),
...     [Decimal("1.7029"), Decimal("1.957"), Decimal("2.2548"), Decimal("1.9339")])
>>> r.consistent, r.difference, r.tolerance
(True, Decimal('0.0000'), Decimal('0.00070'))
>>> # Hải Dương 2021 as printed by a newspaper: dimensions add to 43.22, total 42.68
>>> t = check_total(Decimal("42.68"), ["4.83", "5.45", "4.13", "6.93", "7.34", "7.8", "3.14",
...                                     "3.6"])
>>> t.consistent, t.difference
(False, Decimal('-0.54'))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import partial

import attrs

from cchc.errors import ValidationError
from cchc.indices.methodology import index_data
from cchc.indices.rules import as_decimal

__all__ = [
    "DIMENSIONS",
    "ConsistencyCheck",
    "check_dimension",
    "check_total",
    "dimension_id",
    "percent_of_maximum",
]


_data = partial(index_data, "papi.yaml")
"""This index's bundled data (:func:`~cchc.indices.methodology.index_data`)."""


DIMENSIONS: tuple[str, ...] = ("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8")
"""Dimension ids, d1 (participation) … d8 (e-governance)."""


@attrs.frozen
class ConsistencyCheck:
    """Whether a published value equals the sum of its parts within rounding."""

    name: str
    value: Decimal
    expected: Decimal = attrs.field(repr=False)
    difference: Decimal
    """Published value minus the sum of the parts."""
    tolerance: Decimal
    """Largest difference rounding alone can explain."""
    consistent: bool


def dimension_id(dimension: str | int) -> str:
    """Normalise a dimension given as 6, "6", "d6" or its English name to "d6"."""
    for row in _data()["dimensions"]:
        if dimension in (row["id"], row["number"], str(row["number"]), row["name"]):
            return str(row["id"])
    raise ValidationError(f"unknown PAPI dimension {dimension!r}", field="dimension")


def _half_ulp(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValidationError(f"not a finite number: {value}")
    return Decimal(1).scaleb(exponent) / 2


def _score(value: object, field: str, maximum_key: str) -> Decimal:
    """A published score as a Decimal within 0..the maximum of ``papi.yaml``."""
    number = as_decimal(value, field=field)
    maximum = Decimal(str(_data()[maximum_key]))
    if not Decimal(0) <= number <= maximum:
        raise ValidationError(f"score {number} outside 0..{maximum}", field=field)
    return number


def _check(
    name: str, value: object, parts: Sequence[Decimal], maximum_key: str
) -> ConsistencyCheck:
    published = _score(value, name, maximum_key)
    expected = sum(parts, Decimal(0))
    tolerance = _half_ulp(published) + sum((_half_ulp(p) for p in parts), Decimal(0))
    difference = published - expected
    return ConsistencyCheck(
        name=name,
        value=published,
        expected=expected,
        difference=difference,
        tolerance=tolerance,
        consistent=abs(difference) <= tolerance,
    )


def check_dimension(
    dimension: str | int,
    value: object,
    subdimensions: Mapping[str, object] | Sequence[object],
) -> ConsistencyCheck:
    """Check a published dimension score against the sum of its sub-dimension scores.

    ``subdimensions`` is a sequence of scores, or a mapping whose keys must be the known
    sub-dimension ids of that dimension (e.g. ``sd6_1`` … ``sd6_4``) where those are known.

    Raises:
        ValidationError: unknown dimension or sub-dimension, or a value that is not a number
            in 0..10 (the per-dimension maximum of ``data/papi.yaml``).
    """
    dim = dimension_id(dimension)
    row = next(r for r in _data()["dimensions"] if r["id"] == dim)
    known = [s["id"] for s in row.get("subdimensions", [])]
    if isinstance(subdimensions, Mapping):
        if known and set(subdimensions) != set(known):
            raise ValidationError(
                f"sub-dimensions of {dim} are {', '.join(known)}; got "
                f"{', '.join(sorted(map(str, subdimensions)))}",
                field="subdimensions",
            )
        values = [_score(v, str(k), "dimension_max") for k, v in subdimensions.items()]
    else:
        values = [
            _score(v, f"subdimensions[{n}]", "dimension_max") for n, v in enumerate(subdimensions)
        ]
        if known and len(values) != len(known):
            raise ValidationError(
                f"{dim} has {len(known)} sub-dimensions, got {len(values)}", field="subdimensions"
            )
    if not values:
        raise ValidationError("no sub-dimension scores", field="subdimensions")
    return _check(dim, value, values, "dimension_max")


def check_total(
    total: object, dimensions: Mapping[str, object] | Sequence[object]
) -> ConsistencyCheck:
    """Check a published PAPI total against the sum of its eight dimension scores.

    Raises:
        ValidationError: not eight dimensions, a dimension off 0..10, or a total off 0..80.
    """
    if isinstance(dimensions, Mapping):
        keys = {dimension_id(k) for k in dimensions}
        if keys != set(DIMENSIONS):
            raise ValidationError("a PAPI total needs the eight dimensions", field="dimensions")
        values = [_score(v, str(k), "dimension_max") for k, v in dimensions.items()]
    else:
        values = [_score(v, f"dimensions[{n}]", "dimension_max") for n, v in enumerate(dimensions)]
    if len(values) != len(DIMENSIONS):
        raise ValidationError(
            f"a PAPI total needs 8 dimensions, got {len(values)}", field="dimensions"
        )
    return _check("total", total, values, "total_max")


def percent_of_maximum(total: object) -> Decimal:
    """The total as a percentage of the maximum 80 (unrounded)."""
    value = as_decimal(total, field="total")
    maximum = Decimal(str(_data()["total_max"]))
    if not Decimal(0) <= value <= maximum:
        raise ValidationError(f"total {value} outside 0..{maximum}", field="total")
    return value * 100 / maximum
