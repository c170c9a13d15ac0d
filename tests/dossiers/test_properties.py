"""Properties of the scalar engine that hold for every input (hypothesis)."""

from __future__ import annotations

from datetime import datetime, time

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.calendar import OfficialCalendar
from cchc.dossiers import clock_start, due_date
from cchc.tz import VN_TZ

CAL = OfficialCalendar()
moments = st.datetimes(min_value=datetime(2018, 6, 21), max_value=datetime(2027, 6, 30)).map(
    lambda d: d.replace(tzinfo=VN_TZ)
)
policies = st.sampled_from(["next_opening", "as_recorded", "cutoff_15h", "civil_code"])


@settings(max_examples=150, deadline=None)
@given(received=moments, n=st.integers(0, 40), policy=policies)
def test_working_days_due_is_a_working_day_n_days_on(
    received: datetime, n: int, policy: str
) -> None:
    due = due_date(received, n, policy=policy)
    start = clock_start(received, policy=policy)
    # The due day is a working day (make-up Saturdays included), never before the clock start,
    # and exactly n working days after the start day when the start day is a working day.
    assert CAL.is_working_day(due.date())
    assert due >= start
    assert due.tzinfo is not None and due.utcoffset() == VN_TZ.utcoffset(due)
    if CAL.is_working_day(start.date()):
        assert CAL.working_days_between(start.date(), due.date()) == n
    # One more day never gives an earlier due date (the same one only when day 0 is a day off
    # under as_recorded: 0 and 1 working days after a holiday both end on the next working day).
    later = due_date(received, n + 1, policy=policy)
    assert later > due or (later == due and n == 0 and not CAL.is_working_day(start.date()))


@settings(max_examples=100, deadline=None)
@given(received=moments, n=st.integers(0, 60))
def test_calendar_days_end_on_or_just_after_the_plain_date(received: datetime, n: int) -> None:
    # BLDS 2015 Art 148(1),(5): the plain end date, or the next working day if it is a day off.
    due = due_date(received, n, "days", policy="as_recorded")
    plain = received.date().toordinal() + n
    assert due.date().toordinal() >= plain
    assert CAL.is_working_day(due.date())
    for ordinal in range(plain, due.date().toordinal()):
        assert not CAL.is_working_day(datetime.fromordinal(ordinal).date())


@settings(max_examples=100, deadline=None)
@given(received=moments, hours=st.integers(1, 60))
def test_working_hours_due_is_inside_office_hours(received: datetime, hours: int) -> None:
    due = due_date(received, hours, "hours")
    t = due.timetz().replace(tzinfo=None)
    assert CAL.is_working_day(due.date())
    # Ends inside a session or exactly at its close (07:00-11:30, 13:30-17:00 by default).
    assert time(7, 0) < t <= time(11, 30) or time(13, 30) < t <= time(17, 0)
