"""Bộ chỉ số 766 (Quyết định 766/QĐ-TTg, 23/6/2022) computed from dossier figures.

The decision scores each ministry and province out of 100 points from data synced to the
national public-service portal. Its annex was not read; the bundled framework
``qd766-portal`` encodes the portal's method as transcribed by an implementer (six groups:
Công khai, minh bạch 18 · Tiến độ giải quyết 20 · Dịch vụ công trực tuyến 12 · Số hoá hồ sơ 22 ·
Mức độ hài lòng 18 · Thanh toán trực tuyến 10), with each indicator scored proportionally:
``points = max × min(rate / full_marks_at, 1)``. Full-marks thresholds known from a technical
description (4.3: 80 %, 5.4: 90 %, online share: 50 %; 4.2 has none on the portal's published
responses) are data; elsewhere the documented default is 100 % (points = rate/100 × max),
marked as an assumption on the item.
Points are rounded to 2 decimals half up (the portal shows 2 decimals).

:class:`Qd766Figures` is the plain typed input: rates in % (Decimal) that a caller computes
from dossier statistics (``cchc.dossiers``). A figure left ``None`` has no data (zero
denominator) and is left out of points and maximum. Which figures come from dossier data:

* ``on_time_rate`` (2.1): dossiers done or in progress early / on time / within time over
  dossiers received and processed in the period;
* ``late_rate`` and ``complaint_rate`` give ``service_satisfaction_rate`` (5.4) =
  100 − (late % + % of dossiers with PAKN or a dislike) when it is not given directly;
* ``online_full_process_rate`` (3.0), ``e_result_rate`` (4.1), ``digitised_rate`` (4.2),
  ``data_reuse_rate`` (4.3), ``data_sharing_rate`` (4.4), ``population_data_rate`` (4.5b),
  ``synced_rate`` (1.4), ``online_payment_rate`` (6.1);
* the rest come from the national TTHC database and the PAKN system.

Worked example (one_stop.md §5.2): 1,000 dossiers, 60 late (6.0 %), 15 with PAKN or dislike
(1.5 %) → 5.4 = 92.5 % ≥ 90 % → 6.00 / 6; with 120 late (12.0 %) → 86.5 % → 5.77.

>>> from decimal import Decimal
>>> indicator_points("5.4", satisfaction_rate(late_rate=Decimal("6.0"),
...                                          complaint_rate=Decimal("1.5")))
Decimal('6.00')
>>> indicator_points("5.4", satisfaction_rate(late_rate=Decimal("12.0"),
...                                          complaint_rate=Decimal("1.5")))
Decimal('5.77')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, model_validator

from cchc._model import CchcRecord
from cchc.errors import ValidationError
from cchc.indices.framework import Framework
from cchc.indices.loader import get_framework, load_framework
from cchc.indices.rules import as_decimal, rule_points
from cchc.indices.scoring import Scorecard, score

__all__ = [
    "FIGURE_OF_INDICATOR",
    "Qd766Figures",
    "framework",
    "indicator_points",
    "satisfaction_rate",
    "score_figures",
]

Rate = Annotated[Decimal | None, Field(ge=0, le=100)]
"""A percentage figure (tỷ lệ, 0-100); ``None`` when the unit has no data."""


def _rate_field(description: str) -> Any:
    """A :data:`Rate` field, ``None`` by default, described in Vietnamese."""
    return Field(None, description=description)


_FRAMEWORK = "qd766-portal"
_HUNDRED = Decimal(100)


class Qd766Figures(CchcRecord):
    """Rates (%) of one unit for one period; ``None`` = no data (left out)."""

    published_on_time_rate: Rate = _rate_field("1.1 Tỷ lệ TTHC công bố đúng hạn.")
    updated_on_time_rate: Rate = _rate_field("1.2 Tỷ lệ TTHC cập nhật, công khai đúng hạn.")
    complete_publication_rate: Rate = _rate_field(
        "1.3 Tỷ lệ TTHC công khai đầy đủ bộ phận tạo thành."
    )
    synced_rate: Rate = _rate_field("1.4 Tỷ lệ hồ sơ đồng bộ trạng thái với Cổng DVCQG.")
    on_time_rate: Rate = _rate_field("2.1 Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn.")
    online_full_process_rate: Rate = _rate_field("3.0 Tỷ lệ hồ sơ DVCTT toàn trình.")
    e_result_rate: Rate = _rate_field("4.1 Tỷ lệ hồ sơ có kết quả điện tử.")
    digitised_rate: Rate = _rate_field("4.2 Tỷ lệ hồ sơ số hóa thành phần hồ sơ.")
    e_copy_certification_rate: Rate = _rate_field("4.x1 Tỷ lệ cung cấp chứng thực bản sao điện tử.")
    data_reuse_rate: Rate = _rate_field(
        "4.3 Tỷ lệ hồ sơ có thành phần cắt giảm, thay thế dựa trên dữ liệu."
    )
    data_sharing_rate: Rate = _rate_field("4.4 Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu.")
    population_data_rate: Rate = _rate_field("4.5b Tỷ lệ hồ sơ sử dụng dữ liệu dân cư.")
    population_data_tthc_rate: Rate = _rate_field("4.5a Tỷ lệ TTHC kết nối dữ liệu dân cư.")
    feedback_on_time_rate: Rate = _rate_field("5.2 Tỷ lệ PAKN xử lý đúng hạn.")
    feedback_satisfaction_rate: Rate = _rate_field("5.3 Tỷ lệ hài lòng trong xử lý PAKN.")
    has_feedback: bool = Field(True, description="False: the unit had no PAKN in the period.")
    service_satisfaction_rate: Rate = _rate_field(
        "5.4 Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC."
    )
    late_rate: Rate = _rate_field("Tỷ lệ hồ sơ quá hạn, used for 5.4 when not given.")
    complaint_rate: Rate = _rate_field(
        "Tỷ lệ hồ sơ có PAKN hoặc không hài lòng, used for 5.4 when not given."
    )
    online_payment_rate: Rate = _rate_field("6.1 Tỷ lệ hồ sơ thanh toán trực tuyến.")

    @model_validator(mode="before")
    @classmethod
    def _fill_satisfaction(cls, data: Any) -> Any:
        """5.4 from the late and complaint rates when it is not given."""
        if (
            isinstance(data, dict)
            and data.get("service_satisfaction_rate") is None
            and data.get("late_rate") is not None
            and data.get("complaint_rate") is not None
        ):
            late = as_decimal(data["late_rate"], field="late_rate")
            complaint = as_decimal(data["complaint_rate"], field="complaint_rate")
            data = {
                **data,
                "service_satisfaction_rate": satisfaction_rate(
                    late_rate=late, complaint_rate=complaint
                ),
            }
        return data


FIGURE_OF_INDICATOR: dict[str, str] = {
    "1.1": "published_on_time_rate",
    "1.2": "updated_on_time_rate",
    "1.3": "complete_publication_rate",
    "1.4": "synced_rate",
    "2.1": "on_time_rate",
    "3.0": "online_full_process_rate",
    "4.1": "e_result_rate",
    "4.2": "digitised_rate",
    "4.x1": "e_copy_certification_rate",
    "4.3": "data_reuse_rate",
    "4.4": "data_sharing_rate",
    "4.5b": "population_data_rate",
    "4.5a": "population_data_tthc_rate",
    "5.2": "feedback_on_time_rate",
    "5.3": "feedback_satisfaction_rate",
    "5.4": "service_satisfaction_rate",
    "6.1": "online_payment_rate",
}
"""Which :class:`Qd766Figures` field feeds each scored indicator."""


def _checked_rate(value: object, field: str) -> Decimal:
    rate = as_decimal(value, field=field)
    if not Decimal(0) <= rate <= _HUNDRED:
        raise ValidationError(f"rate {rate} % outside 0..100", field=field)
    return rate


def satisfaction_rate(*, late_rate: Decimal, complaint_rate: Decimal) -> Decimal:
    """5.4 as the portal computes it: 100 − (late % + % with PAKN or dislike), not below 0.

    Raises:
        ValidationError: a rate is not a finite number in 0..100.
    """
    late = _checked_rate(late_rate, "late_rate")
    complaint = _checked_rate(complaint_rate, "complaint_rate")
    return max(Decimal(0), _HUNDRED - (late + complaint))


def framework(
    base: Framework | None = None,
    *,
    full_marks_at: dict[str, Decimal] | None = None,
    max_points: dict[str, Decimal] | None = None,
) -> Framework:
    """The 766 portal framework, optionally with other thresholds or sub-points.

    Both overrides map indicator ids ("5.4") to values; group maxima follow the new sub-points
    (e.g. the 5/5/2/6 group-5 split of another secondary source needs an item 5.1, so it is a
    new framework file rather than an override).
    """
    base = base or get_framework(_FRAMEWORK)
    if not full_marks_at and not max_points:
        return base
    data = base.model_dump(mode="json", exclude_none=True)
    for area in data["areas"]:
        for child in area["children"]:
            key = child["id"]
            if full_marks_at and key in full_marks_at:
                child["rule"]["full_marks_at"] = str(full_marks_at[key])
                child["assumption"] = "threshold overridden by the caller"
            if max_points and key in max_points:
                child["max_points"] = str(max_points[key])
        area["max_points"] = str(sum(Decimal(c["max_points"]) for c in area["children"]))
    data.pop("max_points", None)
    return load_framework(data)


def indicator_points(indicator: str, rate: Decimal, fw: Framework | None = None) -> Decimal:
    """Points of one indicator for a rate in %, rounded as the framework says.

    Raises:
        ValidationError: not a scored indicator, or the rate is not a finite number in 0..100
            (a rate over 100 % never earns full marks silently).
    """
    fw = fw or framework()
    try:
        item = fw.item(str(indicator))
    except KeyError:
        raise ValidationError("not a scored 766 indicator", item=str(indicator)) from None
    if item.children:
        raise ValidationError("a group, not a scored 766 indicator", item=item.id)
    return fw.rounding.points(rule_points(item, rate, field="rate"))


def score_figures(
    figures: Qd766Figures,
    fw: Framework | None = None,
    *,
    unit: str | None = None,
    period: str | None = None,
) -> Scorecard:
    """Score a unit's figures. With ``has_feedback=False`` the maximum of 5.3 is split
    equally between 5.2 and 5.4 (the spreadsheet's rule)."""
    fw = fw or framework()
    inputs: dict[str, object] = {
        key: getattr(figures, name) for key, name in FIGURE_OF_INDICATOR.items()
    }
    if not figures.has_feedback:
        half = fw.item("5.3").max_points / 2
        fw = framework(
            fw,
            max_points={
                "5.2": fw.item("5.2").max_points + half,
                "5.3": Decimal(0),
                "5.4": fw.item("5.4").max_points + half,
            },
        )
        inputs["5.3"] = None
    return score(fw, inputs, unit=unit, period=period)
