"""Dossiers and deadlines (hồ sơ và thời hạn giải quyết).

* :func:`due_date` / :func:`compute_due`: the due date on the receipt, in
  working days, calendar days, working hours or months, under a named
  :class:`DeadlinePolicy` and the one-stop rule set in force on the receipt date;
* :class:`Dossier`: a dossier with its lifecycle events, replayed by
  :meth:`Dossier.deadline` (supplements, one rescheduling);
* :mod:`~cchc.dossiers.timeliness`: early / on time / late, in time / overdue,
  reminders;
* :mod:`~cchc.dossiers.frame` and :mod:`~cchc.dossiers.stats`: columns of
  millions of dossiers, validated loading and statistics;
* :mod:`~cchc.dossiers.codes`: dossier codes (mã số hồ sơ).

    >>> from datetime import datetime
    >>> from cchc.tz import VN_TZ
    >>> due_date(datetime(2025, 12, 31, 10, 0, tzinfo=VN_TZ), 3).date().isoformat()
    '2026-01-07'
    >>> due_date(datetime(2026, 1, 9, 10, 0, tzinfo=VN_TZ), 1).isoformat()  # make-up Saturday
    '2026-01-10T17:00:00+07:00'
"""

from cchc.procedures import Channel, TimeUnit

from .codes import (
    DossierCode,
    is_valid_dossier_code,
    make_dossier_code,
    parse_dossier_code,
    validate_dossier_code,
)
from .deadline import DueDate, clock_start, compute_due, due_date
from .models import Dossier, Event, EventKind
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
from .rules import ONE_STOP_RULES, OneStopRules, rules_in_force
from .timeliness import Granularity, Progress, Timeliness, classify, due_within, progress_as_of

__all__ = [
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
    "parse_dossier_code",
    "progress_as_of",
    "rules_in_force",
    "validate_dossier_code",
]
