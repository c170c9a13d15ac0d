"""Supplements (yêu cầu bổ sung, hoàn thiện hồ sơ): one implementation for both paths.

The functions below take one dossier's values (datetimes, ints) or columns (NumPy),
the same way (:mod:`.tables`):

* **restart** (the law: ND 61/2018 Art 19(4), ND 118/2025 Art 19(5), "thời hạn giải
  quyết được tính lại từ đầu sau khi nhận đủ hồ sơ"): the period is computed again
  from the receipt of the supplement (:func:`clock_anchor`), superseding an earlier
  rescheduling;
* **subtract_waiting** (the 766 portal, convention ``CONV-766-WAITING``): the due
  moment is pushed back by the waiting time (:func:`after_waiting`), and more than
  one request makes the dossier late (:func:`late_by_requests`);
* **closure while a supplement is pending** (refused, withdrawn or lapsed, ND
  118/2025 Art 19(5)): timeliness is judged at the request (:func:`judged_moment`),
  and a dossier waiting for a supplement requested by its due moment is never
  overdue while it waits (:func:`overdue_from`).
"""

from __future__ import annotations

from typing import Any

from cchc.calendar.days import where

from .policy import SupplementMode

__all__ = ["after_waiting", "clock_anchor", "judged_moment", "late_by_requests", "overdue_from"]


def clock_anchor(received: Any, supplied: Any, answered: Any, mode: SupplementMode) -> Any:
    """The moment the period runs from: the supplement's receipt where it restarts."""
    if mode is not SupplementMode.RESTART:
        return received
    return where(answered, supplied, received)


def after_waiting(
    due: Any, requested: Any, supplied: Any, answered: Any, mode: SupplementMode
) -> Any:
    """The due moment after the waiting time is subtracted (``subtract_waiting`` only)."""
    if mode is not SupplementMode.SUBTRACT_WAITING:
        return due
    return where(answered, due + (supplied - requested), due)


def late_by_requests(requests: int, mode: SupplementMode) -> bool:
    """766 portal: "Yêu cầu bổ sung hồ sơ hơn 01 lần thì tính quá hạn"."""
    return mode is SupplementMode.SUBTRACT_WAITING and requests > 1


def judged_moment(finished: Any, requested: Any, pending: Any) -> Any:
    """Timeliness is judged at the finish, or at the request for a dossier closed while a
    supplement was pending (the clock stopped there)."""
    return where(pending, requested, finished)


def overdue_from(due: Any, requested: Any, pending: Any, never: Any) -> Any:
    """The moment after which an unfinished dossier is overdue: its due moment, or
    ``never`` while it waits for a supplement requested by the due moment."""
    return where(pending & (requested <= due), never, due)
