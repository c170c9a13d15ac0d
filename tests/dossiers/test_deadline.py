"""Worked deadline examples, each citing the rule it shows.

Calendar facts come from the bundled official calendar: Tết 2025 off from Mon
27/01 to Fri 31/01/2025 (Công văn 8726/VPCP-KGVX, 26/11/2024), New Year 2026:
Thu 01/01 holiday, Fri 02/01 swapped day off, Sat 10/01 make-up working day
(Công văn 12729/VPCP-KGVX, 25/12/2025).
"""

from __future__ import annotations

from datetime import datetime, time

import pytest

from cchc.dossiers import (
    DeadlinePolicy,
    ReceiptRule,
    clock_start,
    compute_due,
    due_date,
    get_policy,
    one_stop_rules_in_force,
)
from cchc.errors import (
    CalendarCoverageError,
    NaiveDatetimeError,
    RuleNotInForceError,
    ValidationError,
)
from cchc.tz import VN_TZ


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


def test_friday_before_tet_2025_plus_5_working_days() -> None:
    # Working days: the receipt day is not counted (BLDS 2015 Art 147(2)); Tết 27-31/01 and
    # the weekends are skipped, so the 5 working days are 3, 4, 5, 6, 7 February 2025.
    due = due_date(vn(2025, 1, 24, 9, 0), 5)
    assert due == vn(2025, 2, 7, 17, 0)
    assert due.tzinfo is not None
    assert due.utcoffset() is not None
    assert str(due.tzinfo) == "Asia/Ho_Chi_Minh"


def test_received_saturday_online_next_opening_vs_as_recorded() -> None:
    # Saturday 18/01/2025, online. next_opening (sector rule of QĐ 2988/QĐ-TCHQ Art 7(5) and
    # TT 87/2021/TT-BTC Art 10, used as the documented default): day 0 is Monday 20/01; the
    # 5th working day after it is Monday 03/02 (Tết skipped).
    received = vn(2025, 1, 18, 20, 15)
    assert clock_start(received) == vn(2025, 1, 20, 7, 0)
    assert due_date(received, 5) == vn(2025, 2, 3, 17, 0)
    # as_recorded (literal BLDS Art 147(2)): Saturday is day 0, so Mon 20 .. Fri 24/01.
    assert due_date(received, 5, policy="as_recorded") == vn(2025, 1, 24, 17, 0)


def test_new_year_2026_swap_and_makeup_saturday() -> None:
    # Received online Saturday 03/01/2026: day 0 = Monday 05/01; working days 6, 7, 8, 9 and
    # the make-up Saturday 10/01 (Công văn 12729/VPCP-KGVX) -> due Saturday 10/01/2026.
    assert due_date(vn(2026, 1, 3, 10, 0), 5) == vn(2026, 1, 10, 17, 0)
    # Received Wednesday 31/12/2025: 01/01 holiday, 02/01 swapped day off -> 5, 6, 7 January.
    assert due_date(vn(2025, 12, 31, 10, 0), 3) == vn(2026, 1, 7, 17, 0)


def test_after_the_cutoff_hour() -> None:
    # Procedure-specific cut-off "tiếp nhận sau 15 giờ ... ngày làm việc tiếp theo" (e.g. Hà Nội
    # QĐ 1811/QĐ-TTPVHCC): 15:30 on Friday 24/01/2025 counts from Monday 03/02 (after Tết).
    policy = get_policy("cutoff_15h")
    assert clock_start(vn(2025, 1, 24, 15, 30), policy=policy) == vn(2025, 2, 3, 7, 0)
    assert due_date(vn(2025, 1, 24, 15, 30), 5, policy=policy) == vn(2025, 2, 10, 17, 0)
    # "sau 15 giờ" is strictly after: 15:00 sharp still counts the same day.
    assert due_date(vn(2025, 1, 24, 15, 0), 5, policy=policy) == vn(2025, 2, 7, 17, 0)
    # Without a cut-off 15:30 is inside office hours and counts the same day.
    assert due_date(vn(2025, 1, 24, 15, 30), 5) == vn(2025, 2, 7, 17, 0)
    # with_cutoff builds the same policy for any procedure's hour.
    assert DeadlinePolicy().with_cutoff(time(15, 0)).cutoff == time(15, 0)


def test_after_office_hours_on_a_working_day() -> None:
    # 18:00 is after the last session (default office hours, an assumption): next opening.
    assert due_date(vn(2025, 3, 3, 18, 0), 1) == vn(2025, 3, 5, 17, 0)
    assert due_date(vn(2025, 3, 3, 18, 0), 1, policy="as_recorded") == vn(2025, 3, 4, 17, 0)


def test_calendar_days_end_on_a_day_off_roll_forward() -> None:
    # BLDS 2015 Art 148(5): a period ending on a weekend or holiday ends at the end of the next
    # working day. 20 days from 10/01/2025 is 30/01/2025 (Tết) -> Monday 03/02/2025.
    assert due_date(vn(2025, 1, 10, 9, 0), 20, "days") == vn(2025, 2, 3, 17, 0)
    # BLDS Art 148(6): under the civil_code policy the day ends at 24:00.
    civil = due_date(vn(2025, 1, 10, 9, 0), 20, "days", policy="civil_code")
    assert civil.date().isoformat() == "2025-02-03"
    assert (civil.hour, civil.minute, civil.second) == (23, 59, 59)


def test_months_corresponding_day_or_last_day() -> None:
    # BLDS 2015 Art 148(3): one month from 31/03/2025 has no 31/04 -> 30/04/2025, a holiday
    # (Ngày Chiến thắng); 01/05 is a holiday and Friday 02/05 a swapped day off (Công văn
    # 8726/VPCP-KGVX) -> the period ends Monday 05/05/2025 (Art 148(5)).
    assert due_date(vn(2025, 3, 31, 9, 0), 1, "months") == vn(2025, 5, 5, 17, 0)


def test_working_hours_across_sessions_and_days() -> None:
    # ND 118/2025 Art 17(2)(c): "08 (tám) giờ làm việc" to confirm an online dossier.
    # Sessions 07:00-11:30 and 13:30-17:00 (assumption): from Friday 24/01/2025 16:00, one hour
    # that day, then 4.5 h and 2.5 h on Monday 03/02 -> 16:00.
    assert due_date(vn(2025, 1, 24, 16, 0), 8, "hours") == vn(2025, 2, 3, 16, 0)
    # A period ending exactly at a session's close ends there, not at the next opening.
    assert due_date(vn(2025, 3, 3, 7, 0), 8, "hours") == vn(2025, 3, 3, 17, 0)
    # Received during the lunch break: the clock waits for 13:30.
    assert due_date(vn(2025, 3, 3, 12, 0), 1, "hours") == vn(2025, 3, 3, 14, 30)


def test_zero_days_and_immediate() -> None:
    # "immediate" (ngay) = 0 working days: due at the end of the receipt working day.
    assert due_date(vn(2025, 3, 3, 9, 0), 0) == vn(2025, 3, 3, 17, 0)
    assert due_date(vn(2025, 3, 3, 9, 0), 0, "immediate") == vn(2025, 3, 3, 17, 0)
    # Recorded after the office closed with 0 days (as_recorded): due at the receipt moment,
    # never before it.
    assert due_date(vn(2025, 3, 3, 18, 0), 0, policy="as_recorded") == vn(2025, 3, 3, 18, 0)


def test_rule_version_by_receipt_date() -> None:
    # ND 118/2025 Art 40(1): in force from 01/7/2025, ending ND 61/2018 and ND 107/2021.
    assert compute_due(vn(2025, 6, 30, 9, 0), 5).rules.value.name == "ND61/2018"
    assert compute_due(vn(2025, 7, 1, 9, 0), 5).rules.value.name == "ND118/2025"
    # ND 309/2026 Art 16(1): in force from 05/8/2026.
    assert one_stop_rules_in_force(vn(2026, 8, 5, 0, 0).date()).value.name == "ND118/2025+309/2026"
    assert one_stop_rules_in_force(vn(2026, 8, 5).date()).source.number == "309/2026/NĐ-CP"
    with pytest.raises(RuleNotInForceError):
        due_date(vn(2018, 6, 20, 9, 0), 5)


def test_result_is_in_ho_chi_minh_time_for_utc_input() -> None:
    from datetime import UTC

    due = due_date(datetime(2025, 1, 24, 2, 0, tzinfo=UTC), 5)
    assert due.isoformat() == "2025-02-07T17:00:00+07:00"


def test_bad_input_is_typed_and_located() -> None:
    with pytest.raises(NaiveDatetimeError) as naive:
        due_date(datetime(2025, 1, 24, 9, 0), 5)
    assert naive.value.field == "received_at"
    with pytest.raises(ValidationError) as unit:
        due_date(vn(2025, 1, 24, 9, 0), 5, "weeks")
    assert unit.value.field == "unit"
    with pytest.raises(ValidationError) as amount:
        due_date(vn(2025, 1, 24, 9, 0), -1)
    assert amount.value.field == "amount"
    with pytest.raises(ValidationError) as frac:
        due_date(vn(2025, 1, 24, 9, 0), 1.5)  # type: ignore[arg-type]
    assert frac.value.field == "amount"
    with pytest.raises(ValidationError) as pol:
        due_date(vn(2025, 1, 24, 9, 0), 5, policy="fastest")
    assert pol.value.field == "policy"


def test_coverage_and_provisional() -> None:
    # Outside the official calendar (2015-2027) only a provisional policy answers, marked so.
    with pytest.raises(CalendarCoverageError):
        due_date(vn(2031, 3, 3, 9, 0), 5)
    prov = DeadlinePolicy(name="prov", provisional=True)
    answer = compute_due(vn(2031, 3, 3, 9, 0), 5, policy=prov)
    assert answer.provisional
    assert answer.due_at == vn(2031, 3, 10, 17, 0)
    assert not compute_due(vn(2025, 3, 3, 9, 0), 5, policy=prov).provisional
    assert DeadlinePolicy(receipt=ReceiptRule.AS_RECORDED).receipt.value == "as_recorded"
