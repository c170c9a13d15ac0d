"""Administrative procedures (thủ tục hành chính, TTHC).

The package is split by concept; every public name is importable from here:

* :mod:`~cchc.procedures.vocabulary`: units (:class:`TimeUnit`), authority
  levels, channels, online-service levels;
* :mod:`~cchc.procedures.codes`: the procedure code (mã TTHC), :func:`validate_code`;
* :mod:`~cchc.procedures.models`: :class:`Procedure` (one published version),
  :class:`TimeLimit`, :class:`Fee`, :class:`ChannelTerms`;
* :mod:`~cchc.procedures.time_limits`: :func:`parse_time_limit`, reading the
  published wording of a time limit;
* :mod:`~cchc.procedures.versions`: :class:`ProcedureVersion` (code +
  announcement decision), kept by a dossier;
* :mod:`~cchc.procedures.catalogue`: :class:`Catalogue` (look-up by code and
  date) and the bundled sample, :func:`load_sample_catalogue`.

::

    >>> cat = load_sample_catalogue()
    >>> len(cat)
    23
    >>> p = cat.find("1.013876")[0]
    >>> (p.time_limit.amount, p.time_limit.unit.value)
    (10, 'working_days')
    >>> parse_time_limit("10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ").amount
    10
"""

from __future__ import annotations

from .catalogue import Catalogue, load_sample_catalogue
from .codes import validate_code
from .models import ChannelTerms, Fee, Procedure, TimeLimit, procedure_json_schema
from .time_limits import parse_time_limit
from .versions import ProcedureVersion
from .vocabulary import AuthorityLevel, Channel, OnlineServiceLevel, TimeUnit

__all__ = [
    "AuthorityLevel",
    "Catalogue",
    "Channel",
    "ChannelTerms",
    "Fee",
    "OnlineServiceLevel",
    "Procedure",
    "ProcedureVersion",
    "TimeLimit",
    "TimeUnit",
    "load_sample_catalogue",
    "parse_time_limit",
    "procedure_json_schema",
    "validate_code",
]
