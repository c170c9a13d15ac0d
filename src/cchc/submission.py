"""What an applicant submits: who (người nộp), which papers, which fees paid.

The applicant's side of a dossier (hồ sơ) as one-stop systems record it:
:class:`Applicant` (a person with a CCCD number or an organisation with a tax
code), :class:`SubmittedPaper` (a paper handed in or uploaded, checked against the
case's dossier parts by :func:`check_papers`) and :class:`FeePayment` (a fee paid:
amount, method, time, online or not; :func:`check_payments` against the fees due).

**Why a module of its own.** These records need the procedure's parts and fees
(layer 3, :mod:`cchc.procedures`) and nothing of the deadline engine, so they sit at
layer 3 and import only :mod:`cchc.procedures` and the ground layer. The
:class:`~cchc.dossiers.Dossier` will hold them (its applicant, papers and
payments) once the engine's regrouping of ``dossiers/`` lands; until then they
are not wired into it.

**Personal data.** An identity number, a phone number and an email are never
shown in full by ``repr``, ``str``, error messages or findings: only their last
characters (``mask``)::

    >>> a = Applicant(kind="person", name="Nguyễn Văn A", identity_number="001203012345",
    ...               phone="0912 345 678", email="a.nguyen@example.vn")
    >>> a
    Applicant(kind=<ApplicantKind.PERSON: 'person'>, name='Nguyễn Văn A', \
identity_number='*********345', tax_code=None, address=None, phone='*******678', \
email='****************.vn')
    >>> a.identity_number
    '001203012345'
    >>> Applicant(kind="organisation", name="Công ty A", tax_code="0100233488").tax_code
    '0100233488'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import Field, field_validator, model_validator
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

from cchc._model import CchcRecord
from cchc.findings import Finding, Severity
from cchc.procedures import Fee, ProcedureCase, amount_due
from cchc.tz import require_aware

__all__ = [
    "Applicant",
    "ApplicantKind",
    "FeePayment",
    "PaymentMethod",
    "SubmittedPaper",
    "check_papers",
    "check_payments",
    "mask",
]

IDENTITY_SOURCE = "ND137-2015"
"""Registry key of the 12-digit personal identification number (số định danh cá nhân)."""

_CCCD = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^(?:\+84|0)\d{9,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def mask(value: str | None, shown: int = 3) -> str | None:
    """``value`` with all but its last ``shown`` characters replaced by ``*``.

    >>> mask("001203012345")
    '*********345'
    """
    if value is None:
        return None
    keep = value[-shown:] if len(value) > shown else ""
    return "*" * (len(value) - len(keep)) + keep


class ApplicantKind(enum.StrEnum):
    """Who submits (người nộp hồ sơ)."""

    PERSON = "person"
    """Cá nhân: a person, identified by the CCCD / số định danh cá nhân."""
    ORGANISATION = "organisation"
    """Tổ chức: an organisation or enterprise, identified by its tax code (mã số thuế)."""


class Applicant(CchcRecord):
    """The applicant of a dossier (người nộp hồ sơ / chủ hồ sơ)."""

    kind: ApplicantKind = Field(description="Cá nhân or tổ chức.")
    name: str = Field(min_length=1, description="Họ và tên / tên tổ chức.")
    identity_number: str | None = Field(
        default=None,
        description="Số định danh cá nhân (CCCD), 12 digits; a person's only. Masked in "
        "repr and errors.",
    )
    tax_code: str | None = Field(
        default=None,
        description="Mã số thuế, 10 digits (13 for a branch), checked by python-stdnum "
        "vn.mst; kept without the dash.",
    )
    address: str | None = Field(default=None, description="Địa chỉ.")
    phone: str | None = Field(default=None, description="Số điện thoại (masked in repr).")
    email: str | None = Field(default=None, description="Thư điện tử (masked in repr).")

    @field_validator("identity_number")
    @classmethod
    def _cccd(cls, value: str | None) -> str | None:
        if value is None:
            return None
        digits = value.strip()
        if not _CCCD.match(digits):
            raise ValueError(
                f"a CCCD number has 12 digits, not {mask(digits)!r} ({len(digits)} characters)"
            )
        return digits

    @field_validator("tax_code")
    @classmethod
    def _mst(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return str(mst.validate(value))
        except StdnumError as exc:
            raise ValueError(f"not a tax code (mã số thuế) {mask(value)!r}: {exc}") from None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        compact = re.sub(r"[\s.\-()]", "", value)
        if not _PHONE.match(compact):
            raise ValueError(f"not a Vietnamese phone number: {mask(compact)!r}")
        return compact

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not _EMAIL.match(value.strip()):
            raise ValueError(f"not an email address: {mask(value.strip())!r}")
        return value.strip()

    @model_validator(mode="after")
    def _kind(self) -> Applicant:
        if self.kind is ApplicantKind.ORGANISATION and self.identity_number is not None:
            raise ValueError("an organisation has a tax code, not a CCCD number")
        return self

    def __repr_args__(self) -> Any:
        for key, value in super().__repr_args__():
            hidden = key in {"identity_number", "phone", "email"} or (
                key == "tax_code" and self.kind is ApplicantKind.PERSON
            )
            yield key, mask(value) if hidden and isinstance(value, str) else value

    def __str__(self) -> str:
        ident = mask(self.identity_number) or self.tax_code or ""
        return f"{self.name} ({ident})" if ident else self.name


class SubmittedPaper(CchcRecord):
    """A paper submitted with the dossier (giấy tờ đã nộp), named as the case's part."""

    name: str = Field(min_length=1, description="Tên giấy tờ, as the DocumentPart's name.")
    originals: int = Field(default=0, ge=0, description="Bản chính nộp.")
    copies: int = Field(default=0, ge=0, description="Bản sao nộp.")
    electronic: bool = Field(default=False, description="Bản điện tử (nộp trực tuyến).")
    digitised: bool = Field(
        default=False, description="Số hóa: scanned and kept electronically at receipt."
    )


def check_papers(case: ProcedureCase, papers: Sequence[SubmittedPaper]) -> list[Finding]:
    """Findings of papers against the case's parts (thành phần hồ sơ).

    ``missing-part`` (error): a required part was not submitted; ``short-count``
    (error): fewer originals or copies than the part asks (an electronic paper
    counts as every original and copy asked); ``unknown-paper`` (warning): a paper
    the case does not list. Conditional parts are not required.
    """
    found: list[Finding] = []
    by_name = {p.name: p for p in papers}
    for i, part in enumerate(case.parts):
        paper = by_name.get(part.name)
        where = f"parts[{i}]"
        if paper is None:
            if part.required:
                found.append(
                    Finding(
                        code="missing-part",
                        severity=Severity.ERROR,
                        message=f"required paper not submitted: {part.name}",
                        message_vi=f"Thiếu thành phần hồ sơ bắt buộc: {part.name}",
                        field=where,
                    )
                )
            continue
        if paper.electronic:
            continue
        for label, label_vi, asked, given in (
            ("originals", "bản chính", part.originals, paper.originals),
            ("copies", "bản sao", part.copies, paper.copies),
        ):
            if asked is not None and given < asked:
                found.append(
                    Finding(
                        code="short-count",
                        severity=Severity.ERROR,
                        message=f"{part.name}: {given} {label} submitted, {asked} asked",
                        message_vi=f"{part.name}: nộp {given} {label_vi}, yêu cầu {asked}",
                        field=where,
                    )
                )
    listed = {part.name for part in case.parts}
    for j, paper in enumerate(papers):
        if paper.name not in listed:
            found.append(
                Finding(
                    code="unknown-paper",
                    severity=Severity.WARNING,
                    message=f"paper not among the case's parts: {paper.name}",
                    message_vi=f"Giấy tờ không có trong thành phần hồ sơ: {paper.name}",
                    field=f"papers[{j}]",
                )
            )
    return found


class PaymentMethod(enum.StrEnum):
    """How a fee was paid (hình thức nộp phí, lệ phí)."""

    CASH = "cash"
    """Tiền mặt at the Bộ phận Một cửa."""
    BANK_TRANSFER = "bank_transfer"
    """Chuyển khoản."""
    PAYMENT_PLATFORM = "payment_platform"
    """Nền tảng thanh toán trực tuyến (Cổng Dịch vụ công quốc gia)."""
    CARD = "card"
    """Thẻ (POS) at the counter."""


class FeePayment(CchcRecord):
    """A fee paid for a dossier (phí, lệ phí đã nộp)."""

    fee: str = Field(min_length=1, description="Which fee (its code or name as in the procedure).")
    amount_vnd: int = Field(ge=0, description="Số tiền đã nộp, in đồng.")
    method: PaymentMethod = Field(description="Hình thức nộp.")
    paid_at: datetime = Field(description="Thời điểm nộp (timezone-aware).")
    online: bool = Field(
        description="Thanh toán trực tuyến: paid through the online payment of the public "
        "service portal (the 766 online-payment indicator counts these)."
    )

    @field_validator("paid_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return require_aware(value, field="paid_at")

    @model_validator(mode="after")
    def _online(self) -> FeePayment:
        if self.online and self.method in (PaymentMethod.CASH, PaymentMethod.CARD):
            raise ValueError(f"a {self.method.value} payment is not an online payment")
        return self


def _fee_key(fee: Fee) -> str:
    return fee.code or fee.description or fee.text


def check_payments(
    fees: Iterable[Fee], payments: Sequence[FeePayment], *, on: date
) -> list[Finding]:
    """Findings of payments against the fees due on ``on`` (:func:`~cchc.procedures.amount_due`).

    A fee is matched to the payments whose ``fee`` is its code, else its
    description, else its text. ``underpaid`` (error): less paid than due;
    ``unpriced-fee`` (info): a fee with no figure in đồng, not checked.
    """
    found: list[Finding] = []
    for i, fee in enumerate(fees):
        due = amount_due(fee, on)
        key = _fee_key(fee)
        if due is None:
            if not fee.free:
                found.append(
                    Finding(
                        code="unpriced-fee",
                        severity=Severity.INFO,
                        message=f"fee {key!r} has no amount in đồng: not checked",
                        message_vi=f"Phí, lệ phí {key!r} không có số tiền bằng đồng",
                        field=f"fees[{i}]",
                    )
                )
            continue
        paid = sum((Decimal(p.amount_vnd) for p in payments if p.fee == key), Decimal(0))
        if paid < due:
            found.append(
                Finding(
                    code="underpaid",
                    severity=Severity.ERROR,
                    message=f"fee {key!r}: {paid} đồng paid, {due} due on {on.isoformat()}",
                    message_vi=f"Phí, lệ phí {key!r}: đã nộp {paid} đồng, phải nộp {due} đồng",
                    field=f"fees[{i}]",
                )
            )
    return found
