"""Reading bundled data files (package resources), for every concept's ``data/`` folder.

Loading is lazy: callers read on first use and cache what they build. A file
that does not parse raises :class:`~cchc.errors.DataFileError` naming it.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from cchc.errors import DataFileError

__all__ = ["data_path", "load_yaml", "read_text"]


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
