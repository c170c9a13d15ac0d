"""Parity of the two readings of the lifecycle order rules (cchc.dossiers.lifecycle).

The column loader (:func:`~cchc.dossiers.from_columns`, via ``check_order``) and the
:class:`~cchc.dossiers.Dossier` event walker apply one table, ``order_rules()``. Random flat
rows are checked both ways: as columns, and as the event sequence the flat row stands for
(received; the supplement round and the apology in time order; the finish after the
supplement round it ends). Both must accept or reject the same rows, and the field the
event walker blames must be one the column check reports for that row (the columns report
every break of a row, the walker its first one; with one break they agree exactly).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from cchc.dossiers import Channel, Dossier, Event, EventKind, from_columns
from cchc.dossiers.lifecycle import Condition, OrderRule, check_events, order_rules, rule
from cchc.dossiers.table.checks import TIME_COLUMNS
from cchc.errors import BatchValidationError, LifecycleError, ValidationError
from cchc.legal import Verification
from cchc.tz import VN_TZ

_OPTIONAL = (
    "supplement_requested_at",
    "supplement_received_at",
    "rescheduled_at",
    "finished_at",
)
_KIND = {
    "supplement_requested_at": EventKind.SUPPLEMENT_REQUESTED,
    "supplement_received_at": EventKind.SUPPLEMENT_RECEIVED,
    "rescheduled_at": EventKind.RESCHEDULED,
}
# ties keep this order: the request before its answer, the apology before the finish
_TIE = {name: n for n, name in enumerate(_OPTIONAL)}


def _random_rows(n: int, seed: int) -> list[dict[str, datetime | None]]:
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(n):
        rec = datetime(2025, 3, 3, 9, 0, tzinfo=VN_TZ) + timedelta(days=int(rng.integers(0, 400)))
        # offsets on a 12-hour grid so that equal times (ties) are frequent; some before receipt
        row: dict[str, datetime | None] = {"received_at": rec}
        for name in _OPTIONAL:
            given = rng.random() < 0.6
            row[name] = rec + timedelta(hours=12 * int(rng.integers(-2, 10))) if given else None
        # a new date without an apology has no event form; an apology without one has
        r_at = row["rescheduled_at"]
        row["rescheduled_due_at"] = (
            r_at + timedelta(days=10) if r_at is not None and rng.random() < 0.85 else None
        )
        rows.append(row)
    return rows


def _as_events(row: dict[str, datetime | None]) -> tuple[list[Event], list[str]]:
    """The flat row as an event sequence, and the column each event comes from."""
    rec = row["received_at"]
    assert rec is not None
    req, got, fin = (
        row[k] for k in ("supplement_requested_at", "supplement_received_at", "finished_at")
    )
    placed: list[tuple[datetime, int, str, Event]] = []
    for name, kind in _KIND.items():
        at = row[name]
        if at is not None:
            due = row["rescheduled_due_at"] if kind is EventKind.RESCHEDULED else None
            placed.append((at, _TIE[name], name, Event(kind=kind, at=at, new_due_at=due)))
    if fin is not None:
        # finished while a supplement is pending: closed without a decision (as row_to_dossier)
        kind = EventKind.REFUSED if req is not None and got is None else EventKind.DECIDED
        key = max(t for t in (fin, req, got) if t is not None)
        placed.append((key, _TIE["finished_at"], "finished_at", Event(kind=kind, at=fin)))
    placed.sort(key=lambda p: (p[0], p[1]))
    events = [Event(kind=EventKind.RECEIVED, at=rec), *(p[3] for p in placed)]
    return events, ["received_at", *(p[2] for p in placed)]


def _event_error(events: list[Event]) -> LifecycleError | None:
    try:
        Dossier(channel=Channel.IN_PERSON, amount=5, events=tuple(events))
    except LifecycleError as err:
        return err
    return None


def _event_field(err: LifecycleError, columns: list[str]) -> str:
    column = columns[int(err.item or 0)]
    return "rescheduled_due_at" if err.field == "new_due_at" else column


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_flat_rows_same_decision_and_field(seed: int) -> None:
    rows = _random_rows(400, seed)
    names = ("received_at", *_OPTIONAL, "rescheduled_due_at")
    cols = {k: [r[k].isoformat() if r[k] is not None else "" for r in rows] for k in names}
    column_fields: dict[int, list[str]] = {}
    try:
        from_columns(**cols, amount=5, unit="working_days", channel="in_person")
    except BatchValidationError as exc:
        for e in exc.errors:
            assert isinstance(e, LifecycleError), e
            column_fields.setdefault(int(e.row or 0) - 1, []).append(str(e.field))
    rejected = 0
    for i, row in enumerate(rows):
        events, columns = _as_events(row)
        err = _event_error(events)
        if err is None:
            assert i not in column_fields, (row, column_fields.get(i))
            continue
        rejected += 1
        assert i in column_fields, (row, err)
        field = _event_field(err, columns)
        assert field in column_fields[i], (row, err, column_fields[i])
        if len(column_fields[i]) == 1:
            assert column_fields[i] == [field]
    # the sample exercises both outcomes
    assert 0 < rejected < len(rows)


def test_every_rule_cites_a_registry_source_and_known_columns() -> None:
    codes = [r.code for r in order_rules()]
    assert len(set(codes)) == len(codes)
    for r in order_rules():
        assert all(s.key for s in r.sources), r.code
        assert r.vi and r.en and r.message
        for c in r.flat:
            assert {c.column, c.other, c.unless or c.column} <= set(TIME_COLUMNS), r.code
    # ND 61/2018 Art 19(9), ND 118/2025 Art 19(6): the apology states the new appointment date
    apology = rule("LC-RESCHEDULED-NEW-DUE").sources
    assert [s.article for s in apology] == ["Điều 19 khoản 9", "Điều 19 khoản 6"]
    assert rule("LC-TIME-ORDER").sources[0].verification is Verification.CONVENTION


def test_walker_reports_the_rule_message_and_location() -> None:
    rec = Event(kind=EventKind.RECEIVED, at=datetime(2025, 3, 3, 9, 0, tzinfo=VN_TZ))
    got = Event(kind=EventKind.SUPPLEMENT_RECEIVED, at=datetime(2025, 3, 4, 9, 0, tzinfo=VN_TZ))
    with pytest.raises(LifecycleError) as err:
        check_events([rec, got])
    answers = rule("LC-SUPPLEMENT-ANSWERS")
    assert answers.test is Condition.ANSWERS
    assert (err.value.message, err.value.item, err.value.field) == (answers.message, "1", "kind")


def test_a_bad_rule_row_is_refused() -> None:
    row = rule("LC-RECEIVED-ONCE").model_dump()
    with pytest.raises(ValidationError, match="may only name"):
        OrderRule.from_data({**row, "message": "a second {event}"})
    with pytest.raises(ValidationError, match="unknown lifecycle rule"):
        rule("LC-NOPE")
