"""Shared fixtures: the seed texts and the citation answer file (copied from ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def seed(name: str) -> str:
    """The text of a seed by its number prefix ("002")."""
    (path,) = FIXTURES.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}
