"""Online public-service levels in force on a date (mức độ dịch vụ công trực tuyến).

Three regimes, as dated data (``data/online_levels.yaml``) citing the registry:

* **mức độ 1-4** of Nghị định 43/2011/NĐ-CP Điều 3 khoản 4, from 1/10/2011 (read in
  the Pháp điển, ``ND43-2011``);
* **toàn trình / một phần** of Nghị định 42/2022/NĐ-CP (``ND42-2022``, secondary), from
  its signing date 24/6/2022 because its effective date was not found (the convention
  ``CONV-ND42-FROM-SIGNING``), until 30/6/2026;
* **toàn trình / một phần** of Nghị định 224/2026/NĐ-CP Điều 14 from 1/7/2026
  (``ND224-2026``): ministries and provinces must provide procedures toàn trình, and a
  một phần service must have its reason published on the national portal.

    >>> from datetime import date
    >>> regime_on(date(2020, 5, 1)).id, [l.value for l in regime_on(date(2020, 5, 1)).levels]
    ('nd43-2011', ['1', '2', '3', '4'])
    >>> try:
    ...     check_level("4", on=date(2026, 8, 1))
    ... except ValidationError as exc:
    ...     print(str(exc).split("; ")[-1])
    mức độ 1-4 applied until 2022-06-24
    >>> check_level("partial", on=date(2026, 8, 1)).partial_needs_justification
    True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from cchc._data import bundled_mapping
from cchc.errors import DataFileError, ValidationError
from cchc.legal import LegalSource, RuleVersion, in_force, source
from cchc.procedures.vocabulary import OnlineServiceLevel
from cchc.tz import as_date

__all__ = ["LevelRegime", "check_level", "regime_on", "regimes"]


@attrs.frozen
class LevelRegime:
    """The online-service levels one text defines, over its period in force."""

    id: str
    source_key: str
    levels: tuple[OnlineServiceLevel, ...]
    names_vi: Mapping[OnlineServiceLevel, str]
    names_en: Mapping[OnlineServiceLevel, str]
    effective_from: date
    effective_to: date | None
    convention_key: str | None = None
    """A convention row the period rests on (a bound no text states)."""
    partial_needs_justification: bool = False
    """Whether a một phần service must have its reason published (ND 224/2026 Điều 14)."""

    @property
    def source(self) -> LegalSource:
        """The text that defines the levels."""
        return source(self.source_key)


def _regime(entry: Mapping[str, Any]) -> LevelRegime:
    try:
        levels = tuple(OnlineServiceLevel(str(x["level"])) for x in entry["levels"])
        return LevelRegime(
            id=str(entry["id"]),
            source_key=str(entry["source"]),
            levels=levels,
            names_vi={lvl: str(x["vi"]) for lvl, x in zip(levels, entry["levels"], strict=True)},
            names_en={lvl: str(x["en"]) for lvl, x in zip(levels, entry["levels"], strict=True)},
            effective_from=entry["effective_from"],
            effective_to=entry.get("effective_to"),
            convention_key=entry["bound"]["key"] if "bound" in entry else None,
            partial_needs_justification=bool(entry.get("partial_needs_justification", False)),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise DataFileError(
            f"bad online-level regime: {exc}",
            source="online_levels.yaml",
            field=str(entry.get("id")),
        ) from exc


@functools.cache
def _versions() -> tuple[RuleVersion[LevelRegime], ...]:
    data = bundled_mapping("cchc.procedures", "data", "online_levels.yaml")
    return tuple(
        RuleVersion(r, r.source_key, r.effective_from, r.effective_to)
        for r in (_regime(e) for e in data["regimes"])
    )


def regimes() -> tuple[LevelRegime, ...]:
    """Every regime, oldest first."""
    return tuple(v.value for v in _versions())


def regime_on(on: date) -> LevelRegime:
    """The levels in force on ``on`` (a date or an aware datetime, read in Vietnam time).

    Raises:
        RuleNotInForceError: ``on`` is before 1/10/2011 (Nghị định 43/2011/NĐ-CP).
    """
    return in_force(_versions(), as_date(on, field="on")).value


def check_level(level: str | OnlineServiceLevel, *, on: date) -> LevelRegime:
    """The regime in force on ``on`` if ``level`` is one of its levels.

    Raises:
        ValidationError: ``level`` is unknown, or not a level of the regime in force (a
            mức độ 4 after 24/6/2022, a toàn trình before it).
    """
    try:
        wanted = OnlineServiceLevel(str(level))
    except ValueError:
        known = ", ".join(x.value for x in OnlineServiceLevel)
        raise ValidationError(
            f"unknown online level {level!r} (known: {known})", field="level"
        ) from None
    regime = regime_on(on)
    if wanted not in regime.levels:
        day = as_date(on, field="on")
        other = next(r for r in regimes() if wanted in r.levels and r.id != regime.id)
        span = (
            f"{_LABEL[other.id]} applied until {other.effective_to.isoformat()}"
            if other.effective_to is not None and other.effective_to <= day
            else f"{_LABEL[other.id]} applies from {other.effective_from.isoformat()}"
        )
        text = f"{regime.source.doc_type} {regime.source.number}"
        raise ValidationError(
            f"online level {str(level)!r} is not a level on {day.isoformat()}: {text} has "
            f"{_LABEL[regime.id]}; {span}",
            field="level",
        )
    return regime


_LABEL = {
    "nd43-2011": "mức độ 1-4",
    "nd42-2022": "toàn trình (full) / một phần (partial)",
    "nd224-2026": "toàn trình (full) / một phần (partial)",
}
