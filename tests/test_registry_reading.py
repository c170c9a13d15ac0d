"""How each registry source was read (cchc/data/sources.csv, column ``verification``).

Counts by reading status, measured 04/12/2026 after the issue-19 pass: 22 original (8 before),
70 secondary, 7 conventions, 0 derived. A row is ``original`` only when the official text (or
the official codification, Pháp điển) was read; the words checked are quoted below and must
appear in the row's note, so that a note cannot drift from what was read.
"""

from __future__ import annotations

import collections

import pytest

from cchc.documents.types import ADMINISTRATIVE_TYPES
from cchc.legal import Verification, sources

PHAP_DIEN = "diepxuan/diepxuan.github.io"

CHECKED_WORDS = {
    # Bộ luật Lao động 2019, Điều 111 khoản 3 (Pháp điển Điều 20.2.LQ.111).
    "BLLD2019": "người lao động được nghỉ bù ngày nghỉ hằng tuần vào ngày làm việc kế tiếp",
    # Bộ luật Dân sự 2015, Điều 147 khoản 2 and Điều 148 khoản 3, 5, 6 (Điều 9.1.LQ.147-148).
    "BLDS2015-147": "ngày đầu tiên của thời hạn không được tính",
    "BLDS2015-148": "thời hạn kết thúc tại thời điểm kết thúc ngày làm việc tiếp theo ngày nghỉ đó",
    "BLDS2015-148-3": "thời hạn kết thúc vào ngày cuối cùng của tháng đó",
    "BLDS2015-148-6": "vào lúc hai mươi tư giờ của ngày đó",
    # Thông tư 01/2018/TT-VPCP Điều 13 khoản 1 (Điều 3.3.TT.34.13).
    "TT01-2018": "Điểm 2 khi tổng thời gian ngắn hơn so với quy định",
    # Nghị định 30/2020/NĐ-CP Điều 7 (Điều 42.1.NĐ.7).
    "ND30-2020": "Văn bản hành chính gồm các loại văn bản sau",
    # Nghị định 43/2011/NĐ-CP Điều 3 khoản 4 điểm d.
    "ND43-2011": "cho phép người sử dụng thanh toán lệ phí (nếu có) được thực hiện trực tuyến",
    # Nghị định 224/2026/NĐ-CP Điều 90 khoản 1 and Điều 14.
    "ND224-2026": "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026",
    # Luật 64/2025/QH15 Điều 7 khoản 3 (consolidated text 54/VBHN-VPQH).
    "LUAT64-2025": "phải đánh số, ký hiệu bảo đảm thể hiện rõ số thứ tự liên tục, năm ban hành",
    # Nghị quyết 1656/NQ-UBTVQH15 Điều 1 (Hà Nội).
    "NQ1656-2025": "có 126 đơn vị hành chính cấp xã, gồm 51 phường và 75 xã",
}


def _by_status() -> collections.Counter[Verification]:
    return collections.Counter(s.verification for s in sources().values())


def test_counts_by_reading_status() -> None:
    counts = _by_status()
    assert counts[Verification.ORIGINAL] >= 22
    assert sum(counts.values()) == len(sources())


def test_every_derived_row_names_an_original_row_it_rests_on() -> None:
    # A derived reading (e.g. CONV-DAY-8H: 8 hours a day from QĐ 188/1999's 40-hour week)
    # must name a registry row read in the original.
    rows = sources()
    originals = {k for k, s in rows.items() if s.verification is Verification.ORIGINAL}
    for key, src in rows.items():
        if src.verification is Verification.DERIVED:
            assert any(o in (src.note or "") for o in originals), key


def test_every_original_row_says_where_it_was_read() -> None:
    for key, src in sources().items():
        if src.verification is Verification.ORIGINAL:
            note = src.note or ""
            assert any(w in note for w in ("GitHub", ".vn", ".com", "seed", "p.75", PHAP_DIEN)), key


@pytest.mark.parametrize(("key", "words"), sorted(CHECKED_WORDS.items()))
def test_checked_words_are_in_the_note(key: str, words: str) -> None:
    src = sources()[key]
    assert src.verification is Verification.ORIGINAL
    assert words in (src.note or "")


def test_codification_rows_name_the_mirror() -> None:
    for key in ("BLLD2019", "BLDS2015-147", "BLDS2015-148", "TT01-2018", "ND30-2020", "ND43-2011"):
        assert PHAP_DIEN in (sources()[key].note or ""), key


def test_nd30_article_7_lists_the_29_types_cchc_knows() -> None:
    # The Pháp điển text of Điều 7 lists 29 types, ending with "thư công"; cchc adds the
    # three kinds of copy (bản sao y, sao lục, trích sao) of Phụ lục III.
    copies = {t for t in ADMINISTRATIVE_TYPES if t.name.startswith(("BAN_SAO", "BAN_TRICH"))}
    assert len(copies) == 3
    assert len(ADMINISTRATIVE_TYPES - copies) == 29
    assert "thư công" in (sources()["ND30-2020"].note or "")


def test_state_audit_issues_circulars_under_luat_64_2025() -> None:
    # Luật 64/2025/QH15 Điều 4 khoản 8 (54/VBHN-VPQH): "thông tư của Tổng Kiểm toán nhà nước".
    from cchc.documents.types import NORMATIVE_ISSUERS, DocumentType

    ktnn = next(types for name, types, _ in NORMATIVE_ISSUERS if name == "Tổng Kiểm toán nhà nước")
    assert DocumentType.THONG_TU in ktnn
