"""Lint a real quarterly CCHC report and print what is wrong with it.

The report (examples/data/seed_report_q1_2022.txt) is seed 002: the Q1/2022
administrative-reform report of a provincial health department. Its dates,
numbers and figures are checked against the numbering and dating rules of
Nghị định 30/2020/NĐ-CP and Luật 80/2015/QH13 (see docs/documents.md); the
actions it lists are checked against the quý I/2022 data window of Công văn
581/BNV-CCHC (15/12/2021 to 14/3/2022, from cchc.reporting).

Run: PYTHONPATH=src python examples/lint_seed_report.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cchc.documents import Severity, lint, parse_citations
from cchc.reporting import reporting_period

REPORT = Path(__file__).resolve().parent / "data" / "seed_report_q1_2022.txt"


def main() -> None:
    text = REPORT.read_text(encoding="utf-8")
    citations = parse_citations(text)
    print(f"{REPORT.name}: {len(citations)} citations of documents")
    window = reporting_period("bnv-cchc", "Q1", 2022, due=False)
    print(
        f"reporting period quý I/2022: {window.start:%d/%m/%Y} to {window.end:%d/%m/%Y} "
        f"({window.source.cite()})"
    )
    findings = lint(text)
    counts = Counter(f.severity for f in findings)
    print(
        f"{len(findings)} findings: {counts[Severity.ERROR]} errors, "
        f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} remarks\n"
    )
    for f in findings:
        if f.severity is Severity.INFO:
            continue
        line = text.count("\n", 0, f.span[0]) + 1
        print(f"line {line:>3}  {f.severity.value:<7} {f.code}")
        print(f"          {f.message}")
        print(f"          {f.message_vi}")


if __name__ == "__main__":
    main()
