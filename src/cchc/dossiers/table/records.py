"""A list of :class:`~cchc.dossiers.Dossier` records as columns, and back.

:func:`from_dossiers` writes each dossier as one row of the flat column format
(:mod:`.frame`): its code, group keys, case, channel, time limit, the moments of its
first transfer, first supplement round and first rescheduling, its finish (the
decision, else the first other finishing event) and its outcome (the kind of that event:
a stop at the applicant's request stays a stop), cut-off, boundary-free flag, result kind
and the 766 flags (synced, digitised, paid online, has fees).
:func:`to_dossiers` reads the rows back (:func:`~cchc.dossiers.row_to_dossier`).

A frame goes to dossiers and back unchanged, and dossiers read from a frame come
back equal. A dossier with more than the flat format holds (a second supplement round,
a second rescheduling, the return after the decision, event notes, the applicant,
papers, fees and payments) keeps in its columns what the statistics count; the rest
is not a column.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..dossier import Dossier, EventKind
from .checks import FLAG_COLUMNS, TIME_COLUMNS
from .frame import DossierFrame, from_columns
from .rows import row_to_dossier

__all__ = ["from_dossiers", "to_dossiers"]

_FIRST = {
    "transferred_at": EventKind.TRANSFERRED,
    "supplement_requested_at": EventKind.SUPPLEMENT_REQUESTED,
    "supplement_received_at": EventKind.SUPPLEMENT_RECEIVED,
    "rescheduled_at": EventKind.RESCHEDULED,
    "payment_requested_at": EventKind.PAYMENT_REQUESTED,
    "payment_done_at": EventKind.PAYMENT_DONE,
}


def from_dossiers(dossiers: Sequence[Dossier], *, source: str | None = None) -> DossierFrame:
    """The dossiers as validated columns, one row each (see the module).

    Raises:
        BatchValidationError: a dossier the column format cannot hold (e.g. received
            before 21/6/2018), naming its row (from 1).
    """
    cols: dict[str, list[Any]] = {name: [] for name in TIME_COLUMNS}
    more: dict[str, Any] = {
        name: []
        for name in (
            "code",
            "procedure_code",
            "field",
            "agency",
            "case",
            "channel",
            "amount",
            "unit",
            "cutoff",
            "boundary_free",
            "result_kind",
            *FLAG_COLUMNS,
            "outcome",
        )
    }
    for d in dossiers:
        firsts = {
            name: next((e for e in d.events if e.kind is k), None) for name, k in _FIRST.items()
        }
        cols["received_at"].append(d.received_at)
        cols["finished_at"].append(d.finished_at)
        for name, ev in firsts.items():
            cols[name].append(None if ev is None else ev.at)
        resched = firsts["rescheduled_at"]
        cols["rescheduled_due_at"].append(None if resched is None else resched.new_due_at)
        more["code"].append(d.code or "")
        more["procedure_code"].append(d.procedure_code or "")
        more["field"].append(d.field)
        more["agency"].append(d.agency)
        more["case"].append(d.case or "")
        more["channel"].append(d.channel.value)
        more["amount"].append(d.amount)
        more["unit"].append(d.unit.value)
        more["cutoff"].append("" if d.cutoff is None else d.cutoff.strftime("%H:%M"))
        more["boundary_free"].append(d.boundary_free)
        more["result_kind"].append("" if d.result_kind is None else d.result_kind.value)
        for flag in FLAG_COLUMNS:
            more[flag].append(bool(getattr(d, flag)))
        more["outcome"].append("" if d.outcome is None else d.outcome.value)
    times: dict[str, Any] = {
        k: pd.Series(pd.to_datetime(v, utc=True), dtype="datetime64[ns, UTC]")
        for k, v in cols.items()
    }
    return from_columns(**times, **more, source=source)


def to_dossiers(frame: DossierFrame) -> list[Dossier]:
    """Every row of ``frame`` as a :class:`~cchc.dossiers.Dossier` with its events."""
    return [row_to_dossier(frame, i) for i in range(len(frame))]
