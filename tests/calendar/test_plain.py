"""The plain one-day answers (:mod:`cchc.calendar.plain`) against the full calendar.

The oracle is :class:`~cchc.calendar.OfficialCalendar` over the same bundled
notices (each day citing its source in ``data/days``): the plain reader must give
its answer, reason and entry on every covered day, and ``cchc calendar is-working``
must print the same whichever path answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from cchc.calendar import OfficialCalendar, default_calendar
from cchc.calendar import commands as calendar_commands
from cchc.calendar.plain import WEEKEND, covered_years, day_status, year_days
from cchc.cli import build_parser, main
from cchc.errors import DataFileError

CAL: OfficialCalendar = default_calendar()


def _covered_days() -> Iterator[date]:
    day = date(CAL.coverage.first_year, 1, 1)
    last = date(CAL.coverage.last_year, 12, 31)
    while day <= last:
        yield day
        day += timedelta(days=1)


def test_coverage_is_the_calendars() -> None:
    assert covered_years() == CAL.coverage.years


def test_every_covered_day_as_the_calendar() -> None:
    checked = 0
    for day in _covered_days():
        status = day_status(day)
        assert status is not None, day
        assert status.working is CAL.is_working_day(day), day
        entry = CAL.entry(day)
        if entry is None:
            assert status.entry is None, day
            assert status.reason == (WEEKEND if day.weekday() >= 5 else ""), day
        else:
            plain = status.entry
            assert plain is not None, day
            assert status.reason == entry.name_vi
            assert (plain.day, plain.kind, plain.name_vi, plain.name_en, plain.note) == (
                entry.day,
                entry.kind,
                entry.name_vi,
                entry.name_en,
                entry.note,
            )
            assert plain.sources == tuple(s.key for s in entry.sources)
            assert plain.verification == entry.verification.value
            assert plain.confirmed is entry.confirmed
        unconfirmed = CAL.is_working_day(day, provisional=True).unconfirmed
        noted = () if status.entry is None or status.entry.confirmed else (status.entry.day,)
        assert tuple(e.day for e in unconfirmed) == noted, day
        checked += 1
    assert checked == sum(366 if y % 4 == 0 else 365 for y in CAL.coverage.years)


@pytest.mark.parametrize("day", [date(2014, 12, 31), date(2028, 1, 3), date(2031, 1, 2)])
def test_outside_the_coverage_no_plain_answer(day: date) -> None:
    assert day_status(day) is None


def _sample_days() -> list[date]:
    """Every day a notice names, plus every 5th covered day (all weekdays in turn)."""
    named = {e.day for y in CAL.coverage.years for e in CAL.entries(y)}
    every_5th = {d for n, d in enumerate(_covered_days()) if n % 5 == 0}
    return sorted(named | every_5th)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_is_working_prints_the_same_on_both_paths(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = build_parser("calendar")  # once: the handler is what differs

    def run(argv: list[str]) -> tuple[int, str, str]:
        args = parser.parse_args(argv)
        code = args.handler(args)
        out = capsys.readouterr()
        return code, out.out, out.err

    argvs = [
        ["calendar", "is-working", d.isoformat(), *o]
        for d in _sample_days()
        for o in ([], ["--provisional"])
    ]
    plain = [run(argv) for argv in argvs]
    monkeypatch.setattr(calendar_commands, "day_status", lambda day: None)  # the full path
    for argv, answer in zip(argvs, plain, strict=True):
        assert run(argv) == answer, argv
    assert {code for code, _, _ in plain} == {0, 1}
    assert any("cchc: note:" in err for _, _, err in plain)


def test_outside_the_coverage_answered_by_the_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["calendar", "is-working", "2031-01-02"], capsys)
    assert (code, out) == (2, "")
    assert "outside the official calendar's coverage (2015-2027); add --provisional" in err
    code, out, _ = _run(["calendar", "is-working", "2031-01-02", "--provisional"], capsys)
    assert (code, out) == (0, "2031-01-02: ngày làm việc\n")


_HEADER = "date,kind,name_vi,name_en,sources,verification,note"


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("2025-02-30,holiday,Tết,Tet,,,", "date", "not a valid date"),
        ("2024-12-31,holiday,Tết,Tet,,,", "date", "date outside 2025"),
        ("2025-01-02,feast,Tết,Tet,,,", "kind", "unknown kind"),
    ],
)
def test_bad_rows_refused(
    row: str, field: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cchc import _data
    from cchc.calendar import plain

    text = f"{_HEADER}\n2025-01-01,holiday,Tết Dương lịch,New Year,BLLD2019,secondary,\n{row}\n"

    def rows(*_: object, **__: object) -> object:
        return _data.iter_csv_rows(text, source="2025.csv")

    monkeypatch.setattr(plain, "read_bundled_csv_rows", rows)
    with pytest.raises(DataFileError, match=message) as info:
        year_days.__wrapped__(2025)
    assert (info.value.row, info.value.field) == (3, field)


def test_a_date_given_twice_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc import _data
    from cchc.calendar import plain

    line = "2025-01-01,holiday,Tết Dương lịch,New Year,BLLD2019,secondary,"
    text = f"{_HEADER}\n{line}\n{line}\n"
    monkeypatch.setattr(
        plain, "read_bundled_csv_rows", lambda *a, **k: _data.iter_csv_rows(text, source="x")
    )
    with pytest.raises(DataFileError, match="given twice"):
        year_days.__wrapped__(2025)


def test_is_working_imports_no_heavy_library() -> None:
    """The plain path stays plain: no NumPy, pydantic or ``holidays`` for one day."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from cchc.cli import main\n"
        "code = main(['calendar', 'is-working', '2025-01-27'])\n"
        "heavy = sorted({'numpy', 'pydantic', 'holidays', 'attrs'} & set(sys.modules))\n"
        "print(code, heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.splitlines()[-1] == "1 []"
