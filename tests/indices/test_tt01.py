"""Thông tư 01/2018/TT-VPCP scoring tool: the worked example of one_stop.md §5.1 and Art 15."""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal

import pytest

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices import tt01
from cchc.tz import VN_TZ

# one_stop.md §5.1: one officer, five dossiers, indices 1/2/3/4/7 (arithmetic checked there)
WORKED = [
    {"I1": 2, "I2": 2, "I3": 2, "I4": 2, "I7": 2},  # A: early, no contacts
    {"I1": 1, "I2": 1, "I3": 1, "I4": 1, "I7": 1},  # B: on time, 1 contact
    {"I1": 0, "I2": 0, "I3": 2, "I4": 2, "I7": 0},  # C: late, complaint
    {"I1": 2, "I2": 2, "I3": 1, "I4": 2, "I7": 2},  # D
    {"I1": 2, "I2": 1, "I3": 2, "I4": 1, "I7": 2},  # E
]


def test_worked_example_officer_7_2() -> None:
    result = tt01.officer_result(WORKED)
    assert result.means == {
        "I1": Decimal("1.4"),
        "I2": Decimal("1.2"),
        "I3": Decimal("1.6"),
        "I4": Decimal("1.6"),
        "I7": Decimal("1.4"),
    }
    assert result.total == Decimal("7.2")
    assert result.band == "hoàn thành 100% nhiệm vụ"
    # the float sum is 7.1999...; Decimal keeps the exact 7.2
    assert sum([1.4, 1.2, 1.6, 1.6, 1.4]) != 7.2


def test_worked_example_agency_12_2_tot() -> None:
    means = tt01.officer_result(WORKED).means
    card = tt01.agency_scorecard(means, {"I5": 1, "I6": 2, "I8": 1, "I9": 1})
    assert card.total_points == Decimal("12.2")
    assert card.group == "tốt"


@pytest.mark.parametrize(
    ("total", "band"),
    [
        ("5", "hoàn thành 100% nhiệm vụ"),
        ("4.9", "hoàn thành từ 70% đến dưới 100% nhiệm vụ"),
        ("3.5", "hoàn thành từ 70% đến dưới 100% nhiệm vụ"),
        ("3.4", "hoàn thành dưới 70% nhiệm vụ"),
    ],
)
def test_officer_band_edges(total: str, band: str) -> None:
    assert tt01.officer_band(Decimal(total)) == band


@pytest.mark.parametrize(
    ("total", "group"),
    [
        ("15", "xuất sắc"),
        ("14.9", "tốt"),
        ("12", "tốt"),
        ("11.9", "khá"),
        ("9", "khá"),
        ("8.9", "trung bình"),
        ("6", "trung bình"),
        ("5.9", "yếu"),
        ("0", "yếu"),
    ],
)
def test_agency_band_edges(total: str, group: str) -> None:
    # Art 15(3)(b): >= 15 xuất sắc; 12-<15 tốt; 9-<12 khá; 6-<9 trung bình; < 6 yếu.
    value = Decimal(total)
    desk_total = max(0, math.ceil(value - 10))  # integer points on the desk indices
    left = value - desk_total  # the rest, possibly fractional, on the dossier means (max 10)
    means: dict[str, Decimal | None] = {}
    for key in tt01.DOSSIER_INDICES:
        means[key] = min(left, Decimal(2))
        left -= means[key] or 0
    desk: dict[str, int | None] = {}
    for key in ("I5", "I6", "I8", "I9"):
        desk[key] = min(desk_total, 2)
        desk_total -= desk[key] or 0
    card = tt01.agency_scorecard(means, desk)
    assert card.total_points == value
    assert card.group == group


def test_index_without_data_is_left_out() -> None:
    rows: list[dict[str, int | None]] = [
        {"I1": 2, "I2": None, "I3": 2, "I4": 2, "I7": 2},
        {"I1": 1, "I3": 1, "I4": 1, "I7": 1},
    ]
    means = tt01.aggregate(rows)
    assert means["I2"] is None
    assert means["I1"] == Decimal("1.5")
    card = tt01.agency_scorecard(means, {"I5": 2, "I6": 2, "I8": 2, "I9": None})
    assert card.max_points == Decimal(14)
    assert card.item("I2").excluded
    assert card.item("I9").excluded


def test_one_decimal_rounding_half_up() -> None:
    # 2 + 2 + 1 = 5 / 3 = 1.666... -> 1.7; 1 + 1 + 2 + 2 / 4... use 0.25 -> 0.3 (half up)
    assert tt01.aggregate([{"I1": 2}, {"I1": 2}, {"I1": 1}])["I1"] == Decimal("1.7")
    assert tt01.aggregate([{"I1": 1}, {"I1": 0}, {"I1": 0}, {"I1": 0}])["I1"] == Decimal("0.3")


def test_bad_points_are_located() -> None:
    with pytest.raises(ValidationError) as err:
        tt01.aggregate([{"I1": 2}, {"I1": 3}])
    assert err.value.row == 2
    assert err.value.field == "I1"
    with pytest.raises(ValidationError):
        tt01.aggregate([{"I5": 2}])
    with pytest.raises(ValidationError):
        tt01.agency_scorecard({}, {"I1": 2})


def test_per_dossier_rules() -> None:
    assert [tt01.time_points(a, 10) for a in (9, 10, 11)] == [2, 1, 0]
    assert [tt01.contact_points(c) for c in (0, 1, 2)] == [2, 1, 0]
    assert tt01.contact_points(3, due_to_applicant=2) == 1
    assert [tt01.bodies_points(b) for b in (0, 1, 2)] == [2, 1, 0]
    assert tt01.attitude_points(early=True, on_time=True, complaint_upheld=False) == 2
    assert tt01.attitude_points(early=False, on_time=True, complaint_upheld=False) == 1
    assert tt01.attitude_points(early=True, on_time=True, complaint_upheld=True) == 0
    # not covered by the text: documented assumption of 1 point (data/tt01.yaml)
    assert tt01.attitude_points(early=False, on_time=False, complaint_upheld=False) == 1
    with pytest.raises(ValidationError):
        tt01.contact_points(1, due_to_applicant=2)


def test_desk_rules() -> None:
    level = tt01.Level.DISTRICT
    before = date(2024, 12, 31)  # districts exist until 30/6/2025 (Luật 72/2025/QH15)
    assert (
        tt01.desk_points(
            level, fully_handled_share=Decimal(50), received_returned_share=Decimal(100), on=before
        )
        == 2
    )
    assert (
        tt01.desk_points(
            level, fully_handled_share=Decimal(49), received_returned_share=Decimal(100), on=before
        )
        == 1
    )
    assert (
        tt01.desk_points(
            tt01.Level.PROVINCE,
            fully_handled_share=Decimal(20),
            received_returned_share=Decimal(90),
        )
        == 2
    )
    assert (
        tt01.desk_points(
            tt01.Level.COMMUNE, fully_handled_share=Decimal(99), received_returned_share=Decimal(99)
        )
        == 0
    )
    assert tt01.publicity_points(posted=True, electronic=True) == 2
    assert tt01.publicity_points(posted=True, electronic=False) == 1
    assert tt01.publicity_points(posted=False, electronic=False) == 0
    assert tt01.feedback_points(0, 0) == 2
    assert tt01.feedback_points(10, 10) == 2
    assert tt01.feedback_points(10, 9) == 1
    assert tt01.feedback_points(10, 10, prolonged=1) == 0
    assert tt01.feedback_points(10, 8) == 0
    assert (
        tt01.online_points(
            tthc_level34_share=Decimal(20), online_share=Decimal(30), late_or_unresolved=0
        )
        == 2
    )
    assert (
        tt01.online_points(
            tthc_level34_share=Decimal(20), online_share=Decimal(15), late_or_unresolved=0
        )
        == 1
    )
    assert (
        tt01.online_points(
            tthc_level34_share=Decimal(20), online_share=Decimal(14), late_or_unresolved=0
        )
        == 0
    )
    assert (
        tt01.online_points(
            tthc_level34_share=Decimal(50), online_share=Decimal(60), late_or_unresolved=1
        )
        == 0
    )


@pytest.mark.parametrize(
    "day", [date(2025, 7, 1), date(2025, 12, 31), datetime(2026, 12, 4, 9, tzinfo=VN_TZ)]
)
def test_no_district_level_from_1_7_2025(day: date) -> None:
    # Luật 72/2025/QH15 Điều 51 khoản 3 (registry LUAT72-2025): "Kể từ ngày 01/7/2025, không tổ
    # chức chính quyền địa phương ở cấp huyện".
    with pytest.raises(RuleNotInForceError, match=r"no district level .* LUAT72-2025"):
        tt01.desk_points(
            tt01.Level.DISTRICT,
            fully_handled_share=Decimal(50),
            received_returned_share=Decimal(100),
            on=day,
        )
    # The other levels are unaffected on the same day.
    commune = tt01.desk_points(
        tt01.Level.COMMUNE,
        fully_handled_share=Decimal(100),
        received_returned_share=Decimal(0),
        on=day,
    )
    assert commune == 2


def test_district_needs_a_date() -> None:
    for on in (None, date(2025, 6, 30)):
        if on is None:
            with pytest.raises(ValidationError, match="needs on="):
                tt01.desk_points(
                    tt01.Level.DISTRICT,
                    fully_handled_share=Decimal(50),
                    received_returned_share=Decimal(100),
                )
        else:
            assert (
                tt01.desk_points(
                    tt01.Level.DISTRICT,
                    fully_handled_share=Decimal(50),
                    received_returned_share=Decimal(100),
                    on=on,
                )
                == 2
            )
