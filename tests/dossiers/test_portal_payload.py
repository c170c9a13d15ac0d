"""Exchange with the national portal: status codes, dates, the sync payload and its round trip.

Oracles: OpenCPS v2's sync payload (registry OPENCPS-DVCQG-SYNC, secondary): the keys, dates
written yyyyMMddHHmmss in Asia/Ho_Chi_Minh, HinhThuc 1 when the result goes by post,
LoaiDoiTuong 2 for an organisation; the status table (CONV-PORTAL-STATUS): 10 = result
returned (read in a provincial sync client), the others a convention.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest

from cchc.dossiers import Dossier, Event
from cchc.dossiers.portal import (
    PAYLOAD_KEYS,
    PAYLOAD_SOURCE,
    portal_date,
    portal_status_table,
    read_portal_date,
)
from cchc.dossiers.submission import Applicant
from cchc.errors import ValidationError
from cchc.legal import source
from cchc.procedures import Procedure, load_portal_sample
from cchc.samples import sample_text
from cchc.tz import VN_TZ


def vn(*a: int) -> datetime:
    return datetime(*a, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def sample() -> tuple[Dossier, Procedure]:
    d = Dossier.model_validate_json(sample_text("dossier-json"))
    return d, load_portal_sample().find(d.procedure_code or "")[0]


def test_status_table_cites_the_registry() -> None:
    assert source(PAYLOAD_SOURCE).verification.value == "secondary"
    rows = portal_status_table()
    assert [r.code for r in rows] == list(range(1, 11))
    for r in rows:
        assert source(r.source).key == r.source
    assert {r.code: r.name for r in rows}[10] == "Đã trả kết quả"


def test_status_follows_the_events(sample: tuple[Dossier, Procedure]) -> None:
    d, _ = sample
    seen = [d.portal_status(ev.at) for ev in d.events]
    assert seen == [2, 4, 5, 4, 4, 9, 10]
    assert d.portal_status(d.received_at - timedelta(seconds=1)) is None
    assert d.portal_status() == 10
    # between events the last one before counts
    assert d.portal_status(vn(2026, 3, 5, 8)) == 5


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (vn(2026, 3, 2, 9, 15), "20260302091500"),
        (vn(2026, 3, 2, 2, 15), "20260302021500"),
        (vn(2025, 12, 31, 23, 59, 59), "20251231235959"),
    ],
)
def test_dates_in_the_portal_format(moment: datetime, text: str) -> None:
    assert portal_date(moment) == text
    assert read_portal_date(text, field="x") == moment


def test_dates_in_vietnam_time_whatever_the_offset() -> None:
    from datetime import UTC

    assert portal_date(datetime(2026, 3, 2, 2, 15, tzinfo=UTC)) == "20260302091500"
    assert portal_date(None) == ""
    for bad in ("2026-03-02", "20260230091500", "2026030209150", 20260302091500):
        with pytest.raises(ValidationError):
            read_portal_date(bad, field="NgayTiepNhan")


def test_payload_of_the_sample(sample: tuple[Dossier, Procedure]) -> None:
    d, proc = sample
    p = d.to_portal_payload(procedure=proc)
    assert tuple(p) == PAYLOAD_KEYS
    assert p["MaHoSo"] == d.code and p["MaTTHC"] == "2.000055"
    assert (p["NgayTiepNhan"], p["NgayHenTra"], p["TrangThaiHoSo"]) == (
        "20260302091500",
        "20260415170000",
        "10",
    )
    assert (p["NgayKetThucXuLy"], p["NgayTra"], p["HinhThuc"]) == (
        "20260414100000",
        "20260414153000",
        "0",
    )
    assert p["LoaiDoiTuong"] == "2" and p["MaDoiTuong"] == "0100233488"
    assert p["DanhSachLePhi"] == [
        {
            "TenPhiLePhi": "Phí cấp phép Quỹ tín dụng nhân dân",
            "MaPhiLePhi": "",
            "HinhThucThu": "payment_platform",
            "Gia": "200000",
            "LoaiPhiLePhi": "Phí",
        }
    ]
    sup, resched = p["DanhSachHoSoBoSung"]
    # the supplement restarts the 30-day clock: due 01/4 before, 08/4 after (ND 118/2025)
    assert (sup["NgayBoSung"], sup["NgayTiepNhanBoSung"], sup["TrangThaiBoSung"]) == (
        "20260304100000",
        "20260309140000",
        "1",
    )
    assert (sup["NgayHenTraTruoc"], sup["NgayHenTraMoi"]) == ("20260401170000", "20260408170000")
    assert (resched["TrangThaiBoSung"], resched["NgayHenTraTruoc"], resched["NgayHenTraMoi"]) == (
        "2",
        "20260408170000",
        "20260415170000",
    )


def test_round_trip_keeps_what_the_payload_carries(sample: tuple[Dossier, Procedure]) -> None:
    d, proc = sample
    p = d.to_portal_payload(procedure=proc)
    back = Dossier.from_portal_payload(p, procedure=proc, channel=d.channel)
    assert back.to_portal_payload(procedure=proc) == p
    carried = ("code", "procedure_code", "field", "agency", "channel", "amount", "unit")
    assert all(getattr(back, k) == getattr(d, k) for k in carried)
    assert back.applicant is not None and d.applicant is not None
    assert back.applicant.model_dump(exclude={"address"}) == d.applicant.model_dump(
        exclude={"address"}
    )
    assert [f.model_dump(exclude={"method"}) for f in back.fees] == [
        f.model_dump(exclude={"method"}) for f in d.fees
    ]
    assert [f.method for f in back.fees] == [pay.method for pay in d.payments]
    assert [pp.name for pp in back.papers] == [pp.name for pp in d.papers]
    # every event but the transfer, with the supplement and rescheduling notes
    kept = [ev for ev in d.events if ev.kind.value != "transferred"]
    assert [(e.kind, e.at, e.new_due_at) for e in back.events] == [
        (e.kind, e.at, e.new_due_at) for e in kept
    ]
    assert back.due_date() == d.due_date()


def _cut(d: Dossier, n: int, *extra: Event) -> Dossier:
    data = {k: getattr(d, k) for k in type(d).model_fields}
    return Dossier(**{**data, "events": (*d.events[:n], *extra)})


@pytest.mark.parametrize(
    ("n", "extra", "status"),
    [
        (1, (), "2"),
        (2, (), "4"),
        (3, (), "5"),
        (4, (), "4"),
        (4, (Event(kind="refused", at=vn(2026, 3, 10, 9), note="Không đủ điều kiện"),), "3"),
        (4, (Event(kind="withdrawn", at=vn(2026, 3, 10, 9), note="Rút hồ sơ"),), "7"),
        (6, (), "9"),
    ],
)
def test_every_status_round_trips(
    sample: tuple[Dossier, Procedure], n: int, extra: tuple[Event, ...], status: str
) -> None:
    d, proc = sample
    cut = _cut(d, n, *extra)
    p = cut.to_portal_payload()
    assert p["TrangThaiHoSo"] == status
    back = Dossier.from_portal_payload(p, procedure=proc, channel="online")
    assert back.to_portal_payload() == p
    assert back.portal_status() == int(status)
    if extra:
        assert p["GhiChu"] == extra[0].note and back.events[-1].note == extra[0].note


def _payload(sample: tuple[Dossier, Procedure]) -> dict[str, Any]:
    return copy.deepcopy(sample[0].to_portal_payload())


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"NgayTiepNhan": "2026-03-02"}, "NgayTiepNhan"),
        ({"TrangThaiHoSo": "11"}, "TrangThaiHoSo"),
        ({"TrangThaiHoSo": "moi"}, "TrangThaiHoSo"),
        ({"NgayTra": ""}, "NgayTra"),
        ({"MaTTHC": "1.000017"}, "MaTTHC"),
        ({"Extra": "x"}, "Extra"),
        ({"DanhSachLePhi": [{"TenPhiLePhi": "x", "Gia": "200.000"}]}, "DanhSachLePhi[0]"),
        (
            {"DanhSachHoSoBoSung": [{"TrangThaiBoSung": "9", "NgayBoSung": "20260304100000"}]},
            "DanhSachHoSoBoSung[0]",
        ),
    ],
)
def test_bad_payloads_are_located(
    sample: tuple[Dossier, Procedure], change: dict[str, Any], field: str
) -> None:
    p = {**_payload(sample), **change}
    with pytest.raises(ValidationError) as info:
        Dossier.from_portal_payload(p, procedure=sample[1], channel="online")
    assert info.value.field == field


def test_payload_errors_never_echo_personal_data(sample: tuple[Dossier, Procedure]) -> None:
    p = {
        **_payload(sample),
        "LoaiDoiTuong": "1",
        "MaDoiTuong": "0012030123459",
        "SoDienThoai": "0912",
    }
    with pytest.raises(ValidationError) as info:
        Dossier.from_portal_payload(p, procedure=sample[1], channel="online")
    assert "0012030123459" not in str(info.value) and "0912" not in str(info.value)


def test_a_payload_needs_the_codes(sample: tuple[Dossier, Procedure]) -> None:
    d, _ = sample
    with pytest.raises(ValidationError, match="MaHoSo"):
        d.model_copy(update={"code": None}).to_portal_payload()


def test_a_person_reads_back_with_the_cccd(sample: tuple[Dossier, Procedure]) -> None:
    d, proc = sample
    person = Applicant(kind="person", name="Nguyễn Văn A", identity_number="001203012345")
    p = d.model_copy(update={"applicant": person, "return_by_post": True}).to_portal_payload()
    assert (p["LoaiDoiTuong"], p["MaDoiTuong"], p["HinhThuc"]) == ("1", "001203012345", "1")
    back = Dossier.from_portal_payload(p, procedure=proc, channel="online")
    assert back.applicant == person and back.return_by_post
