"""cchc: Vietnamese administrative reform (cải cách hành chính, CCHC) as code.

Typed models and exact calculators for the rules of Vietnamese administrative
reform: the official civil-service working calendar (lịch làm việc), dossier
deadlines (thời hạn giải quyết hồ sơ), directive documents (văn bản chỉ đạo,
điều hành), reform plans and reports (kế hoạch, báo cáo CCHC) and index scoring
(chỉ số CCHC). Every rule names its legal source and the dates it is in force.

Sub-packages are imported lazily so that ``import cchc`` stays cheap::

    >>> import cchc
    >>> isinstance(cchc.__version__, str)
    True
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
