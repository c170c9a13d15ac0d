"""A due date says when it rests on an unconfirmed day (issue 19 A4), and the
``--provisional`` the coverage message names exists on ``cchc dossier due``/``stats``.

Oracle: the bundled 2027 day file records Giỗ Tổ Hùng Vương 2027 (Friday 16/4/2027,
10/3 âm lịch, Bộ luật Lao động 2019 Điều 112) as ``derived``; Tết 2019 (4-8/2/2019)
was read in the original Công văn 6519/VPCP-KGVX (``CV6519-2018``).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from cchc.cli import main
from cchc.dossiers import DeadlinePolicy, compute_due
from cchc.tz import VN_TZ

GIO_TO_2027 = date(2027, 4, 16)


@pytest.mark.parametrize("days_before", range(1, 8))
@pytest.mark.parametrize("unit", ["working_days", "days", "hours"])
def test_a_due_date_crossing_gio_to_2027_names_it(days_before: int, unit: str) -> None:
    received = datetime.combine(GIO_TO_2027 - timedelta(days=days_before), datetime.min.time())
    received = received.replace(hour=9, tzinfo=VN_TZ)
    result = compute_due(received, 40 if unit == "hours" else 5, unit)
    if not received.date() <= GIO_TO_2027 <= result.due_at.date():
        assert result.unconfirmed_days == ()  # the 2027 entries near it are secondary ...
        return  # ... only when crossed: none is crossed here
    (day,) = result.unconfirmed_days
    assert day.day == GIO_TO_2027 and day.verification.value == "derived"
    assert [s.key for s in day.sources] == ["BLLD2019"]
    (step,) = [s for s in result.explain().steps if "chưa được xác nhận" in s.text_vi]
    assert "16/04/2027" in step.text_vi and "chưa được xác nhận" in step.text_vi
    assert [s.key for s in step.sources] == ["BLLD2019"]


def test_a_due_date_on_original_days_has_no_such_step() -> None:
    result = compute_due(datetime(2019, 2, 1, 9, tzinfo=VN_TZ), 1)
    assert result.due_at.date() == date(2019, 2, 11)  # Tết 4-8/2/2019 skipped
    assert result.unconfirmed_days == ()
    assert "xác nhận" not in str(result.explain())


def test_provisional_due_dates_rest_on_provisional_days() -> None:
    policy = DeadlinePolicy(provisional=True)
    result = compute_due(datetime(2029, 12, 28, 9, tzinfo=VN_TZ), 3, policy=policy)
    assert result.provisional
    assert [d.day for d in result.unconfirmed_days] == [date(2030, 1, 1)]
    assert all(d.provisional for d in result.unconfirmed_days)
    assert "dự kiến" in str(result.explain())


def test_cli_due_json_and_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dossier", "due", "2027-04-14T09:00+07:00", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["due_at"] == "2027-04-20T17:00:00+07:00"
    assert data["provisional"] is False and data["confirmed"] is False
    assert [d["date"] for d in data["unconfirmed_days"]] == ["2027-04-16"]
    assert data["unconfirmed_days"][0]["sources"][0]["key"] == "BLLD2019"
    # the option the coverage message names exists on this command
    assert main(["dossier", "due", "2027-12-30T09:00+07:00", "3"]) == 2
    assert "add --provisional" in capsys.readouterr().err
    assert main(["dossier", "due", "2027-12-30T09:00+07:00", "3", "--provisional", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["provisional"] is True and data["confirmed"] is False


def test_cli_stats_takes_provisional(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "late.csv"
    path.write_text(
        "channel,received_at,amount,unit\nin_person,2029-03-05T09:00:00+07:00,5,working_days\n",
        encoding="utf-8",
    )
    assert main(["dossier", "stats", str(path)]) == 2
    assert "add --provisional" in capsys.readouterr().err
    assert main(["dossier", "stats", str(path), "--provisional", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sum(r["counts"]["received"] for r in rows) == 1
