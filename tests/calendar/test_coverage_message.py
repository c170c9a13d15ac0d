"""One coverage refusal, one advice, naming the option that exists (issue 16 item 2).

In Python the option is ``provisional=True`` (the calendar's methods, ``DeadlinePolicy``);
on the command line ``--provisional``, offered only by the commands that have it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from cchc.calendar import OfficialCalendar
from cchc.calendar.coverage import PROVISIONAL_HINT
from cchc.cli import main
from cchc.dossiers import DeadlinePolicy, due_date
from cchc.errors import CalendarCoverageError
from cchc.tz import VN_TZ

CAL = OfficialCalendar()
OUTSIDE = [date(2014, 12, 31), date(2028, 1, 1), date(2031, 1, 2)]


@pytest.mark.parametrize("day", OUTSIDE)
def test_every_path_refuses_with_the_same_advice(day: date) -> None:
    received = datetime(day.year, day.month, day.day, 9, tzinfo=VN_TZ)
    attempts = [
        lambda: CAL.is_working_day(day),
        lambda: CAL.add_working_days(day, 1),
        lambda: CAL.working_days_between(date(2025, 1, 2), day),
        lambda: CAL.entries(day.year),
        lambda: CAL.add_working_days_batch(np.array([day], dtype="datetime64[D]"), 1),
        lambda: CAL.check_covered([day]),
        lambda: CAL.unconfirmed_days(day),
        lambda: due_date(received, 1),
    ]
    for attempt in attempts:
        with pytest.raises(CalendarCoverageError) as err:
            attempt()
        message = str(err.value)
        assert "outside the official calendar's coverage (2015-2027)" in message
        assert message.endswith(PROVISIONAL_HINT)
    # and the option it names answers
    assert CAL.add_working_days(day, 1, provisional=True).provisional
    if day.year > 2018:  # the one-stop rules are in force from 21/6/2018
        assert due_date(received, 1, policy=DeadlinePolicy(provisional=True)) > received


def test_beyond_the_provisional_range_no_option_is_offered() -> None:
    with pytest.raises(CalendarCoverageError) as err:
        CAL.add_working_days(date(2099, 1, 1), 1, provisional=True)
    assert "outside even the provisional range (2000-2057)" in str(err.value)
    assert "provisional=True" not in str(err.value)


@pytest.mark.parametrize(
    "argv",
    [
        ["calendar", "add-days", "2031-01-02", "1"],
        ["calendar", "is-working", "2031-01-02"],
        ["calendar", "days", "2031"],
        ["dossier", "due", "2031-01-02T09:00+07:00", "1"],
    ],
)
def test_cli_offers_provisional_where_it_exists(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "add --provisional" in err and "provisional=True" not in err
    assert main([*argv, "--provisional"]) in (0, 1)  # answered (is-working: 1 = day off)
    capsys.readouterr()


def test_cli_does_not_offer_an_option_the_command_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "number: 1/KH-X\nissuer: UBND\nsigned_on: 2030-01-05\ntitle: Kế hoạch\n"
        "period_start: 2030-01-01\nperiod_end: 2031-12-31\n"
        "tasks:\n  - id: '1'\n    area: the_che\n    title: Rà soát\n    owner: Sở\n"
        "    due: 2031-12-31\n",
        encoding="utf-8",
    )
    assert main(["plan", "status", str(plan), "--as-of", "2031-06-01"]) == 2
    err = capsys.readouterr().err
    assert "coverage (2015-2027)" in err
    assert "--provisional" not in err and "answers only inside it" in err
