"""Exchange with the national portal (Cổng Dịch vụ công quốc gia): status codes and payload.

Provincial one-stop systems sync each dossier to the portal (service
``DongBoHoSoMC``) with a payload whose keys were read in OpenCPS v2's portal
integration (registry ``OPENCPS-DVCQG-SYNC``, a secondary source: no official
specification was found):

* **dates** as ``yyyyMMddHHmmss`` in Asia/Ho_Chi_Minh time, an absent date as ``""``
  (:func:`portal_date`, :func:`read_portal_date`);
* **status** ``TrangThaiHoSo``, a code 1-10 (:func:`portal_status_table`, rule data
  ``dossiers/data/portal_status.csv``, registry ``CONV-PORTAL-STATUS``: only code 10
  was read in a system's code; the others are the table in use, UNCONFIRMED).
  Each dossier event writes one code; a code reads back as one event;
* **supplements and reschedulings** in ``DanhSachHoSoBoSung``: one item per
  supplement request (``NgayBoSung`` the request, ``NgayTiepNhanBoSung`` the answer,
  ``NgayHenTraTruoc`` / ``NgayHenTraMoi`` the due moment before the request and
  after the answer) and one per rescheduling (``NgayBoSung`` the apology,
  ``NgayHenTraTruoc`` / ``NgayHenTraMoi`` the due moment before and the new one);
  ``TrangThaiBoSung`` tells them apart: ``0`` pending, ``1`` received,
  ``2`` rescheduling (cchc's values: the portal's were not read);
* **fees** in ``DanhSachLePhi`` (``TenPhiLePhi``, ``MaPhiLePhi``, ``Gia`` in đồng,
  ``LoaiPhiLePhi`` ``Phí`` / ``Lệ phí``, ``HinhThucThu`` the payment method);
* **papers** in ``TaiLieuNop`` (``TenTepDinhKem``), the applicant in ``ChuHoSo``,
  ``LoaiDoiTuong`` (1 person, 2 organisation), ``MaDoiTuong`` (CCCD or tax code),
  ``SoDienThoai``, ``Email``; ``HinhThuc`` 1 when the result goes by post.

What the payload cannot carry (so :meth:`~cchc.dossiers.Dossier.from_portal_payload`
cannot give it back): the applicant's address; the channel and the time limit
(taken from the procedure); the case; a paper's counts, electronic and digitised
flags; payments' moments and amounts; the result kind; a transfer's moment (status 4
reads back as a transfer at the receipt moment); the notes of events other than
supplements, reschedulings and the finishing event (``GhiChu``); ``NgayHenTra``,
which the deadline engine recomputes.

The payload carries the applicant's identity number, phone and email in full: it is
the data sent to the portal. Errors raised while reading one never echo them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol

from pydantic import Field, field_validator

from cchc._data import load_bundled_csv
from cchc._model import CchcRecord
from cchc.errors import ValidationError
from cchc.procedures import FeeKind
from cchc.tz import VN_TZ, require_aware, to_vn

from .events import Event, EventKind, finish_index
from .submission import (
    Applicant,
    ApplicantKind,
    DossierFee,
    FeePayment,
    PaymentMethod,
    SubmittedPaper,
)

__all__ = [
    "PAYLOAD_KEYS",
    "PAYLOAD_SOURCE",
    "PORTAL_DATE_FORMAT",
    "PortalStatus",
    "dossier_fields_from_payload",
    "portal_date",
    "portal_status_of",
    "portal_status_table",
    "read_portal_date",
    "to_payload",
]

PAYLOAD_SOURCE = "OPENCPS-DVCQG-SYNC"
"""Registry key of the payload's keys, date format and codes (OpenCPS v2, secondary)."""

PORTAL_DATE_FORMAT = "%Y%m%d%H%M%S"
"""``yyyyMMddHHmmss`` in Asia/Ho_Chi_Minh (OpenCPS ``convertDate2String``)."""

PAYLOAD_KEYS: tuple[str, ...] = (
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "MaLinhVuc",
    "TenLinhVuc",
    "ChuHoSo",
    "LoaiDoiTuong",
    "MaDoiTuong",
    "ThongTinKhac",
    "Email",
    "Fax",
    "SoDienThoai",
    "TrichYeuHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "TrangThaiHoSo",
    "NgayTra",
    "ThongTinTra",
    "HinhThuc",
    "NgayKetThucXuLy",
    "DonViXuLy",
    "GhiChu",
    "DanhSachLePhi",
    "DanhSachTepDinhKemKhac",
    "DanhSachHoSoBoSung",
    "DanhSachGiayToKetQua",
    "TaiLieuNop",
)
"""The payload's keys in OpenCPS's order (``createSyncDossierBodyRequest``)."""

_SUPPLEMENT_PENDING, _SUPPLEMENT_DONE, _RESCHEDULING = "0", "1", "2"
_KIND_TEXT = {FeeKind.FEE: "Phí", FeeKind.CHARGE: "Lệ phí"}


class PortalStatus(CchcRecord):
    """One code of the portal's dossier status (TrangThaiHoSo) and its dossier events."""

    code: int = Field(ge=1, description="Mã trạng thái (TrangThaiHoSo).")
    name: str = Field(min_length=1, description="Tên trạng thái.")
    writes_from: tuple[EventKind, ...] = Field(
        default=(), description="The events whose latest occurrence is written as this code."
    )
    reads_as: EventKind | None = Field(
        default=None, description="The event a payload with this code ends with (None: none)."
    )
    source: str = Field(description="Registry key.")
    note: str = Field(default="", description="What the code means and what was not read.")

    @field_validator("writes_from", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return tuple(v for v in value.split(";") if v) if isinstance(value, str) else value


@lru_cache(maxsize=1)
def portal_status_table() -> tuple[PortalStatus, ...]:
    """The bundled status table (codes 1-10), each row citing its registry key."""
    return load_bundled_csv(PortalStatus, "cchc.dossiers", "data", "portal_status.csv")


@lru_cache(maxsize=1)
def _code_of_event() -> dict[EventKind, int]:
    return {kind: row.code for row in portal_status_table() for kind in row.writes_from}


def _status_row(code: int) -> PortalStatus:
    for row in portal_status_table():
        if row.code == code:
            return row
    known = ", ".join(str(r.code) for r in portal_status_table())
    raise ValidationError(f"unknown portal status {code} (known: {known})", field="TrangThaiHoSo")


def portal_status_of(events: Sequence[Event], at: datetime | None = None) -> int | None:
    """The portal status code of a dossier with ``events`` as of ``at`` (None: before receipt).

    The latest event at or before ``at`` (default: the last one) gives the code
    (``received`` 2, ``transferred`` / ``supplement_received`` / ``rescheduled`` 4,
    ``supplement_requested`` 5, ``refused`` 3, ``withdrawn`` 7, ``decided`` 9,
    ``returned`` 10).
    """
    moment = None if at is None else require_aware(at, field="at")
    last = None
    for ev in events:
        if moment is not None and ev.at > moment:
            break
        last = ev
    return None if last is None else _code_of_event()[last.kind]


def portal_date(value: datetime | None) -> str:
    """``value`` as the portal writes it (``yyyyMMddHHmmss`` in Vietnam time; None -> ``""``).

    >>> from cchc.tz import VN_TZ
    >>> portal_date(datetime(2026, 3, 2, 8, 5, tzinfo=VN_TZ))
    '20260302080500'
    """
    return "" if value is None else to_vn(value).strftime(PORTAL_DATE_FORMAT)


def read_portal_date(text: Any, *, field: str) -> datetime | None:
    """A portal date (``yyyyMMddHHmmss``, Vietnam time) as an aware datetime; ``""`` -> None.

    Raises:
        ValidationError: not 14 digits of a real moment (naming ``field``).
    """
    if text is None or text == "":
        return None
    if not isinstance(text, str) or len(text) != 14 or not text.isdigit():
        raise ValidationError(
            f"a portal date is yyyyMMddHHmmss (14 digits), not {text!r}", field=field
        )
    try:
        return datetime.strptime(text, PORTAL_DATE_FORMAT).replace(tzinfo=VN_TZ)
    except ValueError:
        raise ValidationError(f"not a real moment: {text!r}", field=field) from None


class PayloadSource(Protocol):
    """What :func:`to_payload` reads of a dossier (:class:`~cchc.dossiers.Dossier`)."""

    @property
    def code(self) -> str | None: ...
    @property
    def procedure_code(self) -> str | None: ...
    @property
    def field(self) -> str: ...
    @property
    def agency(self) -> str: ...
    @property
    def events(self) -> tuple[Event, ...]: ...
    @property
    def applicant(self) -> Applicant | None: ...
    @property
    def papers(self) -> tuple[SubmittedPaper, ...]: ...
    @property
    def fees(self) -> tuple[DossierFee, ...]: ...
    @property
    def payments(self) -> tuple[FeePayment, ...]: ...
    @property
    def return_by_post(self) -> bool: ...


DueOf = Callable[[int], datetime]
"""The due moment of the dossier cut to its first ``n`` events (the engine's replay)."""


def _item(
    ev: Event, state: str, due_before: datetime, due_after: datetime | None
) -> dict[str, Any]:
    """One ``DanhSachHoSoBoSung`` item for a supplement request or a rescheduling ``ev``."""
    return {
        "HoSoBoSungId": "",
        "NguoiYeuCauBoSung": "",
        "NoiDungBoSung": ev.note or "",
        "NgayBoSung": portal_date(ev.at),
        "NguoiTiepNhanBoSung": "",
        "ThongTinTiepNhan": "",
        "NgayTiepNhanBoSung": "",
        "TrangThaiBoSung": state,
        "DanhSachGiayToBoSung": [],
        "DanhSachLePhiBoSung": [],
        "NgayHenTraTruoc": portal_date(due_before),
        "NgayHenTraMoi": portal_date(due_after),
    }


def _supplements(events: Sequence[Event], due_of: DueOf) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    open_request: dict[str, Any] | None = None
    for i, ev in enumerate(events):
        if ev.kind is EventKind.SUPPLEMENT_REQUESTED:
            open_request = _item(ev, _SUPPLEMENT_PENDING, due_of(i), None)
            items.append(open_request)
        elif ev.kind is EventKind.SUPPLEMENT_RECEIVED and open_request is not None:
            open_request["NgayTiepNhanBoSung"] = portal_date(ev.at)
            open_request["TrangThaiBoSung"] = _SUPPLEMENT_DONE
            open_request["NgayHenTraMoi"] = portal_date(due_of(i + 1))
            open_request = None
        elif ev.kind is EventKind.RESCHEDULED:
            items.append(_item(ev, _RESCHEDULING, due_of(i), ev.new_due_at))
    for n, item in enumerate(items, start=1):
        item["HoSoBoSungId"] = str(n)
    return items


def _fee_items(fees: Sequence[DossierFee], payments: Sequence[FeePayment]) -> list[dict[str, Any]]:
    out = []
    for fee in fees:
        paid = next((p.method for p in payments if p.fee == fee.key), fee.method)
        out.append(
            {
                "TenPhiLePhi": fee.name,
                "MaPhiLePhi": fee.code or "",
                "HinhThucThu": "" if paid is None else paid.value,
                "Gia": "" if fee.amount_vnd is None else str(fee.amount_vnd),
                "LoaiPhiLePhi": _KIND_TEXT.get(fee.kind, "") if fee.kind else "",
            }
        )
    return out


def to_payload(
    dossier: PayloadSource,
    *,
    due_of: DueOf,
    procedure_name: str = "",
    field_code: str = "",
) -> dict[str, Any]:
    """The sync payload of ``dossier`` (keys :data:`PAYLOAD_KEYS`, in that order).

    Raises:
        ValidationError: the dossier has no code (``MaHoSo``) or no procedure
            code (``MaTTHC``): the portal identifies a dossier by both.
    """
    if not dossier.code:
        raise ValidationError("the portal needs the dossier code (MaHoSo)", field="code")
    if not dossier.procedure_code:
        raise ValidationError(
            "the portal needs the procedure code (MaTTHC)", field="procedure_code"
        )
    events = dossier.events
    who = dossier.applicant
    end = finish_index(events)
    ending = None if end is None or events[end].kind is EventKind.RETURNED else events[end]
    returned = next((ev for ev in events if ev.kind is EventKind.RETURNED), None)
    kind = "" if who is None else ("2" if who.kind is ApplicantKind.ORGANISATION else "1")
    payload: dict[str, Any] = {
        "MaHoSo": dossier.code,
        "MaTTHC": dossier.procedure_code,
        "TenTTHC": procedure_name,
        "MaLinhVuc": field_code,
        "TenLinhVuc": dossier.field,
        "ChuHoSo": "" if who is None else who.name,
        "LoaiDoiTuong": kind,
        "MaDoiTuong": "" if who is None else (who.identity_number or who.tax_code or ""),
        "ThongTinKhac": "",
        "Email": "" if who is None else who.email or "",
        "Fax": "",
        "SoDienThoai": "" if who is None else who.phone or "",
        "TrichYeuHoSo": "",
        "NgayTiepNhan": portal_date(events[0].at),
        "NgayHenTra": portal_date(due_of(len(events))),
        "TrangThaiHoSo": str(portal_status_of(events)),
        "NgayTra": portal_date(None if returned is None else returned.at),
        "ThongTinTra": "",
        "HinhThuc": "1" if dossier.return_by_post else "0",
        "NgayKetThucXuLy": portal_date(None if ending is None else ending.at),
        "DonViXuLy": dossier.agency,
        "GhiChu": "" if ending is None else ending.note or "",
        "DanhSachLePhi": _fee_items(dossier.fees, dossier.payments),
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": _supplements(events, due_of),
        "DanhSachGiayToKetQua": [],
        "TaiLieuNop": [
            {
                "TepDinhKemId": str(n),
                "TenTepDinhKem": paper.name,
                "MaThanhPhanHoSo": "",
                "DuongDanTaiTepTin": "",
                "IsDeleted": "False",
            }
            for n, paper in enumerate(dossier.papers, start=1)
        ],
    }
    return payload


# -- reading a payload back ---------------------------------------------------
def _text(payload: Mapping[str, Any], key: str) -> str:
    value = payload.get(key, "")
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValidationError(f"{key} must be a text", field=key)
    return value.strip()


def _list(payload: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = payload.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise ValidationError(f"{key} must be a list of objects", field=key)
    return value


def _applicant(payload: Mapping[str, Any]) -> Applicant | None:
    name = _text(payload, "ChuHoSo")
    if not name:
        return None
    org = _text(payload, "LoaiDoiTuong") == "2"
    ident = _text(payload, "MaDoiTuong") or None
    return Applicant(
        kind=ApplicantKind.ORGANISATION if org else ApplicantKind.PERSON,
        name=name,
        identity_number=None if org or ident is None or not _is_cccd(ident) else ident,
        tax_code=ident if ident is not None and (org or not _is_cccd(ident)) else None,
        phone=_text(payload, "SoDienThoai") or None,
        email=_text(payload, "Email") or None,
    )


def _is_cccd(text: str) -> bool:
    return len(text) == 12 and text.isdigit()


def _fees(payload: Mapping[str, Any]) -> tuple[DossierFee, ...]:
    kinds = {v: k for k, v in _KIND_TEXT.items()}
    out = []
    for i, item in enumerate(_list(payload, "DanhSachLePhi")):
        where = f"DanhSachLePhi[{i}]"
        price = _text(item, "Gia")
        if price and not price.isdigit():
            raise ValidationError(f"Gia is a whole number of đồng, not {price!r}", field=where)
        method = _text(item, "HinhThucThu")
        if method and method not in set(PaymentMethod):
            known = ", ".join(m.value for m in PaymentMethod)
            raise ValidationError(f"HinhThucThu is one of {known}, not {method!r}", field=where)
        kind_text = _text(item, "LoaiPhiLePhi")
        if kind_text and kind_text not in kinds:
            raise ValidationError(f"LoaiPhiLePhi is Phí or Lệ phí, not {kind_text!r}", field=where)
        out.append(
            DossierFee(
                name=_text(item, "TenPhiLePhi") or _text(item, "MaPhiLePhi") or "phí, lệ phí",
                code=_text(item, "MaPhiLePhi") or None,
                kind=kinds.get(kind_text),
                amount_vnd=int(price) if price else None,
                method=PaymentMethod(method) if method else None,
            )
        )
    return tuple(out)


def _events(payload: Mapping[str, Any]) -> list[Event]:
    received = read_portal_date(_text(payload, "NgayTiepNhan"), field="NgayTiepNhan")
    if received is None:
        raise ValidationError(
            "the payload has no receipt date (NgayTiepNhan)", field="NgayTiepNhan"
        )
    raw_status = _text(payload, "TrangThaiHoSo")
    if not raw_status.isdigit():
        raise ValidationError(
            f"TrangThaiHoSo is a status code, not {raw_status!r}", field="TrangThaiHoSo"
        )
    status = _status_row(int(raw_status))
    events = [Event(kind=EventKind.RECEIVED, at=received)]
    for i, item in enumerate(_list(payload, "DanhSachHoSoBoSung")):
        where = f"DanhSachHoSoBoSung[{i}]"
        state = _text(item, "TrangThaiBoSung")
        at = read_portal_date(_text(item, "NgayBoSung"), field=f"{where}.NgayBoSung")
        if at is None:
            raise ValidationError("an item without its moment (NgayBoSung)", field=where)
        note = _text(item, "NoiDungBoSung") or None
        if state == _RESCHEDULING:
            new_due = read_portal_date(_text(item, "NgayHenTraMoi"), field=f"{where}.NgayHenTraMoi")
            events.append(Event(kind=EventKind.RESCHEDULED, at=at, new_due_at=new_due, note=note))
        elif state in (_SUPPLEMENT_PENDING, _SUPPLEMENT_DONE):
            events.append(Event(kind=EventKind.SUPPLEMENT_REQUESTED, at=at, note=note))
            answered = read_portal_date(
                _text(item, "NgayTiepNhanBoSung"), field=f"{where}.NgayTiepNhanBoSung"
            )
            if answered is not None:
                events.append(Event(kind=EventKind.SUPPLEMENT_RECEIVED, at=answered))
        else:
            raise ValidationError(
                f"TrangThaiBoSung is 0 (pending), 1 (received) or 2 (rescheduling), not {state!r}",
                field=where,
            )
    ended = read_portal_date(_text(payload, "NgayKetThucXuLy"), field="NgayKetThucXuLy")
    returned = read_portal_date(_text(payload, "NgayTra"), field="NgayTra")
    note = _text(payload, "GhiChu") or None
    last = status.reads_as
    if last in (EventKind.REFUSED, EventKind.WITHDRAWN, EventKind.DECIDED):
        if ended is None:
            raise ValidationError(
                f"status {status.code} ({status.name}) needs its moment (NgayKetThucXuLy)",
                field="NgayKetThucXuLy",
            )
        events.append(Event(kind=last, at=ended, note=note))
    elif last is EventKind.RETURNED:
        if ended is not None:
            events.append(Event(kind=EventKind.DECIDED, at=ended, note=note))
        if returned is None:
            raise ValidationError(
                f"status {status.code} ({status.name}) needs its moment (NgayTra)", field="NgayTra"
            )
        events.append(Event(kind=EventKind.RETURNED, at=returned))
    elif last is EventKind.TRANSFERRED and len(events) == 1:
        events.append(Event(kind=EventKind.TRANSFERRED, at=received))
    events.sort(key=lambda ev: ev.at)
    return events


def dossier_fields_from_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a :class:`~cchc.dossiers.Dossier` a payload carries (see the module).

    Raises:
        ValidationError: a key of the wrong type, a date not ``yyyyMMddHHmmss``, an
            unknown status code, or a status without its moment.
    """
    if not isinstance(payload, Mapping):
        raise ValidationError("a portal payload is a JSON object")
    unknown = sorted(set(payload) - set(PAYLOAD_KEYS))
    if unknown:
        raise ValidationError(f"unknown payload key(s): {', '.join(unknown)}", field=unknown[0])
    papers = tuple(
        SubmittedPaper(name=_text(item, "TenTepDinhKem") or f"TaiLieuNop[{j}]")
        for j, item in enumerate(_list(payload, "TaiLieuNop"))
        if _text(item, "IsDeleted").lower() != "true"
    )
    return {
        "code": _text(payload, "MaHoSo") or None,
        "procedure_code": _text(payload, "MaTTHC") or None,
        "field": _text(payload, "TenLinhVuc"),
        "agency": _text(payload, "DonViXuLy"),
        "applicant": _applicant(payload),
        "papers": papers,
        "fees": _fees(payload),
        "return_by_post": _text(payload, "HinhThuc") == "1",
        "events": _events(payload),
    }
