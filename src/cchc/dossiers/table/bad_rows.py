"""Bad rows located in their source: file lines, DataFrame index labels, a table of them.

The validators number rows by position; a loader knows where each row came
from (the file line it starts on, the index label of a DataFrame row) and
:func:`relocate` rewrites the errors with it. :func:`bad_rows_table` lists bad
rows as a pandas DataFrame (``read_csv(..., on_bad_rows="collect")``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from cchc.errors import BatchValidationError, CchcError, ValidationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BAD_ROW_COLUMNS", "ON_BAD_ROWS", "bad_rows_table", "check_on_bad_rows", "relocate"]

ON_BAD_ROWS = ("raise", "collect")
BAD_ROW_COLUMNS = ("row", "index", "field", "message", "error")
"""Columns of :func:`bad_rows_table` (``index`` is empty unless the input was a DataFrame)."""


def check_on_bad_rows(value: object) -> None:
    """``on_bad_rows`` is ``"raise"`` or ``"collect"``."""
    if value not in ON_BAD_ROWS:
        raise ValidationError(
            f"on_bad_rows must be 'raise' or 'collect', not {value!r}", field="on_bad_rows"
        )


def relocate(
    errors: Sequence[CchcError],
    *,
    position_base: int,
    rows: npt.NDArray[np.int64] | range | None,
    labels: Any,
) -> list[CchcError]:
    """``errors`` numbered by position (``position_base`` for the first row), renumbered
    by ``rows`` (None: unchanged) and given the index label of ``labels`` (None: none).

    Errors without a row and nested batches are kept as they are.
    """
    out: list[CchcError] = []
    for e in errors:
        if e.row is None or isinstance(e, BatchValidationError):
            out.append(e)
            continue
        pos = e.row - position_base
        row = e.row if rows is None else int(rows[pos])
        label = None if labels is None else _plain(labels[pos])
        out.append(e.relocated(row=row, index=label))
    return out


def _plain(label: Any) -> Any:
    """A NumPy scalar label as the Python value (``2``, not ``np.int64(2)``)."""
    return label.item() if isinstance(label, np.generic) else label


def bad_rows_table(errors: Sequence[CchcError]) -> pd.DataFrame:
    """One line per problem: ``row``, ``index``, ``field``, ``message``, ``error`` (class)."""
    import pandas as pd

    return pd.DataFrame(
        {
            "row": pd.array([e.row for e in errors], dtype="Int64"),
            "index": pd.Series([e.index for e in errors], dtype=object),
            "field": pd.Series([e.field for e in errors], dtype=object),
            "message": pd.Series([e.message for e in errors], dtype=object),
            "error": pd.Series([type(e).__name__ for e in errors], dtype=object),
        },
        columns=list(BAD_ROW_COLUMNS),
    )
