"""Calendar entries and notices (thông báo nghỉ lễ, tết).

A :class:`CalendarEntry` is one day that departs from the weekly rule of
Quyết định 188/1999/QĐ-TTg (work Monday to Friday, rest Saturday and Sunday):

============================  ==================  =====================================
:class:`DayKind`              Vietnamese          effect
============================  ==================  =====================================
``holiday``                   nghỉ lễ, tết        day off (may fall on a weekend)
``compensatory``              nghỉ bù             day off: a holiday fell on a rest day
``swap_day_off``              nghỉ hoán đổi       weekday made a day off for a Saturday
``makeup_workday``            đi làm bù           a Saturday (or rest day) worked
============================  ==================  =====================================

A :class:`Notice` groups entries under one source. Users extend or correct the
bundled calendar with their own notice (a province's extra day off, next year's
notice before a release) as data, without editing the package::

    >>> import io
    >>> text = '''date,kind,name_vi,name_en
    ... 2028-01-03,compensatory,Tết Dương lịch - nghỉ bù,New Year's Day - compensatory day
    ... '''
    >>> notice = read_notice_csv(io.StringIO(text), covers_years=[2028])
    >>> notice.entries[0].kind.vietnamese
    'nghỉ bù'
    >>> bad = 'date,kind,name_vi,name_en\\n2028-02-30,holiday,Tết,Tet\\n'
    >>> read_notice_csv(io.StringIO(bad), name="province.csv")
    Traceback (most recent call last):
    ...
    cchc.errors.DataFileError: province.csv, row 2, field date: not a valid date: '2028-02-30'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO

from pydantic import Field

from cchc._data import read_user_text
from cchc._model import CchcRecord
from cchc.calendar.kinds import DayKind
from cchc.errors import DataFileError
from cchc.legal import ExplanationStep, LegalSource, Verification

__all__ = ["CalendarEntry", "DayKind", "Notice", "read_notice_csv", "unconfirmed_step"]


class CalendarEntry(CchcRecord):
    """One official day off or make-up working day, with its sources."""

    day: date = Field(description="Ngày (the calendar date).")
    kind: DayKind = Field(description="Loại ngày: nghỉ lễ / nghỉ bù / nghỉ hoán đổi / đi làm bù.")
    name_vi: str = Field(description="Tên tiếng Việt, e.g. 'Tết Âm lịch (Tết Nguyên đán)'.")
    name_en: str = Field(description="English name, e.g. 'Lunar New Year (Tết)'.")
    sources: tuple[LegalSource, ...] = Field(
        default=(), description="Căn cứ: the notices and laws that make this day what it is."
    )
    verification: Verification = Field(
        default=Verification.SECONDARY,
        description="How the date is known: original text read, secondary copy, or derived.",
    )
    note: str | None = Field(default=None, description="Remark (press report, caveat).")
    provisional: bool = Field(
        default=False,
        description="True for days derived from Labour Code rules for a year not yet covered "
        "by an official notice (dự kiến).",
    )

    @property
    def is_day_off(self) -> bool:
        """Whether this entry makes its day a day off."""
        return self.kind.is_day_off

    @property
    def confirmed(self) -> bool:
        """Whether the date was read in the original text (not secondary, derived or
        provisional): an answer crossing an unconfirmed day says so."""
        return self.verification is Verification.ORIGINAL and not self.provisional

    def ref(self) -> dict[str, object]:
        """A JSON-ready reference: the day, its name, how it is known and its sources."""
        return {
            "date": self.day.isoformat(),
            "kind": self.kind.value,
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "verification": self.verification.value,
            "provisional": self.provisional,
            "sources": [s.ref() for s in self.sources],
        }


class Notice(CchcRecord):
    """A set of calendar entries from one notice, supplied by the user or bundled.

    ``covers_years`` are the years this notice completes: they join the
    calendar's coverage, so dates in them are answered without the
    provisional flag. Entries for a date already in the calendar replace it
    (a correction).
    """

    entries: tuple[CalendarEntry, ...] = Field(description="The days the notice declares.")
    covers_years: tuple[int, ...] = Field(
        default=(), description="Years this notice fully specifies (join the coverage)."
    )
    source: LegalSource | None = Field(default=None, description="The notice itself.")


_HOW_VI = {
    Verification.ORIGINAL: "đọc từ văn bản gốc",
    Verification.SECONDARY: "chỉ đọc từ bản sao thứ cấp",
    Verification.DERIVED: "suy ra từ quy định, chưa có thông báo",
    Verification.CONVENTION: "theo quy ước",
}


def unconfirmed_step(entries: Sequence[CalendarEntry]) -> ExplanationStep:
    """The explanation step saying a result rests on ``entries``, days not confirmed
    from an original text (see :attr:`CalendarEntry.confirmed`), citing their sources."""
    vi = "; ".join(
        f"{e.day:%d/%m/%Y} {e.name_vi} ({'dự kiến' if e.provisional else _HOW_VI[e.verification]})"
        for e in entries
    )
    how_en = ("provisional" if e.provisional else e.verification.value for e in entries)
    en = "; ".join(
        f"{e.day.isoformat()} {e.name_en} ({how})" for e, how in zip(entries, how_en, strict=True)
    )
    cited = {s.cite(): s for e in entries for s in e.sources}
    return ExplanationStep(
        f"Lưu ý: kết quả dựa trên {len(entries)} ngày nghỉ, ngày làm bù chưa được xác nhận "
        f"từ văn bản gốc: {vi}.",
        f"Note: the result rests on {len(entries)} day(s) off or make-up day(s) not "
        f"confirmed from an original text: {en}.",
        tuple(cited.values()),
    )


_REQUIRED = ("date", "kind", "name_vi", "name_en")
_OPTIONAL = ("sources", "verification", "note")
_BOM = "\ufeff"


def read_notice_csv(
    file: str | Path | IO[str],
    *,
    source: LegalSource | None = None,
    covers_years: Iterable[int] = (),
    sources: Mapping[str, LegalSource] | None = None,
    name: str | None = None,
) -> Notice:
    """Read a notice from CSV: columns ``date,kind,name_vi,name_en`` and optionally
    ``sources`` (``;``-separated keys into ``sources``), ``verification``, ``note``.

    ``file`` is a path (read as UTF-8 through :func:`cchc._data.read_user_text`) or
    an open text stream. Rows are numbered by file line (the header is row 1); a
    leading byte-order mark is dropped and blank lines are skipped. Every row is
    checked; the first bad one raises with its row number and field. Nothing is
    guessed: a column named twice, a column the format does not have, and a row
    with more or fewer fields than the header are refused, as the dossier loader
    refuses them.

    Raises:
        DataFileError: an unreadable or non-UTF-8 file, an empty one (no header),
            a missing, repeated or unknown column, a row of the wrong width, bad
            quoting, an unparsable date, an unknown kind or verification, an
            unknown source key, or a duplicated date.
    """
    label = name or (str(file) if isinstance(file, str | Path) else None)
    text = _read_text(file, label)
    entries: list[CalendarEntry] = []
    seen: dict[date, int] = {}
    for number, row in _rows(text.removeprefix(_BOM), label):
        entry = _entry_from_row(row, number, label, source, sources or {})
        if entry.day in seen:
            raise DataFileError(
                f"date {entry.day.isoformat()} already given in row {seen[entry.day]}",
                row=number,
                field="date",
                source=label,
            )
        seen[entry.day] = number
        entries.append(entry)
    return Notice(entries=tuple(entries), covers_years=tuple(covers_years), source=source)


def _read_text(file: str | Path | IO[str], label: str | None) -> str:
    """The whole text of ``file``; every failure a :class:`DataFileError`."""
    if isinstance(file, str | Path):
        return read_user_text(file)
    try:
        text = file.read()
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"not UTF-8 text (byte {exc.start} of a chunk): save the file as UTF-8",
            source=label,
        ) from None
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror or exc}", source=label) from None
    if not isinstance(text, str):
        raise DataFileError(
            f"expected a text stream, got {type(text).__name__} (open the file in text mode)",
            source=label,
        )
    return text


def _rows(text: str, label: str | None) -> Iterator[tuple[int, dict[str, str]]]:
    """``(file line, row)`` for each record of ``text``, after checking the header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    def fail(message: str, line: int, field: str | None = None) -> DataFileError:
        return DataFileError(message, row=line, field=field, source=label)

    try:
        header = next(reader, None)
        if header is None:
            raise fail("empty file: no header row", 1)
        _check_header(header, fail)
        line = reader.line_num + 1
        for fields in reader:
            if fields:  # a blank line is no row
                if len(fields) != len(header):
                    raise fail(f"{len(fields)} fields where the header has {len(header)}", line)
                yield line, dict(zip(header, fields, strict=True))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise fail(f"not valid CSV: {exc}", reader.line_num or 1) from None


def _check_header(header: list[str], fail: Callable[..., DataFileError]) -> None:
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:  # never pick one of two values silently
        raise fail(f"column(s) given more than once: {', '.join(repeated)}", 1, repeated[0])
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        found = ", ".join(header) or "nothing"
        raise fail(f"missing column(s) {', '.join(missing)}; found {found}", 1, missing[0])
    unknown = [c for c in header if c not in _REQUIRED + _OPTIONAL]
    if unknown:
        known = ", ".join(_REQUIRED + _OPTIONAL)
        raise fail(
            f"unknown column(s) {', '.join(unknown)}; the columns are {known}", 1, unknown[0]
        )


def _entry_from_row(
    row: dict[str, str],
    number: int,
    label: str | None,
    default_source: LegalSource | None,
    registry: Mapping[str, LegalSource],
) -> CalendarEntry:
    def fail(field: str, message: str) -> DataFileError:
        return DataFileError(message, row=number, field=field, source=label)

    raw_date = (row.get("date") or "").strip()
    try:
        day = date.fromisoformat(raw_date)
    except ValueError:
        raise fail("date", f"not a valid date: {raw_date!r}") from None
    raw_kind = (row.get("kind") or "").strip()
    try:
        kind = DayKind(raw_kind)
    except ValueError:
        allowed = ", ".join(k.value for k in DayKind)
        raise fail("kind", f"unknown kind {raw_kind!r} (allowed: {allowed})") from None
    names = {f: (row.get(f) or "").strip() for f in ("name_vi", "name_en")}
    for field, value in names.items():
        if not value:
            raise fail(field, "must not be empty")
    cited: list[LegalSource] = []
    for key in filter(None, (k.strip() for k in (row.get("sources") or "").split(";"))):
        if key not in registry:
            raise fail("sources", f"unknown source key {key!r}")
        cited.append(registry[key])
    if not cited and default_source is not None:
        cited.append(default_source)
    raw_ver = (row.get("verification") or "").strip() or Verification.SECONDARY.value
    try:
        verification = Verification(raw_ver)
    except ValueError:
        raise fail("verification", f"unknown verification {raw_ver!r}") from None
    return CalendarEntry(
        day=day,
        kind=kind,
        name_vi=names["name_vi"],
        name_en=names["name_en"],
        sources=tuple(cited),
        verification=verification,
        note=(row.get("note") or "").strip() or None,
    )
