r"""Reading data files: bundled ones (package resources) and the user's own.

One loader for both (một bộ đọc dữ liệu). Loading is lazy: callers read on first
use and cache what they build. A file that cannot be read or does not parse raises
:class:`~cchc.errors.DataFileError` naming it, never a bare ``OSError``,
``UnicodeDecodeError`` or YAML error. YAML and JSON are read strictly and alike:

* a key given twice in one mapping is an error (plain YAML and JSON keep the last
  one silently); YAML merge keys (``<<: *defaults``, ``<<: [*a, *b]``) are
  accepted, a key written in the mapping itself overriding a merged one;
* an impossible date is an error;
* a number with a fraction becomes a :class:`~decimal.Decimal`, exactly as
  written (``1.10`` stays ``Decimal('1.10')``), in YAML as in JSON;
* a user file's type is its suffix: ``.json``, ``.yaml`` or ``.yml``;
* nesting deeper than the interpreter can follow is an error, not a ``RecursionError``.

YAML is parsed by libyaml (``yaml.CSafeLoader``) when PyYAML was built with it,
several times faster than the pure-Python parser, which is the fallback.

Validated data goes through :meth:`cchc._model.CchcModel.from_data`, so a bad
value is a :class:`~cchc.errors.ValidationError` naming the file, the item and
the field::

    >>> parse_yaml_text("a: 1\na: 2\n", source="plan.yaml")
    Traceback (most recent call last):
    ...
    cchc.errors.DataFileError: plan.yaml, row 2: duplicate key 'a'
    >>> parse_yaml_text("due: 2022-02-30\n", source="plan.yaml")
    Traceback (most recent call last):
    ...
    cchc.errors.DataFileError: plan.yaml: not valid YAML: day is out of range for month
    >>> parse_yaml_text("base: &b {x: 1, y: 2}\nitem: {<<: *b, y: 3}\n")["item"]
    {'x': 1, 'y': 3}
    >>> parse_json_text('{"rate": 92.50}')
    {'rate': Decimal('92.50')}
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from cchc.errors import CchcError, DataFileError, OutputError

if TYPE_CHECKING:
    import yaml

    from cchc._model import CchcModel

__all__ = [
    "bundled_mapping",
    "bundled_names",
    "data_path",
    "iter_csv_rows",
    "load_bundled_csv",
    "load_bundled_items",
    "load_yaml",
    "parse_json_text",
    "parse_user_model",
    "parse_yaml_text",
    "read_bundled_csv_rows",
    "read_text",
    "read_user_data",
    "read_user_model",
    "read_user_text",
    "read_user_yaml",
    "write_output",
]

M = TypeVar("M", bound="CchcModel")
_SUFFIXES = (".json", ".yaml", ".yml")
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TOO_DEEP = "nested too deeply (lists or mappings inside each other beyond what can be read)"


def data_path(package: str, *parts: str) -> Traversable:
    """The bundled resource ``parts`` under ``package`` (joined one part at a time)."""
    node = resources.files(package)
    for part in parts:
        node = node.joinpath(part)
    return node


def bundled_names(package: str, *parts: str, suffixes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The names of the files in a bundled folder (ending in one of ``suffixes``), sorted.

    Raises:
        DataFileError: the folder is missing or unreadable (a broken install).
    """
    try:
        entries = list(data_path(package, *parts).iterdir())
    except (OSError, ModuleNotFoundError) as exc:
        where = f"{package}:{'/'.join(parts)}"
        raise DataFileError(f"cannot list bundled folder: {exc}", source=where) from exc
    return tuple(sorted(e.name for e in entries if e.is_file() and e.name.endswith(suffixes)))


def read_text(package: str, *parts: str) -> str:
    """The UTF-8 text of a bundled file.

    Raises:
        DataFileError: the file is missing, unreadable or not UTF-8 (a broken install).
    """
    where = f"{package}:{'/'.join(parts)}"
    try:
        return data_path(package, *parts).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 text (byte {exc.start})", source=where) from exc
    except (OSError, ModuleNotFoundError) as exc:
        raise DataFileError(f"cannot read bundled file: {exc}", source=where) from exc


def iter_csv_rows(
    text: str, *, source: str, required: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of CSV ``text`` as ``(line, row)``, ``line`` the file line the row starts on.

    A row with more or fewer fields than the header, or a header lacking one of
    ``required``, is a :class:`DataFileError` naming the line (``csv.DictReader`` would
    pad or collect the difference silently).
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DataFileError("empty file: no header line", source=source) from None
    except csv.Error as exc:
        raise DataFileError(f"not valid CSV: {exc}", row=1, source=source) from exc
    missing = [name for name in required if name not in header]
    if missing:
        raise DataFileError(
            f"missing column(s) {', '.join(missing)}; found {', '.join(header)}",
            row=1,
            source=source,
        )
    line = reader.line_num + 1
    try:
        for fields in reader:
            if fields:  # a blank line is no row
                if len(fields) != len(header):
                    raise DataFileError(
                        f"{len(fields)} fields where the header has {len(header)}",
                        row=line,
                        source=source,
                    )
                yield line, dict(zip(header, fields, strict=True))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError(f"not valid CSV: {exc}", row=line, source=source) from exc


def read_bundled_csv_rows(
    package: str, *parts: str, required: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a bundled CSV file as ``(line, row)`` (see :func:`iter_csv_rows`)."""
    text = read_text(package, *parts)
    return iter_csv_rows(text, source=parts[-1] if parts else package, required=required)


@functools.cache
def bundled_mapping(package: str, *parts: str) -> Mapping[str, Any]:
    """A bundled YAML file that holds a mapping, parsed once and shared (read-only).

    Raises:
        DataFileError: the file does not parse or is not a mapping.
    """
    data = load_yaml(package, *parts)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping of fields", source=f"{package}:{'/'.join(parts)}")
    return MappingProxyType(data)


def load_yaml(package: str, *parts: str) -> Any:
    """A bundled YAML file, parsed strictly (a fresh object on each call)."""
    return parse_yaml_text(read_text(package, *parts), source=f"{package}:{'/'.join(parts)}")


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            key: Any = "<<"
        else:
            key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DataFileError(
                f"duplicate key {key!r}", row=key_node.start_mark.line + 1, source=loader.name
            )
        seen.add(key)
    loader.flatten_mapping(node)  # merged keys first; the mapping's own keys override them
    return loader.construct_mapping(node, deep=deep)


def _construct_float(loader: Any, node: yaml.ScalarNode) -> Any:
    value = loader.construct_yaml_float(node)
    if value != value or value in (float("inf"), float("-inf")):
        return value  # .nan / .inf stay floats, refused by the models that take numbers
    return Decimal(str(loader.construct_scalar(node)).replace("_", ""))


@functools.cache
def _strict_loader() -> type[yaml.SafeLoader]:
    """The libyaml SafeLoader (else the pure-Python one) that rejects duplicate keys,
    accepts merge keys and reads decimals exactly; built on first use so that importing
    cchc does not import PyYAML."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: type[yaml.SafeLoader] = type(
        "_StrictLoader", (base,), {"__doc__": _strict_loader.__doc__}
    )
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
    return loader


def parse_yaml_text(text: str, *, source: str | None = None) -> Any:
    """Parse YAML (or JSON) text strictly; every failure is a :class:`DataFileError`."""
    import yaml

    try:
        loader = _strict_loader()(text)
    except yaml.YAMLError as exc:  # the reader refuses NUL and other control characters
        raise DataFileError(f"not valid YAML: {exc}", source=source) from exc
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
    except RecursionError:
        raise DataFileError(_TOO_DEEP, source=source) from None
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
    """Read and strictly parse a user's YAML file (JSON is YAML too)."""
    return parse_yaml_text(read_user_text(path), source=str(path))


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def parse_json_text(text: str, *, source: str | None = None) -> Any:
    """Parse JSON text strictly (duplicate keys refused, fractions as ``Decimal``)."""
    try:
        return json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"not valid JSON: {exc.msg}", row=exc.lineno, source=source) from exc
    except ValueError as exc:  # a duplicate key
        raise DataFileError(f"not valid JSON: {exc}", source=source) from exc
    except RecursionError:
        raise DataFileError(_TOO_DEEP, source=source) from None


def read_user_data(path: str | Path) -> Any:
    """Read a user's ``.json``, ``.yaml`` or ``.yml`` file (by suffix) into plain data.

    Raises:
        DataFileError: missing or unreadable file, not UTF-8, unknown suffix,
            malformed content, duplicate key or impossible date.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise DataFileError(
            f"unknown file type {suffix!r} (use .json, .yaml or .yml)", source=str(path)
        )
    text = read_user_text(path)
    if suffix == ".json":
        return parse_json_text(text, source=str(path))
    return parse_yaml_text(text, source=str(path))


def parse_user_model(
    model: type[M],
    data: Any,
    *,
    source: str | None,
    what: str | None = None,
    error: type[CchcError] = DataFileError,
) -> M:
    """Validate a user's data, read from ``source``, into ``model`` (errors name the source,
    the item and the field); data that is not a mapping is an ``error`` saying that ``what``
    (default: "a <model> file") must be one."""
    if not isinstance(data, Mapping):
        subject = what or f"a {model.__name__} file"
        raise error(f"{subject} must be a mapping of fields", source=source)
    return model.from_data(data, source=source)


def read_user_model(
    model: type[M], path: str | Path, *, error: type[CchcError] = DataFileError
) -> M:
    """Read a user's file and validate it into ``model`` (errors name file, item, field)."""
    return parse_user_model(model, read_user_data(path), source=str(path), error=error)


def load_bundled_csv(model: type[M], package: str, *parts: str) -> tuple[M, ...]:
    """The rows of a bundled CSV file, each validated into ``model``. An empty cell is an
    absent field (the model's default applies).

    Raises:
        DataFileError: a row is invalid (naming the file, the line and the field).
    """
    where = f"{package}:{'/'.join(parts)}"
    reader = csv.DictReader(io.StringIO(read_text(package, *parts)))
    out: list[M] = []
    for row in reader:
        data = {k: v.strip() for k, v in row.items() if k and v and v.strip()}
        out.append(
            model.from_data(data, source=f"{where}, line {reader.line_num}", error=DataFileError)
        )
    return tuple(out)


def load_bundled_items(model: type[M], key: str, package: str, *parts: str) -> tuple[M, ...]:
    """The list under ``key`` of a bundled YAML file, each element validated into ``model``.

    Raises:
        DataFileError: the file is missing the list, or an element is invalid
            (naming the file, the item and the field).
    """
    where = f"{package}:{'/'.join(parts)}"
    raw = load_yaml(package, *parts)
    rows = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise DataFileError(f"no list {key!r} in the file", source=where)
    return tuple(
        model.from_data(row, source=f"{where}, {key}[{n}]", error=DataFileError)
        for n, row in enumerate(rows)
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output(path: str | Path, *, force: bool | None = False) -> int | None:
    """Whether :func:`write_output` may write ``path``, checked before the work that makes
    the content (a command checks its output options first). Returns the mode of what is
    there (None: nothing yet); ``force=None`` skips the "exists" check.

    Raises:
        OutputError: ``path`` is ``-``, a folder, cannot be looked at, or exists and
            ``force`` is false.
    """
    if str(path) == "-":  # the shell's "standard output", not a file to create
        raise OutputError(
            "'-' is not a file name here: give one, or /dev/stdout for standard output",
            source="-",
        )
    target = Path(path)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(target)) from exc
    if stat.S_ISDIR(mode):
        raise OutputError("is a folder: give a file name", source=str(target))
    if stat.S_ISREG(mode) and force is False:
        raise OutputError("exists; pass force=True to replace it", source=str(target))
    return mode


def write_output(path: str | Path, content: bytes | str, *, force: bool = False) -> Path:
    """Write an output file (a form, a report, a sample) by the one rule of cchc.

    * missing parent folders are created;
    * an existing regular file is replaced only when ``force`` is true;
    * the content goes to a temporary file in the same folder, renamed over ``path``
      once complete: a failed write (a full disk, an interrupt) leaves the file that
      was there unchanged and no partial file behind;
    * a device or a pipe (``/dev/stdout``, ``/dev/null``) is written in place;
    * a symbolic link stays: the file it points to is the one replaced.

    ``str`` content is written as UTF-8. Returns ``path``.

    Raises:
        OutputError: ``path`` is a folder, ``-`` (standard output to a shell: use
            ``/dev/stdout``), exists and ``force`` is false, or cannot be written (the
            reason named).
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    mode = check_output(target, force=force)
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(target, "wb") as device:
                device.write(data)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(target)) from exc
        return target
    if mode is not None and target.is_symlink():
        # replace the file the link points to, never the link itself (``/dev/stdout`` to a
        # file, a user's link): the rename below would otherwise put a file in its place
        target = target.resolve()
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(target)) from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", source=str(target)) from exc
        raise
    return target
