"""Verification cases as data (ca kiểm thử quy tắc): rules checked against their sources.

A user who does not program writes what a notice, a decree or a published table says —
"received Friday 24/01/2025 09:00 with 5 working days, the result is due Friday 07/02/2025"
— as a case in a YAML file, with its ``source`` and a ``note``; ``cchc verify FILE|DIR``
runs every case through the library and prints a diff for each one that disagrees
(exit 1), JUnit XML for CI with ``--junit-xml``. The pytest plugin
(:mod:`cchc.verify.pytest_plugin`) collects ``*.cchc.yaml`` files as tests.

* :mod:`~cchc.verify.models` — the format (:class:`CaseFile`, one model per ``kind``) and
  its JSON Schema (:func:`case_file_schema`, committed as ``case_file.schema.json``);
* :mod:`~cchc.verify.load` — reading files, every problem named by file, line, case, field;
* :mod:`~cchc.verify.run` — running cases (:func:`run_case`, :class:`CaseResult`);
* :mod:`~cchc.verify.report` — text, JSON and JUnit XML.

    >>> loaded = parse_case_text('''
    ... cases:
    ...   - name: friday-before-tet-2025
    ...     kind: due_date
    ...     source: Công văn 8726/VPCP-KGVX (Tết Ất Tỵ off 25/01-02/02/2025)
    ...     note: the 5 working days are 3-7 February 2025
    ...     input: {received_at: 2025-01-24T09:00:00+07:00, amount: 5}
    ...     expect: {due_at: 2025-02-07T17:00:00+07:00}
    ... ''', source="tet.cchc.yaml")
    >>> result = run_file(loaded)[0]
    >>> result.status.value, result.where
    ('passed', 'tet.cchc.yaml:3')
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cchc.errors import BatchValidationError, CchcError, one_or_batch

from .load import SUFFIXES, LoadedFile, find_case_files, load_case_file, parse_case_text
from .models import (
    KINDS,
    AddWorkingDaysCase,
    Case,
    CaseFile,
    DossierCase,
    DueDateCase,
    ExpectedError,
    IndexScoreCase,
    IsWorkingDayCase,
    ReportingPeriodCase,
    WorkingDaysBetweenCase,
    case_file_schema,
)
from .run import CaseResult, Mismatch, Status, run_case, run_file, run_files

__all__ = [
    "KINDS",
    "SUFFIXES",
    "AddWorkingDaysCase",
    "Case",
    "CaseFile",
    "CaseResult",
    "DossierCase",
    "DueDateCase",
    "ExpectedError",
    "IndexScoreCase",
    "IsWorkingDayCase",
    "LoadedFile",
    "Mismatch",
    "ReportingPeriodCase",
    "Status",
    "WorkingDaysBetweenCase",
    "case_file_schema",
    "find_case_files",
    "load_case_file",
    "load_paths",
    "parse_case_text",
    "run_case",
    "run_file",
    "run_files",
    "verify_paths",
]


def load_paths(paths: Iterable[str | Path]) -> list[LoadedFile]:
    """Load every case file named (directories searched for ``*.cchc.yaml`` ...).

    Every file is read before anything runs; the problems of all bad files are raised
    together.

    Raises:
        DataFileError: a path is missing, a directory holds no case file, a file is bad.
        BatchValidationError: several problems (each located).
    """
    loaded: list[LoadedFile] = []
    problems: list[CchcError] = []
    for path in find_case_files(paths):
        try:
            loaded.append(load_case_file(path))
        except BatchValidationError as exc:
            problems.extend(exc.errors)
        except CchcError as exc:
            problems.append(exc)
    if problems:
        raise one_or_batch(problems)
    return loaded


def verify_paths(paths: Iterable[str | Path]) -> list[CaseResult]:
    """Load and run the cases of ``paths`` (see :func:`load_paths`)."""
    return run_files(load_paths(paths))
