"""Answer-file test: working-day additions across each notice's break.

``answers/add_working_days.csv`` was written by hand from the break each notice states
(the ``source`` column names it), not computed by cchc. Scalar and batch paths must both
reproduce every row.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from cchc.calendar import OfficialCalendar

ANSWERS = Path(__file__).parent / "answers" / "add_working_days.csv"
ROWS = list(csv.DictReader(ANSWERS.open(encoding="utf-8")))
CAL = OfficialCalendar()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['received']}+{r['n']}" for r in ROWS])
def test_scalar_answer(row: dict[str, str]) -> None:
    received, n = date.fromisoformat(row["received"]), int(row["n"])
    assert CAL.add_working_days(received, n) == date.fromisoformat(row["expected"]), row["source"]
    assert CAL.working_days_between(received, date.fromisoformat(row["expected"])) == n


def test_batch_answers() -> None:
    received = np.array([r["received"] for r in ROWS], dtype="datetime64[D]")
    n = np.array([int(r["n"]) for r in ROWS])
    expected = np.array([r["expected"] for r in ROWS], dtype="datetime64[D]")
    np.testing.assert_array_equal(CAL.add_working_days_batch(received, n), expected)
