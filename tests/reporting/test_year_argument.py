"""``reporting_period`` and ``build_report`` check ``year`` (issue 11.2).

Accepted: an ``int`` (not a bool) from YEAR_MIN = 1 to YEAR_MAX = 9999 whose data window
ends on or after the regime came into force (12/3/2019 for Nghị định 09/2019/NĐ-CP, per
the regime's source in ``reporting_regimes.yaml``); earlier years stay RuleNotInForceError.
"""

from __future__ import annotations

import pytest

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.plans import example_plan
from cchc.reporting import build_report, reporting_period
from cchc.reporting_periods import YEAR_MAX, YEAR_MIN

BAD_YEARS = [10**30, 2025.0, None, True, False, "2025", 0, -1, 10_000]


@pytest.mark.parametrize("year", BAD_YEARS)
def test_reporting_period_refuses_bad_year(year: object) -> None:
    with pytest.raises(ValidationError) as err:
        reporting_period("bnv-cchc", "Q1", year)  # type: ignore[arg-type]
    assert err.value.field == "year"


@pytest.mark.parametrize("year", BAD_YEARS)
def test_build_report_refuses_bad_year(year: object) -> None:
    with pytest.raises(ValidationError) as err:
        build_report(example_plan(), "bnv-cchc", "Y", year)  # type: ignore[arg-type]
    assert err.value.field == "year"


def test_range_edges() -> None:
    assert (YEAR_MIN, YEAR_MAX) == (1, 9999)
    # The window of the last year exists (no deadline: the calendar does not cover it).
    assert reporting_period("nd09-2019", "Y", YEAR_MAX, due=False).end.year == YEAR_MAX
    # Year 1 is a valid int but its window ends before Nghị định 09/2019 came into force.
    with pytest.raises(RuleNotInForceError) as err:
        reporting_period("nd09-2019", "M1", YEAR_MIN, due=False)
    assert err.value.field == "year"
