"""Regression tests for the review of issue 5 (each names the rule it pins)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from cchc.dossiers import due_date
from cchc.dossiers.table.frame import from_columns, read_csv
from cchc.errors import (
    BatchValidationError,
    CalendarCoverageError,
    DataFileError,
    NaiveDatetimeError,
    ParseError,
    ValidationError,
)
from cchc.tz import VN_TZ

AWARE = ["2025-03-03T09:00:00+07:00"]


def _located(err: pytest.ExceptionInfo[BatchValidationError]) -> list[tuple[int | None, str]]:
    return [(e.row, e.field or "") for e in err.value.errors]


@pytest.mark.parametrize(
    "received",
    [
        [datetime(2025, 3, 3, 9, 0)],  # naive Python datetime
        pd.Series(pd.to_datetime(["2025-03-03 09:00"])),  # naive pandas column
        np.array(["2025-03-03T02:00"], dtype="datetime64[ns]"),  # raw NumPy, no opt-in
    ],
)
def test_naive_datetimes_are_rejected_with_row_and_field(received: object) -> None:
    # Rule: datetimes are aware (Asia/Ho_Chi_Minh) or rejected; only raw datetime64 arrays with
    # an explicit naive_is_utc=True are read as UTC.
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=received, amount=[5])
    assert _located(err) == [(1, "received_at")]
    assert isinstance(err.value.errors[0], NaiveDatetimeError)


def test_raw_datetime64_is_utc_only_on_request() -> None:
    raw = np.array(["2025-03-03T02:00"], dtype="datetime64[ns]")
    frame = from_columns(received_at=raw, amount=[5], naive_is_utc=True)
    assert frame.received_at[0] == raw[0]
    with pytest.raises(BatchValidationError):
        from_columns(received_at=[datetime(2025, 3, 3, 9)], amount=[5], naive_is_utc=True)


def test_columns_of_the_wrong_length_are_named() -> None:
    # Rule: every column has one value per row; nothing is broadcast or cut silently.
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=AWARE * 2, amount=[5, 5, 5], field=["a"])
    assert sorted(_located(err)) == [(None, "amount"), (None, "field")]
    assert all(isinstance(e, ValidationError) for e in err.value.errors)


def test_non_finite_and_absurd_amounts_are_rejected() -> None:
    # Rule: an amount is a finite whole number >= 0 (and below a documented sanity bound).
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=AWARE * 3, amount=["inf", "nan", "100000000000"])
    assert _located(err) == [(1, "amount"), (2, "amount"), (3, "amount")]
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=AWARE, amount=np.array([10**15]))
    assert _located(err) == [(1, "amount")]


def test_immediate_has_no_amount_in_both_paths() -> None:
    # Rule (TimeLimit, 'giải quyết ngay'): an immediate time limit has no amount.
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=AWARE, amount=[3], unit=["immediate"])
    assert _located(err) == [(1, "amount")]
    with pytest.raises(ValidationError) as one:
        due_date(datetime(2025, 3, 3, 9, tzinfo=VN_TZ), 3, "immediate")
    assert one.value.field == "amount"
    # integer unit codes are 0..3 (batch module); 4 is not a code
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=AWARE, amount=[3], unit=np.array([4]))
    assert _located(err) == [(1, "unit")]


def test_batch_code_checks_the_date_like_parse_dossier_code() -> None:
    # Rule: TT 01/2018/TT-VPCP Art 19, AGENCY-YYMMDD-XXXX with a real YYMMDD date.
    with pytest.raises(BatchValidationError) as err:
        from_columns(
            received_at=AWARE * 3,
            amount=[5, 5, 5],
            code=["000.00.01.H38-250230-0001", "000.00.01.H38-250228-0001", "X-240229-0001"],
        )
    assert _located(err) == [(1, "code")]
    assert isinstance(err.value.errors[0], ParseError)


@pytest.mark.parametrize("received", ["2025-01-24T09:00+07:00", date(2025, 1, 24)])
def test_due_date_rejects_non_datetimes(received: object) -> None:
    with pytest.raises(ValidationError) as err:
        due_date(received, 5)  # type: ignore[arg-type]
    assert err.value.field == "received_at"


@pytest.mark.parametrize(("amount", "unit"), [(10**12, "days"), (10**7, "months")])
def test_huge_amounts_are_outside_the_calendar(amount: int, unit: str) -> None:
    with pytest.raises(CalendarCoverageError):
        due_date(datetime(2025, 1, 24, 9, tzinfo=VN_TZ), amount, unit)


def test_stats_judge_unfinished_dossiers_at_as_of_not_a_future_period_end() -> None:
    # Rule: an unfinished dossier is in time / overdue as of a moment (TT 01/2018 Art 13(1));
    # for a period not yet ended that moment is as_of, not the period end. Received 03/03/2025
    # with 5 working days: due 10/03/2025 17:00.
    from cchc.dossiers.results import evaluate
    from cchc.dossiers.table.statistics import month_periods, summarize, year_period

    frame = from_columns(received_at=AWARE, amount=[5])
    results = evaluate(frame)
    as_of = datetime(2025, 3, 5, 12, tzinfo=VN_TZ)
    (year,) = summarize(frame, results, year_period(2025), as_of=as_of)
    assert (year.counts.in_progress_in_time, year.counts.in_progress_overdue) == (1, 0)
    (late,) = summarize(
        frame, results, year_period(2025), as_of=datetime(2025, 3, 11, tzinfo=VN_TZ)
    )
    assert late.counts.in_progress_overdue == 1
    months = summarize(frame, results, month_periods(2025), as_of=as_of)  # one-pass path
    assert [r.counts.in_progress_overdue for r in months] == [0] * 12
    assert months[2].counts.in_progress_in_time == 1


def _cli(*argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from cchc.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_cli_stats_as_of(tmp_path: object) -> None:
    from pathlib import Path

    f = Path(str(tmp_path)) / "d.csv"
    f.write_text(
        "channel,received_at,amount,unit\nonline,2025-03-03T09:00:00+07:00,5,working_days\n"
    )
    code, out, _ = _cli("stats", str(f), "--as-of", "2025-03-05T12:00:00+07:00", "--json")
    assert code == 0 and '"in_progress_in_time": 1' in out
    code, _, err = _cli("stats", str(f), "--as-of", "2025-03-05T12:00:00")
    assert code == 2 and "cchc: error:" in err


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (None, "cannot read"),
        ("", "empty file"),
        ('channel,received_at,amount,unit\n"online,2025-01-01T09:00+07:00,5,days\n', "malformed"),
    ],
)
def test_bad_csv_files_are_data_file_errors(
    tmp_path: object, text: str | None, fragment: str
) -> None:
    # Rule: bad input gets a typed cchc error (DataFileError), and `cchc stats` exits 2.
    from pathlib import Path

    from cchc.dossiers.table.frame import read_csv
    from cchc.errors import DataFileError

    f = Path(str(tmp_path)) / "d.csv"
    if text is not None:
        f.write_text(text)
    with pytest.raises(DataFileError, match=fragment):
        read_csv(f)
    code, _, err = _cli("stats", str(f))
    assert code == 2 and err.startswith("cchc: error:")


def test_header_only_csv_is_an_empty_table(tmp_path: object) -> None:
    from pathlib import Path

    from cchc.dossiers.table.frame import read_csv

    f = Path(str(tmp_path)) / "d.csv"
    f.write_text("channel,received_at,amount,unit\n")
    assert len(read_csv(f)) == 0
    code, out, _ = _cli("stats", str(f), "--year", "2025", "--json")
    assert code == 0 and '"received": 0' in out


def test_every_row_outside_the_calendar_is_reported() -> None:
    # Rule: bad rows are reported all at once with row and field, never as one row-less error.
    # Row 2 is received in 2031 (outside the official calendar); row 3 ends 2000 working days
    # after a 2026 receipt, far past its end.
    from cchc.dossiers.results import evaluate

    frame = from_columns(
        received_at=[*AWARE, "2031-03-03T09:00:00+07:00", "2026-06-01T09:00:00+07:00"],
        amount=[5, 5, 2000],
    )
    with pytest.raises(BatchValidationError) as err:
        evaluate(frame)
    assert _located(err) == [(2, "received_at"), (3, "due_at")]
    assert all(isinstance(e, CalendarCoverageError) for e in err.value.errors)
    # restart mode: a supplement received outside the calendar is where the clock restarts
    late = from_columns(
        received_at=AWARE,
        amount=[5],
        supplement_requested_at=["2025-03-04T09:00:00+07:00"],
        supplement_received_at=["2031-03-04T09:00:00+07:00"],
    )
    with pytest.raises(BatchValidationError) as err:
        evaluate(late)
    assert _located(err) == [(1, "supplement_received_at")]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"amount": -1}, "amount"), ({"channel": "fax"}, "channel"), ({"unit": "weeks"}, "unit")],
)
def test_dossier_model_errors_are_cchc_errors_naming_the_field(
    change: dict[str, object], field: str
) -> None:
    # "Done when": unknown unit and negative amount get a cchc.errors exception naming the field.
    from cchc.dossiers import Dossier, Event

    data: dict[str, object] = {
        "channel": "in_person",
        "amount": 5,
        "events": [Event(kind="received", at=datetime(2025, 3, 3, 9, tzinfo=VN_TZ))],
    }
    with pytest.raises(ValidationError) as err:
        Dossier(**{**data, **change})
    assert err.value.field == field
    with pytest.raises(ValidationError) as err:
        Event(kind="faxed", at=datetime(2025, 3, 3, 9, tzinfo=VN_TZ))
    assert err.value.field == "kind"


def test_other_bad_arguments_are_cchc_errors() -> None:
    from cchc.dossiers import Dossier, Event, get_policy
    from cchc.dossiers.timeliness import classify

    d = Dossier(
        channel="in_person",
        amount=5,
        events=[Event(kind="received", at=datetime(2025, 3, 3, 9, tzinfo=VN_TZ))],
    )
    with pytest.raises(NaiveDatetimeError):
        d.due_within(1, datetime(2025, 3, 7, 9))
    with pytest.raises(ValidationError) as err:
        classify(
            datetime(2025, 3, 7, 9, tzinfo=VN_TZ), datetime(2025, 3, 7, 9, tzinfo=VN_TZ), "hour"
        )
    assert err.value.field == "granularity"
    with pytest.raises(ValidationError) as err:
        get_policy(["x"])  # type: ignore[arg-type]
    assert err.value.field == "policy"


def test_calendar_tables_are_built_once_per_calendar() -> None:
    # The calendar is immutable: evaluate() must not rebuild its per-day and per-minute tables
    # on every call (review item 17).
    # The tables now live in the calendar itself (OfficialCalendar.day_tables, issue 16).
    from cchc.calendar import CalendarOps, OfficialCalendar
    from cchc.calendar.days import day_tables
    from cchc.dossiers.results import evaluate

    def tables(ops: CalendarOps) -> object:
        return day_tables(ops, columns=True)

    assert tables(CalendarOps(None)) is tables(CalendarOps(None))
    assert tables(CalendarOps(None)) is not tables(CalendarOps(None, provisional=True))
    own = OfficialCalendar()
    frame = from_columns(received_at=AWARE, amount=[5])
    evaluate(frame, calendar=own)
    assert (True, False) in own._day_tables  # built by evaluate, kept by the calendar


def test_hour_limits_are_judged_to_the_minute_in_both_paths() -> None:
    # Rule (documented in Deadline.timeliness / evaluate): a limit in hours is judged by the
    # moment; a result after the due moment on the due day itself is late, not "on the due day".
    from datetime import timedelta

    from cchc.dossiers import Dossier, Event
    from cchc.dossiers.results import evaluate, row_to_dossier

    received = datetime(2025, 3, 3, 8, 0, tzinfo=VN_TZ)
    due = due_date(received, 4, "hours")
    finished = due + timedelta(minutes=30)
    assert finished.date() == due.date()
    d = Dossier(
        channel="in_person",
        amount=4,
        unit="hours",
        events=[Event(kind="received", at=received), Event(kind="decided", at=finished)],
    )
    assert d.timeliness() is not None and d.timeliness().value == "late"
    assert d.timeliness(granularity="day").value == "on_time"  # explicit day granularity
    frame = from_columns(
        received_at=[received.isoformat()] * 2,
        amount=[4, 1],
        unit=["hours", "working_days"],
        finished_at=[finished.isoformat(), finished.isoformat()],
    )
    codes = evaluate(frame).timeliness.tolist()
    assert codes[0] == 2  # late, as the scalar path
    assert row_to_dossier(frame, 0).timeliness().value == "late"
    assert codes[1] == 0  # a day limit stays judged by day (early)


def test_open_as_of_counts_dossiers_finished_later() -> None:
    # A dossier is open (đang giải quyết) at a moment if received by then and not finished by
    # then; one finished after the moment was open at it (review item 13).
    from cchc.dossiers import due_soon, evaluate, open_as_of

    frame = from_columns(
        received_at=["2025-12-10T09:00:00+07:00"] * 3 + ["2025-12-16T09:00:00+07:00"],
        amount=[5, 5, 5, 5],
        finished_at=["", "2025-12-20T09:00:00+07:00", "2025-12-12T09:00:00+07:00", ""],
    )
    as_of = datetime(2025, 12, 15, 9, 0, tzinfo=VN_TZ)
    assert open_as_of(frame, as_of).tolist() == [True, True, False, False]
    # due 17/12/2025 17:00: within 2 working days of Monday 15/12
    assert due_soon(frame, evaluate(frame), as_of, 2).tolist() == [True, True, False, False]


@pytest.mark.parametrize("mode", ["next_opening", "portal_766"])
def test_closed_while_a_supplement_is_pending_is_judged_at_the_request(mode: str) -> None:
    # ND 118/2025 Art 19(5): the desk closes a dossier 15 days after an unanswered supplement
    # notice; the 766 portal ends a dossier still waiting at the request. Received 03/03/2025
    # 09:00, 5 working days (due 10/03); supplement requested 05/03; closed (refused) 21/03:
    # judged at 05/03, so early, in both paths and both modes (not late).
    from cchc.dossiers import Dossier, Event
    from cchc.dossiers.results import evaluate, row_to_dossier

    d = Dossier(
        channel="in_person",
        amount=5,
        events=[
            Event(kind="received", at=datetime(2025, 3, 3, 9, tzinfo=VN_TZ)),
            Event(kind="supplement_requested", at=datetime(2025, 3, 5, 9, tzinfo=VN_TZ)),
            Event(kind="refused", at=datetime(2025, 3, 21, 9, tzinfo=VN_TZ)),
        ],
    )
    assert d.timeliness(policy=mode).value == "early"
    frame = from_columns(
        received_at=AWARE,
        amount=[5],
        supplement_requested_at=["2025-03-05T09:00:00+07:00"],
        finished_at=["2025-03-21T09:00:00+07:00"],
    )
    assert evaluate(frame, policy=mode).timeliness.tolist() == [0]
    assert row_to_dossier(frame, 0).events[-1].kind.value == "refused"
    with pytest.raises(BatchValidationError) as err:
        from_columns(
            received_at=AWARE,
            amount=[5],
            supplement_requested_at=["2025-03-05T09:00:00+07:00"],
            finished_at=["2025-03-04T09:00:00+07:00"],
        )
    assert _located(err) == [(1, "finished_at")]


def test_per_procedure_cutoff_column_in_batch_equals_the_scalar_dossier() -> None:
    # A per-procedure cut-off hour (giờ tiếp nhận muộn nhất) moves a receipt after it to the
    # next working day, as Dossier.cutoff does in the scalar engine. Fri 24/01/2025 15:30 with a
    # 15:00 cut-off and 5 working days: day 0 is Mon 03/02 (after Tết), due Mon 10/02 17:00
    # (docs worked-example table); without a cut-off: Fri 07/02 17:00.
    from datetime import time

    from cchc.dossiers.results import evaluate, row_to_dossier

    def from64(v: np.datetime64) -> datetime:
        us = int(v.astype("datetime64[us]").astype(np.int64))
        return datetime.fromtimestamp(us / 1e6, VN_TZ)

    frame = from_columns(
        received_at=["2025-01-24T15:30:00+07:00"] * 3,
        amount=[5, 5, 5],
        cutoff=["15:00", "", time(16, 0)],
    )
    res = evaluate(frame)
    got = [from64(v) for v in res.due_at]
    assert got == [
        datetime(2025, 2, 10, 17, 0, tzinfo=VN_TZ),
        datetime(2025, 2, 7, 17, 0, tzinfo=VN_TZ),
        datetime(2025, 2, 7, 17, 0, tzinfo=VN_TZ),
    ]
    for i in range(3):
        assert row_to_dossier(frame, i).due_date() == got[i]
    with pytest.raises(BatchValidationError) as err:
        from_columns(received_at=AWARE, amount=[5], cutoff=["25:00"])
    assert _located(err) == [(1, "cutoff")]


def test_a_repeated_csv_column_is_refused(tmp_path: object) -> None:
    # Never a silently dropped value: pandas would keep one "amount" and rename the other.
    from pathlib import Path

    from cchc.dossiers.table.frame import read_csv

    f = Path(str(tmp_path)) / "d.csv"
    f.write_text(
        "channel,received_at,amount,unit,amount\nonline,2025-03-03T09:00:00+07:00,5,days,7\n"
    )
    with pytest.raises(BatchValidationError) as err:
        read_csv(f)
    assert _located(err) == [(None, "amount")]


@pytest.mark.parametrize("extra_line", [2, 3])
def test_csv_line_with_an_extra_field_is_reported_not_shifted(
    tmp_path: Path, extra_line: int
) -> None:
    # pandas would take the first column as an index when the first data line has one
    # field too many, shifting every value of the file; the line must be reported instead.
    header = "channel,received_at,amount,unit"
    good = "online,2025-03-03T09:00:00+07:00,5,working_days"
    lines = [header, good, good]
    lines[extra_line - 1] += ",EXTRA"
    path = tmp_path / "extra.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises((BatchValidationError, DataFileError)) as err:
        read_csv(path)
    assert f"{extra_line}" in str(err.value)
