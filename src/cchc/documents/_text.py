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

import bisect
import functools
import re
import unicodedata

import attrs

__all__ = ["Normalized", "normalize"]

_CLUSTER = re.compile(r"[^\u0300-\u036f][\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]+", re.S)
_COMBINING = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]")
"""A combining mark: without one (an NFC text) there is no cluster to look for."""


@attrs.frozen
class Normalized:
    """An NFC text and the map from its offsets back to the original text.

    The map is a list of segments, each starting at a normalised offset: a
    *plain* segment maps offset for offset, a *cluster* segment (a base letter
    with combining marks, composed by NFC) maps every offset to the cluster's
    start. No segments means the identity.
    """

    text: str
    original_length: int
    seg_norm: tuple[int, ...] = ()
    seg_orig: tuple[int, ...] = ()
    seg_plain: tuple[bool, ...] = ()

    def original_offset(self, i: int) -> int:
        """Offset in the original text of normalised offset ``i`` (``i`` may be the end)."""
        if not self.seg_norm:
            return i
        if i >= len(self.text):
            return self.original_length
        k = bisect.bisect_right(self.seg_norm, i) - 1
        start = self.seg_orig[k]
        return start + (i - self.seg_norm[k]) if self.seg_plain[k] else start

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """A ``(start, end)`` span of the normalised text mapped to the original text."""
        return self.original_offset(start), self.original_offset(end)


def _fix_lookalikes(text: str) -> str:
    return text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


@functools.lru_cache(maxsize=4)
def normalize(text: str) -> Normalized:
    """NFC-normalise ``text`` and map ``Ð``/``ð`` to ``Đ``/``đ``, keeping an offset map.

    The result (immutable) is cached for the last few texts: :func:`lint` reads the same
    text through the parser, the header reader and the figure checks.
    """
    if unicodedata.is_normalized("NFC", text):
        return Normalized(_fix_lookalikes(text), len(text))
    fast = _normalize_clusters(text)
    if fast is not None:
        return fast
    out: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    i, n, pos = 0, len(text), 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        for _ in piece:
            seg_norm.append(pos)
            seg_orig.append(i)
            pos += 1
        out.append(piece)
        i = j
    plain = (False,) * len(seg_norm)
    return Normalized(_fix_lookalikes("".join(out)), n, tuple(seg_norm), tuple(seg_orig), plain)


def _normalize_clusters(text: str) -> Normalized | None:
    """Fast path: only base+combining clusters change length under NFC.

    Returns ``None`` when some other part changes length (then the slow
    per-character path is used).
    """
    out: list[str] = []
    seg_norm: list[int] = []
    seg_orig: list[int] = []
    seg_plain: list[bool] = []
    pos = norm_pos = 0
    clusters = _CLUSTER.finditer(text) if _COMBINING.search(text) else ()
    for m in clusters:
        plain = unicodedata.normalize("NFC", text[pos : m.start()])
        if len(plain) != m.start() - pos:
            return None
        if plain:
            seg_norm.append(norm_pos)
            seg_orig.append(pos)
            seg_plain.append(True)
            out.append(plain)
            norm_pos += len(plain)
        piece = unicodedata.normalize("NFC", m.group(0))
        seg_norm.append(norm_pos)
        seg_orig.append(m.start())
        seg_plain.append(False)
        out.append(piece)
        norm_pos += len(piece)
        pos = m.end()
    tail = unicodedata.normalize("NFC", text[pos:])
    if len(tail) != len(text) - pos:
        return None
    seg_norm.append(norm_pos)
    seg_orig.append(pos)
    seg_plain.append(True)
    out.append(tail)
    return Normalized(
        _fix_lookalikes("".join(out)),
        len(text),
        tuple(seg_norm),
        tuple(seg_orig),
        tuple(seg_plain),
    )
