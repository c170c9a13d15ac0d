"""Text normalisation shared by the parsers (chuẩn hóa văn bản).

Real texts come in NFC or NFD form and sometimes carry the look-alike
``Ð`` (U+00D0, Icelandic eth) where ``Đ`` (U+0110) is meant
(documents.md §4 item 1). :func:`normalize` returns the NFC text with ``Ð``/``ð``
mapped to ``Đ``/``đ`` together with an offset map, so that spans found in the
normalised text can be reported in the caller's original text::

    >>> n = normalize("Nghi\u0323 \u0110i\u0323nh 1/Q\u00d0-UBND")
    >>> n.text
    'Nghị Định 1/QĐ-UBND'
    >>> n.original_span(5, 9)
    (6, 11)
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Normalized", "normalize"]

_LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_CLUSTER = re.compile(r"[^\u0300-\u036f][\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]+", re.S)


@attrs.frozen
class Normalized:
    """An NFC text and, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...] | None
    """``None`` when the text was already normalised (offsets are the identity)."""
    original_length: int

    def original_offset(self, i: int) -> int:
        """Offset in the original text of normalised offset ``i`` (``i`` may be the end)."""
        if self.offsets is None:
            return i
        if i >= len(self.text):
            return self.original_length
        return self.offsets[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """A ``(start, end)`` span of the normalised text mapped to the original text."""
        return self.original_offset(start), self.original_offset(end)


def normalize(text: str) -> Normalized:
    """NFC-normalise ``text`` and map ``Ð``/``ð`` to ``Đ``/``đ``, keeping an offset map."""
    if unicodedata.is_normalized("NFC", text) and not any(c in text for c in _LOOKALIKES):
        return Normalized(text, None, len(text))
    fast = _normalize_clusters(text)
    if fast is not None:
        return fast
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        for ch in piece:
            out.append(_LOOKALIKES.get(ch, ch))
            offsets.append(i)
        i = j
    return Normalized("".join(out), tuple(offsets), n)


def _normalize_clusters(text: str) -> Normalized | None:
    """Fast path: only base+combining clusters change length under NFC.

    Returns ``None`` when some other part changes length (then the slow
    per-character path is used).
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _CLUSTER.finditer(text):
        plain = unicodedata.normalize("NFC", text[pos : m.start()])
        if len(plain) != m.start() - pos:
            return None
        out.append(plain)
        offsets.extend(range(pos, m.start()))
        piece = unicodedata.normalize("NFC", m.group(0))
        out.append(piece)
        offsets.extend([m.start()] * len(piece))
        pos = m.end()
    tail = unicodedata.normalize("NFC", text[pos:])
    if len(tail) != len(text) - pos:
        return None
    out.append(tail)
    offsets.extend(range(pos, len(text)))
    joined = "".join(out).translate(_LOOKALIKE_TABLE)
    return Normalized(joined, tuple(offsets), len(text))
