"""The record columns of the table engine (case, result kind, synced, digitised, paid online,
has fees): validated, counted by ``summarize`` for the 766 indicators 1.4 / 4.1 / 4.2 / 6.1, and
round-tripped with lists of ``Dossier`` records.

Oracle: counts made by hand on a six-row table (which dossier is received or to handle in
each month follows the definitions of :mod:`cchc.dossiers.table.statistics`); the one-pass
path (contiguous months) and the per-period path must agree on random data.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cchc.dossiers import (
    Dossier,
    evaluate,
    from_columns,
    from_dossiers,
    month_periods,
    read_csv,
    summarize,
    to_dossiers,
    year_period,
)
from cchc.dossiers.table.statistics import RECORD_COUNTS
from cchc.errors import BatchValidationError
from cchc.samples import sample_text
from cchc.tz import VN_TZ

AS_OF = datetime(2027, 1, 1, tzinfo=VN_TZ)


def vn(*a: int) -> datetime:
    return datetime(*a, tzinfo=VN_TZ)


def _six() -> dict[str, object]:
    return {
        "received_at": [
            vn(2026, 1, 5, 9),
            vn(2026, 1, 20, 9),
            vn(2026, 2, 2, 9),
            vn(2026, 2, 3, 9),
            vn(2026, 2, 4, 9),
            vn(2026, 3, 2, 9),
        ],
        "finished_at": [
            vn(2026, 1, 8, 9),
            vn(2026, 2, 10, 9),
            None,
            vn(2026, 2, 5, 9),
            None,
            vn(2026, 3, 3, 9),
        ],
        "amount": 5,
        "case": ["Cấp mới", "Cấp lại", "Cấp mới", "Cấp mới", "", "Cấp lại"],
        "result_kind": ["electronic", "paper", "", "electronic", "paper", "electronic"],
        "synced": [True, False, True, True, False, True],
        "digitised": ["có", "không", "1", "0", "yes", "no"],
        "paid_online": [1, 0, 0, 1, 0, 0],
        "has_fees": [True, True, False, True, False, True],
    }


def test_counts_by_hand() -> None:
    frame = from_columns(**_six())  # type: ignore[arg-type]
    res = evaluate(frame)
    jan, feb, mar = summarize(frame, res, month_periods(2026)[:3], as_of=AS_OF)
    # January: rows 0, 1 received and to handle
    assert (jan.counts.received, jan.counts.to_handle) == (2, 2)
    assert (jan.counts.synced, jan.counts.e_result, jan.counts.digitised) == (1, 1, 1)
    assert (jan.counts.paid_online, jan.counts.payment_base) == (1, 2)
    # February: rows 2, 3, 4 received; row 1 carried over (finished 10/2)
    assert (feb.counts.received, feb.counts.to_handle) == (3, 4)
    assert feb.counts.synced == 2  # rows 2, 3 (row 4 not synced)
    assert (feb.counts.e_result, feb.counts.digitised) == (1, 2)  # row 3; rows 2, 4
    assert (feb.counts.paid_online, feb.counts.payment_base) == (1, 2)  # row 3; rows 1, 3
    # March: row 5 received; rows 2, 4 still open
    assert (mar.counts.received, mar.counts.to_handle) == (1, 3)
    assert (mar.counts.synced, mar.counts.e_result, mar.counts.digitised) == (1, 1, 2)
    assert (mar.counts.paid_online, mar.counts.payment_base) == (0, 1)
    by_case = summarize(frame, res, year_period(2026), by="case", as_of=AS_OF)
    assert {r.key: r.counts.received for r in by_case} == {"Cấp mới": 3, "Cấp lại": 2, "": 1}


def test_absent_columns_count_none() -> None:
    frame = from_columns(received_at=[vn(2026, 1, 5, 9)], amount=5)
    (row,) = summarize(frame, evaluate(frame), year_period(2026), as_of=AS_OF)
    assert all(getattr(row.counts, name) is None for name in RECORD_COUNTS)
    df = summarize(frame, evaluate(frame), year_period(2026), as_of=AS_OF).to_pandas()
    assert df["synced"].isna().all() and str(df["synced"].dtype) == "Int64"


def test_both_counting_paths_agree() -> None:
    rng = np.random.default_rng(17)
    n = 3000
    start = np.datetime64("2026-01-01T02:00", "ns")
    rec = start + rng.integers(0, 330 * 24 * 3600, n).astype("timedelta64[s]")
    fin = rec + rng.integers(3600, 40 * 24 * 3600, n).astype("timedelta64[s]")
    fin[rng.random(n) < 0.2] = np.datetime64("NaT")
    frame = from_columns(
        received_at=pd.Series(rec).dt.tz_localize("UTC"),
        finished_at=pd.Series(fin).dt.tz_localize("UTC"),
        amount=rng.integers(1, 20, n),
        result_kind=rng.choice(["paper", "electronic", ""], n),
        synced=rng.random(n) < 0.7,
        digitised=rng.random(n) < 0.4,
        paid_online=rng.random(n) < 0.3,
        has_fees=rng.random(n) < 0.6,
        case=rng.choice(["a", "b"], n),
    )
    res = evaluate(frame)
    months = month_periods(2026)
    one_pass = summarize(frame, res, months, by="case", as_of=AS_OF)
    each = [r for m in months for r in summarize(frame, res, m, by="case", as_of=AS_OF)]
    assert [r.counts for r in one_pass] == [r.counts for r in each]
    assert sum(r.counts.synced or 0 for r in one_pass) == int(np.sum(frame.record_flags["synced"]))


def test_bad_record_values_are_rows() -> None:
    with pytest.raises(BatchValidationError) as info:
        from_columns(
            received_at=[vn(2026, 1, 5, 9), vn(2026, 1, 6, 9)],
            amount=5,
            result_kind=["digital", "paper"],
            synced=["maybe", "yes"],
        )
    found = {(e.row, e.field) for e in info.value.errors}
    assert found == {(1, "result_kind"), (1, "synced")}


def test_csv_reads_the_record_columns(tmp_path: Path) -> None:
    text = (
        "received_at,amount,unit,channel,case,result_kind,synced,paid_online,has_fees\n"
        "2026-01-05T09:00:00+07:00,5,working_days,online,Cấp mới,electronic,yes,yes,yes\n"
    )
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    frame = read_csv(path)
    (row,) = summarize(frame, evaluate(frame), year_period(2026), as_of=AS_OF)
    assert (row.counts.synced, row.counts.e_result, row.counts.paid_online) == (1, 1, 1)
    assert row.counts.digitised is None


def _ints(a: object) -> np.ndarray:  # type: ignore[type-arg]
    arr = np.asarray(a)
    return arr.view(np.int64) if arr.dtype.kind == "M" else arr


def test_frame_and_dossiers_round_trip() -> None:
    # codes carry the receipt day (TT 01/2018 Art 19)
    codes = [f"H15.50-{r:%y%m%d}-000{i}" for i, r in enumerate(_six()["received_at"])]  # type: ignore[arg-type]
    frame = from_columns(**_six(), code=codes)  # type: ignore[arg-type]
    dossiers = to_dossiers(frame)
    again = from_dossiers(dossiers)
    for name in ("received_at", "finished_at", "amount", "unit", "channel", "result_kind"):
        assert np.array_equal(_ints(getattr(again, name)), _ints(getattr(frame, name))), name
    for flag, values in frame.record_flags.items():
        assert np.array_equal(again.record_flags[flag], values), flag
    assert [again.group("case")[1][c] for c in again.group("case")[0]] == _six()["case"]
    assert list(again.codes) == codes  # type: ignore[arg-type]
    assert to_dossiers(again) == dossiers
    assert dossiers[0].case == "Cấp mới" and dossiers[4].case is None
    assert dossiers[0].result_kind == "electronic" and dossiers[2].result_kind is None


def test_full_records_keep_what_the_columns_count() -> None:
    d = Dossier.model_validate_json(sample_text("dossier-json"))
    frame = from_dossiers([d])
    (back,) = to_dossiers(frame)
    for name in (
        "code",
        "procedure_code",
        "field",
        "agency",
        "channel",
        "amount",
        "unit",
        "result_kind",
        "synced",
        "digitised",
        "paid_online",
        "has_fees",
    ):
        assert getattr(back, name) == getattr(d, name), name
    assert back.due_date() == d.due_date()
    (row,) = summarize(frame, evaluate(frame), year_period(2026), as_of=AS_OF)
    assert (row.counts.synced, row.counts.e_result, row.counts.digitised) == (1, 1, 1)
    assert (row.counts.paid_online, row.counts.payment_base) == (1, 1)


def test_the_counts_feed_the_766_indicators() -> None:
    from cchc.indices.qd766_dossiers import counts_from_stats, indicator_rates

    frame = from_columns(**_six())  # type: ignore[arg-type]
    (feb,) = summarize(frame, evaluate(frame), month_periods(2026)[1], as_of=AS_OF)
    record = {k: getattr(feb.counts, k) for k in RECORD_COUNTS}
    rates = indicator_rates(counts_from_stats(feb, **record))
    # February by hand: 2 of 3 received synced; of 4 to handle 1 e-result, 2 digitised;
    # 1 paid online of 2 with fees
    assert {k: str(rates[k]) for k in ("1.4", "4.1", "4.2", "6.1")} == {
        "1.4": "66.67",
        "4.1": "25.00",
        "4.2": "50.00",
        "6.1": "50.00",
    }
    # the record counts are read from the row when its columns exist; a count given wins
    assert counts_from_stats(feb) == counts_from_stats(feb, **record)
    assert counts_from_stats(feb, synced=1).synced == 1
    plain = from_columns(**{k: v for k, v in _six().items() if k not in RECORD_COLUMN_NAMES})  # type: ignore[arg-type]
    (row,) = summarize(plain, evaluate(plain), month_periods(2026)[1], as_of=AS_OF)
    assert all(getattr(counts_from_stats(row), k) is None for k in RECORD_COUNTS)


RECORD_COLUMN_NAMES = ("result_kind", "synced", "digitised", "paid_online", "has_fees")


@pytest.mark.parametrize("items", ["fees", "papers", "payments"])
@pytest.mark.parametrize("value", [1.0, 3, "x", True, {"amount_vnd": 1}])
def test_a_record_list_of_the_wrong_type_is_a_typed_error(items: str, value: object) -> None:
    # Found by the web service's property-based run: {"fees": 1.0} raised a bare TypeError
    # while the 766 flags were derived from the lists.
    from datetime import datetime

    from cchc.dossiers import Dossier
    from cchc.errors import ValidationError
    from cchc.tz import VN_TZ

    with pytest.raises(ValidationError) as info:
        Dossier.model_validate(
            {"received_at": datetime(2025, 3, 3, 9, tzinfo=VN_TZ), "amount": 5, items: value}
        )
    assert f"field {items}" in str(info.value)
