"""Decision 766 service index: the worked example of one_stop.md §5.2 and the portal table."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from cchc.errors import ValidationError
from cchc.indices import qd766

Table = Callable[[str], list[dict[str, str]]]


def test_worked_example_92_5_gives_full_marks() -> None:
    # one_stop.md §5.2: 1,000 dossiers, 60 late (6.0 %), 15 with PAKN/dislike (1.5 %)
    rate = qd766.satisfaction_rate(late_rate=Decimal("6.0"), complaint_rate=Decimal("1.5"))
    assert rate == Decimal("92.5")
    assert qd766.indicator_points("5.4", rate) == Decimal("6.00")


def test_worked_example_86_5_gives_5_77() -> None:
    # variant with 120 late (12.0 %): 86.5 × 6 / 90 = 5.7666... -> 5.77
    rate = qd766.satisfaction_rate(late_rate=Decimal("12.0"), complaint_rate=Decimal("1.5"))
    assert rate == Decimal("86.5")
    assert qd766.indicator_points("5.4", rate) == Decimal("5.77")


def test_worked_example_through_figures() -> None:
    # 2.1 = 94.0 %, 3.3-like online share 62 % (>= 50 % -> full), 4.2 = 70 % -> 70/100 × max
    # (the portal scores 4.2 without the 80 % threshold: tests/indices/test_qd766_dossiers.py)
    figures = qd766.Qd766Figures(
        on_time_rate=Decimal("94.0"),
        late_rate=Decimal("6.0"),
        complaint_rate=Decimal("1.5"),
        online_full_process_rate=Decimal("62"),
        digitised_rate=Decimal("70"),
    )
    assert figures.service_satisfaction_rate == Decimal("92.5")
    card = qd766.score_figures(figures, unit="Tỉnh ví dụ", period="2024-05")
    assert card.item("5.4").points == Decimal("6.00")
    assert card.item("2.1").points == Decimal("18.80")  # 94/100 × 20 (portal rule, secondary)
    assert card.item("3.0").points == Decimal("12.00")
    assert card.item("4.2").points == Decimal("2.80")  # 0.70 × 4
    # figures without data are left out of points and maximum
    assert card.item("1.1").excluded
    assert card.max_points == Decimal(6 + 20 + 12 + 4)
    assert card.total_points == Decimal("39.60")


def test_portal_structure_matches_the_transcribed_table(table: Table) -> None:
    # fixtures/qd766_portal_metrics.csv (secondary transcription of Công thức 766.xlsx)
    fw = qd766.framework()
    rows = {r["id"]: r for r in table("qd766_portal_metrics.csv")}
    for area in fw.areas:
        assert Decimal(rows[area.id]["max_points"]) == area.max_points, area.id
        for item in area.children:
            assert Decimal(rows[item.id]["max_points"]) == item.max_points, item.id
    scored = {
        k for k, r in rows.items() if r["level"] == "criterion" and r["max_points"] not in ("", "0")
    }
    assert scored == {i.id for i in fw.leaves()} == set(qd766.FIGURE_OF_INDICATOR)
    assert fw.max_points == 100


def test_every_indicator_names_a_source_or_an_assumption() -> None:
    fw = qd766.framework()
    for item in fw.leaves():
        assert item.source is not None or item.assumption is not None or fw.source, item.id


def test_no_feedback_splits_5_3_between_5_2_and_5_4() -> None:
    figures = qd766.Qd766Figures(
        feedback_on_time_rate=Decimal(100),
        has_feedback=False,
        service_satisfaction_rate=Decimal(90),
    )
    card = qd766.score_figures(figures)
    assert card.item("5.2").max_points == Decimal(9)
    assert card.item("5.4").max_points == Decimal(9)
    assert card.item("5.3").excluded
    assert card.area("G5").points == Decimal(18)


def test_overrides_and_errors() -> None:
    fw = qd766.framework(full_marks_at={"2.1": Decimal(95)})
    assert qd766.indicator_points("2.1", Decimal(95), fw) == Decimal("20.00")
    assert fw.item("2.1").assumption == "threshold overridden by the caller"
    with pytest.raises(ValidationError) as err:
        qd766.indicator_points("9.9", Decimal(50))
    assert err.value.item == "9.9"
    with pytest.raises(ValueError, match="less than or equal to 100"):
        qd766.Qd766Figures(on_time_rate=Decimal(101))
