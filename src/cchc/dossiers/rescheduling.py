"""Rescheduling (xin lỗi và hẹn lại ngày trả kết quả): one implementation for both paths.

ND 61/2018 Art 19(9), ND 118/2025 Art 19(6): at most once ("không quá một lần"), the
apology at the latest one day before the due day ("chậm nhất 01 ngày trước ngày hết
hạn"), and the new date must be later than the due date. The checks take one dossier's
values or columns (:mod:`.tables`); days are day numbers (local).
"""

from __future__ import annotations

from typing import Any

__all__ = ["late_apology", "late_apology_message", "not_later", "second_message"]


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


def second_message(articles: str) -> str:
    """The error text of a second rescheduling."""
    return (
        "a second rescheduling is refused: 'việc hẹn lại ngày trả kết quả được thực hiện "
        f"không quá một lần' ({articles})"
    )
