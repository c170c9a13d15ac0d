"""Charts of an index's areas (biểu đồ), with matplotlib (optional extra ``cchc[plot]``).

:func:`plot_areas` draws one horizontal bar per area: its percentage of the area maximum,
and, when a previous scorecard is given, the previous year's bar beside it. matplotlib is
imported only when a chart is drawn; without it a :class:`~cchc.errors.MissingExtraError`
says which extra to install.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc._optional import require_extra
from cchc.indices.scoring import Scorecard

__all__ = ["plot_areas"]


def plot_areas(
    card: Scorecard, *, previous: Scorecard | None = None, path: str | Path | None = None
) -> Any:
    """Bar chart of area percentages; saved to ``path`` when given. Returns the figure."""
    plt = require_extra("matplotlib.pyplot", "plot")
    names = [f"{a.id} {a.name}"[:48] for a in card.areas]
    now = [float(a.percent or 0) for a in card.areas]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(names) + 1.5))
    ys = list(range(len(names)))
    height = 0.4 if previous is not None else 0.7
    label_now = card.period or "current"
    ax.barh(
        [y - (height / 2 if previous is not None else 0) for y in ys],
        now,
        height=height,
        label=label_now,
    )
    if previous is not None:
        before = {a.id: float(a.percent or 0) for a in previous.areas}
        ax.barh(
            [y + height / 2 for y in ys],
            [before.get(a.id, 0.0) for a in card.areas],
            height=height,
            label=previous.period or "previous",
        )
    ax.set_yticks(ys, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the area maximum")
    ax.set_title(f"{card.framework_id}: {card.unit or ''} index {card.index_percent}%", pad=24)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
    fig.tight_layout()
    if path is not None:
        fig.savefig(path, dpi=100)
    return fig
