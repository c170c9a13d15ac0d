"""pandas users: index kept, index labels in errors, flat statistics, text codes (item 14).

Due-date oracle: 5 working days from Friday 24/1/2025 09:00 end on 7/2/2025 17:00 (Tết
2025 closes offices 25/1-2/2, Thông báo 6150/TB-BLĐTBXH 2024, as in test_batch.py).
"""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

import pytest

from cchc._optional import require_extra
from cchc.dossiers import month_periods, summarize
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.statistics import COUNT_FIELDS, StatsRow, StatsTable
from cchc.dossiers.table.synthetic import synthetic_dataframe
from cchc.errors import BatchValidationError, CalendarCoverageError, NaiveDatetimeError
from cchc.tz import VN_TZ

pd = require_extra("pandas", "pandas")
frame_mod = require_extra("cchc.dossiers.table.frame", "pandas")
from_dataframe = frame_mod.from_dataframe

AS_OF = datetime(2026, 1, 1, tzinfo=VN_TZ)


def dossiers(index: list[str]) -> object:
    return pd.DataFrame(
        {
            "received_at": ["2025-01-24T09:00:00+07:00"] * len(index),
            "amount": [5] * len(index),
            "unit": ["working_days"] * len(index),
            "channel": ["online"] * len(index),
        },
        index=pd.Index(index, name="dossier"),
    )


def test_to_pandas_keeps_the_callers_index() -> None:
    df = dossiers(["HS-17", "HS-03", "HS-44"])
    out = evaluate(from_dataframe(df)).to_pandas()
    assert out.index.equals(df.index)
    assert out.loc["HS-03", "due_at"].isoformat() == "2025-02-07T17:00:00+07:00"
    joined = df.join(out)  # aligns on the caller's labels
    assert joined["timeliness"].astype(str).tolist() == ["unfinished"] * 3


def test_errors_name_the_index_label_in_loading_and_in_evaluation() -> None:
    df = dossiers(["HS-17", "HS-03", "HS-44"])
    df.loc["HS-03", "received_at"] = "2025-01-24 09:00"  # naive
    with pytest.raises(BatchValidationError) as err:
        from_dataframe(df)
    (e,) = err.value.errors
    assert (e.row, e.index, e.field) == (2, "HS-03", "received_at")
    assert isinstance(e, NaiveDatetimeError)
    assert "row 2, index 'HS-03', field received_at" in str(err.value)
    # a receipt outside the official calendar is found by evaluate: same row and label
    far = dossiers(["HS-17", "HS-03", "HS-44"])
    far.loc["HS-44", "received_at"] = "2099-03-02T09:00:00+07:00"
    with pytest.raises(BatchValidationError) as err:
        evaluate(from_dataframe(far))
    (e,) = err.value.errors
    assert isinstance(e, CalendarCoverageError)
    assert (e.row, e.index) == (3, "HS-44")


def test_from_dataframe_collect_keeps_good_rows_with_their_labels() -> None:
    df = dossiers(["a", "b", "c"])
    df.loc["b", "channel"] = "fax"
    frame, bad = from_dataframe(df, on_bad_rows="collect")
    assert bad[["row", "index", "field"]].values.tolist() == [[2, "b", "channel"]]
    out = evaluate(frame).to_pandas()
    assert out.index.tolist() == ["a", "c"]


def test_a_numeric_procedure_code_is_refused_with_a_hint() -> None:
    text = (
        "procedure_code,channel,received_at,amount,unit\n"
        "1.000100,online,2025-03-03T09:00:00+07:00,5,days\n"
    )
    as_numbers = pd.read_csv(io.StringIO(text))  # pandas reads 1.000100 as 1.0001
    with pytest.raises(BatchValidationError, match=r"dtype=str") as err:
        from_dataframe(as_numbers)
    assert [e.field for e in err.value.errors] == ["procedure_code"]
    as_text = pd.read_csv(io.StringIO(text), dtype=str)
    assert from_dataframe(as_text).group("procedure_code")[1] == ("1.000100",)


def test_summarize_to_pandas_is_one_flat_row_per_period_and_key() -> None:
    frame = from_dataframe(synthetic_dataframe(3000, seed=11))
    rows = summarize(frame, evaluate(frame), month_periods(2025), by="field", as_of=AS_OF)
    assert isinstance(rows, list) and isinstance(rows, StatsTable)
    assert all(isinstance(r, StatsRow) for r in rows)
    df = rows.to_pandas()
    assert len(df) == len(rows)
    assert list(df.columns[:5]) == ["period", "period_start", "period_end", "by", "key"]
    assert set(COUNT_FIELDS) <= set(df.columns) and "on_time_rate_766" in df.columns
    assert not any(isinstance(v, dict) for v in df.to_numpy().ravel())  # no dict cells
    assert df.duplicated(["period", "key"]).sum() == 0
    for r, rec in zip(rows, df.to_dict("records"), strict=True):
        assert rec["received"] == r.counts.received and rec["key"] == r.key
        expected = r.rates.on_time_rate_766
        assert (
            (rec["on_time_rate_766"] == float(expected))
            if expected is not None
            else (pd.isna(rec["on_time_rate_766"]))
        )
    exact = rows.to_pandas(exact=True)
    assert all(v is None or isinstance(v, Decimal) for v in exact["on_time_rate_766"])
    assert str(df["period_start"].iloc[0].date()) == "2025-01-01"
