"""The two sets of one-stop forms and which one is in force on a date.

=====================  ==============================  ========================================
Kind                   Thông tư 01/2018/TT-VPCP        Thông tư 03/2025/TT-VPCP (Phụ lục I)
=====================  ==============================  ========================================
receipt                Mẫu số 01                       Mẫu số 01
supplement_request     Mẫu số 02                       Mẫu số 02
refusal                Mẫu số 03                       Mẫu số 03
apology                Mẫu số 04 (Phiếu xin lỗi và     Mẫu số 04 (Văn bản xin lỗi và đề nghị
                       hẹn lại ngày trả kết quả)       gia hạn thời gian giải quyết)
stop_notice            —                               Mẫu số 05
control_sheet          Mẫu số 05                       Mẫu số 06
tracking_book          Mẫu số 06                       Mẫu số 07
=====================  ==============================  ========================================

The titles of TT 01/2018 come from its Art 9 (Pháp điển text); the TT 03/2025 list
comes from secondary copies only. TT 03/2025's effective date is UNCONFIRMED: cchc
switches on its signing date by the documented convention ``CONV-FORMS-TT03``::

    >>> from datetime import date
    >>> regime_in_force(date(2025, 9, 14)).key
    'TT01-2018'
    >>> regime_in_force(date(2025, 9, 15)).template("stop_notice").code
    'Mẫu số 05'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from types import MappingProxyType

import attrs

from cchc.errors import ValidationError
from cchc.legal import LegalSource, RuleVersion, in_force, source

from .kinds import FormKind, FormNotInRegimeError

__all__ = ["REGIME_KEYS", "Regime", "Template", "regime", "regime_in_force", "regime_versions"]


@attrs.frozen
class Template:
    """One form of a regime: its number, title, paper size and signers."""

    kind: FormKind
    number: int
    title: str
    signers: tuple[str, ...]
    """Signature blocks, left to right (e.g. NGƯỜI NỘP HỒ SƠ, NGƯỜI TIẾP NHẬN HỒ SƠ)."""
    paper: str = "A5"
    """A5 (148 x 210 mm) for the slips, A4 landscape for the book (TT 01/2018 Art 9(2))."""

    @property
    def code(self) -> str:
        """The form number as printed: "Mẫu số 01"."""
        return f"Mẫu số {self.number:02d}"


@attrs.frozen
class Regime:
    """A set of forms prescribed by one circular (registry key ``key``)."""

    key: str
    templates: Mapping[FormKind, Template]
    desk: str
    """How the circular names the desk: "Bộ phận tiếp nhận và trả kết quả" (ND 61/2018,
    TT 01/2018) or "Bộ phận Một cửa" (ND 118/2025)."""

    @property
    def source(self) -> LegalSource:
        """The circular, from the source registry."""
        return source(self.key)

    def template(self, kind: FormKind | str) -> Template:
        """The template of ``kind``.

        Raises:
            FormNotInRegimeError: the circular has no form of this kind.
        """
        k = FormKind(kind)
        try:
            return self.templates[k]
        except KeyError:
            raise FormNotInRegimeError(
                f"{self.source.doc_type} {self.source.number} has no form of kind {k.value!r}",
                field="kind",
            ) from None


_RECEIVER = ("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ")
_COMMON = {
    FormKind.RECEIPT: ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", _RECEIVER),
    FormKind.SUPPLEMENT_REQUEST: ("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", ("NGƯỜI HƯỚNG DẪN",)),
    FormKind.REFUSAL: ("Phiếu từ chối tiếp nhận giải quyết hồ sơ", ("NGƯỜI TIẾP NHẬN HỒ SƠ",)),
    FormKind.CONTROL_SHEET: ("Phiếu kiểm soát quá trình giải quyết hồ sơ", ()),
    FormKind.TRACKING_BOOK: ("Sổ theo dõi hồ sơ", ()),
}
_HEAD = ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",)
_FIRST_FOUR = (
    FormKind.RECEIPT,
    FormKind.SUPPLEMENT_REQUEST,
    FormKind.REFUSAL,
    FormKind.APOLOGY,
)


def _templates(
    order: tuple[FormKind, ...], titles: Mapping[FormKind, tuple[str, tuple[str, ...]]]
) -> Mapping[FormKind, Template]:
    """Templates numbered 01, 02, ... in the circular's ``order``."""
    out = {}
    for number, kind in enumerate(order, start=1):
        title, signers = titles[kind]
        paper = "A4" if kind is FormKind.TRACKING_BOOK else "A5"
        out[kind] = Template(kind=kind, number=number, title=title, signers=signers, paper=paper)
    return MappingProxyType(out)


_TT01 = Regime(
    key="TT01-2018",
    templates=_templates(
        (*_FIRST_FOUR, FormKind.CONTROL_SHEET, FormKind.TRACKING_BOOK),
        {**_COMMON, FormKind.APOLOGY: ("Phiếu xin lỗi và hẹn lại ngày trả kết quả", _HEAD)},
    ),
    desk="Bộ phận tiếp nhận và trả kết quả",
)
_TT03 = Regime(
    key="TT03-2025",
    templates=_templates(
        (*_FIRST_FOUR, FormKind.STOP_NOTICE, FormKind.CONTROL_SHEET, FormKind.TRACKING_BOOK),
        {
            **_COMMON,
            FormKind.APOLOGY: ("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", _HEAD),
            FormKind.STOP_NOTICE: ("Thông báo dừng giải quyết hồ sơ", _HEAD),
        },
    ),
    desk="Bộ phận Một cửa",
)
REGIME_KEYS = (_TT01.key, _TT03.key)
"""Registry keys of the circulars whose forms cchc prints."""


@cache
def regime_versions() -> tuple[RuleVersion[Regime], ...]:
    """The regimes as dated rule versions (TT 01/2018 until the TT 03/2025 switch)."""
    switch = source("CONV-FORMS-TT03").effective_from
    return (
        RuleVersion(value=_TT01, source=_TT01.source, effective_to=switch),
        RuleVersion(value=_TT03, source=_TT03.source, effective_from=switch),
    )


def regime_in_force(day: date) -> Regime:
    """The set of forms in force on ``day`` (the date of the event producing the form).

    Raises:
        RuleNotInForceError: ``day`` is before Thông tư 01/2018/TT-VPCP (06/01/2019).
    """
    return in_force(regime_versions(), day).value


def regime(key: str) -> Regime:
    """A regime by registry key ('TT01-2018' or 'TT03-2025').

    Raises:
        ValidationError: another key.
    """
    for version in regime_versions():
        if version.value.key == key:
            return version.value
    raise ValidationError(f"unknown form regime {key!r}; use one of {REGIME_KEYS}", field="regime")
