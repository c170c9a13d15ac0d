"""Short reprs and small HTML tables for notebooks (hiển thị), shared by every result type.

A repr says what the object is and its size or summary in a few lines (as pandas and
exchange_calendars do), moments in Asia/Ho_Chi_Minh (+07:00); ``_repr_html_`` gives a small
HTML table with every text escaped. Nothing here knows a cchc type: callers pass headers and
rows of plain values.

    >>> print(summary("Example", [("rows", 3), ("source", "a.csv")]))
    Example
      rows: 3
      source: a.csv
    >>> html_table(["a"], [["<b>"]])[-58:]
    '</thead><tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from cchc.tz import VN_TZ

__all__ = [
    "MAX_CELL",
    "MAX_ROWS",
    "clip",
    "html_table",
    "moment",
    "ns_moment",
    "ns_range",
    "preview_positions",
    "summary",
]

MAX_ROWS = 10
"""At most this many rows in an HTML table (the first and last halves of longer ones)."""
MAX_CELL = 60
"""At most this many characters in one cell or value of a repr."""


def clip(value: object, width: int = MAX_CELL) -> str:
    """``str(value)`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def moment(value: datetime | date | None) -> str:
    """A moment as ``2025-03-17 17:00+07:00`` in Asia/Ho_Chi_Minh (a date as ISO; None: ``-``)."""
    if value is None:
        return "-"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.isoformat(sep=" ", timespec="minutes")
        return value.astimezone(VN_TZ).isoformat(sep=" ", timespec="minutes")
    return value.isoformat()


def ns_moment(ns: int) -> str:
    """A UTC ``datetime64[ns]`` integer as :func:`moment` text (NaT: ``-``)."""
    if ns == np.iinfo(np.int64).min:
        return "-"
    seconds, rest = divmod(int(ns), 1_000_000_000)
    return moment(datetime.fromtimestamp(seconds, VN_TZ).replace(microsecond=rest // 1000))


def ns_range(column: npt.NDArray[Any]) -> str:
    """``first … last`` moments of a UTC ``datetime64`` column, NaT ignored (``-``: none)."""
    values = np.asarray(column).astype("datetime64[ns]").view(np.int64)
    values = values[values != np.iinfo(np.int64).min]
    if not values.size:
        return "-"
    return f"{ns_moment(int(values.min()))} … {ns_moment(int(values.max()))}"


def summary(title: str, lines: Iterable[tuple[str, object]]) -> str:
    """A title line and indented ``name: value`` lines, each value clipped."""
    body = [f"  {name}: {clip(value, 2 * MAX_CELL)}" for name, value in lines]
    return "\n".join([title, *body])


def preview_positions(n: int, most: int = MAX_ROWS) -> list[int | None]:
    """Row positions to show of ``n`` rows: all, or the first and last halves of ``most``
    with ``None`` where rows are left out."""
    if n <= most:
        return list(range(n))
    head = most // 2
    return [*range(head), None, *range(n - (most - head), n)]


def html_table(
    headers: Sequence[object],
    rows: Iterable[Sequence[object] | None],
    *,
    caption: str | None = None,
) -> str:
    """A small ``<table>``; every header, cell and the caption escaped and clipped. A row
    ``None`` stands for rows left out (one ``…`` row)."""
    esc = html.escape
    parts = ['<table class="cchc">']
    if caption:
        parts.append(f"<caption>{esc(clip(caption, 4 * MAX_CELL))}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{esc(clip(h))}</th>" for h in headers) + "</tr>")
    parts.append("</thead><tbody>")
    for row in rows:
        if row is None:
            parts.append(f'<tr><td colspan="{len(headers)}">…</td></tr>')
            continue
        parts.append("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _cell(value: object) -> str:
    """One escaped, clipped cell; None is an empty cell."""
    return "" if value is None else html.escape(clip(value))
