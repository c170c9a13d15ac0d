"""``OfficialCalendar.busdaycalendar()`` makes NumPy's business-day functions exact.

Oracles: Công văn 8726/VPCP-KGVX (Tết 2025 off 25/01-02/02/2025; Sat 26/04/2025 worked)
and Công văn 12729/VPCP-KGVX (Fri 02/01/2026 off, Sat 10/01/2026 worked); every other day
of 2015-2027 is compared with the calendar's own answer.
"""

from __future__ import annotations

import pickle
from datetime import date

import numpy as np
import pytest

from cchc.calendar import OfficialCalendar
from cchc.errors import CalendarCoverageError

CAL = OfficialCalendar()
BC = CAL.busdaycalendar()
EVERY_DAY = np.arange("2015-01-01", "2028-01-01", dtype="datetime64[D]")


def test_mask_and_holidays() -> None:
    assert BC.weekmask.all()  # all seven days: weekends are listed as holidays instead
    assert np.datetime64("2025-01-25") in BC.holidays  # Saturday of the Tết break
    assert np.datetime64("2025-04-26") not in BC.holidays  # make-up Saturday
    assert np.datetime64("2026-01-02") in BC.holidays  # swapped day off
    assert np.is_busday("2026-01-10", busdaycal=BC)  # make-up Saturday
    assert str(np.busday_offset("2025-01-24", 3, roll="backward", busdaycal=BC)) == "2025-02-05"


def test_is_busday_on_every_day() -> None:
    np.testing.assert_array_equal(
        np.is_busday(EVERY_DAY, busdaycal=BC), CAL.is_working_day_batch(EVERY_DAY)
    )
    assert int((~np.is_busday(EVERY_DAY, busdaycal=BC)).sum()) == BC.holidays.size


@pytest.mark.parametrize("n", [1, 2, 3, 5, 10, 15, 30, -1, -5, -30])
def test_offset_on_every_day(n: int) -> None:
    # cchc: the n-th working day after d, d not counted. NumPy: roll a day off backward
    # for n > 0 (forward for n < 0) and step n business days: the same day.
    days = EVERY_DAY[45:-45]
    roll = "backward" if n > 0 else "forward"
    np.testing.assert_array_equal(
        np.busday_offset(days, n, roll=roll, busdaycal=BC), CAL.add_working_days_batch(days, n)
    )


def test_random_offsets_and_rolls() -> None:
    rng = np.random.default_rng(2025)
    days = EVERY_DAY[90:-90][rng.integers(0, EVERY_DAY.size - 180, 200_000)]
    n = rng.integers(1, 41, days.size)
    forward = np.busday_offset(days, n, roll="backward", busdaycal=BC)
    np.testing.assert_array_equal(forward, CAL.add_working_days_batch(days, n))
    back = np.busday_offset(days, -n, roll="forward", busdaycal=BC)
    np.testing.assert_array_equal(back, CAL.add_working_days_batch(days, -n))
    np.testing.assert_array_equal(
        np.busday_offset(days, 0, roll="forward", busdaycal=BC), CAL.rollforward_batch(days)
    )
    sample = days[:300].astype(date).tolist()
    assert [CAL.add_working_days(d, int(k)) for d, k in zip(sample, n[:300], strict=True)] == (
        forward[:300].astype(date).tolist()
    )


def test_count_is_start_inclusive() -> None:
    rng = np.random.default_rng(8)
    a = EVERY_DAY[rng.integers(0, EVERY_DAY.size, 100_000)]
    b = EVERY_DAY[rng.integers(0, EVERY_DAY.size, 100_000)]
    counted = np.busday_count(a, b, busdaycal=BC)
    # NumPy counts [start, end) for start <= end, and -(end, start] for end < start (the
    # start counts in both directions); cchc's inclusive= names the earlier/later day.
    forward = a <= b
    np.testing.assert_array_equal(
        counted[forward],
        CAL.working_days_between_batch(a[forward], b[forward], inclusive="left"),
    )
    np.testing.assert_array_equal(
        counted[~forward], CAL.working_days_between_batch(a[~forward], b[~forward])
    )
    # cchc's (a, b] is NumPy's [a + 1, b + 1) when a <= b.
    inner = forward & (b < EVERY_DAY[-1])
    one = np.timedelta64(1, "D")
    np.testing.assert_array_equal(
        np.busday_count(a[inner] + one, b[inner] + one, busdaycal=BC),
        CAL.working_days_between_batch(a[inner], b[inner]),
    )
    # The worked example of docs/calendar.md: Sat 26/04/2025 (làm bù) to Mon 05/05/2025.
    assert np.busday_count("2025-04-26", "2025-05-05", busdaycal=BC) == 3
    # Not antisymmetric: from Mon 05/05 back to Sat 26/04 NumPy counts (26/04, 05/05].
    assert np.busday_count("2025-05-05", "2025-04-26", busdaycal=BC) == -3
    assert np.busday_count("2025-05-03", "2025-04-26", busdaycal=BC) == -2  # Sat 03/05 off
    assert np.busday_count("2025-04-26", "2025-05-03", busdaycal=BC) == 3


def test_outside_coverage_numpy_is_silent_and_the_guard_is_not() -> None:
    # NumPy treats every day past the last listed holiday as a business day: 2028-01-01 is a
    # Saturday and a holiday (Tết Dương lịch), yet np.is_busday says True.
    assert np.is_busday("2028-01-01", busdaycal=BC)
    result = np.busday_offset("2027-12-30", 5, roll="backward", busdaycal=BC)
    with pytest.raises(CalendarCoverageError, match=r"field result.*2028-01-04"):
        CAL.check_covered(result, field="result")
    covered = CAL.check_covered(["2025-01-24", date(2027, 12, 31)])
    assert covered.dtype == np.dtype("datetime64[D]") and covered.size == 2
    with pytest.raises(CalendarCoverageError, match="index 1"):
        CAL.check_covered(np.array(["2015-01-01", "2014-12-31"], dtype="M8[D]"))


def test_provisional_busdaycalendar() -> None:
    soft = CAL.busdaycalendar(provisional=True)
    # 2028-01-01 (Sat) gives nghỉ bù on Mon 03/01 under BLLĐ 2019 Điều 111 khoản 3.
    assert not np.is_busday("2028-01-03", busdaycal=soft)
    want = CAL.add_working_days(date(2027, 12, 30), 5, provisional=True).value
    assert np.busday_offset("2027-12-30", 5, roll="backward", busdaycal=soft) == want
    CAL.check_covered(["2028-01-03"], provisional=True)
    with pytest.raises(CalendarCoverageError, match="provisional range"):
        CAL.check_covered(["2099-01-01"], provisional=True)


def test_calendar_pickles_for_process_workers() -> None:
    clone = pickle.loads(pickle.dumps(CAL))
    assert clone.add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    assert clone.is_working_day(date(2031, 1, 2), provisional=True).provisional
