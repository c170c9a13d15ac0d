"""The tracking book (Sổ theo dõi hồ sơ): one row per dossier.

TT 01/2018 Art 10(2): one book a year, closed at year end, numbered
continuously from 01. The regime is the one in force on the book's opening
date (``on``; default: the earliest receipt among the dossiers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from cchc.calendar import OfficialCalendar
from cchc.dossiers import DeadlinePolicy, Dossier, EventKind
from cchc.errors import ValidationError
from cchc.l10n import vn_datetime
from cchc.procedures import Catalogue
from cchc.tz import VN_TZ, to_vn

from .common import build_form, pick_regime, resolve_procedure
from .kinds import FormKind, MissingInputError
from .model import Form
from .parts import FormField, FormTable
from .vndates import day_text

__all__ = ["tracking_book"]

_COLUMNS = (
    "TT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Tên cá nhân, tổ chức",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Có kết quả giải quyết hồ sơ",
    "Trả kết quả",
    "Ghi chú",
)
_ENDS = {EventKind.REFUSED: "Từ chối giải quyết", EventKind.WITHDRAWN: "Dừng giải quyết"}


def _short(moment: datetime | None) -> str:
    return vn_datetime(moment) if moment is not None else "—"


def _first(dossier: Dossier, kind: EventKind) -> datetime | None:
    found = dossier.events_of(kind)
    return found[0].at if found else None


def tracking_book(
    dossiers: Iterable[Dossier],
    *,
    agency: str,
    applicants: Mapping[str, str],
    catalogue: Catalogue | None = None,
    on: date | None = None,
    regime: str | None = None,
    place: str | None = None,
    calendar: OfficialCalendar | None = None,
    policy: DeadlinePolicy | str | None = None,
) -> Form:
    """The Sổ theo dõi hồ sơ of ``dossiers`` (TT 01/2018 Mẫu số 06; TT 03/2025 Mẫu số 07).

    Args:
        dossiers: each with a ``code`` and a ``procedure_code``.
        agency: the agency keeping the book.
        applicants: the applicant's name by dossier code (the dossier does not record it).
        catalogue: where procedure names are looked up (default: bundled sample).
        on: the book's opening date (chooses the regime; default: earliest receipt).
        regime: 'TT01-2018' or 'TT03-2025' to override.

    Raises:
        MissingInputError: a dossier without code, procedure code or applicant name.
        ValidationError: no dossiers, or a procedure code not in the catalogue.
    """
    items = list(dossiers)
    if not items:
        raise ValidationError("a tracking book needs at least one dossier", field="dossiers")
    rows: list[tuple[str, ...]] = []
    for n, d in enumerate(items, start=1):
        if d.code is None:
            raise MissingInputError("the dossier has no code (Mã hồ sơ)", row=n, field="code")
        if d.procedure_code is None:
            raise MissingInputError(
                "the dossier has no procedure code", row=n, field="procedure_code"
            )
        name = applicants.get(d.code)
        if not name:
            raise MissingInputError(
                f"no applicant name for dossier {d.code!r}", row=n, field=f"applicants[{d.code}]"
            )
        proc = resolve_procedure(d.procedure_code, d, catalogue)
        dl = d.deadline(calendar=calendar, policy=policy)
        outcome = d.outcome
        timeliness = dl.timeliness()
        if outcome in _ENDS:
            note = _ENDS[outcome]
        elif timeliness is not None:
            note = timeliness.vietnamese.capitalize()
        else:
            note = "Đang giải quyết"
        rows.append(
            (
                f"{n:02d}",
                d.code,
                proc.name,
                name,
                d.agency or agency,
                _short(d.received_at),
                _short(dl.due_at),
                _short(_first(d, EventKind.TRANSFERRED)),
                _short(_first(d, EventKind.DECIDED)),
                _short(_first(d, EventKind.RETURNED)),
                note,
            )
        )
    first = min(to_vn(d.received_at) for d in items)
    last = max(to_vn(d.received_at) for d in items)
    opened = datetime.combine(on, time(0, 0), tzinfo=VN_TZ) if on is not None else first
    reg = pick_regime(regime, opened)
    fields = [
        FormField(label="Cơ quan", value=agency),
        FormField(label="Năm", value=str(opened.year)),
        FormField(label="Hồ sơ tiếp nhận", value=f"từ {day_text(first)} đến {day_text(last)}"),
        FormField(label="Số hồ sơ", value=str(len(items))),
    ]
    book: Any = FormTable(columns=_COLUMNS, rows=tuple(rows))
    return build_form(
        FormKind.TRACKING_BOOK,
        reg,
        agency=agency,
        at=opened,
        place=place,
        dossier_code=None,
        fields=fields,
        table=book,
    )
