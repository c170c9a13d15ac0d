"""Provinces before/after 1/7/2025 and issuer abbreviations.

Oracles: admin_units.md §2-§4 (NQ 202/2025/QH15 as reported by vnexpress.net and
nld.com.vn on 12/6/2025; codes per QĐ 19/2025/QĐ-TTg transcriptions; pre-2025
codes of the national list) and documents.md §3.1.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cchc.errors import NaiveDatetimeError, RuleNotInForceError, ValidationError
from cchc.units import (
    REORGANISATION_DATE,
    TABLE_START,
    IssuerKind,
    canonical_abbreviation,
    issuer,
    lookup,
    predecessors,
    provinces,
    successor,
)

BEFORE, AFTER = date(2025, 6, 30), date(2025, 7, 1)


def test_counts_63_then_34() -> None:
    assert len(provinces(BEFORE)) == 63
    after = provinces(AFTER)
    assert len(after) == 34
    assert sum(p.kind.name == "THANH_PHO" for p in after) == 6  # 28 tỉnh + 6 thành phố
    assert sum(len(p.predecessor_codes) > 1 for p in after) == 23  # 23 merged, 11 unchanged
    assert REORGANISATION_DATE == AFTER


@pytest.mark.parametrize(
    ("old", "old_code", "new", "new_code"),
    [
        ("Ninh Thuận", "58", "Tỉnh Khánh Hòa", "56"),  # seed 001
        ("Bà Rịa - Vũng Tàu", "77", "Thành phố Hồ Chí Minh", "79"),  # seed 002
        ("Đồng Tháp", "87", "Tỉnh Đồng Tháp", "82"),  # seed 000: same name, new code
        ("Hà Nội", "01", "Thành phố Hà Nội", "01"),  # seed 004
        ("Yên Bái", "15", "Tỉnh Lào Cai", "15"),
        ("Long An", "80", "Tỉnh Tây Ninh", "80"),
        ("Thừa Thiên Huế", "46", "Thành phố Huế", "46"),
    ],
)
def test_merges_and_codes(old: str, old_code: str, new: str, new_code: str) -> None:
    assert lookup(old, on=BEFORE).code == old_code
    heir = successor(old)
    assert (heir.name, heir.code) == (new, new_code)
    assert old_code in heir.predecessor_codes


def test_codes_are_versioned_by_date() -> None:
    # admin_units.md §3: 82 = Tiền Giang before, Đồng Tháp after; 24 = Bắc Giang, then Bắc Ninh.
    assert lookup("82", on=BEFORE).name == "Tỉnh Tiền Giang"
    assert lookup("82", on=AFTER).name == "Tỉnh Đồng Tháp"
    assert lookup("24", on=BEFORE).name == "Tỉnh Bắc Giang"
    assert lookup("24", on=AFTER).name == "Tỉnh Bắc Ninh"


@pytest.mark.parametrize(
    "name",
    ["Bà Rịa-Vũng Tàu", "ba ria vung tau", "BÀ RỊA – VŨNG TÀU", "Tỉnh Bà Rịa - Vũng Tàu", "BR-VT"],
)
def test_lookup_with_or_without_diacritics(name: str) -> None:
    assert lookup(name, on=date(2022, 3, 31)).code == "77"


def test_city_aliases_and_predecessors() -> None:
    assert lookup("TP.HCM", on=AFTER).code == "79"
    assert lookup("tp ho chi minh", on=date(2017, 6, 16)).code == "79"
    assert [p.code for p in predecessors("Cần Thơ")] == ["92", "93", "94"]


def test_lookup_errors_are_typed_and_name_the_successor() -> None:
    with pytest.raises(ValidationError, match="merged into Tỉnh Khánh Hòa"):
        lookup("Ninh Thuận", on=AFTER)
    with pytest.raises(ValidationError):
        lookup("99", on=BEFORE)
    with pytest.raises(ValidationError):
        lookup("Atlantis", on=AFTER)


def test_issuer_abbreviations() -> None:
    assert issuer("CP").name == "Chính phủ"
    assert issuer("TTg").name == "Thủ tướng Chính phủ"
    for abbr in ("UBND", "SYT", "SNV", "VPUB", "BNV", "HĐND"):
        assert issuer(abbr) is not None, abbr
    assert issuer("QH15").name == "Quốc hội khóa XV"
    assert issuer("VP").kind is IssuerKind.UNIT
    assert issuer("BLĐTBXH").valid_to == date(2025, 3, 1)  # NQ 176/2025/QH15
    assert canonical_abbreviation("ubtvqh14") == "UBTVQH14"
    assert canonical_abbreviation("snv") == "SNV"


def test_dong_nai_city_from_30_april_2026() -> None:
    # NQ 30/2026/QH16 (secondary: public design note citing chinhphu.vn; dongnai.gov.vn news).
    from cchc.units import ProvinceKind

    assert lookup("Đồng Nai", on=date(2026, 4, 29)).kind is ProvinceKind.TINH
    city = lookup("Dong Nai", on=date(2026, 4, 30))
    assert (city.name, city.code, city.kind) == ("Thành phố Đồng Nai", "75", ProvinceKind.THANH_PHO)
    assert len(provinces(date(2026, 11, 1))) == 34
    assert sum(p.kind is ProvinceKind.THANH_PHO for p in provinces(date(2026, 11, 1))) == 7
    assert successor("Bình Phước").name == "Tỉnh Đồng Nai"


def test_hue_is_a_centrally_governed_city_from_2025() -> None:
    # Nghị quyết 175/2024/QH15: tỉnh Thừa Thiên Huế becomes Thành phố Huế (trực thuộc
    # trung ương), code 46 kept, from 1/1/2025 (ngoisao.vn 3/7/2025, secondary).
    before = lookup("Huế", on=date(2024, 12, 31))
    assert (before.name, before.kind.name, before.code) == ("Tỉnh Thừa Thiên Huế", "TINH", "46")
    during = lookup("Huế", on=date(2025, 3, 1))
    assert (during.name, during.kind.name, during.code) == ("Thành phố Huế", "THANH_PHO", "46")
    assert lookup("Thừa Thiên Huế", on=date(2025, 3, 1)) == during  # old name still resolves
    assert len(provinces(date(2025, 3, 1))) == 63
    assert sum(p.kind.name == "THANH_PHO" for p in provinces(date(2025, 3, 1))) == 6
    assert sum(p.kind.name == "THANH_PHO" for p in provinces(date(2024, 12, 31))) == 5
    assert successor("Thừa Thiên Huế").name == "Thành phố Huế"


def test_table_starts_when_ha_tay_merged_into_ha_noi() -> None:
    # Nghị quyết 15/2008/QH12, in force 1/8/2008: Hà Tây merged into Hà Nội; before that
    # there were 64 provinces, which the bundled table does not hold.
    assert date(2008, 8, 1) == TABLE_START
    assert len(provinces(date(2008, 8, 1))) == 63
    assert all(p.valid_from is not None for p in provinces(date(2008, 8, 1)))
    with pytest.raises(RuleNotInForceError, match="2008-08-01"):
        provinces(date(2000, 1, 1))
    with pytest.raises(RuleNotInForceError):
        lookup("Hà Nội", on=date(2008, 7, 31))


def test_lookup_accepts_aware_datetimes_only() -> None:
    # Datetimes are read in Vietnam time (cchc.tz.as_date); 20:00 UTC on 30/6 is 1/7 in Hà Nội.
    late = datetime(2025, 6, 30, 20, 0, tzinfo=UTC)
    assert lookup("80", on=late).name == "Tỉnh Tây Ninh"
    assert len(provinces(late)) == 34
    with pytest.raises(NaiveDatetimeError):
        lookup("Hà Nội", on=datetime(2025, 7, 1, 12))


def test_issuer_table_is_data_citing_the_registry() -> None:
    """units/data/issuers.csv: every row cites registry keys; the ministries that ended or
    began on 1/3/2025 cite Nghị quyết 176/2025/QH15 (admin_units.md §5), and their inferred
    successor links stay unconfirmed."""
    from datetime import date

    from cchc.units import issuers

    rows = issuers()
    assert all(r.sources for r in rows)
    dated = [r for r in rows if r.valid_from or r.valid_to]
    assert {r.abbreviation for r in dated} >= {"BNNMT", "BKHĐT", "BTTTT", "BLĐTBXH"}
    for r in dated:
        assert "176/2025/QH15" in {s.number for s in r.sources}, r.abbreviation
        assert date(2025, 3, 1) in (r.valid_from, r.valid_to)
        assert not r.verified
    assert issuer("BKHĐT").successor == "BTC"  # type: ignore[union-attr]


def test_a_bad_row_of_a_bundled_csv_names_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc._data as data
    from cchc.errors import DataFileError
    from cchc.units.issuers import Issuer

    text = "abbreviation,name,kind,sources\nQH,Quốc hội,central,CONV-ISSUER-ABBR\nX,Y,nope,\n"
    monkeypatch.setattr(data, "read_text", lambda *parts: text)
    with pytest.raises(DataFileError) as err:
        data.load_bundled_csv(Issuer, "cchc.units", "data", "issuers.csv")
    assert "line 3" in str(err.value) and err.value.field == "kind"
