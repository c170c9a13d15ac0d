"""CLI: ``cchc verify FILE|DIR ... [-k TEXT] [--junit-xml PATH] [--json] [--quiet]``,
``cchc verify --schema``.

Exit code 0 when every case passes, 1 when one fails (a diff is printed for each), 2 when a
case file is bad (one line ``cchc: error: FILE, row LINE, item CASE, field F: ...``).
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["add_arguments", "verify"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc verify``."""
    p.description = (
        "Run verification cases: each case's input through cchc, its answer "
        "compared with the expected one. A directory is searched for *.cchc.yaml, "
        "*.cchc.yml and *.cchc.json files. Exit 0: all passed; 1: a case failed; "
        "2: a bad case file."
    )
    p.add_argument("paths", nargs="*", metavar="FILE|DIR", help="case files or directories")
    p.add_argument(
        "--junit-xml", metavar="PATH", help="also write the results as JUnit XML (for CI)"
    )
    p.add_argument(
        "-k", "--name", metavar="TEXT", help="run only the cases whose name contains TEXT"
    )
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="print only failures and the summary")
    p.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of a case file and exit"
    )
    p.set_defaults(handler=verify)


def verify(args: argparse.Namespace) -> int:
    """Run the cases named by ``args.paths``; the exit code (0 pass, 1 fail)."""
    from cchc.errors import ValidationError
    from cchc.verify import case_file_schema, load_paths, run_files
    from cchc.verify.report import summary, summary_dict, write_junit_xml

    if args.schema:
        json.dump(case_file_schema(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not args.paths:
        raise ValidationError("name at least one case file or directory", field="FILE|DIR")
    results = run_files(load_paths(args.paths), match=args.name)
    if not results:
        raise ValidationError(f"no case name contains {args.name!r}", field="--name")
    if args.junit_xml:
        write_junit_xml(results, args.junit_xml)
    failed = [r for r in results if not r.passed]
    if args.json:
        json.dump(summary_dict(results), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in results:
            if r.passed and not args.quiet:
                print(f"PASSED {r.where} {r.name}")
        for r in failed:
            print(r.diff())
        print(summary(results))
    return 1 if failed else 0
