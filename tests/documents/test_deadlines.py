"""Deadline phrases (documents.md §5.2) and their resolution with the official calendar."""

from __future__ import annotations

from datetime import date

import pytest

from cchc.documents import DeadlineKind, extract_deadlines, lint
from cchc.documents.deadlines import DUE_ROLLFORWARD_SOURCE, PeriodStart
from cchc.errors import CalendarCoverageError

from .conftest import seed


def test_seed_001_deadlines_and_who_acts() -> None:
    # documents.md §5.2: items 1 and 7 and the closing paragraph of seed 001.
    found = extract_deadlines(seed("001"))
    assert [(d.kind, d.due_on, d.inclusive) for d in found] == [
        (DeadlineKind.BEFORE, date(2024, 8, 22), False),
        (DeadlineKind.BEFORE, date(2024, 8, 26), False),
        (DeadlineKind.AS_REGULATED, None, True),
    ]
    assert found[0].actor == "Các phòng chức năng sở, các đơn vị trực thuộc"
    assert found[0].report_to == "Văn phòng Sở"
    assert found[1].text == "trước 26/8/2024"  # "ngày" missing in the seed
    assert found[1].actor == "phòng Kế hoạch - Nghiệp vụ - Tài chính"
    assert found[1].report_to == "Văn phòng Sở Y tế"
    assert found[2].actor == "các phòng chức năng sở, các đơn vị"


def test_periodic_reports_in_seed_003() -> None:
    kinds = [d.kind for d in extract_deadlines(seed("003"))]
    assert kinds == [DeadlineKind.PERIODIC]


def test_working_days_use_the_official_calendar() -> None:
    # Quốc khánh 2024: days off Sat 31/8 to Tue 3/9/2024 (official notice for 2024), so
    # 3 working days after Thu 29/8/2024 are Fri 30/8, Wed 4/9 and Thu 5/9.
    (d,) = extract_deadlines(
        "Trong thời hạn 03 ngày làm việc, các đơn vị báo cáo.", issued_on=date(2024, 8, 29)
    )
    assert (d.days, d.working_days, d.counted_from, d.due_on) == (
        3,
        True,
        date(2024, 8, 29),
        date(2024, 9, 5),
    )


def test_calendar_days_do_not_count_the_first_day() -> None:
    # BLDS 2015 Điều 147 khoản 2: the first day of a period in days is not counted.
    (d,) = extract_deadlines("trong vòng 10 ngày kể từ ngày 05/3/2024", issued_on=None)
    assert (d.counted_from, d.due_on, d.working_days) == (
        date(2024, 3, 5),
        date(2024, 3, 15),
        False,
    )


def test_unresolved_without_issue_date_and_year_completion() -> None:
    (d,) = extract_deadlines("Trong thời hạn 05 ngày làm việc, Sở báo cáo.")
    assert d.due_on is None and d.days == 5
    (late,) = extract_deadlines(
        "Giao Văn phòng Sở tổng hợp, chậm nhất ngày 30/9 gửi báo cáo.", issued_on=date(2024, 9, 3)
    )
    assert (late.kind, late.due_on, late.inclusive) == (
        DeadlineKind.NO_LATER_THAN,
        date(2024, 9, 30),
        True,
    )
    assert late.actor == "Văn phòng Sở"
    assert late.year_inferred


def test_period_from_receipt_has_no_date() -> None:
    # "kể từ ngày nhận được văn bản này" runs from each recipient's day of receipt, which the
    # text cannot give (review issue 4 item 9): no due date, the event is recorded instead.
    (d,) = extract_deadlines(
        "Các đơn vị báo cáo trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này.",
        issued_on=date(2024, 8, 16),
    )
    assert (d.due_on, d.counted_from, d.counted_from_event) == (None, None, PeriodStart.RECEIPT)
    assert d.counted_from_event == "receipt"
    assert d.text.endswith("kể từ ngày nhận được văn bản này")
    (eff,) = extract_deadlines(
        "trong thời hạn 10 ngày kể từ ngày Quyết định này có hiệu lực", issued_on=date(2024, 8, 1)
    )
    assert (eff.due_on, eff.counted_from_event) == (None, PeriodStart.ENTRY_INTO_FORCE)
    (other,) = extract_deadlines(
        "trong thời hạn 10 ngày kể từ khi kết thúc đợt kiểm tra", issued_on=date(2024, 8, 1)
    )
    assert (other.due_on, other.counted_from_event) == (None, PeriodStart.OTHER)
    # "kể từ ngày ký" is the issue date itself: 05 working days after Mon 12/8/2024.
    (signed,) = extract_deadlines(
        "trong thời hạn 05 ngày làm việc kể từ ngày ký", issued_on=date(2024, 8, 12)
    )
    assert (signed.due_on, signed.counted_from_event) == (date(2024, 8, 19), None)


def test_date_without_year_is_not_before_the_document() -> None:
    # Review issue 4 item 10: "trước ngày 5/1" in a document of 20/12/2024 means 5/1/2025.
    (d,) = extract_deadlines("Các đơn vị báo cáo trước ngày 5/1.", issued_on=date(2024, 12, 20))
    assert (d.due_on, d.year_inferred) == (date(2025, 1, 5), True)
    (same,) = extract_deadlines("báo cáo trước ngày 25/12.", issued_on=date(2024, 12, 20))
    assert (same.due_on, same.year_inferred) == (date(2024, 12, 25), True)
    (written,) = extract_deadlines("báo cáo trước ngày 5/1/2025.", issued_on=date(2024, 12, 20))
    assert (written.due_on, written.year_inferred) == (date(2025, 1, 5), False)


def test_calendar_day_period_ending_on_a_day_off_rolls_forward() -> None:
    # Bộ luật Dân sự 2015 Điều 148 khoản 5 (DUE_ROLLFORWARD_SOURCE): 10 days from Wed
    # 21/8/2024 end on Sat 31/8; Sun 1/9 and the Quốc khánh days off 2-3/9/2024 follow, so the
    # period ends on Wed 4/9/2024.
    (d,) = extract_deadlines(
        "Các đơn vị báo cáo trong thời hạn 10 ngày.", issued_on=date(2024, 8, 21)
    )
    assert (d.rolled_from, d.due_on) == (date(2024, 8, 31), date(2024, 9, 4))
    assert DUE_ROLLFORWARD_SOURCE.article == "Điều 148 khoản 5"
    (weekday,) = extract_deadlines("trong thời hạn 10 ngày.", issued_on=date(2024, 8, 19))
    assert (weekday.rolled_from, weekday.due_on) == (None, date(2024, 8, 29))
    # A stated date is never moved, even on a Saturday (31/8/2024).
    (stated,) = extract_deadlines("chậm nhất ngày 31/8/2024")
    assert (stated.due_on, stated.rolled_from) == (date(2024, 8, 31), None)


def test_computation_outside_the_calendar_is_a_typed_error() -> None:
    # The official calendar covers 2015-2027; lint skips the draft window instead of failing.
    text = "Trong thời hạn 10 ngày kể từ ngày 1/1/2099, các đơn vị báo cáo."
    with pytest.raises(CalendarCoverageError):
        extract_deadlines(text)
    draft = "Số: /SYT-VP\nCăn cứ Kế hoạch số 12/KH-SYT ngày 3/4/2024.\n" + text
    assert "draft-date-window" not in {f.code for f in lint(draft)}


def test_issue_date_must_be_a_date() -> None:
    # cchc.tz.as_date: a string is not a date (typed error, not a TypeError later on).
    from cchc.errors import ValidationError

    with pytest.raises(ValidationError, match="issued_on"):
        extract_deadlines("trong thời hạn 10 ngày", issued_on="2024-08-21")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="issued_on"):
        lint("Kế hoạch số 05/KH-SYT ngày 3/2/2022", issued_on="2022-03-01")  # type: ignore[arg-type]


def test_extreme_years_are_typed_errors_or_ignored() -> None:
    # datetime.date covers years 1..9999: a period past 31/12/9999 cannot be resolved, and a
    # draft's window ignores a deadline "trước ngày 1/1/0001" (no day before it exists).
    with pytest.raises(CalendarCoverageError):
        extract_deadlines("trong thời hạn 10 ngày kể từ ngày 31/12/9999")
    draft = "Số: /SYT-VP\nCăn cứ Kế hoạch số 12/KH-SYT ngày 3/4/2024. Báo cáo trước ngày 1/1/0001."
    assert "draft-date-window" not in {f.code for f in lint(draft)}


def test_a_phrase_broken_across_lines_is_still_a_deadline() -> None:
    """Every deadline phrase allows one to three spaces, tabs or line breaks between its
    words (a line wrapped in a PDF-to-text copy): "chậm nhất" as well as "kể từ" or
    "trong thời hạn"."""
    for text in ("chậm\nnhất ngày 31/8/2024", "Chậm  nhất là ngày 31/8/2024"):
        (stated,) = extract_deadlines(text)
        assert stated.due_on == date(2024, 8, 31), text
    (within,) = extract_deadlines("trong\nthời hạn 05 ngày làm\nviệc", issued_on=date(2024, 9, 3))
    assert (within.days, within.working_days, within.due_on) == (5, True, date(2024, 9, 10))
