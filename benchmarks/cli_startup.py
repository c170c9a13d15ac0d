"""Benchmark: start-up time of the command line against a bare interpreter (issue 16).

Runs, in turn and ``--runs`` times each, ``python -c pass``, ``cchc --help`` and
``cchc calendar is-working 2025-01-27`` as whole processes (``python -m cchc``, the
same interpreter), and prints the median wall time and CPU time (user + sys of the
child, from ``os.wait4``) of each, and each command's ratio to the bare interpreter
measured in the same run. Target: at most 12x for both commands (commands imported
when used). CPU ratios are steadier than wall ratios on a busy machine.

Run: PYTHONPATH=src python benchmarks/cli_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
TARGET = 12.0

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "cchc --help": [sys.executable, "-m", "cchc", "--help"],
    "cchc calendar is-working D": [
        sys.executable,
        "-m",
        "cchc",
        "calendar",
        "is-working",
        "2025-01-27",
    ],
}


def run_once(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, child CPU seconds) of one run of ``argv``."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command")
    args = parser.parse_args()
    for argv in COMMANDS.values():  # warm the file cache and the byte-code
        run_once(argv)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, argv in COMMANDS.items():
            samples[name].append(run_once(argv))
    base_wall = statistics.median(w for w, _ in samples["python -c pass"])
    base_cpu = statistics.median(c for _, c in samples["python -c pass"])
    print(f"{'command':28} {'wall ms':>8} {'cpu ms':>8} {'wall x':>7} {'cpu x':>7}")
    for name, runs in samples.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(
            f"{name:28} {wall * 1e3:8.1f} {cpu * 1e3:8.1f} "
            f"{wall / base_wall:7.1f} {cpu / base_cpu:7.1f}"
        )
    print(f"target: each command at most {TARGET:.0f}x python -c pass (medians of {args.runs})")


if __name__ == "__main__":
    main()
