"""Public pydantic models export JSON Schema with Vietnamese field descriptions."""

from __future__ import annotations

from datetime import date

from cchc.calendar import CalendarEntry, DayKind, Notice
from cchc.legal import LegalSource, RuleVersion, Verification, in_force


def test_legal_source_schema() -> None:
    schema = LegalSource.model_json_schema()
    assert schema["properties"]["number"]["description"].startswith("Số, ký hiệu")
    assert set(schema["required"]) == {"number"}


def test_calendar_models_schema_and_round_trip() -> None:
    entry = CalendarEntry(
        day=date(2026, 11, 24),
        kind=DayKind.HOLIDAY,
        name_vi="Ngày Văn hóa Việt Nam",
        name_en="Vietnamese Culture Day",
        sources=(LegalSource(number="28/2026/QH16", verification=Verification.SECONDARY),),
    )
    notice = Notice(entries=(entry,), covers_years=(2026,))
    assert Notice.model_validate_json(notice.model_dump_json()) == notice
    schema = Notice.model_json_schema()
    assert "CalendarEntry" in schema["$defs"]
    assert schema["$defs"]["CalendarEntry"]["properties"]["kind"]["$ref"].endswith("DayKind")


def test_in_force_picks_latest_start_on_overlap() -> None:
    old = LegalSource(number="A", effective_from=date(2018, 6, 21))
    new = LegalSource(number="B", effective_from=date(2021, 12, 6))
    versions = [RuleVersion(1, old), RuleVersion(2, new)]
    assert in_force(versions, date(2020, 1, 1)).value == 1
    assert in_force(versions, date(2022, 1, 1)).value == 2
