"""Row checks of the batch loaders: every bad row and field, reported at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

from cchc.errors import (
    BatchValidationError,
    CchcError,
    LifecycleError,
    RuleNotInForceError,
    ValidationError,
)

from ..batch import NAT, VN_OFFSET_NS
from ..lifecycle import flat_breaks
from ..one_stop_rules import ONE_STOP_RULES
from .chunks import CHUNK_ROWS, map_chunks, row_chunks

__all__ = [
    "FIELD_ORDER",
    "FLAG_COLUMNS",
    "GROUP_COLUMNS",
    "RECORD_COLUMNS",
    "TIME_COLUMNS",
    "Errors",
    "check_order",
]

DT = npt.NDArray[np.datetime64]
TIME_COLUMNS = (
    "received_at",
    "finished_at",
    "supplement_requested_at",
    "supplement_received_at",
    "rescheduled_at",
    "rescheduled_due_at",
    "transferred_at",
    "payment_requested_at",
    "payment_done_at",
)
GROUP_COLUMNS = ("procedure_code", "field", "agency")
FLAG_COLUMNS = ("synced", "digitised", "paid_online", "has_fees")
"""Yes/no columns of the dossier record (``Dossier`` fields of the same names)."""
RECORD_COLUMNS = ("case", "result_kind", *FLAG_COLUMNS, "outcome")
"""Optional columns of the dossier record that the statistics count (the 766 flags; the
``outcome``, whose stopped dossiers are counted apart)."""
FIELD_ORDER = (
    "code",
    *GROUP_COLUMNS,
    "channel",
    "received_at",
    "amount",
    "unit",
    *TIME_COLUMNS[1:],
    "boundary_free",
    *RECORD_COLUMNS,
)
"""Column order of the file format; errors of one row are reported in this order."""
_FIRST_RULE_NS = int(np.datetime64(ONE_STOP_RULES[0].start, "ns").astype(np.int64)) - VN_OFFSET_NS


class Errors:
    """Collects located errors; raises them all as one BatchValidationError."""

    def __init__(self, row_base: int, source: str | None) -> None:
        self.row_base = row_base
        self.source = source
        self.found: list[tuple[int, int, CchcError]] = []

    def add(
        self, mask: Any, field: str, message: str, kind: type[CchcError] = ValidationError
    ) -> None:
        self.add_rows(np.flatnonzero(np.asarray(mask)), field, message, kind)

    def add_rows(
        self,
        rows: npt.NDArray[np.intp],
        field: str,
        message: str,
        kind: type[CchcError] = ValidationError,
    ) -> None:
        """An error on each of ``rows`` (positions from 0)."""
        order = FIELD_ORDER.index(field) if field in FIELD_ORDER else len(FIELD_ORDER)
        for r in rows.tolist():
            err = kind(message, row=r + self.row_base, field=field)
            self.found.append((r, order, err))

    def raise_if_any(self) -> None:
        if self.found:
            self.found.sort(key=lambda t: (t[0], t[1]))
            raise BatchValidationError([e for _, _, e in self.found], source=self.source)


def check_order(t: Mapping[str, DT], errs: Errors) -> None:
    """Cross-field checks: receipt present and in force, events in order.

    The order checks are the flat instances of :func:`~cchc.dossiers.lifecycle.order_rules`,
    the table :class:`~cchc.dossiers.Dossier` checks its events against. Rows are checked
    in chunks on a few threads (:mod:`.chunks`: the temporaries stay in the cache); the
    errors are added check by check, in row order.
    """
    n = len(t["received_at"])
    known_bad = None  # rows whose receipt is already reported bad (by its parser)
    if any(e.field == "received_at" for _, _, e in errs.found):
        known_bad = errs_mask(errs, "received_at", n)

    def check(sl: slice) -> list[tuple[str, str, type[CchcError], npt.NDArray[np.intp]]]:
        # a column of one value (an absent column) as that value: one comparison, not n
        ints = {k: _one_or_all(t[k], sl) for k in TIME_COLUMNS}
        given = {k: v != NAT for k, v in ints.items()}
        rec, has_rec = ints["received_at"], given["received_at"]
        found = [
            (
                "received_at",
                "received_at is required",
                ValidationError,
                ~has_rec if known_bad is None else ~has_rec & ~known_bad[sl],
            ),
            (
                "received_at",
                "before 21/6/2018: no one-stop rule set encoded",
                RuleNotInForceError,
                has_rec & (rec < _FIRST_RULE_NS),
            ),
        ]
        # the lifecycle order rules, one table with the Dossier path (cchc.dossiers.lifecycle)
        found += [
            (c.column, c.message, LifecycleError, mask) for c, mask in flat_breaks(ints, given)
        ]
        size = sl.stop - sl.start
        return [(f, m, k, _rows(mask, size) + sl.start) for f, m, k, mask in found]

    chunks = list(map_chunks(check, row_chunks(n, CHUNK_ROWS)))
    for i, (field, message, kind, _) in enumerate(chunks[0]):
        errs.add_rows(np.concatenate([c[i][3] for c in chunks]), field, message, kind)


def _rows(mask: Any, size: int) -> npt.NDArray[np.intp]:
    """The rows (from 0) where ``mask`` holds; one value (a check that no row can break,
    such as one on an absent column) for all ``size`` rows without a pass over them."""
    if np.ndim(mask) == 0:
        return np.arange(size) if mask else np.empty(0, dtype=np.intp)
    return np.flatnonzero(mask)


def _one_or_all(values: DT, sl: slice) -> Any:
    """The rows ``sl`` of a time column as integers; a column of one value repeated (an
    absent column) as that one value (a NumPy scalar: operations with it broadcast)."""
    if values.strides == (0,) and len(values):
        return values[:1].view(np.int64)[0]
    return values[sl].view(np.int64)


def errs_mask(errs: Errors, field: str, n: int) -> npt.NDArray[np.bool_]:
    """Rows that already have an error on ``field`` (to avoid duplicate reports)."""
    mask = np.zeros(n, dtype=bool)
    for r, _, e in errs.found:
        if e.field == field:
            mask[r] = True
    return mask
