"""The calendar sub-commands of the ``cchc`` command line."""

from __future__ import annotations

import json

import pytest

from cchc.cli import main


def test_calendar_year_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_date = {r["date"]: r for r in rows}
    # Công văn 12729/VPCP-KGVX: 02/01/2026 swapped day off, 10/01/2026 make-up Saturday.
    assert by_date["2026-01-02"]["kind"] == "swap_day_off"
    assert by_date["2026-01-10"]["kind"] == "makeup_workday"
    assert any("28/2026/QH16" in s for s in by_date["2026-11-24"]["sources"])


def test_add_days_and_is_working(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add-days", "2025-01-24", "3"]) == 0
    assert capsys.readouterr().out.strip() == "2025-02-05"
    assert main(["is-working", "2025-04-26", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["working_day"] is True
    assert main(["add-days", "2030-01-01", "1", "--provisional", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisional"] is True


def test_error_is_reported_not_raised(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add-days", "2030-01-01", "1"]) == 2
    assert "outside the official calendar's coverage" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["calendar", "add-days", "is-working", "demo"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert "usage: cchc" in capsys.readouterr().out
