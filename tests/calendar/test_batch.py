"""The batch path equals the scalar reference on random inputs (hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.calendar import OfficialCalendar
from cchc.errors import CalendarCoverageError, NaiveDatetimeError, ValidationError

CAL = OfficialCalendar()
covered_days = st.dates(min_value=date(2015, 5, 1), max_value=date(2027, 9, 30))  # ±40 wd margin
offsets = st.integers(min_value=-40, max_value=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(covered_days, offsets), min_size=1, max_size=50))
def test_add_batch_equals_scalar(pairs: list[tuple[date, int]]) -> None:
    days = np.array([d for d, _ in pairs], dtype="datetime64[D]")
    ns = np.array([n for _, n in pairs])
    got = CAL.add_working_days_batch(days, ns)
    want = np.array([CAL.add_working_days(d, n) for d, n in pairs], dtype="datetime64[D]")
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(
        CAL.is_working_day_batch(days), [CAL.is_working_day(d) for d, _ in pairs]
    )
    np.testing.assert_array_equal(
        CAL.working_days_between_batch(days, got),
        [CAL.working_days_between(d, w) for (d, _), w in zip(pairs, want.tolist(), strict=True)],
    )
    np.testing.assert_array_equal(
        CAL.rollforward_batch(days), np.array([CAL.rollforward(d) for d, _ in pairs], "M8[D]")
    )


@settings(max_examples=300, deadline=None)
@given(covered_days, st.integers(min_value=0, max_value=40))
def test_between_inverts_add(day: date, n: int) -> None:
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@settings(max_examples=200, deadline=None)
@given(covered_days, st.integers(min_value=1, max_value=40))
def test_backward_from_working_day_inverts(day: date, n: int) -> None:
    start = CAL.rollforward(day)
    assert CAL.working_days_between(start, CAL.add_working_days(start, -n)) == -n


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2050, 12, 31)), offsets)
def test_provisional_batch_equals_scalar(day: date, n: int) -> None:
    scalar = CAL.add_working_days(day, n, provisional=True)
    batch = CAL.add_working_days_batch(np.array([day], "M8[D]"), n, provisional=True)
    assert batch.values[0] == np.datetime64(scalar.value, "D")
    assert bool(batch.provisional[0]) == scalar.provisional


def test_pandas_and_list_inputs() -> None:
    series = pd.Series(pd.to_datetime(["2025-01-24", "2026-01-09"]))
    np.testing.assert_array_equal(
        CAL.add_working_days_batch(series, 1), np.array(["2025-02-03", "2026-01-10"], "M8[D]")
    )
    aware = pd.Series(pd.to_datetime(["2025-01-24 20:00"]).tz_localize("UTC"))
    assert not CAL.is_working_day_batch(aware)[0]  # 03:00 on Sat 25/01 in Hà Nội
    as_list = [date(2025, 1, 24), datetime(2025, 1, 24, 20, tzinfo=UTC)]
    np.testing.assert_array_equal(CAL.is_working_day_batch(as_list), [True, False])


def test_batch_errors_name_the_element() -> None:
    days = np.array(["2025-01-01", "2031-05-05", "2032-01-01"], dtype="datetime64[D]")
    with pytest.raises(CalendarCoverageError, match=r"2 element\(s\).*index 1 \(2031-05-05\)"):
        CAL.is_working_day_batch(days)
    with pytest.raises(ValidationError, match="NaT"):
        CAL.is_working_day_batch(np.array(["2025-01-01", "NaT"], dtype="datetime64[D]"))
    with pytest.raises(NaiveDatetimeError, match=r"dates\[1\]"):
        CAL.is_working_day_batch([date(2025, 1, 1), datetime(2025, 1, 1, 8)])
    with pytest.raises(ValidationError, match="integers"):
        CAL.add_working_days_batch(days[:1], 1.5)
    with pytest.raises(ValidationError, match="shape"):
        CAL.add_working_days_batch(days[:1].repeat(2), np.array([1, 2, 3]))
    end = np.array(["2027-12-30"], dtype="datetime64[D]")
    with pytest.raises(CalendarCoverageError, match="field result"):
        CAL.add_working_days_batch(end, 5)


def test_large_batch_matches_scalar_sample() -> None:
    rng = np.random.default_rng(7)
    start = np.datetime64("2015-01-01")
    days = start + rng.integers(60, 4680, 200_000).astype("timedelta64[D]")
    ns = rng.integers(-30, 31, days.shape)
    got = CAL.add_working_days_batch(days, ns)
    for i in rng.integers(0, days.shape[0], 500):
        d = days[i].astype(date)
        assert got[i] == np.datetime64(CAL.add_working_days(d, int(ns[i])), "D")
    assert (got >= start).all() and (got - days <= timedelta(days=80)).all()
