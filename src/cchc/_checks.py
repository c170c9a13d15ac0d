"""Input checks shared by the public entry points (kiểm tra đầu vào).

One check per kind of argument, so that every entry point rejects a wrong type
with the same typed error (:class:`~cchc.errors.ValidationError` naming the
argument) instead of a ``TypeError`` or ``AttributeError`` from deep inside::

    >>> require_text("Kế hoạch số 88/KH-SYT", field="text")
    'Kế hoạch số 88/KH-SYT'
    >>> require_text(b"x", field="text")
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field text: expected a str, got bytes b'x'
    >>> require_int(True, field="year", low=1, high=9999)
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field year: expected an int, got bool True
"""

from __future__ import annotations

from cchc.errors import ValidationError

__all__ = ["require_instance", "require_int", "require_text"]

_SHOWN = 60
"""Characters of a wrong value shown in a message."""


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def require_text(value: object, *, field: str) -> str:
    """Return ``value`` if it is a ``str``; else raise a :class:`ValidationError`.

    Bytes are refused too: decode them first (cchc never guesses an encoding).
    """
    if isinstance(value, str):
        return value
    raise ValidationError(
        f"expected a str, got {type(value).__name__} {_shown(value)}", field=field
    )


def require_int(value: object, *, field: str, low: int, high: int) -> int:
    """Return ``value`` if it is an ``int`` (not a ``bool``) in ``[low, high]``.

    A float (``2025.0``), ``None`` or ``True`` is refused, never converted.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(
            f"expected an int, got {type(value).__name__} {_shown(value)}", field=field
        )
    if not low <= value <= high:
        raise ValidationError(f"{_shown(value)} is not between {low} and {high}", field=field)
    return value


def require_instance(value: object, kind: type, *, field: str) -> None:
    """Check that ``value`` is a ``kind`` (e.g. a :class:`~cchc.plans.Plan`, or an
    abstract class such as :class:`~collections.abc.Mapping`)."""
    if isinstance(value, kind):
        return
    raise ValidationError(
        f"expected a {kind.__name__}, got {type(value).__name__} {_shown(value)}", field=field
    )
