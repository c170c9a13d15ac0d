"""mkdocs hook: redraw the figures of ``docs/figures`` that are stale before each build.

``tools/docs_figures.py`` draws every figure from cchc's bundled data; this hook calls its
``redraw_stale`` so a figure missing or older than its inputs (the rule data and code it is
drawn from, or the script) is redrawn by ``mkdocs build`` and ``mkdocs serve``. Without the
``plot`` extra (matplotlib) the figures in the repository are kept and the build goes on.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.figures")
SCRIPT = Path(__file__).resolve().parent / "docs_figures.py"


def on_pre_build(config: Any) -> None:
    """Redraw the stale figures (mkdocs event)."""
    if importlib.util.find_spec("matplotlib") is None:
        log.info("matplotlib is not installed: the committed figures are kept")
        return
    spec = importlib.util.spec_from_file_location("cchc_docs_figures", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = Path(config["docs_dir"]) / "figures"
    for path in module.redraw_stale(out):
        log.info("redrew %s", path.name)
