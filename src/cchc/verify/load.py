"""Reading case files: strict YAML or JSON, every problem named by file, line, case and field.

A case file is read with the project's one strict reader (:mod:`cchc._data`: duplicate
keys, impossible dates and non-UTF-8 text are refused) and validated into
:class:`~cchc.verify.models.CaseFile`. A bad file raises
:class:`~cchc.errors.DataFileError` (several problems at once: a
:class:`~cchc.errors.BatchValidationError` listing each) whose location gives the
file, the line (``row``), the case (``item``) and the field::

    >>> text = '''
    ... cases:
    ...   - name: five-days
    ...     kind: due_date
    ...     source: Công văn 8726/VPCP-KGVX
    ...     note: a negative amount
    ...     input:
    ...       received_at: 2025-01-24T09:00:00+07:00
    ...       amount: -5
    ...     expect: {due_at: 2025-02-07T17:00:00+07:00}
    ... '''
    >>> parse_case_text(text, source="tet.cchc.yaml")
    Traceback (most recent call last):
    ...
    cchc.errors.DataFileError: tet.cchc.yaml, row 9, item five-days, field input.amount: \
Input should be greater than or equal to 0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from cchc._data import parse_json_text, parse_yaml_text, read_user_text
from cchc.errors import CchcError, DataFileError, one_or_batch

from .models import KINDS, CaseFile

__all__ = ["SUFFIXES", "LoadedFile", "find_case_files", "load_case_file", "parse_case_text"]

SUFFIXES: tuple[str, ...] = (".cchc.yaml", ".cchc.yml", ".cchc.json")
"""Names of case files found in a directory (and collected by the pytest plugin)."""

_ADAPTER: TypeAdapter[CaseFile] = TypeAdapter(CaseFile)
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""Builds the node tree the lines are read from (libyaml when present: the data itself is
read by :func:`cchc._data.parse_yaml_text`)."""


@attrs.frozen
class LoadedFile:
    """A validated case file with the line of each case (1-based; None if unknown)."""

    path: str
    cases: CaseFile
    lines: tuple[int | None, ...]

    @property
    def base_dir(self) -> Path:
        """The directory relative paths in the file are read from."""
        return Path(self.path).parent


def is_case_file(path: Path) -> bool:
    """Whether a file's name marks it as a case file (``*.cchc.yaml`` ...)."""
    return path.name.lower().endswith(SUFFIXES)


def find_case_files(paths: Iterable[str | Path]) -> list[Path]:
    """The case files named: a file as given, a directory searched for ``*.cchc.yaml``,
    ``*.cchc.yml`` and ``*.cchc.json`` (recursively, in name order).

    Raises:
        DataFileError: a path does not exist, or a directory holds no case file.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and is_case_file(p))
            if not inside:
                raise DataFileError(
                    f"no case file ({', '.join('*' + s for s in SUFFIXES)}) in this directory",
                    source=str(path),
                )
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise DataFileError("no such file or directory", source=str(path))
    return found


def load_case_file(path: str | Path) -> LoadedFile:
    """Read and validate one case file (``.json`` is read as JSON, anything else as YAML).

    Raises:
        DataFileError: unreadable file, bad YAML/JSON, or a case breaking the format
            (naming the file, the line, the case and the field).
        BatchValidationError: several problems (each one located).
    """
    text = read_user_text(path)
    return parse_case_text(text, source=str(path), json=str(path).lower().endswith(".json"))


def parse_case_text(text: str, *, source: str, json: bool = False) -> LoadedFile:
    """Validate the text of a case file read from ``source`` (see :func:`load_case_file`)."""
    data = parse_json_text(text, source=source) if json else parse_yaml_text(text, source=source)
    if not isinstance(data, dict):
        raise DataFileError("a case file is a mapping with a list 'cases'", source=source)
    root = _compose(text)
    try:
        cases = _ADAPTER.validate_python(data)
    except PydanticValidationError as exc:
        errors = exc.errors()
        if any(len(e["loc"]) >= 2 for e in errors):  # a bad case also leaves 'cases' too short
            errors = [e for e in errors if not (e["type"] == "too_short" and len(e["loc"]) == 1)]
        problems = [_locate(err, data, root, source) for err in errors]
        raise one_or_batch(problems) from None
    raw_cases = data.get("cases", [])
    lines = tuple(_line(root, ("cases", n)) for n in range(len(raw_cases)))
    loaded = LoadedFile(path=source, cases=cases, lines=lines)
    _check_files(loaded, root)
    return loaded


def _check_files(loaded: LoadedFile, root: yaml.Node | None) -> None:
    """Files a case names (``framework_file``) exist, relative to the case file."""
    for n, case in enumerate(loaded.cases.cases):
        name = getattr(case.input, "framework_file", None)
        if name is not None and not (loaded.base_dir / name).is_file():
            raise DataFileError(
                f"no file {name!r} next to the case file ({loaded.base_dir / name})",
                row=_line(root, ("cases", n, "input", "framework_file")),
                item=case.name,
                field="input.framework_file",
                source=loaded.path,
            )


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree (for line numbers); None when it cannot be built."""
    try:
        return yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError:
        return None


def _child(node: yaml.Node, key: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                found: yaml.Node = value
                return found
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        child: yaml.Node = node.value[key]
        return child
    return None


def _line(root: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of the deepest node on ``loc`` (the key's line for a mapping value)."""
    if root is None:
        return None
    node = root
    line = node.start_mark.line + 1
    for key in loc:
        child = _child(node, key)
        if child is None:
            break
        if isinstance(node, yaml.MappingNode):
            line = next(k.start_mark.line + 1 for k, v in node.value if v is child)
        else:
            line = child.start_mark.line + 1
        node = child
    return line


def _case_name(data: Mapping[str, Any], index: int) -> str:
    cases = data.get("cases")
    if isinstance(cases, list) and 0 <= index < len(cases):
        case = cases[index]
        if isinstance(case, Mapping) and isinstance(case.get("name"), str) and case["name"]:
            return str(case["name"])
    return f"cases[{index}]"


def _strip_tag(loc: Sequence[int | str]) -> list[int | str]:
    """A pydantic location without the union tag: (cases, 3, due_date, input) -> (cases, 3,
    input)."""
    out = list(loc)
    if len(out) >= 3 and out[0] == "cases" and out[2] in KINDS:
        del out[2]
    return out


def _segments(field: str) -> list[int | str]:
    """``'events[1].at'`` as ``['events', 1, 'at']``."""
    out: list[int | str] = []
    for piece in field.replace("]", "").replace("[", ".").split("."):
        if piece:
            out.append(int(piece) if piece.isdigit() else piece)
    return out


def _locate(err: Any, data: Mapping[str, Any], root: yaml.Node | None, source: str) -> CchcError:
    """One pydantic error as a located :class:`DataFileError`.

    A cchc error raised by a validator keeps its message; its field is read relative to
    where the validator ran (``received_at`` on ``input.received_at`` stays one field,
    ``as_of`` of the ``input`` model becomes ``input.as_of``).
    """
    loc = _strip_tag(err.get("loc", ()))
    inner = (err.get("ctx") or {}).get("error")
    message = inner.message if isinstance(inner, CchcError) else str(err["msg"])
    if err.get("type") == "union_tag_invalid":
        tag = (err.get("ctx") or {}).get("tag")
        message = f"unknown kind {tag!r}; use one of {', '.join(KINDS)}"
        loc = [*loc, "kind"]
    elif err.get("type") == "union_tag_not_found":
        message = f"the case has no kind; use one of {', '.join(KINDS)}"
    if isinstance(inner, CchcError) and inner.field is not None:
        extra = _segments(inner.field)
        loc = [*loc[:-1], *extra] if loc and extra and extra[0] == loc[-1] else [*loc, *extra]
    item: str | None = None
    rest: list[int | str] = list(loc)
    line_loc: list[int | str] = list(loc)
    if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int):
        item = _case_name(data, loc[1])
        rest = list(loc[2:])
    elif isinstance(inner, CchcError) and inner.item is not None:
        item = inner.item  # a check across cases (a name used twice): the second use
        line_loc = _second_use(data, inner.item)
    field = ".".join(_dotted([str(p) for p in rest])) or None
    return DataFileError(message, row=_line(root, line_loc), item=item, field=field, source=source)


def _second_use(data: Mapping[str, Any], name: str) -> list[int | str]:
    """The location of the second case named ``name``."""
    cases = data.get("cases")
    seen = 0
    if isinstance(cases, list):
        for n, case in enumerate(cases):
            if isinstance(case, Mapping) and case.get("name") == name:
                seen += 1
                if seen == 2:
                    return ["cases", n, "name"]
    return []


def _dotted(parts: list[str]) -> list[str]:
    """``['input', 'events', '2', 'at']`` as ``['input', 'events[2]', 'at']``."""
    out: list[str] = []
    for part in parts:
        if part.isdigit() and out:
            out[-1] = f"{out[-1]}[{part}]"
        else:
            out.append(part)
    return out
