"""The statutory statistics form Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP), filled from dossiers.

Oracles: the form's 13 columns and their headings as printed by one-stop systems' renderings
of Biểu số 06 (registry ``TT01-2020-VPCP``); the data windows of Nghị định 09/2019 Điều 12
(registry ``ND09-2019``); hand counts of a few dossiers for the channel and carried-over split.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cchc.cli import main
from cchc.dossiers import Period, evaluate, from_columns, read_csv, summarize
from cchc.errors import ValidationError
from cchc.reporting.statistics import (
    FormRow,
    StatisticsForm,
    check_form,
    fill_form,
    form_spec,
    period_label,
    previous_period,
)
from cchc.reporting.statistics_render import header_cells, to_docx, to_markdown, to_xlsx
from cchc.reporting_periods import reporting_period
from cchc.samples import write_sample


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample("dossiers", tmp_path_factory.mktemp("s") / "dossiers.csv")


@pytest.fixture(scope="module")
def sample(sample_file: Path) -> tuple[object, object]:
    frame = read_csv(sample_file)
    return frame, evaluate(frame)


def test_form_06_columns_as_printed() -> None:
    spec = form_spec("06")
    assert spec.code == "Biểu số 06/VPCP/KSTT"
    assert spec.row_heading == "Lĩnh vực, công việc giải quyết theo cấp"
    heads = [c.header for c in spec.columns]
    assert heads[0] == ("Số hồ sơ nhận giải quyết", "Tổng số")
    assert heads[1][-1] == "Trực tuyến" and heads[2][-1] == "Trực tiếp, dịch vụ bưu chính"
    assert heads[3][-1] == "Từ kỳ trước"
    assert [h[-1] for h in heads[4:8]] == ["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"]
    assert [h[-1] for h in heads[8:]] == ["Tổng số", "Trong hạn", "Quá hạn"]
    merged = {(c.row, c.col): (c.rowspan, c.colspan) for c in header_cells(spec)}
    assert merged[(0, 3)] == (1, 4)  # Số hồ sơ nhận giải quyết over (3)-(6)
    assert merged[(1, 4)] == (1, 2)  # Trong đó over (4)-(5)
    assert merged[(1, 3)] == (2, 1)  # Tổng số down to the third header row
    assert merged[(0, 1)] == (3, 1)  # STT


def test_unknown_form_is_a_typed_error() -> None:
    with pytest.raises(Exception, match="unknown statistics form '07'") as info:
        form_spec("07")
    assert info.type.__name__ == "ValidationError"


def _hand_frame() -> object:
    """Agency A, field F: 2 online, 1 post, 1 in person received in Q1/2026 (15/12/2025 to
    14/03/2026), 1 received 01/12/2025 still open on 15/12 (carried over), 1 finished before
    the window (not counted); agency B, field G: 1 in person."""
    rows = [
        ("A", "F", "online", "2026-01-05T09:00:00+07:00", "2026-01-07T10:00:00+07:00"),
        ("A", "F", "online", "2026-02-02T09:00:00+07:00", None),
        ("A", "F", "post", "2026-01-06T09:00:00+07:00", "2026-01-08T10:00:00+07:00"),
        ("A", "F", "in_person", "2026-03-02T09:00:00+07:00", "2026-03-03T10:00:00+07:00"),
        ("A", "F", "in_person", "2025-12-01T09:00:00+07:00", "2026-01-20T10:00:00+07:00"),
        ("A", "F", "in_person", "2025-11-03T09:00:00+07:00", "2025-12-01T10:00:00+07:00"),
        ("B", "G", "in_person", "2026-01-12T09:00:00+07:00", "2026-01-13T09:00:00+07:00"),
    ]
    return from_columns(
        agency=[r[0] for r in rows],
        field=[r[1] for r in rows],
        channel=[r[2] for r in rows],
        received_at=[r[3] for r in rows],
        finished_at=[r[4] for r in rows],
        amount=5,
    )


def test_hand_counted_quarter() -> None:
    frame = _hand_frame()
    period = reporting_period("nd09-2019", "Q1", 2026, due=False)
    form = fill_form(frame, evaluate(frame), period, as_of=None)
    assert form.period == "Quý I/2026"
    assert (form.start, form.end) == (date(2025, 12, 15), date(2026, 3, 14))
    assert [s.agency for s in form.sections] == ["A", "B"]
    a = form.sections[0].rows[0]
    assert a.label == "F"
    assert a.values[:4] == (5, 2, 2, 1)  # to handle; online; in person + post; carried over
    assert a.values[4] == 4 and a.values[8] == 1  # 4 resolved, 1 (online, 02/02) in progress
    assert form.sections[1].rows[0].values[:4] == (1, 0, 1, 0)
    assert form.total.values[:4] == (6, 2, 3, 1)
    assert check_form(form) == []


@pytest.mark.parametrize("kind", ["Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y"])
def test_sample_forms_add_up_and_carry_over(sample: tuple[object, object], kind: str) -> None:
    frame, results = sample
    period = reporting_period("nd09-2019", kind, 2025, due=False)
    as_of = None
    form = fill_form(frame, results, period, as_of=as_of)
    before = previous_period(period)
    previous = None if before is None else fill_form(frame, results, before)
    assert check_form(form, previous) == []
    window = Period(period.start, date.fromordinal(period.end.toordinal() + 1), "w")
    whole = summarize(frame, results, window)[0].counts
    assert form.total.values[0] == whole.to_handle
    assert form.total.values[4] == whole.resolved
    assert form.total.values[10] == whole.in_progress_overdue


def test_previous_periods() -> None:
    q1 = reporting_period("nd09-2019", "Q1", 2026, due=False)
    prev = previous_period(q1)
    assert prev is not None and (prev.kind, prev.year) == ("Q4", 2025)
    q3 = previous_period(reporting_period("bnv-cchc", "Q3", 2022, due=False))
    assert q3 is not None and (q3.kind, q3.end) == ("H1", date(2022, 6, 14))
    y = previous_period(reporting_period("bnv-cchc", "Q1", 2022, due=False))
    assert y is not None and (y.kind, y.year) == ("Y", 2021)
    assert period_label(q1) == "Quý I/2026"
    assert period_label(reporting_period("nd09-2019", "H1", 2026, due=False)) == (
        "6 tháng đầu năm 2026"
    )


def _tampered(
    form: StatisticsForm, section: int, row: int, column: int, value: int
) -> StatisticsForm:
    s = form.sections[section]
    r = s.rows[row]
    values = list(r.values)
    values[column - 3] = value
    rows = list(s.rows)
    rows[row] = FormRow(label=r.label, values=tuple(values))
    sections = list(form.sections)
    sections[section] = s.model_copy(update={"rows": tuple(rows)})
    return form.model_copy(update={"sections": tuple(sections)})


def test_carried_over_mismatch_is_a_finding(sample: tuple[object, object]) -> None:
    frame, results = sample
    q3 = reporting_period("nd09-2019", "Q3", 2025, due=False)
    form = fill_form(frame, results, q3)
    q2 = fill_form(frame, results, reporting_period("nd09-2019", "Q2", 2025, due=False))
    moved = _tampered(q2, 0, 0, 11, q2.sections[0].rows[0].values[8] + 3)
    findings = [f for f in check_form(form, moved) if f.code == "carried-over"]
    assert findings, "a changed in-progress figure of the previous period must be found"
    assert all(f.severity.value == "error" and f.message_vi for f in findings)


def test_broken_sums_are_findings(sample: tuple[object, object]) -> None:
    frame, results = sample
    form = fill_form(frame, results, reporting_period("nd09-2019", "Q2", 2025, due=False))
    bad = _tampered(form, 0, 0, 4, form.sections[0].rows[0].values[1] + 1)
    codes = {(f.code, f.field) for f in check_form(bad)}
    assert ("sum", "sections[0].rows[0]") in codes  # (3) != (4) + (5) + (6)
    assert ("total", "sections[0].total") in codes  # the section total no longer adds up


def test_xlsx_and_docx_layout(sample: tuple[object, object], tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    docx = pytest.importorskip("docx")
    frame, results = sample
    form = fill_form(frame, results, reporting_period("nd09-2019", "Q3", 2025, due=False))
    ws = openpyxl.load_workbook(to_xlsx(form, tmp_path / "b06.xlsx")).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    top = next(r for r in range(1, 12) if ws.cell(r, 1).value == "STT")
    assert f"C{top}:F{top}" in merged and f"D{top + 1}:E{top + 1}" in merged
    assert f"A{top}:A{top + 2}" in merged
    assert ws.cell(top, 3).value == "Số hồ sơ nhận giải quyết"
    assert ws.cell(top + 3, 13).value == "(13)"
    first = top + 4
    assert ws.cell(first, 2).value == form.sections[0].agency
    assert [ws.cell(first + 1, n).value for n in range(3, 14)] == list(
        form.sections[0].rows[0].values
    )
    document = docx.Document(str(to_docx(form, tmp_path / "b06.docx")))
    table = document.tables[0]
    assert table.cell(0, 2).text == "Số hồ sơ nhận giải quyết"
    assert table.cell(0, 2)._tc is table.cell(0, 5)._tc  # one merged cell over (3)-(6)
    assert table.cell(4, 1).text == form.sections[0].agency
    md = to_markdown(form)
    assert "Biểu số 06/VPCP/KSTT" in md and "| (13) |" in md and "Tổng cộng" in md


def test_cli_statistics(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("openpyxl")
    out = tmp_path / "q3.xlsx"
    args = ["report", "statistics", str(sample_file), "--period", "Q3-2025"]
    assert main([*args, "--xlsx", str(out)]) == 0
    assert out.exists()
    capsys.readouterr()
    assert main([*args, "--xlsx", str(out)]) == 2  # never overwritten silently
    assert "cchc: error:" in capsys.readouterr().err
    assert main([*args, "--xlsx", str(out), "--force"]) == 0
    captured = capsys.readouterr()
    assert "checked against Quý II/2025: no finding" in captured.err
    assert main([*args, "--json"]) == 0
    saved = tmp_path / "q3.json"  # what the clerk filed for Quý III
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    q4 = ["report", "statistics", str(sample_file), "--period", "Q4-2025"]
    assert main([*q4, "--previous", str(saved)]) == 0
    captured = capsys.readouterr()
    assert "Quý IV/2025" in captured.out and "checked against Quý III/2025" in captured.err
    filed = json.loads(saved.read_text(encoding="utf-8"))["form"]
    filed["sections"][0]["rows"][0]["values"][8] += 1  # one more left in progress then
    filed["sections"][0]["rows"][0]["values"][9] += 1
    filed["sections"][0]["total"]["values"][8] += 1
    filed["sections"][0]["total"]["values"][9] += 1
    filed["total"]["values"][8] += 1
    filed["total"]["values"][9] += 1
    saved.write_text(json.dumps(filed, ensure_ascii=False), encoding="utf-8")
    assert main([*q4, "--previous", str(saved)]) == 1  # the carried-over figure disagrees
    assert "carried-over" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [(["--period", "2025"], "not a period"), (["--period", "Q3-2025", "--form", "99"], "99")],
)
def test_cli_statistics_bad_input(
    sample_file: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "statistics", str(sample_file), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cchc: error:") and message in err


def test_schema_and_bad_figures() -> None:
    schema = StatisticsForm.model_json_schema()
    assert schema["properties"]["period"]["description"].startswith("Kỳ báo cáo")
    assert "FormSection" in schema["$defs"]
    with pytest.raises(ValidationError):
        FormRow.from_data({"label": "Hộ tịch", "values": [1, -1]})
