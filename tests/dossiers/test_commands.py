"""The ``cchc due`` and ``cchc stats`` commands."""

from __future__ import annotations

import json

import pytest

from cchc._data import data_path
from cchc.cli import main

SAMPLE = str(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv"))


def test_due_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    # Friday before Tết 2025 + 5 working days -> Friday 07/02/2025 (see test_deadline).
    assert main(["due", "2025-01-24T09:00+07:00", "5"]) == 0
    assert "2025-02-07T17:00:00+07:00" in capsys.readouterr().out
    assert main(["due", "2025-01-24T15:30+07:00", "5", "--cutoff", "15:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["due_at"] == "2025-02-10T17:00:00+07:00"
    assert data["rules"] == "ND61/2018"
    assert main(["due", "2025-07-01T09:00+07:00", "8", "--unit", "hours", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rules"] == "ND118/2025"


def test_due_rejects_naive_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "2025-01-24T09:00", "5"]) == 2
    assert "naive datetime" in capsys.readouterr().err
    assert main(["due", "yesterday", "5"]) == 2
    assert "field received_at" in capsys.readouterr().err
    assert main(["due", "2025-01-24T09:00+07:00", "-3"]) == 2
    assert "field amount" in capsys.readouterr().err


def test_stats_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", SAMPLE, "--by", "field"]) == 0
    out = capsys.readouterr().out
    assert "Giám định" in out
    assert "766_2.1%" in out
    assert main(["stats", SAMPLE, "--period", "quarter", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["period"] for r in rows] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert sum(r["counts"]["received"] for r in rows) == 1000


def test_stats_reports_bad_rows(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "bad.csv"
    path.write_text(
        "channel,received_at,amount,unit\nonline,2025-01-24 09:00,5,working_days\n",
        encoding="utf-8",
    )
    assert main(["stats", str(path)]) == 2
    assert "row 2, field received_at" in capsys.readouterr().err


def test_core_import_does_not_need_pandas() -> None:
    # pandas is an optional extra: the engine, statistics and CLI parser import without it.
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, cchc.dossiers, cchc.dossiers.table.statistics, cchc.dossiers.commands;"
        "from cchc.dossiers import due_date, evaluate, summarize;"
        "assert 'pandas' not in sys.modules, 'pandas imported'"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
