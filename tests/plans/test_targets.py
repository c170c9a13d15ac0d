"""Seed 003 targets against made-up figures: met, missed, not yet due."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cchc.errors import ValidationError
from cchc.plans import TargetOutcome, check_targets, example_plan


def outcomes(figures: dict[str, object], as_of: date) -> dict[str, TargetOutcome]:
    return {
        c.target.id: c.outcome for c in check_targets(figures, example_plan().targets, as_of=as_of)
    }


def test_seed_003_targets_before_the_2020_deadline() -> None:
    # KH 5601/KH-SYT §I.2 targets are due "vào năm 2020" (31/12/2020).
    got = outcomes(
        {"satisfaction_procedures": "84.2", "on_time_dossiers": 88, "par_index_rank": 7},
        date(2019, 6, 30),
    )
    assert got["satisfaction_procedures"] is TargetOutcome.MET  # 84.2 > 80
    assert got["on_time_dossiers"] is TargetOutcome.NOT_YET_DUE  # 88 is not > 90 yet
    assert got["par_index_rank"] is TargetOutcome.MET  # rank 7 within the top 10
    assert got["online_level4_dossiers"] is TargetOutcome.NOT_YET_DUE  # no figure yet


def test_seed_003_targets_after_the_deadline() -> None:
    got = outcomes(
        {"satisfaction_procedures": 80, "on_time_dossiers": Decimal("90.5"), "par_index_rank": 12},
        date(2021, 1, 1),
    )
    assert got["satisfaction_procedures"] is TargetOutcome.MISSED  # exactly 80 is not "trên 80%"
    assert got["on_time_dossiers"] is TargetOutcome.MET
    assert got["par_index_rank"] is TargetOutcome.MISSED
    assert got["online_level4_dossiers"] is TargetOutcome.NO_FIGURE


def test_level4_target_is_at_least_30_percent() -> None:
    got = outcomes({"online_level4_dossiers": 30}, date(2021, 1, 1))
    assert got["online_level4_dossiers"] is TargetOutcome.MET


def test_bad_figures_are_typed_errors() -> None:
    targets = example_plan().targets
    with pytest.raises(ValidationError, match="outside 0-100") as err:
        check_targets({"on_time_dossiers": 101}, targets, as_of=date(2020, 1, 1))
    assert (err.value.item, err.value.field) == ("on_time_dossiers", "figure")
    with pytest.raises(ValidationError, match="names no target") as err:
        check_targets({"on_time_dosiers": 95}, targets, as_of=date(2020, 1, 1))
    assert err.value.item == "on_time_dosiers"
    with pytest.raises(ValidationError, match="not a number"):
        check_targets({"on_time_dossiers": "chín mươi"}, targets, as_of=date(2020, 1, 1))


def test_as_of_defaults_to_today_in_vietnam() -> None:
    from cchc.plans import Target

    far = Target(id="x", indicator="x", comparator=">=", value=50, deadline=date(2099, 12, 31))
    past = Target(id="y", indicator="y", comparator=">=", value=50, deadline=date(2000, 12, 31))
    got = {c.target.id: c.outcome for c in check_targets({"x": 10, "y": 10}, [far, past])}
    assert got == {"x": TargetOutcome.NOT_YET_DUE, "y": TargetOutcome.MISSED}
