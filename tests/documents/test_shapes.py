"""Every citation shape and pitfall of documents.md §3-§4 has a test here.

Oracles are the examples quoted in documents.md (from NĐ 30/2020/NĐ-CP Phụ lục I
and III, Luật 80/2015 Điều 10, the seeds, and the parsers P1-P6 it reviews).
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from cchc.documents import DocumentType, NumberShape, parse_citations, parse_number
from cchc.errors import ParseError


def one(text: str):  # type: ignore[no-untyped-def]
    cits = parse_citations(text)
    assert len(cits) == 1, [c.raw for c in cits]
    return cits[0]


@pytest.mark.parametrize(
    ("text", "shape", "symbol", "doc_type"),
    [
        ("15/QĐ-BNV", NumberShape.ADMINISTRATIVE, "QĐ-BNV", DocumentType.QUYET_DINH),  # §1.4
        ("05/BNV-VP", NumberShape.CONG_VAN, "BNV-VP", DocumentType.CONG_VAN),  # §1.4
        ("12/UBND-VX", NumberShape.CONG_VAN, "UBND-VX", DocumentType.CONG_VAN),
        ("107/2021/NĐ-CP", NumberShape.NORMATIVE, "NĐ-CP", DocumentType.NGHI_DINH),  # §2.1
        ("02/2022/NQ-HĐND", NumberShape.NORMATIVE, "NQ-HĐND", DocumentType.NGHI_QUYET),
        ("01/2018/TT-VPCP", NumberShape.NORMATIVE, "TT-VPCP", DocumentType.THONG_TU),
        ("19/2014/QĐ-TTg", NumberShape.NORMATIVE, "QĐ-TTg", DocumentType.QUYET_DINH),
        ("80/2015/QH13", NumberShape.LAW, "QH13", None),  # Luật 80/2015 Điều 10
        ("351/2017/UBTVQH14", NumberShape.LAW, "UBTVQH14", None),
        ("05-NQ/TU", NumberShape.PARTY, "NQ/TU", DocumentType.NGHI_QUYET),  # §3.3
        ("28-CT/TU", NumberShape.PARTY, "CT/TU", DocumentType.CHI_THI),
        ("54/VBHN-VPQH", NumberShape.CONSOLIDATED, "VBHN-VPQH", DocumentType.VAN_BAN_HOP_NHAT),
        (
            "05/2015/TTLT-BTP-BCA-BYT",
            NumberShape.NORMATIVE,
            "TTLT-BTP-BCA-BYT",
            DocumentType.THONG_TU_LIEN_TICH,
        ),
        ("36a/NQ-CP", NumberShape.ADMINISTRATIVE, "NQ-CP", DocumentType.NGHI_QUYET),
        ("07/2003/L-CTN", NumberShape.NORMATIVE, "L-CTN", DocumentType.LENH),
        ("05/2019/NQ-HĐTP", NumberShape.NORMATIVE, "NQ-HĐTP", DocumentType.NGHI_QUYET),
        ("315/SNV-CCHC&VTLT", NumberShape.CONG_VAN, "SNV-CCHC&VTLT", DocumentType.CONG_VAN),
    ],
)
def test_number_shapes(text: str, shape: NumberShape, symbol: str, doc_type: object) -> None:
    n = parse_number(text)
    assert (n.shape, n.symbol, n.doc_type) == (shape, symbol, doc_type)
    assert parse_number(n.format(pad=False)) == n


@pytest.mark.parametrize(
    ("abbr", "doc_type"),
    [
        ("QyĐ", DocumentType.QUY_DINH),
        ("CTr", DocumentType.CHUONG_TRINH),
        ("TTr", DocumentType.TO_TRINH),
        ("TrS", DocumentType.BAN_TRICH_SAO),
        ("HĐ", DocumentType.HOP_DONG),
        ("ĐA", DocumentType.DE_AN),
        ("CĐ", DocumentType.CONG_DIEN),
        ("SY", DocumentType.BAN_SAO_Y),
        ("SL", DocumentType.BAN_SAO_LUC),
    ],
)
def test_mixed_case_and_d_stroke_abbreviations(abbr: str, doc_type: DocumentType) -> None:
    # NĐ 30/2020 Phụ lục III Mục I.
    c = one(f"Theo văn bản số 08/{abbr}-UBND ngày 03/3/2022.")
    assert (c.doc_type, c.type_code) == (doc_type, abbr)


def test_all_27_type_abbreviations_and_copies() -> None:
    # Điều 7 lists 29 types, 27 with an abbreviation, plus SY, TrS, SL for copies.
    from cchc.documents.types import ADMINISTRATIVE_TYPES

    with_abbr = [t for t in ADMINISTRATIVE_TYPES if t.abbreviation]
    assert len(with_abbr) == 30
    assert {t for t in ADMINISTRATIVE_TYPES if not t.abbreviation} == {
        DocumentType.CONG_VAN,
        DocumentType.THU_CONG,
    }


def test_leading_zero_format() -> None:
    # Phụ lục I II.3.c: numbers below 10 get a leading 0.
    assert parse_number("5/KH-SYT").format() == "05/KH-SYT"
    assert parse_number("5/KH-SYT").format(pad=False) == "5/KH-SYT"
    assert parse_number("05/KH-SYT").number == "05"


def test_damaged_symbols_are_parsed_and_flagged() -> None:
    assert parse_number("107/2021/NĐ").defects == ("missing_issuer",)
    slash = parse_number("07/2002/ttlt/btc-byt")  # P4
    assert slash.symbol == "TTLT-BTC-BYT" and "slash_in_symbol" in slash.defects
    space = parse_number("86 /2025/tt-bca")  # P4
    assert space.format() == "86/2025/TT-BCA" and "space_in_symbol" in space.defects
    joint = parse_number("37/2012/TTLT- BLĐTBXH-BYT")
    assert joint.issuers == ("BLĐTBXH", "BYT") and "space_in_symbol" in joint.defects
    assert parse_number("13/2020/TT-BYTT").issuers == ("BYTT",)  # a misspelling still parses
    eth = parse_number("15/1998/ttlt-byt-btc-bl\u00d0tbxh")  # Ð (U+00D0) look-alike
    assert eth.issuers == ("BYT", "BTC", "BLĐTBXH")


def test_reversed_cong_van_symbol() -> None:
    c = one("Văn bản số 177/PC-SYT ngày 25/2/2022")  # seed 002
    assert (c.doc_type, c.symbol, c.issuer_code, c.unit) == (
        DocumentType.CONG_VAN,
        "PC-SYT",
        "SYT",
        "PC",
    )
    assert "reversed_issuer_unit" in c.defects


def test_type_comes_from_symbol_not_from_word() -> None:
    c = one("kết luận số 48/TB-SYT ngày 04/3/2022 của Sở Y tế")  # seed 002
    assert c.doc_type is DocumentType.THONG_BAO and "type_mismatch" not in c.defects
    assert one("Văn bản số 1347/SYT-VP ngày 07/3/2022").doc_type is DocumentType.CONG_VAN
    bad = one("Kế hoạch số 12/QĐ-UBND ngày 07/3/2022")
    assert "type_mismatch" in bad.defects


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Kế hoạch số 219/KH-SYT ngày 27/12/2021", date(2021, 12, 27)),
        ("Chỉ thị số 04/CT-UBND ngày 7/2/2022", date(2022, 2, 7)),  # no padding
        ("Kế hoạch số 35/KH-SYT ngày 02/03/2022", date(2022, 3, 2)),
        ("Kế hoạch số 5601/KH-SYT ngày 16 tháng 6 năm 2017", date(2017, 6, 16)),
        ("Nghị quyết số 36-NQ/TW ngày 01 tháng 7 năm\n2014", date(2014, 7, 1)),
        ("Chỉ thị số 30/2014/CT-UBND ngày 5/12/2014", date(2014, 12, 5)),
    ],
)
def test_date_forms(text: str, when: date) -> None:
    assert one(text).issued_on == when


def test_partial_and_invalid_dates_keep_the_text() -> None:
    c = one("Kế hoạch số 12/KH-SYT ngày 1/8 về kiểm tra")
    assert c.issued_on is None and c.date_text == "ngày 1/8" and c.date_status.value == "partial"
    bad = one("Kế hoạch số 12/KH-SYT ngày 31/02/2022")
    assert bad.issued_on is None and bad.date_status.value == "invalid"


def test_line_breaks_inside_citations() -> None:
    c = one(
        "Thực hiện chế độ theo Nghị định số\n130/2005/NĐ-CP ngày 17 tháng 10 năm 2005 của Chính phủ"
    )
    assert (c.number, c.issued_on, c.issuer) == ("130", date(2005, 10, 17), "Chính phủ")
    q = one(
        "Quyết\nđịnh số 1819/QĐ-TTg ngày 26 tháng 10 năm 2015 của Thủ tướng\nChính phủ phê duyệt"
    )
    assert q.type_word == "Quyết định" and q.issuer == "Thủ tướng Chính phủ"


def test_nfd_input_and_spans_in_original_text() -> None:
    text = unicodedata.normalize("NFD", "Căn cứ Quyết định số 4655/QĐ-UBND ngày 08/12/2021.")
    c = one(text)
    assert c.symbol == "QĐ-UBND" and c.issued_on == date(2021, 12, 8)
    assert text[c.span[0] : c.span[1]] == c.raw and c.raw.startswith("Quy")


def test_missing_so_and_capitalisation() -> None:
    assert one("theo Nghị định 98/2021/NĐ-CP").number == "98"
    assert one("theo Chỉ thị 10/CT-UBND.").symbol == "CT-UBND"
    assert one("(Nghị Quyết số 02/2022/NQ-HĐND ngày 25/02/2022)").type_word == "Nghị Quyết"


def test_several_citations_in_a_list_and_in_parentheses() -> None:
    text = (
        "(Kèm theo Báo cáo số 180/BC-UBND ngày 21/7/2023 của UBND tỉnh; Thông báo số "
        "253/TB-VPUB ngày 12/8/2024 của Văn phòng UBND)"
    )
    cits = parse_citations(text)
    assert [c.number for c in cits] == ["180", "253"]
    assert [c.issuer for c in cits] == ["UBND tỉnh", "Văn phòng UBND"]
    two = parse_citations("theo 142/2009/QĐ-TTg và 49/2012/QĐ-TTg (A11)")  # P5
    assert [c.number_text for c in two] == ["142/2009/QĐ-TTg", "49/2012/QĐ-TTg"]


def test_blank_draft_number_in_header() -> None:
    c = one("Số: /SYT-VP\n\nNinh Thuận, ngày tháng năm 2024\n")
    assert c.number is None and c.symbol == "SYT-VP" and c.year == 2024


@pytest.mark.parametrize(
    "text",
    [
        "theo chuẩn quốc tế HL7-FHIR-SNOMED",  # seed 002
        "tiêu chuẩn TCVN ISO 9001:2008, 9001:2015",  # seed 003
        "các chỉ tiêu, nhiệm vụ của Đề án 06/CP",  # seed 001
        "dịch vụ công mức độ 3, 4",
        "xem https://vbpl.vn/12/abc-def và www.x.gov.vn/5/QĐ-UBND",
        "tỷ lệ 1/3 số hồ sơ; 24/7",
        "báo cáo quý I/2022 và Quý I/2022; quý III và IV/2022",
        "1.826 hồ sơ; 93,10%; 02 trường hợp; 04 lớp",
        "phòng, chống dịch covid-19; SARS-CoV-2",
        "ngày 12/8/2024; giai đoạn 2021-2025 và 2016 - 2020",
    ],
)
def test_false_friends_are_not_citations(text: str) -> None:
    assert parse_citations(text) == []


def test_parse_number_errors_are_typed() -> None:
    with pytest.raises(ParseError) as err:
        parse_number("15/QĐ-BNV và thêm")
    assert err.value.offset == 9
    for junk in ("", "abc", "1/3", "12/8/2024", "HL7-FHIR"):
        with pytest.raises(ParseError):
            parse_number(junk)


def test_validate_number_rules() -> None:
    # NĐ 30/2020 Phụ lục I II.3: leading zero, capitals, no spaces, ISSUER-UNIT for công văn.
    from cchc.documents import is_valid_number, validate_number
    from cchc.errors import ValidationError

    for good in (
        "05/KH-SYT",
        "107/2021/NĐ-CP",
        "05-NQ/TU",
        "12/UBND-VX",
        "80/2015/QH13",
        "19/2014/QĐ-TTg",
        "1819/QĐ-TTg",
    ):
        assert is_valid_number(good), good
    for bad in (
        "5/KH-SYT",
        "107/2021/NĐ",
        "86 /2025/TT-BCA",
        "07/2002/TTLT/BTC-BYT",
        "13/2020/tt-byt",
        "06/CP",
        "junk",
    ):
        assert not is_valid_number(bad), bad
    with pytest.raises(ValidationError, match="issuer part"):
        validate_number("107/2021/NĐ")


def test_joint_issuers_and_cong_van_word_with_typed_symbol() -> None:
    c = one(
        "Thông tư liên tịch số 05/2015/TTLT-BTP-BCA-BYT ngày 12/5/2015 của Bộ Tư pháp, "
        "Bộ Công an và Bộ Y tế hướng dẫn"
    )
    assert c.issuer == "Bộ Tư pháp, Bộ Công an và Bộ Y tế"
    assert c.issuer_code == "BTP-BCA-BYT" and c.subject == "hướng dẫn"
    # a công văn has no type group (Phụ lục I II.3.b), so "Công văn số 12/QĐ-UBND" contradicts
    assert "type_mismatch" in one("Công văn số 12/QĐ-UBND").defects
    assert "type_mismatch" not in one("văn bản số 12/QĐ-UBND").defects


def test_blank_number_in_a_body_citation() -> None:
    # documents.md §5.1 item 13 / NĐ 30/2020 Phụ lục I: a draft leaves the number blank; the
    # same blank in a body citation ("số /QĐ-UBND") is parsed with number None and flagged.
    from cchc.documents import lint

    for text in (
        "Căn cứ Quyết định số /QĐ-UBND ngày 3/4/2016.",
        "Căn cứ Quyết định số ....../QĐ-UBND ngày 3/4/2016 của UBND tỉnh.",
    ):
        (c,) = parse_citations(text)
        assert (c.number, c.symbol, c.issued_on) == (None, "QĐ-UBND", date(2016, 4, 3))
        assert "blank-number" in {f.code for f in lint(text)}
    assert parse_citations("Tổng số /KH trong năm") == []  # no type word, no full symbol


def test_line_break_after_the_hyphen_of_a_symbol() -> None:
    # documents.md §4 (line breaks inside a citation): "1291/QĐ-" ends a line, "UBND" starts
    # the next; the symbol and the date that follows are kept.
    text = "Quyết định số 1291/QĐ-\n   UBND ngày 16 tháng 6 năm 2017"
    (c,) = parse_citations(text)
    assert (c.symbol, c.issued_on, c.defects) == ("QĐ-UBND", date(2017, 6, 16), ())
    assert c.raw == text
    assert parse_citations("Quyết định số 1291/QĐ-\r\nUBND ngày 16/6/2017")[0].symbol == "QĐ-UBND"
    # A hyphen at a line end followed by a non-word keeps the symbol as it was.
    assert parse_citations("Quyết định số 12/QĐ-UBND-\n+ tiếp")[0].symbol == "QĐ-UBND"
    # Only an abbreviation in capitals continues it: "Kế hoạch" on the next line does not.
    text2 = "Quyết định số 12/QĐ-\nKế hoạch số 05/KH-SYT ngày 3/2/2022"
    assert [c.symbol for c in parse_citations(text2)] == ["QĐ", "KH-SYT"]


def test_number_zero_is_a_defect() -> None:
    # NĐ 30/2020/NĐ-CP Điều 15 khoản 1: numbers start at 01 on 1 January; "0" is no number.
    from cchc.documents import lint

    n = parse_number("0/KH-SYT")
    assert "zero_number" in n.defects and n.format() == "0/KH-SYT"
    assert "zero_number" in parse_number("00-NQ/TU").defects
    assert "zero_number" not in parse_number("01/KH-SYT").defects
    from cchc.documents import is_valid_number, validate_number
    from cchc.errors import ValidationError

    with pytest.raises(ValidationError, match="start at 01"):
        validate_number("0/KH-SYT")
    assert not is_valid_number("00/KH-SYT") and is_valid_number("01/KH-SYT")
    findings = lint("Kế hoạch số 0/KH-SYT ngày 3/2/2022 của Sở Y tế.")
    assert [f.code for f in findings if f.severity.value == "error"] == ["number-zero"]
