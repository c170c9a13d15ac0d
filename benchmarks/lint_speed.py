"""Benchmark: ``lint`` throughput on the five seed documents concatenated to ~5 MB (issue 16).

Prints the size, the wall and CPU time of one ``lint`` call (best of ``--repeat``), the
throughput in MB/s (UTF-8 bytes) by both clocks, and its ratio to the target of 8 MB/s.
CPU time (``time.process_time``) is the steadier figure on a shared machine.

Run: PYTHONPATH=src python benchmarks/lint_speed.py [--size BYTES] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cchc.documents import lint

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "documents" / "fixtures"
TARGET_MB_S = 8.0


def seed_text(size: int) -> tuple[str, int]:
    """The five seeds, joined by blank lines, repeated to at least ``size`` UTF-8 bytes;
    and the number of copies."""
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    copies = -(-size // len(one.encode("utf-8")))
    return "\n\n".join([one] * copies), copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5_000_000, help="bytes of text")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is kept")
    args = parser.parse_args()
    text, copies = seed_text(args.size)
    mb = len(text.encode("utf-8")) / 1e6
    lint(text[:20_000])  # warm the caches (calendar, registries)
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(args.repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        findings = lint(text)
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    wall, cpu = min(walls), min(cpus)
    print(f"text: {mb:.2f} MB (the 5 seeds x {copies}), {len(findings)} findings")
    for clock, seconds in (("wall", wall), ("cpu", cpu)):
        rate = mb / seconds
        share = rate / TARGET_MB_S
        print(f"lint {clock:4}: {seconds:.2f} s = {rate:.2f} MB/s ({share:.2f}x target)")
    print(f"target: at least {TARGET_MB_S:.0f} MB/s (ratio >= 1.00)")


if __name__ == "__main__":
    main()
