"""The report outline (đề cương) is data: headings and figure lines citing their source."""

from __future__ import annotations

import pytest

import cchc._data as data
from cchc.errors import DataFileError
from cchc.reporting import OUTLINE, report_outline
from cchc.reporting.outline import ReportOutline


def test_outline_follows_seed_002_and_cites_its_guidance() -> None:
    """Seed 002 (BR-VT Sở Y tế, báo cáo CCHC quý I/2022) follows Công văn
    315/SNV-CCHC&VTLT ngày 10/3/2022: five parts I-V, ten numbered sections."""
    outline = report_outline()
    assert outline.source.number == "315/SNV-CCHC&VTLT"
    assert [h.text.split(".")[0] for h in outline.headings if h.level == 1] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
    ]
    assert tuple((h.level, h.text) for h in outline.headings) == OUTLINE
    # seed 002 §I.1 asks for tasks total / done / in progress (25 / 10 / 15 in the seed)
    plan = [f.field for f in outline.figures["plan"] if not f.optional]
    assert plan == ["plan", "tasks_total", "tasks_done", "tasks_in_progress"]


def test_a_figure_naming_no_field_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = data.load_yaml("cchc.reporting", "data", "report_outline.yaml")
    raw["figures"]["inspection"][1]["field"] = "inspections_plannned"
    with pytest.raises(DataFileError) as err:
        ReportOutline.from_data(raw, source="report_outline.yaml", error=DataFileError)
    assert "inspections_plannned" in str(err.value)
    raw["figures"]["nonsense"] = []
    del raw["figures"]["inspection"]
    with pytest.raises(DataFileError, match="unknown report section"):
        ReportOutline.from_data(raw, source="report_outline.yaml", error=DataFileError)
