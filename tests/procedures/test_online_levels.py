"""Online public-service levels over time (cchc.procedures.online_levels).

Oracles: Nghị định 43/2011/NĐ-CP Điều 3 khoản 4 (Pháp điển: mức độ 1-4, in force
01/10/2011); Nghị định 224/2026/NĐ-CP Điều 14 (toàn trình / một phần; một phần must be
justified on the national portal) and Điều 90 (in force 01/7/2026, ends ND 42/2022 of
24/6/2022). The start of ND 42/2022 is the convention CONV-ND42-FROM-SIGNING.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.legal import Verification
from cchc.procedures.online_levels import check_level, regime_on, regimes
from cchc.procedures.vocabulary import OnlineServiceLevel as L

BOUNDS = [
    (date(2011, 10, 1), "nd43-2011"),
    (date(2022, 6, 24), "nd42-2022"),
    (date(2026, 7, 1), "nd224-2026"),
]


@pytest.mark.parametrize(("start", "regime_id"), BOUNDS)
def test_regime_changes_on_its_first_day(start: date, regime_id: str) -> None:
    assert regime_on(start).id == regime_id
    for offset in (1, 30, 365):
        later = start + timedelta(days=offset)
        nxt = [s for s, _ in BOUNDS if s > start]
        if not nxt or later < nxt[0]:
            assert regime_on(later).id == regime_id


def test_levels_of_each_regime() -> None:
    assert regime_on(date(2019, 1, 6)).levels == (L.LEVEL_1, L.LEVEL_2, L.LEVEL_3, L.LEVEL_4)
    assert set(regime_on(date(2024, 1, 1)).levels) == {L.PARTIAL, L.FULL}
    nd224 = regime_on(date(2026, 12, 4))
    assert set(nd224.levels) == {L.PARTIAL, L.FULL}
    assert nd224.partial_needs_justification
    assert not regime_on(date(2024, 1, 1)).partial_needs_justification
    assert nd224.source.effective_from == date(2026, 7, 1)


def test_check_level_refuses_a_level_out_of_its_time() -> None:
    with pytest.raises(ValidationError, match="mức độ 1-4 applied until 2022-06-24"):
        check_level("4", on=date(2026, 8, 1))
    with pytest.raises(ValidationError, match=r"toàn trình .* applies from 2022-06-24"):
        check_level("full", on=date(2021, 3, 1))
    with pytest.raises(ValidationError, match="unknown online level"):
        check_level("5", on=date(2021, 3, 1))
    assert check_level(L.LEVEL_3, on=date(2021, 3, 1)).id == "nd43-2011"


def test_before_nd43_is_not_covered() -> None:
    with pytest.raises(RuleNotInForceError):
        regime_on(date(2011, 9, 30))


def test_reading_status_of_the_sources() -> None:
    by_id = {r.id: r for r in regimes()}
    assert by_id["nd43-2011"].source.verification is Verification.ORIGINAL
    assert by_id["nd224-2026"].source.verification is Verification.ORIGINAL
    assert by_id["nd42-2022"].source.verification is Verification.SECONDARY
    assert by_id["nd42-2022"].convention_key == "CONV-ND42-FROM-SIGNING"
