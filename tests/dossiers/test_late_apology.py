"""An apology (xin lỗi, hẹn lại) later than the rule allows is kept and flagged, not refused.

Rule (oracle): ND 61/2018 Art 19(9) and ND 118/2025 Art 19(6), "trong thời hạn chậm nhất 01
ngày trước ngày hết hạn" (registry ND61-2018, ND118-2025): an apology made on the day before
the due day or earlier is in time; one on the due day or after it is late. The desk must still
print it, so both paths keep it (the new date applies) and flag it with ``LC-APOLOGY-LATE``.

Due days used (official calendar facts, no day off in these weeks): received Mon 03/03/2025
09:00 with 10 working days -> due Mon 17/03/2025; received Mon 04/08/2025 -> due Mon 18/08/2025.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from cchc import forms
from cchc.dossiers import Dossier, Event, evaluate, from_columns
from cchc.dossiers.rescheduling import LATE_APOLOGY_CODE
from cchc.tz import VN_TZ

INPUTS = {
    "applicant": "Nguyễn Văn An",
    "signer": "Lê Văn Cường",
    "place": "Hà Tĩnh",
    "code": "000.00.12.H42-250804-0001",
    "reason": "Cần xác minh thêm",
}

CASES = [  # (receipt, due day, article the finding cites)
    (datetime(2025, 3, 3, 9, 0, tzinfo=VN_TZ), date(2025, 3, 17), "61/2018/NĐ-CP Điều 19 khoản 9"),
    (datetime(2025, 8, 4, 9, 0, tzinfo=VN_TZ), date(2025, 8, 18), "118/2025/NĐ-CP Điều 19 khoản 6"),
]
OFFSETS = range(-4, 3)  # days from the due day: 4 days before .. 2 days after


def _apology(received: datetime, day: date, hour: int) -> Dossier:
    at = datetime(day.year, day.month, day.day, hour, 0, tzinfo=VN_TZ)
    new_due = received + timedelta(days=30)
    return Dossier(
        channel="in_person",
        amount=10,
        events=(
            Event(kind="received", at=received),
            Event(kind="rescheduled", at=at, new_due_at=new_due),
        ),
    )


@pytest.mark.parametrize(("received", "due_day", "article"), CASES)
@pytest.mark.parametrize("hour", [8, 16])
def test_scalar_path_flags_every_apology_from_the_due_day_on(
    received: datetime, due_day: date, article: str, hour: int
) -> None:
    for offset in OFFSETS:
        day = due_day + timedelta(days=offset)
        dl = _apology(received, day, hour).deadline()
        late = day >= due_day  # "chậm nhất 01 ngày trước ngày hết hạn"
        assert dl.late_apology is late, day
        assert dl.due_at == received + timedelta(days=30)  # kept: the new date applies
        assert dl.legal_due_at.date() == due_day
        if late:
            (finding,) = dl.findings
            assert (finding.code, finding.field, finding.severity) == (
                LATE_APOLOGY_CODE,
                "events[1].at",
                "warning",
            )
            assert article in finding.message and article in (finding.message_vi or "")
            assert f"{due_day:%d/%m/%Y}" in (finding.message_vi or "")
            assert "muộn" in str(dl.explain())
        else:
            assert dl.findings == ()


@pytest.mark.parametrize(("received", "due_day", "article"), CASES)
def test_column_path_flags_the_same_rows(received: datetime, due_day: date, article: str) -> None:
    days = [due_day + timedelta(days=o) for o in OFFSETS]
    new_due = (received + timedelta(days=30)).isoformat()
    frame = from_columns(
        received_at=[received.isoformat()] * len(days),
        amount=10,
        rescheduled_at=[f"{d.isoformat()}T10:00:00+07:00" for d in days],
        rescheduled_due_at=[new_due] * len(days),
    )
    results = evaluate(frame)
    late_rows = [i + 1 for i, d in enumerate(days) if d >= due_day]
    assert [f.field for f in results.findings] == [f"row {r}.rescheduled_at" for r in late_rows]
    assert all(f.code == LATE_APOLOGY_CODE and article in f.message for f in results.findings)
    # the same answer as each row replayed as a dossier
    for i, d in enumerate(days):
        scalar = _apology(received, d, 10).deadline()
        assert scalar.late_apology is (i + 1 in late_rows)
        assert results.to_pandas()["due_at"].iloc[i] == scalar.due_at


def test_the_desk_prints_an_apology_made_on_the_due_day() -> None:
    received, due_day, _ = CASES[1]
    d = _apology(received, due_day, 9)
    form = forms.fill("apology", d, procedure="1.013876", agency="Sở Y tế tỉnh Hà Tĩnh", **INPUTS)
    assert form.code == "Mẫu số 04"
    assert "18 tháng 08 năm 2025" in form.value("Thời gian hẹn trả kết quả giải quyết")


def test_dossier_stats_keeps_the_row_and_warns(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from cchc.cli import main

    path = tmp_path / "d.csv"
    path.write_text(
        "received_at,amount,unit,channel,finished_at,rescheduled_at,rescheduled_due_at\n"
        "2025-03-03T09:00:00+07:00,10,working_days,in_person,2025-03-20T09:00:00+07:00,"
        "2025-03-17T09:00:00+07:00,2025-03-21T17:00:00+07:00\n",
        encoding="utf-8",
    )
    assert main(["dossier", "stats", str(path), "--year", "2025", "--json"]) == 0
    captured = capsys.readouterr()
    assert '"resolved": 1' in captured.out
    assert "cchc: warning: row 2.rescheduled_at: " in captured.err
    assert captured.err.rstrip().endswith("[LC-APOLOGY-LATE]")
    assert "LC-APOLOGY-LATE" not in captured.out
