"""Benchmark: Biểu số 06/VPCP/KSTT filled from millions of synthetic dossiers.

Run (the measured run, 10 million dossiers)::

    PYTHONPATH=src python benchmarks/statistics_forms_bench.py --n 10000000

It prints the time of building and evaluating the synthetic columns, of filling the form for
Quý III/2025 (one section per agency, one row per field, through ``summarize``), of filling
the previous quarter and checking the sums and the carried-over rule, and of writing the
.xlsx. The synthetic data comes from :mod:`cchc.dossiers.table.synthetic` (reproducible).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from cchc.dossiers import evaluate
from cchc.dossiers.table.synthetic import synthetic_frame
from cchc.reporting.statistics import check_form, fill_form, previous_period
from cchc.reporting.statistics_render import to_xlsx
from cchc.reporting_periods import reporting_period


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="number of dossiers")
    n = parser.parse_args().n
    t0 = time.perf_counter()
    frame = synthetic_frame(n, seed=1)
    results = evaluate(frame)
    t1 = time.perf_counter()
    q3 = reporting_period("nd09-2019", "Q3", 2025, due=False)
    form = fill_form(frame, results, q3)
    t2 = time.perf_counter()
    before = previous_period(q3)
    assert before is not None
    findings = check_form(form, fill_form(frame, results, before))
    t3 = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        to_xlsx(form, Path(folder) / "b06.xlsx")
    t4 = time.perf_counter()
    rows = sum(len(s.rows) for s in form.sections)
    print(f"{n:,} dossiers: columns + evaluate {t1 - t0:.2f} s")
    print(
        f"fill Biểu 06 for {form.period} ({len(form.sections)} agencies, {rows} rows): "
        f"{t2 - t1:.2f} s"
    )
    print(f"fill {before.kind}/{before.year} + check: {t3 - t2:.2f} s, {len(findings)} finding(s)")
    print(f"write .xlsx: {t4 - t3:.2f} s; to handle in the window: {form.total.values[0]:,}")


if __name__ == "__main__":
    main()
