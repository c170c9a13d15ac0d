"""Administrative procedures (thủ tục hành chính, TTHC).

The package is split by concept; every public name is importable from here:

* :mod:`~cchc.procedures.vocabulary`: units (:class:`TimeUnit`), authority
  levels, channels, online-service levels;
* :mod:`~cchc.procedures.codes`: the procedure code (mã TTHC), :func:`validate_code`;
* :mod:`~cchc.procedures.terms`: the parts of the national record,
  :class:`TimeLimit`, :class:`Fee`, :class:`ChannelTerms`,
  :class:`DocumentPart`, :class:`ProcedureCase`, :class:`LegalBasis` …;
* :mod:`~cchc.procedures.models`: :class:`Procedure` (one published version,
  with ``from_portal`` / ``to_portal``);
* :mod:`~cchc.procedures.portal`: the national TTHC record's fields and code
  tables;
* :mod:`~cchc.procedures.fees`: :func:`amount_due` (dated reductions of the
  tariff, e.g. Thông tư 64/2025/TT-BTC);
* :mod:`~cchc.procedures.time_limits`: :func:`parse_time_limit` and
  :func:`parse_time_limits` (per case and channel), reading the published
  wording of a time limit;
* :mod:`~cchc.procedures.versions`: :class:`ProcedureVersion` (code +
  announcement decision), kept by a dossier;
* :mod:`~cchc.procedures.catalogue`: :class:`Catalogue` (look-up by code and
  date), the bundled sample, :func:`load_sample_catalogue`, and a file of
  national records, :func:`load_portal_catalogue`.

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

from .catalogue import (
    Catalogue,
    load_portal_catalogue,
    load_portal_sample,
    load_sample_catalogue,
    read_portal_records,
)
from .codes import validate_code
from .fees import FeeReduction, amount_due, fee_reductions
from .models import Procedure, procedure_json_schema
from .terms import (
    ChannelTerms,
    CodeName,
    DocumentPart,
    Fee,
    FeeKind,
    LegalBasis,
    ProcedureCase,
    ProcedureLevel,
    ProcedureSteps,
    TimeLimit,
)
from .time_limits import CaseTimeLimit, parse_time_limit, parse_time_limits
from .versions import ProcedureVersion
from .vocabulary import AuthorityLevel, Channel, OnlineServiceLevel, TimeUnit

__all__ = [
    "AuthorityLevel",
    "CaseTimeLimit",
    "Catalogue",
    "Channel",
    "ChannelTerms",
    "CodeName",
    "DocumentPart",
    "Fee",
    "FeeKind",
    "FeeReduction",
    "LegalBasis",
    "OnlineServiceLevel",
    "Procedure",
    "ProcedureCase",
    "ProcedureLevel",
    "ProcedureSteps",
    "ProcedureVersion",
    "TimeLimit",
    "TimeUnit",
    "amount_due",
    "fee_reductions",
    "load_portal_catalogue",
    "load_portal_sample",
    "load_sample_catalogue",
    "parse_time_limit",
    "parse_time_limits",
    "procedure_json_schema",
    "read_portal_records",
    "validate_code",
]
