"""The dossier loaders against the alternatives, measured in the same run (issue 16 item 4).

Three figures, each printed as a ratio to its alternative:

* ``read_csv`` of a generated file (default 1M rows, the bundled column set) against
  ``pandas.read_csv`` + ``pandas.to_datetime`` of its four instant columns on the same
  file (time), and against ``pyarrow.csv.read_csv`` (peak memory: each reader runs in a
  fresh process, its peak resident memory read from the kernel);
* ``from_dataframe`` / ``from_arrow`` of 10M dossiers with text ``unit``/``channel``
  columns, against factorize + a lookup table of those two columns alone;
* cold 10M from Parquet to a year's summary (:func:`cchc.dossiers.read_parquet`, evaluate,
  summarize in a fresh process) against ``pyarrow.parquet.read_table`` alone, and against
  the same path by ``read_table`` + ``from_arrow``; and the loading part alone
  (``from_arrow`` of the table read back, in the same process).

Medians of ``--repeat`` runs, interleaved (the machine is shared: a ratio in the same run
is the figure to read)::

    PYTHONPATH=src python benchmarks/loader_bench.py
    PYTHONPATH=src python benchmarks/loader_bench.py --csv-rows 100000 --rows 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

_CHILD = r"""
import json, resource, sys, time
import numpy, pandas, pyarrow, pyarrow.csv, pyarrow.parquet
from cchc.dossiers.table import frame as loaders
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.statistics import summarize, year_period
what, path = sys.argv[1], sys.argv[2]
def hwm():  # the peak resident memory of this process image, in kB (ru_maxrss would
    # include the parent's at fork time)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
base = hwm()
start = time.perf_counter()
if what == "cchc":
    n = len(loaders.read_csv(path))
elif what == "pandas":
    df = pandas.read_csv(path, dtype=str, keep_default_na=False)
    for c in ("received_at", "finished_at", "supplement_requested_at", "supplement_received_at"):
        df[c] = pandas.to_datetime(df[c], format="ISO8601", utc=True)
    n = len(df)
elif what == "arrow":
    n = pyarrow.csv.read_csv(path).num_rows
elif what == "parquet-summary":
    frame = loaders.read_parquet(path)
    rows = summarize(frame, evaluate(frame), [year_period(2025)])
    n = rows[0].counts.received
elif what == "parquet-summary-arrow":
    frame = loaders.from_arrow(pyarrow.parquet.read_table(path))
    rows = summarize(frame, evaluate(frame), [year_period(2025)])
    n = rows[0].counts.received
elif what == "parquet-read":
    n = pyarrow.parquet.read_table(path).num_rows
seconds = time.perf_counter() - start
peak = hwm()
over = (peak - base) / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "over_imports_mb": over, "rows": n}))
"""


def _child(what: str, path: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, what, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def csv_figures(rows: int, repeat: int, tmp: Path) -> None:
    from cchc.dossiers.table.synthetic import write_csv

    path = tmp / "dossiers.csv"
    write_csv(str(path), rows, 7)
    runs: dict[str, list[dict[str, Any]]] = {"cchc": [], "pandas": [], "arrow": []}
    for _ in range(repeat):
        for what, found in runs.items():
            found.append(_child(what, path))
    assert {r["rows"] for found in runs.values() for r in found} == {rows}
    t = {k: _median(v, "seconds") for k, v in runs.items()}
    peak = {k: _median(v, "peak_mb") for k, v in runs.items()}
    over = {k: _median(v, "over_imports_mb") for k, v in runs.items()}
    print(
        f"read_csv {rows:,} rows: {t['cchc']:.2f} s; pandas.read_csv + to_datetime "
        f"{t['pandas']:.2f} s; ratio {t['cchc'] / t['pandas']:.2f}x (target <= 1.0x)",
        flush=True,
    )
    print(
        f"read_csv peak memory {peak['cchc']:.0f} MB ({over['cchc']:.0f} MB over the imports); "
        f"pyarrow.csv.read_csv {peak['arrow']:.0f} MB ({over['arrow']:.0f} MB); ratio "
        f"{peak['cchc'] / peak['arrow']:.2f}x of the peaks (target <= 1.5x)",
        flush=True,
    )


def _text_frame(rows: int) -> Any:
    import pandas as pd

    from cchc.dossiers.table.synthetic import synthetic_dataframe

    df = synthetic_dataframe(rows, seed=1)
    units = np.array(["working_days", "days", "hours", "months"], dtype=object)
    channels = np.array(["in_person", "online", "post"], dtype=object)
    df["unit"] = pd.Series(units[df["unit"].to_numpy()], dtype="str")
    df["channel"] = pd.Series(channels[df["channel"].to_numpy()], dtype="str")
    return df


def _lookup(df: Any) -> Any:
    """The alternative: factorize + a lookup table, for unit and channel only."""
    import pandas as pd

    out = []
    for name, names in (
        ("unit", ("working_days", "days", "hours", "months")),
        ("channel", ("in_person", "online", "post")),
    ):
        codes, uniques = pd.factorize(df[name])
        table = np.array([names.index(u) for u in uniques], dtype=np.int8)
        out.append(table[codes])
    return out


def load_figures(rows: int, repeat: int, tmp: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cchc.dossiers.table.frame import from_arrow, from_dataframe

    df = _text_frame(rows)
    table = pa.Table.from_pandas(df, preserve_index=False)
    times: dict[str, list[float]] = {"from_dataframe": [], "from_arrow": [], "lookup": []}
    for _ in range(repeat):
        for name, call in (
            ("lookup", lambda: _lookup(df)),
            ("from_dataframe", lambda: from_dataframe(df)),
            ("from_arrow", lambda: from_arrow(table)),
        ):
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    t = {k: statistics.median(v) for k, v in times.items()}
    for name in ("from_dataframe", "from_arrow"):
        print(
            f"{name} {rows:,} dossiers (text unit/channel): {t[name]:.2f} s (target <= 1.0 s); "
            f"factorize + lookup of unit/channel alone {t['lookup']:.2f} s; "
            f"ratio {t[name] / t['lookup']:.2f}x",
            flush=True,
        )
    path = tmp / "dossiers.parquet"
    pq.write_table(table, path)
    # the loading part of the cold Parquet figure: from_arrow on the table as read back
    # (timestamp[ms, tz], large_string unit/channel, dictionary labels, in row groups)
    read, load = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        parquet = pq.read_table(path)
        read.append(time.perf_counter() - start)
        start = time.perf_counter()
        from_arrow(parquet)
        load.append(time.perf_counter() - start)
        del parquet
    r, ld = statistics.median(read), statistics.median(load)
    print(
        f"from_arrow of the Parquet table read back, {rows:,} dossiers: {ld:.2f} s; "
        f"pyarrow.parquet.read_table {r:.2f} s; ratio {ld / r:.2f}x",
        flush=True,
    )
    return path


def parquet_figures(path: Path, rows: int, repeat: int) -> None:
    runs: dict[str, list[dict[str, Any]]] = {
        "parquet-summary": [],
        "parquet-summary-arrow": [],
        "parquet-read": [],
    }
    for _ in range(repeat):
        for what, found in runs.items():
            found.append(_child(what, path))
    t = {k: _median(v, "seconds") for k, v in runs.items()}
    print(
        f"cold {rows:,} from Parquet to a year's summary (read_parquet): "
        f"{t['parquet-summary']:.2f} s (target <= 1.5 s); pyarrow.parquet.read_table alone "
        f"{t['parquet-read']:.2f} s; ratio {t['parquet-summary'] / t['parquet-read']:.2f}x",
        flush=True,
    )
    print(
        f"cold {rows:,} by read_table + from_arrow: {t['parquet-summary-arrow']:.2f} s; "
        f"read_parquet's {t['parquet-summary'] / t['parquet-summary-arrow']:.2f}x of it"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv-rows", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("csv", "load"), help="one part of the figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if args.only != "load":
            csv_figures(args.csv_rows, args.repeat, tmp)
        if args.only != "csv":
            parquet = load_figures(args.rows, args.repeat, tmp)
            parquet_figures(parquet, args.rows, args.repeat)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
