"""Pauses: waiting for the applicant's financial obligations (chờ thực hiện nghĩa vụ tài
chính) through the one engine, one dossier and a column alike.

Oracles: the registry convention CONV-PAUSE-PAYMENT (ND 118/2025 Art 24(2), registry
ND118-2025, lets fees be paid after the receipt and says nothing of the clock: the working
time waited is added to the due moment); the bundled calendar and default office hours;
ND 118/2025 Art 19(5) (restart after a supplement) for the time order of the two.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
import pytest

from cchc.dossiers import Dossier, evaluate, from_columns, row_to_dossier
from cchc.errors import BatchValidationError
from dossier_cases import from64, random_waits, vn


def test_one_working_day_waited_moves_the_due_date_one_working_day() -> None:
    # 5 working days from Mon 6/10/2025: due Mon 13/10 17:00; a wait Thu 09:00 -> Fri 09:00
    # (8 working hours) moves it to Tue 14/10 17:00
    events = [
        {"kind": "received", "at": vn(2025, 10, 6, 9, 0)},
        {"kind": "payment_requested", "at": vn(2025, 10, 9, 9, 0)},
        {"kind": "payment_done", "at": vn(2025, 10, 10, 9, 0)},
    ]
    d = Dossier(channel="in_person", amount=5, events=events)
    assert d.due_date() == vn(2025, 10, 14, 17, 0)
    # a wait over a weekend counts only its working time: Fri 16:00 -> Mon 08:00 = 2 h
    events[1:] = [
        {"kind": "payment_requested", "at": vn(2025, 10, 10, 16, 0)},
        {"kind": "payment_done", "at": vn(2025, 10, 13, 8, 0)},
    ]
    d = Dossier(channel="in_person", amount=5, events=events)
    assert d.due_date() == vn(2025, 10, 14, 9, 0)


def test_a_supplement_restart_supersedes_an_earlier_wait() -> None:
    events = [
        {"kind": "received", "at": vn(2025, 10, 6, 9, 0)},
        {"kind": "payment_requested", "at": vn(2025, 10, 7, 9, 0)},
        {"kind": "payment_done", "at": vn(2025, 10, 8, 9, 0)},
        {"kind": "supplement_requested", "at": vn(2025, 10, 8, 10, 0)},
        {"kind": "supplement_received", "at": vn(2025, 10, 9, 10, 0)},
    ]
    d = Dossier(channel="in_person", amount=5, events=events)
    assert d.due_date() == vn(2025, 10, 16, 17, 0)  # 5 working days from Thu 9/10


@pytest.mark.parametrize("policy", ["next_opening", "portal_766"])
@pytest.mark.parametrize("seed", [1, 2])
def test_columns_equal_the_dossier(policy: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 250
    base = vn(2025, 3, 3, 9, 0)
    rec, req, got, pay, paid = random_waits(
        rng, base, n, days=600, p_got=0.7, p_pay=0.6, p_paid=0.7
    )
    fin: list[datetime | None] = []
    for r, q, g, p, d in zip(rec, req, got, pay, paid, strict=True):
        last = max(x for x in (r, q, g, p, d) if x is not None)
        pending = (q is not None and g is None) or (p is not None and d is None)
        fin.append(None if pending or rng.random() < 0.3 else last + timedelta(days=12))
    frame = from_columns(
        received_at=rec,
        supplement_requested_at=req,
        supplement_received_at=got,
        payment_requested_at=pay,
        payment_done_at=paid,
        finished_at=fin,
        amount=rng.integers(1, 12, n),
        unit="working_days",
    )
    res = evaluate(frame, policy=policy)
    judged = vn(2027, 6, 1, 9, 0)
    for i in range(n):
        dl = row_to_dossier(frame, i).deadline(policy=policy)
        assert from64(res.due_at[i]) == dl.due_at, i
        assert from64(res.legal_due_at[i]) == dl.legal_due_at, i
        t = dl.timeliness()
        assert int(res.timeliness[i]) == (
            -1 if t is None else ["early", "on_time", "late"].index(t.value)
        ), i
        if dl.finished_at is None:
            overdue = from64(res.overdue_from[i])
            in_time = overdue is None or overdue.year > 9000 or judged <= overdue
            assert (dl.progress_as_of(judged).value == "in_time") == in_time, i  # type: ignore[union-attr]


def test_bad_payment_rows_are_all_reported() -> None:
    with pytest.raises(BatchValidationError) as err:
        from_columns(
            received_at=[vn(2025, 10, 6, 9, 0)] * 2,
            payment_requested_at=[vn(2025, 10, 7, 9, 0), None],
            payment_done_at=[vn(2025, 10, 6, 10, 0), vn(2025, 10, 8, 9, 0)],
            amount=5,
        )
    fields = sorted((e.row, e.field) for e in err.value.errors)
    assert fields == [(1, "payment_done_at"), (2, "payment_done_at")]


def test_waiting_payment_is_counted_apart_by_both_counting_paths() -> None:
    from cchc.dossiers import month_periods, summarize, year_period

    rec = [vn(2025, 10, 6, 9, 0)] * 4
    frame = from_columns(
        received_at=rec,
        payment_requested_at=[
            vn(2025, 10, 7, 9, 0),
            vn(2025, 10, 7, 9, 0),
            None,
            vn(2025, 11, 3, 9, 0),
        ],
        payment_done_at=[None, vn(2025, 10, 8, 9, 0), None, vn(2025, 12, 1, 9, 0)],
        amount=5,
    )
    res = evaluate(frame)
    as_of = vn(2025, 11, 20, 9, 0)
    one = summarize(frame, res, year_period(2025), as_of=as_of)[0].counts
    assert (one.in_progress, one.waiting_payment) == (4, 2)  # rows 1 and 4 wait on 20/11
    months = summarize(frame, res, month_periods(2025)[9:12], as_of=vn(2026, 1, 5, 9, 0))
    assert [r.counts.waiting_payment for r in months] == [1, 2, 1]  # end of Oct, Nov, Dec


def test_no_reminder_while_waiting_for_a_payment() -> None:
    from cchc.dossiers import due_soon

    events = [
        {"kind": "received", "at": vn(2025, 10, 6, 9, 0)},
        {"kind": "payment_requested", "at": vn(2025, 10, 10, 9, 0)},
    ]
    d = Dossier(channel="in_person", amount=5, events=events)
    plain = Dossier(channel="in_person", amount=5, events=events[:1])
    at = vn(2025, 10, 13, 8, 0)
    assert plain.due_within(1, at) and not d.due_within(1, at)
    frame = from_columns(
        received_at=[vn(2025, 10, 6, 9, 0)] * 2,
        payment_requested_at=[None, vn(2025, 10, 10, 9, 0)],
        amount=5,
    )
    assert due_soon(frame, evaluate(frame), at, 1).tolist() == [True, False]


def test_stop_notice_states_the_working_time_used_and_article_21() -> None:
    from cchc.forms import fill
    from cchc.procedures import Procedure, TimeLimit

    d = Dossier(
        channel="in_person",
        amount=5,
        procedure_code="1.001806",
        events=[
            {"kind": "received", "at": vn(2025, 10, 6, 9, 0)},
            {"kind": "withdrawn", "at": vn(2025, 10, 7, 10, 0), "note": "Yêu cầu của công dân"},
        ],
    )
    proc = Procedure(code="1.001806", name="X", time_limit=TimeLimit(amount=5, unit="working_days"))
    form = fill(
        "stop_notice", d, procedure=proc, agency="Sở Y tế", signer="GĐ", code="C-2", applicant="A"
    )
    # Mon 09:00 -> Tue 10:00: 6 h Monday (09:00-11:30, 13:30-17:00) + 3 h Tuesday (07:00-10:00)
    assert form.value("Thời gian đã giải quyết") == "1 ngày 1 giờ làm việc"
    assert "Điều 21" in form.value("Thông báo")
