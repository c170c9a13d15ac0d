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

Scorecards rank as they are: by their index (``index_percent``), under their ``unit``, with
their own result group (``group``) unless a ``group`` function is given:

>>> from cchc.indices.loader import get_framework
>>> from cchc.indices.scoring import score
>>> fw = get_framework("tt01-agency")
>>> full = {"I1": 2, "I2": 2, "I3": 2, "I4": 2, "I7": 2, "I5": 1, "I6": 2, "I8": 1, "I9": 1}
>>> cards = [score(fw, {**full, "I1": "1.4"}, unit="Sở Tư pháp"), score(fw, full, unit="Sở Y tế")]
>>> ranked = [(r.unit, r.rank, str(r.score), r.group) for r in rank(cards)]
>>> ranked
[('Sở Y tế', 1, '83.33', 'xuất sắc'), ('Sở Tư pháp', 2, '80.00', 'tốt')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import attrs

from cchc.errors import ValidationError
from cchc.indices.rules import as_decimal
from cchc.indices.scoring import Scorecard

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


Scores = Mapping[str, object] | Iterable[Scorecard]
"""unit → score (a number or a :class:`Scorecard`), or scorecards that name their unit."""


def _pairs(scores: Scores, field: str) -> list[tuple[object, object]]:
    """(unit, score) pairs; a scorecard stands for its index and names its unit."""
    if isinstance(scores, Mapping):
        return list(scores.items())
    pairs: list[tuple[object, object]] = []
    for n, card in enumerate(scores):
        if not isinstance(card, Scorecard):
            raise ValidationError(
                f"expected a mapping of unit to score or scorecards, got {type(card).__name__}",
                item=str(n),
                field=field,
            )
        if card.unit is None:
            raise ValidationError(
                "a scorecard without a unit cannot be ranked: score it with unit=...",
                item=str(n),
                field=field,
            )
        pairs.append((card.unit, card))
    return pairs


def _card_groups(scores: Scores) -> dict[str, str | None]:
    """The result group each scorecard carries, by unit."""
    items = scores.items() if isinstance(scores, Mapping) else ((c.unit, c) for c in scores)
    return {str(u): v.group for u, v in items if isinstance(v, Scorecard)}


def _clean(scores: Scores, field: str) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for unit, raw in _pairs(scores, field):
        value = raw.index_percent if isinstance(raw, Scorecard) else raw
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
    scores: Scores,
    *,
    previous: Scores | None = None,
    group: Callable[[Decimal], str | None] | None = None,
    descending: bool = True,
) -> list[RankedUnit]:
    """Rank units by score, best first.

    Args:
        scores: unit → score of this year (a number or a :class:`Scorecard`, which stands for
            its ``index_percent``), or a list of scorecards, each naming its ``unit``.
        previous: the same for the previous year (may hold other units); the previous rank
            is computed among all units of ``previous``.
        group: maps a score to a result group (e.g. :func:`cchc.indices.par_index.result_group`);
            without it a scorecard's own ``group`` is kept.
        descending: higher is better (default).

    Units with equal scores keep the order they were given in.
    """
    if not isinstance(scores, Mapping):
        scores = list(scores)  # an iterator is read twice (scores, then groups)
    now = _clean(scores, "score")
    carried = _card_groups(scores)
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
                group=group(value) if group is not None else carried.get(unit),
                previous_score=old,
                previous_rank=old_rank,
                score_change=value - old if old is not None else None,
                rank_change=old_rank - ranks[unit] if old_rank is not None else None,
            )
        )
    return out
