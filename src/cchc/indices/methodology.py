"""Methodology versions of an index (các phiên bản phương pháp), read from bundled data.

PAR INDEX and SIPAS each keep a ``versions`` table in their bundled YAML file: one row per
methodology decision, in force from ``effective_from`` (1 January of its first assessment or
survey year) to ``effective_to`` (1 January after its last). A year is asked as its
1 January, so a row covers the years ``effective_from.year`` .. ``effective_to.year - 1``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from cchc._data import bundled_mapping
from cchc.legal import LegalSource, RuleVersion

__all__ = ["Versioned", "dated", "index_data", "version_rows"]


def index_data(file: str) -> Mapping[str, Any]:
    """The bundled data file ``file`` of an index (``papi.yaml``, ``par_index.yaml``,
    ``sipas.yaml``, ``tt01.yaml``), parsed once and read-only."""
    return bundled_mapping("cchc.indices.data", file)


class Versioned(Protocol):
    """A methodology version: the source that makes it law and the years it covers."""

    @property
    def source(self) -> LegalSource | str: ...
    @property
    def years(self) -> tuple[int, int]: ...


V = TypeVar("V", bound=Versioned)


def version_rows(file: str) -> tuple[tuple[Mapping[str, Any], tuple[int, int]], ...]:
    """The rows of the ``versions`` table of the bundled index file ``file``, oldest first,
    each with the (first, last) year it covers."""
    rows = index_data(file)["versions"]
    return tuple((row, (row["effective_from"].year, row["effective_to"].year - 1)) for row in rows)


def dated(versions: Iterable[V]) -> tuple[RuleVersion[V], ...]:
    """The versions as dated rules over their years (:func:`cchc.legal.in_force`)."""
    return tuple(RuleVersion.for_years(v, v.source, *v.years) for v in versions)
