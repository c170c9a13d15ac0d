"""Users extend or correct the calendar with their own notices, as data."""

from __future__ import annotations

import io
from datetime import date

import pytest

from cchc.calendar import Notice, OfficialCalendar, read_notice_csv
from cchc.errors import DataFileError, ValidationError
from cchc.legal import LegalSource

PROVINCE = LegalSource(number="123/TB-UBND", doc_type="Thông báo", issuer="UBND tỉnh X")


def test_province_extra_day_off() -> None:
    text = "date,kind,name_vi,name_en\n2026-03-10,holiday,Ngày giải phóng tỉnh,Liberation day\n"
    cal = OfficialCalendar([read_notice_csv(io.StringIO(text), source=PROVINCE)])
    assert not cal.is_working_day(date(2026, 3, 10))
    entry = cal.entry(date(2026, 3, 10))
    assert entry is not None and entry.sources == (PROVINCE,)
    assert OfficialCalendar().is_working_day(date(2026, 3, 10))  # bundled one untouched


def test_next_year_notice_extends_coverage() -> None:
    text = (
        "date,kind,name_vi,name_en\n"
        "2028-01-03,compensatory,Tết Dương lịch - nghỉ bù,New Year's Day - compensatory day\n"
    )
    cal = OfficialCalendar([read_notice_csv(io.StringIO(text), covers_years=[2028])])
    assert cal.coverage.last_year == 2028
    assert cal.add_working_days(date(2027, 12, 31), 1) == date(2028, 1, 4)


def test_correction_replaces_bundled_entry() -> None:
    text = "date,kind,name_vi,name_en\n2026-01-02,makeup_workday,Đi làm,Working day\n"
    cal = OfficialCalendar().with_notices(read_notice_csv(io.StringIO(text)))
    assert cal.is_working_day(date(2026, 1, 2))


@pytest.mark.parametrize(
    ("row", "field"),
    [
        # every row as wide as the header (a short row is itself refused: see below)
        ("2026-02-30,holiday,Tết,Tet,", "date"),
        ("2026-03-10,feast,Lễ,Feast,", "kind"),
        ("2026-03-10,holiday,,Feast,", "name_vi"),
        ("2026-03-10,holiday,Lễ,Feast,UNKNOWN-KEY", "sources"),
    ],
)
def test_malformed_notice_names_row_and_field(row: str, field: str) -> None:
    text = "date,kind,name_vi,name_en,sources\n2026-03-09,holiday,Lễ,Feast,\n" + row + "\n"
    with pytest.raises(DataFileError) as err:
        read_notice_csv(io.StringIO(text), name="province.csv")
    assert err.value.row == 3
    assert err.value.field == field
    assert "province.csv, row 3" in str(err.value)


def test_duplicate_date_and_missing_column() -> None:
    dup = "date,kind,name_vi,name_en\n2026-03-10,holiday,A,A\n2026-03-10,holiday,B,B\n"
    with pytest.raises(DataFileError, match="already given in row 2"):
        read_notice_csv(io.StringIO(dup))
    with pytest.raises(DataFileError, match="missing column"):
        read_notice_csv(io.StringIO("date,kind\n2026-03-10,holiday\n"))


def test_calendar_without_coverage_is_an_error() -> None:
    with pytest.raises(ValidationError, match="covers no year"):
        OfficialCalendar([Notice(entries=())], bundled=False)
