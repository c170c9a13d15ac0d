"""The ``cchc`` command: a thin layer over the library, ``cchc <noun> <verb>``.

Each concept registers its verbs from a small module (``cchc.<concept>.commands``)
exposing ``register(subparsers)``; every command has ``--help``, every positional
and choice has help text, and every command that prints data has ``--json``.

======================  =================================================
noun                    verbs
======================  =================================================
``calendar``            ``days YEAR``, ``add-days DATE N``, ``is-working DATE``
``dossier``             ``due RECEIVED_AT AMOUNT``, ``stats FILE.csv``
``document``            ``lint FILE``, ``citations FILE``, ``deadlines FILE``
``plan``                ``status FILE``
``report``              ``period KIND YEAR``, ``check FILE``, ``render FILE``
``index``               ``score FRAMEWORK INPUTS``, ``frameworks``
======================  =================================================

plus ``cchc demo``, ``cchc example NAME`` (a bundled sample file to start from) and
``cchc form KIND`` (a one-stop form filled from a dossier).
The names of earlier versions stay as aliases: ``cchc due`` is ``cchc dossier due``,
``cchc calendar 2025`` is ``cchc calendar days 2025`` (see :data:`ALIASES`).

Errors of the library (:class:`cchc.errors.CchcError`) are printed to stderr in
shell terms (``--provisional``, "add +07:00") with exit code 2; no traceback is
shown for bad input. A closed pipe (``cchc ... | head``) ends quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from cchc import __version__
from cchc.errors import CchcError

__all__ = ["ALIASES", "NOUNS", "TOP_LEVEL", "build_parser", "main", "shell_message"]

NOUNS: tuple[tuple[str, str, str], ...] = (
    (
        "calendar",
        "official working calendar (lịch làm việc): days off, working-day arithmetic",
        "cchc.calendar.commands",
    ),
    ("dossier", "dossiers (hồ sơ): due dates and statistics", "cchc.dossiers.commands"),
    (
        "document",
        "directive documents (văn bản): lint, citations, deadlines",
        "cchc.documents.commands",
    ),
    ("plan", "CCHC plans (kế hoạch): completion, overdue tasks", "cchc.plans.commands"),
    ("report", "periodic CCHC reports (báo cáo định kỳ)", "cchc.reporting.commands"),
    ("index", "index frameworks and scoring (chỉ số CCHC)", "cchc.indices.commands"),
)
"""(noun, help, module): the module's ``register`` adds the noun's verbs."""

TOP_LEVEL: tuple[str, ...] = (
    "cchc.demo",
    "cchc.samples",
    "cchc.rulebook_commands",
    "cchc.forms.commands",
    "cchc.server.commands",
)
"""Modules whose ``register`` adds top-level commands."""

ALIASES: dict[str, tuple[str, ...]] = {
    "add-days": ("calendar", "add-days"),
    "is-working": ("calendar", "is-working"),
    "due": ("dossier", "due"),
    "stats": ("dossier", "stats"),
    "lint": ("document", "lint"),
    "citations": ("document", "citations"),
    "deadlines": ("document", "deadlines"),
    "score": ("index", "score"),
    "frameworks": ("index", "frameworks"),
}
"""Command names of earlier versions and the ``noun verb`` they stand for."""

_SHELL_TERMS: tuple[tuple[str, str], ...] = (
    ("read it with delimiter=';'", "pass --delimiter ';'"),
    ("read it with delimiter='\\t'", "pass --delimiter $'\\t'"),
    ("read it with delimiter='|'", "pass --delimiter '|'"),
    ("pass provisional=True", "add --provisional"),
    ("provisional=True", "--provisional"),
    (
        "; give an aware datetime (e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
        ": add the offset, e.g. 2025-01-24T09:00+07:00",
    ),
    (
        "(e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
        "(add the offset, e.g. 2025-01-24T09:00+07:00)",
    ),
)


def shell_message(message: str) -> str:
    """A library message in shell terms: options instead of Python arguments."""
    for python, shell in _SHELL_TERMS:
        message = message.replace(python, shell)
    return message


def _expand_aliases(argv: list[str]) -> list[str]:
    if not argv:
        return argv
    head, rest = argv[0], argv[1:]
    if head in ALIASES:
        return [*ALIASES[head], *rest]
    if head == "calendar" and rest and rest[0].lstrip("-").isdigit():
        return ["calendar", "days", *rest]
    return argv


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every noun, verb and top-level command registered."""
    parser = argparse.ArgumentParser(
        prog="cchc",
        description="Vietnamese administrative reform (cải cách hành chính) rules and "
        "calculators: cchc <noun> <verb> [options]; each has --help.",
        epilog="Earlier names still work: "
        + ", ".join(f"{old} = {' '.join(new)}" for old, new in ALIASES.items())
        + ", calendar YEAR = calendar days YEAR.",
    )
    parser.add_argument("--version", action="version", version=f"cchc {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for noun, text, module in NOUNS:
        noun_parser = subparsers.add_parser(noun, help=text, description=text)
        verbs = noun_parser.add_subparsers(dest=f"{noun}_verb", metavar="VERB")
        verbs.required = True
        importlib.import_module(module).register(verbs)
    for module in TOP_LEVEL:
        importlib.import_module(module).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(_expand_aliases(list(sys.argv[1:] if argv is None else argv)))
    try:
        code: int = args.handler(args)
        sys.stdout.flush()
    except CchcError as exc:
        print(f"cchc: error: {shell_message(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of our output went away (``cchc ... | head``): stop quietly. Point
        # stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code
