"""``read_step_rows`` (``cchc dossier step-stats``) parses a good file with pyarrow and falls
back to the careful parser, which locates every bad row, for any other: both give the same
columns. Oracle: the careful parser itself (the reference of the earlier versions), on
random files varying the units, offsets, open steps, waits and line layout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest

import cchc._data
from cchc.dossiers import steps
from cchc.dossiers.steps import read_step_rows
from cchc.errors import BatchValidationError
from cchc.tz import VN_TZ

AT = datetime(2025, 12, 1, 9, 0, tzinfo=VN_TZ)
UNITS = ("Bộ phận một cửa", "Phòng Tư pháp", "Lãnh đạo UBND", "Văn thư")


def _text(seed: int, n: int = 300, wait: bool = True) -> str:
    rng = np.random.default_rng(seed)
    zones = (VN_TZ, UTC, timezone(timedelta(hours=9)))
    lines = ["unit,started_at,finished_at,budget_minutes" + (",wait_minutes" if wait else "")]
    for _ in range(n):
        start = datetime(2025, 10, 1, 7, tzinfo=VN_TZ) + timedelta(
            minutes=int(rng.integers(0, 40 * 24 * 60))
        )
        zone = zones[int(rng.integers(0, 3))]
        end = "" if rng.random() < 0.2 else (start + timedelta(minutes=int(rng.integers(0, 4000))))
        cells = [
            UNITS[int(rng.integers(0, len(UNITS)))],
            start.astimezone(zone).isoformat(),
            end if isinstance(end, str) else end.astimezone(zone).isoformat(),
            str(int(rng.integers(0, 2000))),
        ]
        if wait:
            cells.append("" if rng.random() < 0.5 else str(int(rng.integers(0, 300))))
        lines.append(",".join(cells))
        if rng.random() < 0.05:
            lines.append("")  # a blank line
    return "\n".join(lines) + "\n"


def _careful(text: str, monkeypatch: pytest.MonkeyPatch) -> steps.StepRows:
    with monkeypatch.context() as m:
        m.setattr(steps, "_typed_step_rows", lambda *_: None)
        return read_step_rows(text, at=AT)


def _typed_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the careful parser ran")

    monkeypatch.setattr(cchc._data, "iter_csv_rows", refuse)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("wait", [True, False])
def test_the_typed_path_equals_the_careful_one(
    seed: int, wait: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _text(seed, wait=wait)
    want = _careful(text, monkeypatch)
    _typed_only(monkeypatch)
    got = read_step_rows(text, at=AT)
    assert got.labels == want.labels
    for name in ("units", "start", "end", "budget_minutes", "wait_minutes"):
        assert np.array_equal(getattr(got, name), getattr(want, name)), name


def test_bad_files_still_report_every_bad_row() -> None:
    text = (
        "unit,started_at,finished_at,budget_minutes,wait_minutes\n"
        "A,2025-10-06T08:00:00+07:00,,240,\n"
        "B,2025-10-06T08:00:00,,240,\n"  # no offset
        " C ,2025-10-06T08:00:00+07:00,,240,5\n"  # spaces: the careful parser strips them
        "D,2025-10-06T08:00:00+07:00,,240,-1\n"  # negative wait
    )
    with pytest.raises(BatchValidationError) as err:
        read_step_rows(text, at=AT)
    assert [(e.row, e.field) for e in err.value.errors] == [
        (3, "started_at"),
        (5, "wait_minutes"),
    ]
