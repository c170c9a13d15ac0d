"""Dossiers stopped at the applicant's request (dừng thực hiện thủ tục hành chính) are
counted apart, in the column statistics as for one dossier: the ``outcome`` column of the
flat format.

Oracles: ND 118/2025 Art 21 (registry ND118-2025, read in the original: the applicant may
ask to stop until the decision, the stop ends the dossier); the registry convention
CONV-STOP-APART (a stopped dossier is neither early, on time nor late, nor in progress,
and is out of every rate's base, as OpenCPS v2 counts its ``cancelled`` dossiers apart
from those processed: registry OPENCPS-STATISTIC-CANCELLED); the lifecycle rules
LC-DECIDED-COMPLETE and LC-ONE-PAYMENT (no decision while the applicant is awaited). Counts
in the hand-made tables follow the definitions of :mod:`cchc.dossiers.table.statistics`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cchc.dossiers import (
    Dossier,
    evaluate,
    from_columns,
    from_dataframe,
    from_dossiers,
    month_periods,
    read_csv,
    row_to_dossier,
    summarize,
    to_dossiers,
    year_period,
)
from cchc.dossiers.timeliness import STOPPED, TIMELINESS_NAMES, UNFINISHED
from cchc.errors import BatchValidationError, LifecycleError
from cchc.tz import VN_TZ
from dossier_cases import from64, random_waits, vn

AS_OF = datetime(2027, 6, 1, tzinfo=VN_TZ)
OUTCOMES = ("decided", "returned", "refused", "withdrawn")


def _random_rows(seed: int, start: datetime, n: int = 200) -> dict[str, list[object]]:
    """Rows received from ``start`` on (one rule set), with supplements, payments and
    finishes early and late; every finished row gets an outcome its events allow, among
    them stops while a supplement or a payment is pending and stops after the due date."""
    rng = np.random.default_rng(seed)
    rec, req, got, pay, paid = random_waits(
        rng, start, n, days=150, p_got=0.6, p_pay=0.3, p_paid=0.6
    )
    fin: list[datetime | None] = []
    out: list[str | None] = []
    for r, q, g, p, d in zip(rec, req, got, pay, paid, strict=True):
        last = max(x for x in (r, q, g, p, d) if x is not None)
        pending = (q is not None and g is None) or (p is not None and d is None)
        if rng.random() < 0.15:
            fin.append(None)
            out.append(None)
            continue
        fin.append(last + timedelta(days=int(rng.integers(0, 30)), hours=2))  # early or late
        allowed = OUTCOMES[1:] if pending else OUTCOMES  # no decision while awaited
        out.append(str(rng.choice([*allowed, "withdrawn", ""])))  # stops more often
    return {
        "received_at": rec,
        "supplement_requested_at": req,
        "supplement_received_at": got,
        "payment_requested_at": pay,
        "payment_done_at": paid,
        "finished_at": fin,
        "outcome": out,
        "amount": list(rng.integers(1, 12, n)),
    }


@pytest.mark.parametrize("policy", ["next_opening", "portal_766"])
@pytest.mark.parametrize(
    ("seed", "start"),
    [(1, vn(2019, 3, 4, 9)), (2, vn(2025, 7, 1, 8)), (3, vn(2026, 8, 5, 8))],
    ids=["ND61-2018", "ND118-2025", "ND309-2026"],
)
def test_columns_equal_the_dossier(policy: str, seed: int, start: datetime) -> None:
    frame = from_columns(**_random_rows(seed, start), unit="working_days")  # type: ignore[arg-type]
    res = evaluate(frame, policy=policy)
    seen = set()
    for i in range(len(frame)):
        d = row_to_dossier(frame, i)
        dl = d.deadline(policy=policy)
        assert from64(res.due_at[i]) == dl.due_at, i
        t = dl.timeliness()
        want = (
            STOPPED
            if dl.stopped
            else UNFINISHED
            if t is None
            else ["early", "on_time", "late"].index(t.value)
        )
        assert int(res.timeliness[i]) == want, i
        assert dl.stopped == (d.outcome is not None and d.outcome.value == "withdrawn"), i
        if dl.stopped:
            pending = dl.pending_supplement_since is not None or dl.payment_pending_ns != -(2**63)
            seen.add(("pending" if pending else "complete", d.finished_at > dl.due_at))  # type: ignore[operator]
    # the cases the brief names: a stop while the applicant is awaited, and after the due date
    assert ("pending", False) in seen or ("pending", True) in seen
    assert ("complete", True) in seen and ("complete", False) in seen


def _four() -> dict[str, object]:
    """Four dossiers received in October 2025 (5 working days: due Mon 13/10 17:00)."""
    return {
        "received_at": [vn(2025, 10, 6, 9)] * 4,
        "finished_at": [vn(2025, 10, 7, 9), vn(2025, 10, 8, 9), None, vn(2025, 11, 10, 9)],
        "amount": 5,
        "channel": ["online", "online", "in_person", "in_person"],
        "outcome": ["withdrawn", "decided", None, "stopped"],
    }


def test_stopped_dossiers_are_counted_apart_by_both_counting_paths() -> None:
    frame = from_columns(**_four())  # type: ignore[arg-type]
    res = evaluate(frame)
    assert [TIMELINESS_NAMES[t + 1] for t in res.timeliness] == [
        "stopped",
        "early",
        "unfinished",
        "stopped",  # stopped four weeks after the due date: still not late
    ]
    months = month_periods(2025)[9:12]
    one_pass = summarize(frame, res, months, as_of=AS_OF)
    for p, row in zip(months, one_pass, strict=True):
        (alone,) = summarize(frame, res, p, as_of=AS_OF)
        assert alone.counts == row.counts, p.label
    october, november, december = (r.counts for r in one_pass)
    # October: 4 to handle = 1 resolved (early) + 1 stopped + 2 in progress (overdue at
    # the end of the month: due 13/10)
    assert (october.to_handle, october.resolved, october.early, october.stopped) == (4, 1, 1, 1)
    assert (october.in_progress, october.in_progress_overdue) == (2, 2)
    assert (november.carried_over, november.stopped, november.resolved) == (2, 1, 0)
    assert (december.to_handle, december.stopped, december.in_progress) == (1, 0, 1)
    # rates over dossiers to handle leave the stopped ones out: (early 1) / (4 - 1)
    assert str(one_pass[0].rates.on_time_rate_766) == "33.33"
    rates = one_pass[0].rates
    assert rates.on_time_rate_766 + rates.late_rate_to_handle == 100  # type: ignore[operator]


def test_without_an_outcome_column_nothing_changes() -> None:
    cols = {k: v for k, v in _four().items() if k != "outcome"}
    frame = from_columns(**cols)  # type: ignore[arg-type]
    res = evaluate(frame)
    assert frame.outcome is None and STOPPED not in res.timeliness
    (row,) = summarize(frame, res, year_period(2025), as_of=AS_OF)
    assert row.counts.stopped is None and row.counts.resolved == 3
    assert "stopped" not in repr(res)
    df = summarize(frame, res, year_period(2025), as_of=AS_OF).to_pandas()
    assert str(df["stopped"].dtype) == "Int64" and df["stopped"].isna().all()


def test_text_and_codes_are_read_and_unknown_values_are_bad_rows(tmp_path: Path) -> None:
    codes = from_columns(**{**_four(), "outcome": np.array([3.0, 0.0, np.nan, 3.0])})  # type: ignore[arg-type]
    assert codes.outcome.tolist() == [3, 0, -1, 3]  # type: ignore[union-attr]
    with pytest.raises(BatchValidationError) as err:
        from_columns(
            **{**_four(), "finished_at": [vn(2025, 10, 7, 9)] * 4, "outcome": [3, 4, -1, 0]}
        )  # type: ignore[arg-type]
    assert [(e.row, e.field) for e in err.value.errors] == [(2, "outcome"), (3, "outcome")]
    nullable = pd.Series([3, 0, None, 3], dtype="Int64")
    assert from_columns(**{**_four(), "outcome": nullable}).outcome.tolist() == [3, 0, -1, 3]  # type: ignore[arg-type, union-attr]
    path = tmp_path / "d.csv"
    path.write_text(
        "received_at,amount,unit,channel,finished_at,outcome\n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,2025-10-07T09:00:00+07:00,3\n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,, \n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,2025-10-08T09:00:00+07:00,stopped\n",
        encoding="utf-8",
    )
    assert read_csv(path).outcome.tolist() == [3, -1, 3]  # type: ignore[union-attr]
    path.write_text(
        "received_at,amount,unit,channel,finished_at,supplement_requested_at,outcome\n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,2025-10-07T09:00:00+07:00,,rút\n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,,,withdrawn\n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,2025-10-09T09:00:00+07:00,"
        "2025-10-07T09:00:00+07:00,decided\n"
        "2025-10-06T09:00:00+07:00,5,working_days,online,2025-10-07T09:00:00+07:00,,7\n",
        encoding="utf-8",
    )
    with pytest.raises(BatchValidationError) as err:
        read_csv(path)
    found = [(e.row, e.field, type(e).__name__) for e in err.value.errors]
    assert found == [
        (2, "outcome", "ValidationError"),  # not a name of the vocabulary
        (3, "outcome", "ValidationError"),  # an outcome with no finish
        (4, "outcome", "LifecycleError"),  # decided while a supplement is pending
        (5, "outcome", "ValidationError"),  # not a code 0..3
    ]
    assert "LC-DECIDED-COMPLETE" in err.value.errors[2].message
    frame, bad = read_csv(path, on_bad_rows="collect")
    assert len(frame) == 0 and bad["row"].tolist() == [2, 3, 4, 5]
    df = pd.DataFrame({**_four(), "outcome": ["withdrawn", "decided", None, "nope"]})
    with pytest.raises(BatchValidationError) as err:
        from_dataframe(df.assign(unit="working_days"))
    assert [(e.row, e.field) for e in err.value.errors] == [(4, "outcome")]


def test_a_payment_notice_pending_forbids_a_decision() -> None:
    with pytest.raises(BatchValidationError) as err:
        from_columns(
            received_at=[vn(2025, 10, 6, 9)] * 2,
            payment_requested_at=[vn(2025, 10, 7, 9)] * 2,
            finished_at=[vn(2025, 10, 8, 9)] * 2,
            outcome=["decided", "withdrawn"],
            amount=5,
        )
    (e,) = err.value.errors
    assert isinstance(e, LifecycleError) and (e.row, e.field) == (1, "outcome")
    assert "LC-ONE-PAYMENT" in e.message


def test_dossiers_and_rows_round_trip_the_outcome() -> None:
    frame = from_columns(**_random_rows(5, vn(2025, 7, 1, 8)), unit="working_days")  # type: ignore[arg-type]
    dossiers = to_dossiers(frame)
    again = from_dossiers(dossiers)
    assert to_dossiers(again) == dossiers
    # a recorded outcome is kept; a row without one finishes as decided or refused
    given = frame.outcome >= 0  # type: ignore[operator]
    assert np.array_equal(again.outcome[given], frame.outcome[given])  # type: ignore[index]
    assert np.array_equal(evaluate(again).timeliness, evaluate(frame).timeliness)
    stop = Dossier(
        channel="in_person",
        amount=5,
        events=[
            {"kind": "received", "at": vn(2025, 10, 6, 9)},
            {"kind": "supplement_requested", "at": vn(2025, 10, 7, 9)},
            {"kind": "withdrawn", "at": vn(2025, 10, 20, 9), "note": "Yêu cầu của công dân"},
        ],
    )
    row = from_dossiers([stop])
    assert row.outcome.tolist() == [3]  # type: ignore[union-attr]
    (back,) = to_dossiers(row)
    assert back.outcome == stop.outcome and back.finished_at == stop.finished_at
    assert stop.timeliness() is None and stop.deadline().stopped
    assert int(evaluate(row).timeliness[0]) == STOPPED


def test_the_command_shows_the_stopped_column(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "d.csv"
    pd.DataFrame({**_four(), "unit": "working_days"}).to_csv(path, index=False)
    done = subprocess.run(
        [sys.executable, "-m", "cchc", "dossier", "stats", str(path), "--period", "month",
         "--year", "2025", "--as-of", "2027-06-01T00:00:00+07:00"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    header, _, *rows = done.stdout.splitlines()
    names = header.split()
    assert names[names.index("late") + 1] == "stopped"
    october = dict(zip(names, rows[9].split(), strict=True))
    assert (october["resolved"], october["stopped"], october["in_progress"]) == ("1", "1", "2")


def test_bieu_06_shows_the_stopped_dossiers_apart(tmp_path: Path) -> None:
    from cchc.reporting.statistics import check_form, fill_form
    from cchc.reporting.statistics_render import to_markdown, to_xlsx
    from cchc.reporting_periods import reporting_period

    q4 = reporting_period("nd09-2019", "Q4", 2025, due=False)
    cols = {**_four(), "field": ["Hộ tịch"] * 4, "agency": ["UBND xã A"] * 4}
    frame = from_columns(**cols)  # type: ignore[arg-type]
    form = fill_form(frame, evaluate(frame), q4, as_of=AS_OF)
    assert len(form.spec.columns) == 12 and check_form(form) == []
    # (3) to handle 4 = (7) resolved 1 + (11) in progress 1 + (14) stopped 2
    assert form.total.values == (4, 2, 2, 0, 1, 1, 0, 0, 1, 0, 1, 2)
    assert "dừng thực hiện theo yêu cầu" in to_markdown(form)
    assert to_xlsx(form, tmp_path / "b06.xlsx").exists()
    # no outcome column: the official eleven columns, as before
    plain = {k: v for k, v in cols.items() if k != "outcome"}
    frame = from_columns(**plain)  # type: ignore[arg-type]
    form = fill_form(frame, evaluate(frame), q4, as_of=AS_OF)
    assert len(form.spec.columns) == 11 and check_form(form) == []
    assert form.total.values[4] == 3  # the stops are decisions without the column


@pytest.mark.parametrize("periods", ["one", "several"])
def test_stopped_dossiers_are_out_of_the_766_shared_denominator(periods: str) -> None:
    # The portal gives 766 indicators 2.1, 4.1 and 4.2 one denominator (registry
    # QD766-PORTAL-API: 161 dossiers for all three in the Phú Thọ response); 2.1 leaves
    # stopped dossiers out (CONV-STOP-APART), so 4.1 and 4.2 do too, numerators included.
    # Both counting paths (one period: count_arrays; contiguous periods: count_matrix).
    from cchc.indices.qd766_dossiers import counts_from_stats, indicator_rates

    cols = {
        **_four(),
        "result_kind": ["electronic", "electronic", "", "paper"],
        "digitised": [True, True, True, True],
        "paid_online": [1, 1, 0, 0],
        "has_fees": [True, True, True, True],
    }
    frame = from_columns(**cols)  # type: ignore[arg-type]
    res = evaluate(frame)
    months = month_periods(2025)[9:11]
    rows = (
        [summarize(frame, res, p, as_of=AS_OF)[0] for p in months]
        if periods == "one"
        else summarize(frame, res, months, as_of=AS_OF)
    )
    october, november = rows
    # October: 4 to handle, row 0 stopped (7/10); row 3 stops in November
    assert (october.counts.to_handle, october.counts.stopped) == (4, 1)
    assert (october.counts.e_result, october.counts.digitised) == (1, 3)  # row 1; rows 1-3
    assert october.counts.paid_online == 2  # 6.1 keeps its own base: rows 0, 1
    # November: rows 2 (in progress) and 3 (stopped 10/11) carried over
    assert (november.counts.to_handle, november.counts.stopped) == (2, 1)
    assert (november.counts.e_result, november.counts.digitised) == (0, 1)  # row 2
    for row, judged, e_result, digitised in (
        (october, 3, "33.33", "100.00"),
        (november, 1, "0.00", "100.00"),
    ):
        counts = counts_from_stats(row)
        assert counts.dossiers == judged == row.counts.to_handle - (row.counts.stopped or 0)
        rates = indicator_rates(counts, row)
        assert rates["2.1"] == row.rates.on_time_rate_766  # the same base as 2.1
        assert (str(rates["4.1"]), str(rates["4.2"])) == (e_result, digitised)
    # without the outcome column nothing is stopped: the base is every dossier to handle
    plain = from_columns(**{k: v for k, v in cols.items() if k != "outcome"})  # type: ignore[arg-type]
    (oct_plain,) = summarize(plain, evaluate(plain), months[0], as_of=AS_OF)
    assert counts_from_stats(oct_plain).dossiers == oct_plain.counts.to_handle == 4
    assert (oct_plain.counts.e_result, oct_plain.counts.digitised) == (2, 4)
