"""Load and save plans as JSON or YAML, with errors naming the task and field.

Every problem of a plan file becomes a :mod:`cchc.errors` exception: a file
that is not valid YAML/JSON is a :class:`~cchc.errors.DataFileError` (with the
line where the parser stopped); a value that breaks the model is a
:class:`~cchc.errors.ValidationError` whose ``item`` is the task id and whose
``field`` is the field at fault; several problems at once give a
:class:`~cchc.errors.BatchValidationError` listing each.

    >>> data = {"number": "1/KH-X", "issuer": "Sở X", "signed_on": "2022-01-10",
    ...         "period_start": "2022-01-01", "period_end": "2022-12-31",
    ...         "tasks": [{"id": "T1", "area": "thu_tuc_hanh_chinh", "title": "Rà soát",
    ...                    "due": "2021-12-31"}]}
    >>> parse_plan(data)
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: item T1, field due: due 2021-12-31 is before the plan's \
date 2022-01-10
    >>> data["tasks"][0].update(due="2022-03-31", area="cai_cach_khac")
    >>> try:
    ...     parse_plan(data)
    ... except ValidationError as err:
    ...     print(err.item, err.field)
    T1 area
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from cchc._data import load_yaml, parse_yaml_text, read_user_text
from cchc.errors import BatchValidationError, CchcError, DataFileError, ValidationError
from cchc.plans.models import Plan

__all__ = [
    "dump_model",
    "dump_plan",
    "errors_from_pydantic",
    "example_plan",
    "load_plan",
    "parse_plan",
    "read_data",
    "save_plan",
]


def _item_id(data: Any, key: str, index: int) -> str:
    try:
        ident = data[key][index].get("id")
    except (KeyError, IndexError, TypeError, AttributeError):
        ident = None
    return str(ident) if ident not in (None, "") else f"{key}[{index}]"


def errors_from_pydantic(
    exc: PydanticValidationError,
    data: Any,
    *,
    source: str | None = None,
    list_keys: Sequence[str] = ("tasks", "targets"),
) -> CchcError:
    """Turn a pydantic error into one located cchc error (or a batch of them).

    A location ``("tasks", 3, "area")`` becomes ``item=<id of task 3>,
    field="area"``; the context of cchc's own cross-field checks (``item``,
    ``field``) is used as is.
    """
    found: list[CchcError] = []
    for err in exc.errors():
        loc = list(err.get("loc", ()))
        ctx = err.get("ctx") or {}
        item: str | None = None
        if len(loc) >= 2 and loc[0] in list_keys and isinstance(loc[1], int):
            item = _item_id(data, str(loc[0]), loc[1])
            loc = loc[2:]
        field = ".".join(str(p) for p in loc) or None
        if ctx.get("item") is not None:
            item = str(ctx["item"])
        if ctx.get("field") is not None and field is None:
            field = str(ctx["field"])
        found.append(ValidationError(str(err["msg"]), item=item, field=field, source=source))
    if len(found) == 1:
        return found[0]
    return BatchValidationError(found, source=source)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def read_data(path: str | Path) -> Any:
    """Read a JSON or YAML file (by suffix) into plain data, strictly.

    The file is read with :func:`cchc._data.read_user_text` (UTF-8 only) and YAML
    is parsed with :func:`cchc._data.parse_yaml_text`: a key given twice, an
    impossible date such as ``2022-02-30`` or bytes that are not UTF-8 are
    errors naming the file, never a silently kept last value or a traceback.

    Raises:
        DataFileError: missing or unreadable file, not UTF-8, unknown suffix,
            malformed content, duplicate key or impossible date.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise DataFileError(
            f"unknown file type {suffix!r} (use .json, .yaml or .yml)", source=str(path)
        )
    text = read_user_text(path)
    if suffix == ".json":
        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except json.JSONDecodeError as exc:
            raise DataFileError(
                f"malformed JSON: {exc.msg}", row=exc.lineno, source=str(path)
            ) from exc
        except ValueError as exc:  # a duplicate key
            raise DataFileError(f"malformed JSON: {exc}", source=str(path)) from exc
    return parse_yaml_text(text, source=str(path))


def parse_plan(data: Any, *, source: str | None = None) -> Plan:
    """Validate plain data (a mapping) into a :class:`Plan`.

    Raises:
        DataFileError: ``data`` is not a mapping.
        ValidationError: a field breaks the model (``item`` = task id).
    """
    if not isinstance(data, Mapping):
        raise DataFileError("a plan must be a mapping of fields", source=source)
    try:
        return Plan.model_validate(data)
    except PydanticValidationError as exc:
        raise errors_from_pydantic(exc, data, source=source) from None


def load_plan(path: str | Path) -> Plan:
    """Load a plan from a ``.json``, ``.yaml`` or ``.yml`` file."""
    return parse_plan(read_data(path), source=str(path))


def dump_model(model: BaseModel, fmt: str) -> str:
    """Serialise a model as ``"json"`` or ``"yaml"`` text (UTF-8, Vietnamese as is)."""
    data = model.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    raise ValidationError(f"unknown format {fmt!r} (json or yaml)", field="format")


def dump_plan(plan: Plan, fmt: str = "yaml") -> str:
    """The plan as JSON or YAML text; :func:`parse_plan` reads it back unchanged."""
    return dump_model(plan, fmt)


def save_plan(plan: Plan, path: str | Path) -> None:
    """Write the plan to ``path``, JSON or YAML by suffix."""
    path = Path(path)
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    if path.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise DataFileError("use a .json, .yaml or .yml file name", source=str(path))
    path.write_text(dump_plan(plan, fmt), encoding="utf-8")


def example_plan() -> Plan:
    """Seed 003 as bundled data: KH 5601/KH-SYT (16/06/2017), Sở Y tế TP HCM, 2016-2020.

    >>> plan = example_plan()
    >>> plan.number, len(plan.tasks), len(plan.targets)
    ('5601/KH-SYT', 21, 8)
    """
    name = "kh_5601_syt_2017.yaml"
    return parse_plan(load_yaml("cchc.plans", "data", name), source=name)
