"""The batch engine equals the scalar engine (the reference) on random inputs."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.dossiers import DeadlinePolicy, due_date, get_policy
from cchc.dossiers.batch import (
    UNIT_CODES,
    classify_batch,
    due_dates_batch,
    due_within_batch,
)
from cchc.dossiers.results import evaluate, row_to_dossier
from cchc.dossiers.table.frame import from_columns
from cchc.dossiers.table.synthetic import synthetic_frame
from cchc.dossiers.timeliness import classify, due_within
from cchc.errors import CalendarCoverageError, ValidationError
from cchc.tz import VN_TZ

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
LO = datetime(2018, 6, 21, tzinfo=VN_TZ)
HI = datetime(2027, 6, 30, tzinfo=VN_TZ)

moments = st.datetimes(min_value=LO.replace(tzinfo=None), max_value=HI.replace(tzinfo=None)).map(
    lambda d: d.replace(tzinfo=VN_TZ)
)
units = st.sampled_from(list(UNIT_CODES))
policies = st.sampled_from(["next_opening", "as_recorded", "cutoff_15h", "civil_code"])


def to64(moments_: list[datetime]) -> np.ndarray:
    ns = [(m - EPOCH) // timedelta(microseconds=1) * 1000 for m in moments_]
    return np.array(ns, dtype=np.int64).view("datetime64[ns]")


def from64(value: np.datetime64) -> datetime:
    us = int(value.astype("datetime64[us]").astype(np.int64))
    return (EPOCH + timedelta(microseconds=us)).astimezone(VN_TZ)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(moments, st.integers(0, 40), units).map(
            lambda r: (r[0], r[1] % 5 if r[2] == "months" else r[1], r[2])
        ),
        min_size=1,
        max_size=40,
    ),
    policy=policies,
)
def test_due_dates_batch_equals_scalar(rows: list[tuple[datetime, int, str]], policy: str) -> None:
    received = to64([r[0] for r in rows])
    amounts = np.array([r[1] for r in rows])
    codes = np.array([UNIT_CODES[r[2]] for r in rows], dtype=np.int8)
    due, _ = due_dates_batch(received, amounts, codes, policy=get_policy(policy))
    for (moment, n, unit), got in zip(rows, due, strict=True):
        assert from64(got) == due_date(moment, n, unit, policy=policy), (moment, n, unit)


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(st.tuples(moments, st.integers(0, 30)), min_size=1, max_size=20),
    cutoff=st.times(min_value=time(8, 0), max_value=time(16, 59)),
)
def test_batch_cutoff_and_as_recorded_equal_scalar(
    rows: list[tuple[datetime, int]], cutoff: time
) -> None:
    pol = get_policy("as_recorded").with_cutoff(cutoff)
    due, _ = due_dates_batch(to64([r[0] for r in rows]), [r[1] for r in rows], policy=pol)
    for (moment, n), got in zip(rows, due, strict=True):
        assert from64(got) == due_date(moment, n, policy=pol)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), mode=st.sampled_from(["next_opening", "portal_766"]))
def test_evaluate_equals_dossier_replay(seed: int, mode: str) -> None:
    frame = synthetic_frame(60, seed=seed)
    results = evaluate(frame, policy=mode)
    codes = {-1: None, 0: "early", 1: "on_time", 2: "late"}
    for i in range(len(frame)):
        d = row_to_dossier(frame, i)
        dl = d.deadline(policy=mode)
        assert from64(results.due_at[i]) == dl.due_at
        t = dl.timeliness()
        assert codes[int(results.timeliness[i])] == (t.value if t else None)


def test_rescheduling_in_batch_equals_replay_and_checks_rules() -> None:
    # Received 03/03/2025, 10 working days -> due 17/03; apology 14/03 with a new date 21/03.
    base = {
        "received_at": ["2025-03-03T09:00:00+07:00", "2025-03-03T09:00:00+07:00"],
        "amount": [10, 10],
        "unit": ["working_days", "working_days"],
        "channel": ["in_person", "online"],
        "finished_at": ["2025-03-20T10:00:00+07:00", ""],
        "rescheduled_at": ["2025-03-14T16:00:00+07:00", ""],
        "rescheduled_due_at": ["2025-03-21T17:00:00+07:00", ""],
    }
    frame = from_columns(**base, naive_is_utc=False)
    res = evaluate(frame)
    assert from64(res.due_at[0]) == datetime(2025, 3, 21, 17, 0, tzinfo=VN_TZ)
    assert from64(res.legal_due_at[0]) == datetime(2025, 3, 17, 17, 0, tzinfo=VN_TZ)
    assert row_to_dossier(frame, 0).due_date() == from64(res.due_at[0])
    # ND 61/2018 Art 19(9): an apology on the due day itself is kept and flagged, row named.
    late = dict(base, rescheduled_at=["2025-03-17T09:00:00+07:00", ""])
    flagged = evaluate(from_columns(**late, naive_is_utc=False))
    assert from64(flagged.due_at[0]) == datetime(2025, 3, 21, 17, 0, tzinfo=VN_TZ)
    assert [(f.code, f.field) for f in flagged.findings] == [
        ("LC-APOLOGY-LATE", "row 1.rescheduled_at")
    ]


def test_classify_and_reminders_batch_equal_scalar() -> None:
    rng = np.random.default_rng(7)
    base = np.datetime64("2025-01-02T00:00", "ns")
    fin = base + rng.integers(0, 90 * 24 * 60, 500).astype("timedelta64[m]")
    due = base + rng.integers(0, 90 * 24 * 60, 500).astype("timedelta64[m]")
    fin[::17] = np.datetime64("NaT")
    for minute in (False, True):
        codes = classify_batch(fin, due, minute=minute)
        for f, d, c in zip(fin, due, codes, strict=True):
            if np.isnat(f):
                assert c == -1
                continue
            t = classify(from64(f), from64(d), "minute" if minute else "day")
            assert ["early", "on_time", "late"][c] == t.value
    as_of = np.datetime64("2025-02-10T03:00", "ns")
    soon = due_within_batch(due, as_of, 3)
    for d, s in zip(due, soon, strict=True):
        assert bool(s) == due_within(from64(d), from64(as_of), 3)


def test_coverage_errors_and_provisional_in_batch() -> None:
    late = to64([datetime(2031, 3, 3, 9, 0, tzinfo=VN_TZ)])
    with pytest.raises(CalendarCoverageError):
        due_dates_batch(late, 5)
    prov = DeadlinePolicy(name="prov", provisional=True)
    due, _ = due_dates_batch(late, 5, policy=prov)
    assert from64(due[0]) == due_date(datetime(2031, 3, 3, 9, 0, tzinfo=VN_TZ), 5, policy=prov)


def test_pandas_and_arrow_columns_in_and_out() -> None:
    import pyarrow as pa

    from cchc.dossiers.table.frame import from_arrow, from_dataframe

    df = pd.DataFrame(
        {
            "received_at": pd.to_datetime(["2025-01-24 09:00"]).tz_localize("Asia/Ho_Chi_Minh"),
            "amount": [5],
            "unit": ["working_days"],
            "channel": ["online"],
        }
    )
    out = evaluate(from_dataframe(df)).to_pandas()
    assert out.loc[0, "due_at"].isoformat() == "2025-02-07T17:00:00+07:00"
    assert str(out["due_at"].dt.tz) == "Asia/Ho_Chi_Minh"
    table = pa.Table.from_pandas(df)
    assert evaluate(from_arrow(table)).due_at[0] == evaluate(from_dataframe(df)).due_at[0]


def test_chunked_evaluation_and_counts_equal_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc.dossiers.results as results_mod
    import cchc.dossiers.table.statistics as stats_mod
    from cchc.dossiers.table.statistics import month_periods, summarize

    frame = synthetic_frame(3000, seed=99)
    whole = evaluate(frame)
    rows = summarize(frame, whole, month_periods(2025), by="field")
    monkeypatch.setattr(results_mod, "CHUNK_ROWS", 700)
    monkeypatch.setattr(stats_mod, "CHUNK_ROWS", 700)
    chunked = evaluate(frame)
    assert (chunked.due_at == whole.due_at).all()
    assert (chunked.timeliness == whole.timeliness).all()
    assert summarize(frame, chunked, month_periods(2025), by="field") == rows
    # A rescheduling in a later chunk is named by its row number in the whole frame.
    base = {
        "received_at": ["2025-03-03T09:00:00+07:00"] * 3,
        "amount": [10, 10, 10],
        "unit": ["working_days"] * 3,
        "channel": ["online"] * 3,
        "rescheduled_at": ["", "", "2025-03-17T09:00:00+07:00"],
        "rescheduled_due_at": ["", "", "2025-03-21T17:00:00+07:00"],
    }
    monkeypatch.setattr(results_mod, "CHUNK_ROWS", 2)
    from cchc.errors import BatchValidationError

    # a late apology (on the due day) is kept and flagged, named the same way
    flagged = evaluate(from_columns(**base, naive_is_utc=False))
    assert [f.field for f in flagged.findings] == ["row 3.rescheduled_at"]
    # a new date not after the due date is refused
    bad = dict(base, rescheduled_due_at=["", "", "2025-03-14T17:00:00+07:00"])
    with pytest.raises(BatchValidationError) as err:
        evaluate(from_columns(**bad, naive_is_utc=False))
    assert [(e.row, e.field) for e in err.value.errors] == [(3, "rescheduled_due_at")]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), mode=st.sampled_from(["next_opening", "portal_766"]))
def test_progress_in_batch_equals_replay(seed: int, mode: str) -> None:
    # Unfinished dossiers at the end of a period: in time / overdue as the scalar replay says,
    # including pending supplements (restart: clock stopped; 766: ended at the request).
    frame = synthetic_frame(80, seed=seed)
    results = evaluate(frame, policy=mode)
    as_of = datetime(2025, 9, 30, 23, 59, 59, 999999, tzinfo=VN_TZ)
    as_of_ns = to64([as_of])[0]
    for i in range(len(frame)):
        progress = row_to_dossier(frame, i).progress_as_of(as_of, policy=mode)
        if progress is None:
            continue
        overdue = results.overdue_from[i] < as_of_ns
        assert overdue == (progress.value == "overdue"), i


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    mode=st.sampled_from(["next_opening", "portal_766"]),
)
def test_evaluate_equals_replay_with_rescheduling_and_supplements(seed: int, mode: str) -> None:
    # One rule in both paths (cchc.dossiers.replay, module docstring): events in time order,
    # the apology checked against the due date in force when it is made (ND 61/2018 Art 19(9)),
    # a supplement after it restarting the period (Art 19(4)) or adding the waiting time (766).
    rng = np.random.default_rng(seed)
    n = 40
    base = datetime(2025, 3, 3, 9, 0, tzinfo=VN_TZ)
    rec = [
        base + timedelta(days=int(d), minutes=int(m))
        for d, m in zip(rng.integers(0, 200, n), rng.integers(0, 600, n), strict=True)
    ]
    cols: dict[str, list[str]] = {
        k: []
        for k in (
            "received_at",
            "supplement_requested_at",
            "supplement_received_at",
            "rescheduled_at",
            "rescheduled_due_at",
            "finished_at",
        )
    }
    for r in rec:
        t_req = r + timedelta(hours=int(rng.integers(1, 200)))
        t_got = t_req + timedelta(hours=int(rng.integers(1, 200)))
        t_res = r + timedelta(hours=int(rng.integers(1, 300)))
        new_due = t_res + timedelta(days=int(rng.integers(3, 30)))
        supp, resched = bool(rng.integers(0, 2)), bool(rng.integers(0, 2))
        last = max([r] + [t_got] * supp + [t_res] * resched)
        fin = last + timedelta(hours=int(rng.integers(1, 600)))
        cols["received_at"].append(r.isoformat())
        cols["supplement_requested_at"].append(t_req.isoformat() if supp else "")
        cols["supplement_received_at"].append(t_got.isoformat() if supp else "")
        cols["rescheduled_at"].append(t_res.isoformat() if resched else "")
        cols["rescheduled_due_at"].append(new_due.isoformat() if resched else "")
        cols["finished_at"].append(fin.isoformat())
    common = {
        "amount": [int(a) for a in rng.integers(1, 12, n)],
        "unit": ["working_days"] * n,
        "channel": ["in_person"] * n,
    }
    frame = from_columns(**cols, **common, naive_is_utc=False)
    from cchc.errors import BatchValidationError, LifecycleError

    bad: set[int] = set()
    scalar = {}
    for i in range(n):
        try:
            scalar[i] = row_to_dossier(frame, i).deadline(policy=mode)
        except LifecycleError:
            bad.add(i + 1)
    if bad:
        with pytest.raises(BatchValidationError) as err:
            evaluate(frame, policy=mode)
        assert {e.row for e in err.value.errors} == bad
    good = np.array(sorted(scalar), dtype=np.int64)
    results = evaluate(frame.take(good), policy=mode)
    codes = {-1: None, 0: "early", 1: "on_time", 2: "late"}
    for j, i in enumerate(good.tolist()):
        dl = scalar[i]
        assert from64(results.due_at[j]) == dl.due_at
        assert from64(results.legal_due_at[j]) == dl.legal_due_at
        t = dl.timeliness()
        assert codes[int(results.timeliness[j])] == (t.value if t else None)


def test_supplement_after_rescheduling_restarts_the_period() -> None:
    # Reviewer probe: received 03/03/2025 09:00, 5 working days (due 10/03); apology 05/03 with a
    # new date 20/03; supplement requested 06/03, received 07/03. ND 61/2018 Art 19(4): the
    # period restarts from 07/03 (due 14/03 17:00) and the earlier new date lapses; decided 17/03
    # is late in both paths.
    frame = from_columns(
        received_at=["2025-03-03T09:00:00+07:00"],
        amount=[5],
        unit=["working_days"],
        channel=["in_person"],
        supplement_requested_at=["2025-03-06T09:00:00+07:00"],
        supplement_received_at=["2025-03-07T09:00:00+07:00"],
        rescheduled_at=["2025-03-05T09:00:00+07:00"],
        rescheduled_due_at=["2025-03-20T17:00:00+07:00"],
        finished_at=["2025-03-17T09:00:00+07:00"],
        naive_is_utc=False,
    )
    res = evaluate(frame)
    want = datetime(2025, 3, 14, 17, 0, tzinfo=VN_TZ)
    assert from64(res.due_at[0]) == want == row_to_dossier(frame, 0).due_date()
    assert int(res.timeliness[0]) == 2


def test_rescheduling_after_the_decision_is_a_lifecycle_error() -> None:
    # Lifecycle rule (Dossier events): only 'returned' may follow 'decided'; the batch loader
    # must refuse an apology dated after the decision, naming row 1 and rescheduled_at.
    from cchc.errors import BatchValidationError, LifecycleError

    with pytest.raises(BatchValidationError) as err:
        from_columns(
            received_at=["2025-09-08T09:00:00+07:00"],
            amount=[7],
            unit=["working_days"],
            channel=["in_person"],
            finished_at=["2025-09-12T15:30:00+07:00"],
            rescheduled_at=["2025-09-18T06:30:00+07:00"],
            rescheduled_due_at=["2025-10-09T06:30:00+07:00"],
            naive_is_utc=False,
        )
    assert [(e.row, e.field) for e in err.value.errors] == [(1, "rescheduled_at")]
    assert isinstance(err.value.errors[0], LifecycleError)


def test_threads_give_the_same_results_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks on several threads (cchc.dossiers.table.chunks) = one thread, row for row and in
    every count; errors come back in row order whatever thread found them."""
    import cchc.dossiers.results as results_mod
    import cchc.dossiers.table.statistics as stats_mod
    from cchc.dossiers.table.statistics import month_periods, summarize

    frame = synthetic_frame(5000, seed=7)
    monkeypatch.setattr(results_mod, "CHUNK_ROWS", 300)
    monkeypatch.setattr(stats_mod, "CHUNK_ROWS", 300)
    one = evaluate(frame, workers=1)
    many = evaluate(frame, workers=4)
    for name in ("due_at", "legal_due_at", "start_at", "timeliness", "overdue_from"):
        assert (getattr(one, name) == getattr(many, name)).all(), name
        assert not getattr(many, name).flags.writeable, name  # results are read-only
    months = month_periods(2025)
    assert summarize(frame, one, months, by="field", workers=1) == summarize(
        frame, many, months, by="field", workers=3
    )
    seen: list[int] = []
    evaluate(frame, workers=4, progress=lambda done, total: seen.append(done))
    assert seen == sorted(seen) and seen[-1] == len(frame)
    with pytest.raises(ValidationError) as bad:
        evaluate(frame, workers=0)
    assert bad.value.field == "workers"


def test_no_rescheduling_shares_the_due_column() -> None:
    """Without any rescheduling the legal due moment is the due moment: one array."""
    frame = synthetic_frame(2000, seed=5)
    assert np.isnat(frame.rescheduled_due_at).all()
    res = evaluate(frame)
    assert res.legal_due_at is res.due_at or np.shares_memory(res.legal_due_at, res.due_at)
    assert (res.legal_due_at == res.due_at).all()


def test_instants_outside_the_engine_range_are_errors_not_wrapped() -> None:
    """A datetime64[s] in year 3000 does not fit datetime64[ns]: NumPy's cast would wrap it
    into 1830; the loader reports the row and field instead."""
    from cchc.errors import BatchValidationError

    with pytest.raises(BatchValidationError) as err:
        from_columns(
            received_at=np.array(["3000-01-02T01:00", "2025-01-02T01:00"], "M8[s]"),
            finished_at=np.array(["NaT", "1500-01-01"], "M8[m]"),
            amount=[3, 3],
            naive_is_utc=True,
        )
    assert [(e.row, e.field) for e in err.value.errors] == [(1, "received_at"), (2, "finished_at")]
    assert "1678-2261" in err.value.errors[0].message
