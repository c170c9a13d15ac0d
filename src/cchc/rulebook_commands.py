"""CLI: ``cchc rules --on DATE [--domain D] [--json]``, ``cchc rules --diff D1 D2``,
``cchc sources [--unconfirmed] [--json]``."""

from __future__ import annotations

import argparse

from cchc._cli_util import iso_date, print_json, print_table
from cchc.legal import Verification, sources
from cchc.rulebook import DOMAINS, diff, rules_in_force

__all__ = ["add_rules_arguments", "add_sources_arguments"]


def add_rules_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc rules``."""
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=iso_date, metavar="DATE", help="list the rules in force on DATE")
    when.add_argument(
        "--diff",
        type=iso_date,
        nargs=2,
        metavar=("D1", "D2"),
        help="rules that differ on D1 and D2",
    )
    p.add_argument("--domain", choices=list(DOMAINS), help="only the rules of one domain")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_rules)


def add_sources_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc sources``."""
    p.add_argument(
        "--unconfirmed", action="store_true", help="only sources not read in the original"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_sources)


def _rules(args: argparse.Namespace) -> int:
    if args.diff is not None:
        changes = diff(args.diff[0], args.diff[1], domain=args.domain)
        if args.json:
            print_json(
                [
                    {"domain": c.domain, "name": c.name, "before": c.before, "after": c.after}
                    for c in changes
                ]
            )
        else:
            print_table(
                ["domain", "rule", args.diff[0].isoformat(), args.diff[1].isoformat()],
                [(c.domain, c.name, c.before or "-", c.after or "-") for c in changes],
            )
        return 0
    rules = rules_in_force(args.on, domain=args.domain)
    if args.json:
        print_json([r.to_dict() for r in rules])
    else:
        print_table(
            ["domain", "rule", "value", "sources"],
            [(r.domain, r.name, r.value, ", ".join(s.key or "" for s in r.sources)) for r in rules],
        )
    return 0


def _sources(args: argparse.Namespace) -> int:
    rows = [
        s
        for s in sources().values()
        if not args.unconfirmed or s.verification is not Verification.ORIGINAL
    ]
    if args.json:
        print_json(
            [
                {
                    "key": s.key,
                    "citation": s.cite(),
                    "effective_from": s.effective_from,
                    "effective_to": s.effective_to,
                    "verification": s.verification.value,
                    "note": s.note,
                }
                for s in rows
            ]
        )
    else:
        print_table(
            ["key", "number", "verification", "in force"],
            [
                (
                    s.key,
                    s.number,
                    s.verification.value,
                    f"{s.effective_from or ''}..{s.effective_to or ''}",
                )
                for s in rows
            ],
        )
    return 0
