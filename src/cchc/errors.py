"""Exception hierarchy of cchc (lỗi).

Every exception is a :class:`CchcError`, itself a :class:`ValueError` (as in
python-stdnum), so callers may catch either. Each error says *what* is wrong
and *where*: the row of a file, the field of a record, the character offset in
a text, the item of a framework. The location is kept as attributes so that
programs can point at it, and it is rendered in the message for people::

    >>> err = ValidationError("must be timezone-aware", field="received_at", row=17)
    >>> str(err)
    'row 17, field received_at: must be timezone-aware'
    >>> isinstance(err, ValueError)
    True
    >>> err.row, err.field
    (17, 'received_at')
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Self

__all__ = [
    "BatchValidationError",
    "CalendarCoverageError",
    "CchcError",
    "DataFileError",
    "FrameworkError",
    "LifecycleError",
    "MissingExtraError",
    "NaiveDatetimeError",
    "OutputError",
    "ParseError",
    "RuleNotInForceError",
    "ValidationError",
    "one_or_batch",
]


_LOCATION_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "source": "",
        "row": "row ",
        "index": "index ",
        "item": "item ",
        "field": "field ",
        "offset": "offset ",
    },
    "vi": {
        "source": "tệp ",
        "row": "dòng ",
        "index": "chỉ mục ",
        "item": "mục ",
        "field": "trường ",
        "offset": "vị trí ký tự ",
    },
}
"""How :meth:`CchcError.location` names each part, per language."""


class CchcError(ValueError):
    """Base class of every error raised by cchc.

    Args:
        message: what is wrong, in plain words.
        row: 1-based row number in a file or batch, where it applies.
        field: the name of the field or column at fault.
        offset: 0-based character offset in a text.
        item: the identifier of an item (a task, a framework criterion, ...).
        source: the file or input the error was found in.
        index: the pandas index label of the row, when the input was a DataFrame.
    """

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        field: str | None = None,
        offset: int | None = None,
        item: str | None = None,
        source: str | None = None,
        index: Hashable | None = None,
    ) -> None:
        self.message = message
        self.row = row
        self.index = index
        self.field = field
        self.offset = offset
        self.item = item
        self.source = source
        super().__init__(self._render())

    def location(self, lang: str = "en") -> str:
        """The location part of the message ("" when nothing is known), in English or, with
        ``lang="vi"``, in Vietnamese (tệp, dòng, mục, trường ...: the web service's
        ``message_vi``)."""
        labels = _LOCATION_LABELS[lang]
        values = (
            ("source", self.source),
            ("row", self.row),
            ("index", None if self.index is None else repr(self.index)),
            ("item", self.item),
            ("field", self.field),
            ("offset", self.offset),
        )
        return ", ".join(
            f"{labels[name]}{value}".strip() for name, value in values if value is not None
        )

    def _render(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message

    def relocated(self, **location: Hashable | None) -> Self:
        """A copy of this error (the same class and message) with the parts of its location
        given (``row``, ``index``, ``item``, ``field``, ``offset``, ``source``) replaced::

            >>> str(ValidationError("bad", row=2, field="amount").relocated(row=40))
            'row 40, field amount: bad'
        """
        unknown = sorted(set(location) - set(_LOCATION_LABELS["en"]))
        if unknown:
            raise TypeError(f"not a part of an error's location: {', '.join(unknown)}")
        moved = type(self).__new__(type(self))  # its __init__ may take other arguments
        vars(moved).update(vars(self), **location)
        moved.args = (moved._render(),)
        return moved


class ValidationError(CchcError):
    """A value breaks a rule of the model (a negative amount, an unknown unit...)."""


class NaiveDatetimeError(ValidationError):
    """A datetime without time zone was given where an aware one is required."""


class CalendarCoverageError(CchcError):
    """A date lies outside the years the official calendar covers.

    Ask for a provisional answer (``provisional=True``) to get a result derived
    from the Labour Code rules instead; it is then marked provisional.
    """


class RuleNotInForceError(CchcError):
    """No version of a rule is in force on the date asked about."""


class ParseError(CchcError):
    """A text or identifier could not be parsed (a document number, a dossier code...)."""


class DataFileError(CchcError):
    """A data file (a notice CSV, a plan YAML, a framework) is malformed."""


class OutputError(DataFileError):
    """An output file cannot be written: a folder in the way, an existing file without
    ``force``, a full disk, no permission. The file that was there is left unchanged."""


class FrameworkError(DataFileError):
    """An index framework is inconsistent (points over the maximum, weights...)."""


class LifecycleError(ValidationError):
    """Dossier events are in an impossible order (decided before received...)."""


class BatchValidationError(ValidationError):
    """Several rows of a batch are bad; :attr:`errors` lists every one of them.

    Nothing is dropped silently: a batch either succeeds for every row or
    reports all its bad rows at once. The message counts rows, then problems
    (one row may have several)::

        >>> str(BatchValidationError([ValidationError("bad", row=3, field="amount"),
        ...                           ValidationError("bad", row=3, field="unit")]))
        '1 bad row (2 problems): row 3, field amount: bad; row 3, field unit: bad'
    """

    def __init__(self, errors: Sequence[CchcError], *, source: str | None = None) -> None:
        self.errors: tuple[CchcError, ...] = tuple(errors)
        shown = "; ".join(str(e) for e in self.errors[:10])
        more = f" (and {len(self.errors) - 10} more)" if len(self.errors) > 10 else ""
        super().__init__(f"{_count(self.errors)}: {shown}{more}", source=source)


def one_or_batch(problems: Sequence[CchcError], *, source: str | None = None) -> CchcError:
    """What to raise for ``problems`` (at least one): a single problem as itself, several as a
    :class:`BatchValidationError` listing each."""
    return problems[0] if len(problems) == 1 else BatchValidationError(problems, source=source)


def _count(errors: Sequence[CchcError]) -> str:
    """'3 bad rows (5 problems)', '1 bad row', '2 problems' (no row known)."""
    rows = {(e.source, e.row) for e in errors if e.row is not None}
    problems = f"{len(errors)} problem{'s' if len(errors) != 1 else ''}"
    if not rows:
        return problems
    counted = f"{len(rows)} bad row{'s' if len(rows) != 1 else ''}"
    return counted if len(rows) == len(errors) else f"{counted} ({problems})"


class MissingExtraError(CchcError):
    """A feature needs an optional extra that is not installed (e.g. ``cchc[pandas]``)."""
