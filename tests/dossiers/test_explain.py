"""Explanations of due dates (issue 10 part 6) and the year-9999 regression (issue 11 item 1).

Oracles: Tết 2025 days off Mon 27/1 - Fri 31/1 under Công văn 8726/VPCP-KGVX and Thông báo
6150/TB-BLĐTBXH (bundled calendar notices); the make-up working Saturday 10/01/2026 under
Công văn 12729/VPCP-KGVX (2025); ND 61/2018 Art 19(4) and ND 118/2025 Art 19(5) for the
supplement restart; the 766 portal convention for subtract-waiting (registry CONV-766-WAITING).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from cchc.cli import main
from cchc.dossiers import Dossier, Event, compute_due, due_date
from cchc.errors import CalendarCoverageError, CchcError
from cchc.legal import Explanation
from cchc.tz import VN_TZ


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


def keys(e: Explanation) -> list[str]:
    return [s.key or "" for s in e.sources]


def test_due_date_explains_tet_days_off_with_their_notices() -> None:
    result = compute_due(vn(2025, 1, 24, 9, 0), 5)
    e = result.explain()
    assert isinstance(e, Explanation)
    text = str(e)
    assert text.startswith("Cách tính hạn giải quyết")
    assert "27/01/2025" in text and "31/01/2025" in text and "07/02/2025" in text
    assert {"CONV-NEXT-OPENING", "ND61-2018", "BLDS2015-147", "QD188-1999"} <= set(keys(e))
    assert {"CV8726-2024", "TB6150-2024", "CONV-OFFICE-HOURS"} <= set(keys(e))
    # order: receipt first, the due moment last
    assert e.steps[0].text_vi.startswith("Hồ sơ được tiếp nhận")
    assert e.steps[-1].text_vi.startswith("Hạn giải quyết: 17:00")
    assert all(step.text_en for step in e.steps)
    assert json.loads(e.to_json())["steps"][0]["text_vi"] == e.steps[0].text_vi


def test_make_up_saturday_cites_its_notice_and_next_opening() -> None:
    e = compute_due(vn(2026, 1, 9, 18, 0), 1).explain()  # after office hours on Friday
    text = str(e)
    assert "ngoài giờ làm việc" in text
    assert "07:00 thứ Bảy 10/01/2026" in e.steps[0].text_vi  # the make-up Saturday opens
    assert "ND118-2025" in keys(e)
    sat = compute_due(vn(2026, 1, 9, 10, 0), 1).explain()
    step = next(s for s in sat.steps if "làm việc bù" in s.text_vi)
    assert [s.key for s in step.sources] == ["CV12729-2025"]


def test_days_rolled_forward_cite_civil_code_148() -> None:
    # 10 calendar days from Wed 22/01/2025 end on Sat 01/02/2025 (a Tết week-end) -> Mon 03/02
    result = compute_due(vn(2025, 1, 22, 9, 0), 10, "days")
    assert result.due_at == vn(2025, 2, 3, 17, 0)
    assert "BLDS2015-148" in keys(result.explain())


def test_midnight_policy_cites_civil_code_148_6() -> None:
    e = compute_due(vn(2025, 3, 3, 9, 0), 2, policy="civil_code").explain()
    assert "BLDS2015-148-6" in keys(e) and "BLDS2015-147" in keys(e)


def supplemented(amount: int, supplied_day: int, *more: Event) -> Dossier:
    """Received 01/7/2025 09:00, supplement asked 02/7 and supplied on ``supplied_day``."""
    return Dossier(
        channel="in_person",
        amount=amount,
        events=(
            Event(kind="received", at=vn(2025, 7, 1, 9, 0)),
            Event(kind="supplement_requested", at=vn(2025, 7, 2, 9, 0)),
            Event(kind="supplement_received", at=vn(2025, 7, supplied_day, 9, 0)),
            *more,
        ),
    )


def test_dossier_deadline_explains_restart_and_rescheduling() -> None:
    apology = vn(2025, 7, 8, 9, 0)
    d = supplemented(5, 4, Event(kind="rescheduled", at=apology, new_due_at=vn(2025, 7, 15, 17)))
    e = d.deadline().explain()
    text = str(e)
    assert "tính lại từ đầu" in text and "Điều 19 khoản 5" in text
    assert "hẹn lại ngày trả kết quả" in text and "Điều 19 khoản 6" in text
    assert e.steps[-1].text_vi == "Hạn giải quyết hiện tại: 17:00 thứ Ba 15/07/2025."
    assert "ND118-2025" in keys(e)


def test_subtract_waiting_cites_the_766_convention() -> None:
    e = supplemented(3, 3).deadline(policy="portal_766").explain()
    assert "CONV-766-WAITING" in keys(e)


def test_cli_due_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "2025-01-24T09:00+07:00", "5", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Cách tính hạn giải quyết" in out and "Căn cứ:" in out
    assert main(["due", "2025-01-24T09:00+07:00", "5", "--json", "--explain"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["explanation"]["steps"][0]["sources"][0]["key"] == "CONV-NEXT-OPENING"


def test_aware_datetime_past_year_9999_in_vietnam_is_a_cchc_error() -> None:
    # Issue 11 item 1: 9999-12-31 20:00 UTC is 10000-01-01 03:00 in +07:00.
    late = datetime(9999, 12, 31, 20, 0, tzinfo=UTC)
    d = Dossier(channel="online", amount=5, events=(Event(kind="received", at=late),))
    with pytest.raises(CalendarCoverageError) as err:
        d.deadline()
    assert isinstance(err.value, CchcError) and err.value.field == "events[0].at"
    with pytest.raises(CalendarCoverageError):
        due_date(late, 1)
    with pytest.raises(CalendarCoverageError):
        d.progress_as_of(late)
