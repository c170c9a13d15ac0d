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
        rows = np.flatnonzero(np.asarray(mask))
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
    the table :class:`~cchc.dossiers.Dossier` checks its events against.
    """
    ints = {k: t[k].view(np.int64) for k in TIME_COLUMNS}
    given = {k: v != NAT for k, v in ints.items()}
    rec, has_rec = ints["received_at"], given["received_at"]
    errs.add(
        ~has_rec & ~errs_mask(errs, "received_at", len(rec)),
        "received_at",
        "received_at is required",
    )
    early = has_rec & (rec < _FIRST_RULE_NS)
    errs.add(
        early, "received_at", "before 21/6/2018: no one-stop rule set encoded", RuleNotInForceError
    )
    # the lifecycle order rules, one table with the Dossier path (cchc.dossiers.lifecycle)
    for check, mask in flat_breaks(ints, given):
        errs.add(mask, check.column, check.message, LifecycleError)


def errs_mask(errs: Errors, field: str, n: int) -> npt.NDArray[np.bool_]:
    """Rows that already have an error on ``field`` (to avoid duplicate reports)."""
    mask = np.zeros(n, dtype=bool)
    for r, _, e in errs.found:
        if e.field == field:
            mask[r] = True
    return mask
