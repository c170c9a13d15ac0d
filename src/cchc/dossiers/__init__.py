"""Dossiers and deadlines (hồ sơ và thời hạn giải quyết).

* :func:`due_date` / :func:`compute_due`: the due date on the receipt, in
  working days, calendar days, working hours or months, under a named
  :class:`DeadlinePolicy` and the one-stop rule set in force on the receipt date;
* :class:`Dossier`: a dossier with its lifecycle events, replayed by
  :meth:`Dossier.deadline` (supplements, one rescheduling);
* :mod:`~cchc.dossiers.timeliness`: early / on time / late, in time / overdue,
  reminders;
* :func:`evaluate` and :func:`summarize`: due dates, timeliness and statistics
  for columns of millions of dossiers (:mod:`~cchc.dossiers.table.statistics`, counts and
  Decimal rates with documented denominators); the loaders :func:`read_csv`,
  :func:`from_dataframe`, :func:`from_arrow`, :func:`from_columns` need pandas;
* :mod:`~cchc.dossiers.codes`: dossier codes (mã số hồ sơ) by the regime of their date;
* the record (:mod:`~cchc.dossiers.submission`: applicant, papers, fees, payments) and
  the exchange with the national portal (:mod:`~cchc.dossiers.portal`:
  :meth:`Dossier.to_portal_payload`, :meth:`Dossier.from_portal_payload`, status codes);
  :func:`from_dossiers` / :func:`to_dossiers` turn records into columns and back.

    >>> from datetime import datetime
    >>> from cchc.tz import VN_TZ
    >>> due_date(datetime(2025, 12, 31, 10, 0, tzinfo=VN_TZ), 3).date().isoformat()
    '2026-01-07'
    >>> due_date(datetime(2026, 1, 9, 10, 0, tzinfo=VN_TZ), 1).isoformat()  # make-up Saturday
    '2026-01-10T17:00:00+07:00'
"""

from typing import Any

from cchc.procedures import Channel, TimeUnit

from . import explain  # noqa: F401 - registers the explainers of the results
from .codes import (
    DossierCode,
    is_valid_dossier_code,
    make_dossier_code,
    parse_dossier_code,
    validate_dossier_code,
)
from .deadline import DueDate, clock_start, compute_due, due_date, online_check_due
from .dossier import Dossier, Event, EventKind
from .engine import supplement_lapse_at
from .one_stop_rules import ONE_STOP_RULES, OneStopRules, one_stop_rules_in_force, rules_in_force
from .policy import (
    DEFAULT_POLICY,
    POLICIES,
    DayEnd,
    DeadlinePolicy,
    ReceiptRule,
    SupplementMode,
    get_policy,
)
from .replay import Deadline
from .results import DossierResults, evaluate, row_to_dossier
from .steps import StepsReport, WorkingTime, step_report
from .table.reminders import due_soon, open_as_of
from .table.statistics import (
    Period,
    StatsCounts,
    StatsRates,
    StatsRow,
    StatsTable,
    combine,
    month_periods,
    quarter_periods,
    rate,
    summarize,
    year_period,
)
from .timeliness import Granularity, Progress, Timeliness, classify, due_within, progress_as_of

_NEEDS_PANDAS = ("DossierFrame", "from_arrow", "from_columns", "from_dataframe", "read_csv")
_READERS = ("read_parquet",)
_RECORDS = ("from_dossiers", "to_dossiers")


def __getattr__(name: str) -> Any:
    """Loaders that need pandas (the ``pandas`` extra) are imported on first use."""
    if name in _NEEDS_PANDAS or name in _READERS or name in _RECORDS:
        from cchc._optional import require_extra

        module = "cchc.dossiers.table.records" if name in _RECORDS else "cchc.dossiers.table.frame"
        return getattr(require_extra(module, "pandas"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [  # grouped: engine, models, statistics, loaders
    "StepsReport",
    "WorkingTime",
    "step_report",
    "DEFAULT_POLICY",
    "ONE_STOP_RULES",
    "POLICIES",
    "Channel",
    "DayEnd",
    "Deadline",
    "DeadlinePolicy",
    "Dossier",
    "DossierCode",
    "DueDate",
    "Event",
    "EventKind",
    "Granularity",
    "OneStopRules",
    "Progress",
    "ReceiptRule",
    "SupplementMode",
    "TimeUnit",
    "Timeliness",
    "classify",
    "clock_start",
    "compute_due",
    "due_date",
    "due_within",
    "get_policy",
    "is_valid_dossier_code",
    "make_dossier_code",
    "online_check_due",
    "parse_dossier_code",
    "progress_as_of",
    "one_stop_rules_in_force",
    "rules_in_force",
    "supplement_lapse_at",
    "validate_dossier_code",
    "DossierResults",
    "Period",
    "StatsCounts",
    "StatsRates",
    "StatsRow",
    "StatsTable",
    "combine",
    "due_soon",
    "evaluate",
    "month_periods",
    "quarter_periods",
    "rate",
    "open_as_of",
    "row_to_dossier",
    "summarize",
    "year_period",
    *_NEEDS_PANDAS,  # the loaders imported on first use (named once, above)
    *_READERS,
    *_RECORDS,
]
