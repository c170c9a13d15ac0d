"""CSV loading (every bad row reported) and statistics with their denominators."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cchc._data import read_text
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.frame import read_csv
from cchc.dossiers.table.statistics import (
    Period,
    StatsCounts,
    combine,
    month_periods,
    quarter_periods,
    rate,
    summarize,
    year_period,
)
from cchc.dossiers.table.synthetic import BUNDLED_SEED, BUNDLED_SIZE, synthetic_frame, write_csv
from cchc.errors import (
    BatchValidationError,
    LifecycleError,
    NaiveDatetimeError,
    ParseError,
    RuleNotInForceError,
    ValidationError,
)

HEADER = (
    "code,procedure_code,field,agency,channel,received_at,amount,unit,finished_at,"
    "supplement_requested_at,supplement_received_at\n"
)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "dossiers.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_csv_with_bad_rows_reports_every_row_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        # line 2: good
        "H15.50-250124-0001,1.013876,Giám định,A,in_person,2025-01-24T09:00:00+07:00,5,"
        "working_days,2025-02-06T10:00:00+07:00,,\n"
        # line 3: naive datetime and unknown unit
        ",1.013876,Giám định,A,online,2025-01-24 09:00,5,weeks,,,\n"
        # line 4: negative amount, unknown channel
        ",1.013876,Giám định,A,fax,2025-01-24T09:00:00+07:00,-2,days,,,\n"
        # line 5: finished before received (events out of order)
        ",1.013876,Giám định,A,post,2025-01-24T09:00:00+07:00,5,days,"
        "2025-01-20T09:00:00+07:00,,\n"
        # line 6: supplement received without a request; bad dossier code
        "XX-1-2,1.013876,Giám định,A,online,2025-01-24T09:00:00+07:00,5,days,,,"
        "2025-01-27T09:00:00+07:00\n"
        # line 7: before ND 61/2018 took effect; missing received_at on line 8
        ",1.013876,Giám định,A,online,2018-06-01T09:00:00+07:00,5,days,,,\n"
        ",1.013876,Giám định,A,online,,5,days,,,\n",
    )
    with pytest.raises(BatchValidationError) as err:
        read_csv(path)
    found = [(e.row, e.field, type(e)) for e in err.value.errors]
    assert found == [
        (3, "received_at", NaiveDatetimeError),
        (3, "unit", ValidationError),
        (4, "channel", ValidationError),
        (4, "amount", ValidationError),
        (5, "finished_at", LifecycleError),
        (6, "code", ParseError),
        (6, "supplement_received_at", LifecycleError),
        (7, "received_at", RuleNotInForceError),
        (8, "received_at", ValidationError),
    ]
    assert err.value.source == str(path)
    assert "row 3, field received_at" in str(err.value)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("received_at,amount\n2025-01-24T09:00:00+07:00,5\n", encoding="utf-8")
    with pytest.raises(BatchValidationError) as err:
        read_csv(path)
    assert sorted(e.field or "" for e in err.value.errors) == ["channel", "unit"]


def test_bundled_dataset_is_reproducible(tmp_path: Path) -> None:
    # The bundled file is exactly what the generator writes for its documented size and seed.
    out = tmp_path / "again.csv"
    write_csv(str(out), BUNDLED_SIZE, BUNDLED_SEED)
    bundled = read_text("cchc.dossiers", "data", "synthetic_dossiers_2025.csv")
    assert out.read_text(encoding="utf-8") == bundled
    frame = read_csv(out)
    assert len(frame) == BUNDLED_SIZE


def test_stats_on_a_hand_made_frame(tmp_path: Path) -> None:
    # Five dossiers of 5 working days around Tết 2025 (due dates checked by hand):
    # A received 24/01 -> due 07/02, finished 05/02: early, resolved in February.
    # B received 24/01 -> due 07/02, finished 07/02: on time.
    # C received 13/01 -> due 20/01, finished 03/02: late (received in January, finished Feb).
    # D received 20/02 online -> due 27/02, unfinished: at the end of February overdue.
    # E received 26/02 online -> due 05/03, unfinished: in time at the end of February.
    path = write(
        tmp_path,
        ",P1,F1,A,in_person,2025-01-24T09:00:00+07:00,5,working_days,2025-02-05T10:00:00+07:00,,\n"
        ",P1,F1,A,in_person,2025-01-24T09:00:00+07:00,5,working_days,2025-02-07T16:00:00+07:00,,\n"
        ",P2,F1,B,post,2025-01-13T09:00:00+07:00,5,working_days,2025-02-03T10:00:00+07:00,,\n"
        ",P2,F2,B,online,2025-02-20T09:00:00+07:00,5,working_days,,,\n"
        ",P2,F2,B,online,2025-02-26T21:00:00+07:00,5,working_days,,,\n",
    )
    frame = read_csv(path)
    results = evaluate(frame)
    jan, feb = month_periods(2025)[:2]
    total = {r.period: r for r in summarize(frame, results, [jan, feb])}
    j, f = total["2025-01"].counts, total["2025-02"].counts
    assert (j.received, j.carried_over, j.resolved, j.in_progress) == (3, 0, 0, 3)
    assert (j.in_progress_overdue, j.in_progress_in_time) == (1, 2)  # C due 20/01
    assert (f.received, f.carried_over, f.to_handle, f.resolved) == (2, 3, 5, 3)
    assert (f.early, f.on_time, f.late) == (1, 1, 1)
    assert (f.in_progress, f.in_progress_overdue, f.in_progress_in_time) == (2, 1, 1)
    assert f.online_received == 2
    rates = total["2025-02"].rates
    assert rates.early_rate == Decimal("33.33")  # 1 / 3 resolved
    assert rates.on_time_or_early_rate == Decimal("66.67")
    assert rates.late_rate_to_handle == Decimal("40.00")  # (1 late + 1 overdue) / 5 to handle
    assert rates.on_time_rate_to_handle == Decimal("60.00")
    assert rates.on_time_rate_766 == Decimal("60.00")  # (1 + 1 + 1 in time) / 5
    assert rates.online_share == Decimal("100.00")
    by_field = summarize(frame, results, feb, by="field")
    assert [(r.key, r.counts.to_handle) for r in by_field] == [("F1", 3), ("F2", 2)]
    # Non-contiguous periods take the period-by-period path: same counts.
    odd = summarize(frame, results, [feb, Period(date(2025, 1, 1), date(2025, 2, 1), "jan")])
    assert odd[0].counts == f
    assert odd[1].counts == j


def test_published_oracles_for_rates() -> None:
    # Lâm Đồng, Q1/2020: 635,593 on time or early of 643,272 resolved = 98.81%, late 1.19%
    # (baolamdong.vn, "Trên 7.600 hồ sơ bị quá hạn trong quý I").
    assert rate(635_593, 643_272) == Decimal("98.81")
    assert rate(7_677, 643_272) == Decimal("1.19")
    # Thừa Thiên Huế statistics page (dichvucong.thuathienhue.gov.vn/thongke): each count over
    # "Đã xử lý", shown with 1 decimal.
    published = [
        # (resolved, early, on time, late) -> (early %, on time %, late %)
        ((61_827, 43_434, 11_795, 4_331), ("70.3", "19.1", "7.0")),  # Mức 3
        ((257_141, 124_907, 102_770, 19_852), ("48.6", "40.0", "7.7")),  # Mức 1, 2
        ((1_611, 952, 388, 268), ("59.1", "24.1", "16.6")),  # Mức 4
    ]
    for (resolved, early, on_time, late), shown in published:
        got = tuple(str(rate(x, resolved, places=1)) for x in (early, on_time, late))
        assert got == shown
        counts = StatsCounts(resolved=resolved, early=early, on_time=on_time, late=late)
        assert counts.rates().early_rate == rate(early, resolved)


def test_counts_are_additive_across_partitions() -> None:
    frame = synthetic_frame(3000, seed=11)
    results = evaluate(frame)
    whole = summarize(frame, results, quarter_periods(2025), by="agency")
    parts = []
    for sl in (slice(0, 1000), slice(1000, 2200), slice(2200, 3000)):
        sub = frame.take(sl)
        parts += summarize(sub, evaluate(sub), quarter_periods(2025), by="agency")
    merged = {(r.period, r.key): r for r in combine(parts)}
    assert len(merged) == len(whole)
    for r in whole:
        assert merged[(r.period, r.key)].counts == r.counts
        assert merged[(r.period, r.key)].rates == r.rates
    assert year_period(2025).label == "2025"


def test_bridges_to_indices_and_reports() -> None:
    # The statistics feed the 766 index (cchc.indices.qd766) and periodic reports
    # (cchc.reporting) without re-deriving any count.
    qd766 = pytest.importorskip("cchc.indices.qd766")
    report = pytest.importorskip("cchc.reporting.report")
    frame = synthetic_frame(2000, seed=5)
    row = summarize(frame, evaluate(frame), year_period(2025))[0]
    figures = qd766.Qd766Figures(**row.qd766_inputs())
    assert figures.on_time_rate == row.rates.on_time_rate_766
    assert row.rates.on_time_rate_766 is not None
    assert row.rates.late_rate_to_handle is not None
    assert abs(row.rates.on_time_rate_766 + row.rates.late_rate_to_handle - 100) <= Decimal("0.01")
    dossiers = report.DossierFigures(**row.report_figures())
    assert dossiers.resolved == row.counts.resolved
    c = row.counts
    assert c.carried_over + c.received == c.resolved + c.in_progress
    assert c.resolved == c.early + c.on_time + c.late


def test_one_pass_counts_equal_period_by_period_counts() -> None:
    frame = synthetic_frame(5000, seed=21)
    results = evaluate(frame, policy="portal_766")
    months = month_periods(2025)
    fast = summarize(frame, results, months, by="procedure_code")  # contiguous: one pass
    slow = summarize(frame, results, months[::2] + months[1::2], by="procedure_code")
    assert {(r.period, r.key): r.counts for r in fast} == {
        (r.period, r.key): r.counts for r in slow
    }
    assert any(r.counts.carried_over for r in fast)
    assert any(r.counts.in_progress_overdue for r in fast)


def test_pending_supplement_in_statistics(tmp_path: Path) -> None:
    # Received 24/01/2025 (due 07/02). Supplement requested 05/02 (before the due date) for the
    # first dossier, 10/02 (after it) for the second; neither answered by the end of February.
    path = write(
        tmp_path,
        ",P,F,A,online,2025-01-24T09:00:00+07:00,5,working_days,,2025-02-05T09:00:00+07:00,\n"
        ",P,F,A,online,2025-01-24T09:00:00+07:00,5,working_days,,2025-02-10T09:00:00+07:00,\n",
    )
    frame = read_csv(path)
    feb = month_periods(2025)[1]
    # ND 61/2018 Art 19(4): the clock restarts on the supplement, so the first is in time; the
    # second was already past its due date when the request came, so it stays overdue.
    law = summarize(frame, evaluate(frame), feb)[0].counts
    assert (law.in_progress, law.in_progress_in_time, law.in_progress_overdue) == (2, 1, 1)
    # 766 portal: a pending dossier ends at the request: the same split.
    portal = summarize(frame, evaluate(frame, policy="portal_766"), feb)[0].counts
    assert (portal.in_progress_in_time, portal.in_progress_overdue) == (1, 1)
