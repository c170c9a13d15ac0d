"""The rule book through December 2026: communes, online-service levels, law not applied yet.

Oracles: Nghị định 224/2026/NĐ-CP Điều 90 (in force 1/7/2026, ends ND 42/2022); Nghị định
43/2011/NĐ-CP Điều 3 khoản 4; Công văn 1027/CTK-CSCL (3,321 communes from 1/7/2025); Thông tư
04/2025/TT-VPCP signed 08/12/2025 (sav.gov.vn); Thông tư 64/2025/TT-BTC, 1/7/2025-31/12/2026.
"""

from __future__ import annotations

from datetime import date

from cchc.rulebook import diff, rules_in_force


def _rules(day: date) -> dict[str, str]:
    return {r.name: r.value for r in rules_in_force(day, domain="procedures")} | {
        r.name: r.value for r in rules_in_force(day, domain="units")
    }


def test_online_levels_change_on_the_decrees_dates() -> None:
    changes = {c.name: c for c in diff(date(2026, 6, 30), date(2026, 7, 1), domain="procedures")}
    level = changes["online_service_levels"]
    assert level.before == "partial, full (42/2022/NĐ-CP)"
    assert level.after is not None and level.after.startswith("partial, full (224/2026/NĐ-CP)")
    assert _rules(date(2022, 6, 23))["online_service_levels"] == "1, 2, 3, 4 (43/2011/NĐ-CP)"


def test_communes_from_1_7_2025() -> None:
    assert "communes" not in _rules(date(2025, 6, 30))
    assert _rules(date(2025, 7, 1))["communes"] == "3321 commune-level units, no district level"


def test_law_not_applied_is_listed_only_while_in_force_and_signed() -> None:
    assert "portal_data_sharing" not in _rules(date(2025, 12, 7))
    assert "not encoded" in _rules(date(2025, 12, 8))["portal_data_sharing"]
    assert "fees_halved" not in _rules(date(2025, 6, 30))
    assert "fees_halved" in _rules(date(2026, 12, 31))
    assert "fees_halved" not in _rules(date(2027, 1, 1))
    assert "ND 310/2026" not in _rules(date(2026, 8, 4))["electronic_procedures"]
    assert "ND 310/2026" in _rules(date(2026, 8, 5))["electronic_procedures"]


def test_fee_halving_is_listed_as_applied_from_the_reduction_data() -> None:
    """TT 64/2025/TT-BTC: 50% of the tariff on 1/7/2025-31/12/2026, both ends inclusive; the
    rule book reads the same data row that ``procedures.amount_due`` applies."""
    from cchc.procedures.fees import fee_reductions

    row = fee_reductions()["TT64-2025"]
    for day in (date(2025, 7, 1), date(2026, 1, 15), date(2026, 12, 31)):
        value = _rules(day)["fees_halved"]
        assert "50 %" in value and "01/07/2025-31/12/2026" in value
        assert "not applied" not in value
    (rule,) = [
        r for r in rules_in_force(date(2026, 3, 2), domain="procedures") if r.name == "fees_halved"
    ]
    assert [s.key for s in rule.sources] == [row.source]
    assert "fees_halved" not in _rules(row.effective_to)
