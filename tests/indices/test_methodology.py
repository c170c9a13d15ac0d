"""Methodology tables of PAR INDEX and SIPAS: each row covers the years from its
``effective_from`` to the year before its ``effective_to``.

Oracle: QĐ 1294/QĐ-BNV (Đề án Chỉ số CCHC, 2012) applied to PAR INDEX 2012-2015 until
QĐ 4361/QĐ-BNV for 2016; QĐ 2640/QĐ-BNV (SIPAS 2017) applied to the surveys 2017-2020
(the bundled ``par_index.yaml`` and ``sipas.yaml``, which cite them).
"""

from __future__ import annotations

from datetime import date

from cchc.indices import par_index, sipas
from cchc.indices.methodology import dated, version_rows
from cchc.legal import in_force


def test_rows_carry_their_years() -> None:
    row, years = version_rows("par_index.yaml")[0]
    assert row["number"] == "1294/QĐ-BNV" and years == (2012, 2015)
    assert par_index.versions()[0].years == (2012, 2015)
    assert sipas.versions()[0].years == (2017, 2020)


def test_dated_versions_pick_the_decision_of_a_year() -> None:
    rules = dated(par_index.versions())
    assert in_force(rules, date(2015, 1, 1)).value.number == "1294/QĐ-BNV"
    assert in_force(rules, date(2016, 1, 1)).value.number == "4361/QĐ-BNV"
    assert dated(sipas.versions()) == sipas.dated_versions()


def test_elements_read_as_tuples() -> None:
    latest = sipas.versions()[-1]
    assessment = next(e for e in latest.elements if e.id == "assessment")
    # QĐ 1001/QĐ-BNV aspect (1): 8 tiêu chí (summaries of the decision, see data/sipas.yaml).
    assert isinstance(assessment.criteria, tuple) and len(assessment.criteria) == 8
    assert all(e.criteria == () for e in sipas.versions()[0].elements)
