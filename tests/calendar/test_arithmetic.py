"""Working-day arithmetic: the counting convention, worked examples, errors."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from cchc.calendar import OfficialCalendar
from cchc.errors import CalendarCoverageError, NaiveDatetimeError, ValidationError

CAL = OfficialCalendar()


def test_third_working_day_after_friday_2025_01_24() -> None:
    # Tết break 25/01-02/02/2025 (Công văn 8726/VPCP-KGVX): Mon 3/2 is the 1st working day
    # after Fri 24/1, Tue 4/2 the 2nd, Wed 5/2 the 3rd.
    assert CAL.add_working_days(date(2025, 1, 24), 1) == date(2025, 2, 3)
    assert CAL.add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    assert CAL.working_days_between(date(2025, 1, 24), date(2025, 2, 5)) == 3


def test_makeup_saturday_counts() -> None:
    # Sat 26/04/2025 is worked (Thông báo 6150/TB-BLĐTBXH): 1 working day after Fri 25/04.
    assert CAL.add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)
    # then 30/4, 1/5, 2/5 (swap) off: 2nd working day after 25/04 is Mon 28/04, 4th is 05/05.
    assert CAL.add_working_days(date(2025, 4, 25), 4) == date(2025, 5, 5)


def test_zero_and_negative() -> None:
    assert CAL.add_working_days(date(2025, 2, 1), 0) == date(2025, 2, 1)
    assert CAL.add_working_days(date(2025, 2, 3), -1) == date(2025, 1, 24)
    assert CAL.add_working_days(date(2025, 2, 1), -1) == date(2025, 1, 24)
    assert CAL.previous_working_day(date(2026, 1, 5)) == date(2025, 12, 31)
    assert CAL.working_days_between(date(2025, 2, 5), date(2025, 1, 24)) == -3


def test_roll() -> None:
    assert CAL.rollforward(date(2025, 1, 25)) == date(2025, 2, 3)
    assert CAL.rollforward(date(2025, 2, 3)) == date(2025, 2, 3)
    assert CAL.rollback(date(2025, 2, 2)) == date(2025, 1, 24)
    assert CAL.next_working_day(date(2026, 11, 23)) == date(2026, 11, 25)


def test_aware_datetime_is_read_in_vietnam_time() -> None:
    # 2025-01-24 20:00 UTC is 2025-01-25 03:00 in Hà Nội: a Saturday of the Tết break.
    moment = datetime(2025, 1, 24, 20, 0, tzinfo=UTC)
    assert CAL.is_working_day(moment) is False
    assert CAL.is_working_day(datetime(2025, 1, 24, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))


def test_naive_datetime_rejected() -> None:
    with pytest.raises(NaiveDatetimeError, match="naive datetime") as err:
        CAL.is_working_day(datetime(2025, 1, 24, 9, 0))
    assert err.value.field == "date"


def test_outside_coverage_raises() -> None:
    with pytest.raises(CalendarCoverageError, match=r"coverage \(2015-2027\)"):
        CAL.is_working_day(date(2014, 12, 31))
    with pytest.raises(CalendarCoverageError):
        CAL.days_off(2028)
    # The answer, not only the input, must be covered.
    with pytest.raises(CalendarCoverageError, match="answer"):
        CAL.add_working_days(date(2027, 12, 30), 5)


def test_provisional_answer_is_marked() -> None:
    inside = CAL.add_working_days(date(2025, 1, 24), 3, provisional=True)
    assert inside.value == date(2025, 2, 5) and not inside.provisional
    crossing = CAL.add_working_days(date(2027, 12, 30), 5, provisional=True)
    assert crossing.provisional and crossing.uncovered_years == (2028,)
    # 2028: 1/1 (Sat) gives nghỉ bù Mon 3/1 under BLLĐ 2019 Điều 111 khoản 3.
    assert crossing.value == date(2028, 1, 7)
    entries = CAL.days_off(2028, provisional=True)
    assert all(e.provisional for e in entries)
    assert CAL.is_working_day(date(2028, 1, 3), provisional=True).value is False


def test_bad_arguments() -> None:
    with pytest.raises(ValidationError, match="integer"):
        CAL.add_working_days(date(2025, 1, 1), 1.5)  # type: ignore[arg-type]
    # An ISO string is a date since issue 11 item 12; a number is still refused.
    with pytest.raises(ValidationError, match="expected a date"):
        CAL.is_working_day(20250101)  # type: ignore[arg-type]
