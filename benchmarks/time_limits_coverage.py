"""Share of published time-limit texts that ``parse_time_limit`` reads.

``parse_time_limits`` (every limit per case and channel) is measured too.

Two sets of real texts: every ``time_limit_text`` of the bundled catalogue
(``cchc/procedures/data/health_procedures_sample.csv``) and the further real rows of
``tests/procedures/fixtures/real_time_limits.csv`` (each with its source). A text is
*read* when the parser returns a limit; the fixture also says which texts have no single
reading (several cases, no unit, ...), for which a ParseError is the right answer.

Run: PYTHONPATH=src python benchmarks/time_limits_coverage.py
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

from cchc._data import read_text
from cchc.errors import ParseError
from cchc.procedures import parse_time_limit, parse_time_limits

FIXTURE = Path(__file__).resolve().parents[1] / "tests/procedures/fixtures/real_time_limits.csv"


def measure(label: str, rows: list[dict[str, str]]) -> None:
    read, refused, correct, reasons = 0, 0, 0, Counter[str]()
    start = time.perf_counter()
    for row in rows:
        try:
            tl = parse_time_limit(row["text"], channel=row.get("channel") or None)
        except ParseError as exc:
            refused += 1
            reasons[exc.message.partition(f"{row['text'].strip()!r}: ")[2]] += 1
            correct += not row.get("expected_unit")
            continue
        read += 1
        amount = int(row["expected_amount"]) if row.get("expected_amount") else None
        correct += (tl.amount, tl.unit.value) == (amount, row.get("expected_unit"))
    elapsed = time.perf_counter() - start
    n = len(rows)
    print(f"{label}: {n} texts ({len({r['text'] for r in rows})} distinct)")
    print(f"  read {read}/{n} = {read / n:.1%}; refused {refused}; as expected {correct}/{n}")
    print(f"  {elapsed / n * 1e6:.1f} µs per text")
    for reason, count in reasons.most_common():
        print(f"  refused {count}x: {reason}")
    per_case, limits = 0, 0
    for row in rows:
        try:
            found = parse_time_limits(row["text"])
        except ParseError:
            continue
        per_case += 1
        limits += len(found)
    print(
        f"  with cases (parse_time_limits): read {per_case}/{n} = {per_case / n:.1%}, "
        f"{limits} limits"
    )


def main() -> None:
    text = read_text("cchc.procedures", "data", "health_procedures_sample.csv")
    # 1.013814's text carries a collector's remark (two cases): no single reading expected.
    bundled = [
        {
            "text": r["time_limit_text"],
            "expected_amount": r["time_amount"],
            "expected_unit": "" if r["code"] == "1.013814" else r["time_unit"],
        }
        for r in csv.DictReader(text.splitlines())
    ]
    measure("bundled catalogue", bundled)
    fixture = list(csv.DictReader(FIXTURE.read_text(encoding="utf-8").splitlines()))
    measure("real fixture", fixture)
    measure("both", bundled + fixture)


if __name__ == "__main__":
    main()
