"""Procedure codes (mã thủ tục hành chính).

Observed shape: ``d.dddddd`` with an optional local suffix such as
``1.000948.H38``. The defining text and the meaning of the first digit are
UNCONFIRMED, so the code is only checked for shape::

    >>> validate_code(" 1.000948.h38 ")
    '1.000948.H38'
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from cchc.errors import ParseError, ValidationError

__all__ = ["ProcedureCode", "code_for_model", "validate_code"]

_CODE_RE = re.compile(r"^(\d)\.(\d{6})(?:\.([A-Z0-9]{1,10}))?$")


def validate_code(code: str) -> str:
    """Check the shape of a procedure code (mã TTHC) and return it normalised.

    Raises:
        ParseError: the code is not ``d.dddddd`` with an optional ``.SUFFIX``.
        ValidationError: ``code`` is not a string.
    """
    if not isinstance(code, str):
        raise ValidationError(
            f"a procedure code is a string, not {type(code).__name__}", field="code"
        )
    norm = code.strip().upper()
    if not _CODE_RE.match(norm):
        raise ParseError(f"not a procedure code (mã TTHC d.dddddd[.SUFFIX]): {code!r}")
    return norm


def code_for_model(code: str) -> str:
    """:func:`validate_code` for a model validator: a bad code is a ValueError.

    The model (a :class:`~cchc._model.CchcModel`) turns it into a
    :class:`~cchc.errors.ValidationError` naming the field.
    """
    try:
        return validate_code(code)
    except ParseError as exc:
        raise ValueError(exc.message) from exc


ProcedureCode = Annotated[str, AfterValidator(code_for_model)]
"""A model field holding a procedure code (mã TTHC), checked and normalised by
:func:`validate_code`."""
