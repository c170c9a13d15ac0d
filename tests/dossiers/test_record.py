"""The dossier record: applicant, case, papers, fees, payments; codes by regime; no PII echoed.

Oracles: the fee reduction of Thông tư 64/2025/TT-BTC (50 % from 01/7/2025 to 31/12/2026,
registry TT64-2025-BTC, secondary: "lệ phí đăng ký doanh nghiệp 50.000 → 25.000 đồng"); the
code regimes of TT 01/2018/TT-VPCP Art 19 (from 06/01/2019) and ND 118/2025 Art 28 (from
01/7/2025), registry TT01-2018 / ND118-2025; the real record 2.000055 of the bundled portal
sample (30 days, phí 200.000 đồng).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from cchc.dossiers import Dossier, Event
from cchc.dossiers.codes import check_dossier_code, code_regime
from cchc.dossiers.submission import Applicant, FeePayment, SubmittedPaper
from cchc.errors import CchcError, ParseError, ValidationError
from cchc.procedures import (
    Channel,
    ChannelTerms,
    DocumentPart,
    Fee,
    FeeKind,
    Procedure,
    ProcedureCase,
    TimeLimit,
    TimeUnit,
    load_portal_sample,
)
from cchc.samples import sample_text
from cchc.tz import VN_TZ

CCCD, PHONE, EMAIL = "001203012345", "0912345678", "a.nguyen@example.vn"


def vn(*a: int) -> datetime:
    return datetime(*a, tzinfo=VN_TZ)


def _two_cases() -> Procedure:
    fee = Fee(text="Lệ phí", description="Lệ phí cấp", amount_vnd=50_000, reduced_by=("TT64-2025",))
    return Procedure(
        code="1.000001",
        name="Thủ tục thử hai trường hợp",
        time_limit=TimeLimit(amount=10, unit=TimeUnit.WORKING_DAYS),
        cases=(
            ProcedureCase(
                name="Cấp mới",
                parts=(
                    DocumentPart(name="Tờ khai", originals=1),
                    DocumentPart(name="Ảnh", originals=2),
                    DocumentPart(
                        name="Giấy ủy quyền", copies=1, required=False, condition="nếu có"
                    ),
                ),
                channels=(
                    ChannelTerms(
                        channel=Channel.IN_PERSON,
                        time_limit=TimeLimit(amount=5, unit=TimeUnit.WORKING_DAYS),
                        fee=fee,
                    ),
                ),
            ),
            ProcedureCase(
                name="Cấp lại",
                parts=(DocumentPart(name="Tờ khai", originals=1),),
                time_limit=TimeLimit(amount=3, unit=TimeUnit.WORKING_DAYS),
            ),
        ),
    )


def _person() -> Applicant:
    return Applicant(
        kind="person", name="Nguyễn Văn A", identity_number=CCCD, phone=PHONE, email=EMAIL
    )


def test_case_sets_the_limit_and_is_checked() -> None:
    proc = _two_cases()
    ev = [Event(kind="received", at=vn(2026, 3, 2, 9))]
    new = Dossier.for_procedure(proc, "in_person", ev, case="Cấp mới")
    again = Dossier.for_procedure(proc, "in_person", ev, case="Cấp lại")
    assert (new.case, new.amount, again.amount) == ("Cấp mới", 5, 3)
    with pytest.raises(ValidationError, match="no case 'Gia hạn'"):
        Dossier.for_procedure(proc, "in_person", ev, case="Gia hạn")


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (vn(2025, 6, 30, 16), 50_000),  # the day before the reduction
        (vn(2025, 7, 1, 8), 25_000),  # its first day
        (vn(2026, 3, 2, 9), 25_000),
        (vn(2026, 12, 31, 16), 25_000),  # its last day
        (vn(2027, 1, 4, 8), 50_000),  # the tariff again
    ],
)
def test_fees_due_follow_the_dated_reduction(received: datetime, due: int) -> None:
    d = Dossier.for_procedure(
        _two_cases(), "in_person", [Event(kind="received", at=received)], case="Cấp mới"
    )
    assert [(f.name, f.amount_vnd, f.kind) for f in d.fees] == [("Lệ phí cấp", due, FeeKind.CHARGE)]
    assert d.has_fees


def test_findings_papers_fees_and_code() -> None:
    proc = _two_cases()
    d = Dossier.for_procedure(
        proc,
        "in_person",
        [Event(kind="received", at=vn(2026, 3, 2, 9))],
        case="Cấp mới",
        code="H15.50-260301-0001",
        applicant=_person(),
        papers=[SubmittedPaper(name="Ảnh", originals=1), SubmittedPaper(name="Bản đồ")],
        payments=[
            FeePayment(
                fee="Lệ phí cấp",
                amount_vnd=20_000,
                method="cash",
                paid_at=vn(2026, 3, 2, 9),
                online=False,
            )
        ],
    )
    codes = sorted(f.code for f in d.findings(proc))
    assert codes == ["code-date", "missing-part", "short-count", "underpaid", "unknown-paper"]
    text = json.dumps([f.model_dump() for f in d.findings(proc)], ensure_ascii=False)
    assert "25000" in text and CCCD not in text and PHONE not in text and EMAIL not in text
    assert not d.paid_online and not d.digitised


def test_code_regimes_by_receipt_day() -> None:
    assert code_regime(date(2018, 6, 20)) is None
    assert code_regime(date(2018, 12, 1)).key == "ND61-2018"  # type: ignore[union-attr]
    assert code_regime(date(2019, 1, 6)).key == "TT01-2018"  # type: ignore[union-attr]
    assert code_regime(date(2025, 7, 1)).key == "ND118-2025"  # type: ignore[union-attr]
    # before TT 01/2018 applies, any code; from 06/01/2019, its format
    Dossier(
        channel="in_person",
        amount=5,
        code="123/HS",
        events=[Event(kind="received", at=vn(2018, 12, 3, 9))],
    )
    with pytest.raises(ParseError):
        Dossier(
            channel="in_person",
            amount=5,
            code="123/HS",
            events=[Event(kind="received", at=vn(2019, 1, 7, 9))],
        )
    assert [f.code for f in check_dossier_code("123/HS", date(2026, 1, 5))] == ["code-format"]
    assert check_dossier_code("123/HS", date(2018, 12, 3)) == []
    for day in (date(2019, 1, 7), date(2025, 7, 1), date(2026, 12, 31)):
        assert check_dossier_code(f"H15.50-{day:%y%m%d}-0001", day) == []
        other = day + timedelta(days=1)
        assert [f.code for f in check_dossier_code(f"H15.50-{other:%y%m%d}-0001", day)] == [
            "code-date"
        ]


def test_personal_data_never_echoed_in_full() -> None:
    d = Dossier(
        channel="online",
        amount=5,
        events=[Event(kind="received", at=vn(2026, 3, 2, 9))],
        applicant=_person(),
    )
    for text in (repr(d), str(d), repr(d.applicant), str(d.applicant)):
        assert CCCD not in text and PHONE not in text and EMAIL not in text
    bad_inputs = [
        {"identity_number": CCCD + "9"},
        {"phone": "09123456789999"},
        {"email": "a.nguyen@@example.vn"},
    ]
    for bad in bad_inputs:
        data = {"kind": "person", "name": "A", **bad}
        with pytest.raises(CchcError) as info:
            Dossier(
                channel="online",
                amount=5,
                events=[Event(kind="received", at=vn(2026, 3, 2, 9))],
                applicant=data,
            )
        message = str(info.value)
        value = next(iter(bad.values()))
        assert value not in message and value[:-3] not in message, message


def test_sample_dossier_json_is_a_full_record() -> None:
    d = Dossier.model_validate_json(sample_text("dossier-json"))
    proc = load_portal_sample().find(d.procedure_code or "")[0]
    assert d.applicant is not None and d.papers and d.fees and d.payments
    assert d.findings(proc) == []
    assert d.paid_online and d.has_fees and d.digitised and d.synced
    assert d.due_date() == vn(2026, 4, 15, 17)  # the rescheduled date


def test_explanations_and_findings_of_a_person_never_echo_personal_data() -> None:
    d = Dossier.model_validate_json(sample_text("dossier-json"))
    person = d.model_copy(update={"applicant": _person()})
    texts = [
        str(person.deadline().explain()),
        json.dumps(person.deadline().explain().to_dict(), ensure_ascii=False),
        repr(person),
        repr(person.findings()),
        repr(person.upto(3)),
    ]
    for text in texts:
        assert CCCD not in text and PHONE not in text and EMAIL not in text
