"""Issuer and unit abbreviations used in document symbols (chữ viết tắt cơ quan ban hành).

Each body sets its own abbreviations (NĐ 30/2020/NĐ-CP Phụ lục I II.3.b), so
this is a table of the common ones seen in the law, the seeds and other
projects (documents.md §3.1), not a closed list. Ministries are versioned:
Nghị quyết 176/2025/QH15 reorganised the Government into 14 ministries from
1/3/2025; which old ministry went where is **UNCONFIRMED** (inferred from the
names), so those links are marked ``verified=False``.

    >>> issuer("ttg").name
    'Thủ tướng Chính phủ'
    >>> issuer("QH15").name
    'Quốc hội khóa XV'
    >>> issuer("UBTVQH14").kind
    <IssuerKind.CENTRAL: 'central'>
    >>> issuer("SYT").name
    'Sở Y tế'
    >>> issuer("XYZ") is None
    True
    >>> canonical_abbreviation("hđnd")
    'HĐND'
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

__all__ = ["ISSUERS", "Issuer", "IssuerKind", "canonical_abbreviation", "issuer"]

_MINISTRY_REFORM = date(2025, 3, 1)


class IssuerKind(enum.StrEnum):
    """Kind of issuing body."""

    CENTRAL = "central"
    """Quốc hội, Chính phủ, Thủ tướng, Chủ tịch nước and their offices."""
    MINISTRY = "ministry"
    """Bộ or cơ quan ngang bộ."""
    JUDICIAL = "judicial"
    """Tòa án, Viện kiểm sát, Kiểm toán nhà nước."""
    LOCAL = "local"
    """Local government: HĐND, UBND and their offices (any level)."""
    DEPARTMENT = "department"
    """Sở (a department of a provincial UBND)."""
    PARTY = "party"
    """Party bodies (Trung ương, Tỉnh ủy/Thành ủy)."""
    UNIT = "unit"
    """An internal unit (phòng, văn phòng) that appears after the issuer in công văn symbols."""


@attrs.frozen
class Issuer:
    """An issuer abbreviation and what it stands for."""

    abbreviation: str
    name: str
    kind: IssuerKind
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    verified: bool = True
    """``False`` when the abbreviation or the successor link is UNCONFIRMED."""


_M = IssuerKind.MINISTRY
ISSUERS: tuple[Issuer, ...] = (
    Issuer("QH", "Quốc hội", IssuerKind.CENTRAL),
    Issuer("UBTVQH", "Ủy ban Thường vụ Quốc hội", IssuerKind.CENTRAL),
    Issuer("CTN", "Chủ tịch nước", IssuerKind.CENTRAL),
    Issuer("CP", "Chính phủ", IssuerKind.CENTRAL),
    Issuer("TTg", "Thủ tướng Chính phủ", IssuerKind.CENTRAL),
    Issuer("VPCP", "Văn phòng Chính phủ", IssuerKind.CENTRAL),
    Issuer("VPQH", "Văn phòng Quốc hội", IssuerKind.CENTRAL),
    Issuer("BNV", "Bộ Nội vụ", _M),
    Issuer("BYT", "Bộ Y tế", _M),
    Issuer("BTC", "Bộ Tài chính", _M),
    Issuer("BCA", "Bộ Công an", _M),
    Issuer("BQP", "Bộ Quốc phòng", _M),
    Issuer("BTP", "Bộ Tư pháp", _M),
    Issuer("BCT", "Bộ Công Thương", _M),
    Issuer("BGDĐT", "Bộ Giáo dục và Đào tạo", _M),
    Issuer("BXD", "Bộ Xây dựng", _M),
    Issuer("BKHCN", "Bộ Khoa học và Công nghệ", _M),
    Issuer("BNG", "Bộ Ngoại giao", _M),
    Issuer("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", _M),
    Issuer("NHNN", "Ngân hàng Nhà nước Việt Nam", _M),
    Issuer("TTCP", "Thanh tra Chính phủ", _M),
    Issuer("BNNMT", "Bộ Nông nghiệp và Môi trường", _M, _MINISTRY_REFORM, verified=False),
    Issuer(
        "BLĐTBXH",
        "Bộ Lao động - Thương binh và Xã hội",
        _M,
        None,
        _MINISTRY_REFORM,
        "BNV",
        verified=False,
    ),
    Issuer("BKHĐT", "Bộ Kế hoạch và Đầu tư", _M, None, _MINISTRY_REFORM, "BTC", False),
    Issuer("BTNMT", "Bộ Tài nguyên và Môi trường", _M, None, _MINISTRY_REFORM, "BNNMT", False),
    Issuer(
        "BNNPTNT",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        _M,
        None,
        _MINISTRY_REFORM,
        "BNNMT",
        False,
    ),
    Issuer("BGTVT", "Bộ Giao thông vận tải", _M, None, _MINISTRY_REFORM, "BXD", False),
    Issuer("BTTTT", "Bộ Thông tin và Truyền thông", _M, None, _MINISTRY_REFORM, "BKHCN", False),
    Issuer("HĐTP", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", IssuerKind.JUDICIAL),
    Issuer("TANDTC", "Tòa án nhân dân tối cao", IssuerKind.JUDICIAL, verified=False),
    Issuer("VKSNDTC", "Viện kiểm sát nhân dân tối cao", IssuerKind.JUDICIAL, verified=False),
    Issuer("KTNN", "Kiểm toán nhà nước", IssuerKind.JUDICIAL, verified=False),
    Issuer("HĐND", "Hội đồng nhân dân", IssuerKind.LOCAL),
    Issuer("UBND", "Ủy ban nhân dân", IssuerKind.LOCAL),
    Issuer("VPUB", "Văn phòng Ủy ban nhân dân", IssuerKind.LOCAL),
    Issuer("SYT", "Sở Y tế", IssuerKind.DEPARTMENT),
    Issuer("SNV", "Sở Nội vụ", IssuerKind.DEPARTMENT),
    Issuer("STC", "Sở Tài chính", IssuerKind.DEPARTMENT, verified=False),
    Issuer("STP", "Sở Tư pháp", IssuerKind.DEPARTMENT, verified=False),
    Issuer("TW", "Ban Chấp hành Trung ương Đảng / Bộ Chính trị", IssuerKind.PARTY),
    Issuer("TU", "Tỉnh ủy / Thành ủy", IssuerKind.PARTY),
    Issuer("BCĐ", "Ban Chỉ đạo", IssuerKind.LOCAL, verified=False),
    Issuer("VP", "Văn phòng", IssuerKind.UNIT),
    Issuer("NV", "phòng Nghiệp vụ", IssuerKind.UNIT),
    Issuer("KHTC", "phòng Kế hoạch - Tài chính", IssuerKind.UNIT),
    Issuer("PC", "Pháp chế", IssuerKind.UNIT),
    Issuer("VX", "Văn xã", IssuerKind.UNIT),
    Issuer("CCHC&VTLT", "Cải cách hành chính và Văn thư - Lưu trữ", IssuerKind.UNIT),
)
"""Known abbreviations (documents.md §3.1; admin_units.md §5)."""

_BY_KEY: dict[str, Issuer] = {i.abbreviation.casefold(): i for i in ISSUERS}
_ROMAN = {13: "XIII", 14: "XIV", 15: "XV", 16: "XVI"}


def issuer(abbreviation: str) -> Issuer | None:
    """The issuer for ``abbreviation`` (case-insensitive); ``QH15``/``UBTVQH14`` name the term."""
    key = abbreviation.replace("\u00d0", "Đ").casefold()
    found = _BY_KEY.get(key)
    if found is not None:
        return found
    for prefix in ("ubtvqh", "qh"):
        rest = key[len(prefix) :]
        if key.startswith(prefix) and rest.isdigit():
            base = _BY_KEY[prefix]
            term = _ROMAN.get(int(rest), rest)
            return attrs.evolve(
                base, abbreviation=abbreviation.upper(), name=f"{base.name} khóa {term}"
            )
    return None


def canonical_abbreviation(abbreviation: str) -> str:
    """The usual spelling of an abbreviation (``ttg`` → ``TTg``); unknown ones upper-cased."""
    found = issuer(abbreviation)
    if found is not None:
        return found.abbreviation
    return abbreviation.replace("\u00d0", "Đ").upper()
