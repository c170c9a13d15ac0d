"""Reading a published time limit (thời hạn giải quyết) from catalogue text.

Catalogues (Cơ sở dữ liệu quốc gia về TTHC, the provincial Quyết định công bố
TTHC) publish the time limit as free text. :func:`parse_time_limit` reads the
phrasings they use and returns a :class:`~cchc.procedures.TimeLimit` that the
deadline engine can use::

    >>> tl = parse_time_limit("05 (năm) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ")
    >>> (tl.amount, tl.unit.value, tl.counted_from)
    (5, 'working_days', 'kể từ ngày nhận đủ hồ sơ hợp lệ')
    >>> parse_time_limit("07 ngày làm việc (trực tuyến: 05 ngày làm việc)", channel="online").amount
    5
    >>> parse_time_limit("Ngay sau khi nhận đủ hồ sơ hợp lệ").unit.value
    'immediate'

What it reads:

* an amount in figures, optionally followed by the same number in words in
  brackets ("05 (năm)"; the words must agree with the figures);
* the units ``ngày làm việc`` (working days), ``ngày`` (calendar days),
  ``giờ làm việc`` (working hours) and ``tháng`` (months); a plain ``giờ``
  is refused, since the text does not say whether clock or working hours
  are meant (the engine counts working hours only);
* the lead-ins "Không quá", "Tối đa", "Trong thời hạn", "Trong vòng",
  "Trong", "Chậm nhất", "Thời hạn giải quyết:";
* the counted-from phrase ("kể từ ...", "tính từ ...", "từ ...", "sau khi ..."),
  kept in ``counted_from``;
* "Trong ngày" / "Giải quyết trong ngày" (0 working days: by the end of the
  receipt working day), "ngày làm việc tiếp theo" (1 working day) and
  "Ngay sau khi nhận đủ hồ sơ" (:attr:`~cchc.procedures.TimeUnit.IMMEDIATE`);
* per-channel texts: "07 ngày làm việc (trực tuyến: 05 ngày làm việc)",
  "03 ngày làm việc (trực tuyến); 01 ngày làm việc (trực tiếp)" and
  "Trực tiếp: 10 ngày; trực tuyến: 07 ngày". ``channel=`` chooses the
  channel; without it the unlabelled (default) limit is returned, and a text
  whose only limits differ by channel is refused.

Anything else (fractions of a day, several limits for different cases, a
second figure inside the counted-from phrase, years) is a
:class:`~cchc.errors.ParseError` quoting the text with the offset of the
first character it could not read: the parser never guesses.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from pydantic import Field

from cchc._data import load_bundled_csv
from cchc._model import CchcRecord
from cchc.errors import DataFileError, ParseError, ValidationError

from .terms import TimeLimit
from .vocabulary import Channel, TimeUnit

__all__ = ["CaseTimeLimit", "parse_time_limit", "parse_time_limits", "working_hours_for_days"]

_DAY_HOURS_FILE = "day_hours.csv"


class _DayHours(CchcRecord):
    hours_per_day: int = Field(gt=0, le=24)
    source: str
    note: str = ""


@lru_cache(maxsize=1)
def _day_hours() -> tuple[int, str]:
    """(working hours in one working day, registry key) from the bundled rule data."""
    rows = load_bundled_csv(_DayHours, "cchc.procedures", "data", _DAY_HOURS_FILE)
    if len(rows) != 1:
        raise DataFileError("expected exactly one row", source=_DAY_HOURS_FILE)
    return rows[0].hours_per_day, rows[0].source


def working_hours_for_days(days: Decimal) -> int:
    """A fraction of a day in working hours (rule ``CONV-DAY-8H``: 1 day = 8 working hours).

    ``Decimal("0.5")`` -> 4, ``Decimal("1.5")`` -> 12.

    Raises:
        ParseError: the days do not make a whole number of hours (0.1 ngày).
    """
    per_day, key = _day_hours()
    hours = days * per_day
    if hours != hours.to_integral_value() or hours <= 0:
        raise ParseError(
            f"{days} ngày is not a whole number of working hours ({per_day} h a day, {key})"
        )
    return int(hours)


class CaseTimeLimit(CchcRecord):
    """One limit of a published text: its case (trường hợp) and channel, if it names them."""

    case: str | None = Field(
        default=None,
        description="Trường hợp as published, e.g. 'trường hợp cần xác minh'; None: the "
        "general limit.",
    )
    channel: Channel | None = Field(default=None, description="Hình thức nộp, when named.")
    limit: TimeLimit = Field(description="Thời hạn giải quyết of this case and channel.")


_F = re.IGNORECASE

_PREFIX = re.compile(
    r"(?:thời\s+hạn\s+giải\s+quyết|thời\s+gian\s+giải\s+quyết)\s*:?\s*"
    r"|(?:không\s+quá|tối\s+đa|trong\s+thời\s+hạn|trong\s+thời\s+gian|trong\s+vòng"
    r"|chậm\s+nhất(?:\s+là)?|trong)\s+",
    _F,
)
_FRACTION = re.compile(r"(\d+)\s*[,.]\s*(\d+)\s*", _F)
_DAY_UNIT = re.compile(r"(ngày\s+làm\s+việc|ngày)(?!\w)", _F)
_AMOUNT = re.compile(r"(\d+)(?:\s*\(\s*([^()\d]*?)\s*\))?\s*", _F)
_UNIT = re.compile(r"(ngày\s+làm\s+việc|giờ\s+làm\s+việc|ngày|tháng)(?!\w)", _F)
_CLOCK_HOURS = re.compile(r"giờ(?!\w)", _F)
_UNITS = {
    "ngày làm việc": TimeUnit.WORKING_DAYS,
    "giờ làm việc": TimeUnit.HOURS,
    "ngày": TimeUnit.DAYS,
    "tháng": TimeUnit.MONTHS,
}
_SAME_DAY = re.compile(
    r"(?:giải\s+quyết\s+|trả\s+kết\s+quả\s+|ngay\s+)?trong\s+ngày(?:\s+làm\s+việc)?(?!\w)(?!\s+tiếp)",
    _F,
)
_NEXT_DAY = re.compile(
    r"(?:giải\s+quyết\s+|trả\s+kết\s+quả\s+)?(?:trong\s+)?ngày\s+làm\s+việc\s+tiếp\s+theo(?!\w)",
    _F,
)
_IMMEDIATE = re.compile(r"ngay(?!\w)\s*", _F)
_COUNTED = re.compile(r"\s*,?\s*((?:kể\s+từ|tính\s+từ|từ|sau\s+khi|khi)(?!\w)[^();]*)", _F)
_DIGIT = re.compile(r"\d")
_CASE = re.compile(r"trường\s+hợp|đối\s+với", _F)
_CHANNEL = (
    r"(?:nộp\s+(?:hồ\s+sơ\s+)?)?(?:qua\s+)?"
    r"(trực\s+tiếp|trực\s+tuyến|(?:dịch\s+vụ\s+)?bưu\s+chính(?:\s+công\s+ích)?)"
)
_LABEL = re.compile(_CHANNEL + r"\s*:\s*", _F)
_TAG = re.compile(r"\(\s*" + _CHANNEL + r"\s*\)\s*", _F)
_OPEN = re.compile(r"\(\s*", _F)
_CLOSE = re.compile(r"\s*\)\s*", _F)
_SEP = re.compile(r"\s*[;,]\s*", _F)
_END = re.compile(r"[\s.;]*$", _F)
_WS = re.compile(r"\s*")

_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}


class _Part(NamedTuple):
    channel: Channel | None
    amount: int | None
    unit: TimeUnit
    counted_from: str | None
    days: Decimal | None = None


def _channel_of(word: str) -> Channel:
    low = " ".join(word.lower().split())
    if low == "trực tiếp":
        return Channel.IN_PERSON
    if low == "trực tuyến":
        return Channel.ONLINE
    return Channel.POST


def _words_value(words: str) -> int | None:
    """The value of a Vietnamese number in words (0-999), None if not one."""
    toks = words.lower().split()
    total = 0
    if "trăm" in toks:
        k = toks.index("trăm")
        if k != 1 or toks[0] not in _DIGITS:
            return None
        total, toks = _DIGITS[toks[0]] * 100, toks[2:]
        if toks and toks[0] in ("linh", "lẻ"):
            return total + _DIGITS[toks[1]] if len(toks) == 2 and toks[1] in _DIGITS else None
        if not toks:
            return total
    if not toks:
        return None
    tens = 0
    if toks[0] == "mười":
        tens, toks = 1, toks[1:]
    elif len(toks) >= 2 and toks[1] == "mươi" and toks[0] in _DIGITS:
        tens, toks = _DIGITS[toks[0]], toks[2:]
    if not toks:
        return total + tens * 10
    if len(toks) != 1 or toks[0] not in _DIGITS:
        return None
    return total + tens * 10 + _DIGITS[toks[0]]


class _Reader:
    def __init__(self, text: str, shown: str | None = None) -> None:
        self.text = text
        self.shown = text if shown is None else shown
        self.days: Decimal | None = None

    def fail(self, pos: int, reason: str) -> ParseError:
        return ParseError(f"cannot read the time limit {self.shown!r}: {reason}", offset=pos)

    def counted(self, pos: int) -> tuple[str | None, int]:
        m = _COUNTED.match(self.text, pos)
        if not m:
            return None, pos
        phrase = m.group(1).rstrip(" \t\n.")
        bad = [b.start() for b in (_DIGIT.search(phrase), _CASE.search(phrase)) if b]
        if bad:
            raise self.fail(m.start(1) + min(bad), "a second case or figure")
        return phrase, m.start(1) + len(phrase)

    def core(self, pos: int) -> tuple[int | None, TimeUnit, str | None, int]:
        """One limit at ``pos``: (amount, unit, counted_from, end)."""
        text = self.text
        for m in (_NEXT_DAY.match(text, pos), _SAME_DAY.match(text, pos)):
            if m:
                amount = 1 if m.re is _NEXT_DAY else 0
                counted, end = self.counted(m.end())
                return amount, TimeUnit.WORKING_DAYS, counted, end
        m = _IMMEDIATE.match(text, pos)
        if m and not _SAME_DAY.match(text, m.end()):
            counted, end = self.counted(m.end())
            return None, TimeUnit.IMMEDIATE, counted, end if counted else m.end()
        while (p := _PREFIX.match(text, pos)) is not None:
            pos = p.end()
        self.days = None
        if f := _FRACTION.match(text, pos):
            day = _DAY_UNIT.match(text, f.end())
            if not day:
                raise self.fail(pos, "a fractional amount not of days (only days are converted)")
            self.days = Decimal(f"{f.group(1)}.{f.group(2)}")
            try:
                hours = working_hours_for_days(self.days)
            except ParseError as exc:
                raise self.fail(pos, exc.message) from None
            counted, end = self.counted(day.end())
            return hours, TimeUnit.HOURS, counted, end if counted else day.end()
        a = _AMOUNT.match(text, pos)
        if not a:
            raise self.fail(pos, "no amount (a number of days, hours or months)")
        if len(a.group(1)) > 9:  # int() refuses 4,300+ digits; no limit needs 10
            raise self.fail(a.start(1), "an amount of more than 9 digits")
        amount = int(a.group(1))
        if a.group(2) is not None:
            words = a.group(2)
            if _words_value(words) != amount:
                raise self.fail(a.start(2), f"the number in words ({words}) is not {amount}")
        u = _UNIT.match(text, a.end())
        if not u and _CLOCK_HOURS.match(text, a.end()):
            raise self.fail(
                a.end(), "plain 'giờ' (clock or working hours?): only 'giờ làm việc' is read"
            )
        if not u:
            raise self.fail(a.end(), "no unit (ngày làm việc, ngày, giờ làm việc, tháng)")
        unit = _UNITS[" ".join(u.group(1).lower().split())]
        counted, end = self.counted(u.end())
        return amount, unit, counted, end if counted else u.end()

    def overrides(self, pos: int) -> tuple[list[_Part], int]:
        """``(trực tuyến: 05 ngày làm việc; ...)`` at ``pos``."""
        parts: list[_Part] = []
        pos = _OPEN.match(self.text, pos).end()  # type: ignore[union-attr]
        while True:
            label = _LABEL.match(self.text, pos)
            if not label:
                raise self.fail(pos, "unexpected text in brackets")
            amount, unit, counted, pos = self.core(label.end())
            parts.append(_Part(_channel_of(label.group(1)), amount, unit, counted, self.days))
            if close := _CLOSE.match(self.text, pos):
                return parts, close.end()
            sep = _SEP.match(self.text, pos)
            if not sep:
                raise self.fail(pos, "unexpected text in brackets")
            pos = sep.end()

    def parts(self) -> list[_Part]:
        text, pos, parts = self.text, _WS.match(self.text).end(), []  # type: ignore[union-attr]
        while True:
            label = _LABEL.match(text, pos)
            amount, unit, counted, pos = self.core(label.end() if label else pos)
            days = self.days
            channel = _channel_of(label.group(1)) if label else None
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if channel is None and (tag := _TAG.match(text, pos)):
                channel, pos = _channel_of(tag.group(1)), tag.end()
                if counted is None:
                    counted, pos = self.counted(pos)
            parts.append(_Part(channel, amount, unit, counted, days))
            if _OPEN.match(text, pos):
                more, pos = self.overrides(pos)
                parts.extend(p._replace(counted_from=p.counted_from or counted) for p in more)
            if _END.match(text, pos):
                return parts
            sep = _SEP.match(text, pos)
            if not sep or sep.group().strip() != ";":
                raise self.fail(pos, "unexpected text")
            if _CASE.match(text, sep.end()):
                raise self.fail(sep.end(), "a second case (cases are not read)")
            pos = sep.end()


def _choose(reader: _Reader, parts: list[_Part], channel: Channel | None) -> _Part:
    defaults = [p for p in parts if p.channel is None]
    if len(defaults) > 1:
        raise reader.fail(0, "several time limits without a channel (cases are not read)")
    if channel is not None:
        own = [p for p in parts if p.channel is channel]
        if len(own) > 1:
            raise reader.fail(0, f"two time limits for the channel {channel.value}")
        if own or defaults:
            return (own or defaults)[0]
        raise reader.fail(0, f"no time limit for the channel {channel.value}")
    if defaults:
        return defaults[0]
    if len({(p.amount, p.unit) for p in parts}) == 1:
        return parts[0]
    named = ", ".join(p.channel.value for p in parts if p.channel is not None)
    raise reader.fail(0, f"the time limit differs by channel ({named}): pass channel=")


def parse_time_limit(text: str, *, channel: Channel | str | None = None) -> TimeLimit:
    """Read a published time limit (thời hạn giải quyết).

    Args:
        text: the catalogue wording, e.g. "05 ngày làm việc kể từ ngày nhận đủ
            hồ sơ hợp lệ". It is read after Unicode NFC normalisation;
            offsets in errors refer to the normalised text (the same as the
            input for NFC text, the usual form).
        channel: the submission channel (``"in_person"``, ``"online"``,
            ``"post"``) whose limit is wanted in a per-channel text; None for
            the default (unlabelled) limit.

    Returns:
        The :class:`~cchc.procedures.TimeLimit` with ``text`` = the wording read
        (stripped) and ``counted_from`` = the counted-from phrase, if any.

    Raises:
        ParseError: the text is not a time limit this parser reads (quoted,
            with the offset of the first character not read).
        ValidationError: ``text`` is not a string or ``channel`` is unknown.
    """
    if not isinstance(text, str):
        raise ValidationError(
            f"a time limit text is a string, not {type(text).__name__}", field="text"
        )
    ch: Channel | None = None
    if channel is not None:
        try:
            ch = Channel(channel)
        except ValueError:
            known = ", ".join(c.value for c in Channel)
            raise ValidationError(
                f"unknown channel {channel!r} (use {known})", field="channel"
            ) from None
    norm = unicodedata.normalize("NFC", text).strip()
    reader = _Reader(norm)
    if not norm:
        raise reader.fail(0, "empty text")
    chosen = _choose(reader, reader.parts(), ch)
    return _limit(chosen, norm)


def _limit(part: _Part, text: str) -> TimeLimit:
    return TimeLimit(
        amount=part.amount,
        unit=part.unit,
        counted_from=part.counted_from,
        text=text,
        days=part.days,
    )


# --- several cases (trường hợp) --------------------------------------------------------

_MARKER = r"(?:(?:trong\s+)?trường\s+hợp|đối\s+với|nếu)(?!\w)"
_BRACKET_CASE = re.compile(r"\(\s*(" + _MARKER + r"[^()]*?)\s*\)", _F)
_CLAUSE_END = re.compile(r"\s*;\s*|\.\s+|\s*,\s*(?=" + _MARKER + r")", _F)
_LIMIT_AT = re.compile(r"\d+(?:\s*[,.]\s*\d+)?\s*(?:\([^()\d]*\)\s*)?(?:ngày|giờ|tháng)(?!\w)", _F)
_LEAD_MARKER = re.compile(r"\s*(" + _MARKER + r")\s+", _F)
_THEN = re.compile(r"\s+thì(?!\w)\s*", _F)
_LEAD_IN_TAIL = re.compile(
    r"(?:không\s+quá|tối\s+đa|trong\s+thời\s+hạn|trong\s+vòng|trong|chậm\s+nhất(?:\s+là)?"
    r"|là)\s*$",
    _F,
)
_FILLER = re.compile(r"\s*(?:thời\s+hạn[^\d:;()]*)?", _F)
_TRAIL_CASE = re.compile(r"[\s,]*(" + _MARKER + r"[^\d;()]*?)[\s.]*$", _F)
_SENTENCE_END = re.compile(r"[\s.]*$", _F)


def _clause_spans(masked: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``masked`` (bracketed cases already blanked out)."""
    spans, start = [], 0
    for m in _CLAUSE_END.finditer(masked):
        if masked[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if masked[start:].strip(" .\t\n"):
        spans.append((start, len(masked)))
    return spans


def _read_clause(reader: _Reader, start: int, end: int) -> tuple[str | None, _Part]:
    """(case, limit) of one clause ``reader.text[start:end]``; never guesses."""
    text = reader.text
    case: str | None = None
    pos = start
    if lead := _LEAD_MARKER.match(text, pos):
        then = _THEN.search(text, lead.end(), end)
        first = _LIMIT_AT.search(text, lead.end(), end)
        if then is not None and (first is None or then.start() < first.start()):
            case, pos = text[lead.start(1) : then.start()].strip(" :,"), then.end()
        elif first is not None:
            case, pos = text[lead.start(1) : first.start()].strip(" :,"), first.start()
        if case is not None and _DIGIT.search(case):
            raise reader.fail(lead.start(1), "a figure inside the case")
    limits = list(_LIMIT_AT.finditer(text, pos, end))
    if not limits:
        raise reader.fail(pos, "no amount with a unit in this part")
    at = limits[0].start()
    before = text[pos:at]
    while (tail := _LEAD_IN_TAIL.search(before)) is not None and tail.group().strip():
        before = before[: tail.start()]
    if not _FILLER.fullmatch(before):
        raise reader.fail(pos, "text before the time limit that is not read")
    amount, unit, counted, stop = reader.core(at)
    part = _Part(None, amount, unit, counted, reader.days)
    rest = text[stop:end]
    if rest.strip(" .,\t\n"):
        trail = _TRAIL_CASE.fullmatch(rest)
        if trail is None or case is not None:
            raise reader.fail(stop, "unexpected text after the time limit")
        case = trail.group(1).strip()
    return case, part


def parse_time_limits(text: str) -> list[CaseTimeLimit]:
    """Every limit of a published text, per case (trường hợp) and per channel.

    A text :func:`parse_time_limit` reads gives its limits (one per channel
    it names, the unlabelled one with ``channel=None``), all with
    ``case=None``. Otherwise the text is read as clauses, one limit each,
    split at ";", at a sentence end, before ", trường hợp/đối với/nếu ..."
    and at a bracketed case "(trường hợp ... thì ... 25 ngày làm việc)":

    * the first clause without a case is the general limit (``case=None``);
    * every other clause must name its case, before the limit ("Trường hợp
      cần xác minh thì ... 06 ngày làm việc", "đối với vụ việc phức tạp thì
      ... không quá 45 ngày") or after it ("03 ngày làm việc đối với việc thay
      đổi ..."); the case is kept as published;
    * a bracketed case takes the counted-from phrase of its clause.

    ::

        >>> [(c.case, c.limit.amount) for c in parse_time_limits(
        ...     "10 ngày làm việc; trường hợp cần xác minh thì không quá 15 ngày làm việc")]
        [(None, 10), ('trường hợp cần xác minh', 15)]

    Raises:
        ParseError: a clause is not read (no unit, a figure outside the limit,
            a stage "trong đó: ...", text before the limit other than "Thời
            hạn ...", two limits without a case): the text is refused whole.
        ValidationError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ValidationError(
            f"a time limit text is a string, not {type(text).__name__}", field="text"
        )
    norm = unicodedata.normalize("NFC", text).strip()
    reader = _Reader(norm)
    if not norm:
        raise reader.fail(0, "empty text")
    try:
        parts = reader.parts()
    except ParseError as strict:
        return _read_cases(norm, strict)
    channels = [p.channel for p in parts]
    if len(set(channels)) != len(channels):
        raise reader.fail(0, "several time limits for one channel and no case")
    return [CaseTimeLimit(channel=p.channel, limit=_limit(p, norm)) for p in parts]


def _read_cases(norm: str, strict: ParseError) -> list[CaseTimeLimit]:
    brackets = list(_BRACKET_CASE.finditer(norm))
    masked = list(norm)
    for b in brackets:
        masked[b.start() : b.end()] = " " * (b.end() - b.start())
    main = "".join(masked)
    spans = _clause_spans(main)
    if len(spans) + len(brackets) < 2:
        raise strict
    found: list[tuple[str | None, _Part]] = []
    placed = 0
    for start, end in spans:
        # each clause is read on the text cut at its end, so no phrase runs past it
        case, part = _read_clause(_Reader(main[:end], shown=norm), start, end)
        found.append((case, part))
        for b in brackets:
            if start <= b.start() < end:
                placed += 1
                inner = _Reader(norm[: b.end(1)], shown=norm)
                bcase, bpart = _read_clause(inner, b.start(1), b.end(1))
                counted = bpart.counted_from or part.counted_from
                found.append((bcase, bpart._replace(counted_from=counted)))
    unnamed = sum(1 for case, _ in found if case is None)
    if placed != len(brackets) or unnamed > 1 or len(found) < 2:
        raise strict
    return [CaseTimeLimit(case=c, limit=_limit(p, norm)) for c, p in found]
