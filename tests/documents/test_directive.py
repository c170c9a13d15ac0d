"""DirectiveDocument on the seeds (components of NĐ 30/2020 Điều 8 / Phụ lục I)."""

from __future__ import annotations

from datetime import date

from cchc.documents import DirectiveDocument, DocumentType

from .conftest import seed


def test_draft_cong_van_seed_001() -> None:
    # documents.md §5.1 item 13: number blank, date "ngày tháng năm 2024".
    doc = DirectiveDocument.from_text(seed("001"))
    assert doc.is_draft and doc.number is None and doc.symbol == "SYT-VP"
    assert (doc.place, doc.date_year, doc.issued_on) == ("Ninh Thuận", 2024, None)
    assert doc.doc_type is DocumentType.CONG_VAN
    assert doc.subject is not None and doc.subject.startswith("Tiếp tục tăng cường")
    assert doc.recipients == ["Các phòng chức năng của Sở;", "Các đơn vị trực thuộc."]
    assert doc.distribution[-1] == "Lưu: VT, VP."
    assert (doc.signer_title, doc.signer_name) == ("GIÁM ĐỐC", "Lê Vũ Chương")
    assert doc.body.startswith("Tiếp nhận Thông báo số 253/TB-VPUB")


def test_plan_seed_003_header_split_over_lines() -> None:
    doc = DirectiveDocument.from_text(seed("003"))
    assert not doc.is_draft
    assert (doc.parent_issuer, doc.issuer) == ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ Y TẾ")
    assert (doc.number, doc.symbol) == ("5601", "KH-SYT")
    assert (doc.place, doc.issued_on) == ("Thành phố Hồ Chí Minh", date(2017, 6, 16))
    assert doc.doc_type is DocumentType.KE_HOACH
    assert doc.subject == "CẢI CÁCH HÀNH CHÍNH CỦA NGÀNH Y TẾ GIAI ĐOẠN 2016 - 2020"
    assert doc.distribution[0] == "Ban Chỉ đạo CCHC thành phố;"


def test_report_without_number_seed_002() -> None:
    doc = DirectiveDocument.from_text(seed("002"))
    assert not doc.has_number_line and doc.issued_on is None and not doc.is_draft
    assert doc.doc_type is DocumentType.BAO_CAO
    assert doc.subject == "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÍ I NĂM 2022"
    assert DirectiveDocument.model_json_schema()["properties"]["signing_prefix"]


def test_empty_text() -> None:
    doc = DirectiveDocument.from_text("")
    assert doc.number is None and doc.body == "" and not doc.is_draft


def test_urgency_and_secrecy_marks() -> None:
    # NĐ 30/2020 Điều 8.3 / Phụ lục I: ô 10a (độ mật) and ô 10b (mức độ khẩn).
    doc = DirectiveDocument.from_text("SỞ Y TẾ\nSố: 12/SYT-VP\nMẬT\nHỎA TỐC\nNội dung")
    assert (doc.secrecy, doc.urgency) == ("MẬT", "HỎA TỐC")
    assert DirectiveDocument.from_text(seed("003")).urgency is None
