"""Communes after 1/7/2025, online-service levels over time and the law cchc does not apply yet.

PYTHONPATH=src python examples/law_in_force_2026.py
"""

from __future__ import annotations

from datetime import date

from cchc.errors import CchcError
from cchc.procedures.online_levels import check_level, regime_on
from cchc.rulebook import rules_in_force
from cchc.units import commune, commune_successors, communes


def main() -> None:
    today = date(2026, 12, 4)
    print(f"Commune-level units on {today:%d/%m/%Y}: {len(communes(today))}")
    for old, province in (("Phường Trúc Bạch", "Hà Nội"), ("Phường Đa Kao", "Hồ Chí Minh")):
        names = ", ".join(
            f"{c.name} ({c.code})" for c in commune_successors(old, province=province)
        )
        print(f"  {old} ({province}) -> {names}")
    try:
        commune("Phường Trúc Bạch", on=today)
    except CchcError as exc:
        print(f"  a former name today: {exc}")

    print("Online-service levels:")
    for day in (date(2020, 5, 1), date(2024, 1, 1), today):
        regime = regime_on(day)
        levels = ", ".join(level.value for level in regime.levels)
        print(f"  {day:%d/%m/%Y}: {levels}  [{regime.source.number}]")
    try:
        check_level("4", on=today)
    except CchcError as exc:
        print(f"  mức độ 4 today: {exc}")

    print("In force but not applied by cchc (see each row's note):")
    for rule in rules_in_force(today, domain="procedures"):
        if "not" in rule.value:
            print(f"  {rule.name}: {', '.join(s.number for s in rule.sources)}")


if __name__ == "__main__":
    main()
