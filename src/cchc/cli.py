"""The ``cchc`` command: a thin layer over the library.

Each concept registers its own sub-commands from a small module
(``cchc.<concept>.commands``) exposing ``register(subparsers)``; every
sub-command has ``--help`` and, where it prints data, a ``--json`` option.
Errors of the library (:class:`cchc.errors.CchcError`) are printed to stderr
with exit code 2; no traceback is shown for bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from cchc import __version__
from cchc.errors import CchcError

__all__ = ["build_parser", "main"]

COMMAND_MODULES: tuple[str, ...] = (
    "cchc.demo",
    "cchc.calendar.commands",
    "cchc.dossiers.commands",
    "cchc.documents.commands",
    "cchc.plans.commands",
    "cchc.reporting.commands",
    "cchc.indices.commands",
    "cchc.rulebook_commands",
)
"""Modules that add sub-commands, in the order they appear in ``--help``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="cchc",
        description="Vietnamese administrative reform (cải cách hành chính) rules and calculators.",
    )
    parser.add_argument("--version", action="version", version=f"cchc {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except CchcError as exc:
        print(f"cchc: error: {exc}", file=sys.stderr)
        return 2
    return code
