"""Time read_csv on the bundled synthetic file and on a generated one (default 1M rows).

Both tokenizers are timed: the fast path (pyarrow, a regular file) and the reference
path (the csv module, taken when a file has a blank line, a line break in a field or
a bad line): the same file with one short line appended, loaded with
``on_bad_rows="collect"``.

    PYTHONPATH=src python benchmarks/csv_load_bench.py            # 1,000,000 rows
    PYTHONPATH=src python benchmarks/csv_load_bench.py --rows 100000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from cchc._data import data_path
from cchc.dossiers.table.frame import read_csv
from cchc.dossiers.table.synthetic import write_csv


def _timed(label: str, path: Path, rows: int) -> None:
    start = time.perf_counter()
    frame = read_csv(path)
    fast = time.perf_counter() - start
    bad = path.with_suffix(".bad.csv")
    bad.write_bytes(path.read_bytes() + b"in_person,2025-01-02T09:00:00+07:00\n")
    start = time.perf_counter()
    good, problems = read_csv(bad, on_bad_rows="collect")
    slow = time.perf_counter() - start
    assert len(good) == len(frame) == rows and len(problems) == 1
    print(
        f"{label:28} {rows:>9,} rows  fast path {fast:6.2f} s ({fast / rows * 1e6:.2f} µs/row)"
        f"  reference path {slow:6.2f} s ({slow / rows * 1e6:.2f} µs/row)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bundled = Path(tmp) / "bundled.csv"
        bundled.write_bytes(
            Path(
                str(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv"))
            ).read_bytes()
        )
        _timed("bundled synthetic file", bundled, 1000)
        big = Path(tmp) / "big.csv"
        write_csv(str(big), args.rows, 7)
        _timed("generated synthetic file", big, args.rows)


if __name__ == "__main__":
    main()
