"""Reform indices (chỉ số CCHC): a generic scoring framework and the concrete indices.

A **framework** (bộ chỉ số) is a tree of areas → criteria → sub-criteria (lĩnh vực → tiêu chí
→ tiêu chí thành phần) with maximum points, a scoring rule per item (bands, proportional with
a full-marks threshold, yes/no, deductions, direct points), optional area weights, result
groups and the source of every number. Frameworks are data (YAML / JSON): a province can
encode its own department-level index without code, load it with :func:`load_framework` and
score a unit with :func:`score`, which returns a :class:`Scorecard` (points per item, totals
per area, the index in %, the points lost ranked, the evidence behind self-assessed items);
:func:`compare` puts two years side by side; :func:`rank` ranks units.

Concrete indices, each in its own module with its sources and what is still unknown:

* :mod:`cchc.indices.pci` — PCI (VCCI): ``pci.composite(subindices, year)``;
* :mod:`cchc.indices.papi` — PAPI: ``papi.check_dimension(dimension, value, subdimensions)``;
* :mod:`cchc.indices.sipas` — SIPAS (QĐ 2640/QĐ-BNV 2017, QĐ 1001/QĐ-BNV 2023–2026);
* :mod:`cchc.indices.tt01` — the scoring tool of Thông tư 01/2018/TT-VPCP;
* :mod:`cchc.indices.qd766` — the service index of Quyết định 766/QĐ-TTg;
* :mod:`cchc.indices.par_index` — PAR INDEX versions and result groups.

>>> fw = get_framework("pci-2013")
>>> print(fw.areas[2].id, fw.areas[2].weight, len(fw.areas))
transparency 20 10
"""

from __future__ import annotations

from cchc.indices.framework import Framework, Item, ResultGroup, Rounding, RoundingMode
from cchc.indices.loader import bundled_frameworks, check_framework, get_framework, load_framework
from cchc.indices.ranking import RankedUnit, rank
from cchc.indices.scoring import (
    AreaScore,
    Comparison,
    ItemScore,
    Scorecard,
    compare,
    score,
)

__all__ = [
    "AreaScore",
    "Comparison",
    "Framework",
    "Item",
    "ItemScore",
    "RankedUnit",
    "ResultGroup",
    "Rounding",
    "RoundingMode",
    "Scorecard",
    "bundled_frameworks",
    "check_framework",
    "compare",
    "get_framework",
    "load_framework",
    "rank",
    "score",
]
