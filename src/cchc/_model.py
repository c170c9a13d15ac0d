"""Base class for boundary models whose validation errors are cchc errors.

pydantic raises its own ``ValidationError``; a model built on :class:`CchcModel`
raises :class:`cchc.errors.ValidationError` instead, naming the first bad field
(``loc`` joined with dots) and listing every problem. A cchc error raised inside
a validator keeps its own type (a ``LifecycleError`` stays one)::

    >>> from pydantic import Field
    >>> class Limit(CchcModel):
    ...     amount: int = Field(ge=0)
    >>> Limit(amount=-1)
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field amount: amount: Input should be greater than or equal to 0
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from cchc.errors import CchcError, ValidationError

__all__ = ["CchcModel", "unwrap_pydantic_error"]


def unwrap_pydantic_error(exc: PydanticValidationError) -> CchcError:
    """The cchc error raised inside pydantic validation, else a cchc ValidationError."""
    errors = exc.errors()
    for err in errors:
        inner = (err.get("ctx") or {}).get("error")
        if isinstance(inner, CchcError):
            return inner
    where = [".".join(str(p) for p in err["loc"]) or "(model)" for err in errors]
    text = "; ".join(f"{w}: {err['msg']}" for w, err in zip(where, errors, strict=True))
    return ValidationError(text, field=where[0] if where else None)


class CchcModel(BaseModel):
    """A pydantic model that raises cchc errors (construct, validate, validate JSON)."""

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc) from None

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate data (e.g. parsed JSON); errors are cchc errors."""
        try:
            return super().model_validate(obj, *args, **kwargs)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes, *args: Any, **kwargs: Any) -> Self:  # type: ignore[override]
        """Validate JSON text; errors are cchc errors."""
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except PydanticValidationError as exc:
            raise unwrap_pydantic_error(exc) from None
