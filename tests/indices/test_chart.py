"""The optional matplotlib chart of an index's areas."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.indices import get_framework, score

pytest.importorskip("matplotlib")


def test_plot_areas_saves_a_png(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from cchc.indices.chart import plot_areas

    fw = get_framework("tt01-agency")
    inputs = {"I1": 2, "I2": 2, "I3": 1, "I4": 2, "I7": 2, "I5": 1, "I6": 2, "I8": 1, "I9": 0}
    now = score(fw, inputs, period="2024")
    before = score(fw, {**inputs, "I9": 1}, period="2023")
    out = tmp_path / "areas.png"
    fig = plot_areas(now, previous=before, path=out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(fig.axes[0].patches) == 18
