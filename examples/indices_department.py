"""Score an (example) department for two years and show where points were lost.

Uses the bundled EXAMPLE framework ``par-example-department`` (its points are invented for
illustration; no official department-level annex was read) and two made-up input files.
Saves ``indices_department.png`` in the current directory when matplotlib is installed.
"""

from __future__ import annotations

from pathlib import Path

from cchc.indices import compare, get_framework, score
from cchc.indices.commands import read_inputs

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    fw = get_framework("par-example-department")
    cards = []
    for year in ("2023", "2024"):
        items, unit, period = read_inputs(DATA / f"indices_department_{year}.yaml")
        cards.append(score(fw, items, unit=unit, period=period))
    before, after = cards
    print(f"{fw.name} [{fw.kind}]")
    for card in cards:
        print(
            f"{card.unit} {card.period}: {card.total_points}/{card.max_points} points, "
            f"index {card.index_percent}% (group {card.group})"
        )

    cmp = compare(before, after)
    print(f"\nChange {cmp.period_before} -> {cmp.period_after}: {cmp.index_change:+} points of %")
    for area in cmp.areas:
        print(
            f"  {area.id:>2} {area.name:<48} {area.percent_before!s:>7}% -> "
            f"{area.percent_after!s:>7}%"
        )

    print(f"\nWhere {after.period} lost points (điểm bị mất), most first:")
    for item in after.points_lost():
        print(f"  {item.id:<6} -{item.lost:<5} {item.name}")
    if after.missing_evidence:
        print(
            "Self-assessed items without evidence (tài liệu kiểm chứng):",
            ", ".join(after.missing_evidence),
        )
    appraised = [i for i in before.items if i.appraised and i.value != i.self_value]
    for item in appraised:
        print(
            f"{before.period}: item {item.id} self-assessed {item.self_value}, "
            f"appraised {item.value} (thẩm định)"
        )

    try:
        import matplotlib

        matplotlib.use("Agg")
    except ImportError:
        print("\n(matplotlib not installed: no chart)")
        return
    from cchc.indices.chart import plot_areas

    plot_areas(after, previous=before, path="indices_department.png")
    print("\nChart saved to indices_department.png")


if __name__ == "__main__":
    main()
