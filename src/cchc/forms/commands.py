"""CLI: ``cchc form KIND --dossier FILE.json --procedure CODE --agency NAME``."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from cchc._cli_util import add_force, print_json
from cchc._data import read_user_text
from cchc._model import with_source
from cchc.dossiers import Dossier
from cchc.errors import CchcError, DataFileError

from .fill import fill
from .kinds import FormKind
from .regimes import REGIME_KEYS

__all__ = ["register"]

_KINDS = [k.value for k in FormKind if k is not FormKind.TRACKING_BOOK]
_TEXT = ("applicant", "officer", "signer", "reason", "address", "phone", "email", "place")


def register(subparsers: Any) -> None:
    """Add the ``form`` sub-command."""
    p = subparsers.add_parser(
        "form",
        help="fill a one-stop form (biểu mẫu một cửa) from a dossier JSON file",
        description="Fill the form KIND from the dossier in FILE.json (the JSON of "
        "cchc.dossiers.Dossier). The regime (TT 01/2018 or TT 03/2025) follows the date of "
        "the event that produces the form. Prints Markdown, or JSON with --json; --docx "
        "also writes a Word file.",
    )
    p.add_argument("kind", choices=_KINDS, help="form kind")
    p.add_argument("--dossier", required=True, type=Path, help="dossier JSON file")
    p.add_argument("--procedure", required=True, help="procedure code (mã TTHC)")
    p.add_argument("--agency", required=True, help="agency name in the header")
    p.add_argument("--regime", choices=REGIME_KEYS, help="override the regime in force")
    p.add_argument("--docx", type=Path, help="also write the form as .docx here")
    add_force(p)
    p.add_argument("--json", action="store_true", help="print the form as JSON")
    for name in _TEXT:
        p.add_argument(f"--{name}", help=f"input {name}= of cchc.forms.fill")
    p.add_argument("--missing", action="append", help="paper to supplement (repeatable)")
    p.add_argument("--paper", action="append", dest="papers", help="paper received (repeatable)")
    p.add_argument("--copies", type=int, help="number of sets (default 1)")
    p.add_argument("--contact", help="contact phone printed on the supplement request")
    p.set_defaults(handler=_form)


def _load(path: Path) -> Dossier:
    try:
        text = read_user_text(path)
    except DataFileError as exc:
        reason = exc.message.removeprefix("cannot read file: ")
        raise DataFileError(f"cannot read the dossier file: {reason}", source=str(path)) from None
    try:
        return Dossier.model_validate_json(text)
    except CchcError as exc:
        raise with_source(exc, str(path)) from None


_FLAGS = {
    **{name: f"--{name}" for name in (*_TEXT, "missing", "copies", "contact", "regime")},
    "papers": "--paper",
}
"""The keyword of :func:`cchc.forms.fill` and the option that gives it here."""


def _in_flags(exc: CchcError) -> CchcError:
    """``exc`` naming the command's options instead of ``fill``'s keywords."""
    flag = _FLAGS.get(exc.field or "")
    if flag is None:
        return exc
    name = re.escape(exc.field or "")
    message = re.sub(rf"\b{name}=\[\.\.\.\]", f"{flag} TEXT (repeatable)", exc.message)
    message = re.sub(rf"\b{name}=\.\.\.", flag, message)
    message = re.sub(rf"\binput '{name}'", f"option {flag}", message)
    return type(exc)(message, row=exc.row, source=exc.source)  # the message names it


def _form(args: argparse.Namespace) -> int:
    inputs = {name: getattr(args, name) for name in (*_TEXT, "missing", "papers", "copies")}
    dossier = _load(args.dossier)
    try:
        form = fill(
            args.kind,
            dossier,
            procedure=args.procedure,
            agency=args.agency,
            regime=args.regime,
            contact=args.contact,
            **inputs,
        )
    except CchcError as exc:
        raise _in_flags(exc) from None
    if args.docx is not None:
        form.to_docx(args.docx, force=args.force)
    if args.json:
        print_json(form)
    else:
        print(form.to_markdown(), end="")
        if args.docx is not None:
            print(f"\nWrote {args.docx}")
    return 0
