"""One Finding/Severity type for the linter and the report checks (issue 10 item 5)."""

from __future__ import annotations

import cchc.documents
import cchc.reporting
from cchc.documents import lint
from cchc.findings import Finding, Severity
from cchc.reporting import check_report, example_report


def test_linter_and_report_checks_return_the_one_type() -> None:
    assert cchc.documents.Finding is cchc.reporting.Finding is Finding
    assert cchc.documents.Severity is cchc.reporting.Severity is Severity
    # Luật 80/2015 Điều 10: the year in a VBQPPL number is its year of issue.
    doc = lint("Nghị định số 60/2022/NĐ-CP ngày 21/6/2021 của Chính phủ.")
    assert doc and all(type(f) is Finding for f in doc)
    assert doc[0].code == "number-year-mismatch" and doc[0].message_vi
    assert doc[0].field is None and doc[0].span != (0, 0)
    # seed 002 (báo cáo quý I/2022, Sở Y tế BR-VT) keeps its slips: the checks find them
    rep = check_report(example_report())
    assert rep and all(type(f) is Finding for f in rep)
    assert all(f.field for f in rep)
    assert str(rep[0]).startswith(f"{rep[0].severity.value}: {rep[0].field}: ")
