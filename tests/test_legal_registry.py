"""The one source registry (cchc/data/sources.csv) and explanations."""

import json

import pytest

from cchc.errors import ValidationError
from cchc.legal import Explanation, ExplanationStep, Verification, source, sources


def test_registry_keys_are_the_sources_keys() -> None:
    reg = sources()
    assert all(src.key == key for key, src in reg.items())
    # Nghị định 118/2025/NĐ-CP: in force 01/7/2025 (its Art 40(1), as read in shared/domain).
    assert reg["ND118-2025"].effective_from.isoformat() == "2025-07-01"


def test_conventions_are_marked() -> None:
    assert source("CONV-NEXT-OPENING").verification is Verification.CONVENTION


def test_unknown_key_is_a_cchc_error() -> None:
    with pytest.raises(ValidationError, match="unknown source key"):
        source("ND999-2099")


def test_explanation_text_and_json() -> None:
    step = ExplanationStep("Bước một.", "Step one.", (source("BLDS2015-148"),))
    exp = Explanation("Tiêu đề", "Title", (step,))
    assert str(exp).splitlines()[:2] == ["Tiêu đề", "1. Bước một."]
    assert "Bộ luật 91/2015/QH13" in str(exp)
    data = json.loads(exp.to_json())
    assert data["steps"][0]["sources"][0]["key"] == "BLDS2015-148"
    assert exp.text("en").splitlines()[1] == "1. Step one."


def test_dated_version_spans_the_values_own_period() -> None:
    """Nghị quyết 76/NQ-CP's programme covers 2021-2030 (its own period, not the resolution's
    open-ended effect); a bound the value leaves open falls back to the source's."""
    from datetime import date

    import attrs

    from cchc.legal import RuleVersion
    from cchc.plans import programme

    nq76 = programme("nq76-2021")
    version = RuleVersion.dated(nq76, nq76.source)
    assert version.value is nq76
    assert (version.start, version.end) == (date(2021, 1, 1), date(2031, 1, 1))
    assert not version.in_force_on(date(2031, 1, 1))

    @attrs.frozen
    class Open:
        effective_from: date | None = None
        effective_to: date | None = None

    nd61 = source("ND61-2018")
    open_version = RuleVersion.dated(Open(), nd61)
    assert (open_version.start, open_version.end) == (nd61.effective_from, nd61.effective_to)
