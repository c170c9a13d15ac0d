"""Reporting periods with the official rules as oracles.

Nghị định 09/2019/NĐ-CP Điều 12 (as restated by thuvienphapluat.vn and luatvietnam.vn):
khoản 1 monthly 15 of previous month - 14; khoản 2 quarterly 15 of the month before the
quarter - 14 of its last month; khoản 3 6-monthly 15/12 - 14/6 and 15/6 - 14/12; khoản 4
yearly 15/12 - 14/12. Công văn 581/BNV-CCHC (sonoivu.namdinh.gov.vn): quý I 15/12 - 14/3,
6 tháng 15/12 - 14/6, quý III 15/6 - 14/9, năm 15/12 - 14/12; due by day 20 of the last
month of the period.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cchc.calendar import OfficialCalendar
from cchc.errors import NaiveDatetimeError, RuleNotInForceError, ValidationError
from cchc.reporting import regime, reporting_period, submitted_on_time


def test_nd09_q1_window_is_15_12_to_14_3() -> None:
    p = reporting_period("nd09-2019", "Q1", 2022)
    assert (p.start, p.end) == (date(2021, 12, 15), date(2022, 3, 14))
    assert p.source.article == "Điều 12 khoản 2"


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        ("M1", date(2022, 12, 15), date(2023, 1, 14)),
        ("M7", date(2023, 6, 15), date(2023, 7, 14)),
        ("Q2", date(2023, 3, 15), date(2023, 6, 14)),
        ("Q3", date(2023, 6, 15), date(2023, 9, 14)),
        ("Q4", date(2023, 9, 15), date(2023, 12, 14)),
        ("H1", date(2022, 12, 15), date(2023, 6, 14)),
        ("H2", date(2023, 6, 15), date(2023, 12, 14)),
        ("9M", date(2022, 12, 15), date(2023, 9, 14)),
        ("Y", date(2022, 12, 15), date(2023, 12, 14)),
    ],
)
def test_nd09_windows(kind: str, start: date, end: date) -> None:
    p = reporting_period("nd09-2019", kind, 2023, due=False)
    assert (p.start, p.end, p.due) == (start, end, None)


def test_nd09_due_is_one_working_day_after_the_window() -> None:
    # Điều 8 khoản 5 điểm b: at least 01 working day after the data window ends.
    # 14/3/2022 is a Monday -> Tuesday 15/3/2022; 14/1/2023 is a Saturday -> the first
    # working day after it is Monday 16/1/2023.
    q1 = reporting_period("nd09-2019", "Q1", 2022)
    assert (q1.due, q1.due_is_minimum) == (date(2022, 3, 15), True)
    assert reporting_period("nd09-2019", "M1", 2023).due == date(2023, 1, 16)


def test_nd09_not_in_force_before_12_3_2019() -> None:
    with pytest.raises(RuleNotInForceError):
        reporting_period("nd09-2019", "M1", 2019)
    assert reporting_period("nd09-2019", "Q1", 2019, due=False).end == date(2019, 3, 14)


def test_bnv_q3_window_is_not_cumulative() -> None:
    p = reporting_period("bnv-cchc", "Q3", 2022)
    assert (p.start, p.end) == (date(2022, 6, 15), date(2022, 9, 14))


@pytest.mark.parametrize(
    ("kind", "start", "end", "due"),
    [
        ("Q1", date(2021, 12, 15), date(2022, 3, 14), date(2022, 3, 20)),
        ("H1", date(2021, 12, 15), date(2022, 6, 14), date(2022, 6, 20)),
        ("Q3", date(2022, 6, 15), date(2022, 9, 14), date(2022, 9, 20)),
        ("Y", date(2021, 12, 15), date(2022, 12, 14), date(2022, 12, 20)),
    ],
)
def test_bnv_windows_and_day_20_deadline(kind: str, start: date, end: date, due: date) -> None:
    p = reporting_period("bnv-cchc", kind, 2022)
    assert (p.start, p.end, p.due) == (start, end, due)
    assert p.due_is_minimum is False


def test_on_time_by_day_20() -> None:
    # Công văn 581/BNV-CCHC: "chậm nhất là ngày 20 của tháng cuối kỳ báo cáo".
    assert submitted_on_time("bnv-cchc", "Q1", 2022, date(2022, 3, 20))
    assert submitted_on_time("bnv-cchc", "Q3", 2022, date(2022, 9, 1))
    # 20/9/2022 was a Tuesday: nothing to roll, 21/9 is late.
    assert not submitted_on_time("bnv-cchc", "Q3", 2022, date(2022, 9, 21))


def test_deadline_on_a_day_off_rolls_forward_by_default() -> None:
    # Review item 11. 20/3/2022 was a Sunday; Bộ luật Dân sự 2015 (91/2015/QH13) Điều 148
    # khoản 5: a period whose last day is a day off ends with the next working day, Monday
    # 21/3. cchc applies it by default, as for plan tasks; roll_forward=False is literal.
    cal = OfficialCalendar()
    assert not cal.is_working_day(date(2022, 3, 20))
    p = reporting_period("bnv-cchc", "Q1", 2022)
    assert p.due == date(2022, 3, 20)  # the day the rule names is kept
    assert p.last_day() == date(2022, 3, 21)
    assert p.roll_forward_source.article == "Điều 148 khoản 5"
    assert p.on_time(date(2022, 3, 21))
    assert not p.on_time(date(2022, 3, 22))
    assert not p.on_time(date(2022, 3, 21), roll_forward=False, calendar=cal)
    assert submitted_on_time("bnv-cchc", "Q1", 2022, date(2022, 3, 21))
    assert not submitted_on_time("bnv-cchc", "Q1", 2022, date(2022, 3, 21), roll_forward=False)


def test_nd09_sets_only_a_minimum_so_on_time_needs_the_agency_deadline() -> None:
    # Review item 2. Nghị định 09/2019/NĐ-CP Điều 8 khoản 5 điểm b: the deadline must leave
    # at least one working day after the data window; the decree itself sets no deadline.
    p = reporting_period("nd09-2019", "Q1", 2022)
    assert p.due_is_minimum
    with pytest.raises(ValidationError) as err:
        p.on_time(date(2022, 3, 18))
    assert err.value.field == "deadline"
    assert "sets no deadline" in str(err.value)
    with pytest.raises(ValidationError):
        submitted_on_time("nd09-2019", "Q1", 2022, date(2022, 3, 18))
    # With the requesting agency's deadline (made up: 20/3/2022, a Sunday -> Monday 21/3).
    assert p.on_time(date(2022, 3, 18), deadline=date(2022, 3, 20))
    assert p.on_time(date(2022, 3, 21), deadline=date(2022, 3, 20))
    assert not p.on_time(date(2022, 3, 18), deadline=date(2022, 3, 17))
    # A deadline leaving less than the decree's minimum (window ends Monday 14/3) is rejected.
    with pytest.raises(ValidationError, match="earlier than 2022-03-15"):
        p.on_time(date(2022, 3, 14), deadline=date(2022, 3, 14))
    # Under the Bộ Nội vụ regime the deadline is fixed: passing one is an error.
    with pytest.raises(ValidationError) as err:
        reporting_period("bnv-cchc", "Q1", 2022).on_time(
            date(2022, 3, 1), deadline=date(2022, 3, 25)
        )
    assert err.value.field == "deadline"


def test_submission_datetimes_are_read_in_vietnam_time() -> None:
    # Review item 12. 20:00 UTC on 20/3/2022 is 03:00 on 21/3 in Vietnam (UTC+07:00).
    sent = datetime(2022, 3, 20, 20, tzinfo=UTC)
    assert not submitted_on_time("bnv-cchc", "Q1", 2022, sent, roll_forward=False)
    assert submitted_on_time(
        "bnv-cchc", "Q1", 2022, datetime(2022, 3, 20, 16, tzinfo=UTC), roll_forward=False
    )  # 23:00 on 20/3 in Vietnam
    p = reporting_period("bnv-cchc", "Q1", 2022)
    assert p.contains(datetime(2022, 3, 14, 16, 59, tzinfo=UTC))  # 23:59 on 14/3
    assert not p.contains(datetime(2022, 3, 14, 17, 0, tzinfo=UTC))  # 00:00 on 15/3
    with pytest.raises(NaiveDatetimeError) as err:
        p.on_time(datetime(2022, 3, 20, 10))
    assert err.value.field == "submitted_on"


def test_contains() -> None:
    p = reporting_period("bnv-cchc", "Q1", 2022)
    assert p.contains(date(2021, 12, 15))
    assert p.contains(date(2022, 3, 14))
    assert not p.contains(date(2022, 3, 15))


def test_unknown_regime_and_kind_are_typed() -> None:
    with pytest.raises(ValidationError) as err:
        reporting_period("bnv", "Q1", 2022)
    assert err.value.field == "regime"
    with pytest.raises(ValidationError) as err:
        reporting_period("bnv-cchc", "9M", 2022)
    assert err.value.field == "kind"


def test_regimes_carry_sources() -> None:
    assert regime("bnv-cchc").kinds() == ("Q1", "H1", "Q3", "Y")
    nd09 = regime("nd09-2019")
    assert nd09.source.number == "09/2019/NĐ-CP"
    assert nd09.source.effective_from == date(2019, 3, 12)
    assert len(nd09.kinds()) == 20
    nine = reporting_period("nd09-2019", "9M", 2022, due=False)
    assert nine.source.verification.value == "secondary"


def test_keyword_call_of_the_fixed_api() -> None:
    p = reporting_period(regime="bnv-cchc", kind="H1", year=2023)
    assert (p.start, p.end, p.due) == (date(2022, 12, 15), date(2023, 6, 14), date(2023, 6, 20))
