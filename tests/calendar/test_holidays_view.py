"""``OfficialCalendar.to_holidays()`` gives cchc's answers through the ``holidays`` API.

Oracles: Công văn 8726/VPCP-KGVX and Thông báo 6150/TB-BLĐTBXH (Tết 2025 off from Sat
25/01 to Sun 02/02/2025; Sat 26/04/2025 worked for Fri 02/05/2025); Công văn
12729/VPCP-KGVX (Fri 02/01/2026 off, Sat 10/01/2026 worked). Every day of 2015-2027 is
checked against the calendar itself, which the oracle tests in test_official_dates.py pin.
"""

from __future__ import annotations

import copy
import io
import pickle
from datetime import UTC, date, datetime, timedelta

import holidays
import numpy as np
import pandas as pd
import pytest

from cchc.calendar import OfficialCalendar, OfficialHolidays, read_notice_csv
from cchc.errors import CalendarCoverageError, NaiveDatetimeError, ValidationError

CAL = OfficialCalendar()
H = CAL.to_holidays()
FIRST, LAST = date(2015, 1, 1), date(2027, 12, 31)
EVERY_DAY = [FIRST + timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


def outcome(func, *args):  # type: ignore[no-untyped-def]
    """The answer, or the error class when there is none."""
    try:
        return func(*args)
    except CalendarCoverageError:
        return CalendarCoverageError


def test_is_a_holidays_object_with_vietnamese_names() -> None:
    assert isinstance(H, holidays.HolidayBase) and isinstance(H, OfficialHolidays)
    assert H.country == "VN"
    assert H.years == set(range(2015, 2028))
    # Công văn 8726/VPCP-KGVX: 27-31/01/2025 are the five Tết days.
    assert H[date(2025, 1, 28)] == "Tết Âm lịch (Tết Nguyên đán)"
    assert H["2025-01-28"] == H.get("2025-01-28") == H[np.datetime64("2025-01-28")]
    assert "2025-05-02" in H  # nghỉ hoán đổi
    assert "2025-04-26" not in H and date(2025, 4, 26) in H.weekend_workdays  # đi làm bù
    assert "2026-01-02" in H and date(2026, 1, 10) in H.weekend_workdays  # CV 12729
    assert H.get("2025-01-24") is None and H.get("2025-01-24", "-") == "-"
    with pytest.raises(KeyError):
        H["2025-01-24"]  # a working day is no key, as in any dict
    assert CAL.to_holidays(language="en")["2025-01-28"] == "Lunar New Year (Tết)"


def test_tet_2025_break_as_holidays_sees_it() -> None:
    # 25/01-02/02/2025 not worked (weekends 25-26/01 and 01-02/02 are rest days, not keys).
    for i in range(9):
        assert not H.is_working_day(date(2025, 1, 25) + timedelta(days=i))
    assert H.get_nth_working_day("2025-01-24", 1) == date(2025, 2, 3)
    assert H.get_nth_working_day("2025-01-24", 3) == date(2025, 2, 5)
    assert H.get_working_days_count("2025-01-24", "2025-02-05") == 4  # [start, end]
    assert H.get_nth_working_day("2025-04-25", 1) == date(2025, 4, 26)  # Saturday worked


def test_every_covered_day_equals_the_calendar() -> None:
    for day in EVERY_DAY:
        entry = CAL.entry(day)
        assert H.is_working_day(day) == CAL.is_working_day(day), day
        is_key = entry is not None and entry.is_day_off
        assert (day in H) == is_key, day
        assert H.get(day) == (entry.name_vi if is_key and entry else None), day
        assert H.get(day.isoformat()) == H.get(day)


@pytest.mark.parametrize("n", [1, 2, 5, 10, -1, -3, -10])
def test_nth_working_day_on_every_day(n: int) -> None:
    for day in EVERY_DAY:
        # Near the coverage's ends both raise CalendarCoverageError.
        assert outcome(H.get_nth_working_day, day, n) == outcome(CAL.add_working_days, day, n), (
            day,
            n,
        )


def test_nth_working_day_zero_rolls_forward() -> None:
    # holidays' n = 0 is cchc's rollforward; cchc's add_working_days(d, 0) is d itself.
    for day in EVERY_DAY[:-10]:
        assert H.get_nth_working_day(day, 0) == CAL.rollforward(day)


def test_working_days_count_is_both_ends_inclusive() -> None:
    rng = np.random.default_rng(11)
    for day in EVERY_DAY[::3]:
        other = day + timedelta(days=int(rng.integers(-40, 41)))
        if not FIRST <= other <= LAST:
            continue
        want = abs(CAL.working_days_between(day, other, inclusive="both"))
        assert H.get_working_days_count(day, other) == want, (day, other)


def test_outside_coverage_is_an_error_unless_provisional() -> None:
    for key in ("2031-01-01", date(2014, 12, 31), np.datetime64("2028-01-03")):
        with pytest.raises(CalendarCoverageError, match="provisional=True"):
            key in H  # noqa: B015
    with pytest.raises(CalendarCoverageError):
        H.get_nth_working_day("2027-12-30", 5)
    assert 2031 not in H.years  # asking again fails again, never answers from an empty year
    with pytest.raises(CalendarCoverageError):
        H.is_working_day("2031-01-01")
    soft = CAL.to_holidays(provisional=True)
    assert soft.provisional
    # 2028-01-01 is a Saturday: nghỉ bù on Monday 03/01 (BLLĐ 2019 Điều 111 khoản 3).
    assert soft["2028-01-03"].endswith("(dự kiến)")
    assert not soft.is_working_day("2028-01-03")
    assert soft["2025-01-28"] == H["2025-01-28"]  # covered years stay official, unmarked
    with pytest.raises(CalendarCoverageError, match="provisional range"):
        soft.get("1990-01-01")


def test_keys_are_read_as_cchc_reads_dates() -> None:
    # 2025-01-27 20:00 UTC is 03:00 on 28/01 in Hà Nội.
    assert datetime(2025, 1, 27, 20, tzinfo=UTC) in H
    assert pd.Timestamp("2025-01-28") in H
    assert pd.Timestamp("2025-01-27 20:00", tz="UTC") in H
    assert datetime(2025, 1, 27, 20, tzinfo=UTC).timestamp() in H  # Unix time, read in Vietnam
    with pytest.raises(NaiveDatetimeError, match=r"\+07:00"):
        datetime(2025, 1, 28, 9) in H  # noqa: B015
    with pytest.raises(ValidationError, match="field key: not an ISO date"):
        H.get("28/01/2025")  # ambiguous day/month order: refused, not guessed
    for bad in (True, float("nan"), None, b"2025-01-28", 1e20):
        with pytest.raises(ValidationError, match="field key"):
            H.get(bad)  # type: ignore[arg-type]


def test_user_edits_and_copies_behave_as_in_holidays() -> None:
    local = CAL.to_holidays()
    local.append({"2026-03-24": "Ngày lễ tỉnh"})  # a province's day off, added by the user
    assert not local.is_working_day("2026-03-24") and H.is_working_day("2026-03-24")
    for clone in (copy.copy(H), pickle.loads(pickle.dumps(H))):
        assert clone == H and clone.is_working_day("2025-04-26")
        with pytest.raises(CalendarCoverageError):
            clone.get("2031-01-01")
    with pytest.raises(ValidationError, match="field language"):
        CAL.to_holidays(language="fr")  # type: ignore[arg-type]


def test_user_notice_calendar_flows_into_the_view() -> None:
    text = "date,kind,name_vi,name_en\n2028-01-03,compensatory,Tết Dương lịch - nghỉ bù,NY\n"
    cal = CAL.with_notices(read_notice_csv(io.StringIO(text), covers_years=[2028]))
    view = cal.to_holidays()
    assert view["2028-01-03"] == "Tết Dương lịch - nghỉ bù" and 2028 in view.years
