"""Rank units by an index (xếp hạng), with ties, groups and change from the previous year.

Ranking is *competition ranking* ("1224"): units with the same score share a rank and the
next rank skips (the usual way tables of PAR INDEX, PCI and SIPAS print ties). Scores are
compared exactly as given (Decimal), so round them first if the published table ranks on
rounded values. Units with no score, and two units whose names are the same text (``1`` and
``'1'``), are errors, not silently dropped or merged.

>>> from decimal import Decimal
>>> rows = rank({"Hải Phòng": Decimal("91.80"), "Quảng Ninh": Decimal("91.14"),
...              "Đà Nẵng": Decimal("90.25"), "Kiên Giang": Decimal("79.97")},
...             previous={"Hải Phòng": Decimal("90.10"), "Quảng Ninh": Decimal("91.50")},
...             group=lambda s: "A" if s >= 90 else "B" if s >= 80 else "C")
>>> for r in rows:
...     print(r.unit, r.rank, r.group, r.rank_change)
Hải Phòng 1 A 1
Quảng Ninh 2 A -1
Đà Nẵng 3 A None
Kiên Giang 4 C None
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

import attrs

from cchc.errors import ValidationError
from cchc.indices.rules import as_decimal

__all__ = ["RankedUnit", "competition_ranks", "rank"]


@attrs.frozen
class RankedUnit:
    """One unit's place in a ranking."""

    unit: str
    score: Decimal
    rank: int
    tied: bool
    """Whether another unit has the same score."""
    group: str | None
    previous_score: Decimal | None
    previous_rank: int | None
    score_change: Decimal | None
    rank_change: int | None
    """Places gained since the previous ranking (positive: moved up)."""


def competition_ranks(scores: Mapping[str, Decimal], *, descending: bool = True) -> dict[str, int]:
    """Rank of each unit: 1 + the number of units with a strictly better score.

    Raises:
        ValidationError: a score is missing or not a finite number, or two unit names collide.
    """
    scores = _clean(scores, "score")
    values = sorted(scores.values(), reverse=descending)
    out: dict[str, int] = {}
    for unit, value in scores.items():
        better = sum(1 for v in values if (v > value if descending else v < value))
        out[unit] = better + 1
    return out


def _clean(scores: Mapping[str, object], field: str) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for unit, value in scores.items():
        name = str(unit)
        if name in out:
            raise ValidationError(
                f"two units are both named {name!r} (e.g. 1 and '1'): give each a distinct name",
                item=name,
                field=field,
            )
        if value is None:
            raise ValidationError("unit has no score", item=name, field=field)
        out[name] = as_decimal(value, item=name, field=field)
    return out


def rank(
    scores: Mapping[str, object],
    *,
    previous: Mapping[str, object] | None = None,
    group: Callable[[Decimal], str | None] | None = None,
    descending: bool = True,
) -> list[RankedUnit]:
    """Rank units by score, best first.

    Args:
        scores: unit → score of this year.
        previous: unit → score of the previous year (may hold other units); the previous rank
            is computed among all units of ``previous``.
        group: maps a score to a result group (e.g. :func:`cchc.indices.par_index.result_group`).
        descending: higher is better (default).

    Units with equal scores keep the order they were given in.
    """
    now = _clean(scores, "score")
    before = _clean(previous, "previous") if previous is not None else {}
    ranks = competition_ranks(now, descending=descending)
    before_ranks = competition_ranks(before, descending=descending) if before else {}
    counts: dict[Decimal, int] = {}
    for value in now.values():
        counts[value] = counts.get(value, 0) + 1
    order = {u: n for n, u in enumerate(now)}
    out = []
    for unit in sorted(now, key=lambda u: (ranks[u], order[u])):
        value = now[unit]
        old = before.get(unit)
        old_rank = before_ranks.get(unit)
        out.append(
            RankedUnit(
                unit=unit,
                score=value,
                rank=ranks[unit],
                tied=counts[value] > 1,
                group=group(value) if group is not None else None,
                previous_score=old,
                previous_rank=old_rank,
                score_change=value - old if old is not None else None,
                rank_change=old_rank - ranks[unit] if old_rank is not None else None,
            )
        )
    return out
