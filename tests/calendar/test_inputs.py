"""Scalar calendar methods take what the batch methods take (issue 11, items 1 and 12).

Oracle days: Tue 28/01/2025 is a Tết day and Sat 26/04/2025 a make-up working day
(Công văn 8726/VPCP-KGVX; Thông báo 6150/TB-BLĐTBXH).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.calendar import OfficialCalendar, Provisional, as_day
from cchc.errors import CalendarCoverageError, CchcError, NaiveDatetimeError, ValidationError

CAL = OfficialCalendar()
TET = date(2025, 1, 28)

SAME_DAY = [
    TET,
    "2025-01-28",
    "20250128",
    np.datetime64("2025-01-28"),
    np.datetime64("2025-01-28T23:59:59", "s"),
    np.datetime64("2025-01-28T10:00:00.123456789", "ns"),
    pd.Timestamp("2025-01-28"),
    pd.Timestamp("2025-01-28 23:30"),
    pd.Timestamp("2025-01-27 20:00", tz="UTC"),  # 03:00 on 28/01 in Hà Nội
    datetime(2025, 1, 27, 20, tzinfo=UTC),
    datetime(2025, 1, 28, 1, tzinfo=timezone(timedelta(hours=7))),
]


@pytest.mark.parametrize("value", SAME_DAY, ids=repr)
def test_every_form_is_the_same_day(value: object) -> None:
    assert as_day(value) == TET
    assert CAL.is_working_day(value) is False  # type: ignore[arg-type]
    assert CAL.add_working_days(value, 1) == date(2025, 2, 3)  # type: ignore[arg-type]
    assert CAL.rollforward(value) == date(2025, 2, 3)  # type: ignore[arg-type]
    assert CAL.entry(value) == CAL.entry(TET)  # type: ignore[arg-type]
    # ... and the batch path reads it the same way.
    assert not CAL.is_working_day_batch([value])[0]


def test_strings_everywhere() -> None:
    assert CAL.is_working_day("2025-04-26")  # đi làm bù
    assert CAL.working_days_between("2025-01-24", "2025-02-05") == 3
    assert CAL.next_working_day("2025-04-25") == date(2025, 4, 26)
    assert CAL.previous_working_day("2025-02-03") == date(2025, 1, 24)
    assert CAL.rollback("2025-02-02") == date(2025, 1, 24)
    assert CAL.add_working_days("2031-01-02", 1, provisional=True).value == date(2031, 1, 3)


def test_naive_datetime_says_what_to_pass() -> None:
    with pytest.raises(
        NaiveDatetimeError, match=r"pass a date, or a datetime with tzinfo, e\.g\. \+07:00"
    ):
        CAL.is_working_day(datetime(2025, 1, 28, 9))
    with pytest.raises(NaiveDatetimeError, match="field end"):
        CAL.working_days_between(TET, datetime(2025, 2, 5, 9))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("28/01/2025", "not an ISO date"),
        ("2025-02-30", "not an ISO date"),
        ("", "not an ISO date"),
        ("2025-01-28T09:00+07:00", "not an ISO date"),
        (np.datetime64("NaT"), "NaT"),
        (pd.NaT, "NaT"),
        (20250128, "expected a date"),
        (None, "expected a date"),
        (b"2025-01-28", "expected a date"),
        (1.5, "expected a date"),
        (True, "expected a date"),
    ],
    ids=repr,
)
def test_bad_values_raise_a_validation_error_naming_the_field(value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=f"field start: .*{message}"):
        CAL.working_days_between(value, TET)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=f"field date: .*{message}"):
        CAL.is_working_day(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "moment",
    [
        datetime(9999, 12, 31, 20, tzinfo=UTC),  # year 10000 in +07:00
        datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=1))),
        datetime(1, 1, 1, 3, tzinfo=timezone(timedelta(hours=12))),  # year 0 in +07:00
    ],
)
def test_datetime_beyond_year_9999_in_vietnam_is_a_typed_error(moment: datetime) -> None:
    with pytest.raises(CalendarCoverageError, match="years 1-9999"):
        CAL.is_working_day(moment)
    with pytest.raises(CalendarCoverageError, match="field date"):
        CAL.add_working_days(moment, 3)
    with pytest.raises(CalendarCoverageError, match="years 1-9999"):
        CAL.is_working_day(moment, provisional=True)
    with pytest.raises(CalendarCoverageError, match=r"dates\[0\]"):
        CAL.is_working_day_batch([moment])


def test_datetime64_beyond_python_dates() -> None:
    with pytest.raises(CalendarCoverageError, match="years 1-9999"):
        CAL.is_working_day(np.datetime64("10000-01-01"))


aware = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.timezones()
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(aware, st.dates(), st.text(max_size=12), st.integers(), st.floats()))
def test_only_cchc_errors(value: object) -> None:
    for call in (
        lambda: CAL.is_working_day(value),  # type: ignore[arg-type]
        lambda: CAL.add_working_days(value, 2, provisional=True),  # type: ignore[arg-type]
        lambda: CAL.working_days_between(TET, value, inclusive="both"),  # type: ignore[arg-type]
    ):
        try:
            answer = call()
        except CchcError:  # the only kind of error allowed
            continue
        assert isinstance(answer, bool | int | date | Provisional)


def test_pandas_is_not_imported_by_the_calendar() -> None:
    code = (
        "import sys, datetime, cchc.calendar as c; "
        "c.default_calendar().is_working_day('2025-01-28'); "
        "print('pandas' in sys.modules)"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
