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


def test_mkdocs_hook_redraws_only_stale_figures(tmp_path: Path) -> None:
    # Issue 19 C: `mkdocs build` redraws a figure missing or older than its inputs.
    import os

    module = runpy.run_path(str(ROOT / "tools" / "docs_figures.py"))
    assert "tools/mkdocs_hooks.py" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert sorted(module["INPUTS"]) == sorted(module["FIGURES"])
    assert module["main"]([str(tmp_path)]) == 0
    assert module["stale"](tmp_path) == []
    os.utime(tmp_path / "index_areas.png", (0, 0))  # older than every input
    (tmp_path / "calendar_2026.png").unlink()
    assert sorted(module["stale"](tmp_path)) == ["calendar_2026.png", "index_areas.png"]
    drawn = module["redraw_stale"](tmp_path)
    assert sorted(p.name for p in drawn) == ["calendar_2026.png", "index_areas.png"]
    assert module["stale"](tmp_path) == []
    hook = runpy.run_path(str(ROOT / "tools" / "mkdocs_hooks.py"))
    os.utime(tmp_path / "index_areas.png", (0, 0))
    docs = tmp_path / "docs"
    (docs / "figures").mkdir(parents=True)
    for png in tmp_path.glob("*.png"):
        png.rename(docs / "figures" / png.name)
    hook["on_pre_build"]({"docs_dir": str(docs)})
    assert module["stale"](docs / "figures") == []
