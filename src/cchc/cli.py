"""The ``cchc`` command: a thin layer over the library, ``cchc <noun> <verb>``.

Each concept registers its verbs from a small module (``cchc.<concept>.commands``)
exposing ``register(verbs)`` (a top-level command: ``add_arguments(parser)``); every
command has ``--help``, every positional and choice has help text, and every command that
prints data has ``--json``.

======================  =================================================
noun                    verbs
======================  =================================================
``calendar``            ``days YEAR``, ``add-days DATE N``, ``is-working DATE``
``dossier``             ``due RECEIVED_AT AMOUNT``, ``stats FILE.csv``, ``payload FILE.json``
``document``            ``lint FILE``, ``citations FILE``, ``deadlines FILE``
``plan``                ``status FILE``
``report``              ``period KIND YEAR``, ``check FILE``, ``render FILE``
``index``               ``score FRAMEWORK INPUTS``, ``frameworks``
======================  =================================================

plus ``cchc demo``, ``cchc example NAME`` (a bundled sample file to start from),
``cchc rules``, ``cchc sources`` and ``cchc form KIND`` (a one-stop form filled from a
dossier). ``docs/cli.md`` lists every command (a test compares it with the parser).
The names of earlier versions stay as aliases: ``cchc due`` is ``cchc dossier due``,
``cchc calendar 2025`` is ``cchc calendar days 2025`` (see :data:`ALIASES`).

Adding a command
----------------
A command is imported only when it runs, so that ``cchc --help`` and a quick
``cchc calendar is-working DATE`` do not pay for the whole library:

* a new **noun**: one row ``(noun, help, module)`` in :data:`NOUNS`; ``module`` has
  ``register(verbs)`` adding the noun's verbs to the ``verbs`` sub-parsers;
* a new **top-level command**: one row ``(command, help, "module:function")`` in
  :data:`TOP_LEVEL`; ``function(parser)`` adds the arguments (and a ``description``, if
  any) to the parser made for ``command`` with that ``help`` (one module may serve
  several commands, a function each).

Only the module of the command asked for is imported (all of them for
:func:`build_parser` without argument, which the tests and the docs use); each
``register`` only builds parsers and sets ``handler``, the library being imported by
the handler or at the module's top, never needed to show ``--help``.

Errors
------
Errors of the library (:class:`cchc.errors.CchcError`) are printed to stderr in
shell terms (``--provisional``, "add +07:00") as one line ``cchc: error: ...`` with
exit code 2; no traceback is shown for bad input, nor for output that cannot be
written (a full disk, a closed standard output, an encoding that cannot hold
Vietnamese: set ``PYTHONIOENCODING=utf-8``). A closed pipe (``cchc ... | head``)
ends quietly with 0; Ctrl-C ends quietly with 130. Files are written with
:func:`cchc._data.write_output`: atomically, parents created, an existing file
replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from cchc import __version__
from cchc._shell import shell_message
from cchc.errors import CchcError

__all__ = ["ALIASES", "NOUNS", "TOP_LEVEL", "build_parser", "main", "shell_message"]

NOUNS: tuple[tuple[str, str, str], ...] = (
    (
        "calendar",
        "official working calendar (lịch làm việc): days off, working-day arithmetic",
        "cchc.calendar.commands",
    ),
    (
        "dossier",
        "dossiers (hồ sơ): due dates, statistics, portal payloads",
        "cchc.dossiers.commands",
    ),
    (
        "document",
        "directive documents (văn bản): lint, citations, deadlines",
        "cchc.documents.commands",
    ),
    ("plan", "CCHC plans (kế hoạch): completion, overdue tasks", "cchc.plans.commands"),
    ("report", "periodic CCHC reports (báo cáo định kỳ)", "cchc.reporting.commands"),
    ("index", "index frameworks and scoring (chỉ số CCHC)", "cchc.indices.commands"),
    (
        "procedure",
        "procedures (thủ tục hành chính): national records, time limits",
        "cchc.procedures.commands",
    ),
)
"""(noun, help, module): the module's ``register`` adds the noun's verbs."""

TOP_LEVEL: tuple[tuple[str, str, str], ...] = (
    ("demo", "a tour of cchc on the bundled official data", "cchc.demo:add_arguments"),
    (
        "example",
        "write a bundled sample file (plan, report, dossiers CSV, index inputs)",
        "cchc.samples:add_arguments",
    ),
    (
        "rules",
        "the rules in force on a date with their sources, or what changed",
        "cchc.rulebook_commands:add_rules_arguments",
    ),
    (
        "sources",
        "the source registry with each reading status",
        "cchc.rulebook_commands:add_sources_arguments",
    ),
    (
        "form",
        "fill a one-stop form (biểu mẫu một cửa) from a dossier JSON file",
        "cchc.forms.commands:add_arguments",
    ),
    (
        "serve",
        "run the web service (HTTP API /v1, OpenAPI, desk page at /)",
        "cchc.server.commands:add_arguments",
    ),
    (
        "verify",
        "run verification cases (ca kiểm thử) written as data: *.cchc.yaml files",
        "cchc.verify.commands:add_arguments",
    ),
)
"""(command, help, "module:function"): the function adds the arguments of the top-level
``command`` to its parser, made here with this help (the one place it is written)."""

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

_INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""


_ESCAPES = {"\\t": "\t", "tab": "\t", "TAB": "\t"}
"""Spellings of a tab a shell passes literally to ``--delimiter`` (``'\\t'``, ``tab``)."""


def _unescape_delimiter(argv: list[str]) -> list[str]:
    """``--delimiter '\\t'`` (backslash, t: what a shell passes) means a tab."""
    out = list(argv)
    for n, word in enumerate(out):
        if word == "--delimiter" and n + 1 < len(out):
            out[n + 1] = _ESCAPES.get(out[n + 1], out[n + 1])
        elif word.startswith("--delimiter="):
            value = word.partition("=")[2]
            out[n] = f"--delimiter={_ESCAPES.get(value, value)}"
    return out


def _expand_aliases(argv: list[str]) -> list[str]:
    argv = _unescape_delimiter(argv)
    if not argv:
        return argv
    head, rest = argv[0], argv[1:]
    if head in ALIASES:
        return [*ALIASES[head], *rest]
    if head == "calendar" and rest and rest[0].lstrip("-").isdigit():
        return ["calendar", "days", *rest]
    return argv


def _register(module: str, subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    importlib.import_module(module).register(subparsers)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser.

    With ``command`` (a noun or a top-level command), only that command's module is
    imported and registered; every other command is listed by name and help alone.
    Without, every module is registered (the whole tree, for tests and docs). An
    unknown ``command`` registers none (``--help`` and the "invalid choice" message
    need only the names).
    """
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
        if command is None or command == noun:
            _register(module, verbs)
    for name, text, target in TOP_LEVEL:
        if command is None or command == name:
            module, _, function = target.partition(":")
            add_arguments = getattr(importlib.import_module(module), function)
            add_arguments(subparsers.add_parser(name, help=text))
        else:  # listed by name; its arguments are added when it is asked for
            subparsers.add_parser(name, help=text, description=text, add_help=False)
    return parser


def _command(argv: Sequence[str]) -> str:
    """The command word of ``argv`` ("" when there is none: ``--help``, ``--version``)."""
    for word in argv:
        if not word.startswith("-"):
            return word
        if word in ("-h", "--help", "--version"):
            return ""
    return ""


def _say(message: str) -> None:
    """Write one line to stderr, whatever its encoding (unencodable characters escaped)."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(message + "\n")
        stream.flush()
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(message.encode(encoding, "backslashreplace").decode(encoding) + "\n")
        stream.flush()
    except OSError:
        return  # stderr itself cannot be written: nothing more can be said


def _detach_stdout() -> None:
    """Point fd 1 at devnull so that the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def _io_failed(exc: UnicodeEncodeError | OSError) -> str:
    """The one-line message for input or output the system refused."""
    if isinstance(exc, UnicodeEncodeError):
        encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
        return (
            f"cannot print {exc.object[exc.start : exc.end]!r} in the output encoding "
            f"{encoding}: set PYTHONIOENCODING=utf-8 (or a UTF-8 locale)"
        )
    if exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return f"cannot write the output: {exc.strerror or exc}"


def _chosen(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the command that ran (``cchc plan status``: the ``status`` parser)."""
    while True:
        sub = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        name = getattr(args, sub[0].dest, None) if sub else None
        if name is None or name not in sub[0].choices:
            return parser
        parser = sub[0].choices[name]


def _in_arguments(
    exc: CchcError, parser: argparse.ArgumentParser, args: argparse.Namespace | None
) -> CchcError:
    """``exc`` naming the command's option (``argument --as-of``) instead of the Python
    keyword it was given as (``field as_of``), when the command has that option."""
    if args is None or exc.field is None:
        return exc
    for action in _chosen(parser, args)._actions:
        if action.dest != exc.field or not action.option_strings:
            continue
        name = max(action.option_strings, key=len)
        renamed = exc.relocated(field=name)
        renamed.args = (str(renamed).replace(f"field {name}", f"argument {name}", 1),)
        return renamed
    return exc


_PROVISIONAL_ADVICE = "; add --provisional for a rule-derived answer"


def _offered(message: str, args: argparse.Namespace | None) -> str:
    """``message`` without advice to add ``--provisional`` when the command has no such
    option (``plan status``): it answers only inside the calendar's coverage."""
    if args is None or "provisional" in vars(args) or _PROVISIONAL_ADVICE not in message:
        return message
    return message.replace(_PROVISIONAL_ADVICE, "; this command answers only inside it")


OUTPUT_OPTIONS = ("bad_rows", "docx", "xlsx", "output")
"""The options that name a file a command writes: checked before the command works."""


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse an output file that cannot be written (a folder, an existing file without
    ``--force``) before the command reads its input, not after all its work. ``-o -`` is
    left to the command (``cchc example`` prints to standard output)."""
    named = [getattr(args, name, None) for name in OUTPUT_OPTIONS]
    if any(value is not None and str(value) != "-" for value in named):
        from cchc._data import check_output

        force = getattr(args, "force", None)  # no --force: the command decides
        for value in named:
            if value is not None and str(value) != "-":
                check_output(value, force=None if force is None else bool(force))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args_list = _expand_aliases(list(sys.argv[1:] if argv is None else argv))
    if sys.stdout is None:  # started with stdout closed (``>&-``)
        _say("cchc: error: standard output is closed: give the command somewhere to write")
        return 2
    parser: argparse.ArgumentParser | None = None
    args: argparse.Namespace | None = None
    try:
        # Building the parser imports the command's module: Ctrl-C may come during it too.
        parser = build_parser(_command(args_list))
        args = parser.parse_args(args_list)
        _check_outputs(args)
        code: int = args.handler(args)
        sys.stdout.flush()
    except CchcError as exc:
        named = exc if parser is None else _in_arguments(exc, parser, args)
        _say(f"cchc: error: {_offered(shell_message(str(named)), args)}")
        return 2
    except BrokenPipeError:
        # The reader of our output went away (``cchc ... | head``): stop quietly.
        _detach_stdout()
        return 0
    except KeyboardInterrupt:
        _detach_stdout()
        return _INTERRUPTED
    except (UnicodeEncodeError, OSError) as exc:
        if isinstance(exc, OSError) and exc.filename is None:
            _detach_stdout()  # the standard output failed (a full disk, a closed descriptor)
        _say(f"cchc: error: {_io_failed(exc)}")
        return 2
    return code
