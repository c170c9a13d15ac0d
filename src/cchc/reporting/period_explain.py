"""Why a reporting period has its window and deadline (giải trình kỳ báo cáo).

:meth:`cchc.reporting.periods.ReportingPeriod.explain` builds an
:class:`~cchc.legal.Explanation` from these steps: the regime and its data
window, the deadline it sets (or the minimum, under Nghị định 09/2019), and, when
the deadline falls on a day off, the move to the next working day (Bộ luật Dân sự
2015 Điều 148 khoản 5) with the notice that made the day a day off.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from cchc.calendar import OfficialCalendar, default_calendar
from cchc.l10n import vn_date
from cchc.legal import Explanation, ExplanationStep, LegalSource, source

if TYPE_CHECKING:
    from cchc.reporting.periods import ReportingPeriod

__all__ = ["explain_period"]


def _d(day: date) -> str:
    return vn_date(day)


def _days_off(cal: OfficialCalendar, first: date, last: date) -> ExplanationStep:
    """The days off from ``first`` to ``last`` (inclusive), with the sources that make them."""
    names: list[str] = []
    found: list[LegalSource] = []
    day = first
    while day <= last:
        entry = cal.entry(day)
        if entry is not None and entry.is_day_off:
            names.append(f"{_d(day)} ({entry.name_vi})")
            found.extend(entry.sources)
        elif entry is None:
            names.append(f"{_d(day)} (nghỉ hằng tuần)")
            found.append(cal.weekly_rest_source)
        day += timedelta(days=1)
    listed = ", ".join(names)
    return ExplanationStep(
        f"Các ngày {listed} là ngày nghỉ.",
        f"{listed.replace('nghỉ hằng tuần', 'weekly rest')} are days off.",
        tuple(dict.fromkeys(found)),
    )


def explain_period(
    period: ReportingPeriod,
    *,
    roll_forward: bool = True,
    calendar: OfficialCalendar | None = None,
) -> Explanation:
    """Ordered steps: window, deadline, and the roll-forward of a deadline on a day off."""
    steps = [
        ExplanationStep(
            f"Kỳ báo cáo {period.kind} năm {period.year} theo chế độ {period.regime}: số liệu "
            f"tính từ ngày {_d(period.start)} đến hết ngày {_d(period.end)}.",
            f"Report {period.kind} of {period.year} under the {period.regime} regime: data "
            f"from {_d(period.start)} to {_d(period.end)} inclusive.",
            (period.source,),
        )
    ]
    if period.due is None:
        return Explanation("Kỳ báo cáo", "Reporting period", tuple(steps))
    if period.due_is_minimum:
        steps.append(
            ExplanationStep(
                f"Văn bản chỉ quy định thời hạn gửi sớm nhất là ngày {_d(period.due)}; hạn cụ "
                "thể do cơ quan yêu cầu báo cáo quyết định.",
                f"The text sets only the earliest deadline, {_d(period.due)}; the requesting "
                "agency sets the actual one.",
                (period.due_source,),
            )
        )
        return Explanation("Kỳ báo cáo và hạn gửi", "Reporting period and deadline", tuple(steps))
    steps.append(
        ExplanationStep(
            f"Hạn gửi báo cáo theo chế độ: ngày {_d(period.due)}.",
            f"The regime's deadline: {_d(period.due)}.",
            (period.due_source,),
        )
    )
    cal = calendar if calendar is not None else default_calendar()
    last = cal.rollforward(period.due) if roll_forward else period.due
    if last != period.due:
        steps.append(_days_off(cal, period.due, last - timedelta(days=1)))
        steps.append(
            ExplanationStep(
                f"Hạn rơi vào ngày nghỉ nên được chuyển sang ngày làm việc tiếp theo: "
                f"ngày {_d(last)}.",
                f"The deadline falls on a day off, so it moves to the next working day: "
                f"{_d(last)}.",
                (source("BLDS2015-148"),),
            )
        )
    return Explanation("Kỳ báo cáo và hạn gửi", "Reporting period and deadline", tuple(steps))
