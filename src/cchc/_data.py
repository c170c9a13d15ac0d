r"""Reading data files: bundled ones (package resources) and the user's own.

Loading is lazy: callers read on first use and cache what they build. A file
that cannot be read or does not parse raises :class:`~cchc.errors.DataFileError`
naming it, never a bare ``OSError``, ``UnicodeDecodeError`` or YAML error.
User YAML is read strictly: a key given twice in one mapping is an error (plain
YAML keeps the last one silently), and an impossible date is an error::

    >>> parse_yaml_text("a: 1\na: 2\n", source="plan.yaml")
    Traceback (most recent call last):
    ...
    cchc.errors.DataFileError: plan.yaml, row 2: duplicate key 'a'
    >>> parse_yaml_text("due: 2022-02-30\n", source="plan.yaml")
    Traceback (most recent call last):
    ...
    cchc.errors.DataFileError: plan.yaml: not valid YAML: day is out of range for month
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from cchc.errors import DataFileError

__all__ = [
    "data_path",
    "load_yaml",
    "parse_yaml_text",
    "read_text",
    "read_user_text",
    "read_user_yaml",
]


def data_path(package: str, *parts: str) -> Traversable:
    """The bundled resource ``parts`` under ``package`` (joined one part at a time)."""
    node = resources.files(package)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(package: str, *parts: str) -> str:
    """The UTF-8 text of a bundled file."""
    return data_path(package, *parts).read_text(encoding="utf-8")


def load_yaml(package: str, *parts: str) -> Any:
    """A bundled YAML file, parsed (a fresh object on each call)."""
    name = "/".join(parts)
    try:
        return yaml.safe_load(read_text(package, *parts))
    except yaml.YAMLError as exc:
        raise DataFileError(f"not valid YAML: {exc}", source=f"{package}:{name}") from exc


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DataFileError(
                f"duplicate key {key!r}", row=key_node.start_mark.line + 1, source=loader.name
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def parse_yaml_text(text: str, *, source: str | None = None) -> Any:
    """Parse YAML (or JSON) text strictly; every failure is a :class:`DataFileError`."""
    loader = _StrictLoader(text)
    loader.name = source or "<text>"
    try:
        return loader.get_single_data()
    except DataFileError:
        raise
    except yaml.MarkedYAMLError as exc:
        row = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(f"not valid YAML: {exc.problem}", row=row, source=source) from exc
    except (yaml.YAMLError, ValueError, TypeError) as exc:  # e.g. an impossible date
        raise DataFileError(f"not valid YAML: {exc}", source=source) from exc
    finally:
        loader.dispose()


def read_user_text(path: str | Path) -> str:
    """Read a user's UTF-8 file; a missing, unreadable or non-UTF-8 file is a DataFileError."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"not UTF-8 text (byte {exc.start}): save the file as UTF-8", source=str(path)
        ) from exc
    except OSError as exc:
        raise DataFileError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from exc


def read_user_yaml(path: str | Path) -> Any:
    """Read and strictly parse a user's YAML or JSON file."""
    return parse_yaml_text(read_user_text(path), source=str(path))
