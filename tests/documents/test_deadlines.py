"""Deadline phrases (documents.md §5.2) and their resolution with the official calendar."""

from __future__ import annotations

from datetime import date

from cchc.documents import DeadlineKind, extract_deadlines

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
