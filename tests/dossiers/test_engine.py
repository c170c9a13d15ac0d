"""The one engine (cchc.dossiers.engine): the column path applies each rule the Dossier path
applies, including the ND 309/2026 boundary-free clock, the late-request flag and the lapse.

Oracles: ND 309/2026 Art 8(3) (registry ND309-2026): a dossier filed regardless of
administrative boundary is counted from the competent authority's receipt; ND 118/2025 Art
19(5) (ND118-2025): a supplement request within 03 working days of receipt, and an
unanswered request lets the desk close the dossier after 15 days.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from cchc.dossiers import (
    Channel,
    Dossier,
    Event,
    EventKind,
    evaluate,
    from_columns,
    one_stop_rules_in_force,
    row_to_dossier,
    rules_in_force,
    supplement_lapse_at,
)
from dossier_cases import from64, vn


def test_boundary_free_frame_counts_from_the_authority_like_the_dossier() -> None:
    # received Mon 10/8/2026 (ND 309/2026 in force from 5/8/2026), transferred Wed 12/8:
    # 3 working days from the transfer are Thu 13, Fri 14, Mon 17/8 -> due 17:00 17/8
    frame = from_columns(
        received_at=[vn(2026, 8, 10, 9, 0)] * 2 + [vn(2025, 8, 11, 9, 0)],
        transferred_at=[vn(2026, 8, 12, 9, 0)] * 2 + [vn(2025, 8, 13, 9, 0)],
        boundary_free=[True, False, True],
        amount=3,
        unit="working_days",
    )
    res = evaluate(frame)
    assert from64(res.due_at[0]) == vn(2026, 8, 17, 17, 0)
    assert from64(res.due_at[1]) == vn(2026, 8, 13, 17, 0)  # not boundary-free: receipt
    # under ND 118/2025 (before 5/8/2026) the receipt starts every clock: Thu 14/8/2025
    assert from64(res.due_at[2]) == vn(2025, 8, 14, 17, 0)
    for i in range(3):
        assert row_to_dossier(frame, i).deadline().due_at == from64(res.due_at[i])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_late_request_and_lapse_columns_equal_the_dossier(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 300
    base = vn(2025, 3, 3, 9, 0)
    rec = [
        base + timedelta(days=int(d), hours=int(h))
        for d, h in zip(rng.integers(0, 700, n), rng.integers(0, 10, n), strict=True)
    ]
    req = [r + timedelta(days=int(d)) for r, d in zip(rec, rng.integers(0, 9, n), strict=True)]
    got = [
        q + timedelta(days=int(d)) if rng.random() < 0.5 else None
        for q, d in zip(req, rng.integers(0, 9, n), strict=True)
    ]
    moved = [r + timedelta(hours=int(h)) for r, h in zip(rec, rng.integers(0, 60, n), strict=True)]
    frame = from_columns(
        received_at=rec,
        supplement_requested_at=req,
        supplement_received_at=got,
        transferred_at=moved,
        boundary_free=rng.random(n) < 0.5,
        amount=rng.integers(0, 12, n),
        unit="working_days",
    )
    res = evaluate(frame)
    assert res.late_supplement_request is not None and res.lapse_at is not None
    for i in range(n):
        dl = row_to_dossier(frame, i).deadline()
        assert from64(res.due_at[i]) == dl.due_at, i
        assert bool(res.late_supplement_request[i]) == dl.late_supplement_request, i
        assert from64(res.lapse_at[i]) == dl.lapse_at, i


def test_lapse_is_written_once_for_forms_and_the_replay() -> None:
    d = Dossier(
        channel=Channel.IN_PERSON,
        amount=5,
        events=(
            Event(kind=EventKind.RECEIVED, at=vn(2025, 8, 4, 9, 0)),
            Event(kind=EventKind.SUPPLEMENT_REQUESTED, at=vn(2025, 8, 5, 9, 0)),
        ),
    )
    dl = d.deadline()
    assert dl.lapse_at == vn(2025, 8, 20, 9, 0)  # 15 days (ND 118/2025 Art 19(5))
    assert supplement_lapse_at(vn(2025, 8, 5, 9, 0), dl.rules) == dl.lapse_at
    assert (
        supplement_lapse_at(vn(2025, 6, 5, 9, 0), one_stop_rules_in_force(vn(2025, 6, 5).date()))
        is None
    )


def test_rules_in_force_is_a_deprecated_alias() -> None:
    with pytest.warns(DeprecationWarning, match="one_stop_rules_in_force"):
        old = rules_in_force(vn(2026, 8, 5).date())
    assert old == one_stop_rules_in_force(vn(2026, 8, 5).date())
    assert old.value.boundary_free_clock_at_authority


def test_a_copy_with_other_events_is_replayed_from_its_own_events() -> None:
    # A Dossier reads its events' moments and its finishing event once, when it is built; a
    # copy given other events (as forms.fill makes for the apology's earlier due date) must be
    # replayed from its own events, with the same length or not.
    received = Event(kind=EventKind.RECEIVED, at=vn(2025, 8, 4, 9, 0))
    decided = Event(kind=EventKind.DECIDED, at=vn(2025, 8, 7, 9, 0))
    d = Dossier(channel=Channel.IN_PERSON, amount=5, events=(received, decided))
    dl = d.deadline()
    # Mon 4/8/2025 + 5 working days, the receipt day not counted (BLDS 2015 Art 147(2)): 11/8
    assert dl.due_at == vn(2025, 8, 11, 17, 0)
    assert dl.finished_at == vn(2025, 8, 7, 9, 0)
    cut = d.model_copy(update={"events": d.events[:1]})
    assert cut.deadline().finished_at is None
    assert cut.deadline().due_at == dl.due_at
    later = Event(kind=EventKind.DECIDED, at=vn(2025, 8, 12, 9, 0))
    moved = d.model_copy(update={"events": (received, later)})
    assert moved.deadline().finished_at == vn(2025, 8, 12, 9, 0)
    assert moved.finished_at == vn(2025, 8, 12, 9, 0)
    # the replay builds the Deadline tuple in field order: every field is there
    assert len(dl) == len(type(dl)._fields)
    assert (dl.hourly, dl.findings, dl.payment_waits, dl.trail_ns) == (False, (), 0, ())
