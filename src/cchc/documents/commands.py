"""CLI: ``cchc document lint FILE``, ``document citations FILE``, ``document deadlines FILE``."""

from __future__ import annotations

import argparse
from typing import Any

from cchc._cli_util import add_json, iso_date, print_json, print_table
from cchc._data import read_user_text
from cchc.documents.citations import parse_citations
from cchc.documents.deadlines import Deadline, extract_deadlines
from cchc.documents.lint import lint
from cchc.reporting.commands import add_regime

__all__ = ["register"]


def _read(path: str) -> str:
    """The file's text (shared strict reader; a leading byte-order mark is dropped)."""
    return read_user_text(path).removeprefix("\ufeff")


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc document``."""
    p = subparsers.add_parser(
        "lint", help="check a document or report for inconsistent citations, dates and figures"
    )
    p.add_argument("file", help="UTF-8 text file of the document")
    p.add_argument("--issued-on", type=iso_date, help="the document's own date (YYYY-MM-DD)")
    add_regime(
        p,
        "reporting regime whose data windows define a report's quarter: bnv-cchc "
        "(Công văn 581/BNV-CCHC, default) or nd09-2019 (Nghị định 09/2019/NĐ-CP)",
    )
    add_json(p)
    p.set_defaults(handler=_lint)

    p = subparsers.add_parser("citations", help="list the documents cited in a text")
    p.add_argument("file", help="UTF-8 text file of the document")
    add_json(p)
    p.set_defaults(handler=_citations)

    p = subparsers.add_parser("deadlines", help="list the deadlines a directive sets")
    p.add_argument("file", help="UTF-8 text file of the document")
    p.add_argument("--issued-on", type=iso_date, help="the document's own date (YYYY-MM-DD)")
    add_json(p)
    p.set_defaults(handler=_deadlines)


def _lint(args: argparse.Namespace) -> int:
    text = _read(args.file)
    findings = lint(text, issued_on=args.issued_on, regime=args.regime)
    if args.json:
        print_json(findings)
    else:
        for f in findings:
            line = text.count("\n", 0, f.span[0]) + 1
            print(f"{args.file}:{line}: {f.severity.value} [{f.code}] {f.message}")
            print(f"    {f.message_vi}")
        print(f"{len(findings)} finding(s)")
    return 1 if findings else 0


def _citations(args: argparse.Namespace) -> int:
    cits = parse_citations(_read(args.file))
    if args.json:
        print_json(cits)
        return 0
    rows = [
        (
            c.span[0],
            c.doc_type.value if c.doc_type else "",
            c.number_text,
            c.issued_on.isoformat() if c.issued_on else (c.date_text or ""),
            c.issuer or "",
            c.role.value,
        )
        for c in cits
    ]
    print_table(["offset", "type", "number", "date", "issuer", "role"], rows)
    return 0


def _due(d: Deadline) -> str:
    """The due date, marked when its year was inferred or it was moved off a day off."""
    if d.due_on is None:
        return f"from {d.counted_from_event.value}" if d.counted_from_event else ""
    marks = ("year inferred",) * d.year_inferred + ("moved off a day off",) * bool(d.rolled_from)
    return d.due_on.isoformat() + (f" ({', '.join(marks)})" if marks else "")


def _deadlines(args: argparse.Namespace) -> int:
    found = extract_deadlines(_read(args.file), issued_on=args.issued_on)
    if args.json:
        print_json(found)
        return 0
    rows = [
        (
            d.kind.value,
            _due(d),
            d.text,
            d.actor or "",
            d.report_to or "",
        )
        for d in found
    ]
    print_table(["kind", "due", "phrase", "who", "report to"], rows)
    return 0
