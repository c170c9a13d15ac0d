"""The layers of ARCHITECTURE.md hold: a file imports only from its own layer or below.

Every import counts: at the top, inside a function, under ``if TYPE_CHECKING:``. The layers
(``cchc/…``), from the ground up:

0. ground: errors, models, checks, time zone, the one data loader, l10n, display helpers
1. law: the source registry, dated values, explanations (``legal/``)
2. calendar (``calendar/``)
3. catalogue: procedures, units, documents, the applicant and papers (``submission``), the
   reporting periods of the reporting regimes (``reporting_periods``)
4. engine: dossiers, plans, indices
5. outputs: reporting, forms, the rule book
6. surfaces: the command line (``cli``, every ``commands`` module), the web service, the
   verification cases, the demo and the samples

A package's ``__init__`` re-exports its own modules, so it is on its package's layer; the lazy
``cchc/__init__`` (which names every sub-package) is the top of the tree and not checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

LAYERS: dict[str, int] = {
    "cchc.errors": 0,
    "cchc._model": 0,
    "cchc._checks": 0,
    "cchc.tz": 0,
    "cchc._data": 0,
    "cchc.l10n": 0,
    "cchc._display": 0,
    "cchc._optional": 0,
    "cchc._deprecation": 0,
    "cchc.findings": 0,
    "cchc.rates": 0,
    "cchc.legal": 1,
    "cchc.civil_code": 1,
    "cchc.calendar": 2,
    "cchc.procedures": 3,
    "cchc.units": 3,
    "cchc.documents": 3,
    "cchc.submission": 3,
    "cchc.reporting_periods": 3,
    "cchc.dossiers": 4,
    "cchc.plans": 4,
    "cchc.indices": 4,
    "cchc.reporting": 5,
    "cchc.forms": 5,
    "cchc.rulebook": 5,
    "cchc.cli": 6,
    "cchc._cli_util": 6,
    "cchc._shell": 6,
    "cchc.__main__": 6,
    "cchc.rulebook_commands": 6,
    "cchc.demo": 6,
    "cchc.samples": 6,
    "cchc.server": 6,
    "cchc.verify": 6,
}
"""The layer of each top-level module or package of ``cchc``."""

SURFACE = 6


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> int | None:
    """The layer of a ``cchc`` module: ``commands`` modules are surfaces wherever they are."""
    if module.rsplit(".", 1)[-1] == "commands":
        return SURFACE
    parts = module.split(".")
    for n in range(len(parts), 1, -1):
        name = ".".join(parts[:n])
        if name in LAYERS:
            return LAYERS[name]
    return None


def _imports(path: Path, module: str) -> set[str]:
    """Every ``cchc`` module ``path`` imports, wherever the import statement stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
    return {m for m in out if m == "cchc" or m.startswith("cchc.")}


def _files() -> list[Path]:
    return sorted(p for p in (SRC / "cchc").rglob("*.py") if p.name != "conftest.py")


def test_every_module_has_a_layer() -> None:
    unplaced = [_module(p) for p in _files() if _module(p) != "cchc"]
    assert [m for m in unplaced if layer_of(m) is None] == []


@pytest.mark.parametrize("path", _files(), ids=lambda p: _module(p))
def test_no_import_from_a_higher_layer(path: Path) -> None:
    module = _module(path)
    if module == "cchc":
        return
    own = layer_of(module)
    assert own is not None
    above = sorted(
        f"{target} (layer {layer_of(target)})"
        for target in _imports(path, module)
        if (layer_of(target) or 0) > own
    )
    assert above == [], f"{module} (layer {own}) imports from above"
