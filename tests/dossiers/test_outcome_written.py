"""The ``outcome`` column as real files write it: a code written as a number beside names
(JSON lines), as whole-number text (a float column saved by pandas: ``3.0``), mixed case
refused with the row and column.

Oracle: the flat format's definition of ``outcome`` (docs/dossiers.md, "The outcome column";
:data:`cchc.dossiers.events.OUTCOME_CODES`): a name of the vocabulary or its code, "a number,
or the digit as text in a CSV file"; the amount column's rule for whole numbers written as
text (``"5"`` and ``"5.0"`` are read, docs/dossiers.md "Loading") applied to the codes. The
expected code of each value is its place in OUTCOME_CODES, written down by hand below.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cchc.dossiers import from_dataframe, read_csv
from cchc.dossiers.events import OUTCOME_CODES
from cchc.errors import BatchValidationError

NAMES = {"decided": 0, "returned": 1, "refused": 2, "withdrawn": 3}


def _frame(outcome: list[object]) -> pd.DataFrame:
    n = len(outcome)
    return pd.DataFrame(
        {
            "channel": ["online"] * n,
            "received_at": ["2025-03-03T09:00:00+07:00"] * n,
            "amount": [5] * n,
            "unit": ["working_days"] * n,
            "finished_at": ["2025-03-05T10:00:00+07:00"] * n,
            "outcome": pd.Series(outcome, dtype=object),
        }
    )


def test_the_codes_written_down_are_the_vocabulary() -> None:
    assert OUTCOME_CODES == NAMES


@pytest.mark.parametrize("code", sorted(NAMES.values()))
@pytest.mark.parametrize(
    "write",
    [int, np.int64, float, str, lambda c: f"{c}.0", lambda c: f" {c}.00 "],
    ids=["int", "numpy-int", "float", "digit", "digit.0", "spaced"],
)
def test_a_code_beside_names_is_read(code: int, write: object) -> None:
    """Every code 0..3, written each way, in one column with names and a missing value."""
    value = write(code)  # type: ignore[operator]
    df = _frame(["withdrawn", value, None, "decided", value])
    assert from_dataframe(df).outcome.tolist() == [3, code, -1, 0, code]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "value",
    [4, -1, 3.5, "4", "3e0", "3.5", True, False, "Withdrawn", "WITHDRAWN", "rút", "x"],
)
def test_other_values_beside_names_are_bad_rows(value: object) -> None:
    """Out of 0..3, not whole, a yes/no value, another spelling: row 2, column outcome."""
    with pytest.raises(BatchValidationError) as err:
        from_dataframe(_frame(["withdrawn", value, "refused"]))
    assert [(e.row, e.field) for e in err.value.errors] == [(2, "outcome")]
    assert "unknown outcome" in err.value.errors[0].message


def test_a_float_column_saved_by_pandas_reads_back(tmp_path: Path) -> None:
    """pandas writes a float column with gaps as 3.0 and empty: the codes come back."""
    codes = [3.0, np.nan, 0.0, 1.0, 2.0, np.nan]
    df = _frame([None] * len(codes)).assign(outcome=codes)
    path = tmp_path / "d.csv"
    df.to_csv(path, index=False)
    assert "3.0" in path.read_text("utf-8")
    assert read_csv(path).outcome.tolist() == [3, -1, 0, 1, 2, -1]  # type: ignore[union-attr]


def test_json_lines_with_codes_and_names(tmp_path: Path) -> None:
    """A JSON lines export (pandas.read_json) mixing names, numbers and nulls."""
    values: list[object] = ["withdrawn", 3, None, 0, "refused", 2]
    lines = [json.dumps(r) for r in _frame(values).to_dict("records")]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    df = pd.read_json(path, lines=True, dtype={"outcome": object})
    assert from_dataframe(df).outcome.tolist() == [3, 3, -1, 0, 2, 2]  # type: ignore[union-attr]
