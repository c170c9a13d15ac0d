"""Document types and their abbreviations (tên loại văn bản, chữ viết tắt).

Administrative documents (văn bản hành chính) are the 29 types of
Nghị định 30/2020/NĐ-CP Điều 7; 27 of them have an abbreviation in Phụ lục III
Mục I, used as the first group of the symbol (``15/QĐ-BNV``). Công văn and thư
công have none: a công văn symbol is ``ISSUER-UNIT`` (``12/UBND-VX``). Copies
(bản sao) are SY, TrS and SL. Several abbreviations are mixed case (QyĐ, CTr,
TTr, TrS) and several contain ``Đ`` (U+0110), so a plain ``[A-Z]+`` misses them.

Legal normative documents (văn bản quy phạm pháp luật, VBQPPL) are listed in
Luật Ban hành VBQPPL 80/2015/QH13 Điều 4 and 64/2025/QH15 Điều 4; their number
is ``số/năm/TYPE-ISSUER`` (``107/2021/NĐ-CP``), or ``số/năm/QHk`` for laws and
resolutions of the Quốc hội (Luật 80/2015 Điều 10).

Lookups are case-insensitive and accept ``Ð`` (U+00D0) for ``Đ``::

    >>> type_for_abbreviation("QyĐ")
    <DocumentType.QUY_DINH: 'Quy định'>
    >>> type_for_abbreviation("qđ").abbreviation
    'QĐ'
    >>> type_for_abbreviation("TTr").name
    'TO_TRINH'
    >>> type_for_abbreviation("TT").name
    'THONG_TU'
    >>> type_for_name("nghị  Quyết")
    <DocumentType.NGHI_QUYET: 'Nghị quyết'>
    >>> DocumentType.CONG_VAN.abbreviation is None
    True
"""

from __future__ import annotations

import enum
import functools

from cchc.legal import source_aliases

__all__ = [
    "ADMINISTRATIVE_TYPES",
    "NORMATIVE_ISSUERS",
    "NORMATIVE_TYPES",
    "PARTY_TYPE_ABBREVIATIONS",
    "DocumentType",
    "type_for_abbreviation",
    "type_for_name",
]

__getattr__ = source_aliases(
    __name__,
    {
        "ND_30_2020": "ND30-2020",
        "ND_30_2020_PL3": "ND30-2020-PL3",
        "LUAT_80_2015": "LUAT80-2015",
        "LUAT_64_2025": "LUAT64-2025",
    },
)
"""The texts behind the type registry, as lazy aliases of their registry rows:
``ND_30_2020`` (Nghị định 30/2020/NĐ-CP Điều 7, read in the Pháp điển),
``ND_30_2020_PL3`` (its Phụ lục III, read in a secondary copy), ``LUAT_80_2015`` and
``LUAT_64_2025`` (Luật Ban hành VBQPPL, Điều 4)."""


class DocumentType(enum.StrEnum):
    """A document type (tên loại văn bản); the value is the Vietnamese name."""

    NGHI_QUYET = "Nghị quyết"
    QUYET_DINH = "Quyết định"
    CHI_THI = "Chỉ thị"
    QUY_CHE = "Quy chế"
    QUY_DINH = "Quy định"
    THONG_CAO = "Thông cáo"
    THONG_BAO = "Thông báo"
    HUONG_DAN = "Hướng dẫn"
    CHUONG_TRINH = "Chương trình"
    KE_HOACH = "Kế hoạch"
    PHUONG_AN = "Phương án"
    DE_AN = "Đề án"
    DU_AN = "Dự án"
    BAO_CAO = "Báo cáo"
    BIEN_BAN = "Biên bản"
    TO_TRINH = "Tờ trình"
    HOP_DONG = "Hợp đồng"
    CONG_VAN = "Công văn"
    CONG_DIEN = "Công điện"
    BAN_GHI_NHO = "Bản ghi nhớ"
    BAN_THOA_THUAN = "Bản thỏa thuận"
    GIAY_UY_QUYEN = "Giấy ủy quyền"
    GIAY_MOI = "Giấy mời"
    GIAY_GIOI_THIEU = "Giấy giới thiệu"
    GIAY_NGHI_PHEP = "Giấy nghỉ phép"
    PHIEU_GUI = "Phiếu gửi"
    PHIEU_CHUYEN = "Phiếu chuyển"
    PHIEU_BAO = "Phiếu báo"
    THU_CONG = "Thư công"
    BAN_SAO_Y = "Bản sao y"
    BAN_TRICH_SAO = "Bản trích sao"
    BAN_SAO_LUC = "Bản sao lục"
    # Legal normative documents (VBQPPL), Luật 80/2015 and 64/2025 Điều 4.
    HIEN_PHAP = "Hiến pháp"
    BO_LUAT = "Bộ luật"
    LUAT = "Luật"
    PHAP_LENH = "Pháp lệnh"
    LENH = "Lệnh"
    NGHI_DINH = "Nghị định"
    THONG_TU = "Thông tư"
    THONG_TU_LIEN_TICH = "Thông tư liên tịch"
    NGHI_QUYET_LIEN_TICH = "Nghị quyết liên tịch"
    # Party documents (văn bản của Đảng) use their own type "Kết luận".
    KET_LUAN = "Kết luận"
    # Consolidated text (văn bản hợp nhất), e.g. 54/VBHN-VPQH.
    VAN_BAN_HOP_NHAT = "Văn bản hợp nhất"

    @property
    def abbreviation(self) -> str | None:
        """The abbreviation used in symbols, or ``None`` (công văn, thư công...)."""
        return _ABBREVIATION.get(self)

    @property
    def is_normative_only(self) -> bool:
        """Whether this type exists only as a VBQPPL (nghị định, thông tư, luật...)."""
        return self in NORMATIVE_TYPES and self not in ADMINISTRATIVE_TYPES


_ABBREVIATION: dict[DocumentType, str] = {
    DocumentType.NGHI_QUYET: "NQ",
    DocumentType.QUYET_DINH: "QĐ",
    DocumentType.CHI_THI: "CT",
    DocumentType.QUY_CHE: "QC",
    DocumentType.QUY_DINH: "QyĐ",
    DocumentType.THONG_CAO: "TC",
    DocumentType.THONG_BAO: "TB",
    DocumentType.HUONG_DAN: "HD",
    DocumentType.CHUONG_TRINH: "CTr",
    DocumentType.KE_HOACH: "KH",
    DocumentType.PHUONG_AN: "PA",
    DocumentType.DE_AN: "ĐA",
    DocumentType.DU_AN: "DA",
    DocumentType.BAO_CAO: "BC",
    DocumentType.BIEN_BAN: "BB",
    DocumentType.TO_TRINH: "TTr",
    DocumentType.HOP_DONG: "HĐ",
    DocumentType.CONG_DIEN: "CĐ",
    DocumentType.BAN_GHI_NHO: "BGN",
    DocumentType.BAN_THOA_THUAN: "BTT",
    DocumentType.GIAY_UY_QUYEN: "GUQ",
    DocumentType.GIAY_MOI: "GM",
    DocumentType.GIAY_GIOI_THIEU: "GGT",
    DocumentType.GIAY_NGHI_PHEP: "GNP",
    DocumentType.PHIEU_GUI: "PG",
    DocumentType.PHIEU_CHUYEN: "PC",
    DocumentType.PHIEU_BAO: "PB",
    DocumentType.BAN_SAO_Y: "SY",
    DocumentType.BAN_TRICH_SAO: "TrS",
    DocumentType.BAN_SAO_LUC: "SL",
    DocumentType.NGHI_DINH: "NĐ",
    DocumentType.THONG_TU: "TT",
    DocumentType.THONG_TU_LIEN_TICH: "TTLT",
    DocumentType.NGHI_QUYET_LIEN_TICH: "NQLT",
    DocumentType.LENH: "L",
    DocumentType.KET_LUAN: "KL",
    DocumentType.VAN_BAN_HOP_NHAT: "VBHN",
}

ADMINISTRATIVE_TYPES: frozenset[DocumentType] = frozenset(
    t
    for t in DocumentType
    if t.name
    not in {
        "HIEN_PHAP",
        "BO_LUAT",
        "LUAT",
        "PHAP_LENH",
        "LENH",
        "NGHI_DINH",
        "THONG_TU",
        "THONG_TU_LIEN_TICH",
        "NGHI_QUYET_LIEN_TICH",
        "KET_LUAN",
        "VAN_BAN_HOP_NHAT",
    }
)
"""The 29 types of NĐ 30/2020 Điều 7 plus the three kinds of copy (Phụ lục III)."""

NORMATIVE_TYPES: frozenset[DocumentType] = frozenset(
    {
        DocumentType.HIEN_PHAP,
        DocumentType.BO_LUAT,
        DocumentType.LUAT,
        DocumentType.NGHI_QUYET,
        DocumentType.PHAP_LENH,
        DocumentType.LENH,
        DocumentType.QUYET_DINH,
        DocumentType.NGHI_DINH,
        DocumentType.THONG_TU,
        DocumentType.THONG_TU_LIEN_TICH,
        DocumentType.NGHI_QUYET_LIEN_TICH,
        DocumentType.CHI_THI,
    }
)
"""Types that can be VBQPPL (Luật 80/2015 and 64/2025 Điều 4). Chỉ thị was a VBQPPL
type before Luật 80/2015 (e.g. 30/2014/CT-UBND in seed 003)."""

NORMATIVE_ISSUERS: tuple[tuple[str, tuple[DocumentType, ...], str], ...] = (
    (
        "Quốc hội",
        (DocumentType.HIEN_PHAP, DocumentType.BO_LUAT, DocumentType.LUAT, DocumentType.NGHI_QUYET),
        "QH<khóa>",
    ),
    (
        "Ủy ban Thường vụ Quốc hội",
        (DocumentType.PHAP_LENH, DocumentType.NGHI_QUYET, DocumentType.NGHI_QUYET_LIEN_TICH),
        "UBTVQH<khóa>",
    ),
    ("Chủ tịch nước", (DocumentType.LENH, DocumentType.QUYET_DINH), "CTN"),
    (
        "Chính phủ",
        (DocumentType.NGHI_DINH, DocumentType.NGHI_QUYET, DocumentType.NGHI_QUYET_LIEN_TICH),
        "CP",
    ),
    ("Thủ tướng Chính phủ", (DocumentType.QUYET_DINH,), "TTg"),
    ("Hội đồng Thẩm phán Tòa án nhân dân tối cao", (DocumentType.NGHI_QUYET,), "HĐTP"),
    ("Chánh án Tòa án nhân dân tối cao", (DocumentType.THONG_TU,), "TANDTC"),
    ("Viện trưởng Viện kiểm sát nhân dân tối cao", (DocumentType.THONG_TU,), "VKSNDTC"),
    ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", (DocumentType.THONG_TU,), "B..."),
    ("Tổng Kiểm toán nhà nước", (DocumentType.QUYET_DINH, DocumentType.THONG_TU), "KTNN"),
    ("Liên tịch (several heads)", (DocumentType.THONG_TU_LIEN_TICH,), "TTLT-B...-B..."),
    ("Hội đồng nhân dân", (DocumentType.NGHI_QUYET,), "HĐND"),
    ("Ủy ban nhân dân", (DocumentType.QUYET_DINH,), "UBND"),
)
"""Issuers of VBQPPL with the types they issue and their symbol (Điều 4 of both laws): the
Tổng Kiểm toán nhà nước issued quyết định under Luật 80/2015 and issues thông tư under Luật
64/2025 Điều 4 khoản 8 ("thông tư của Tổng Kiểm toán nhà nước", read in the consolidated text
54/VBHN-VPQH, row ``LUAT64-2025``). The TANDTC/VKSNDTC/KTNN symbol forms are UNCONFIRMED
(documents.md §2.2)."""

PARTY_TYPE_ABBREVIATIONS: frozenset[str] = frozenset(
    {"NQ", "CT", "KL", "QĐ", "QĐI", "HD", "TB", "BC", "KH", "CTR", "QC", "TTR", "ĐA"}
)
"""Upper-cased type codes accepted in Party numbers ``05-NQ/TU`` (Party rule UNCONFIRMED)."""


def _key(text: str) -> str:
    return text.replace("\u00d0", "Đ").replace("\u00f0", "đ").casefold()


_BY_ABBREVIATION: dict[str, DocumentType] = {_key(a): t for t, a in _ABBREVIATION.items()}
_BY_NAME: dict[str, DocumentType] = {_key(t.value): t for t in DocumentType}
_BY_NAME[_key("Giấy uỷ quyền")] = DocumentType.GIAY_UY_QUYEN
_BY_NAME[_key("Bản thoả thuận")] = DocumentType.BAN_THOA_THUAN


@functools.lru_cache(maxsize=4096)
def type_for_abbreviation(abbreviation: str) -> DocumentType | None:
    """The type whose abbreviation is ``abbreviation`` (case-insensitive), else ``None``."""
    return _BY_ABBREVIATION.get(_key(abbreviation))


def type_for_name(name: str) -> DocumentType | None:
    """The type named ``name`` ("Quyết định", "nghị  quyết"...), else ``None``."""
    return _BY_NAME.get(_key(" ".join(name.split())))
