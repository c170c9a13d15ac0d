"""Helpers shared by the sub-commands: argument types, JSON and aligned text tables."""

from __future__ import annotations

import argparse
import enum
import json
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from cchc.errors import ValidationError
from cchc.l10n import weekday
from cchc.tz import VN_TZ, to_vn

__all__ = [
    "add_force",
    "add_json",
    "display_width",
    "hhmm",
    "iso_date",
    "moment",
    "print_json",
    "print_table",
    "to_jsonable",
    "weekday_vi",
]


def iso_date(text: str) -> date:
    """An ISO date argument (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def hhmm(text: str) -> time:
    """A clock-time argument (HH:MM)."""
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time (HH:MM): {text!r}") from None


def moment(text: str, *, field: str = "as_of") -> datetime:
    """A date or a datetime with its offset, as a Vietnam-time moment.

    A bare date (``2025-06-30``) means the end of that day in Vietnam time
    (23:59:59.999999 +07:00); a datetime must carry its offset
    (``2025-06-30T17:00+07:00``).

    Raises:
        ValidationError: neither form, or a datetime without an offset.
    """
    if len(text) == 10:  # YYYY-MM-DD: the end of that day in Vietnam time
        try:
            return datetime.combine(date.fromisoformat(text), time.max, tzinfo=VN_TZ)
        except ValueError:
            raise ValidationError(f"not a real date (YYYY-MM-DD): {text!r}", field=field) from None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            f"not a date (YYYY-MM-DD) or a datetime with offset (YYYY-MM-DDTHH:MM+07:00): {text!r}",
            field=field,
        ) from None
    if value.tzinfo is None:
        raise ValidationError(f"{text!r} has no offset: add +07:00, e.g. {text}+07:00", field=field)
    return to_vn(value, field=field)


def weekday_vi(day: date) -> str:
    """The Vietnamese short weekday (thứ): T2 ... T7, CN.

    >>> weekday_vi(date(2025, 1, 26))
    'CN'
    """
    return weekday(day, short=True)


def add_force(parser: argparse.ArgumentParser) -> None:
    """The ``--force`` option of every command that writes a file (one rule: missing
    folders are created, an existing file is replaced only with ``--force``, a failed
    write leaves it unchanged; see :func:`cchc._data.write_output`)."""
    parser.add_argument("--force", action="store_true", help="replace an existing output file")


def add_json(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` option every data-printing command has."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def to_jsonable(value: Any) -> Any:
    """Turn cchc values (models, dates, Decimals, enums, attrs objects) into JSON data."""
    pydantic = sys.modules.get("pydantic")  # not imported: no model can be given
    if pydantic is not None and isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    attr = sys.modules.get("attr")  # imported by every attrs class
    if attr is not None and attr.has(type(value)):
        return to_jsonable(attr.asdict(value, recurse=False))
    return value


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON (UTF-8, Vietnamese kept as is)."""
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, wide characters two.

    Vietnamese typed in decomposed form (NFD: ``"e\\u0302\\u0301"`` for "ế") is as
    wide as its precomposed form:

        >>> display_width("Tết"), display_width(unicodedata.normalize("NFD", "Tết"))
        (3, 3)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain text table, aligned by display width (Vietnamese marks included)."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        padded = (c + " " * (w - display_width(c)) for c, w in zip(r, widths, strict=True))
        print("  ".join(padded).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
