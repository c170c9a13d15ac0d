"""Pauses of a dossier (tạm dừng tính thời gian): waiting for the applicant.

Two waits stop a dossier's clock or end it, each as events (:mod:`.events`):

* **waiting for fees / financial obligations** (chờ thực hiện nghĩa vụ tài chính):
  ``payment_requested`` then ``payment_done``. ND 118/2025 Art 24(2) (registry
  ``ND118-2025``) lets fees be fixed and paid after the receipt stage and says nothing of
  the clock; the convention :data:`PAYMENT_RULE` adds the working time waited to the due
  moment (:func:`cchc.dossiers.engine.paused`, applied by the replay of one dossier and
  by :func:`cchc.dossiers.evaluate` over columns), keeps a dossier waiting on a notice
  made by its due moment in time, sends no reminder while it waits, and counts it apart
  (``waiting_payment`` in the statistics);
* **stopped at the applicant's request** (dừng thực hiện thủ tục hành chính, ND 118/2025
  Art 21): the ``withdrawn`` event, which ends the dossier (the stop notice); stopped
  dossiers are counted apart (:data:`STOP_RULE`, following :data:`STOP_PRACTICE`): neither
  early, on time nor late (``Deadline.stopped``), nor resolved or in progress in the
  statistics (``stopped``), and out of the base of every rate; in the flat format, the
  ``outcome`` column (``withdrawn`` or ``stopped``) says which finish is a stop
  (:mod:`cchc.dossiers.table.outcomes`).

A wait for a supplement (yêu cầu bổ sung) is not a pause: the period restarts
(:mod:`.supplements`). For the steps of the internal process (:mod:`.steps`) both the
supplement and the payment waits add to the time of the step they fall in
(``CONV-STEP-REPEAT``), as :func:`applicant_waits` lists them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .events import Event, EventKind
from .instants import NAT

__all__ = [
    "PAYMENT_RULE",
    "STOP_ARTICLE",
    "STOP_PRACTICE",
    "STOP_RULE",
    "WAITS",
    "applicant_waits",
]

PAYMENT_RULE = "CONV-PAUSE-PAYMENT"
"""Registry key of the payment-wait convention."""
STOP_RULE = "CONV-STOP-APART"
"""Registry key of counting stopped dossiers apart."""
STOP_PRACTICE = "OPENCPS-STATISTIC-CANCELLED"
"""Registry key of the platform practice the convention follows (OpenCPS v2 counts its
``cancelled`` dossiers apart from those processed)."""
STOP_ARTICLE = ("ND118-2025", "Điều 21")
"""Where the applicant's stop comes from (registry key, article)."""

WAITS = (
    (EventKind.SUPPLEMENT_REQUESTED, EventKind.SUPPLEMENT_RECEIVED),
    (EventKind.PAYMENT_REQUESTED, EventKind.PAYMENT_DONE),
)
"""The waits for the applicant: (the event that opens one, the event that ends it)."""


def applicant_waits(
    events: Sequence[Event], moments: Sequence[int], until: int
) -> list[tuple[int, int]]:
    """The intervals (local ns) the dossier waited for the applicant up to ``until`` (an
    open wait runs to ``until``)."""
    out: list[tuple[int, int]] = []
    for ask, answer in WAITS:
        open_at = NAT
        for ev, ns in zip(events, moments, strict=True):
            if ns > until:
                break
            if ev.kind is ask:
                open_at = ns
            elif ev.kind is answer and open_at != NAT:
                out.append((open_at, ns))
                open_at = NAT
        if open_at != NAT:
            out.append((open_at, until))
    return out
