"""Provisional years (beyond the bundled notices) name and cite each day by its statute.

Oracles: Bộ luật Lao động 2019 Điều 112 khoản 1 (Pháp điển: Tết Dương lịch, Tết Âm lịch, Ngày
Chiến thắng, Ngày Quốc tế lao động, Quốc khánh, Ngày Giỗ Tổ Hùng Vương) and Điều 111 khoản 3
(nghỉ bù only for the days of Điều 112 khoản 1); Nghị quyết 28/2026/QH16 Điều 2 (24/11 Ngày Văn
hóa Việt Nam, from 1/7/2026). 24/11/2029 is a Saturday, 24/11/2030 a Sunday.
"""

from __future__ import annotations

from datetime import date

import pytest

from cchc.calendar.entries import DayKind
from cchc.calendar.provisional import provisional_entries

STATUTORY_VI = {
    "Tết Dương lịch",
    "Tết Âm lịch (Tết Nguyên đán)",
    "Ngày Chiến thắng",
    "Ngày Quốc tế lao động",
    "Quốc khánh",
    "Ngày Giỗ Tổ Hùng Vương",
    "Ngày Văn hóa Việt Nam",
}


@pytest.mark.parametrize("year", [2028, 2029, 2030, 2031, 2035])
def test_culture_day_cites_nq28_and_gets_no_compensatory_day(year: int) -> None:
    entries = {e.day: e for e in provisional_entries(year)}
    culture = entries[date(year, 11, 24)]
    assert [s.key for s in culture.sources] == ["NQ28-2026"]
    assert culture.name_vi == "Ngày Văn hóa Việt Nam"
    late_november = [e for d, e in entries.items() if d.month == 11 and d.day > 24]
    assert late_november == []


@pytest.mark.parametrize("year", [2028, 2029, 2030])
def test_names_are_the_statutory_names(year: int) -> None:
    for e in provisional_entries(year):
        if e.kind is DayKind.MAKEUP_WORKDAY:
            continue
        base = e.name_vi.removesuffix(" (nghỉ bù)")
        assert base in STATUTORY_VI, e.name_vi
        if base != "Ngày Văn hóa Việt Nam":
            assert [s.key for s in e.sources] == ["BLLD2019"]
