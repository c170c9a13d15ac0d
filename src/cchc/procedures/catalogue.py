"""A catalogue of procedure versions and the bundled health-sector sample.

A :class:`Catalogue` is an ordered, read-only list of :class:`Procedure`
records. One code may appear several times: published by several provinces
(1.013871 in Hà Tĩnh and in Đắk Lắk) and, for one publisher, in successive
versions announced by successive decisions (Quyết định công bố). Look-ups by
date follow the :func:`cchc.legal.in_force` rule: a version applies over
``[start, end)`` and, for one publisher, the version that started latest wins.

The bundled sample (23 real health-sector rows from provincial announcement
decisions of Hà Tĩnh, Đắk Lắk, Cao Bằng and Lâm Đồng) is loaded by
:func:`load_sample_catalogue`; its ``source`` column holds the registry key of
each row's announcement decision::

    >>> from datetime import date
    >>> cat = load_sample_catalogue()
    >>> len(cat)
    23
    >>> p = cat.find("1.013876")[0]
    >>> p.name
    'Miễn nhiệm giám định viên pháp y và pháp y tâm thần'
    >>> (p.time_limit.amount, p.time_limit.unit.value, p.published_by.key)
    (10, 'working_days', 'QD3005-2025-HTI')
    >>> cat.find("1.013876", on=date(2025, 11, 30))
    []
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from cchc._data import parse_json_text, read_bundled_csv_rows, read_text, read_user_text
from cchc._display import clip, html_table, preview_positions
from cchc._model import with_source
from cchc.errors import (
    BatchValidationError,
    CchcError,
    DataFileError,
    RuleNotInForceError,
    ValidationError,
)
from cchc.tz import to_vn

from .codes import validate_code
from .models import Procedure
from .terms import ChannelTerms, Fee, TimeLimit
from .time_limits import parse_time_limit
from .versions import ProcedureVersion
from .vocabulary import LEVEL_VI, Channel, TimeUnit


class ReceivedDossier(Protocol):
    """What :meth:`Catalogue.version_for` reads of a dossier (a
    :class:`cchc.dossiers.Dossier`): this package never imports the dossier engine above it."""

    @property
    def procedure_code(self) -> str | None: ...
    @property
    def procedure_version(self) -> ProcedureVersion | None: ...
    @property
    def received_at(self) -> datetime: ...


__all__ = [
    "Catalogue",
    "load_portal_catalogue",
    "load_portal_sample",
    "load_sample_catalogue",
    "parse_portal_records",
    "read_portal_records",
]


def _publisher(p: Procedure) -> str:
    return p.published_by.issuer if p.published_by is not None else ""


class Catalogue(Sequence[Procedure]):
    """An ordered, read-only list of procedure versions with look-up by code and date."""

    def __init__(self, procedures: Sequence[Procedure]) -> None:
        self._items = tuple(procedures)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Procedure:  # type: ignore[override]
        return self._items[index]

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self._items)

    def _row(self, p: Procedure) -> list[object]:
        limit = p.time_limit
        amount = "" if limit.amount is None else f"{limit.amount} "
        return [p.code, p.name, p.field, amount + limit.unit.value]

    def __repr__(self) -> str:
        """What it is, its size and a few procedures, never every record."""
        codes = len({p.code for p in self._items})
        fields = len({p.field for p in self._items if p.field})
        lines = [f"Catalogue: {len(self):,} procedure versions, {codes:,} codes, {fields} fields"]
        for i in preview_positions(len(self), 6):
            lines.append(
                "  …" if i is None else "  " + clip(" | ".join(map(str, self._row(self[i]))), 100)
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The first and last procedures as a small HTML table (for notebooks)."""
        rows = [None if i is None else self._row(self[i]) for i in preview_positions(len(self))]
        return html_table(
            ["code", "name", "field", "time limit"], rows, caption=repr(self).splitlines()[0]
        )

    def find(
        self, code: str, *, on: date | None = None, issuer: str | None = None
    ) -> list[Procedure]:
        """The versions of ``code``; with ``on``, those in force on that date.

        Order: records are grouped by publisher (the announcement decision's
        issuer, e.g. "Chủ tịch UBND tỉnh Hà Tĩnh"), publishers in catalogue
        order; within a publisher the **newest version first** (latest start).
        With ``on=None`` every version is returned; with a date, each
        publisher contributes at most one record, the version in force on it
        (:func:`cchc.legal.in_force`: the one that started latest among those
        whose ``[start, end)`` covers the date). ``issuer`` keeps one publisher.
        """
        norm = validate_code(code)
        groups: dict[str, list[Procedure]] = {}
        for p in self._items:
            if p.code == norm and (issuer is None or _publisher(p) == issuer):
                groups.setdefault(_publisher(p), []).append(p)
        found: list[Procedure] = []
        for group in groups.values():
            newest = sorted(group, key=lambda p: p.start or date.min, reverse=True)
            if on is None:
                found.extend(newest)
            else:
                found.extend([p for p in newest if p.in_force_on(on)][:1])
        return found

    def in_force(self, code: str, on: date, *, issuer: str | None = None) -> Procedure:
        """The one version of ``code`` in force on ``on``.

        Raises:
            RuleNotInForceError: no version covers ``on``.
            ValidationError: several publishers have a version in force (pass
                ``issuer=`` to choose one).
        """
        found = self.find(code, on=on, issuer=issuer)
        if not found:
            raise RuleNotInForceError(
                f"no version of procedure {code} in force on {on.isoformat()}", item=code
            )
        if len(found) > 1:
            names = "; ".join(_publisher(p) or "(no announcement)" for p in found)
            raise ValidationError(
                f"procedure {code} is published by several authorities on {on.isoformat()} "
                f"({names}): pass issuer=",
                item=code,
            )
        return found[0]

    def version(self, version: ProcedureVersion) -> Procedure:
        """The record of one published version (code + announcement key).

        Raises:
            ValidationError: the catalogue has no such version.
        """
        for p in self._items:
            if p.version == version:
                return p
        raise ValidationError(
            f"the catalogue has no procedure version {version}", item=str(version)
        )

    def version_for(self, dossier: ReceivedDossier, *, issuer: str | None = None) -> Procedure:
        """The procedure version a dossier was received under.

        The version the dossier records (``dossier.procedure_version``, set by
        :meth:`cchc.dossiers.Dossier.for_procedure`) if any, else the version
        of ``dossier.procedure_code`` in force on its receipt date (in
        Asia/Ho_Chi_Minh). A version announced after the receipt is never
        chosen, so it never changes that dossier's terms.

        Raises:
            ValidationError: the dossier has no procedure code, the recorded
                version is not in the catalogue or not of the dossier's code, or
                several publishers apply.
            RuleNotInForceError: no version was in force at the receipt.
        """
        recorded = dossier.procedure_version
        if recorded is not None:
            if dossier.procedure_code is not None and validate_code(dossier.procedure_code) != (
                recorded.code
            ):
                raise ValidationError(
                    f"the dossier's procedure_code {dossier.procedure_code} is not the code of "
                    f"its procedure_version {recorded}",
                    field="procedure_version",
                )
            return self.version(recorded)
        if dossier.procedure_code is None:
            raise ValidationError("the dossier has no procedure_code", field="procedure_code")
        received = to_vn(dossier.received_at).date()
        return self.in_force(dossier.procedure_code, received, issuer=issuer)

    def fields(self) -> list[str]:
        """The distinct fields (lĩnh vực), in order of appearance."""
        return list(dict.fromkeys(p.field for p in self._items))


# --- The bundled sample ----------------------------------------------------------

_SAMPLE = "health_procedures_sample.csv"

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


def _time_limit(row: dict[str, str], line: int) -> TimeLimit:
    """The row's limit from its columns, checked against the parser where it reads the text."""
    unit_text = row["time_unit"].strip()
    try:
        unit = TimeUnit(unit_text)
    except ValueError:
        raise DataFileError(
            f"unknown time unit {unit_text!r}", row=line, field="time_unit", source=_SAMPLE
        ) from None
    amount_text = row["time_amount"].strip()
    amount = int(amount_text) if amount_text else None
    text = row["time_limit_text"].strip()
    try:
        parsed: TimeLimit | None = parse_time_limit(text)
    except CchcError:
        parsed = None  # a text the parser does not read: the columns stand (see the docs)
    if parsed is not None and (parsed.amount, parsed.unit) != (amount, unit):
        raise DataFileError(
            f"time_amount/time_unit ({amount}, {unit.value}) disagree with the text "
            f"{text!r} ({parsed.amount}, {parsed.unit.value})",
            row=line,
            field="time_limit_text",
            source=_SAMPLE,
        )
    counted = parsed.counted_from if parsed is not None else None
    return TimeLimit(amount=amount, unit=unit, counted_from=counted, text=text)


def _row_to_procedure(row: dict[str, str], line: int) -> Procedure:
    level_text = row["level"].strip().lower()
    basis = row["legal_basis"].strip()
    online_text = row["online_level"].strip()
    announcement = row["source"].strip()
    procedure = Procedure(
        code=row["code"],
        name=row["name_vi"].strip(),
        field=row["field_vi"].strip(),
        level=LEVEL_VI.get(level_text),
        time_limit=_time_limit(row, line),
        fee=Fee.from_text(row["fee_text"]),
        online_text=online_text or None,
        channels=_channels_named(online_text),
        legal_basis=tuple(
            b.strip() for b in basis.split(";") if b.strip() and not b.startswith("UNCONFIRMED")
        ),
        published_by=announcement,
    )
    assert procedure.published_by is not None
    return procedure.model_copy(update={"source": procedure.published_by.cite()})


@lru_cache(maxsize=1)
def load_sample_catalogue() -> Catalogue:
    """The bundled health-sector sample catalogue (23 rows, each with its announcement).

    ``published_by`` is the row's announcement decision from the source
    registry and ``source`` its citation. ``online_level`` is left ``None``
    for every row: the decisions name the channels but not toàn trình / một
    phần (UNCONFIRMED); the wording is kept in ``online_text``.

    Raises:
        DataFileError: the bundled file is malformed (row and field named).
    """
    procedures: list[Procedure] = []
    for line, row in read_bundled_csv_rows("cchc.procedures", "data", _SAMPLE):
        try:
            procedures.append(_row_to_procedure(row, line))
        except CchcError as exc:
            if isinstance(exc, DataFileError):
                raise
            raise DataFileError(exc.message, row=line, field=exc.field, source=_SAMPLE) from exc
    return Catalogue(procedures)


# --- A file of national TTHC records ------------------------------------------------


def _records(text: str, source: str | None) -> list[tuple[int, Any]]:
    """(record number, data) of a JSON array or of JSON lines (one record a line)."""
    body = text.removeprefix("\ufeff")
    if body.lstrip().startswith("["):
        data = parse_json_text(body, source=source)
        if not isinstance(data, list):
            raise DataFileError("expected a JSON array of records", source=source)
        return list(enumerate(data, start=1))
    found = []
    for line_no, line in enumerate(body.splitlines(), start=1):
        if line.strip():
            try:
                found.append((line_no, parse_json_text(line, source=source)))
            except DataFileError as exc:
                raise DataFileError(exc.message, row=line_no, source=source) from exc
    return found


def parse_portal_records(text: str, *, source: str | None = None) -> list[Procedure]:
    """Procedures from national TTHC records: a JSON array or JSON lines.

    Every record is read; the bad ones are reported together. ``row`` is the
    record's place (its number in an array, its line in JSON lines), ``item``
    its MATTHC and ``field`` the path of the field at fault.

    Raises:
        DataFileError: the text is not JSON (an array or one object a line).
        BatchValidationError: one or more records are bad (``errors`` lists each).
    """
    procedures: list[Procedure] = []
    errors: list[CchcError] = []
    for row, data in _records(text, source):
        try:
            procedures.append(Procedure.from_portal(data, source=source))
        except BatchValidationError as exc:
            for err in exc.errors:
                err.row = row
                errors.append(with_source(err, source))
        except CchcError as exc:
            exc.row = row
            errors.append(with_source(exc, source))
    for err in errors:
        err.args = (err._render(),)
    if errors:
        raise BatchValidationError(errors)
    return procedures


def read_portal_records(path: str | Path) -> list[Procedure]:
    """:func:`parse_portal_records` of a UTF-8 file (``.json`` array or ``.jsonl`` lines)."""
    return parse_portal_records(read_user_text(path), source=str(path))


@lru_cache(maxsize=1)
def load_portal_sample() -> Catalogue:
    """The 11 real national TTHC records bundled with cchc (``data/portal_records.jsonl``).

    Published on dichvucong.gov.vn (ministry, provincial levels; fields Tư pháp, Công an,
    Nông nghiệp và Môi trường, Xây dựng, Ngân hàng); ``data/portal_records_sources.csv``
    gives each record's page and the crawl it was transcribed from.
    """
    text = read_text("cchc.procedures", "data", "portal_records.jsonl")
    return Catalogue(parse_portal_records(text, source="cchc.procedures:data/portal_records.jsonl"))


def load_portal_catalogue(path: str | Path) -> Catalogue:
    """A :class:`Catalogue` of the national TTHC records in a file (:func:`read_portal_records`)."""
    return Catalogue(read_portal_records(path))
