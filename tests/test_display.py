"""Short reprs and ``_repr_html_`` (cchc._display): size bounds, +07:00 moments, escaped HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from importlib import resources
from pathlib import Path

import pytest

from cchc._data import data_path
from cchc._display import clip, html_table, preview_positions
from cchc.calendar import OfficialCalendar
from cchc.dossiers import (
    Dossier,
    Event,
    compute_due,
    evaluate,
    from_columns,
    month_periods,
    read_csv,
    summarize,
)
from cchc.indices import get_framework, score
from cchc.indices.commands import read_inputs
from cchc.procedures import Catalogue, load_sample_catalogue
from cchc.tz import VN_TZ

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"
SCRIPT = "<script>alert('x')</script>"


def _well_formed(markup: str) -> ET.Element:
    root = ET.fromstring(markup)  # raises on unbalanced or unescaped markup
    assert root.tag == "table"
    assert "<script" not in markup
    return root


@pytest.fixture(scope="module")
def frame():  # type: ignore[no-untyped-def]
    with resources.as_file(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv")) as p:
        f = read_csv(p)
    assert len(f) == 1000
    return f


def test_a_thousand_row_frame_and_its_results_print_in_a_few_lines(frame) -> None:  # type: ignore[no-untyped-def]
    text = repr(frame)
    assert len(text) < 2000 and len(text.splitlines()) <= 8
    assert text.startswith("DossierFrame: 1,000 rows")
    assert "+07:00" in text and "UTC" not in text
    results = evaluate(frame)
    out = repr(results)
    assert len(out) < 2000 and out.startswith("DossierResults: 1,000 rows")
    assert "+07:00" in out and "late" in out
    for markup in (frame._repr_html_(), results._repr_html_()):
        root = _well_formed(markup)
        assert len(root.findall("./tbody/tr")) == 11  # 5 first, the gap, 5 last
        assert len(markup) < 6000
    table = summarize(
        frame, results, month_periods(2025), by="field", as_of=datetime(2026, 1, 1, tzinfo=VN_TZ)
    )
    assert len(table) == 60
    assert len(repr(table)) < 2000 and repr(table).startswith("StatsTable: 60 rows, 12 period(s)")
    _well_formed(table._repr_html_())


def test_results_show_moments_in_vietnam_time() -> None:
    received = datetime(2025, 3, 3, 9, 0, tzinfo=VN_TZ)
    due = compute_due(received, 10)
    assert repr(due).startswith("DueDate(2025-03-17 17:00+07:00, 10 working_days from 2025-03-03")
    _well_formed(due._repr_html_())
    dossier = Dossier(
        channel="in_person",
        amount=10,
        events=(
            Event(kind="received", at=received),
            Event(kind="decided", at=datetime(2025, 3, 10, 10, 0, tzinfo=VN_TZ)),
        ),
    )
    text = repr(dossier.deadline())
    assert "due_at: 2025-03-17 17:00+07:00" in text
    assert "finished_at: 2025-03-10 10:00+07:00" in text
    _well_formed(dossier.deadline()._repr_html_())


def test_labels_are_escaped_in_html() -> None:
    frame = from_columns(
        received_at=["2025-03-03T09:00:00+07:00"],
        amount=[5],
        field=[SCRIPT],
        source=SCRIPT,
    )
    markup = frame._repr_html_()
    _well_formed(markup)
    assert "&lt;script&gt;" in markup
    sample = load_sample_catalogue()
    evil = Catalogue([sample[0].model_copy(update={"name": SCRIPT})])
    _well_formed(evil._repr_html_())
    assert "&lt;script&gt;" in evil._repr_html_()
    assert html_table([SCRIPT], [[SCRIPT]]).count("&lt;script&gt;") == 2


def test_calendar_catalogue_frameworks_and_scorecards() -> None:
    cal = repr(OfficialCalendar())
    assert cal.startswith("OfficialCalendar") and "coverage: 2015-2027" in cal
    assert len(cal) < 500
    _well_formed(OfficialCalendar()._repr_html_())
    catalogue = load_sample_catalogue()
    text = repr(catalogue)
    assert text.startswith(f"Catalogue: {len(catalogue)} procedure versions") and len(text) < 1200
    _well_formed(catalogue._repr_html_())
    fw = get_framework("par-example-department")
    assert repr(fw).startswith("Framework 'par-example-department'") and len(repr(fw)) < 600
    _well_formed(fw._repr_html_())
    items, unit, period = read_inputs(EXAMPLES / "indices_department_2024.yaml")
    card = score(fw, items, unit=unit, period=period)
    assert repr(card).startswith("Scorecard par-example-department") and len(repr(card)) < 800
    assert f"index: {card.index_percent}%" in repr(card)
    _well_formed(card._repr_html_())


def test_helpers() -> None:
    assert clip("a\nb   c") == "a b c"
    assert clip("x" * 100, 10) == "x" * 9 + "…"
    assert preview_positions(3) == [0, 1, 2]
    assert preview_positions(100, 4) == [0, 1, None, 98, 99]


@pytest.mark.parametrize(
    ("outcomes", "line"),
    [
        (["withdrawn", "decided", None], "outcome: decided 1, withdrawn 1"),
        (["stopped", "stopped", "refused"], "outcome: refused 1, withdrawn 2"),
        ([None, None, None], "outcome: none recorded"),
    ],
)
def test_a_frame_says_how_its_rows_ended(outcomes: list[str | None], line: str) -> None:
    """The repr counts the outcome column (hand-counted oracle; ``stopped`` is written as
    ``withdrawn``, ND 118/2025 Art 21), and says ``-`` when there is no such column."""
    import pandas as pd

    from cchc.dossiers import from_dataframe

    finished = ["2025-03-05T10:00+07:00" if o else None for o in outcomes]
    df = pd.DataFrame(
        {
            "received_at": pd.to_datetime(["2025-03-03T09:00+07:00"] * 3),
            "amount": [5, 5, 5],
            "unit": ["working_days"] * 3,
            "channel": ["online"] * 3,
            "finished_at": pd.to_datetime(finished),
            "outcome": outcomes,
        }
    )
    assert f"  {line}" in repr(from_dataframe(df)).splitlines()
    assert "  outcome: -" in repr(from_dataframe(df.drop(columns="outcome"))).splitlines()
