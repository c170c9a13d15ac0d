"""Reporting case results: text for people, JSON for programs, JUnit XML for CI servers.

JUnit XML (the format GitLab, Jenkins, Azure DevOps and GitHub test reporters read) has one
``<testsuite>`` per case file and one ``<testcase>`` per case; a failing case carries a
``<failure>`` with the readable diff, a case the library raised on an ``<error>``. The file
is written atomically (a temporary file renamed into place) and replaced on each run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cchc._data import write_output

from .run import CaseResult, Status

__all__ = ["junit_xml", "summary", "summary_dict", "write_junit_xml"]


def summary(results: Sequence[CaseResult]) -> str:
    """One line: ``12 cases in 3 files: 11 passed, 1 failed``."""
    counts = Counter(r.status for r in results)
    files = len({r.file for r in results})
    parts = [f"{counts[s]} {s.value}" for s in Status if counts[s] or s is Status.PASSED]
    noun = "case" if len(results) == 1 else "cases"
    fnoun = "file" if files == 1 else "files"
    return f"{len(results)} {noun} in {files} {fnoun}: {', '.join(parts)}"


def summary_dict(results: Sequence[CaseResult]) -> dict[str, Any]:
    """The ``--json`` document: counts and every result."""
    counts = Counter(r.status for r in results)
    return {
        "files": len({r.file for r in results}),
        "cases": len(results),
        **{s.value: counts[s] for s in Status},
        "results": [r.to_dict() for r in results],
    }


def junit_xml(results: Sequence[CaseResult]) -> bytes:
    """The JUnit XML document of ``results`` (UTF-8 bytes with an XML declaration)."""
    root = ET.Element("testsuites", name="cchc verify")
    by_file: dict[str, list[CaseResult]] = {}
    for r in results:
        by_file.setdefault(r.file, []).append(r)
    totals: Counter[str] = Counter()
    for file, cases in by_file.items():
        counts = Counter(r.status for r in cases)
        seconds = sum(r.seconds for r in cases)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=file,
            tests=str(len(cases)),
            failures=str(counts[Status.FAILED]),
            errors=str(counts[Status.ERROR]),
            skipped="0",
            time=f"{seconds:.6f}",
        )
        for r in cases:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=_classname(file),
                name=r.name,
                file=file,
                time=f"{r.seconds:.6f}",
            )
            if r.line is not None:
                case.set("line", str(r.line))
            if r.status is Status.FAILED:
                first = r.mismatches[0] if r.mismatches else None
                message = (
                    f"{first.field}: expected {first.expected}, actual {first.actual}"
                    if first
                    else "failed"
                )
                ET.SubElement(case, "failure", message=message, type="mismatch").text = r.diff()
            elif r.status is Status.ERROR:
                ET.SubElement(case, "error", message=r.error or "", type="error").text = r.diff()
            props = ET.SubElement(case, "properties")
            ET.SubElement(props, "property", name="source", value=r.source)
            ET.SubElement(props, "property", name="kind", value=r.kind)
        totals.update(tests=len(cases), failures=counts[Status.FAILED], errors=counts[Status.ERROR])
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _classname(file: str) -> str:
    """``tests/verify/cases/due_dates.cchc.yaml`` -> ``due_dates``."""
    name = Path(file).name
    for suffix in (".cchc.yaml", ".cchc.yml", ".cchc.json", ".yaml", ".yml", ".json"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def write_junit_xml(results: Sequence[CaseResult], path: str | Path) -> Path:
    """Write :func:`junit_xml` to ``path`` by cchc's one rule for output files
    (:func:`cchc._data.write_output`: atomically, missing folders created); a report from
    an earlier run is replaced, as CI expects.

    Raises:
        OutputError: ``path`` is a folder or cannot be written.
    """
    return write_output(path, junit_xml(results), force=True)
