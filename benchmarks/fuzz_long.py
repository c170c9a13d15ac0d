"""Long fuzz run: N random inputs per public entry point (default 20,000).

Uses the generators of ``tests/fuzz/entry_points.py`` (random and mutated seed text,
wrong types, edge dates, NaN/inf/huge numbers, mutated YAML/CSV files). Prints, per entry
point: inputs, cchc errors (typed refusals), other exceptions (must be 0) and, for the
latter, each distinct exception with where it was raised and one input that caused it.

Run: PYTHONPATH=src python benchmarks/fuzz_long.py [--n 20000] [--only NAME ...]
Exit code 1 when any entry point raised something other than a cchc error.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000, help="inputs per entry point")
    parser.add_argument("--seed", type=int, default=11, help="random seed")
    parser.add_argument("--only", nargs="*", default=None, help="entry points to run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
    ep = importlib.import_module("entry_points")
    names = args.only or list(ep.ENTRY_POINTS)
    print(f"{'entry point':30} {'inputs':>7} {'cchc errors':>12} {'other':>6} {'seconds':>8}")
    failed = 0
    for name in names:
        rnd = random.Random(f"{args.seed}:{name}")
        typed = 0
        other: collections.Counter[tuple[str, str, int]] = collections.Counter()
        sample: dict[tuple[str, str, int], str] = {}
        start = time.perf_counter()
        for _ in range(args.n):
            state = rnd.getstate()
            exc = ep.run(name, rnd)
            if exc is None:
                continue
            if ep.is_typed(exc):
                typed += 1
                continue
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            key = (type(exc).__name__, frame.filename.split("/src/")[-1], frame.lineno or 0)
            other[key] += 1
            if key not in sample:
                args_rnd = random.Random()
                args_rnd.setstate(state)
                _, call_args, call_kwargs = ep.ENTRY_POINTS[name](args_rnd)
                sample[key] = f"{exc!s:.120} | input {call_args!r:.160} {call_kwargs!r:.160}"
        seconds = time.perf_counter() - start
        bad = sum(other.values())
        failed += bad
        print(f"{name:30} {args.n:>7} {typed:>12} {bad:>6} {seconds:>8.1f}", flush=True)
        for (kind, where, line), count in other.most_common():
            print(f"    {count:>6} x {kind} at {where}:{line}: {sample[(kind, where, line)]}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
