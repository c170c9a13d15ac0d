"""The national TTHC record: from_portal / to_portal, the file loader, cases and parts.

Oracles: src/cchc/procedures/data/portal_records.jsonl, 11 real procedures published on
dichvucong.gov.vn, transcribed from the page text captured by the crawl in GitHub
chatbot-tthc/chatbot_tthc (commit and path per record in portal_records_sources.csv; see
the docs page procedures_portal.md). Expected values below are read by hand from those pages.
"""

from __future__ import annotations

import copy
import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cchc.errors import BatchValidationError, DataFileError, ParseError, ValidationError
from cchc.procedures import (
    AuthorityLevel,
    Channel,
    ChannelTerms,
    DocumentPart,
    Fee,
    FeeKind,
    LegalBasis,
    Procedure,
    ProcedureCase,
    TimeLimit,
    TimeUnit,
    amount_due,
    load_portal_catalogue,
    read_portal_records,
)
from cchc.procedures.portal import field_sources
from cchc.procedures.terms import conditional_phrase

DATA = Path(__file__).resolve().parents[2] / "src" / "cchc" / "procedures" / "data"
RECORDS = DATA / "portal_records.jsonl"


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()]


def test_eleven_real_records_each_with_its_source() -> None:
    records = _records()
    rows = list(csv.DictReader((DATA / "portal_records_sources.csv").open(encoding="utf-8")))
    assert len(records) >= 10
    assert [r["MATTHC"] for r in records] == [row["code"] for row in rows]
    for row in rows:
        assert row["page"].startswith("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/")
        assert row["crawl"].startswith("chatbot-tthc/chatbot_tthc@")


@pytest.mark.parametrize("record", _records(), ids=lambda r: r["MATTHC"])
def test_round_trip_keeps_every_field(record: dict[str, Any]) -> None:
    p = Procedure.from_portal(record)
    assert p.to_portal() == record
    assert Procedure.from_portal(p.to_portal()) == p
    assert Procedure.model_validate_json(p.model_dump_json()) == p


def test_real_record_values_read_by_hand() -> None:
    by_code = {p.code: p for p in read_portal_records(RECORDS)}
    # 1.000811 (Cấp thẻ ABTC): 21 Ngày and 1.200.000 đồng online and in person, but
    # 21 Ngày làm việc and Miễn phí by post (as the page shows).
    abtc = by_code["1.000811"]
    assert abtc.level is AuthorityLevel.CENTRAL
    assert abtc.time_limit_for("online") == abtc.time_limit_for(Channel.IN_PERSON)
    assert (abtc.time_limit.amount, abtc.time_limit.unit) == (21, TimeUnit.DAYS)
    post = abtc.time_limit_for("post")
    assert (post.amount, post.unit) == (21, TimeUnit.WORKING_DAYS)
    assert abtc.fee_for("online").amount_vnd == 1_200_000  # type: ignore[union-attr]
    assert abtc.fee_for("post").free  # type: ignore[union-attr]
    # 1.000771: 10 USD (/lần), a fee not in đồng.
    visa = by_code["1.000771"].fee_for("in_person")
    assert visa is not None
    assert (visa.foreign_amount, visa.currency, visa.amount_vnd) == (Decimal(10), "USD", None)
    # 1.000017: 50,000 VNĐ "Lệ phí cấp giấy chứng nhận" = a lệ phí; 2.000055: a phí.
    assert by_code["1.000017"].fee_for("online").kind is FeeKind.CHARGE  # type: ignore[union-attr]
    assert by_code["2.000055"].fee_for("online").kind is FeeKind.FEE  # type: ignore[union-attr]
    # 1.000426: "Bản sao Bằng cử nhân luật" 0 bản chính, 1 bản sao; a form template.
    parts = by_code["1.000426"].cases[0].parts
    assert (parts[2].originals, parts[2].copies) == (0, 1)
    assert parts[1].form_name == "Mẫu TP-TVPL-05-sđ.doc"
    # 1.000390: the old card only "(trong trường hợp Thẻ bị hư hỏng)".
    card = by_code["1.000390"].cases[0]
    assert [p.required for p in card.parts] == [False, True, True]
    assert card.parts[0].condition == "(trong trường hợp Thẻ bị hư hỏng)"
    assert len(card.required_parts()) == 2
    # Results with their codes; legal bases number + title.
    assert [r.code for r in by_code["1.000236"].results] == ["KQ.G01.000020", "KQ.G01.000021"]
    assert by_code["1.000390"].legal_bases[1] == LegalBasis(
        number="30/2025/TT-BTP",
        title="Thông tư sửa đổi một số thủ tục hành chính quy định tại các thông tư trong "
        "lĩnh vực bổ trợ tư pháp",
    )
    assert by_code["1.000390"].announcement_number == "516/QĐ-BTP"


def test_catalogue_loader_json_array_and_lines(tmp_path: Path) -> None:
    records = _records()
    array = tmp_path / "records.json"
    array.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    cat = load_portal_catalogue(array)
    assert len(cat) == len(records)
    assert cat.find("1.000390")[0].name == "Cấp lại thẻ tư vấn viên pháp luật"
    assert [p.code for p in read_portal_records(RECORDS)] == [p.code for p in cat]


def test_per_record_errors_name_the_record_and_field(tmp_path: Path) -> None:
    records = _records()[:4]
    bad = copy.deepcopy(records)
    bad[1]["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["DONVITINH"] = "Năm"
    bad[3]["CACHTHUCTHUCHIEN"][2]["KENH"] = "9"
    bad[3]["THANHPHANHOSO"][0]["GIAYTO"][0]["SOBANCHINH"] = "một"
    del bad[2]["TENTTHC"]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in bad), encoding="utf-8")
    with pytest.raises(BatchValidationError) as info:
        read_portal_records(path)
    found = [(e.row, e.item, e.field, type(e)) for e in info.value.errors]
    assert found == [
        (2, "1.000771", "CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH", ParseError),
        (3, "1.000811", "TENTTHC", ValidationError),
        (4, "1.000047", "CACHTHUCTHUCHIEN[2].KENH", ValidationError),
    ]
    assert all(str(path) in str(e) for e in info.value.errors)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"EXTRA": 1}, "EXTRA"),
        ({"CAPTHUCHIEN": [{"TENCAP": "Cấp thôn"}]}, "CAPTHUCHIEN[0]"),
        ({"LINHVUCTHUCHIEN": "Tư pháp"}, "LINHVUCTHUCHIEN"),
        ({"CANCUPHAPLY": [{"SOVANBAN": 5}]}, "CANCUPHAPLY[0].SOVANBAN"),
        ({"CACHTHUCTHUCHIEN": []}, "CACHTHUCTHUCHIEN"),
    ],
)
def test_bad_fields_are_typed_errors(change: dict[str, Any], field: str) -> None:
    record = {**_records()[5], **change}
    with pytest.raises(ValidationError) as info:
        Procedure.from_portal(record)
    assert info.value.field == field
    assert info.value.item == "1.000390"


def test_bad_json_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"MATTHC": "1.000390"}\n{not json\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        read_portal_records(path)
    assert info.value.row == 2


def test_numbers_as_json_numbers_fractional_days_and_fees() -> None:
    record = {
        "MATTHC": "1.000390",
        "TENTTHC": "Ví dụ",
        "CAPTHUCHIEN": [{"CAPTHUCHIEN": 1}],
        "CACHTHUCTHUCHIEN": [
            {
                "KENH": 1,
                "THOIGIAN": [
                    {
                        "THOIGIANGIAIQUYET": Decimal("1.5"),
                        "DONVITINH": "Ngày làm việc",
                        "PHILEPHI": [
                            {"MAPHILEPHI": "Lệ phí", "SOTIEN": "1.500.000", "DONVI": "Đồng"}
                        ],
                    }
                ],
            },
            {"KENH": 2, "THOIGIAN": [{"THOIGIANGIAIQUYET": "0,5", "DONVITINH": "Ngày"}]},
        ],
    }
    p = Procedure.from_portal(record)
    assert p.level is AuthorityLevel.PROVINCIAL
    # 1,5 and 0,5 days = 12 and 4 working hours (CONV-DAY-8H: 1 day = 8 working hours)
    assert (p.time_limit.amount, p.time_limit.unit, p.time_limit.days) == (
        12,
        TimeUnit.HOURS,
        Decimal("1.5"),
    )
    assert p.time_limit_for("online").amount == 4
    assert p.fee_for("in_person") == Fee(
        amount_vnd=1_500_000, amount_text="1.500.000", kind=FeeKind.CHARGE, code="Lệ phí",
        unit_text="Đồng",
    )  # fmt: skip
    out = p.to_portal()
    assert out["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["THOIGIANGIAIQUYET"] == "1,5"
    assert out["CACHTHUCTHUCHIEN"][1]["THOIGIAN"][0]["THOIGIANGIAIQUYET"] == "0,5"
    # JSON numbers are written as text (the declared record types); read back, the same
    again = Procedure.from_portal(out)
    assert again.to_portal() == out
    assert [t.time_limit.amount for t in again.channels] == [12, 4]  # type: ignore[union-attr]
    with pytest.raises(ParseError, match="whole number of working hours"):
        Procedure.from_portal(
            {**record, "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [
                {"THOIGIANGIAIQUYET": "0,1", "DONVITINH": "Ngày"}]}]}
        )  # fmt: skip
    with pytest.raises(ParseError, match="currency"):
        Procedure.from_portal(
            {**record, "CACHTHUCTHUCHIEN": [{"KENH": 1, "THOIGIAN": [
                {"THOIGIANGIAIQUYET": 1, "DONVITINH": "Ngày",
                 "PHILEPHI": [{"SOTIEN": 5, "DONVI": "đô la"}]}]}]}
        )  # fmt: skip


def test_cases_with_their_own_terms() -> None:
    wd = TimeUnit.WORKING_DAYS
    p = Procedure(
        code="1.000080",
        name="Ví dụ có hai trường hợp",
        time_limit=TimeLimit(amount=3, unit=wd),
        channels=(ChannelTerms(channel=Channel.ONLINE, time_limit=TimeLimit(amount=2, unit=wd)),),
        cases=(
            ProcedureCase(name="Thông thường", parts=(DocumentPart(name="Tờ khai", originals=1),)),
            ProcedureCase(
                name="Cần xác minh",
                time_limit=TimeLimit(amount=6, unit=wd),
                channels=(
                    ChannelTerms(
                        channel=Channel.ONLINE,
                        time_limit=TimeLimit(amount=5, unit=wd),
                        fee=Fee(text="10.000 đồng", amount_vnd=10_000),
                    ),
                ),
            ),
        ),
    )
    assert p.time_limit_for("online", "Thông thường").amount == 2
    assert p.time_limit_for("in_person", "Thông thường").amount == 3
    assert p.time_limit_for("online", "Cần xác minh").amount == 5
    assert p.time_limit_for("in_person", "Cần xác minh").amount == 6
    assert p.fee_for("online", "Cần xác minh").amount_vnd == 10_000  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="2 cases"):
        p.time_limit_for("online")
    with pytest.raises(ValidationError, match="no case"):
        p.time_limit_for("online", "Khác")
    assert [(c, ch.value, tl.amount) for c, ch, tl in p.case_limits()] == [
        ("Thông thường", "online", 2),
        ("Cần xác minh", "online", 5),
    ]


def test_one_case_keeps_todays_api() -> None:
    p = read_portal_records(RECORDS)[5]
    assert len(p.cases) == 1
    assert p.case() is p.cases[0]
    assert p.time_limit_for("post").amount == 5


def test_legal_basis_links_a_registered_number() -> None:
    assert LegalBasis(number="45/2019/QH14").registry_key == "BLLD2019"
    assert LegalBasis(number=" 118/2025/nđ-cp ").registry_key == "ND118-2025"
    assert LegalBasis(number="3004/QĐ-UBND").registry_key is None  # no year: not linked
    assert LegalBasis(number="30/2025/TT-BTP").registry_key is None  # not registered
    assert [s.key for s in field_sources()] == ["TD-DVC-THUTUC", "OPENCPS-DVCQG"]


@pytest.mark.parametrize(
    ("name", "condition"),
    [
        ("Thẻ cũ (trong trường hợp Thẻ bị hư hỏng)", "(trong trường hợp Thẻ bị hư hỏng)"),
        ("Bản sao giấy phép (nếu có)", "(nếu có)"),
        ("Trường hợp ủy quyền: văn bản ủy quyền", "Trường hợp ủy quyền: văn bản ủy quyền"),
        ("- Đối với tổ chức: quyết định thành lập", "Đối với tổ chức: quyết định thành lập"),
        ("Văn bản đề nghị; trường hợp quá hạn thì cấp lại văn bản", None),
        ("Bản sao (trường hợp nộp trực tiếp) hoặc bản điện tử", None),
        ("Tờ khai", None),
    ],
)
def test_conditional_parts(name: str, condition: str | None) -> None:
    assert conditional_phrase(name) == condition


def test_tt64_halves_a_listed_fee_over_its_period() -> None:
    # Oracle: lệ phí đăng ký doanh nghiệp 50.000 đồng collected at 25.000 đồng until
    # 31/12/2026 under TT 64/2025/TT-BTC (secondary: a public guide page in GitHub).
    fee = Fee(text="Lệ phí đăng ký doanh nghiệp", amount_vnd=50_000, reduced_by=("TT64-2025",))
    for day, due in [
        (date(2025, 6, 30), 50_000),
        (date(2025, 7, 1), 25_000),
        (date(2026, 12, 31), 25_000),
        (date(2027, 1, 1), 50_000),
    ]:
        assert amount_due(fee, day) == due, day
    assert amount_due(Fee(amount_vnd=50_000), date(2026, 1, 1)) == 50_000
    assert amount_due(Fee(text="Theo quy định"), date(2026, 1, 1)) is None
    with pytest.raises(ValidationError, match="unknown fee reduction"):
        amount_due(Fee(amount_vnd=1, reduced_by=("TT99",)), date(2026, 1, 1))


def test_a_procedure_without_channels_cannot_be_written() -> None:
    p = Procedure(code="1.000080", name="n", time_limit=TimeLimit(amount=1, unit=TimeUnit.DAYS))
    with pytest.raises(ValidationError, match="no submission channel"):
        p.to_portal()
