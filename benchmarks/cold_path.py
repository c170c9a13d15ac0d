"""The cold path of ``loader_bench.py`` stage by stage: Parquet to a year's summary.

Writes ``--rows`` synthetic dossiers (text ``unit``/``channel``, as ``loader_bench.py``) to
a Parquet file, then, in a fresh process each run, times every stage on the wall clock and
in CPU seconds (all threads): the imports, the reading and loading, the first
:func:`cchc.dossiers.evaluate` (day tables and rule sets built on first use), the first
:func:`cchc.dossiers.summarize`, then both again warm, and the first-use cost alone
(``evaluate`` of one row in a fresh process). Two ways of reading, in interleaved
processes: :func:`cchc.dossiers.read_parquet` (the public reader; the cold figure), and
``pyarrow.parquet.read_table`` then :func:`cchc.dossiers.from_arrow` (the alternative)::

    PYTHONPATH=src python benchmarks/cold_path.py                 # 10 million rows
    PYTHONPATH=src python benchmarks/cold_path.py --rows 1000000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_CHILD = r"""
import json, sys, time
marks = [("start", time.perf_counter(), time.process_time())]
def mark(name):
    marks.append((name, time.perf_counter(), time.process_time()))
import pyarrow.parquet
from cchc.dossiers import evaluate, from_arrow, read_parquet, summarize
from cchc.dossiers.table.statistics import year_period
mark("imports")
if sys.argv[2] == "read_parquet":
    frame = read_parquet(sys.argv[1])
    mark("read_parquet")
else:
    table = pyarrow.parquet.read_table(sys.argv[1])
    mark("read_table")
    frame = from_arrow(table)
    mark("from_arrow")
results = evaluate(frame)
mark("evaluate (first call)")
rows = summarize(frame, results, [year_period(2025)])
mark("summarize (first call)")
evaluate(frame)
mark("evaluate (warm)")
summarize(frame, results, [year_period(2025)])
mark("summarize (warm)")
print(json.dumps([(b[0], b[1] - a[1], b[2] - a[2]) for a, b in zip(marks, marks[1:])]))
"""

_FIRST_USE = r"""
import json, time
import numpy as np
from cchc.dossiers import evaluate, from_columns
frame = from_columns(received_at=np.array(["2025-03-03T02:00"], dtype="M8[ns]"), amount=[5],
                     naive_is_utc=True)
start = time.perf_counter()
evaluate(frame)
first = time.perf_counter() - start
start = time.perf_counter()
evaluate(frame)
print(json.dumps([first, time.perf_counter() - start]))
"""


def _run(code: str, *args: str) -> object:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _print(way: str, runs: list[Any], args: argparse.Namespace) -> float:
    """Print the stages of ``runs`` (medians); return the cold figure (reading to summary)."""
    stages = [stage for stage, _, _ in runs[0]]
    print(f"cold path by {way}, {args.rows:,} dossiers, medians of {args.repeat} processes:")
    walls = []
    for k, stage in enumerate(stages):
        wall = statistics.median(r[k][1] for r in runs)
        cpu = statistics.median(r[k][2] for r in runs)
        walls.append(wall)
        print(f"  {stage:24s} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    cold = sum(walls[1 : stages.index("summarize (first call)") + 1])
    print(f"  {way} .. summary {cold:6.2f} s wall (target <= 1.5 s)")
    return cold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pyarrow as pa
    import pyarrow.parquet as pq
    from loader_bench import _text_frame

    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "dossiers.parquet"
        pq.write_table(pa.Table.from_pandas(_text_frame(args.rows), preserve_index=False), path)
        ways: dict[str, list[Any]] = {"read_parquet": [], "read_table": []}
        for _ in range(args.repeat):  # interleaved: the machine is shared
            for way, runs in ways.items():
                runs.append(_run(_CHILD, str(path), way))
    colds = {way: _print(way, runs, args) for way, runs in ways.items()}
    print(
        f"cold: read_parquet .. summary {colds['read_parquet']:.2f} s (target <= 1.5 s); "
        f"read_table + from_arrow .. summary {colds['read_table']:.2f} s; "
        f"ratio {colds['read_parquet'] / colds['read_table']:.2f}x"
    )
    first, again = _run(_FIRST_USE)  # type: ignore[misc]
    print(f"first use: evaluate of one row {first * 1e3:.0f} ms, again {again * 1e3:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
