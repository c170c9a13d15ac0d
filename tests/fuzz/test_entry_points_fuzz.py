"""Fuzz every public entry point: only :class:`cchc.errors.CchcError` may escape (issue 11).

A small CI profile (``HYPOTHESIS_PROFILE=cchc-ci``, the default here): 60 examples per
entry point, the whole suite well under 60 s. ``benchmarks/fuzz_long.py`` runs the same
generators on 20,000 inputs each. Entry points whose remaining failures lie in another
engineer's module are xfail(strict=False) with the failing input named in the reason.
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

OWNED_ELSEWHERE = {
    "load_plan": "loader engineer: YAML text with a NUL or other non-printable character "
    "raises yaml.reader.ReaderError from _data.parse_yaml_text (the _StrictLoader(text) "
    "call is outside its try)",
    "load_framework": "loader engineer: same yaml ReaderError via _data.parse_yaml_text "
    "for a framework file with a NUL character",
}


def _case(name: str) -> object:
    if name in OWNED_ELSEWHERE:
        return pytest.param(
            name, marks=pytest.mark.xfail(strict=False, reason=OWNED_ELSEWHERE[name])
        )
    return name


@pytest.mark.parametrize("name", [_case(n) for n in E.ENTRY_POINTS])
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
