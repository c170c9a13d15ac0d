"""Rates and rounding written once (issue 10 item 5): ``cchc.rates`` and its zero-total rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc.dossiers.table.statistics import rate as dossier_rate
from cchc.errors import ValidationError
from cchc.plans import completion, example_plan, percent
from cchc.rates import rate, round_half_up


def test_zero_total_is_no_data_not_zero_or_hundred() -> None:
    assert rate(0, 0) is None
    assert rate(5, 0) is None
    assert dossier_rate(0, 0) is None  # the dossier statistics use the same rule
    with pytest.raises(ValidationError, match="no data"):
        percent(0, 0)  # a caller that needs a number refuses instead of inventing one
    with pytest.raises(ValidationError, match="negative"):
        rate(1, -1)


def test_half_up_rounding_as_printed_in_reports() -> None:
    # 766 portal figures (seed: 635 593 on time of 643 272 resolved -> 98,81 %)
    assert rate(635_593, 643_272) == Decimal("98.81")
    assert rate(1, 8) == Decimal("12.50")  # 12.5 exactly
    assert rate(1, 3, places=1) == Decimal("33.3")
    assert round_half_up(Decimal("0.125"), 2) == Decimal("0.13")  # half-up, not half-even
    assert dossier_rate(43_434, 61_827, places=1) == rate(43_434, 61_827, places=1)


def test_plan_completion_of_no_tasks_is_none() -> None:
    from datetime import date

    plan = example_plan().model_copy(update={"tasks": []})
    assert completion(plan, date(2018, 1, 1)).overall.rate is None
