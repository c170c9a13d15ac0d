"""CLI: ``cchc form KIND --dossier FILE.json --procedure CODE --agency NAME``.

``--procedure-file FILE`` reads procedures from outside the bundled sample: national portal
records (the portal's ``LayThuTuc`` items, a JSON array or JSON lines, read by
:func:`cchc.procedures.parse_portal_records`) or one :class:`cchc.procedures.Procedure` as
JSON (``Procedure.model_dump_json()``). ``--procedure CODE`` picks one when the file holds
several.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from cchc._cli_util import add_force, print_json
from cchc._data import parse_json_text, read_user_text
from cchc._model import with_source
from cchc.dossiers import Dossier
from cchc.errors import CchcError, DataFileError, ValidationError
from cchc.procedures import Procedure
from cchc.procedures.catalogue import parse_portal_records

from .fill import fill
from .kinds import FormKind
from .regimes import REGIME_KEYS

__all__ = ["add_arguments"]

_KINDS = [k.value for k in FormKind if k is not FormKind.TRACKING_BOOK]
_TEXT = ("applicant", "officer", "signer", "reason", "address", "phone", "email", "place")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc form``."""
    p.description = (
        "Fill the form KIND from the dossier in FILE.json (the JSON of "
        "cchc.dossiers.Dossier). The regime (TT 01/2018 or TT 03/2025) follows the date of "
        "the event that produces the form. Prints Markdown, or JSON with --json; --docx "
        "also writes a Word file."
    )
    p.add_argument("kind", choices=_KINDS, help="form kind")
    p.add_argument("--dossier", required=True, type=Path, help="dossier JSON file")
    p.add_argument("--procedure", help="procedure code (mã TTHC)")
    p.add_argument(
        "--procedure-file",
        type=Path,
        help="procedures outside the bundled sample: national portal records (JSON array or "
        "JSON lines) or one cchc Procedure JSON; --procedure CODE picks one of several",
    )
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


def _read(path: Path, what: str) -> str:
    """The text of ``path``; a file that cannot be read is named as ``what``."""
    try:
        return read_user_text(path)
    except DataFileError as exc:
        reason = exc.message.removeprefix("cannot read file: ")
        raise DataFileError(f"cannot read {what}: {reason}", source=str(path)) from None


def _load(path: Path) -> Dossier:
    text = _read(path, "the dossier file")
    try:
        return Dossier.model_validate_json(text)
    except CchcError as exc:
        raise with_source(exc, str(path)) from None


def _procedure(args: argparse.Namespace, dossier: Dossier) -> Procedure | str:
    """The procedure of ``--procedure-file`` (picked by ``--procedure`` or the dossier's
    code), else the code of ``--procedure`` (looked up in the bundled sample)."""
    path: Path | None = args.procedure_file
    if path is None:
        if args.procedure is None:
            raise ValidationError(
                "give --procedure CODE (bundled sample) or --procedure-file FILE",
            )
        code: str = args.procedure
        return code
    found = _read_procedures(path)
    wanted = args.procedure or dossier.procedure_code
    if wanted is not None:
        match = [p for p in found if p.code == wanted]
        if not match:
            raise ValidationError(
                f"procedure {wanted!r} is not in --procedure-file "
                f"(it holds {', '.join(sorted({p.code for p in found})[:5])})",
                source=str(path),
            )
        found = match
    if len(found) > 1:
        raise ValidationError(
            f"--procedure-file holds {len(found)} procedures; choose one with --procedure CODE",
            source=str(path),
        )
    return found[0]


def _read_procedures(path: Path) -> list[Procedure]:
    """Portal records (array or lines) or one cchc Procedure JSON from ``path``."""
    text = _read(path, "the --procedure-file")
    try:
        if text.lstrip().startswith("{") and "\n{" not in text.strip():
            data = parse_json_text(text, source=str(path))
            if isinstance(data, dict) and "MATTHC" not in data:
                try:
                    return [Procedure.model_validate_json(text)]
                except CchcError as exc:
                    raise DataFileError(
                        "the --procedure-file is neither national portal records (MATTHC, "
                        f"TENTTHC ...) nor a cchc Procedure JSON: {exc.message}",
                        source=str(path),
                    ) from None
        procedures = parse_portal_records(text, source=str(path))
    except CchcError as exc:
        raise with_source(exc, str(path)) from None
    if not procedures:
        raise DataFileError("the --procedure-file holds no procedure", source=str(path))
    return procedures


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
    procedure = _procedure(args, dossier)
    try:
        form = fill(
            args.kind,
            dossier,
            procedure=procedure,
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
