"""parse_time_limit: catalogue wording -> TimeLimit; unread text is a ParseError.

Oracles: the bundled catalogue's own time_amount/time_unit columns (read by hand from the
announcement decisions named in each row) and tests/procedures/fixtures/real_time_limits.csv
(41 further real rows, each with its source: Cổng DVC quốc gia records, provincial portals,
provincial Quyết định công bố / quy trình nội bộ).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from cchc._data import read_text
from cchc.errors import CchcError, ParseError, ValidationError
from cchc.procedures import Channel, TimeUnit, parse_time_limit, parse_time_limits
from cchc.procedures.time_limits import working_hours_for_days

FIXTURE = Path(__file__).parent / "fixtures" / "real_time_limits.csv"

# Bundled rows whose text the parser refuses, with the reason (the columns stand).
BUNDLED_EXCEPTIONS = {
    # Cao Bằng QĐ 2022/QĐ-UBND Phụ lục 2 gives two quy trình for 1.013814 (a: 05, b: 10 ngày
    # làm việc); the row keeps case a and says so in its text, a collector's remark.
    "1.013814": "05 ngày làm việc (trường hợp a; a separate case b follows in the source)",
}


def _bundled_rows() -> list[dict[str, str]]:
    text = read_text("cchc.procedures", "data", "health_procedures_sample.csv")
    return list(csv.DictReader(text.splitlines()))


def test_bundled_catalogue_columns_agree_with_the_parser() -> None:
    for row in _bundled_rows():
        text = row["time_limit_text"]
        if row["code"] in BUNDLED_EXCEPTIONS:
            assert text == BUNDLED_EXCEPTIONS[row["code"]]
            with pytest.raises(ParseError):
                parse_time_limit(text)
            continue
        parsed = parse_time_limit(text)
        amount = int(row["time_amount"]) if row["time_amount"] else None
        assert (parsed.amount, parsed.unit.value) == (amount, row["time_unit"]), row["code"]


def test_real_fixture_rows_are_read_or_refused_never_guessed() -> None:
    rows = list(csv.DictReader(FIXTURE.read_text(encoding="utf-8").splitlines()))
    assert len(rows) >= 40
    assert all(r["source"] for r in rows)
    for r in rows:
        channel = r["channel"] or None
        if not r["expected_unit"]:
            assert r["note"], r["text"]
            with pytest.raises(ParseError):
                parse_time_limit(r["text"], channel=channel)
            continue
        parsed = parse_time_limit(r["text"], channel=channel)
        amount = int(r["expected_amount"]) if r["expected_amount"] else None
        assert (parsed.amount, parsed.unit.value) == (amount, r["expected_unit"]), r["text"]


@pytest.mark.parametrize(
    ("text", "amount", "unit", "counted_from"),
    [
        (
            "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
            5,
            TimeUnit.WORKING_DAYS,
            "kể từ ngày nhận đủ hồ sơ hợp lệ",
        ),
        ("10 ngày", 10, TimeUnit.DAYS, None),
        ("03 tháng", 3, TimeUnit.MONTHS, None),
        ("04 giờ làm việc", 4, TimeUnit.HOURS, None),
        ("05 (năm) ngày làm việc", 5, TimeUnit.WORKING_DAYS, None),
        ("15 (mười lăm) ngày", 15, TimeUnit.DAYS, None),
        ("21 (hai mươi mốt) ngày", 21, TimeUnit.DAYS, None),
        ("45 (bốn mươi lăm) ngày", 45, TimeUnit.DAYS, None),
        ("105 (một trăm linh năm) ngày", 105, TimeUnit.DAYS, None),
        (
            "Không quá 15 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ",
            15,
            TimeUnit.WORKING_DAYS,
            "kể từ ngày nhận đủ hồ sơ hợp lệ",
        ),
        (
            "Trong thời hạn 20 ngày kể từ ngày nhận được hồ sơ hợp lệ",
            20,
            TimeUnit.DAYS,
            "kể từ ngày nhận được hồ sơ hợp lệ",
        ),
        ("Thời hạn giải quyết: 07 ngày làm việc", 7, TimeUnit.WORKING_DAYS, None),
        ("Trong ngày", 0, TimeUnit.WORKING_DAYS, None),
        ("Giải quyết trong ngày làm việc", 0, TimeUnit.WORKING_DAYS, None),
        ("Trả kết quả trong ngày làm việc tiếp theo", 1, TimeUnit.WORKING_DAYS, None),
        (
            "Ngay sau khi nhận đủ hồ sơ",
            None,
            TimeUnit.IMMEDIATE,
            "sau khi nhận đủ hồ sơ",
        ),
    ],
)
def test_phrasings(text: str, amount: int | None, unit: TimeUnit, counted_from: str | None) -> None:
    tl = parse_time_limit(text)
    assert (tl.amount, tl.unit, tl.counted_from) == (amount, unit, counted_from)
    assert tl.text == text


def test_per_channel_texts() -> None:
    text = "07 ngày làm việc kể từ ngày nhận đủ hồ sơ (trực tuyến: 05 ngày làm việc)"
    assert parse_time_limit(text).amount == 7
    online = parse_time_limit(text, channel="online")
    assert (online.amount, online.counted_from) == (5, "kể từ ngày nhận đủ hồ sơ")
    assert parse_time_limit(text, channel="post").amount == 7  # no own limit: the default
    tagged = "03 ngày làm việc (trực tuyến); 01 ngày làm việc (trực tiếp)"
    assert parse_time_limit(tagged, channel="online").amount == 3
    assert parse_time_limit(tagged, channel="in_person").amount == 1
    with pytest.raises(ParseError, match="differs by channel"):
        parse_time_limit(tagged)
    with pytest.raises(ParseError, match="no time limit for the channel post"):
        parse_time_limit(tagged, channel="post")
    labelled = "Trực tiếp: 10 ngày làm việc; Trực tuyến: 07 ngày làm việc"
    assert parse_time_limit(labelled, channel="online").amount == 7
    same = "Trực tiếp: 05 ngày làm việc; Qua dịch vụ bưu chính công ích: 05 ngày làm việc"
    assert parse_time_limit(same).amount == 5


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("0,1 ngày", 0),  # 0.8 working hours: not whole hours (0,5 ngày is now read, 4 h)
        ("0,5 tháng", 0),
        ("05 (sáu) ngày làm việc", 4),
        ("02 năm", 3),
        ("24 giờ", 3),
        ("10 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp xác minh thì 15 ngày", 43),
        ("10 ngày kể từ ngày nhận đủ hồ sơ, trường hợp phức tạp 20 ngày", 34),
        ("ngày làm việc", 0),
        ("   ", 0),
    ],
)
def test_unread_text_is_a_parse_error_quoting_it(text: str, offset: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_time_limit(text)
    assert repr(text.strip()) in info.value.message
    assert info.value.offset == offset


def test_wrong_input_types_are_cchc_errors() -> None:
    with pytest.raises(ValidationError, match="string"):
        parse_time_limit(5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="unknown channel"):
        parse_time_limit("10 ngày", channel="fax")
    assert issubclass(ParseError, CchcError)


def test_nfd_input_is_read() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "05 ngày làm việc")
    assert parse_time_limit(nfd).unit is TimeUnit.WORKING_DAYS


def _expected_cases(cell: str) -> list[tuple[str | None, int, str]]:
    out = []
    for item in cell.split(";"):
        case, amount, unit = item.split("|")
        out.append((case or None, int(amount), unit))
    return out


def test_real_fixture_rows_per_case() -> None:
    # parse_time_limits reads every row parse_time_limit reads (one general limit) and the
    # multi-case rows the fixture lists in expected_cases; the rest stay refused.
    rows = list(csv.DictReader(FIXTURE.read_text(encoding="utf-8").splitlines()))
    assert sum(1 for r in rows if r["expected_cases"]) == 3
    for r in rows:
        channel = r["channel"] or None
        if r["expected_cases"]:
            got = [
                (c.case, c.limit.amount, c.limit.unit.value) for c in parse_time_limits(r["text"])
            ]
            assert got == _expected_cases(r["expected_cases"]), r["text"]
        elif r["expected_unit"]:
            limits = [c for c in parse_time_limits(r["text"]) if c.channel in (None, channel)]
            amount = int(r["expected_amount"]) if r["expected_amount"] else None
            assert [(c.case, c.limit.amount, c.limit.unit.value) for c in limits] == [
                (None, amount, r["expected_unit"])
            ], r["text"]
        else:
            with pytest.raises(ParseError):
                parse_time_limits(r["text"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp xác minh thì 15 ngày",
            [(None, 10, "working_days"), ("trường hợp xác minh", 15, "days")],
        ),
        (
            "10 ngày kể từ ngày nhận đủ hồ sơ, trường hợp phức tạp 20 ngày",
            [(None, 10, "days"), ("trường hợp phức tạp", 20, "days")],
        ),
        (
            "Trường hợp cấp mới: 05 ngày làm việc; trường hợp cấp lại: 03 ngày làm việc",
            [
                ("Trường hợp cấp mới", 5, "working_days"),
                ("trường hợp cấp lại", 3, "working_days"),
            ],
        ),
    ],
)
def test_cases_are_read_with_their_wording(
    text: str, expected: list[tuple[str | None, int, str]]
) -> None:
    got = parse_time_limits(text)
    assert [(c.case, c.limit.amount, c.limit.unit.value) for c in got] == expected
    assert all(c.limit.text == text for c in got)
    with pytest.raises(ParseError):
        parse_time_limit(text)  # one limit asked: refused, as before


def test_bracketed_case_takes_the_counted_from_phrase() -> None:
    text = (
        "15 ngày làm việc (trường hợp cần lấy ý kiến thì không quá 25 ngày làm việc) "
        "kể từ ngày nhận đủ hồ sơ"
    )
    general, case = parse_time_limits(text)
    assert (general.case, general.limit.counted_from) == (None, "kể từ ngày nhận đủ hồ sơ")
    assert (case.case, case.limit.amount, case.limit.counted_from) == (
        "trường hợp cần lấy ý kiến",
        25,
        "kể từ ngày nhận đủ hồ sơ",
    )


@pytest.mark.parametrize(
    "text",
    [
        "10 ngày làm việc; 15 ngày làm việc",  # two limits, no case
        "Thời hạn giải quyết: Trong thời hạn 45 ngày, trong đó: - UBND cấp xã: 15 ngày",
        "10 ngày; trường hợp 2 thì 15 ngày",  # a figure inside the case
        "Thời hạn kiểm tra hồ sơ: Trong thời hạn 01 ngày làm việc; trường hợp khác 02 ngày",
    ],
)
def test_case_texts_without_one_reading_are_refused(text: str) -> None:
    with pytest.raises(ParseError):
        parse_time_limits(text)


@pytest.mark.parametrize(
    ("text", "hours", "days"),
    [
        ("0,5 ngày", 4, "0.5"),
        ("1,5 ngày làm việc", 12, "1.5"),
        ("0.25 ngày làm việc kể từ ngày nhận đủ hồ sơ", 2, "0.25"),
        ("2,5 ngày", 20, "2.5"),
    ],
)
def test_fractional_days_are_working_hours(text: str, hours: int, days: str) -> None:
    # CONV-DAY-8H: one working day = 8 working hours (QĐ 188/1999 Điều 1: 40 h over 5 days)
    tl = parse_time_limit(text)
    assert (tl.amount, tl.unit, tl.days) == (hours, TimeUnit.HOURS, Decimal(days))
    assert tl.engine_terms() == (hours, "hours")
    assert working_hours_for_days(Decimal(days)) == hours


def test_per_channel_text_gives_one_entry_per_channel() -> None:
    got = parse_time_limits("03 ngày làm việc (trực tuyến); 01 ngày làm việc (trực tiếp)")
    assert [(c.case, c.channel, c.limit.amount) for c in got] == [
        (None, Channel.ONLINE, 3),
        (None, Channel.IN_PERSON, 1),
    ]


def test_fractional_days_feed_the_deadline_engine_in_working_hours() -> None:
    # Default office sessions 07:00-11:30, 13:30-17:00 (CONV-OFFICE-HOURS); by hand:
    # 09:00 + 4 h = 11:30 (2.5 h) then 13:30 + 1.5 h = 15:00; Monday 15:00 + 12 h =
    # 2 h (Mon) + 8 h (Tue) + 2 h (Wed 07:00-09:00).
    from datetime import datetime

    from cchc.dossiers import due_date
    from cchc.tz import VN_TZ

    monday_9 = datetime(2026, 3, 2, 9, 0, tzinfo=VN_TZ)
    half = parse_time_limit("0,5 ngày làm việc").engine_terms()
    assert due_date(monday_9, *half) == datetime(2026, 3, 2, 15, 0, tzinfo=VN_TZ)
    one_and_half = parse_time_limit("1,5 ngày làm việc").engine_terms()
    assert due_date(monday_9.replace(hour=15), *one_and_half) == datetime(
        2026, 3, 4, 9, 0, tzinfo=VN_TZ
    )
