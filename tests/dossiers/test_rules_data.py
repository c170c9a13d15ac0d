"""The one-stop rule sets as data (cchc/dossiers/data/one_stop_rules.yaml)."""

from __future__ import annotations

from datetime import date, time

import pytest

from cchc.dossiers import one_stop_rules as rules
from cchc.dossiers.one_stop_rules import ONE_STOP_RULES, one_stop_rules_in_force
from cchc.errors import DataFileError
from cchc.legal import sources


def test_every_rule_cites_a_registry_key_of_its_set() -> None:
    known = set(sources())
    for version in ONE_STOP_RULES:
        assert version.source_key in known
        for _, key, article in version.value.cites:
            assert key in known and article


def test_values_and_articles_as_the_decrees_state_them() -> None:
    # ND 61/2018 Art 18(2) and ND 118/2025 Art 18(2): dossiers received after 15 giờ.
    nd61 = one_stop_rules_in_force(date(2019, 3, 1)).value
    assert nd61.transfer_cutoff == time(15, 0)
    assert nd61.supplement_lapse_days is None
    assert nd61.article("supplement") == "Nghị định 61/2018/NĐ-CP Điều 19 khoản 4"
    assert nd61.article("clock_start") == ""
    # ND 309/2026 Art 8(3) amends one rule of ND 118/2025 and keeps its articles
    nd309 = one_stop_rules_in_force(date(2026, 8, 5)).value
    assert nd309.article("reschedule") == "Nghị định 118/2025/NĐ-CP Điều 19 khoản 6"
    assert nd309.article("boundary_free_clock") == "Nghị định 309/2026/NĐ-CP Điều 8 khoản 3"
    assert one_stop_rules_in_force(date(2026, 8, 4)).end == date(2026, 8, 5)


def _with_data(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    from cchc._data import parse_yaml_text

    monkeypatch.setattr(rules, "load_yaml", lambda *_: parse_yaml_text(text))


def test_a_bad_data_file_is_a_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_data(monkeypatch, "rule_sets:\n  - {name: A, source: ND61-2018, amends: B, rules: []}\n")
    with pytest.raises(DataFileError, match="amends unknown rule set 'B'"):
        rules._load()
    twice = (
        "rule_sets:\n  - name: A\n    source: ND61-2018\n    rules:\n"
        "      - {rule: a, values: {max_reschedules: 1}}\n"
        "      - {rule: b, values: {max_reschedules: 2}}\n"
    )
    _with_data(monkeypatch, twice)
    with pytest.raises(DataFileError, match="max_reschedules set twice"):
        rules._load()
    _with_data(monkeypatch, "rule_sets:\n  - {name: A, source: ND61-2018, rules: []}\n")
    with pytest.raises(DataFileError, match="rule_sets\\[0\\]"):
        rules._load()
    _with_data(monkeypatch, "sets: []\n")
    with pytest.raises(DataFileError, match="no list 'rule_sets'"):
        rules._load()
