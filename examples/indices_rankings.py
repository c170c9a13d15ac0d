"""Reproduce published rankings from their scores (xếp hạng).

1. PCI 2019 (VCCI, pcivietnam.vn): composites recomputed from the ten sub-indices with
   ``cchc.indices.pci.composite`` and ranked; the order matches the published ranks.
2. PAR INDEX 2021 (Bộ Nội vụ, as reported in the press): provinces ranked by their published
   index, with the result groups A / B / C.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from cchc.indices import pci, rank
from cchc.indices.par_index import result_group

DATA = Path(__file__).resolve().parent / "data"
KEYS = {"equal_competition_policy_bias": "equal_competition", "labor_training": "labour_training"}


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def main() -> None:
    table = rows("pci_2019.csv")
    scores = {}
    for row in table:
        subs = {KEYS.get(k, k): row[k] for k in row if KEYS.get(k, k) in pci.SUBINDICES}
        scores[row["province"]] = pci.composite(subs, 2019)
    ranked = rank(scores)
    print("PCI 2019 recomputed from sub-indices (published score and rank beside):")
    published = {r["province"]: (int(r["rank"]), r["pci_composite"]) for r in table}
    for r in ranked:
        print(
            f"  {r.rank:>2}. {r.unit:<12} {r.score}  (published {published[r.unit][1]}, "
            f"rank {published[r.unit][0]})"
        )
    order_ours = [r.unit for r in ranked]
    order_published = sorted(published, key=lambda u: published[u][0])
    print("Same order as published:", order_ours == order_published)
    print("(published rank 14, TP. Hồ Chí Minh, shows N/A on the source table, so our ranks")
    print(" from 14 on are one place higher than the published ones among 63 provinces)")

    par = [r for r in rows("par_index_2021.csv") if r["level"] == "province"]
    ranked_par = rank({r["unit"]: Decimal(r["par_index_percent"]) for r in par}, group=result_group)
    print("\nPAR INDEX 2021 (provinces we hold), with result groups:")
    for r in ranked_par:
        print(f"  {r.unit:<18} {r.score}%  group {r.group}")


if __name__ == "__main__":
    main()
