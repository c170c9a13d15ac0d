"""cchc: Vietnamese administrative reform (cải cách hành chính, CCHC) as code.

Typed models and exact calculators for the rules of Vietnamese administrative
reform: the official civil-service working calendar (lịch làm việc), dossier
deadlines (thời hạn giải quyết hồ sơ), directive documents (văn bản chỉ đạo,
điều hành), reform plans and reports (kế hoạch, báo cáo CCHC) and index scoring
(chỉ số CCHC). Every rule names its legal source and the dates it is in force.

Sub-packages are imported lazily, on first attribute access, so that
``import cchc`` stays cheap and ``cchc.calendar`` works without an import of its own::

    >>> import cchc
    >>> isinstance(cchc.__version__, str)
    True
    >>> cchc.legal.source("ND118-2025").number
    '118/2025/NĐ-CP'
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

__version__ = "0.1.0"

__all__ = ["__version__"]


def __getattr__(name: str) -> ModuleType:
    """``cchc.<name>`` imports the public sub-package or module ``cchc.<name>`` on first use."""
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    import pkgutil

    public = {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}
    return sorted(public | set(__all__))
