"""The source registry is complete and used; the law in force on a date; the CLI."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from cchc.cli import main
from cchc.errors import ValidationError
from cchc.legal import sources
from cchc.rulebook import diff, rules_in_force

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cchc"
REGISTRY = PACKAGE / "data" / "sources.csv"
KEY = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")


def _yaml_cited(node: object, out: set[str], parent: str = "") -> None:
    """Registry keys cited in a YAML tree: values of ``source``/``sources``/``key``/
    ``amended_by`` fields (a mapping of named sources counts too)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("source", "key") and isinstance(v, str):
                out.add(v)
            elif k in ("sources", "amended_by") and isinstance(v, dict):
                out.update(x if isinstance(x, str) else x.get("key", "") for x in v.values())
            elif k == "amended_by" and isinstance(v, list):
                out.update(x for x in v if isinstance(x, str))
            _yaml_cited(v, out, str(k))
    elif isinstance(node, list):
        for v in node:
            _yaml_cited(v, out, parent)


def _csv_keys(path: Path) -> set[str]:
    """Keys in the ``sources`` (or ``source``) column, ``;``-separated, of a package CSV."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cells = (r.get("sources") or r.get("source") or "" for r in rows)
    return {k.strip() for cell in cells for k in cell.split(";") if k.strip()}


def _yaml_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.yaml"))


def _cited_keys() -> set[str]:
    """Every registry key the package data and code cite."""
    cited: set[str] = set()
    for path in _yaml_files():
        _yaml_cited(yaml.safe_load(path.read_text(encoding="utf-8")), cited)
    for path in PACKAGE.rglob("*.csv"):
        if path != REGISTRY:
            cited.update(_csv_keys(path))
    for path in PACKAGE.rglob("*.py"):
        cited.update(re.findall(r"[\"']([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)[\"']", path.read_text()))
    return cited


def test_every_yaml_source_is_a_registry_key() -> None:
    # A data file citing a key that no registry row has fails here (and on load).
    known = set(sources())
    for path in _yaml_files():
        cited: set[str] = set()
        _yaml_cited(yaml.safe_load(path.read_text(encoding="utf-8")), cited)
        keys = {c for c in cited if KEY.fullmatch(c)}
        assert keys <= known, (path.name, sorted(keys - known))


def test_no_full_source_record_left_in_package_yaml() -> None:
    # Sources are keys: a bundled YAML file carries no LegalSource record (number + issuer).
    for path in _yaml_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s+issuer:", text, re.M), path.name


def test_every_registry_source_is_cited() -> None:
    uncited = set(sources()) - _cited_keys()
    assert not uncited, sorted(uncited)


def test_calendar_and_unit_csv_keys_exist() -> None:
    known = set(sources())
    for path in [
        *PACKAGE.glob("calendar/data/days/*.csv"),
        PACKAGE / "units/data/provinces_2025.csv",
        PACKAGE / "units/data/issuers.csv",
    ]:
        keys = _csv_keys(path)
        assert keys, path.name
        assert keys <= known, (path.name, sorted(keys - known))


def test_rules_in_force_follow_the_one_stop_decrees() -> None:
    # ND 61/2018 until 30/6/2025, ND 118/2025 from 01/7/2025 (its Điều 40 khoản 1),
    # ND 309/2026 from 05/8/2026 (its Điều 16 khoản 1).
    def one_stop(day: date) -> str:
        rules = rules_in_force(day, domain="dossiers")
        return next(r.value.split(":")[0] for r in rules if r.name == "one_stop_rules")

    assert one_stop(date(2025, 6, 30)) == "ND61/2018"
    assert one_stop(date(2025, 7, 1)) == "ND118/2025"
    assert one_stop(date(2026, 8, 5)) == "ND118/2025+309/2026"
    early = rules_in_force(date(2017, 1, 1), domain="dossiers")
    assert "one_stop_rules" not in {r.name for r in early}
    # the conventions are marked as such (no legal text states them)
    assert {r.sources[0].verification.value for r in early} == {"convention"}


def test_rules_name_their_sources_and_dates() -> None:
    rules = {(r.domain, r.name): r for r in rules_in_force(date(2025, 7, 1))}
    # NQ 202/2025/QH15: 34 provincial units from 01/7/2025.
    assert rules["units", "provinces"].value == "34 provincial units"
    assert rules["calendar", "weekly_rest"].sources[0].key == "QD188-1999"
    assert all(r.sources for r in rules.values())
    # Bộ luật Lao động 2019 is in force from 01/01/2021; 2012 before.
    assert rules_in_force(date(2020, 6, 1), domain="calendar")[1].value == "10 days a year"


def test_diff_lists_what_changed() -> None:
    changes = {(c.domain, c.name): c for c in diff(date(2025, 6, 30), date(2025, 7, 1))}
    assert changes["units", "provinces"].before == "63 provincial units"
    assert changes["dossiers", "one_stop_rules"].after.startswith("ND118/2025")
    assert diff(date(2025, 7, 2), date(2025, 7, 3)) == ()


def test_unknown_domain_is_a_cchc_error() -> None:
    with pytest.raises(ValidationError, match="unknown domain"):
        rules_in_force(date(2025, 7, 1), domain="nope")


def test_cli_rules_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--on", "2026-08-05", "--domain", "dossiers", "--json"]) == 0
    rules = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    keys = [s["key"] for s in rules["one_stop_rules"]["sources"]]
    assert keys[:2] == ["ND118-2025", "ND309-2026"]
    assert main(["rules", "--diff", "2025-06-30", "2025-07-01"]) == 0
    assert "63 provincial units" in capsys.readouterr().out
    assert main(["sources", "--unconfirmed", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["verification"] != "original" for r in rows)
    assert "ND309-2026" in {r["key"] for r in rows}
    assert main(["sources"]) == 0
    assert "ND118-2025" in capsys.readouterr().out


def test_importing_cchc_reads_no_registry() -> None:
    # No I/O at import: the lazy aliases and key-citing rule tables read the registry on use.
    code = (
        "import cchc.cli, cchc.dossiers, cchc.units, cchc.documents, cchc.plans, "
        "cchc.reporting, cchc.indices, cchc.civil_code, cchc.rulebook_commands\n"
        "from cchc.legal.registry import _registry\n"
        "print(_registry.cache_info().currsize)"
    )
    env = {**os.environ, "PYTHONPATH": str(PACKAGE.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "0"


def test_every_lifecycle_rule_is_listed_whenever_the_engine_applies_it() -> None:
    """The event-order rules apply to every dossier the engine accepts (from 21/6/2018,
    ND 61/2018): each must be in force, with a source, under both decrees."""
    from cchc.dossiers.lifecycle import order_rules

    codes = {f"lifecycle {r.code}" for r in order_rules()}
    for day in (date(2018, 6, 21), date(2019, 1, 1), date(2025, 7, 1), date(2026, 12, 3)):
        listed = {r.name for r in rules_in_force(day, domain="dossiers")}
        assert codes <= listed, (day, sorted(codes - listed))
    assert not codes & {r.name for r in rules_in_force(date(2018, 6, 20), domain="dossiers")}
