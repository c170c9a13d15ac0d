"""Base class for boundary models whose validation errors are cchc errors.

pydantic raises its own ``ValidationError``; a model built on :class:`CchcModel`
raises :class:`cchc.errors.ValidationError` instead, naming the item (the ``id``
of the list element at fault, e.g. a task) and the field. Several problems at
once give a :class:`~cchc.errors.BatchValidationError` listing each one. A cchc
error raised inside a validator keeps its own type (a ``LifecycleError`` stays
one)::

    >>> from pydantic import Field
    >>> class Limit(CchcModel):
    ...     amount: int = Field(ge=0)
    >>> Limit(amount=-1)
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field amount: Input should be greater than or equal to 0
    >>> Limit.from_data({"amount": "x"}, source="limit.yaml")
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: limit.yaml, field amount: Input should be a valid integer, \
unable to parse string as an integer

:func:`unwrap_pydantic_error` is the one translator of pydantic errors in cchc:
every loader (plans, reports, frameworks, bundled data) goes through it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Self

from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import ErrorDetails

from cchc.errors import CchcError, ValidationError, one_or_batch

__all__ = ["CchcModel", "CchcRecord", "unwrap_pydantic_error", "with_source"]


def with_source(err: CchcError, source: str | None) -> CchcError:
    """``err`` with ``source`` set (when it had none), its message re-rendered."""
    if source is not None and err.source is None:
        err.source = source
        err.args = (err._render(),)
    return err


def _locate(data: Any, loc: Sequence[int | str]) -> tuple[str | None, list[int | str]]:
    """The item (id of the innermost list element on ``loc``) and the rest of ``loc``.

    An element without an ``id`` is named by its place, ``tasks[3]``.
    """
    item: str | None = None
    rest: list[int | str] = list(loc)
    node = data
    for n, key in enumerate(loc):
        if isinstance(node, Mapping) and key in node:
            parent_is_list = False
            node = node[key]
        elif isinstance(node, list | tuple) and isinstance(key, int) and 0 <= key < len(node):
            parent_is_list = True
            node = node[key]
        else:
            break
        if parent_is_list:
            ident = node.get("id") if isinstance(node, Mapping) else None
            item = str(ident) if ident not in (None, "") else f"{loc[n - 1]}[{key}]"
            rest = list(loc[n + 1 :])
    return item, rest


def _one(err: ErrorDetails, data: Any, source: str | None, error: type[CchcError]) -> CchcError:
    inner = (err.get("ctx") or {}).get("error")
    if isinstance(inner, CchcError):
        return with_source(inner, source)
    loc = tuple(err.get("loc", ()))
    item, rest = _locate(data, loc) if data is not None else (None, list(loc))
    field = ".".join(str(p) for p in rest) or None
    ctx = err.get("ctx") or {}
    if ctx.get("item") is not None:
        item = str(ctx["item"])
    if ctx.get("field") is not None and field is None:
        field = str(ctx["field"])
    message = str(err["msg"])
    value = err.get("input")
    number = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
    if loc and loc[-1] == "id" and number:
        message = (
            f'item id {value} is a number: quote it in the file (id: "1.10"), '
            "or other YAML readers take 1.10 for 1.1"
        )
    return error(message, item=item, field=field, source=source)


def unwrap_pydantic_error(
    exc: PydanticValidationError,
    data: Any = None,
    *,
    source: str | None = None,
    error: type[CchcError] = ValidationError,
) -> CchcError:
    """Turn a pydantic error into one located cchc error, or a batch of them.

    A cchc error raised inside a validator is returned as is. Otherwise a
    location ``("tasks", 3, "area")`` in ``data`` becomes ``item=<id of task 3>,
    field="area"`` (``item="tasks[3]"`` when the task has no id); the context of
    cchc's own cross-field checks (``item``, ``field``) is used as is. One problem
    is an ``error`` (default :class:`~cchc.errors.ValidationError`); several are a
    :class:`~cchc.errors.BatchValidationError` listing each (an ``error`` that is
    not a ``ValidationError``, such as ``FrameworkError``, gives the first one and
    counts the others).
    """
    found = [_one(err, data, source, error) for err in exc.errors()]
    if len(found) > 1 and not issubclass(error, ValidationError):  # FrameworkError: the first
        first = found[0]
        return error(
            f"{first.message} (and {len(found) - 1} more problem(s))",
            item=first.item,
            field=first.field,
            source=first.source,
        )
    return one_or_batch(found, source=source)


class CchcModel(BaseModel):
    """A pydantic model that raises cchc errors (construct, validate, validate JSON)."""

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc, data) from None

    # Same semantics as BaseModel.__init__: pydantic then validates nested models
    # directly (their errors keep their full location) instead of calling this.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate data (e.g. parsed JSON); errors are cchc errors."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc, obj) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes, *args: Any, **kwargs: Any) -> Self:  # type: ignore[override]
        """Validate JSON text; errors are cchc errors."""
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc) from None

    @classmethod
    def from_data(
        cls, obj: Any, *, source: str | None = None, error: type[CchcError] = ValidationError
    ) -> Self:
        """Validate plain data read from ``source`` (a file name); errors name it.

        Raises:
            CchcError: ``error`` (default :class:`~cchc.errors.ValidationError`) naming
                the source, the item and the field; a
                :class:`~cchc.errors.BatchValidationError` when there are several.
        """
        try:
            return super().model_validate(obj)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc, obj, source=source, error=error) from None


class CchcRecord(CchcModel):
    """A frozen :class:`CchcModel` that refuses unknown fields: every record of rule data
    and of a user's data file (a registry row, a calendar entry, a rule, a plan item, a
    procedure). A misspelt key is an error naming it, never silently dropped; a record,
    once validated, cannot be changed (``model_copy(update=...)`` makes a new one)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
