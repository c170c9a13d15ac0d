"""Fuzz every public entry point: only :class:`cchc.errors.CchcError` may escape (issue 11).

A small CI profile (``HYPOTHESIS_PROFILE=cchc-ci``, the default here): 60 examples per
entry point, the whole suite well under 60 s. ``benchmarks/fuzz_long.py`` runs the same
generators on 20,000 inputs each.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def _load_entry_points() -> ModuleType:
    path = Path(__file__).with_name("entry_points.py")
    spec = importlib.util.spec_from_file_location("cchc_fuzz_entry_points", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


E = _load_entry_points()

settings.register_profile(
    "cchc-ci",
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("cchc-long", parent=settings.get_profile("cchc-ci"), max_examples=2000)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "cchc-ci"))


@pytest.mark.parametrize("name", E.ENTRY_POINTS)
def test_only_cchc_errors_escape(name: str) -> None:
    @settings(PROFILE)
    @given(st.randoms(use_true_random=False))
    def check(rnd: random.Random) -> None:
        exc = E.run(name, rnd)
        if not E.is_typed(exc):
            raise AssertionError(f"{name} raised {type(exc).__name__}: {exc}") from exc

    check()


def test_generators_reach_real_answers() -> None:
    """The inputs are not all rejected: each text entry point answers most of the time."""
    for name in ("parse_citations", "lint", "extract_deadlines", "DirectiveDocument.from_text"):
        rnd = random.Random(name)
        answered = sum(E.run(name, rnd) is None for _ in range(50))
        assert answered >= 25, name
