"""Reminders over columns of dossiers (nhắc việc): which rows are open, which are due soon.

Both read a :class:`~cchc.dossiers.table.frame.DossierFrame` and, for :func:`due_soon`, its
:class:`~cchc.dossiers.results.DossierResults`; ``as_of`` is an aware datetime
(read in Asia/Ho_Chi_Minh) or a UTC ``datetime64``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from cchc.calendar import OfficialCalendar
from cchc.tz import to_vn

from ..batch import due_within_batch

if TYPE_CHECKING:
    from ..results import DossierResults
    from .frame import DossierFrame

__all__ = ["due_soon", "open_as_of"]


def _as_of64(as_of: datetime | np.datetime64) -> Any:
    if isinstance(as_of, datetime):
        moment = to_vn(as_of, field="as_of").astimezone(UTC).replace(tzinfo=None)
        return np.datetime64(moment.isoformat(), "ns")
    return np.asarray(as_of).astype("datetime64[ns]")


def open_as_of(frame: DossierFrame, as_of: datetime | np.datetime64) -> npt.NDArray[np.bool_]:
    """Rows open (đang giải quyết) at ``as_of``: received by then and not finished by then.

    A dossier finished *after* ``as_of`` was still open at ``as_of``; testing only for a
    missing finish would miss it. ``as_of``: an aware datetime, or a UTC ``datetime64``.
    """
    moment = _as_of64(as_of)
    fin = frame.finished_at
    out: npt.NDArray[np.bool_] = (frame.received_at <= moment) & (np.isnat(fin) | (fin > moment))
    return out


def due_soon(
    frame: DossierFrame,
    results: DossierResults,
    as_of: datetime | np.datetime64,
    working_days: int,
    *,
    calendar: OfficialCalendar | None = None,
) -> npt.NDArray[np.bool_]:
    """Reminder rows: open at ``as_of`` (:func:`open_as_of`), not overdue, and due within
    ``working_days`` working days (:func:`cchc.dossiers.batch.due_within_batch`)."""
    moment = _as_of64(as_of)
    rows = np.flatnonzero(open_as_of(frame, moment))
    out = np.zeros(len(frame), dtype=bool)
    if rows.size:
        out[rows] = due_within_batch(results.due_at[rows], moment, working_days, calendar=calendar)
    return out
