"""What every form filler needs: keyword inputs, the procedure, the event, the frame."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from cchc.dossiers import Dossier, Event, EventKind
from cchc.errors import ValidationError
from cchc.procedures import Catalogue, Procedure, load_portal_sample, load_sample_catalogue
from cchc.tz import to_vn

from .kinds import FormKind, MissingInputError
from .model import Form
from .parts import FormField, FormTable, Signature
from .regimes import Regime, regime, regime_in_force
from .vndates import day_text

__all__ = ["Inputs", "build_form", "find_event", "pick_regime", "resolve_procedure"]

_TEXT_INPUTS = (
    "applicant",
    "officer",
    "signer",
    "address",
    "phone",
    "email",
    "reason",
    "return_at",
    "place",
    "contact",
    "code",
    "book_no",
    "entry_no",
)
_LIST_INPUTS = ("papers", "missing")
_INT_INPUTS = ("copies",)


class Inputs:
    """The keyword inputs of :func:`cchc.forms.fill`, checked by name and type."""

    def __init__(self, kind: FormKind, raw: Mapping[str, Any]) -> None:
        self.kind = kind
        known = (*_TEXT_INPUTS, *_LIST_INPUTS, *_INT_INPUTS)
        for name, value in raw.items():
            if name not in known:
                raise ValidationError(
                    f"unknown form input {name!r}; known inputs: {', '.join(known)}", field=name
                )
            if value is None:
                continue
            if name in _LIST_INPUTS:
                ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
                what = "a list of texts"
            elif name in _INT_INPUTS:
                ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
                what = "a positive whole number"
            else:
                ok = isinstance(value, str)
                what = "a text"
            if not ok:
                raise ValidationError(f"input {name!r} must be {what}", field=name)
        self._raw = {k: v for k, v in raw.items() if v is not None}

    def get(self, name: str) -> str | None:
        """An optional text input (stripped; an empty text counts as missing)."""
        value = self._raw.get(name)
        return value.strip() or None if isinstance(value, str) else None

    def need(self, name: str, *, fallback: str | None = None) -> str:
        """A required text input (``fallback`` from the dossier when it has one).

        Raises:
            MissingInputError: neither the input nor the fallback is given.
        """
        value = self.get(name) or (fallback.strip() if fallback else None)
        if not value:
            raise MissingInputError(
                f"the {self.kind.value} form needs {name}=... (the dossier does not record it)",
                field=name,
            )
        return value

    def need_list(self, name: str, *, fallback: Sequence[str] = ()) -> tuple[str, ...]:
        """A required non-empty list of texts (``fallback`` from the dossier when it has one)."""
        items = tuple(v.strip() for v in self._raw.get(name, ()) if v.strip())
        items = items or tuple(v.strip() for v in fallback if v.strip())
        if not items:
            raise MissingInputError(
                f"the {self.kind.value} form needs {name}=[...] (at least one item)", field=name
            )
        return items

    def count(self, name: str, default: int) -> int:
        """A positive whole-number input with a documented default."""
        value = self._raw.get(name, default)
        assert isinstance(value, int)
        return value


def resolve_procedure(
    procedure: Procedure | str, dossier: Dossier | None, catalogue: Catalogue | None = None
) -> Procedure:
    """The procedure object: given, or looked up by code in ``catalogue``
    (default: the bundled sample catalogue, then the bundled real portal records); it
    must match the dossier's code.

    Raises:
        ValidationError: unknown code, several different records, or a mismatch.
    """
    if isinstance(procedure, Procedure):
        proc = procedure
    else:
        found = (catalogue or load_sample_catalogue()).find(procedure)
        if not found and catalogue is None:  # the bundled real records (Procedure.from_portal)
            found = load_portal_sample().find(procedure)
        names = {p.name for p in found}
        if not found:
            raise ValidationError(
                f"procedure {procedure!r} is not in the catalogue", field="procedure"
            )
        if len(names) > 1:
            raise ValidationError(
                f"procedure {procedure!r} has {len(found)} different records in the catalogue; "
                "pass the Procedure object",
                field="procedure",
            )
        proc = found[0]
    if dossier is not None and dossier.procedure_code not in (None, proc.code):
        raise ValidationError(
            f"the dossier is of procedure {dossier.procedure_code!r}, not {proc.code!r}",
            field="procedure",
        )
    return proc


def find_event(dossier: Dossier, kind: EventKind, form: FormKind) -> tuple[int, Event]:
    """The last event of ``kind`` (the one the form is made from) and its index.

    Raises:
        ValidationError: the dossier has no such event (field ``events``).
    """
    for i in range(len(dossier.events) - 1, -1, -1):
        if dossier.events[i].kind is kind:
            return i, dossier.events[i]
    raise ValidationError(
        f"a {form.value} form is made from a {kind.value!r} event; the dossier has none",
        field="events",
    )


def pick_regime(key: str | None, at: datetime) -> Regime:
    """The regime ``key`` if given, else the one in force on the event's date."""
    return regime(key) if key is not None else regime_in_force(to_vn(at).date())


def build_form(
    kind: FormKind,
    reg: Regime,
    *,
    agency: str,
    at: datetime,
    place: str | None,
    dossier_code: str | None,
    fields: Sequence[FormField],
    names: Sequence[str] = (),
    table: FormTable | None = None,
) -> Form:
    """Assemble the :class:`Form` of ``kind`` in regime ``reg``."""
    if not agency.strip():
        raise MissingInputError("a form needs the agency name (agency=...)", field="agency")
    tpl = reg.template(kind)
    dated = day_text(at)
    return Form(
        kind=kind,
        regime=reg.key,
        code=tpl.code,
        title=tpl.title,
        source=reg.source,
        agency=agency.strip(),
        issued_at=to_vn(at),
        dated=f"{place}, {dated}" if place else dated.capitalize(),
        paper=tpl.paper,
        dossier_code=dossier_code,
        fields=tuple(fields),
        table=table,
        signatures=tuple(
            Signature(role=r, name=n) for r, n in zip(tpl.signers, names, strict=True)
        ),
    )
