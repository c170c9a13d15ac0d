"""Dossier lifecycle, replay of supplements and rescheduling, timeliness."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

import pytest

from cchc.dossiers import (
    Channel,
    Dossier,
    Event,
    EventKind,
    Progress,
    SupplementMode,
    Timeliness,
    TimeUnit,
    classify,
)
from cchc.errors import LifecycleError, NaiveDatetimeError, ParseError
from cchc.procedures import load_sample_catalogue
from cchc.tz import VN_TZ


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


def ev(kind: str, *at: int, new_due: datetime | None = None) -> Event:
    return Event(kind=EventKind(kind), at=vn(*at), new_due_at=new_due)


def dossier(*events: Event, amount: int = 10, **extra: object) -> Dossier:
    return Dossier(channel=Channel.IN_PERSON, amount=amount, events=events, **extra)  # type: ignore[arg-type]


# Received Monday 03/03/2025 09:00, 10 working days -> due Monday 17/03/2025 17:00.
RECEIVED = ev("received", 2025, 3, 3, 9, 0)


def test_plain_dossier_due_and_timeliness() -> None:
    d = dossier(RECEIVED, ev("decided", 2025, 3, 14, 10, 0), ev("returned", 2025, 3, 17, 8, 0))
    dl = d.deadline()
    assert dl.due_at == vn(2025, 3, 17, 17, 0)
    # TT 01/2018 Art 13(1): finished before the due day -> trước hạn; "decided" is the finish.
    assert d.finished_at == vn(2025, 3, 14, 10, 0)
    assert d.timeliness() is Timeliness.EARLY
    assert d.outcome is EventKind.DECIDED


def test_supplement_restart_versus_766_subtraction() -> None:
    # Request Wed 05/03 10:00 (within the 03 working days of ND 61 Art 19(4)); the complete
    # dossier comes back Mon 10/03 14:00.
    d = dossier(
        RECEIVED,
        ev("supplement_requested", 2025, 3, 5, 10, 0),
        ev("supplement_received", 2025, 3, 10, 14, 0),
        ev("decided", 2025, 3, 21, 9, 0),
    )
    # ND 61/2018 Art 19(4): "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ":
    # a new 10 working days from Monday 10/03 -> Monday 24/03/2025.
    law = d.deadline()
    assert law.mode is SupplementMode.RESTART
    assert law.first_due_at == vn(2025, 3, 17, 17, 0)
    assert law.due_at == vn(2025, 3, 24, 17, 0)
    assert law.supplement_wait == timedelta(days=5, hours=4)
    assert not law.late_supplement_request
    assert d.timeliness() is Timeliness.EARLY
    # Decision 766 portal: the waiting time (5 days 4 hours) is subtracted, i.e. the original
    # due moment 17/03 17:00 moves to Saturday 22/03 21:00; finishing on 21/03 is early too.
    portal = d.deadline(policy="portal_766")
    assert portal.due_at == vn(2025, 3, 22, 21, 0)
    assert d.timeliness(policy="portal_766") is Timeliness.EARLY
    # Finished Monday 24/03: on time by law, late for the portal.
    d2 = dossier(*d.events[:3], ev("decided", 2025, 3, 24, 9, 0))
    assert d2.timeliness() is Timeliness.ON_TIME
    assert d2.timeliness(policy="portal_766") is Timeliness.LATE


def test_766_more_than_one_supplement_request_is_late() -> None:
    # 766 formula document: "Yêu cầu bổ sung hồ sơ hơn 01 lần thì tính quá hạn".
    d = dossier(
        RECEIVED,
        ev("supplement_requested", 2025, 3, 4, 10, 0),
        ev("supplement_received", 2025, 3, 5, 10, 0),
        ev("supplement_requested", 2025, 3, 6, 10, 0),
        ev("supplement_received", 2025, 3, 7, 10, 0),
        ev("decided", 2025, 3, 10, 9, 0),
    )
    assert d.timeliness(policy="portal_766") is Timeliness.LATE
    assert d.timeliness() is Timeliness.EARLY


def test_rescheduled_once_then_second_refused() -> None:
    # ND 61/2018 Art 19(9): apology at the latest 01 day before the due day, "không quá một lần".
    new_due = vn(2025, 3, 21, 17, 0)
    once = dossier(
        RECEIVED,
        ev("rescheduled", 2025, 3, 14, 16, 0, new_due=new_due),
        ev("decided", 2025, 3, 20, 9, 0),
    )
    dl = once.deadline()
    assert dl.rescheduled
    assert dl.due_at == new_due
    assert dl.legal_due_at == vn(2025, 3, 17, 17, 0)
    assert once.timeliness() is Timeliness.EARLY
    twice = dossier(
        RECEIVED,
        ev("rescheduled", 2025, 3, 14, 16, 0, new_due=new_due),
        ev("rescheduled", 2025, 3, 19, 16, 0, new_due=vn(2025, 3, 28, 17, 0)),
    )
    with pytest.raises(LifecycleError, match="second rescheduling") as err:
        twice.deadline()
    assert err.value.item == "2"
    assert err.value.field == "kind"
    assert "Điều 19 khoản 9" in str(err.value)


def test_rescheduling_on_the_due_day_is_kept_and_flagged() -> None:
    # ND 61/2018 Art 19(9): "chậm nhất 01 ngày trước ngày hết hạn"; an apology on the due
    # day is late but kept (the desk prints it), flagged LC-APOLOGY-LATE on the event.
    late = dossier(RECEIVED, ev("rescheduled", 2025, 3, 17, 9, 0, new_due=vn(2025, 3, 21, 17, 0)))
    dl = late.deadline()
    assert dl.late_apology and dl.due_at == vn(2025, 3, 21, 17, 0)
    assert [(f.code, f.field) for f in dl.findings] == [("LC-APOLOGY-LATE", "events[1].at")]
    # ND 118/2025 Art 19(6) keeps the rule: a 2025-08 dossier cites it.
    later = dossier(
        ev("received", 2025, 8, 4, 9, 0),
        ev("rescheduled", 2025, 8, 18, 9, 0, new_due=vn(2025, 8, 25, 17, 0)),
    )
    assert "118/2025" in later.deadline().findings[0].message


def test_events_out_of_order_and_impossible_sequences() -> None:
    with pytest.raises(LifecycleError) as order:
        dossier(RECEIVED, ev("decided", 2025, 3, 2, 9, 0))
    assert (order.value.item, order.value.field) == ("1", "at")
    with pytest.raises(LifecycleError, match="first event"):
        dossier(ev("decided", 2025, 3, 2, 9, 0))
    with pytest.raises(LifecycleError, match="without a pending request"):
        dossier(RECEIVED, ev("supplement_received", 2025, 3, 4, 9, 0))
    with pytest.raises(LifecycleError, match="supplement is pending"):
        dossier(RECEIVED, ev("supplement_requested", 2025, 3, 4, 9, 0), ev("decided", 2025, 3, 5))
    with pytest.raises(LifecycleError, match="no event may follow"):
        dossier(RECEIVED, ev("refused", 2025, 3, 4, 9, 0), ev("decided", 2025, 3, 5, 9, 0))
    with pytest.raises(LifecycleError, match="new_due_at"):
        dossier(RECEIVED, ev("rescheduled", 2025, 3, 4, 9, 0))
    with pytest.raises(NaiveDatetimeError):
        dossier(Event(kind=EventKind.RECEIVED, at=datetime(2025, 3, 3, 9, 0)))
    with pytest.raises(ParseError):
        dossier(RECEIVED, code="not-a-code")


def test_progress_and_reminders() -> None:
    d = dossier(RECEIVED)
    assert d.progress_as_of(vn(2025, 3, 17, 16, 0)) is Progress.IN_TIME
    assert d.progress_as_of(vn(2025, 3, 18, 8, 0)) is Progress.OVERDUE
    # "due within 2 working days" on Thursday 13/03: Fri 14 and Mon 17 -> yes; on 12/03 no.
    assert d.due_within(2, vn(2025, 3, 13, 9, 0))
    assert not d.due_within(2, vn(2025, 3, 12, 9, 0))
    assert not d.due_within(5, vn(2025, 3, 18, 9, 0))  # already overdue
    # A pending supplement stops the clock under the law; the 766 portal ends it at the request.
    waiting = dossier(RECEIVED, ev("supplement_requested", 2025, 3, 4, 9, 0))
    assert waiting.progress_as_of(vn(2025, 4, 30, 9, 0)) is Progress.IN_TIME
    assert waiting.deadline().lapse_at is None  # ND 61 has no closing rule


def test_nd118_lapse_and_boundary_free_clock() -> None:
    # ND 118/2025 Art 19(5): closed after 15 days without the supplement.
    d = dossier(ev("received", 2025, 8, 4, 9, 0), ev("supplement_requested", 2025, 8, 5, 9, 0))
    assert d.deadline().lapse_at == vn(2025, 8, 20, 9, 0)
    # ND 309/2026 Art 8(3): a boundary-free dossier starts when the competent authority gets it.
    moved = dossier(
        ev("received", 2026, 8, 10, 9, 0),
        ev("transferred", 2026, 8, 12, 9, 0),
        amount=5,
        boundary_free=True,
    )
    assert moved.deadline().start_at == vn(2026, 8, 12, 9, 0)
    before = dossier(
        ev("received", 2026, 8, 3, 9, 0),
        ev("transferred", 2026, 8, 4, 9, 0),
        amount=5,
        boundary_free=True,
    )
    assert before.deadline().start_at == vn(2026, 8, 3, 9, 0)


def test_for_procedure_uses_catalogue_terms_and_json_roundtrip() -> None:
    proc = load_sample_catalogue().find("1.013871")[0]  # 20 ngày (calendar days), Hà Tĩnh
    d = Dossier.for_procedure(proc, "online", [RECEIVED], code="H15.50.05.13-250303-0001")
    assert (d.amount, d.unit) == (20, TimeUnit.DAYS)
    # 03/03/2025 + 20 days = Sunday 23/03 -> Monday 24/03 (BLDS Art 148(5)).
    assert d.due_date() == vn(2025, 3, 24, 17, 0)
    again = Dossier.model_validate_json(d.model_dump_json())
    assert again == d
    assert "events" in json.dumps(Dossier.model_json_schema())
    with pytest.raises(LifecycleError):
        Dossier.model_validate({"channel": "online", "amount": 1, "events": []})


def test_cutoff_from_the_dossier() -> None:
    d = dossier(ev("received", 2025, 1, 24, 15, 30), amount=5, cutoff=time(15, 0))
    assert d.due_date() == vn(2025, 2, 10, 17, 0)


def test_classify_granularity() -> None:
    due = vn(2025, 3, 17, 17, 0)
    assert classify(vn(2025, 3, 17, 18, 0), due) is Timeliness.ON_TIME
    assert classify(vn(2025, 3, 17, 18, 0), due, "minute") is Timeliness.LATE
    assert classify(vn(2025, 3, 17, 17, 0, 30), due, "minute") is Timeliness.ON_TIME
    assert classify(vn(2025, 3, 18, 7, 0), due) is Timeliness.LATE
