"""Old names kept for a while (tên cũ): an alias that works and warns.

One verb names a dated look-up across cchc: ``in_force`` (the version in force on a
date or in a year: :func:`cchc.legal.in_force`, ``rules_in_force(on)``,
``regime_in_force(on)``, ``version_in_force(year)``, ``programme_in_force(year)``).
Earlier names stay importable through :func:`deprecated_alias` and emit a
:class:`DeprecationWarning` naming the new one::

    >>> import warnings
    >>> def area(side: int) -> int:
    ...     return side * side
    >>> square = deprecated_alias(area, "square", "example")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     square(3), str(caught[0].message)
    (9, 'example.square is deprecated; use example.area')
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["deprecated_alias"]

P = ParamSpec("P")
R = TypeVar("R")


def deprecated_alias(new: Callable[P, R], old_name: str, module: str) -> Callable[P, R]:
    """``new`` under its earlier name ``old_name`` (in ``module``), warning on each call."""
    message = f"{module}.{old_name} is deprecated; use {module}.{new.__name__}"

    @functools.wraps(new)
    def alias(*args: P.args, **kwargs: P.kwargs) -> R:
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return new(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old_name
    alias.__doc__ = f"Deprecated: use :func:`{new.__name__}`."
    return alias
