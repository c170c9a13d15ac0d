"""Answers say when they rest on an unconfirmed day (issue 19 A4).

Oracles: the bundled day files, which record how each date was read. Giỗ Tổ Hùng
Vương 2027 (10/3 âm lịch = Friday 16/4/2027, Bộ luật Lao động 2019 Điều 112) is
``derived``: no notice for 2027 was read. Tết 2018 (14-20/2/2018) was read in the
original Thông báo 573/TB-LĐTBXH (``TB573-2017``); the 2019 swap of 29/4 for
Saturday 4/5 in the original Công văn 6519/VPCP-KGVX (``CV6519-2018``).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from cchc.calendar import OfficialCalendar
from cchc.cli import main
from cchc.errors import CalendarCoverageError
from cchc.legal import Verification

CAL = OfficialCalendar()
GIO_TO_2027 = date(2027, 4, 16)


def test_the_derived_gio_to_2027_is_unconfirmed_with_its_source() -> None:
    (entry,) = CAL.unconfirmed_days(GIO_TO_2027)
    assert entry.day == GIO_TO_2027 and entry.verification is Verification.DERIVED
    assert [s.key for s in entry.sources] == ["BLLD2019"]
    assert not entry.confirmed


@pytest.mark.parametrize("before", range(0, 12))
def test_a_span_lists_exactly_the_unconfirmed_entries_in_it(before: int) -> None:
    start = GIO_TO_2027 - timedelta(days=before)
    for end in (start + timedelta(days=k) for k in range(0, 20)):
        expected = [
            e
            for e in CAL.entries(2027)
            if start <= e.day <= end and e.verification is not Verification.ORIGINAL
        ]
        assert list(CAL.unconfirmed_days(start, end)) == expected
        assert CAL.unconfirmed_days(end, start) == CAL.unconfirmed_days(start, end)


def test_days_read_in_the_original_are_confirmed() -> None:
    assert CAL.unconfirmed_days(date(2018, 2, 10), date(2018, 2, 25)) == ()
    assert CAL.unconfirmed_days(date(2019, 4, 29)) == CAL.unconfirmed_days(date(2019, 5, 4)) == ()
    # 30/4 and 1/5/2019 themselves are known from secondary copies only
    span = CAL.unconfirmed_days(date(2019, 4, 29), date(2019, 5, 4))
    assert [e.day for e in span] == [date(2019, 4, 30), date(2019, 5, 1)]
    tet_2018 = CAL.add_working_days(date(2018, 2, 13), 1, provisional=True)
    assert tet_2018.value == date(2018, 2, 21) and tet_2018.confirmed


def test_scalar_answers_carry_the_days_they_rest_on() -> None:
    day = CAL.is_working_day(GIO_TO_2027, provisional=True)
    assert day.value is False and not day.provisional and not day.confirmed
    assert [e.day for e in day.unconfirmed] == [GIO_TO_2027]
    # Thursday 15/4 + 1 working day crosses Friday 16/4 (Giỗ Tổ) and lands on Monday 19/4
    after = CAL.add_working_days(date(2027, 4, 15), 1, provisional=True)
    assert after.value == date(2027, 4, 19)
    assert [e.day for e in after.unconfirmed] == [GIO_TO_2027]
    back = CAL.add_working_days(date(2027, 4, 19), -1, provisional=True)
    assert back.value == date(2027, 4, 15) and [e.day for e in back.unconfirmed] == [GIO_TO_2027]
    # the start day is not counted, so an answer starting on Giỗ Tổ does not rest on it
    assert CAL.add_working_days(GIO_TO_2027, 1, provisional=True).unconfirmed == ()
    assert CAL.is_working_day(date(2027, 4, 15), provisional=True).confirmed


@pytest.mark.parametrize(
    ("inclusive", "start", "end", "rests"),
    [
        ("right", date(2027, 4, 15), date(2027, 4, 16), True),
        ("right", GIO_TO_2027, date(2027, 4, 19), False),
        ("left", GIO_TO_2027, date(2027, 4, 19), True),
        ("left", date(2027, 4, 15), GIO_TO_2027, False),
        ("both", GIO_TO_2027, GIO_TO_2027, True),
        ("neither", date(2027, 4, 15), date(2027, 4, 19), True),
        ("neither", GIO_TO_2027, date(2027, 4, 19), False),
    ],
)
def test_a_count_rests_on_the_days_it_counts(
    inclusive: str, start: date, end: date, rests: bool
) -> None:
    answer = CAL.working_days_between(start, end, inclusive=inclusive, provisional=True)  # type: ignore[call-overload]
    assert answer.value == CAL.working_days_between(start, end, inclusive=inclusive)  # type: ignore[call-overload]
    assert bool(answer.unconfirmed) is rests


def test_provisional_years_rest_on_derived_days() -> None:
    answer = CAL.add_working_days(date(2029, 12, 31), 1, provisional=True)
    assert answer.provisional and not answer.confirmed
    assert [e.day for e in answer.unconfirmed] == [date(2030, 1, 1)]
    assert all(e.provisional for e in answer.unconfirmed)
    with pytest.raises(CalendarCoverageError, match="provisional=True"):
        CAL.unconfirmed_days(date(2030, 1, 1))
    assert CAL.unconfirmed_days(date(2030, 1, 1), provisional=True)[0].provisional


def test_cli_json_says_which_days_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "is-working", "2027-04-16", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["provisional"] is False and out["confirmed"] is False
    (day,) = out["unconfirmed_days"]
    assert day["date"] == "2027-04-16" and day["verification"] == "derived"
    assert [s["key"] for s in day["sources"]] == ["BLLD2019"]
    assert main(["calendar", "add-days", "2018-02-13", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["result"] == "2018-02-21" and out["confirmed"] is True
    assert out["unconfirmed_days"] == []


def test_cli_text_adds_a_note_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "add-days", "2027-04-15", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "2027-04-19"
    assert "cchc: note:" in captured.err and "2027-04-16" in captured.err
    assert "BLLD2019" in captured.err
