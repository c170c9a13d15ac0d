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
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from cchc._data import load_yaml, parse_user_model, read_user_data
from cchc.errors import DataFileError, ValidationError
from cchc.plans.models import Plan

__all__ = [
    "dump_model",
    "dump_plan",
    "example_plan",
    "load_plan",
    "parse_plan",
    "read_data",
    "save_plan",
]


def read_data(path: str | Path) -> Any:
    """Read a user's JSON or YAML file (by suffix) strictly: :func:`cchc._data.read_user_data`."""
    return read_user_data(path)


def parse_plan(data: Any, *, source: str | None = None) -> Plan:
    """Validate plain data (a mapping) into a :class:`Plan`.

    Raises:
        DataFileError: ``data`` is not a mapping.
        ValidationError: a field breaks the model (``item`` = task id).
    """
    return parse_user_model(Plan, data, source=source, what="a plan")


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
