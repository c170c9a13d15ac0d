"""The unchecked fast path of ``add_working_days_batch`` equals the checked one.

``DayTable.add_forward`` answers only when its bounds prove every answer is on the table;
otherwise it declines (``None``) and ``DayTable.add`` with its checks answers.
"""

from __future__ import annotations

import numpy as np

from cchc.calendar import OfficialCalendar

CAL = OfficialCalendar()
TABLE = CAL.table
DAYS = np.arange("2015-01-01", "2028-01-01", dtype="datetime64[D]")


def checked(days: np.ndarray, n: np.ndarray | int) -> np.ndarray:
    idx = days.view(np.int64) - TABLE.origin_days
    return TABLE.add(idx, n) + TABLE.origin_days


def test_fast_equals_checked_on_random_input() -> None:
    rng = np.random.default_rng(3)
    days = DAYS[:-60][rng.integers(0, DAYS.size - 60, 100_000)]
    for n in (rng.integers(1, 31, days.size), 1, 7, np.int64(30)):
        fast = TABLE.add_forward(days.view(np.int64), n)
        assert fast is not None
        np.testing.assert_array_equal(fast, checked(days, n))
    # The oracle: 3 working days after Fri 24/01/2025 is Wed 05/02/2025 (Công văn 8726/VPCP-KGVX).
    got = CAL.add_working_days_batch(np.array(["2025-01-24"], "M8[D]"), 3)
    assert str(got[0]) == "2025-02-05"


def test_fast_path_declines_what_it_cannot_prove() -> None:
    epoch = DAYS.view(np.int64)
    assert TABLE.add_forward(epoch[-3:], 5) is None  # would run past 2027
    assert TABLE.add_forward(epoch[:3], 0) is None  # n = 0 returns the day itself
    assert TABLE.add_forward(epoch[:3], np.array([1, -1, 2])) is None
    assert TABLE.add_forward(epoch[:0], 1) is None
    assert TABLE.add_forward(np.array([epoch[0] - 1]), 1) is None  # before the table
