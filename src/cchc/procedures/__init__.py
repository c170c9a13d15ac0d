"""Administrative procedures (thủ tục hành chính, TTHC).

A procedure is published in the national TTHC database (Cơ sở dữ liệu quốc
gia về TTHC) with a code (mã TTHC), a name, a field (lĩnh vực), the level of
the deciding authority (cấp thực hiện), a time limit (thời hạn giải quyết) and
a fee (phí, lệ phí). The database shows the time limit and the fee **per
submission channel** (Cách thức thực hiện: trực tiếp / trực tuyến / dịch vụ
bưu chính), so :class:`Procedure` has a default :class:`TimeLimit` and
:class:`Fee` and optional per-channel :class:`ChannelTerms` that override them.

Sources:

* Components of a published TTHC: Nghị định 63/2010/NĐ-CP Art 8(2); the unit
  of each time limit (ngày, ngày làm việc, giờ, tháng) comes from the
  procedure's own law; the 766 portal field ``DonViTinh`` takes "Giờ, Ngày,
  Ngày làm việc, tháng".
* Online-service levels: mức độ 1-4 of Nghị định 43/2011/NĐ-CP Art 3(4) (from
  01/10/2011); toàn trình / một phần of Nghị định 42/2022/NĐ-CP (24/6/2022).
* Code format: observed ``d.dddddd`` with an optional local suffix such as
  ``1.000948.H38``. The defining text and the meaning of the first digit are
  UNCONFIRMED, so the code is only checked for shape.

The bundled sample catalogue (23 real health-sector rows from provincial
announcement decisions of Hà Tĩnh, Đắk Lắk, Cao Bằng and Lâm Đồng, each with
its source) is loaded by :func:`load_sample_catalogue`::

    >>> cat = load_sample_catalogue()
    >>> len(cat)
    23
    >>> p = cat.find("1.013876")[0]
    >>> p.name
    'Miễn nhiệm giám định viên pháp y và pháp y tâm thần'
    >>> (p.time_limit.amount, p.time_limit.unit.value)
    (10, 'working_days')
    >>> validate_code(" 1.000948.h38 ")
    '1.000948.H38'
"""

from __future__ import annotations

import csv
import enum
import re
from collections.abc import Iterator, Sequence
from datetime import time
from functools import lru_cache
from typing import Any

from pydantic import ConfigDict, Field, field_validator, model_validator

from cchc._data import read_text
from cchc._model import CchcModel
from cchc.errors import DataFileError, ParseError

__all__ = [
    "AuthorityLevel",
    "Catalogue",
    "Channel",
    "ChannelTerms",
    "Fee",
    "OnlineServiceLevel",
    "Procedure",
    "TimeLimit",
    "TimeUnit",
    "load_sample_catalogue",
    "procedure_json_schema",
    "validate_code",
]

_CODE_RE = re.compile(r"^(\d)\.(\d{6})(?:\.([A-Z0-9]{1,10}))?$")


def validate_code(code: str) -> str:
    """Check the shape of a procedure code (mã TTHC) and return it normalised.

    Raises:
        ParseError: the code is not ``d.dddddd`` with an optional ``.SUFFIX``.
    """
    norm = code.strip().upper()
    if not _CODE_RE.match(norm):
        raise ParseError(f"not a procedure code (mã TTHC d.dddddd[.SUFFIX]): {code!r}")
    return norm


class TimeUnit(enum.StrEnum):
    """Unit of a time limit (đơn vị tính thời hạn)."""

    WORKING_DAYS = "working_days"
    """Ngày làm việc: counted on the official working calendar."""
    DAYS = "days"
    """Ngày: calendar days, counted under Bộ luật Dân sự 2015 Art 147-148."""
    HOURS = "hours"
    """Giờ (làm việc): working hours across the office sessions."""
    MONTHS = "months"
    """Tháng: calendar months (BLDS 2015 Art 148(3))."""
    IMMEDIATE = "immediate"
    """Ngay: "ngay sau khi nhận đủ hồ sơ hợp lệ"; the engine treats it as the
    receipt day itself (0 working days), a documented assumption."""

    @property
    def vietnamese(self) -> str:
        """The Vietnamese term."""
        return _UNIT_VI[self]


_UNIT_VI = {
    TimeUnit.WORKING_DAYS: "ngày làm việc",
    TimeUnit.DAYS: "ngày",
    TimeUnit.HOURS: "giờ làm việc",
    TimeUnit.MONTHS: "tháng",
    TimeUnit.IMMEDIATE: "ngay",
}


class AuthorityLevel(enum.StrEnum):
    """Level of the deciding authority (cấp thực hiện)."""

    CENTRAL = "central"
    """Cấp trung ương / cấp bộ."""
    PROVINCIAL = "provincial"
    """Cấp tỉnh."""
    DISTRICT = "district"
    """Cấp huyện (abolished with the 2025 two-level local government)."""
    COMMUNE = "commune"
    """Cấp xã."""


_LEVEL_VI = {
    "cấp trung ương": AuthorityLevel.CENTRAL,
    "cấp bộ": AuthorityLevel.CENTRAL,
    "cấp tỉnh": AuthorityLevel.PROVINCIAL,
    "cấp huyện": AuthorityLevel.DISTRICT,
    "cấp xã": AuthorityLevel.COMMUNE,
}


class Channel(enum.StrEnum):
    """Submission channel (hình thức nộp hồ sơ)."""

    IN_PERSON = "in_person"
    """Trực tiếp (at the Bộ phận Một cửa)."""
    ONLINE = "online"
    """Trực tuyến (Cổng Dịch vụ công)."""
    POST = "post"
    """Dịch vụ bưu chính công ích (public postal service)."""


class OnlineServiceLevel(enum.StrEnum):
    """Online public-service level (mức độ dịch vụ công trực tuyến)."""

    LEVEL_1 = "1"
    """Mức độ 1: information only (ND 43/2011 Art 3(4)(a))."""
    LEVEL_2 = "2"
    """Mức độ 2: forms downloadable (ND 43/2011 Art 3(4)(b))."""
    LEVEL_3 = "3"
    """Mức độ 3: filed and processed online (ND 43/2011 Art 3(4)(c))."""
    LEVEL_4 = "4"
    """Mức độ 4: also paid and returned online (ND 43/2011 Art 3(4)(d))."""
    PARTIAL = "partial"
    """Một phần (ND 42/2022): any online service short of toàn trình."""
    FULL = "full"
    """Toàn trình (ND 42/2022): the whole procedure online."""


class TimeLimit(CchcModel):
    """A time limit: amount and unit, with the published wording kept."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: int | None = Field(
        default=None, ge=0, description="Số lượng (amount); None only for 'immediate'."
    )
    unit: TimeUnit = Field(description="Đơn vị tính (unit of the time limit).")
    text: str | None = Field(default=None, description="Published wording (thời hạn giải quyết).")

    @model_validator(mode="after")
    def _check(self) -> TimeLimit:
        if self.unit is TimeUnit.IMMEDIATE:
            if self.amount not in (None, 0):
                raise ValueError("an 'immediate' time limit has no amount")
        elif self.amount is None:
            raise ValueError(f"a time limit in {self.unit.value} needs an amount")
        return self

    def engine_terms(self) -> tuple[int, str]:
        """``(amount, unit)`` for :func:`cchc.dossiers.due_date`.

        ``immediate`` becomes ``(0, "working_days")``: due by the end of the
        receipt working day (assumption; no text defines "ngay" in hours).
        """
        if self.unit is TimeUnit.IMMEDIATE:
            return 0, TimeUnit.WORKING_DAYS.value
        assert self.amount is not None
        return self.amount, self.unit.value


class Fee(CchcModel):
    """A fee (phí, lệ phí) as published; ``amount_vnd`` only when it is one figure."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(description="Published wording (phí, lệ phí).")
    amount_vnd: int | None = Field(
        default=None, ge=0, description="Amount in đồng when a single figure; 0 = free."
    )

    @classmethod
    def from_text(cls, text: str) -> Fee | None:
        """Parse a catalogue cell; ``None`` when the fee is unknown (UNCONFIRMED)."""
        raw = text.strip()
        if not raw or raw.upper().startswith("UNCONFIRMED"):
            return None
        if raw.lower() in {"không", "không quy định", "miễn phí", "miễn"}:
            return cls(text=raw, amount_vnd=0)
        figures = re.findall(r"(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:đồng|đ\b)", raw)
        amount = int(figures[0].replace(".", "")) if len(set(figures)) == 1 else None
        return cls(text=raw, amount_vnd=amount)


class ChannelTerms(CchcModel):
    """Time limit and fee of one submission channel (one row of Cách thức thực hiện)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    channel: Channel = Field(description="Hình thức nộp (submission channel).")
    time_limit: TimeLimit | None = Field(default=None, description="Thời hạn giải quyết.")
    fee: Fee | None = Field(default=None, description="Phí, lệ phí.")
    description: str | None = Field(default=None, description="Mô tả (free text).")


class Procedure(CchcModel):
    """An administrative procedure (thủ tục hành chính) as published."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(description="Mã TTHC, e.g. '1.000948.H38'.")
    name: str = Field(min_length=1, description="Tên thủ tục hành chính.")
    field: str = Field(default="", description="Lĩnh vực (field), e.g. 'Thiết bị y tế'.")
    level: AuthorityLevel | None = Field(default=None, description="Cấp thực hiện.")
    time_limit: TimeLimit = Field(description="Thời hạn giải quyết (default for all channels).")
    fee: Fee | None = Field(default=None, description="Phí, lệ phí (None: unknown).")
    online_level: OnlineServiceLevel | None = Field(
        default=None, description="Mức độ DVCTT or toàn trình/một phần (None: unknown)."
    )
    online_text: str | None = Field(default=None, description="Published wording of channels.")
    cutoff: time | None = Field(
        default=None,
        description="Giờ tiếp nhận muộn nhất: receipts after it count from the next working "
        "day (procedure-specific rule, e.g. 15:00).",
    )
    channels: tuple[ChannelTerms, ...] = Field(
        default=(), description="Per-channel time limit and fee (Cách thức thực hiện)."
    )
    legal_basis: tuple[str, ...] = Field(default=(), description="Căn cứ pháp lý.")
    source: str | None = Field(default=None, description="Where this record was read.")

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        try:
            return validate_code(value)
        except ParseError as exc:
            raise ValueError(exc.message) from exc

    def time_limit_for(self, channel: Channel | str) -> TimeLimit:
        """The time limit that applies to ``channel`` (its own row, else the default)."""
        ch = Channel(channel)
        for terms in self.channels:
            if terms.channel is ch and terms.time_limit is not None:
                return terms.time_limit
        return self.time_limit

    def fee_for(self, channel: Channel | str) -> Fee | None:
        """The fee that applies to ``channel`` (its own row, else the default)."""
        ch = Channel(channel)
        for terms in self.channels:
            if terms.channel is ch and terms.fee is not None:
                return terms.fee
        return self.fee


class Catalogue(Sequence[Procedure]):
    """An ordered, read-only list of procedures with look-up by code."""

    def __init__(self, procedures: Sequence[Procedure]) -> None:
        self._items = tuple(procedures)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Procedure:  # type: ignore[override]
        return self._items[index]

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self._items)

    def find(self, code: str) -> list[Procedure]:
        """Every record with ``code`` (one code may be published by several provinces)."""
        norm = validate_code(code)
        return [p for p in self._items if p.code == norm]

    def fields(self) -> list[str]:
        """The distinct fields (lĩnh vực), in order of appearance."""
        return list(dict.fromkeys(p.field for p in self._items))


def procedure_json_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Procedure` (for exchanging catalogues)."""
    return Procedure.model_json_schema()


_CHANNEL_WORDS = (
    ("trực tiếp", Channel.IN_PERSON),
    ("trực tuyến", Channel.ONLINE),
    ("bưu chính", Channel.POST),
)


def _channels_named(text: str) -> tuple[ChannelTerms, ...]:
    """Channels a catalogue cell names (no per-channel limit or fee: the default applies)."""
    low = text.lower()
    return tuple(
        ChannelTerms(channel=ch, description=text) for word, ch in _CHANNEL_WORDS if word in low
    )


def _row_to_procedure(row: dict[str, str], line: int, source: str) -> Procedure:
    unit_text = row["time_unit"].strip()
    try:
        unit = TimeUnit(unit_text)
    except ValueError:
        raise DataFileError(
            f"unknown time unit {unit_text!r}", row=line, field="time_unit", source=source
        ) from None
    amount_text = row["time_amount"].strip()
    amount = int(amount_text) if amount_text else None
    level_text = row["level"].strip().lower()
    basis = row["legal_basis"].strip()
    online_text = row["online_level"].strip()
    return Procedure(
        code=row["code"],
        name=row["name_vi"].strip(),
        field=row["field_vi"].strip(),
        level=_LEVEL_VI.get(level_text),
        time_limit=TimeLimit(amount=amount, unit=unit, text=row["time_limit_text"].strip()),
        fee=Fee.from_text(row["fee_text"]),
        online_text=online_text or None,
        channels=_channels_named(online_text),
        legal_basis=tuple(
            b.strip() for b in basis.split(";") if b.strip() and not b.startswith("UNCONFIRMED")
        ),
        source=row["source"].strip(),
    )


@lru_cache(maxsize=1)
def load_sample_catalogue() -> Catalogue:
    """The bundled health-sector sample catalogue (23 rows, each with its source).

    ``online_level`` is left ``None`` for every row: the decisions name the
    channels but not toàn trình / một phần (UNCONFIRMED); the wording is kept
    in ``online_text``.

    Raises:
        DataFileError: the bundled file is malformed (row and field named).
    """
    name = "health_procedures_sample.csv"
    text = read_text("cchc.procedures", "data", name)
    procedures: list[Procedure] = []
    for line, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        try:
            procedures.append(_row_to_procedure(row, line, name))
        except ValueError as exc:
            if isinstance(exc, DataFileError):
                raise
            raise DataFileError(str(exc), row=line, source=name) from exc
    return Catalogue(procedures)
