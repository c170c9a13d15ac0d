"""The national TTHC record (Cơ sở dữ liệu quốc gia về TTHC) read and written.

A one-stop system takes each procedure from the national portal (Cổng Dịch vụ
công quốc gia, service ``LayThuTuc``) as one JSON record. No official field
specification was found; the field list and the code tables below are read
from systems that consume the record, secondary readings recorded in the source
registry: ``TD-DVC-THUTUC`` (a provincial one-stop system's record types,
``AddThuTucCommand.cs`` / ``AddThuTucTypes.cs``: every field is text) and
``OPENCPS-DVCQG`` (OpenCPS v2, ``DVCQGIntegrationActionImpl.java``):

==========================  ==================================================
``MATTHC``, ``TENTTHC``     code, name (required)
``ID``, ``TRANGTHAI``       id on the portal; status (1 = public)
``LOAITTHC``, ``MOTA``,     kind of procedure; description; keywords
``TUKHOA``
``QUYETDINH``,              the announcement decision's number and id
``IDQUYETDINHCONGBO``
``MACOQUANCONGBO``          publishing agency code
``CAPTHUCHIEN``             ``[{CAPTHUCHIEN, TENCAP}]`` levels
``LINHVUCTHUCHIEN``         ``[{MALINHVUC, TENLINHVUC}]``
``CACHTHUCTHUCHIEN``        ``[{KENH, THOIGIAN: [{THOIGIANGIAIQUYET, DONVITINH,
                            MOTA, PHILEPHI: [{MAPHILEPHI, SOTIEN, DONVI, MOTA,
                            TENTEP, URL}]}]}]``
``THANHPHANHOSO``           ``[{TRUONGHOP, GIAYTO: [{MAGIAYTO, TENGIAYTO,
                            SOBANCHINH, SOBANSAO, TENMAUDON, URL,
                            MA_KQ_THAYTHE}]}]``
``TRINHTUTHUCHIEN``         ``[{TRUONGHOP, TRINHTU: [{TENTRINHTU}]}]``
``DOITUONGTHUCHIEN``        ``[{MADOITUONG, TENDOITUONG}]``, ``MOTADOITUONGTHUCHIEN``
``COQUANTHUCHIEN``,         ``[{MADONVI, TENDONVI}]`` each; ``MOTACOQUANTHUCHIEN``,
``COQUANCOTHAMQUYEN``,      ``MOTACOQUANTHAMQUYEN``
``COQUANDUOCUYQUYEN``,
``COQUANPHOIHOP``
``DIACHITIEPNHAN``          where dossiers are received
``KETQUATHUCHIEN``          ``[{MAKETQUA, TENKETQUA, TENTEP, URL}]``
``CANCUPHAPLY``             ``[{SOVANBAN, TENVANBAN, COQUANBANHANH, NGAYBANHANH,
                            NGAYHIEULUC, DIACHITRUYCAP}]``
``TTHCLIENQUAN``,           related and linked procedures (lists of text)
``TTHCLIENTHONG``
``YEUCAU``                  requirements and conditions (text)
==========================  ==================================================

Code tables: :data:`CHANNEL_CODES` (``KENH``), :data:`LEVEL_CODES`
(``CAPTHUCHIEN``), :data:`UNIT_NAMES` (``DONVITINH``), :data:`VND_NAMES`
(``DONVI``). A fraction of a day ("THOIGIANGIAIQUYET": "0,5", "Ngày") becomes
working hours by the registry rule ``CONV-DAY-8H``.

Reading is strict: an unknown key, a wrong type or a code outside its table is
a :class:`~cchc.errors.ValidationError` (or :class:`~cchc.errors.ParseError`
for a unit or a currency) naming the field path
(``CACHTHUCTHUCHIEN[0].THOIGIAN[1].DONVITINH``) and, as ``item``, the record's
MATTHC. Numbers are read from JSON numbers or from text ("5", "0,5",
"500.000", "Không" for a fee of 0). Writing gives back every field read, in the
portal's names; numbers are written as text, as the declared record types have
them (a number read as text is written as it was published); a JSON ``null``
counts as an absent field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from cchc._model import CchcRecord
from cchc.errors import CchcError, ParseError, ValidationError
from cchc.legal import LegalSource
from cchc.legal import source as registry_source

from .record import ProcedureRecord
from .terms import (
    ChannelTerms,
    CodeName,
    DocumentPart,
    Fee,
    LegalBasis,
    ProcedureCase,
    ProcedureLevel,
    ProcedureResult,
    ProcedureSteps,
    TimeLimit,
    conditional_phrase,
    fee_kind_of,
)
from .time_limits import working_hours_for_days
from .vocabulary import LEVEL_VI, AuthorityLevel, Channel, TimeUnit

FIELD_SOURCES: tuple[str, ...] = ("TD-DVC-THUTUC", "OPENCPS-DVCQG")
"""Registry keys of the readings of the record's fields and code tables."""


def field_sources() -> tuple[LegalSource, ...]:
    """The registry sources the field list and code tables were read from."""
    return tuple(registry_source(key) for key in FIELD_SOURCES)


CHANNEL_CODES: Mapping[int, Channel] = {
    1: Channel.IN_PERSON,
    2: Channel.ONLINE,
    3: Channel.POST,
}
"""``KENH``: 1 trực tiếp, 2 trực tuyến, 3 nộp qua bưu chính công ích (OpenCPS v2)."""

LEVEL_CODES: Mapping[int, AuthorityLevel] = {
    0: AuthorityLevel.CENTRAL,
    1: AuthorityLevel.PROVINCIAL,
    2: AuthorityLevel.DISTRICT,
    3: AuthorityLevel.COMMUNE,
}
"""``CAPTHUCHIEN``: 0 cấp bộ, 1 cấp tỉnh, 2 cấp huyện, 3 cấp xã (TD-DVC-IMPORT)."""

UNIT_NAMES: Mapping[str, TimeUnit] = {
    "ngày làm việc": TimeUnit.WORKING_DAYS,
    "ngày": TimeUnit.DAYS,
    "giờ": TimeUnit.HOURS,
    "giờ làm việc": TimeUnit.HOURS,
    "tháng": TimeUnit.MONTHS,
}
"""``DONVITINH`` (lower case) -> unit. The portal's one hours unit "Giờ" is read as
working hours, as one-stop systems count it (OpenCPS: 1 day = 8 working hours)."""

_UNIT_OUT = {
    TimeUnit.WORKING_DAYS: "Ngày làm việc",
    TimeUnit.DAYS: "Ngày",
    TimeUnit.HOURS: "Giờ",
    TimeUnit.MONTHS: "Tháng",
    TimeUnit.IMMEDIATE: "Ngày làm việc",
}

VND_NAMES = frozenset({"đồng", "vnđ", "vnd", "việt nam đồng", "đ"})
"""``DONVI`` names of the đồng (lower case); another currency is refused."""


_TEXT_TOP = {
    "TENTTHC": "name",
    "MOTADOITUONGTHUCHIEN": "subjects_text",
    "DIACHITIEPNHAN": "receiving_address",
    "QUYETDINH": "announcement_number",
    "YEUCAU": "requirements",
    "TUKHOA": "keywords",
    "MOTACOQUANTHUCHIEN": "agencies_text",
    "MOTACOQUANTHAMQUYEN": "competent_agencies_text",
    "MOTA": "description",
}
"""Top-level text fields -> Procedure field."""

_IDENT_TOP = {
    "ID": "portal_id",
    "LOAITTHC": "kind",
    "TRANGTHAI": "portal_status",
    "IDQUYETDINHCONGBO": "announcement_id",
}
"""Top-level identifiers (text or whole number, kept as given) -> Procedure field."""

_AGENCY_LISTS = {
    "COQUANTHUCHIEN": "agencies",
    "COQUANCOTHAMQUYEN": "competent_agencies",
    "COQUANDUOCUYQUYEN": "authorised_agencies",
    "COQUANPHOIHOP": "coordinating_agencies",
}
"""Agency lists ``[{MADONVI, TENDONVI}]`` -> Procedure field."""

_TEXT_LISTS = {"TTHCLIENQUAN": "related_procedures", "TTHCLIENTHONG": "linked_procedures"}

_LISTS = {
    "CAPTHUCHIEN",
    "LINHVUCTHUCHIEN",
    "CACHTHUCTHUCHIEN",
    "THANHPHANHOSO",
    "TRINHTUTHUCHIEN",
    "DOITUONGTHUCHIEN",
    "KETQUATHUCHIEN",
    "CANCUPHAPLY",
}
_TOP = frozenset(
    {"MATTHC", "MACOQUANCONGBO"}
    | set(_TEXT_TOP)
    | set(_IDENT_TOP)
    | set(_AGENCY_LISTS)
    | set(_TEXT_LISTS)
    | _LISTS
)

_THOUSANDS = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_ISO_CURRENCY = re.compile(r"[A-Z]{3}")
_FREE_WORDS = frozenset({"không", "miễn phí", "miễn", "0"})


class _Reader:
    """Typed access to one record; every error names the field path and the MATTHC."""

    def __init__(self, code: str | None) -> None:
        self.code = code

    def fail(self, path: str, message: str, *, parse: bool = False) -> CchcError:
        kind = ParseError if parse else ValidationError
        return kind(message, field=path, item=self.code)

    def obj(self, value: Any, path: str, keys: frozenset[str]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path or "record", f"expected an object, not {type(value).__name__}")
        unknown = sorted(k for k in value if k not in keys)
        if unknown:
            raise self.fail(_at(path, unknown[0]), "unknown field of the national TTHC record")
        return value

    def text(self, rec: Mapping[str, Any], key: str, path: str) -> str | None:
        value = rec.get(key)
        if value is None or isinstance(value, str):
            return value
        raise self.fail(_at(path, key), f"expected text, not {type(value).__name__}")

    def required_text(self, rec: Mapping[str, Any], key: str, path: str) -> str:
        value = self.text(rec, key, path)
        if value is None or not value.strip():
            raise self.fail(_at(path, key), "required field missing or empty")
        return value

    def ident(self, rec: Mapping[str, Any], key: str, path: str) -> str | int | None:
        value = rec.get(key)
        if value is None or (isinstance(value, str | int) and not isinstance(value, bool)):
            return value
        raise self.fail(_at(path, key), f"expected text or a whole number, not {value!r}")

    def number(
        self, rec: Mapping[str, Any], key: str, path: str
    ) -> tuple[Decimal, str | None] | None:
        """(value, the text as published or None for a JSON number)."""
        value = rec.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
            raise self.fail(_at(path, key), f"expected a number, not {value!r}")
        raw = value if isinstance(value, str) else None
        digits = str(value).strip().replace(",", ".") if raw is not None else str(value)
        try:
            num = Decimal(digits)
        except ArithmeticError:
            raise self.fail(_at(path, key), f"not a number: {value!r}") from None
        if not num.is_finite() or num < 0:
            raise self.fail(_at(path, key), f"not a number of 0 or more: {value!r}")
        return num, raw

    def whole(self, rec: Mapping[str, Any], key: str, path: str) -> int | None:
        found = self.number(rec, key, path)
        if found is None:
            return None
        if found[0] != found[0].to_integral_value():
            raise self.fail(_at(path, key), f"expected a whole number, not {rec[key]!r}")
        return int(found[0])

    def items(
        self, rec: Mapping[str, Any], key: str, path: str, keys: frozenset[str]
    ) -> list[tuple[str, Mapping[str, Any]]]:
        here = _at(path, key)
        return [(p, self.obj(v, p, keys)) for p, v in self._list(rec, key, here)]

    def texts(self, rec: Mapping[str, Any], key: str) -> tuple[str, ...]:
        out = []
        for p, v in self._list(rec, key, key):
            if not isinstance(v, str):
                raise self.fail(p, f"expected text, not {type(v).__name__}")
            out.append(v)
        return tuple(out)

    def _list(self, rec: Mapping[str, Any], key: str, here: str) -> list[tuple[str, Any]]:
        value = rec.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(here, f"expected a list, not {type(value).__name__}")
        return [(f"{here}[{i}]", v) for i, v in enumerate(value)]


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


def _code_names(
    r: _Reader, rec: Mapping[str, Any], key: str, code_key: str, name_key: str
) -> tuple[CodeName, ...]:
    out = []
    for path, item in r.items(rec, key, "", _keys(code_key, name_key)):
        code, name = r.text(item, code_key, path), r.text(item, name_key, path)
        if code is None and name is None:
            raise r.fail(path, f"neither {code_key} nor {name_key} is given")
        out.append(CodeName(code=code, name=name))
    return tuple(out)


def _limit(r: _Reader, item: Mapping[str, Any], path: str) -> TimeLimit:
    found = r.number(item, "THOIGIANGIAIQUYET", path)
    if found is None:
        raise r.fail(_at(path, "THOIGIANGIAIQUYET"), "required field missing")
    amount, raw = found
    unit_text = r.required_text(item, "DONVITINH", path)
    unit = UNIT_NAMES.get(" ".join(unicodedata.normalize("NFC", unit_text).lower().split()))
    if unit is None:
        known = ", ".join(sorted(UNIT_NAMES))
        raise r.fail(
            _at(path, "DONVITINH"), f"unknown unit {unit_text!r} (known: {known})", parse=True
        )
    if amount == amount.to_integral_value():
        return TimeLimit(amount=int(amount), unit=unit, unit_text=unit_text, amount_text=raw)
    if unit not in (TimeUnit.DAYS, TimeUnit.WORKING_DAYS):
        raise r.fail(
            _at(path, "THOIGIANGIAIQUYET"),
            f"a fractional amount {amount} is read only for days, not {unit_text!r}",
            parse=True,
        )
    try:
        hours = working_hours_for_days(amount)
    except ParseError as exc:
        raise r.fail(_at(path, "THOIGIANGIAIQUYET"), exc.message, parse=True) from None
    return TimeLimit(
        amount=hours, unit=TimeUnit.HOURS, days=amount, unit_text=unit_text, amount_text=raw
    )


_FEE_KEYS = _keys("MAPHILEPHI", "SOTIEN", "DONVI", "MOTA", "TENTEP", "URL")


def _fee_amount(r: _Reader, item: Mapping[str, Any], path: str) -> tuple[int | None, str | None]:
    """(amount in đồng or None when the text is not a figure, SOTIEN as published text)."""
    value = item.get("SOTIEN")
    if isinstance(value, str):
        raw = value.strip()
        if raw.lower() in _FREE_WORDS:
            return 0, value
        if m := _THOUSANDS.match(raw):
            return int(raw.replace(m.group(1), "")), value
        if raw.isdigit():
            return int(raw), value
        return None, value
    found = r.number(item, "SOTIEN", path)
    if found is None:
        return None, None
    if found[0] != found[0].to_integral_value():
        raise r.fail(_at(path, "SOTIEN"), f"a fee in đồng is a whole number, not {found[0]}")
    return int(found[0]), None


def _fee(r: _Reader, item: Mapping[str, Any], path: str) -> Fee:
    code, unit_text = r.text(item, "MAPHILEPHI", path), r.text(item, "DONVI", path)
    description = r.text(item, "MOTA", path)
    amount, raw = _fee_amount(r, item, path)
    money: dict[str, Any] = {"amount_vnd": amount}
    unit = (unit_text or "").strip()
    if unit and unit.lower() not in VND_NAMES:
        if not _ISO_CURRENCY.fullmatch(unit.upper()):
            raise r.fail(
                _at(path, "DONVI"),
                f"currency {unit_text!r} is neither the đồng nor an ISO 4217 code",
                parse=True,
            )
        money = {"amount_vnd": None}
        if amount is not None:
            money = {"foreign_amount": Decimal(amount), "currency": unit.upper()}
    return Fee(
        **money,
        amount_text=raw,
        kind=fee_kind_of(code) or fee_kind_of(description),
        code=code,
        unit_text=unit_text,
        description=description,
        file_name=r.text(item, "TENTEP", path),
        url=r.text(item, "URL", path),
    )


def _channels(r: _Reader, rec: Mapping[str, Any]) -> tuple[ChannelTerms, ...]:
    rows: list[ChannelTerms] = []
    time_keys = _keys("THOIGIANGIAIQUYET", "DONVITINH", "MOTA", "PHILEPHI")
    for path, item in r.items(rec, "CACHTHUCTHUCHIEN", "", _keys("KENH", "THOIGIAN")):
        kenh = r.whole(item, "KENH", path)
        if kenh is None or kenh not in CHANNEL_CODES:
            raise r.fail(_at(path, "KENH"), f"unknown channel code {item.get('KENH')!r} (1, 2, 3)")
        channel = CHANNEL_CODES[kenh]
        times = r.items(item, "THOIGIAN", path, time_keys)
        if not times:
            raise r.fail(_at(path, "THOIGIAN"), "a channel without a time limit")
        for tpath, t in times:
            fees = tuple(_fee(r, f, fp) for fp, f in r.items(t, "PHILEPHI", tpath, _FEE_KEYS))
            rows.append(
                ChannelTerms(
                    channel=channel,
                    time_limit=_limit(r, t, tpath),
                    fees=fees,
                    description=r.text(t, "MOTA", tpath),
                )
            )
    if not rows:
        raise r.fail("CACHTHUCTHUCHIEN", "no channel with a time limit (Cách thức thực hiện)")
    return tuple(rows)


_PART_KEYS = _keys(
    "MAGIAYTO", "TENGIAYTO", "SOBANCHINH", "SOBANSAO", "TENMAUDON", "URL", "MA_KQ_THAYTHE"
)


def _cases(r: _Reader, rec: Mapping[str, Any]) -> tuple[ProcedureCase, ...]:
    cases = []
    for path, item in r.items(rec, "THANHPHANHOSO", "", _keys("TRUONGHOP", "GIAYTO")):
        parts = []
        for ppath, p in r.items(item, "GIAYTO", path, _PART_KEYS):
            name = r.required_text(p, "TENGIAYTO", ppath)
            condition = conditional_phrase(name)
            parts.append(
                DocumentPart(
                    name=name,
                    code=r.text(p, "MAGIAYTO", ppath),
                    originals=r.whole(p, "SOBANCHINH", ppath),
                    copies=r.whole(p, "SOBANSAO", ppath),
                    form_name=r.text(p, "TENMAUDON", ppath),
                    form_url=r.text(p, "URL", ppath),
                    replaced_by_result=r.text(p, "MA_KQ_THAYTHE", ppath),
                    required=condition is None,
                    condition=condition,
                )
            )
        cases.append(ProcedureCase(name=r.text(item, "TRUONGHOP", path) or "", parts=tuple(parts)))
    return tuple(cases)


def _sequence(r: _Reader, rec: Mapping[str, Any]) -> tuple[ProcedureSteps, ...]:
    out = []
    for path, item in r.items(rec, "TRINHTUTHUCHIEN", "", _keys("TRUONGHOP", "TRINHTU")):
        steps = tuple(
            r.required_text(s, "TENTRINHTU", spath)
            for spath, s in r.items(item, "TRINHTU", path, _keys("TENTRINHTU"))
        )
        out.append(ProcedureSteps(case=r.text(item, "TRUONGHOP", path) or "", steps=steps))
    return tuple(out)


def _levels(r: _Reader, rec: Mapping[str, Any]) -> tuple[ProcedureLevel, ...]:
    out = []
    for path, item in r.items(rec, "CAPTHUCHIEN", "", _keys("CAPTHUCHIEN", "TENCAP")):
        raw = r.ident(item, "CAPTHUCHIEN", path)
        name = r.text(item, "TENCAP", path)
        code = r.whole(item, "CAPTHUCHIEN", path)
        if code is not None:
            if code not in LEVEL_CODES:
                raise r.fail(_at(path, "CAPTHUCHIEN"), f"unknown level code {raw!r} (0-3)")
            level = LEVEL_CODES[code]
        elif name is not None and name.strip().lower() in LEVEL_VI:
            level = LEVEL_VI[name.strip().lower()]
        else:
            raise r.fail(path, "no level code (CAPTHUCHIEN) nor a known level name (TENCAP)")
        out.append(ProcedureLevel(level=level, code=None if raw is None else str(raw), name=name))
    return tuple(out)


_M = TypeVar("_M", bound=CchcRecord)

_RESULT_FIELDS = {"MAKETQUA": "code", "TENKETQUA": "name", "TENTEP": "file_name", "URL": "url"}
"""``KETQUATHUCHIEN`` item key -> :class:`ProcedureResult` field (all text)."""

_BASIS_FIELDS = {
    "SOVANBAN": "number",
    "TENVANBAN": "title",
    "COQUANBANHANH": "issuer",
    "NGAYBANHANH": "issued_on",
    "NGAYHIEULUC": "effective_on",
    "DIACHITRUYCAP": "url",
}
"""``CANCUPHAPLY`` item key -> :class:`LegalBasis` field (all text)."""


def _text_items(
    r: _Reader, rec: Mapping[str, Any], key: str, fields: Mapping[str, str], model: type[_M]
) -> tuple[_M, ...]:
    """The items of the list ``key`` whose every field is text, read by ``fields``."""
    return tuple(
        model(**{name: r.text(item, k, path) for k, name in fields.items()})
        for path, item in r.items(rec, key, "", frozenset(fields))
    )


def _default_limit(rows: tuple[ChannelTerms, ...]) -> TimeLimit:
    """The in-person limit when the record has one, else the first row's."""
    for t in rows:
        if t.channel is Channel.IN_PERSON and t.time_limit is not None:
            return t.time_limit
    first = rows[0].time_limit
    assert first is not None
    return first


def procedure_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The :class:`~cchc.procedures.Procedure` fields of one national TTHC record.

    Raises:
        ValidationError: an unknown field, a wrong type or a code outside its
            table (``field`` = the path, ``item`` = the MATTHC).
        ParseError: a unit (DONVITINH) or currency (DONVI) that is not read.
    """
    probe = record.get("MATTHC") if isinstance(record, Mapping) else None
    r = _Reader(probe if isinstance(probe, str) else None)
    rec = r.obj(record, "", _TOP)
    fields: dict[str, Any] = {"code": r.required_text(rec, "MATTHC", "")}
    r.required_text(rec, "TENTTHC", "")
    fields.update({f: r.text(rec, k, "") for k, f in _TEXT_TOP.items()})
    fields.update({f: r.ident(rec, k, "") for k, f in _IDENT_TOP.items()})
    fields.update(
        {f: _code_names(r, rec, k, "MADONVI", "TENDONVI") for k, f in _AGENCY_LISTS.items()}
    )
    fields.update({f: r.texts(rec, k) for k, f in _TEXT_LISTS.items()})
    channels = _channels(r, rec)
    domains = _code_names(r, rec, "LINHVUCTHUCHIEN", "MALINHVUC", "TENLINHVUC")
    levels = _levels(r, rec)
    agency = r.text(rec, "MACOQUANCONGBO", "")
    fields.update(
        field=next((d.name for d in domains if d.name), ""),
        level=levels[0].level if len({lv.level for lv in levels}) == 1 else None,
        time_limit=_default_limit(channels),
        channels=channels,
        levels=levels,
        domains=domains,
        publishing_agency=CodeName(code=agency) if agency is not None else None,
        subjects=_code_names(r, rec, "DOITUONGTHUCHIEN", "MADOITUONG", "TENDOITUONG"),
        cases=_cases(r, rec),
        sequence=_sequence(r, rec),
        results=_text_items(r, rec, "KETQUATHUCHIEN", _RESULT_FIELDS, ProcedureResult),
        legal_bases=_text_items(r, rec, "CANCUPHAPLY", _BASIS_FIELDS, LegalBasis),
    )
    return fields


# --- writing -------------------------------------------------------------------------


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        out[key] = value


def _text_number(value: int | Decimal | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value == int(value) else format(value, "f").replace(".", ",")


def _fee_out(fee: Fee) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _put(out, "MAPHILEPHI", fee.code)
    amount = fee.amount_vnd if fee.foreign_amount is None else fee.foreign_amount
    _put(out, "SOTIEN", fee.amount_text if fee.amount_text is not None else _text_number(amount))
    _put(out, "DONVI", fee.unit_text if fee.unit_text is not None else fee.currency)
    _put(out, "MOTA", fee.description if fee.description is not None else (fee.text or None))
    _put(out, "TENTEP", fee.file_name)
    _put(out, "URL", fee.url)
    return out


def _time_out(terms: ChannelTerms, default: TimeLimit) -> dict[str, Any]:
    limit = terms.time_limit or default
    amount = limit.amount_text
    if amount is None:
        amount = _text_number(limit.days if limit.days is not None else (limit.amount or 0))
    out: dict[str, Any] = {
        "THOIGIANGIAIQUYET": amount,
        "DONVITINH": limit.unit_text or _UNIT_OUT[limit.unit],
    }
    _put(out, "MOTA", terms.description)
    if terms.fees:
        out["PHILEPHI"] = [_fee_out(f) for f in terms.fees]
    return out


def _named(items: tuple[CodeName, ...], code_key: str, name_key: str) -> list[dict[str, Any]]:
    out = []
    for item in items:
        row: dict[str, Any] = {}
        _put(row, code_key, item.code)
        _put(row, name_key, item.name)
        out.append(row)
    return out


def to_portal_record(p: ProcedureRecord) -> dict[str, Any]:
    """``p`` as a national TTHC record (the inverse of :func:`procedure_fields`).

    A record read by :meth:`~cchc.procedures.Procedure.from_portal` comes back
    with every field it had. A procedure built otherwise is written with what
    maps: its per-channel rows (a row without its own limit takes the
    procedure's), ``level`` as the one CAPTHUCHIEN, ``field`` as the one
    LINHVUCTHUCHIEN, ``legal_basis`` strings as SOVANBAN.

    Raises:
        ValidationError: the procedure names no channel (the record needs one).
    """
    if not p.channels:
        raise ValidationError(
            f"procedure {p.code} names no submission channel: the national record lists the "
            "time limit per channel (CACHTHUCTHUCHIEN)",
            field="channels",
            item=p.code,
        )
    out: dict[str, Any] = {"MATTHC": p.code}
    for key, name in _TEXT_TOP.items():
        _put(out, key, getattr(p, name))
    for key, name in _IDENT_TOP.items():
        _put(out, key, getattr(p, name))
    if p.publishing_agency is not None:
        _put(out, "MACOQUANCONGBO", p.publishing_agency.code)
    level_code = {v: k for k, v in LEVEL_CODES.items()}
    levels = p.levels or ((ProcedureLevel(level=p.level),) if p.level is not None else ())
    if levels:
        out["CAPTHUCHIEN"] = []
        for lv in levels:
            row: dict[str, Any] = {}
            if lv.code is not None or lv.name is None:
                row["CAPTHUCHIEN"] = lv.code if lv.code is not None else str(level_code[lv.level])
            _put(row, "TENCAP", lv.name)
            out["CAPTHUCHIEN"].append(row)
    domains = p.domains or ((CodeName(name=p.field),) if p.field else ())
    if domains:
        out["LINHVUCTHUCHIEN"] = _named(domains, "MALINHVUC", "TENLINHVUC")
    channel_code = {v: str(k) for k, v in CHANNEL_CODES.items()}
    groups: list[dict[str, Any]] = []
    for terms in p.channels:
        code = channel_code[terms.channel]
        if not groups or groups[-1]["KENH"] != code:
            groups.append({"KENH": code, "THOIGIAN": []})
        groups[-1]["THOIGIAN"].append(_time_out(terms, p.time_limit))
    out["CACHTHUCTHUCHIEN"] = groups
    if p.cases:
        out["THANHPHANHOSO"] = [_case_out(c) for c in p.cases]
    if p.sequence:
        out["TRINHTUTHUCHIEN"] = [
            {"TRUONGHOP": s.case, "TRINHTU": [{"TENTRINHTU": step} for step in s.steps]}
            for s in p.sequence
        ]
    if p.subjects:
        out["DOITUONGTHUCHIEN"] = _named(p.subjects, "MADOITUONG", "TENDOITUONG")
    for key, name in _AGENCY_LISTS.items():
        if agencies := getattr(p, name):
            out[key] = _named(agencies, "MADONVI", "TENDONVI")
    for key, name in _TEXT_LISTS.items():
        if texts := getattr(p, name):
            out[key] = list(texts)
    if p.results:
        out["KETQUATHUCHIEN"] = [_text_out(res, _RESULT_FIELDS) for res in p.results]
    bases = p.legal_bases or tuple(LegalBasis(number=b) for b in p.legal_basis)
    if bases:
        out["CANCUPHAPLY"] = [_text_out(b, _BASIS_FIELDS) for b in bases]
    return out


def _text_out(item: CchcRecord, fields: Mapping[str, str]) -> dict[str, Any]:
    """``item`` as a record list item: the keys of ``fields`` whose field is given."""
    row: dict[str, Any] = {}
    for key, name in fields.items():
        _put(row, key, getattr(item, name))
    return row


def _case_out(case: ProcedureCase) -> dict[str, Any]:
    papers = []
    for part in case.parts:
        row: dict[str, Any] = {}
        _put(row, "MAGIAYTO", part.code)
        row["TENGIAYTO"] = part.name
        _put(row, "SOBANCHINH", _text_number(part.originals))
        _put(row, "SOBANSAO", _text_number(part.copies))
        _put(row, "TENMAUDON", part.form_name)
        _put(row, "URL", part.form_url)
        _put(row, "MA_KQ_THAYTHE", part.replaced_by_result)
        papers.append(row)
    return {"TRUONGHOP": case.name, "GIAYTO": papers}
