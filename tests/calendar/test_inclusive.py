"""``working_days_between(..., inclusive=)``: the four ways to count a span (issue 11, item 13).

Worked example (docs/calendar.md): Sat 26/04/2025 is a make-up working day and Fri
02/05/2025 a swapped day off (Công văn 8726/VPCP-KGVX; Thông báo 6150/TB-BLĐTBXH);
30/04 and 01/05 are holidays (BLLĐ 2019 Điều 112). From Sat 26/04 to Mon 05/05/2025 the
working days are 26/04, 28/04, 29/04 and 05/05.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.calendar import OfficialCalendar
from cchc.errors import CalendarCoverageError, ValidationError

CAL = OfficialCalendar()
START, END = date(2025, 4, 26), date(2025, 5, 5)
MODES = ("right", "left", "both", "neither")


@pytest.mark.parametrize(
    ("inclusive", "want"), [("right", 3), ("left", 3), ("both", 4), ("neither", 2)]
)
def test_worked_example(inclusive: str, want: int) -> None:
    assert CAL.working_days_between(START, END, inclusive=inclusive) == want  # type: ignore[arg-type]
    assert CAL.working_days_between(END, START, inclusive=inclusive) == -want  # type: ignore[arg-type]
    batch = CAL.working_days_between_batch([START, END], [END, START], inclusive=inclusive)  # type: ignore[arg-type]
    np.testing.assert_array_equal(batch, [want, -want])


def test_default_is_right_and_unchanged() -> None:
    assert CAL.working_days_between(START, END) == 3
    assert CAL.working_days_between(date(2025, 1, 24), date(2025, 2, 5)) == 3  # Tết 2025


def test_one_day_spans() -> None:
    for day, work in ((START, 1), (date(2025, 5, 2), 0)):
        assert CAL.working_days_between(day, day, inclusive="both") == work
        for mode in ("right", "left", "neither"):
            assert CAL.working_days_between(day, day, inclusive=mode) == 0  # type: ignore[arg-type]


def test_bad_inclusive() -> None:
    with pytest.raises(ValidationError, match="field inclusive"):
        CAL.working_days_between(START, END, inclusive="closed")  # type: ignore[call-overload]
    with pytest.raises(ValidationError, match="field inclusive"):
        CAL.working_days_between_batch([START], [END], inclusive=None)  # type: ignore[call-overload]


def test_provisional_and_coverage_keep_working() -> None:
    got = CAL.working_days_between(
        date(2027, 12, 31), date(2028, 1, 3), inclusive="both", provisional=True
    )
    # Fri 31/12/2027 works; 01/01/2028 (Sat) and its nghỉ bù Mon 03/01 do not.
    assert got.value == 1 and got.provisional and got.uncovered_years == (2028,)
    with pytest.raises(CalendarCoverageError):
        CAL.working_days_between(date(2027, 12, 31), date(2028, 1, 3), inclusive="left")


covered = st.dates(min_value=date(2015, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(covered, covered), min_size=1, max_size=30), st.sampled_from(MODES))
def test_batch_equals_scalar_and_a_day_by_day_count(
    pairs: list[tuple[date, date]], mode: str
) -> None:
    starts = [a for a, _ in pairs]
    ends = [b for _, b in pairs]
    got = CAL.working_days_between_batch(starts, ends, inclusive=mode)  # type: ignore[arg-type]
    scalar = [CAL.working_days_between(a, b, inclusive=mode) for a, b in pairs]  # type: ignore[arg-type]
    np.testing.assert_array_equal(got, scalar)
    a, b = pairs[0]
    lo, hi = min(a, b), max(a, b)
    days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    if mode in ("right", "neither"):
        days = days[1:]
    if mode in ("left", "neither"):
        days = days[:-1]
    counted = sum(CAL.is_working_day(d) for d in days)
    assert scalar[0] == (-counted if b < a else counted)
