"""Importing modules that need an optional extra, with a clear error when it is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from cchc.errors import MissingExtraError

__all__ = ["require_extra"]


def require_extra(module: str, extra: str) -> ModuleType:
    """Import ``module``; if a package it needs is missing, say which extra to install.

    >>> require_extra("cchc.calendar", "none").__name__
    'cchc.calendar'
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and exc.name.split(".")[0] == "cchc":
            raise
        raise MissingExtraError(
            f"{module} needs the optional package {exc.name!r}: "
            f"install it with  pip install 'cchc[{extra}]'"
        ) from exc
