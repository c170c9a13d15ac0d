"""Shared helpers: the published tables copied from ../shared/domain (first lines = source)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a fixture CSV, skipping its '#' source comment lines."""
    with (FIXTURES / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@pytest.fixture
def table() -> Callable[[str], list[dict[str, str]]]:
    return read_table
