"""explain() of reporting periods and scorecards (issue 10 part 6)."""

import json
from pathlib import Path

from cchc.indices import get_framework, score
from cchc.indices.commands import read_inputs
from cchc.legal import source
from cchc.reporting import reporting_period

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"


def test_year_report_deadline_on_a_saturday_rolls_to_monday() -> None:
    # 581/BNV-CCHC: the yearly report is due on day 20 of the last month; 20/12/2025 is a
    # Saturday, so under BLDS 2015 Điều 148 khoản 5 the last day is Monday 22/12/2025.
    exp = reporting_period("bnv-cchc", "Y", 2025).explain()
    text = str(exp)
    assert "15/12/2024" in text and "14/12/2025" in text
    assert text.splitlines()[-1].startswith("- ") and "22/12/2025" in text
    keys = [s.key for s in exp.sources]
    assert "BLDS2015-148" in keys and "QD188-1999" in keys
    assert json.loads(exp.to_json())["steps"][-1]["sources"][0]["key"] == "BLDS2015-148"


def test_no_roll_step_when_the_deadline_is_a_working_day() -> None:
    # 20/03/2025 is a Thursday: no day off to cross, so no Điều 148 step.
    exp = reporting_period("bnv-cchc", "Q1", 2025).explain()
    assert source("BLDS2015-148") not in exp.sources
    assert "20/03/2025" in exp.text("en")


def test_nd09_sets_only_a_minimum() -> None:
    exp = reporting_period("nd09-2019", "Q1", 2025).explain()
    assert "sớm nhất" in str(exp)
    assert exp.sources[-1].number == "09/2019/NĐ-CP"


def test_scorecard_explains_areas_losses_and_total() -> None:
    fw = get_framework("par-example-department")
    items, unit, period = read_inputs(EXAMPLES / "indices_department_2024.yaml")
    card = score(fw, items, unit=unit, period=period)
    exp = card.explain()
    lines = str(exp).splitlines()
    assert lines[0] == "Kết quả chấm điểm"
    assert sum(
        line.split(". ", 1)[1].startswith("Lĩnh vực") for line in lines[1:] if ". " in line
    ) == len(card.areas)
    assert f"chỉ số {card.index_percent}%" in str(exp)
    worst = card.points_lost(1)[0]
    assert f"mất {worst.lost} điểm" in str(exp)
    assert ".." not in str(exp)
    assert exp.text("en").splitlines()[0] == "Scorecard"
