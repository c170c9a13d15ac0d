"""Legal sources, dated rule values and explanations (căn cứ pháp lý).

Three modules, one concept each:

* :mod:`cchc.legal.registry`: the source registry, :func:`sources` / :func:`source`
  over ``cchc/data/sources.csv``, the :class:`LegalSource` record, :class:`Verification`
  (how a text was read) and :data:`SourceRef` (a model field citing a key);
* :mod:`cchc.legal.versions`: dated values, :class:`RuleVersion` and :func:`in_force`
  (the version in force on a date);
* :mod:`cchc.legal.explanation`: :class:`Explanation` and its steps.

Every name is importable from ``cchc.legal``::

    >>> from datetime import date
    >>> from cchc.legal import in_force, source
    >>> source("ND118-2025").number
    '118/2025/NĐ-CP'
"""

from __future__ import annotations

from .explanation import Explanation, ExplanationStep
from .registry import (
    LegalSource,
    SourceRef,
    Verification,
    source,
    source_aliases,
    sources,
)
from .versions import Dated, RuleVersion, in_force, in_force_in_year

__all__ = [
    "Dated",
    "Explanation",
    "ExplanationStep",
    "LegalSource",
    "RuleVersion",
    "SourceRef",
    "Verification",
    "in_force",
    "in_force_in_year",
    "source",
    "source_aliases",
    "sources",
]
