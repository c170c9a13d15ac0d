"""parse_time_limit: catalogue wording -> TimeLimit; unread text is a ParseError.

Oracles: the bundled catalogue's own time_amount/time_unit columns (read by hand from the
announcement decisions named in each row) and tests/procedures/fixtures/real_time_limits.csv
(41 further real rows, each with its source: Cổng DVC quốc gia records, provincial portals,
provincial Quyết định công bố / quy trình nội bộ).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cchc._data import read_text
from cchc.errors import CchcError, ParseError, ValidationError
from cchc.procedures import TimeUnit, parse_time_limit

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
