"""One row of a :class:`~cchc.dossiers.table.frame.DossierFrame` as a
:class:`~cchc.dossiers.Dossier` with its events: the scalar reference that tests and
the benchmark compare the batch engine with, row for row.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

import numpy as np

from cchc.procedures import Channel, TimeUnit

from ..batch import CHANNEL_CODES
from ..dossier import Dossier, Event, EventKind
from ..events import FINISHING_KINDS
from ..submission import ResultKind

if TYPE_CHECKING:
    from .frame import DossierFrame

__all__ = ["row_to_dossier"]

_UNIT_NAMES = (TimeUnit.WORKING_DAYS, TimeUnit.DAYS, TimeUnit.HOURS, TimeUnit.MONTHS)
_CHANNELS = tuple(Channel(c) for c in CHANNEL_CODES)


def _dt(value: np.datetime64) -> datetime | None:
    if np.isnat(value):
        return None
    ns = int(value.astype("datetime64[ns]").view(np.int64))
    return datetime.fromtimestamp(ns // 1_000_000_000, UTC).replace(
        microsecond=(ns % 1_000_000_000) // 1000
    )


def row_to_dossier(frame: DossierFrame, i: int) -> Dossier:
    """Row ``i`` as a :class:`Dossier` with its events (the scalar reference)."""
    events = [Event(kind=EventKind.RECEIVED, at=_dt(frame.received_at[i]))]
    moved = _dt(frame.transferred_at[i])
    if moved is not None:
        events.append(Event(kind=EventKind.TRANSFERRED, at=moved))
    for name, kind in (
        ("supplement_requested_at", EventKind.SUPPLEMENT_REQUESTED),
        ("supplement_received_at", EventKind.SUPPLEMENT_RECEIVED),
        ("payment_requested_at", EventKind.PAYMENT_REQUESTED),
        ("payment_done_at", EventKind.PAYMENT_DONE),
    ):
        at = _dt(getattr(frame, name)[i])
        if at is not None:
            events.append(Event(kind=kind, at=at))
    r_at = _dt(frame.rescheduled_at[i])
    if r_at is not None:
        events.append(
            Event(kind=EventKind.RESCHEDULED, at=r_at, new_due_at=_dt(frame.rescheduled_due_at[i]))
        )
    fin = _dt(frame.finished_at[i])
    end = -1 if frame.outcome is None else int(frame.outcome[i])
    if fin is not None and end >= 0:  # the outcome recorded (OUTCOME_CODES)
        events.append(Event(kind=FINISHING_KINDS[end], at=fin))
    elif fin is not None:
        # finished while a supplement is pending: closed without a decision (refused)
        waiting = not np.isnat(frame.supplement_requested_at[i]) and np.isnat(
            frame.supplement_received_at[i]
        )
        paying = not np.isnat(frame.payment_requested_at[i]) and np.isnat(frame.payment_done_at[i])
        waiting = waiting or paying
        events.append(Event(kind=EventKind.REFUSED if waiting else EventKind.DECIDED, at=fin))
    events.sort(key=lambda e: e.at)
    labels = {k: lab[int(c[i])] for k, (c, lab) in frame.groups.items()}
    cut = -1 if frame.cutoff is None else int(frame.cutoff[i])
    return Dossier(
        code=None if frame.codes is None or not frame.codes[i] else str(frame.codes[i]),
        procedure_code=labels["procedure_code"] or None,
        field=labels["field"],
        agency=labels["agency"],
        channel=_CHANNELS[int(frame.channel[i])],
        amount=int(frame.amount[i]),
        unit=_UNIT_NAMES[int(frame.unit[i])],
        events=tuple(events),
        cutoff=None if cut < 0 else time(cut // 60, cut % 60),
        boundary_free=frame.boundary_free is not None and bool(frame.boundary_free[i]),
        case=labels.get("case") or None,
        result_kind=_result_kind(frame, i),
        **{name: bool(flag[i]) for name, flag in frame.record_flags.items()},
    )


_RESULT_KINDS = (ResultKind.PAPER, ResultKind.ELECTRONIC)


def _result_kind(frame: DossierFrame, i: int) -> ResultKind | None:
    code = -1 if frame.result_kind is None else int(frame.result_kind[i])
    return None if code < 0 else _RESULT_KINDS[code]
