"""Dossiers for the form tests.

Procedure 1.013876 (Miễn nhiệm giám định viên pháp y và pháp y tâm thần, 10
working days) is a row of the bundled sample catalogue (QĐ 3004/QĐ-UBND Hà
Tĩnh); the dossiers and their dates are made up.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from cchc.dossiers import Dossier, Event
from cchc.tz import VN_TZ

PROCEDURE = "1.013876"
AGENCY = "Sở Y tế tỉnh Hà Tĩnh"
CODE = "000.00.12.H42-251006-0007"
INPUTS: dict[str, Any] = {
    "applicant": "Nguyễn Văn An",
    "officer": "Trần Thị Bình",
    "signer": "Lê Văn Cường",
    "papers": ["Đơn đề nghị miễn nhiệm", "Văn bản của cơ quan quản lý giám định viên"],
    "missing": ["Văn bản đề nghị miễn nhiệm của cơ quan quản lý"],
    "reason": "Hồ sơ không thuộc thẩm quyền giải quyết",
    "place": "Hà Tĩnh",
}
DAY = timedelta(days=1)


def at(y: int, m: int, d: int, h: int = 9, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=VN_TZ)


def dossier(received: datetime, *events: Event, code: str | None = CODE) -> Dossier:
    return Dossier(
        code=code,
        procedure_code=PROCEDURE,
        agency="Phòng Nghiệp vụ Y",
        channel="in_person",
        amount=10,
        events=(Event(kind="received", at=received), *events),
    )


def lifecycle(received: datetime) -> Dossier:
    """Received, transferred, supplement asked (+2 days) and given (+4 days),
    rescheduled four days before the due day, decided early, returned."""
    head = (
        Event(kind="transferred", at=received.replace(hour=14)),
        Event(kind="supplement_requested", at=received + 2 * DAY, note="Thiếu văn bản"),
        Event(kind="supplement_received", at=received + 4 * DAY),
    )
    due = dossier(received, *head).deadline().due_at
    new_due = due + 7 * DAY
    return dossier(
        received,
        *head,
        Event(kind="rescheduled", at=due.replace(hour=10) - 4 * DAY, new_due_at=new_due),
        Event(kind="decided", at=new_due - 2 * DAY),
        Event(kind="returned", at=new_due - DAY),
    )


def ended(received: datetime, kind: str) -> Dossier:
    """Received, then refused or withdrawn the next day (with the reason as note)."""
    return dossier(received, Event(kind=kind, at=received + DAY, note="Người nộp đề nghị dừng"))


@pytest.fixture(params=["nd61", "nd118"])
def era(request: pytest.FixtureRequest) -> tuple[str, datetime]:
    """A receipt moment in each regime: TT 01/2018 (2024) and TT 03/2025 (Oct 2025)."""
    return {"nd61": ("TT01-2018", at(2024, 3, 4)), "nd118": ("TT03-2025", at(2025, 10, 6))}[
        request.param
    ]
