"""Closed vocabularies of a published procedure (TTHC): units, levels, channels.

Sources: the unit of each time limit (ngày, ngày làm việc, giờ, tháng) comes
from the procedure's own law; the 766 portal field ``DonViTinh`` takes "Giờ,
Ngày, Ngày làm việc, tháng". Online-service levels: mức độ 1-4 of Nghị định
43/2011/NĐ-CP Art 3(4) (from 01/10/2011); toàn trình / một phần of Nghị định
42/2022/NĐ-CP (24/6/2022).
"""

from __future__ import annotations

import enum

__all__ = [
    "IMMEDIATE_AS",
    "LEVEL_VI",
    "AuthorityLevel",
    "Channel",
    "OnlineServiceLevel",
    "TimeUnit",
]


class TimeUnit(enum.StrEnum):
    """Unit of a time limit (đơn vị tính thời hạn)."""

    WORKING_DAYS = "working_days"
    """Ngày làm việc: counted on the official working calendar."""
    DAYS = "days"
    """Ngày: calendar days, counted under Bộ luật Dân sự 2015 Art 147-148."""
    HOURS = "hours"
    """Giờ (làm việc): working hours across the office sessions."""
    MONTHS = "months"
    """Tháng: calendar months (BLDS 2015 Art 148(3))."""
    IMMEDIATE = "immediate"
    """Ngay: "ngay sau khi nhận đủ hồ sơ hợp lệ"; the engine treats it as the
    receipt day itself (0 working days), a documented assumption."""

    @property
    def vietnamese(self) -> str:
        """The Vietnamese term."""
        return _UNIT_VI[self]


IMMEDIATE_AS = (0, TimeUnit.WORKING_DAYS)
"""What ``immediate`` (ngay, giải quyết ngay) means to the deadline engine: 0 working days,
due by the end of the receipt working day (assumption: no text defines "ngay" in hours).
The one statement of it: :meth:`TimeLimit.engine_terms <cchc.procedures.TimeLimit.engine_terms>`,
:func:`cchc.dossiers.due_date` and the batch loaders read it."""

_UNIT_VI = {
    TimeUnit.WORKING_DAYS: "ngày làm việc",
    TimeUnit.DAYS: "ngày",
    TimeUnit.HOURS: "giờ làm việc",
    TimeUnit.MONTHS: "tháng",
    TimeUnit.IMMEDIATE: "ngay",
}


class AuthorityLevel(enum.StrEnum):
    """Level of the deciding authority (cấp thực hiện)."""

    CENTRAL = "central"
    """Cấp trung ương / cấp bộ."""
    PROVINCIAL = "provincial"
    """Cấp tỉnh."""
    DISTRICT = "district"
    """Cấp huyện (abolished with the 2025 two-level local government)."""
    COMMUNE = "commune"
    """Cấp xã."""


LEVEL_VI = {
    "cấp trung ương": AuthorityLevel.CENTRAL,
    "cấp bộ": AuthorityLevel.CENTRAL,
    "cấp tỉnh": AuthorityLevel.PROVINCIAL,
    "cấp huyện": AuthorityLevel.DISTRICT,
    "cấp xã": AuthorityLevel.COMMUNE,
}
"""Catalogue wording of the authority level (lower case) -> :class:`AuthorityLevel`."""


class Channel(enum.StrEnum):
    """Submission channel (hình thức nộp hồ sơ)."""

    IN_PERSON = "in_person"
    """Trực tiếp (at the Bộ phận Một cửa)."""
    ONLINE = "online"
    """Trực tuyến (Cổng Dịch vụ công)."""
    POST = "post"
    """Dịch vụ bưu chính công ích (public postal service)."""


class OnlineServiceLevel(enum.StrEnum):
    """Online public-service level (mức độ dịch vụ công trực tuyến)."""

    LEVEL_1 = "1"
    """Mức độ 1: information only (ND 43/2011 Art 3(4)(a))."""
    LEVEL_2 = "2"
    """Mức độ 2: forms downloadable (ND 43/2011 Art 3(4)(b))."""
    LEVEL_3 = "3"
    """Mức độ 3: filed and processed online (ND 43/2011 Art 3(4)(c))."""
    LEVEL_4 = "4"
    """Mức độ 4: also paid and returned online (ND 43/2011 Art 3(4)(d))."""
    PARTIAL = "partial"
    """Một phần (ND 42/2022): any online service short of toàn trình."""
    FULL = "full"
    """Toàn trình (ND 42/2022): the whole procedure online."""
