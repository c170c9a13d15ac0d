"""What an applicant submits: who (người nộp), which papers, which fees due and paid.

The applicant's side of a dossier (hồ sơ) as one-stop systems record it:
:class:`Applicant` (a person with a CCCD number or an organisation with a tax
code), :class:`SubmittedPaper` (a paper handed in or uploaded, checked against the
case's dossier parts by :func:`check_papers`), :class:`DossierFee` (a fee due on
the dossier, at the amount due on its receipt day) and :class:`FeePayment` (a fee
paid: amount, method, time, online or not; :func:`check_payments` against the
fees due), and :class:`ResultKind` (the result on paper or electronic).

**Where this lives.** These are parts of the dossier record, which
ARCHITECTURE.md places in ``dossiers/`` ("dossier.py: the Dossier record and its
events (applicant, case, papers, fees …)"); the :class:`~cchc.dossiers.Dossier`
holds them (``applicant``, ``papers``, ``fees``, ``payments``). They need the
procedure's parts and fees (layer 3, :mod:`cchc.procedures`) and nothing of the
deadline engine, so this module imports only :mod:`cchc.procedures` and the ground
layer; it is a file of its own because "what was submitted" is one question a
reader asks, apart from the lifecycle.

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
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

from cchc._model import CchcRecord
from cchc.findings import Finding, Severity
from cchc.procedures import Fee, FeeKind, ProcedureCase, amount_due
from cchc.procedures.terms import fee_kind_of
from cchc.tz import require_aware

__all__ = [
    "Applicant",
    "ApplicantKind",
    "DossierFee",
    "FeePayment",
    "PaymentMethod",
    "ResultKind",
    "SubmittedPaper",
    "check_fees_paid",
    "check_papers",
    "check_payments",
    "fees_due",
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


def _cccd(value: str) -> str:
    digits = value.strip()
    if not _CCCD.match(digits):
        raise ValueError(
            f"a CCCD number has 12 digits, not {mask(digits)!r} ({len(digits)} characters)"
        )
    return digits


def _mst(value: str) -> str:
    try:
        return str(mst.validate(value))
    except StdnumError as exc:
        raise ValueError(f"not a tax code (mã số thuế) {mask(value)!r}: {exc}") from None


def _phone(value: str) -> str:
    compact = re.sub(r"[\s.\-()]", "", value)
    if not _PHONE.match(compact):
        raise ValueError(f"not a Vietnamese phone number: {mask(compact)!r}")
    return compact


def _email(value: str) -> str:
    if not _EMAIL.match(value.strip()):
        raise ValueError(f"not an email address: {mask(value.strip())!r}")
    return value.strip()


_IDENTIFIERS: dict[str, Callable[[str], str]] = {
    "identity_number": _cccd,
    "tax_code": _mst,
    "phone": _phone,
    "email": _email,
}
"""How each optional identifier of an applicant is checked and kept (errors masked)."""


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

    @field_validator(*_IDENTIFIERS)
    @classmethod
    def _identifier(cls, value: str | None, info: ValidationInfo) -> str | None:
        return None if value is None else _IDENTIFIERS[str(info.field_name)](value)

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
                found.append(_finding("missing-part", where, name=part.name))
            continue
        if paper.electronic:
            continue
        for label, label_vi, asked, given in (
            ("originals", "bản chính", part.originals, paper.originals),
            ("copies", "bản sao", part.copies, paper.copies),
        ):
            if asked is not None and given < asked:
                found.append(
                    _finding(
                        "short-count",
                        where,
                        name=part.name,
                        given=given,
                        asked=asked,
                        label=label,
                        label_vi=label_vi,
                    )
                )
    found.extend(
        _unknown("unknown-paper", "papers", [p.name for p in papers], {x.name for x in case.parts})
    )
    return found


_FINDINGS: dict[str, tuple[Severity, str, str]] = {
    "missing-part": (
        Severity.ERROR,
        "required paper not submitted: {name}",
        "Thiếu thành phần hồ sơ bắt buộc: {name}",
    ),
    "short-count": (
        Severity.ERROR,
        "{name}: {given} {label} submitted, {asked} asked",
        "{name}: nộp {given} {label_vi}, yêu cầu {asked}",
    ),
    "unknown-paper": (
        Severity.WARNING,
        "paper not among the case's parts: {name}",
        "Giấy tờ không có trong thành phần hồ sơ: {name}",
    ),
    "underpaid": (
        Severity.ERROR,
        "fee {key!r}: {paid} đồng paid, {due} due on {on}",
        "Phí, lệ phí {key!r}: đã nộp {paid} đồng, phải nộp {due} đồng",
    ),
    "unpriced-fee": (
        Severity.INFO,
        "fee {key!r} has no amount in đồng: not checked",
        "Phí, lệ phí {key!r} không có số tiền bằng đồng",
    ),
    "unknown-payment": (
        Severity.WARNING,
        "payment for a fee the dossier does not list: {name}",
        "Khoản nộp không thuộc phí, lệ phí của hồ sơ: {name}",
    ),
}
"""The findings of what was submitted: code -> severity, message, message_vi (filled in
with the paper's or the fee's values)."""


def _finding(code: str, field: str, **values: object) -> Finding:
    severity, message, message_vi = _FINDINGS[code]
    return Finding.formatted(code, severity, (message, message_vi), values, field=field)


def _unknown(code: str, where: str, names: Sequence[str], listed: set[str]) -> list[Finding]:
    """A warning ``code`` at ``where[j]`` for each name not ``listed``."""
    return [
        _finding(code, f"{where}[{j}]", name=name)
        for j, name in enumerate(names)
        if name not in listed
    ]


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


def _underpaid(
    key: str, due: Decimal, payments: Sequence[FeePayment], where: str, on: date
) -> Finding | None:
    """``underpaid`` when the payments for ``key`` sum to less than ``due``."""
    paid = sum((Decimal(p.amount_vnd) for p in payments if p.fee == key), Decimal(0))
    if paid >= due:
        return None
    return _finding("underpaid", where, key=key, paid=paid, due=due, on=on.isoformat())


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
                found.append(_finding("unpriced-fee", f"fees[{i}]", key=key))
            continue
        if (bad := _underpaid(key, due, payments, f"fees[{i}]", on)) is not None:
            found.append(bad)
    return found


class ResultKind(enum.StrEnum):
    """How the result is issued (loại kết quả giải quyết)."""

    PAPER = "paper"
    """Bản giấy: a paper result only."""
    ELECTRONIC = "electronic"
    """Bản điện tử: an electronic result (with or without a paper copy); the 766
    indicator 4.1 counts these."""


class DossierFee(CchcRecord):
    """A fee due on a dossier (phí, lệ phí phải nộp): the procedure's fee at the amount
    due on the receipt day (:func:`~cchc.procedures.amount_due`, e.g. 50 % under
    Thông tư 64/2025/TT-BTC until 31/12/2026)."""

    name: str = Field(min_length=1, description="Tên phí, lệ phí (TenPhiLePhi).")
    code: str | None = Field(default=None, description="Mã phí, lệ phí (MaPhiLePhi).")
    kind: FeeKind | None = Field(default=None, description="Phí or lệ phí (None: not said).")
    amount_vnd: int | None = Field(
        default=None,
        ge=0,
        description="Số tiền phải nộp in đồng (Gia); None: the fee has no figure in đồng.",
    )
    method: PaymentMethod | None = Field(
        default=None,
        description="Hình thức thu as read from a portal payload (HinhThucThu), when the "
        "payments themselves are not known.",
    )

    @property
    def key(self) -> str:
        """What a :class:`FeePayment` names to pay this fee: the code, else the name."""
        return self.code or self.name


def fees_due(fees: Iterable[Fee], on: date) -> tuple[DossierFee, ...]:
    """The fees due on a dossier received on ``on``: one :class:`DossierFee` per fee.

    The name is the fee's description, else its text; the kind is the fee's, else the one
    its wording names ("Lệ phí …", "Phí …"); the amount is
    :func:`~cchc.procedures.amount_due` on ``on`` (whole đồng, rounded half up
    only when a reduction leaves a fraction).

    >>> from cchc.procedures import Fee
    >>> fee = Fee(text="Lệ phí", description="Lệ phí cấp thẻ", amount_vnd=50_000,
    ...           reduced_by=("TT64-2025",))
    >>> fees_due([fee], date(2026, 3, 2))[0].amount_vnd
    25000
    """
    out = []
    for fee in fees:
        due = amount_due(fee, on)
        amount = None if due is None else int(due.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
        out.append(
            DossierFee(
                name=fee.description or fee.text or fee.code or "phí, lệ phí",
                code=fee.code,
                kind=fee.kind or fee_kind_of(fee.description) or fee_kind_of(fee.text),
                amount_vnd=amount,
            )
        )
    return tuple(out)


def check_fees_paid(
    fees: Sequence[DossierFee], payments: Sequence[FeePayment], *, on: date
) -> list[Finding]:
    """``underpaid`` findings of a dossier's payments against its fees due (by ``key``);
    ``unknown-payment`` (warning): a payment that names no fee of the dossier."""
    found: list[Finding] = []
    for i, fee in enumerate(fees):
        if fee.amount_vnd is None or fee.amount_vnd == 0:
            continue
        bad = _underpaid(fee.key, Decimal(fee.amount_vnd), payments, f"fees[{i}]", on)
        if bad is not None:
            found.append(bad)
    found.extend(
        _unknown("unknown-payment", "payments", [p.fee for p in payments], {f.key for f in fees})
    )
    return found
