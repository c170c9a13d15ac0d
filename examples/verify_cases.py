"""Verification cases as data: write what a notice says, let cchc check it.

A desk officer or an auditor writes cases in YAML (no Python), each with its source and a
note; ``cchc verify FILE|DIR`` runs them (exit 1 and a diff when one disagrees, JUnit XML
for CI) and pytest collects ``*.cchc.yaml`` files as tests. This script writes a small
case file, runs it through the library and shows a deliberately wrong case's diff.

Run: python examples/verify_cases.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cchc.cli import main
from cchc.verify import load_case_file, run_file
from cchc.verify.report import junit_xml, summary

CASES = """\
description: Due dates and periods an officer checked by hand.
cases:
  - name: friday-before-tet-2025
    kind: due_date
    source: Công văn 8726/VPCP-KGVX (Tết Ất Tỵ off 25/01-02/02/2025)
    registry: [CV8726-2024]
    note: The receipt day is not counted; the 5 working days are 3-7 February 2025.
    input: {received_at: 2025-01-24T09:00:00+07:00, amount: 5}
    expect: {due_at: 2025-02-07T17:00:00+07:00, rules: ND61/2018}

  - name: supplement-restarts
    kind: dossier
    source: Nghị định 61/2018/NĐ-CP Điều 19 khoản 4
    registry: [ND61-2018]
    note: The period restarts when the complete dossier comes back on 10/03.
    input:
      amount: 10
      events:
        - {kind: received, at: 2025-03-03T09:00:00+07:00}
        - {kind: supplement_requested, at: 2025-03-05T10:00:00+07:00}
        - {kind: supplement_received, at: 2025-03-10T14:00:00+07:00}
        - {kind: decided, at: 2025-03-21T09:00:00+07:00}
    expect: {due_at: 2025-03-24T17:00:00+07:00, timeliness: early}

  - name: quarter-1-report
    kind: reporting_period
    source: Công văn 581/BNV-CCHC (quý I 15/12 - 14/3, nộp chậm nhất ngày 20)
    registry: [CV581-BNV-CCHC]
    note: 20/3/2022 was a Sunday, so a report sent on Monday 21/3 is on time.
    input: {regime: bnv-cchc, period: Q1, year: 2022, submitted_on: 2022-03-21}
    expect: {start: 2021-12-15, end: 2022-03-14, on_time: true}

  - name: a-wrong-expectation
    kind: add_working_days
    source: Công văn 12729/VPCP-KGVX (Fri 02/01/2026 swapped off)
    registry: [CV12729-2025]
    note: Written as if 02/01/2026 were a working day, to show a diff.
    input: {start: 2025-12-31, days: 1}
    expect: {day: 2026-01-02}
"""

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "desk_checks.cchc.yaml"
    path.write_text(CASES, encoding="utf-8")

    # 1. From Python: load (a bad file names its line, case and field), run, report.
    results = run_file(load_case_file(path))
    for result in results:
        if result.passed:
            print(f"passed  {result.name}  <- {result.source}")
        else:
            print(result.diff().replace(tmp, "<tmp>"))
    print(summary(results))
    print(f"JUnit XML: {len(junit_xml(results))} bytes for CI")

    # 2. The same from the command line: exit code 1 because one case disagrees.
    code = main(["verify", str(path), "--quiet"])
    print(f"cchc verify exit code: {code}")
