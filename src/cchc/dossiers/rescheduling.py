"""Rescheduling (xin lỗi và hẹn lại ngày trả kết quả): one implementation for both paths.

ND 61/2018 Art 19(9), ND 118/2025 Art 19(6): at most once ("không quá một lần"), the
apology at the latest one day before the due day ("chậm nhất 01 ngày trước ngày hết
hạn"), and the new date must be later than the due date. The checks take one dossier's
values or columns (:mod:`.tables`); days are day numbers (local).

An apology later than that (on the due day, or after it) is **kept and flagged**, not
refused: the desk must still print it and give the applicant the new date. The dossier's
due moment becomes the new date as for any apology, its legal due moment stays, and the
result carries a :class:`~cchc.findings.Finding` with the code :data:`LATE_APOLOGY_CODE`
(on both paths: :attr:`cchc.dossiers.Deadline.findings`,
:attr:`cchc.dossiers.DossierResults.findings`). A second apology and a new date not after
the due date are still refused.
"""

from __future__ import annotations

from typing import Any

from cchc.findings import Finding, Severity

__all__ = [
    "LATE_APOLOGY_CODE",
    "late_apology",
    "late_apology_finding",
    "late_apology_message",
    "not_later",
    "second_message",
]

LATE_APOLOGY_CODE = "LC-APOLOGY-LATE"
"""The stable code of the finding of an apology made later than the rule allows."""


def late_apology(apology_day: Any, due_day: Any, notice_days: int) -> Any:
    """Whether the apology comes later than ``notice_days`` day(s) before the due day."""
    return apology_day > due_day - notice_days


def not_later(new_due: Any, due: Any) -> Any:
    """Whether the new due moment is not after the due moment in force."""
    return new_due <= due


def late_apology_message(notice_days: int, articles: str, due_day: str = "") -> str:
    """The error text of :func:`late_apology`."""
    on = f" {due_day}" if due_day else ""
    return (
        f"the apology must come at the latest {notice_days} day(s) before the due day{on} "
        f"({articles})"
    )


def late_apology_finding(notice_days: int, articles: str, due_day: str, where: str) -> Finding:
    """The warning of an apology kept although it came later than ``notice_days`` day(s)
    before the due day ``due_day`` (ISO date); ``where`` names the event or row field."""
    return Finding(
        code=LATE_APOLOGY_CODE,
        severity=Severity.WARNING,
        message=(
            f"the apology came later than {notice_days} day(s) before the due day {due_day} "
            f"({articles}); it is kept and its new date applies, but it was due by the day "
            "before"
        ),
        message_vi=(
            f"văn bản xin lỗi, hẹn lại ngày trả kết quả gửi muộn: phải gửi chậm nhất "
            f"{notice_days:02d} ngày trước ngày hết hạn {_dmy(due_day)} ({articles}); vẫn ghi nhận "
            "và áp dụng ngày hẹn mới"
        ),
        field=where,
    )


def _dmy(iso: str) -> str:
    """``2025-03-17`` -> ``17/03/2025`` (the Vietnamese order)."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def second_message(articles: str) -> str:
    """The error text of a second rescheduling."""
    return (
        "a second rescheduling is refused: 'việc hẹn lại ngày trả kết quả được thực hiện "
        f"không quá một lần' ({articles})"
    )
