"""Scoring tool of Thông tư 01/2018/TT-VPCP (bộ chỉ số đánh giá việc giải quyết TTHC).

Nine indices of 0, 1 or 2 points (Art 13). Indices 1, 2, 3, 4, 7 are scored per dossier
(Art 14(1), Art 15(1)); indices 5, 6, 8, 9 per desk or agency (Art 14(2)). For an officer or an
agency, each per-dossier index is the mean over its dossiers, "làm tròn phần thập phân đến một
(01) chữ số" (Art 15(2)(a); the mode is not stated: half up is assumed, see ``data/tt01.yaml``),
and the total is the sum of the indices (Art 15(2)(b)). An index without data is left out
(Art 15(4)(b)).

Bands: officer (Art 15(3)(a)) ≥ 5 "hoàn thành 100% nhiệm vụ", 3.5–<5 "70% đến dưới 100%",
< 3.5 "dưới 70%"; agency (Art 15(3)(b)) ≥ 15 xuất sắc, 12–<15 tốt, 9–<12 khá, 6–<9 trung bình,
< 6 yếu (the agency total goes through the bundled ``tt01-agency`` framework).

Worked example (one_stop.md §5.1): five dossiers of one officer.

>>> dossiers = [
...     {"I1": 2, "I2": 2, "I3": 2, "I4": 2, "I7": 2},
...     {"I1": 1, "I2": 1, "I3": 1, "I4": 1, "I7": 1},
...     {"I1": 0, "I2": 0, "I3": 2, "I4": 2, "I7": 0},
...     {"I1": 2, "I2": 2, "I3": 1, "I4": 2, "I7": 2},
...     {"I1": 2, "I2": 1, "I3": 2, "I4": 1, "I7": 2}]
>>> officer = officer_result(dossiers)
>>> officer.total, officer.band
(Decimal('7.2'), 'hoàn thành 100% nhiệm vụ')
>>> card = agency_scorecard(officer.means, {"I5": 1, "I6": 2, "I8": 1, "I9": 1})
>>> card.total_points, card.group
(Decimal('12.2'), 'tốt')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import partial

import attrs

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices.framework import RoundingMode
from cchc.indices.loader import get_framework
from cchc.indices.methodology import index_data
from cchc.indices.rules import as_count, as_decimal
from cchc.indices.scoring import Scorecard, score
from cchc.tz import as_date

__all__ = [
    "DOSSIER_INDICES",
    "Level",
    "OfficerResult",
    "agency_scorecard",
    "aggregate",
    "attitude_points",
    "bodies_points",
    "contact_points",
    "desk_points",
    "feedback_points",
    "officer_band",
    "officer_result",
    "online_points",
    "publicity_points",
    "time_points",
]

DOSSIER_INDICES: tuple[str, ...] = ("I1", "I2", "I3", "I4", "I7")
"""Indices scored per dossier and averaged (Art 15(1))."""


class Level(enum.StrEnum):
    """Level of the agency (cấp), for index 5."""

    MINISTRY = "ministry"
    """Bộ, cơ quan ngang bộ."""
    PROVINCE = "province"
    """Cấp tỉnh."""
    DISTRICT = "district"
    """Cấp huyện: no longer organised from 1/7/2025 (:data:`DISTRICT_ENDS`)."""
    COMMUNE = "commune"
    """Cấp xã."""


DISTRICT_ENDS = date(2025, 7, 1)
"""First day without a district level: "Kể từ ngày 01/7/2025, không tổ chức chính quyền địa
phương ở cấp huyện" (Luật 72/2025/QH15 Điều 51 khoản 3, registry ``LUAT72-2025``, secondary)."""

_data = partial(index_data, "tt01.yaml")
"""This index's bundled data (:func:`~cchc.indices.methodology.index_data`)."""


def _d(value: object) -> Decimal:
    return Decimal(str(value))


def _share(value: object, field: str) -> Decimal:
    share = as_decimal(value, field=field)
    if not Decimal(0) <= share <= Decimal(100):
        raise ValidationError(f"share {share} % outside 0..100", field=field)
    return share


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"expected True or False, got {value!r}", field=field)
    return value


def _round(value: Decimal) -> Decimal:
    rnd = _data()["rounding"]
    mode = RoundingMode(rnd["mode"]).decimal_mode
    return value.quantize(Decimal(1).scaleb(-int(rnd["places"])), mode)


def time_points(actual: Decimal | int, limit: Decimal | int) -> int:
    """Indices 1 and 2: time taken against the legal limit (shorter 2, equal 1, longer 0).

    Raises:
        ValidationError: a time is not a finite number ≥ 0.
    """
    taken = as_decimal(actual, field="actual")
    allowed = as_decimal(limit, field="limit")
    for name, value in (("actual", taken), ("limit", allowed)):
        if value < 0:
            raise ValidationError("times must not be negative", field=name)
    return 2 if taken < allowed else 1 if taken == allowed else 0


def contact_points(contacts: int, *, due_to_applicant: int = 0) -> int:
    """Index 3: times the applicant contacted the desk to complete the dossier.

    Contacts caused by the applicant's own fault are not counted (Art 13(3)(c) "trừ trường
    hợp lỗi do người nộp hồ sơ").
    """
    total = as_count(contacts, field="contacts")
    excused = as_count(due_to_applicant, field="due_to_applicant")
    if excused > total:
        raise ValidationError("more excused contacts than contacts", field="due_to_applicant")
    counted = total - excused
    return 2 if counted == 0 else 1 if counted == 1 else 0


def bodies_points(bodies: int) -> int:
    """Index 4: bodies the applicant had to contact (the desk counts as one; bodies doing a
    legally required field check or appraisal are not counted): 0 → 2, 1 → 1, more → 0."""
    count = as_count(bodies, field="bodies")
    return 2 if count == 0 else 1 if count == 1 else 0


def attitude_points(*, early: bool, on_time: bool, complaint_upheld: bool) -> int:
    """Index 7: staff attitude. Early and no complaint 2; on time and no complaint 1; a
    complaint found true 0. Late without complaint: not covered by the text; the assumed
    points are in ``data/tt01.yaml`` (1)."""
    if _flag(complaint_upheld, "complaint_upheld"):
        return 0
    if _flag(early, "early"):
        return 2
    if _flag(on_time, "on_time"):
        return 1
    return int(_data()["index7"]["late_no_complaint_points"])


def desk_points(
    level: Level,
    *,
    fully_handled_share: Decimal,
    received_returned_share: Decimal,
    on: date | None = None,
) -> int:
    """Index 5: reception, appraisal and approval at the desk (shares in %).

    ``on`` is a day of the period scored (a date or an aware datetime). The district level
    needs it, and only a day before 1/7/2025 has one (:data:`DISTRICT_ENDS`).

    Raises:
        ValidationError: an unknown level, a share that is not a number in 0..100, or the
            district level without ``on``.
        RuleNotInForceError: the district level on or after 1/7/2025.
    """
    try:
        key = Level(level).value
    except ValueError:
        known = ", ".join(m.value for m in Level)
        raise ValidationError(f"unknown level {level!r} (one of {known})", field="level") from None
    if key == Level.DISTRICT:
        _check_district(on)
    full = _d(_data()["index5_full_share"][key])
    handled = _share(fully_handled_share, "fully_handled_share")
    returned = _share(received_returned_share, "received_returned_share")
    if handled >= full:
        return 2
    if returned >= _d(_data()["index5_one_point_share"]):
        return 1
    return 0


def _check_district(on: date | None) -> None:
    if on is None:
        raise ValidationError(
            "the district level (cấp huyện) needs on= (a day of the period scored): districts "
            f"exist only before {DISTRICT_ENDS.isoformat()}",
            field="on",
        )
    day = as_date(on, field="on")
    if day >= DISTRICT_ENDS:
        raise RuleNotInForceError(
            f"no district level (cấp huyện) on {day.isoformat()}: from "
            f"{DISTRICT_ENDS.isoformat()} local government has two levels, tỉnh and xã "
            "(Luật 72/2025/QH15 Điều 51 khoản 3, registry LUAT72-2025); "
            "score the desk as province or commune",
            field="level",
        )


def publicity_points(*, posted: bool, electronic: bool, accurate_and_timely: bool = True) -> int:
    """Index 6: publicity of TTHC — posted and electronic, accurate and timely 2; one 1."""
    on_board = _flag(posted, "posted")
    online = _flag(electronic, "electronic")
    if on_board and online and _flag(accurate_and_timely, "accurate_and_timely"):
        return 2
    return 1 if on_board or online else 0


def feedback_points(received: int, on_time: int, *, prolonged: int = 0) -> int:
    """Index 8: feedback (PAKN) — none or 100 % on time and none prolonged 2; ≥ 90 % 1."""
    total = as_count(received, field="received")
    timely = as_count(on_time, field="on_time")
    late = as_count(prolonged, field="prolonged")
    if timely > total:
        raise ValidationError("more feedback handled on time than received", field="on_time")
    if total == 0:
        return 2
    share = _d(timely) * 100 / total
    rule = _data()["index8"]
    if late == 0 and share >= _d(rule["two_points_on_time"]):
        return 2
    if late == 0 and share >= _d(rule["one_point_on_time"]):
        return 1
    return 0


def online_points(
    *, tthc_level34_share: Decimal, online_share: Decimal, late_or_unresolved: int
) -> int:
    """Index 9: online service (shares in %; late_or_unresolved counts online dossiers)."""
    rule = _data()["index9"]
    tthc = _share(tthc_level34_share, "tthc_level34_share")
    online = _share(online_share, "online_share")
    if as_count(late_or_unresolved, field="late_or_unresolved") > 0 or tthc <= 0:
        return 0
    if tthc >= _d(rule["two_points_tthc_share"]) and online >= _d(rule["two_points_online_share"]):
        return 2
    return 1 if online >= _d(rule["one_point_online_share"]) else 0


def aggregate(dossiers: Sequence[Mapping[str, int | None]]) -> dict[str, Decimal | None]:
    """Mean of each per-dossier index over the dossiers, rounded to one decimal.

    A dossier may leave an index out (``None``); an index with no data at all is ``None``.
    """
    out: dict[str, Decimal | None] = {}
    for index in DOSSIER_INDICES:
        values = []
        for row, dossier in enumerate(dossiers, start=1):
            extra = set(dossier) - set(DOSSIER_INDICES)
            if extra:
                raise ValidationError(f"not a per-dossier index: {sorted(extra)}", row=row)
            value = dossier.get(index)
            if value is None:
                continue
            if isinstance(value, bool) or value not in (0, 1, 2):
                raise ValidationError(
                    f"points must be 0, 1 or 2, got {value!r}", row=row, field=index
                )
            values.append(Decimal(value))
        out[index] = _round(sum(values, Decimal(0)) / len(values)) if values else None
    return out


def officer_band(total: Decimal) -> str:
    """The officer band of Art 15(3)(a) for a total.

    Raises:
        ValidationError: the total is not a finite number ≥ 0.
    """
    total = as_decimal(total, field="total")
    for band in sorted(_data()["officer_bands"]["bands"], key=lambda b: _d(b["min"]), reverse=True):
        if total >= _d(band["min"]):
            return str(band["label"])
    raise ValidationError(f"negative total {total}", field="total")


@attrs.frozen
class OfficerResult:
    """Result of one officer: index means, total and band.

    ``total`` and ``band`` are ``None`` when no index has data (no dossier, or every index left
    out): Art 15(4)(b) leaves an index without data out of the assessment, so no data is not
    a failing grade.
    """

    means: dict[str, Decimal | None]
    total: Decimal | None
    band: str | None


def officer_result(dossiers: Sequence[Mapping[str, int | None]]) -> OfficerResult:
    """Score an officer from the per-dossier points of the dossiers handled.

    >>> officer_result([])
    OfficerResult(means={'I1': None, 'I2': None, 'I3': None, 'I4': None, 'I7': None}, \
total=None, band=None)
    """
    means = aggregate(dossiers)
    present = [m for m in means.values() if m is not None]
    if not present:
        return OfficerResult(means=means, total=None, band=None)
    total = sum(present, Decimal(0))
    return OfficerResult(means=means, total=total, band=officer_band(total))


def agency_scorecard(
    means: Mapping[str, Decimal | None], desk: Mapping[str, int | None]
) -> Scorecard:
    """The agency scorecard: per-dossier index means plus desk indices 5, 6, 8, 9."""
    inputs: dict[str, object] = dict(means.items())
    for key, value in desk.items():
        if key not in ("I5", "I6", "I8", "I9"):
            raise ValidationError("not a desk-level index", field=key)
        inputs[key] = value
    return score(get_framework("tt01-agency"), inputs)
