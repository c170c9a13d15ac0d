"""Benchmark: scoring many units against a framework, and PCI composites.

- ``score`` of the bundled example department framework (26 items, every rule kind) on N
  random units, then ranking them;
- ``pci.composite`` on N random rows of ten sub-indices.

Run: python benchmarks/indices_bench.py [--units N]
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal
from typing import Any

from cchc.indices import get_framework, pci, rank, score


def random_inputs(rng: random.Random) -> dict[str, Any]:
    fw = get_framework("par-example-department")
    out: dict[str, Any] = {}
    for leaf in fw.leaves():
        kind = leaf.rule.kind if leaf.rule else "direct"
        if kind == "yes_no":
            out[leaf.id] = rng.random() < 0.8
        elif kind == "direct":
            out[leaf.id] = Decimal(rng.randint(0, int(leaf.max_points * 100))) / 100
        elif kind == "deduction":
            out[leaf.id] = rng.randint(0, 3)
        else:
            out[leaf.id] = Decimal(rng.randint(6000, 10000)) / 100
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(42)
    fw = get_framework("par-example-department")
    units = [random_inputs(rng) for _ in range(args.units)]

    start = time.perf_counter()
    cards = [score(fw, u, unit=f"unit {n}") for n, u in enumerate(units)]
    took = time.perf_counter() - start
    ranked = rank({c.unit or "": c.index_percent for c in cards})
    print(
        f"score: {args.units} units x {len(fw.leaves())} items in {took:.2f} s "
        f"({args.units / took:,.0f} units/s); best {ranked[0].unit} {ranked[0].score}%"
    )

    rows = [
        {k: Decimal(rng.randint(300, 1000)) / 100 for k in pci.SUBINDICES}
        for _ in range(args.units)
    ]
    start = time.perf_counter()
    for row in rows:
        pci.composite(row, 2019)
    took = time.perf_counter() - start
    print(f"pci.composite: {args.units} rows in {took:.2f} s ({args.units / took:,.0f} rows/s)")


if __name__ == "__main__":
    main()
