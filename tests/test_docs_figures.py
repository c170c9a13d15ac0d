"""The documentation's figures are drawn by the library from its bundled data.

``tools/docs_figures.py`` is run here into a temporary folder (CI also runs it before
``mkdocs build``); each figure must be a real picture and each must be shown by a page.
"""

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("matplotlib")
pytest.importorskip("pandas")


def test_every_figure_is_drawn_and_shown(tmp_path: Path) -> None:
    module = runpy.run_path(str(ROOT / "tools" / "docs_figures.py"))
    assert module["main"]([str(tmp_path)]) == 0
    names = sorted(module["FIGURES"])
    assert len(names) >= 5
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    for name in names:
        png = (tmp_path / name).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(png[16:20], "big")
        height = int.from_bytes(png[20:24], "big")
        assert width >= 600 and height >= 250, name
        assert f"figures/{name}" in pages, f"{name} is not shown in any docs page"
