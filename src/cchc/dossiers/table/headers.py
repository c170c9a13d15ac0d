"""Header names as people write them, mapped to the column names of the loaders.

A file exported by a provincial one-stop system names its columns in Vietnamese
("Ngày tiếp nhận", "Mã thủ tục", ...). The bundled table
``data/column_names.csv`` maps common ones to the loader's columns
(``received_at``, ``procedure_code``, ...); a caller's ``columns={header: column}``
adds to it and wins over it. Names are compared stripped, case-folded, in Unicode
NFC and with runs of spaces as one, so "NGÀY TIẾP NHẬN " and an NFD "Ngày tiếp
nhận" are the same header. A header the tables do not know keeps its name.

    >>> rename = header_names({"Ngày nộp": "received_at"})
    >>> rename("Ngày tiếp nhận"), rename("ngày nộp"), rename("amount"), rename("Ghi chú")
    ('received_at', 'received_at', 'amount', 'Ghi chú')
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType

from cchc._data import read_bundled_csv_rows
from cchc.errors import DataFileError, ValidationError

__all__ = ["bundled_header_names", "header_key", "header_names"]


def header_key(name: str) -> str:
    """``name`` as compared: NFC, case-folded, spaces trimmed and collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@functools.cache
def bundled_header_names() -> Mapping[str, str]:
    """The bundled mapping ``header -> column`` (``data/column_names.csv``), keys as
    :func:`header_key` gives them."""
    out: dict[str, str] = {}
    for line, row in read_bundled_csv_rows(
        "cchc.dossiers", "data", "column_names.csv", required=("header", "column")
    ):
        key = header_key(row["header"])
        if key in out:
            raise DataFileError(
                f"header {row['header']!r} listed twice", row=line, source="column_names.csv"
            )
        out[key] = row["column"]
    return MappingProxyType(out)


def header_names(
    columns: Mapping[str, str] | None = None, *, known: Collection[str] = ()
) -> Callable[[str], str]:
    """A function from a header name to its column name: ``columns`` (the caller's
    mapping), then the bundled one; a name neither knows is returned as it is.

    Raises:
        ValidationError: ``columns`` is not a mapping of texts, or maps to a name
            outside ``known`` (when given); field ``columns``.
    """
    user: dict[str, str] = {}
    if columns is not None:
        if not isinstance(columns, Mapping):
            raise ValidationError(
                f"columns must be a mapping {{header: column}}, not {type(columns).__name__}",
                field="columns",
            )
        for header, column in columns.items():
            if not isinstance(header, str) or not isinstance(column, str):
                raise ValidationError(
                    f"columns maps texts to texts, not {header!r}: {column!r}", field="columns"
                )
            if known and column not in known:
                raise ValidationError(
                    f"columns maps {header!r} to {column!r}, not a column; use one of "
                    + ", ".join(sorted(known)),
                    field="columns",
                )
            user[header_key(header)] = column
    table = {**bundled_header_names(), **user}
    exact = frozenset(known)

    def rename(name: str) -> str:
        if name in exact and name not in columns_given:
            return name
        return table.get(header_key(name), name)

    columns_given = frozenset(columns or ())
    return rename
