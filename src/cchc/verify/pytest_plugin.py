"""pytest plugin: ``*.cchc.yaml`` (``.cchc.yml``, ``.cchc.json``) files as tests.

Installed with cchc (entry point ``pytest11``, name ``cchc.verify.pytest_plugin``), so a
plain ``pytest`` run collects every case file under its test paths: one test item per
case, named after the case, reported at the case's line; a failing case shows the same
diff as ``cchc verify`` (expected beside actual, with the case's source). A bad case file
is a collection error naming the file, the line, the case and the field. Without the
entry point (an older install) activate it with ``-p cchc.verify.pytest_plugin`` or
``pytest_plugins = ["cchc.verify.pytest_plugin"]`` in a top-level ``conftest.py``.

This module imports cchc only when a case file is collected.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from cchc.verify.models import Case

__all__ = ["CaseFileCollector", "CaseItem", "CaseMismatchError", "pytest_collect_file"]

_SUFFIXES = (".cchc.yaml", ".cchc.yml", ".cchc.json")  # = cchc.verify.load.SUFFIXES


class CaseMismatchError(AssertionError):
    """A case whose answer differs from the expected one (its diff is the message)."""


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> CaseFileCollector | None:
    """Collect a case file."""
    if file_path.name.lower().endswith(_SUFFIXES):
        collector: CaseFileCollector = CaseFileCollector.from_parent(parent, path=file_path)
        return collector
    return None


class CaseFileCollector(pytest.File):
    """A case file: one :class:`CaseItem` per case."""

    def collect(self) -> Iterator[CaseItem]:
        """Load the file (a bad file is a collection error with its location)."""
        from cchc.errors import CchcError
        from cchc.verify.load import load_case_file

        try:
            loaded = load_case_file(self.path)
        except CchcError as exc:
            raise self.CollectError(f"bad case file: {exc}") from exc
        for case, line in zip(loaded.cases.cases, loaded.lines, strict=True):
            item: CaseItem = CaseItem.from_parent(self, name=case.name, case=case, line=line)
            yield item


class CaseItem(pytest.Item):
    """One verification case run as a test."""

    def __init__(self, *, case: Case, line: int | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.line = line
        self.add_marker(pytest.mark.cchc_verify)

    def runtest(self) -> None:
        """Run the case; a failure raises :class:`CaseMismatchError` with the diff."""
        from cchc.verify.run import run_case

        result = run_case(self.case, file=str(self.path), line=self.line, base_dir=self.path.parent)
        if not result.passed:
            raise CaseMismatchError(result.diff())

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        """The diff of a failing case; the usual traceback for anything else."""
        if isinstance(excinfo.value, CaseMismatchError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the case is: its file and (0-based) line."""
        line = None if self.line is None else self.line - 1
        return self.path, line, f"{self.case.kind}: {self.case.name}"


def pytest_configure(config: pytest.Config) -> None:
    """Declare the marker every case item carries (``-m cchc_verify`` selects them)."""
    config.addinivalue_line("markers", "cchc_verify: a cchc verification case (*.cchc.yaml)")
