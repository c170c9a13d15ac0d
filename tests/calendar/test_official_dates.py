"""The bundled calendar against the official notices' own dates (oracles).

Each test names the notice that states the dates it checks.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cchc.calendar import DayKind, OfficialCalendar
from cchc.legal import Verification

CAL = OfficialCalendar()


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_tet_2025_break() -> None:
    # Công văn 8726/VPCP-KGVX (26/11/2024); Thông báo 6150/TB-BLĐTBXH (03/12/2024):
    # Tết Ất Tỵ off from Saturday 25/01/2025 to Sunday 02/02/2025, work resumes Mon 03/02.
    for day in span(date(2025, 1, 25), date(2025, 2, 2)):
        assert not CAL.is_working_day(day), day
    assert CAL.is_working_day(date(2025, 1, 24))
    assert CAL.is_working_day(date(2025, 2, 3))
    assert {e.day for e in CAL.days_off(2025) if e.name_en.startswith("Lunar")} == set(
        span(date(2025, 1, 27), date(2025, 1, 31))
    )


def test_makeup_saturday_2025_04_26() -> None:
    # Thông báo 6150/TB-BLĐTBXH: Friday 02/05/2025 off, Saturday 26/04/2025 worked.
    assert CAL.is_working_day(date(2025, 4, 26))
    assert not CAL.is_working_day(date(2025, 5, 2))
    entry = CAL.entry(date(2025, 4, 26))
    assert entry is not None and entry.kind is DayKind.MAKEUP_WORKDAY
    assert any(s.number == "6150/TB-BLĐTBXH" for s in entry.sources)


def test_new_year_2026_swap() -> None:
    # Công văn 12729/VPCP-KGVX (25/12/2025): Friday 02/01/2026 off, Saturday 10/01/2026 worked.
    # (The holidays package has both wrong; see docs/calendar.md.)
    assert not CAL.is_working_day(date(2026, 1, 1))
    assert not CAL.is_working_day(date(2026, 1, 2))
    assert CAL.is_working_day(date(2026, 1, 10))
    assert CAL.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)


def test_culture_day_2026_11_24() -> None:
    # Nghị quyết 28/2026/QH16 Điều 2 (in force 01/07/2026); Công văn 10065/VPCP-KGVX
    # (02/10/2026): Tuesday 24/11/2026 is one day off, with no swap.
    assert not CAL.is_working_day(date(2026, 11, 24))
    assert CAL.is_working_day(date(2026, 11, 23))
    assert not CAL.is_working_day(date(2026, 11, 28))  # proposed 23/11-28/11 swap not adopted
    entry = CAL.entry(date(2026, 11, 24))
    assert entry is not None
    numbers = [s.number for s in entry.sources]
    assert numbers == ["28/2026/QH16", "10065/VPCP-KGVX"]
    nq28 = entry.sources[0]
    assert nq28.effective_from == date(2026, 7, 1)
    assert nq28.verification is Verification.SECONDARY
    assert entry.verification is Verification.SECONDARY


def test_culture_day_not_before_2026() -> None:
    # NQ 28/2026/QH16 is in force from 01/07/2026: 24/11/2025 (Monday) was a working day.
    assert CAL.is_working_day(date(2025, 11, 24))


def test_tet_2027_break() -> None:
    # Công văn 10065/VPCP-KGVX (02/10/2026): Tết Đinh Mùi off Thu 04/02 to Wed 10/02/2027.
    for day in span(date(2027, 2, 4), date(2027, 2, 10)):
        assert not CAL.is_working_day(day), day
    assert CAL.is_working_day(date(2027, 2, 3))
    assert CAL.is_working_day(date(2027, 2, 11))
    assert CAL.makeup_workdays(2027) == []


def test_quoc_khanh_2026_swap() -> None:
    # Thông báo 9441/TB-BNV (16/10/2025): Mon 31/08 swapped with Sat 22/08; 01-02/09 off.
    assert CAL.is_working_day(date(2026, 8, 22))
    for day in span(date(2026, 8, 29), date(2026, 9, 2)):
        assert not CAL.is_working_day(day)


def test_swaps_2019_full_text() -> None:
    # Công văn 6519/VPCP-KGVX (11/7/2018), full text: 31/12/2018 off for Sat 05/01/2019;
    # 29/04/2019 off for Sat 04/05/2019.
    assert not CAL.is_working_day(date(2018, 12, 31))
    assert CAL.is_working_day(date(2019, 1, 5))
    assert not CAL.is_working_day(date(2019, 4, 29))
    assert CAL.is_working_day(date(2019, 5, 4))


def test_2015_swaps() -> None:
    # Thông báo 4724/TB-LĐTBXH (11/12/2014): 02/01, 16/02 and 29/04/2015 off, made up on
    # Saturdays 27/12/2014, 14/02/2015 and 25/04/2015.
    for off in (date(2015, 1, 2), date(2015, 2, 16), date(2015, 4, 29)):
        assert not CAL.is_working_day(off)
    for sat in (date(2015, 2, 14), date(2015, 4, 25)):
        assert CAL.is_working_day(sat)


@pytest.mark.parametrize(
    ("year", "weekday_days_off"),
    # calendar.md §3: official weekday days off per year, cross-checked there against the
    # notices; 2026 adds 24/11 (NQ 28/2026/QH16) and 2027 has 12 (Công văn 10065/VPCP-KGVX).
    [
        (2015, 13),
        (2016, 10),
        (2017, 10),
        (2018, 11),
        (2019, 11),
        (2020, 10),
        (2021, 11),
        (2022, 11),
        (2023, 11),
        (2024, 12),
        (2025, 12),
        (2026, 14),
        (2027, 12),
    ],
)
def test_weekday_days_off_per_year(year: int, weekday_days_off: int) -> None:
    assert sum(e.day.weekday() < 5 for e in CAL.days_off(year)) == weekday_days_off


def test_every_entry_cites_a_source_and_says_how_it_was_read() -> None:
    for year in range(CAL.coverage.first_year, CAL.coverage.last_year + 1):
        for entry in CAL.entries(year):
            assert entry.sources, entry
            assert entry.verification in set(Verification)
            assert not entry.provisional


def test_makeup_days_are_weekends_and_swaps_are_weekdays() -> None:
    for year in range(2015, 2028):
        for entry in CAL.entries(year):
            if entry.kind is DayKind.MAKEUP_WORKDAY:
                assert entry.day.weekday() == 5
            if entry.kind in (DayKind.SWAP_DAY_OFF, DayKind.COMPENSATORY):
                assert entry.day.weekday() < 5
