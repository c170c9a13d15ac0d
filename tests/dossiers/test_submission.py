"""Applicant, submitted papers and fee payments (cchc.submission).

Oracles: the CCCD shape (12 digits, registry ND137-2015, secondary); tax codes checked by
python-stdnum's vn.mst (0100233488 is the library's own valid example); the papers and fee
of the real record 1.000390 / 1.000017 bundled in cchc.procedures (dichvucong.gov.vn).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cchc.dossiers.submission import (
    Applicant,
    FeePayment,
    PaymentMethod,
    SubmittedPaper,
    check_papers,
    check_payments,
    mask,
)
from cchc.errors import NaiveDatetimeError, ValidationError
from cchc.procedures import Fee, load_portal_sample
from cchc.tz import VN_TZ

CCCD = "001203012345"
PHONE = "0912345678"
EMAIL = "a.nguyen@example.vn"


def test_person_and_organisation() -> None:
    person = Applicant(kind="person", name="Nguyễn Văn A", identity_number=f" {CCCD} ")
    assert person.identity_number == CCCD
    org = Applicant(kind="organisation", name="Công ty A", tax_code="0100233488-001")
    assert org.tax_code == "0100233488001"
    assert str(org) == "Công ty A (0100233488001)"
    assert Applicant.model_validate_json(person.model_dump_json()) == person


@pytest.mark.parametrize(
    ("fields", "secret"),
    [
        ({"identity_number": "00120301234"}, "00120301234"),  # 11 digits
        ({"identity_number": "00120301234X"}, "00120301234X"),
        ({"tax_code": "0100233489"}, "0100233489"),  # check digit wrong
        ({"phone": "091234"}, "091234"),
        ({"email": "a.nguyen.example.vn"}, "a.nguyen.example.vn"),
    ],
)
def test_bad_values_are_errors_that_do_not_echo_them(fields: dict[str, str], secret: str) -> None:
    with pytest.raises(ValidationError) as info:
        Applicant(kind="person", name="A", **fields)
    assert secret not in str(info.value)
    assert info.value.field == next(iter(fields))


def test_personal_data_never_shown_in_full() -> None:
    a = Applicant(kind="person", name="A", identity_number=CCCD, phone=PHONE, email=EMAIL)
    for text in (repr(a), str(a)):
        assert CCCD not in text and PHONE not in text and EMAIL not in text
    assert mask(CCCD) == "*********345"
    with pytest.raises(ValidationError, match="organisation has a tax code"):
        Applicant(kind="organisation", name="B", identity_number=CCCD)


def test_papers_against_the_cases_parts() -> None:
    case = load_portal_sample().find("1.000390")[0].cases[0]
    _old_card, photos, request = (p.name for p in case.parts)
    # the old card is conditional: not submitting it is no finding
    assert check_papers(case, [SubmittedPaper(name=photos, originals=2),
                               SubmittedPaper(name=request, originals=1)]) == []  # fmt: skip
    found = check_papers(
        case,
        [SubmittedPaper(name=photos, originals=1), SubmittedPaper(name="Bản sao CCCD", copies=1)],
    )
    assert [(f.code, f.field) for f in found] == [
        ("short-count", "parts[1]"),  # 1 photo of the 2 asked
        ("missing-part", "parts[2]"),
        ("unknown-paper", "papers[1]"),
    ]
    assert all(f.message_vi for f in found)
    assert check_papers(case, [SubmittedPaper(name=photos, electronic=True),
                               SubmittedPaper(name=request, electronic=True)]) == []  # fmt: skip


def test_payments_against_the_fees_due() -> None:
    fee = load_portal_sample().find("1.000017")[0].fee_for("online")
    assert fee is not None and fee.amount_vnd == 50_000
    key = fee.description
    assert key == "Lệ phí cấp giấy chứng nhận"
    paid_at = datetime(2026, 3, 2, 10, 0, tzinfo=VN_TZ)
    pay = FeePayment(fee=key, amount_vnd=50_000, method="payment_platform", paid_at=paid_at,
                     online=True)  # fmt: skip
    assert check_payments([fee], [pay], on=date(2026, 3, 2)) == []
    short = pay.model_copy(update={"amount_vnd": 20_000})
    assert [f.code for f in check_payments([fee], [short], on=date(2026, 3, 2))] == ["underpaid"]
    # a fee that names TT 64/2025 is due at 50 % until 31/12/2026
    halved = Fee(text="Lệ phí đăng ký doanh nghiệp", amount_vnd=50_000, reduced_by=("TT64-2025",))
    part = FeePayment(fee="Lệ phí đăng ký doanh nghiệp", amount_vnd=25_000,
                      method=PaymentMethod.CASH, paid_at=paid_at, online=False)  # fmt: skip
    assert check_payments([halved], [part], on=date(2026, 12, 31)) == []
    assert [f.code for f in check_payments([halved], [part], on=date(2027, 1, 4))] == ["underpaid"]
    assert [
        f.code for f in check_payments([Fee(text="Theo quy định")], [], on=date(2026, 1, 1))
    ] == ["unpriced-fee"]


def test_payment_records_are_checked() -> None:
    with pytest.raises(NaiveDatetimeError):
        FeePayment(fee="x", amount_vnd=1, method="cash", paid_at=datetime(2026, 3, 2), online=False)
    with pytest.raises(ValidationError, match="not an online payment"):
        FeePayment(fee="x", amount_vnd=1, method="cash",
                   paid_at=datetime(2026, 3, 2, tzinfo=VN_TZ), online=True)  # fmt: skip
