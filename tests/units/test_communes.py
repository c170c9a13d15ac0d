"""Commune-level units after 1/7/2025 (cchc.units.communes).

Oracles, each read in a transcription of the official text:
- Công văn 1027/CTK-CSCL Phụ lục I (registry CV1027-2025-CTK): 3,321 communes, 5-digit codes,
  e.g. 00004 Phường Ba Đình (Hà Nội), 26740 Phường Sài Gòn (TP Hồ Chí Minh).
- NQ 1656/NQ-UBTVQH15 (Hà Nội) Điều 1: Phường Ba Đình from the whole of Quán Thánh and Trúc
  Bạch and parts of Cửa Nam, Điện Biên, Đội Cấn, Kim Mã, Ngọc Hà, Thụy Khuê, Cửa Đông and Đồng
  Xuân; "126 đơn vị hành chính cấp xã, gồm 51 phường và 75 xã".
- NQ 1685/NQ-UBTVQH15 (TP Hồ Chí Minh) Điều 1: Phường Sài Gòn from the whole of Bến Nghé and
  parts of Đa Kao and Nguyễn Thái Bình; "168 đơn vị hành chính cấp xã, gồm 113 phường, 54 xã
  và 01 đặc khu".
- NQ 1654/NQ-UBTVQH15 (An Giang) Điều 1: thị trấn Vĩnh Bình, xã Tân Phú and xã Vĩnh An became
  xã Vĩnh An.
"""

from __future__ import annotations

import collections
from datetime import date, datetime

import pytest

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.legal import Verification, source
from cchc.tz import VN_TZ
from cchc.units import (
    CommuneKind,
    commune,
    commune_predecessors,
    commune_successors,
    communes,
    former_commune,
    lookup,
    provinces,
    successor,
)
from cchc.units.communes import _former

DAY = date(2025, 7, 1)


def test_count_and_codes() -> None:
    all_ = communes(DAY)
    assert len(all_) == 3321
    assert len({c.code for c in all_}) == 3321
    assert all(len(c.code) == 5 and c.code.isdigit() for c in all_)
    # Every commune lies in one of the 34 provinces, and every province has communes.
    assert {c.province_code for c in all_} == {p.code for p in provinces(DAY)}


@pytest.mark.parametrize(
    ("province", "total", "kinds"),
    [
        ("Hà Nội", 126, {CommuneKind.PHUONG: 51, CommuneKind.XA: 75}),
        ("Hồ Chí Minh", 168, {CommuneKind.PHUONG: 113, CommuneKind.XA: 54, CommuneKind.DAC_KHU: 1}),
    ],
)
def test_counts_per_resolution(province: str, total: int, kinds: dict[CommuneKind, int]) -> None:
    found = communes(date(2026, 12, 4), province=province)
    assert len(found) == total
    assert collections.Counter(c.kind for c in found) == kinds


def test_lookup_by_new_name_and_code() -> None:
    ba_dinh = commune("Phường Ba Đình", on=DAY)
    assert (ba_dinh.code, ba_dinh.province_code) == ("00004", "01")
    assert commune("00004", on=DAY) == ba_dinh
    assert commune("4", on=DAY) == ba_dinh
    assert commune("phuong ba dinh", on=DAY) == ba_dinh
    assert commune("Ba Đình", province="01", on=DAY) == ba_dinh
    saigon = commune("Sài Gòn", province="TP.HCM", on=datetime(2026, 1, 5, 9, tzinfo=VN_TZ))
    assert (saigon.name, saigon.kind) == ("Phường Sài Gòn", CommuneKind.PHUONG)
    assert "CV1027-2025-CTK" in saigon.sources and "NQ1685-2025" in saigon.sources


def test_whole_transfers_of_the_resolutions() -> None:
    for old in ("Phường Quán Thánh", "Phường Trúc Bạch"):
        assert [c.name for c in commune_successors(old, province="Hà Nội")] == ["Phường Ba Đình"]
    assert [c.name for c in commune_successors("Bến Nghé", province="Hồ Chí Minh")] == [
        "Phường Sài Gòn"
    ]
    assert [c.code for c in commune_successors("30622")] == ["30604"]  # NQ 1654 (corrected)


def test_partial_transfers_include_the_new_commune() -> None:
    parts = ("Cửa Nam", "Điện Biên", "Đội Cấn", "Kim Mã", "Ngọc Hà", "Thụy Khuê", "Cửa Đông")
    for old in (*parts, "Đồng Xuân"):
        names = [c.name for c in commune_successors(f"Phường {old}", province="Hà Nội")]
        assert "Phường Ba Đình" in names, old
    for old in ("Đa Kao", "Nguyễn Thái Bình"):
        names = [c.name for c in commune_successors(old, province="Hồ Chí Minh")]
        assert "Phường Sài Gòn" in names
    formed = {f.name for f in commune_predecessors("Ba Đình", province="Hà Nội")}
    assert {"Phường Quán Thánh", "Phường Trúc Bạch", "Phường Kim Mã"} <= formed


def test_every_former_commune_stays_in_its_merged_province() -> None:
    # Regression over all 10,047 former communes: a commune goes into communes of the province
    # its old province merged into (NQ 202/2025/QH15), never elsewhere.
    formers = _former()
    assert len(formers) == 10047
    by_code = {c.code: c for c in communes(DAY)}
    heirs = {p.code: successor(p.code).code for p in provinces(date(2025, 6, 30))}
    for f in formers:
        assert f.successor_codes, f.code
        assert {by_code[c].province_code for c in f.successor_codes} == {heirs[f.province_code]}


def test_former_name_after_the_date_names_the_successor() -> None:
    with pytest.raises(ValidationError, match=r"no longer exists on 2025-07-01.*Phường Ba Đình"):
        commune("Phường Trúc Bạch", on=DAY)
    with pytest.raises(ValidationError, match="unknown commune"):
        commune("Phường Không Có", on=DAY)


def test_ambiguous_names_need_a_province() -> None:
    with pytest.raises(ValidationError, match="several communes"):
        commune("Xã Tân Phú", on=DAY)
    assert commune("Xã Tân Phú", province="Đồng Nai", on=DAY).code == "26116"
    with pytest.raises(ValidationError, match="several former communes"):
        former_commune("Xã Tân Phú")
    assert former_commune("Xã Tân Phú", province="An Giang").code == "30622"


def test_before_the_reform_is_not_covered() -> None:
    with pytest.raises(RuleNotInForceError, match="2025-07-01 onwards"):
        communes(date(2025, 6, 30))
    with pytest.raises(RuleNotInForceError):
        commune("Phường Ba Đình", on=date(2025, 6, 30))


def test_special_zones_have_no_former_commune() -> None:
    # The 13 đặc khu: five (former island districts without communes) have no predecessor.
    zones = [c for c in communes(DAY) if c.kind is CommuneKind.DAC_KHU]
    assert len(zones) == 13
    assert commune_predecessors("Đặc khu Côn Đảo") == ()
    assert lookup("79", on=DAY).name == "Thành phố Hồ Chí Minh"


def test_sources_and_reading_status() -> None:
    assert source("CV1027-2025-CTK").verification is Verification.ORIGINAL
    assert source("DVHCVN-2025-MAP").verification is Verification.SECONDARY
    assert former_commune("00004").sources == ("DVHCVN-2025-MAP",)
