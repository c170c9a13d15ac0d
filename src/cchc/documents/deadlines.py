"""Deadlines set by directive documents (thời hạn trong văn bản chỉ đạo).

Phrases read (seed 001 and documents.md §5.2; "chậm nhất" is UNCONFIRMED in
the seeds but common):

* "trước ngày 22/8/2024", "trước 26/8/2024" — before a date (exclusive);
* "chậm nhất ngày 30/9/2024" — no later than a date (inclusive);
* "trong thời hạn 05 ngày làm việc [kể từ ngày …]", "trong vòng 10 ngày" —
  a period counted from the document's date (or the date named). A period in
  days does not count its first day (Bộ luật Dân sự 91/2015/QH13 Điều 147
  khoản 2, checked in a secondary copy), so "05 ngày làm việc" from 12/8/2024
  is the 5th working day after it, resolved with
  :class:`cchc.calendar.OfficialCalendar` (``add_working_days``);
* "đúng thời gian quy định" (as regulated, no date) and "định kỳ hàng quý…"
  (periodic).

Policies (each a documented choice, with its source):

* **Start at an event.** "kể từ ngày nhận được văn bản này" counts from the
  day each recipient receives the document, which the text cannot tell:
  ``due_on`` is ``None`` and ``counted_from_event`` says ``"receipt"``
  (likewise ``"entry into force"`` for "kể từ ngày … có hiệu lực", ``"other"``
  for any start not understood). "kể từ ngày ký / ban hành" is the issue date.
* **Year of a date written without one** ("trước ngày 5/1"): the issue year,
  or the next year when that would fall before the issue date; such a date is
  marked ``year_inferred``.
* **A period in calendar days ending on a day off** ends on the next working
  day (Bộ luật Dân sự 2015 Điều 148 khoản 5, :data:`DUE_ROLLFORWARD_SOURCE`);
  ``rolled_from`` keeps the nominal last day. A date the text states itself
  ("trước ngày 22/8/2024") is never moved. Days off come from the official
  calendar (2015-2027); a computation outside it raises
  :class:`~cchc.errors.CalendarCoverageError`.

Who must act is taken from the list item or paragraph when it says so
("Giao phòng …", "Yêu cầu các phòng …", or an item that opens with the
units), and where to report from "báo cáo … về <X>".

    >>> from datetime import date
    >>> d = extract_deadlines("1. Các đơn vị trực thuộc rà soát. Báo cáo về Văn phòng Sở "
    ...                       "trước ngày 22/8/2024.")[0]
    >>> d.kind.value, d.due_on, d.actor, d.report_to
    ('before', datetime.date(2024, 8, 22), 'Các đơn vị trực thuộc', 'Văn phòng Sở')
    >>> d = extract_deadlines("Trong thời hạn 05 ngày làm việc, Sở báo cáo.",
    ...                       issued_on=date(2024, 8, 12))[0]
    >>> d.days, d.working_days, d.due_on
    (5, True, datetime.date(2024, 8, 19))
    >>> d = extract_deadlines("Báo cáo trong thời hạn 10 ngày.", issued_on=date(2024, 8, 21))[0]
    >>> d.rolled_from, d.due_on
    (datetime.date(2024, 8, 31), datetime.date(2024, 9, 4))
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta

from pydantic import ConfigDict, Field

from cchc._checks import require_text
from cchc._model import CchcModel
from cchc.calendar import default_calendar
from cchc.documents._text import normalize
from cchc.documents.dates import DateStatus, as_vn_date, scan_date
from cchc.errors import CalendarCoverageError
from cchc.legal import source_aliases

__all__ = [
    "Deadline",
    "DeadlineKind",
    "PeriodStart",
    "extract_deadlines",
]

__getattr__ = source_aliases(
    __name__, {"BLDS_2015_147": "BLDS2015-147", "DUE_ROLLFORWARD_SOURCE": "BLDS2015-148"}
)
"""Lazy registry aliases: ``BLDS_2015_147`` (first day not counted) and
``DUE_ROLLFORWARD_SOURCE`` (a deadline on a day off moves to the next working day)."""

_GAP = r"[ \t\n]{1,3}"
"""Between two words of a phrase: one to three spaces, tabs or line breaks, so a phrase
broken across lines in a document still matches."""


def _phrase(*alternatives: str) -> str:
    """A case-insensitive pattern for any of ``alternatives``, their words joined by
    :data:`_GAP` (``_phrase("kể từ")`` matches "Kể từ", "kể\ntừ")."""
    return "(?i:" + "|".join(_GAP.join(map(re.escape, a.split())) for a in alternatives) + ")"


_DAY_AHEAD = r"(?=(?i:ngày)|\d)"
_BEFORE = re.compile(_phrase("trước") + _GAP + _DAY_AHEAD)
_LATEST = re.compile(
    _phrase("chậm nhất") + _GAP + f"(?:{_phrase('là', 'vào')}{_GAP})?" + _DAY_AHEAD
)
_WITHIN = re.compile(
    _phrase("trong thời hạn", "trong vòng")
    + _GAP
    + r"(\d{1,3})"
    + _GAP
    + _phrase("ngày")
    + f"({_GAP}{_phrase('làm việc')})?"
)
_FROM = re.compile(r"[ \t\n,]{0,3}" + _phrase("kể từ") + _GAP)
_FROM_ISSUE = re.compile(_phrase("ngày") + _GAP + _phrase("ký", "ban hành"))
_FROM_RECEIPT = re.compile(
    f"(?:{_phrase('ngày', 'khi')}{_GAP})?"
    + _phrase("nhận được", "tiếp nhận", "nhận")
    + f"(?:{_GAP}{_phrase('văn bản', 'công văn')}(?:{_GAP}{_phrase('này')})?)?"
)
_FROM_EFFECT = re.compile(_phrase("ngày") + r"[^.;\n]{0,60}?" + _phrase("có hiệu lực"))
_FROM_OTHER = re.compile(r"[^.;,\n]{1,60}")
_REGULATED = re.compile(
    _phrase("đúng thời gian quy định", "đúng thời hạn quy định", "đúng hạn quy định")
)
_PERIODIC = re.compile(_phrase("định kỳ") + _GAP + _phrase("hàng", "hằng") + r"[^.;\n]{1,60}")
_VERBS = (
    r"(?i:khẩn trương|chủ trì|phối hợp|thực hiện|triển khai|rà soát|báo cáo|tổ chức|xây dựng|"
    r"tiếp tục|có trách nhiệm|chịu trách nhiệm|nghiêm túc|tăng cường|quán triệt|chủ động|"
    r"tổng hợp|gửi|hoàn thành|cập nhật|đôn đốc|hướng dẫn|kiểm tra|theo dõi)"
)
_ASSIGN = re.compile(
    rf"(?i:giao|yêu cầu|đề nghị)[ \t]{{1,3}}([^.;\n]{{3,120}}?)[ \t]{{1,3}}(?={_VERBS})"
)
_LEAD = re.compile(
    rf"^[ \t]{{0,3}}(?:\d{{1,2}}[.)][ \t]{{1,3}}|[-+•][ \t]{{1,3}})?"
    rf"([^.;\n]{{3,120}}?)[ \t]{{1,3}}(?={_VERBS})"
)
_REPORT_TO = re.compile(
    r"(?i:báo cáo)[^.;\n]{0,60}?[ \t](?i:về)[ \t]{1,3}([^.;\n]{3,60}?)[ \t]{1,3}"
    r"(?=(?i:trước|chậm nhất|để|đúng|trong))"
)
_ITEM_START = re.compile(r"[ \t]{0,3}(?:\d{1,2}[.)]|[-+•])[ \t]")
_ACTOR_HEADS = (
    "các ",
    "phòng",
    "sở",
    "ubnd",
    "ủy ban",
    "uỷ ban",
    "văn phòng",
    "trung tâm",
    "thủ trưởng",
    "giám đốc",
    "người đứng đầu",
    "ban ",
    "cơ quan",
    "đơn vị",
    "bộ phận",
    "chi cục",
    "bệnh viện",
    "trạm",
    "ttyt",
)


class DeadlineKind(enum.StrEnum):
    """Kind of deadline phrase."""

    BEFORE = "before"
    """"trước ngày X": done before X (X itself is too late)."""
    NO_LATER_THAN = "no later than"
    """"chậm nhất ngày X": X is the last day."""
    WITHIN_DAYS = "within days"
    """"trong thời hạn N ngày [làm việc]": a period from the document's date."""
    AS_REGULATED = "as regulated"
    """"đúng thời gian quy định": the period of another rule; no date stated."""
    PERIODIC = "periodic"
    """"định kỳ hàng quý, 6 tháng, hàng năm": a recurring report."""


class PeriodStart(enum.StrEnum):
    """An event a period is counted from, when it is not a date the text gives."""

    RECEIPT = "receipt"
    """"kể từ ngày nhận được văn bản": the day each recipient receives it."""
    ENTRY_INTO_FORCE = "entry into force"
    """"kể từ ngày … có hiệu lực": the day the document takes effect."""
    OTHER = "other"
    """Any other start named after "kể từ" that is not understood."""


class Deadline(CchcModel):
    """One deadline phrase and what it resolves to."""

    model_config = ConfigDict(frozen=True)

    kind: DeadlineKind = Field(description="before / no later than / within days / ...")
    text: str = Field(description="The phrase as written.")
    span: tuple[int, int] = Field(description="(start, end) offsets in the text as given.")
    due_on: date | None = Field(default=None, description="The date stated or computed.")
    inclusive: bool = Field(default=True, description="Whether due_on itself is still in time.")
    days: int | None = Field(default=None, description="N of 'trong thời hạn N ngày'.")
    working_days: bool = Field(default=False, description="Whether N counts working days.")
    counted_from: date | None = Field(default=None, description="Start of the period.")
    counted_from_event: PeriodStart | None = Field(
        default=None, description="The event the period runs from when no date is known."
    )
    year_inferred: bool = Field(
        default=False, description="The year of due_on was not written but inferred."
    )
    rolled_from: date | None = Field(
        default=None,
        description="Nominal last day, a day off, before moving to the next working day "
        "(BLDS 2015 Điều 148 khoản 5).",
    )
    actor: str | None = Field(default=None, description="Who must act, when the text says.")
    report_to: str | None = Field(default=None, description="Where to report ('Văn phòng Sở').")


def _item_start(s: str, pos: int) -> int:
    """Start of the list item or paragraph holding ``pos``; a paragraph whose previous one
    ends without punctuation continues it (a broken line, as in seed 001 item 7)."""
    start = s.rfind("\n", max(0, pos - 2000), pos) + 1
    for _ in range(4):
        if _ITEM_START.match(s, start):
            break
        base = max(0, start - 2000)
        prev_text = s[base:start].rstrip()
        if not prev_text or prev_text[-1] in ".;:!?":
            break
        prev_end = base + len(prev_text)
        start = s.rfind("\n", max(0, prev_end - 2000), prev_end) + 1
    return start


def _who(s: str, start: int, pos: int) -> tuple[str | None, str | None]:
    item = s[start:pos]
    actor = None
    m = _ASSIGN.search(item)
    if m is None:
        m = _LEAD.match(item)
        if m is not None and not m.group(1).casefold().startswith(_ACTOR_HEADS):
            m = None
    if m is not None:
        actor = " ".join(m.group(1).split()).strip(" ,:")
    matches = list(_REPORT_TO.finditer(s, start, min(len(s), pos + 40)))
    report_to = " ".join(matches[-1].group(1).split()) if matches else None
    return actor, report_to


def extract_deadlines(text: str, *, issued_on: date | None = None) -> list[Deadline]:
    """Find deadline phrases in ``text`` and resolve them where possible.

    ``issued_on`` (the document's date) completes dates without a year and is
    the start of "trong thời hạn N ngày" periods unless the text names another
    ("kể từ ngày …"). Working days use the bundled official calendar.

    Raises:
        ValidationError: ``text`` is not a ``str`` (``field="text"``).
    """
    require_text(text, field="text")
    issued_on = as_vn_date(issued_on, field="issued_on")
    norm = normalize(text)
    s = norm.text
    found: list[tuple[int, int, dict[str, object]]] = []
    for pattern, kind in ((_BEFORE, DeadlineKind.BEFORE), (_LATEST, DeadlineKind.NO_LATER_THAN)):
        for m in pattern.finditer(s):
            dt = scan_date(s, m.end())
            if dt is None:
                continue
            due, inferred = dt.value, False
            if due is None and dt.status is DateStatus.PARTIAL and dt.year is None and issued_on:
                due, inferred = _infer_year(issued_on, dt.month or 0, dt.day or 0), True
            found.append(
                (
                    m.start(),
                    dt.end,
                    {
                        "kind": kind,
                        "due_on": due,
                        "inclusive": kind is DeadlineKind.NO_LATER_THAN,
                        "year_inferred": inferred and due is not None,
                    },
                )
            )
    for m in _WITHIN.finditer(s):
        n, working = int(m.group(1)), m.group(2) is not None
        end, base, event = m.end(), issued_on, None
        fm = _FROM.match(s, end)
        if fm is not None:
            end, base, event = _period_start(s, fm.end(), issued_on)
        due = rolled = None
        if base is not None:
            if working:
                due = default_calendar().add_working_days(base, n)
            else:
                due = _plus_days(base, n)
                if not default_calendar().is_working_day(due):
                    due, rolled = default_calendar().rollforward(due), due
        found.append(
            (
                m.start(),
                end,
                {
                    "kind": DeadlineKind.WITHIN_DAYS,
                    "days": n,
                    "working_days": working,
                    "counted_from": base,
                    "counted_from_event": event,
                    "due_on": due,
                    "rolled_from": rolled,
                },
            )
        )
    for m in _REGULATED.finditer(s):
        found.append((m.start(), m.end(), {"kind": DeadlineKind.AS_REGULATED}))
    for m in _PERIODIC.finditer(s):
        found.append((m.start(), m.end(), {"kind": DeadlineKind.PERIODIC}))
    out: list[Deadline] = []
    for start, end, fields in sorted(found, key=lambda f: f[0]):
        item_start = _item_start(s, start)
        actor, report_to = _who(s, item_start, start)
        span = norm.original_span(start, end)
        out.append(
            Deadline(
                text=" ".join(s[start:end].split()),
                span=span,
                actor=actor,
                report_to=report_to,
                **fields,
            )
        )
    return out


def _period_start(
    s: str, pos: int, issued_on: date | None
) -> tuple[int, date | None, PeriodStart | None]:
    """Read the start after "kể từ" at ``pos``: (end, start date, start event)."""
    dt = scan_date(s, pos)
    if dt is not None:
        return dt.end, dt.value, None
    m = _FROM_ISSUE.match(s, pos)
    if m is not None:
        return m.end(), issued_on, None
    m = _FROM_RECEIPT.match(s, pos)
    if m is not None:
        return m.end(), None, PeriodStart.RECEIPT
    m = _FROM_EFFECT.match(s, pos)
    if m is not None:
        return m.end(), None, PeriodStart.ENTRY_INTO_FORCE
    m = _FROM_OTHER.match(s, pos)
    return (m.end() if m is not None else pos), None, PeriodStart.OTHER


def _plus_days(base: date, n: int) -> date:
    """``base`` + ``n`` days; past year 9999 there is no calendar to resolve it on."""
    try:
        return base + timedelta(days=n)
    except OverflowError:
        raise CalendarCoverageError(
            f"{n} days after {base.isoformat()} is past year 9999", field="due_on"
        ) from None


def _infer_year(issued_on: date, month: int, day: int) -> date | None:
    """A day and month without a year: in the issue year, or the next one when that day
    would come before the issue date ("trước ngày 5/1" in a document of 20/12/2024)."""
    for year in (issued_on.year, issued_on.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= issued_on:
            return candidate
    return None
