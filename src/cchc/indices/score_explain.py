"""How a scorecard was obtained (giải trình kết quả chấm điểm).

:meth:`cchc.indices.scoring.Scorecard.explain` lists, in order: the framework
and its source, each area's points, the items that lost most points (with the
value scored, whether it was appraised, and any assumption behind the item's
numbers), and the total, index and result group with the source of the groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc.indices.framework import Framework
from cchc.indices.loader import get_framework
from cchc.legal import Explanation, ExplanationStep, LegalSource

if TYPE_CHECKING:
    from cchc.indices.scoring import Scorecard

__all__ = ["explain_scorecard"]


def _cited(framework: Framework, *keys: str | None) -> tuple[LegalSource, ...]:
    return tuple(framework.sources[k] for k in dict.fromkeys(keys) if k in framework.sources)


def explain_scorecard(
    card: Scorecard, framework: Framework | None = None, *, top: int = 5
) -> Explanation:
    """Ordered steps of ``card``; ``framework`` defaults to the bundled one of that id."""
    fw = framework if framework is not None else get_framework(card.framework_id)
    items = {it.id: it for it in fw.items()}
    unit = f" cho {card.unit}" if card.unit else ""
    unit_en = f" for {card.unit}" if card.unit else ""
    steps = [
        ExplanationStep(
            f"Chấm điểm{unit} theo {fw.name} (phiên bản {fw.version}).",
            f"Scored{unit_en} with {fw.name} (version {fw.version}).",
            _cited(fw, fw.source),
        )
    ]
    for area in card.areas:
        leaves = [s for s in card.items if s.path and s.path[0] == area.id]
        percent = "không có số liệu" if area.percent is None else f"{area.percent}%"
        steps.append(
            ExplanationStep(
                f"Lĩnh vực {area.id} {area.name}: {area.points}/{area.max_points} điểm "
                f"({percent}).",
                f"Area {area.id} {area.name}: {area.points}/{area.max_points} points "
                f"({'no data' if area.percent is None else f'{area.percent}%'}).",
                _cited(fw, *(items[s.id].source for s in leaves if s.id in items)),
            )
        )
    for lost in card.points_lost(top):
        how = "giá trị thẩm định" if lost.appraised else "giá trị tự đánh giá"
        how_en = "appraised value" if lost.appraised else "self-assessed value"
        assumption = (lost.assumption or "").rstrip(".")
        note = f" Giả định: {assumption}." if assumption else ""
        note_en = f" Assumption: {assumption}." if assumption else ""
        item = items.get(lost.id)
        steps.append(
            ExplanationStep(
                f"Tiêu chí {lost.id} {lost.name} mất {lost.lost} điểm ({how}: {lost.value}).{note}",
                f"Item {lost.id} {lost.name} lost {lost.lost} points ({how_en}: "
                f"{lost.value}).{note_en}",
                _cited(fw, item.source if item is not None else None),
            )
        )
    group = f", xếp nhóm {card.group}" if card.group else ""
    group_en = f", group {card.group}" if card.group else ""
    steps.append(
        ExplanationStep(
            f"Tổng điểm {card.total_points}/{card.max_points}, chỉ số {card.index_percent}%"
            f"{group}.",
            f"Total {card.total_points}/{card.max_points}, index {card.index_percent}%{group_en}.",
            _cited(fw, fw.groups_source or fw.source),
        )
    )
    return Explanation("Kết quả chấm điểm", "Scorecard", tuple(steps))
