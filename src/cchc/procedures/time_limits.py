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
from typing import NamedTuple

from cchc.errors import ParseError, ValidationError

from .models import TimeLimit
from .vocabulary import Channel, TimeUnit

__all__ = ["parse_time_limit"]

_F = re.IGNORECASE

_PREFIX = re.compile(
    r"(?:thời\s+hạn\s+giải\s+quyết|thời\s+gian\s+giải\s+quyết)\s*:?\s*"
    r"|(?:không\s+quá|tối\s+đa|trong\s+thời\s+hạn|trong\s+thời\s+gian|trong\s+vòng"
    r"|chậm\s+nhất(?:\s+là)?|trong)\s+",
    _F,
)
_FRACTION = re.compile(r"\d+\s*[,.]\s*\d+", _F)
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
    def __init__(self, text: str) -> None:
        self.text = text

    def fail(self, pos: int, reason: str) -> ParseError:
        return ParseError(f"cannot read the time limit {self.text!r}: {reason}", offset=pos)

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
        if _FRACTION.match(text, pos):
            raise self.fail(pos, "a fractional amount (not a whole number of units)")
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
            parts.append(_Part(_channel_of(label.group(1)), amount, unit, counted))
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
            channel = _channel_of(label.group(1)) if label else None
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            if channel is None and (tag := _TAG.match(text, pos)):
                channel, pos = _channel_of(tag.group(1)), tag.end()
                if counted is None:
                    counted, pos = self.counted(pos)
            parts.append(_Part(channel, amount, unit, counted))
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
    return TimeLimit(
        amount=chosen.amount,
        unit=chosen.unit,
        counted_from=chosen.counted_from,
        text=norm,
    )
