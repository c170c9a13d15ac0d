"""Reporting periods: data windows (thời gian chốt số liệu) and deadlines (thời hạn gửi).

Two regimes are bundled as data (``cchc/data/reporting_regimes.yaml``):

``"nd09-2019"`` — the general rule of Nghị định 09/2019/NĐ-CP (24/01/2019, in
force 12/03/2019), Điều 12: a monthly report covers day 15 of the previous month
to day 14 of the month (khoản 1); a quarterly one day 15 of the month before the
quarter to day 14 of its last month (khoản 2); 6-monthly 15/12 of the previous
year to 14/6, and 15/6 to 14/12 (khoản 3); yearly 15/12 to 14/12 (khoản 4).
The decree sets no deadline itself, only that it leave at least one working
day after the window (Điều 8 khoản 5 điểm b): ``due`` is that earliest
permitted day (``due_is_minimum``), and whether a report was on time can only
be said against the deadline the requesting agency set (``deadline=``); without
it :meth:`ReportingPeriod.on_time` raises instead of guessing. The 9-month
window (15/12 to 14/9) comes from a provincial rule built on the decree and is
marked secondary.

``"bnv-cchc"`` — the periodic CCHC reports to Bộ Nội vụ (Công văn
581/BNV-CCHC): quý I (15/12 to 14/3), 6 tháng (15/12 to 14/6), quý III (**15/6**
to 14/9 — not cumulative) and năm (15/12 to 14/12), each due **no later than
day 20 of the period's last month**.

Days off: a deadline that falls on a weekend or public holiday moves to the
next working day (Bộ luật Dân sự 2015 Điều 148 khoản 5,
:data:`cchc.plans.completion.DUE_ROLLFORWARD_SOURCE`) — the same policy cchc
applies to plan tasks. It is the default (``roll_forward=True``); pass
``roll_forward=False`` for the literal day. ``due`` itself stays the day the
rule names; :meth:`ReportingPeriod.last_day` gives the rolled day. 20/3/2022 was
a Sunday, so quý I/2022 could be sent on Monday 21/3. Dates may be aware
datetimes (read in Vietnam time, :func:`cchc.tz.as_date`).

    >>> p = reporting_period("bnv-cchc", "Q3", 2022)
    >>> p.start, p.end, p.due
    (datetime.date(2022, 6, 15), datetime.date(2022, 9, 14), datetime.date(2022, 9, 20))
    >>> p.on_time(date(2022, 9, 20)), p.on_time(date(2022, 9, 21))
    (True, False)
    >>> reporting_period("bnv-cchc", "Q1", 2022).last_day()
    datetime.date(2022, 3, 21)
    >>> q1 = reporting_period("nd09-2019", "Q1", 2022, due=False)
    >>> q1.start, q1.end
    (datetime.date(2021, 12, 15), datetime.date(2022, 3, 14))
    >>> reporting_period("bnv-cchc", "Q2", 2022)
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field kind: regime bnv-cchc has no period 'Q2' \
(kinds: Q1, H1, Q3, Y)
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

import attrs
from pydantic import Field

from cchc._checks import require_int
from cchc._data import load_bundled_items
from cchc._model import CchcRecord
from cchc.calendar import OfficialCalendar, WorkingCalendar, default_calendar
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.l10n import vn_date
from cchc.legal import Explanation, ExplanationStep, LegalSource, RuleVersion, SourceRef, source
from cchc.tz import as_date

__all__ = [
    "DEFAULT_REGIME",
    "ROLL_FORWARD_DEFAULT",
    "YEAR_MAX",
    "YEAR_MIN",
    "DeadlineRule",
    "PeriodRule",
    "ReportingPeriod",
    "ReportingRegime",
    "regime",
    "regimes",
    "reporting_period",
    "submitted_on_time",
]

_DATA = "reporting_regimes.yaml"

YEAR_MIN = 1
"""The smallest reporting year accepted as an argument; a year whose window ends
before the regime came into force (e.g. before 12/3/2019 for Nghị định 09/2019) is
then refused with :class:`~cchc.errors.RuleNotInForceError`."""
YEAR_MAX = 9999
"""The largest reporting year (the last year a Python date holds). Deadlines of
years beyond the official calendar's coverage raise
:class:`~cchc.errors.CalendarCoverageError` unless ``due=False``."""

DEFAULT_REGIME = "bnv-cchc"
"""The regime of the periodic CCHC reports to Bộ Nội vụ (Công văn 581/BNV-CCHC), used
where none is named: by a report, by the linter, on the command line."""

ROLL_FORWARD_DEFAULT = True
"""Deadlines on a day off move to the next working day unless told otherwise
(Bộ luật Dân sự 2015 Điều 148 khoản 5; cchc's documented choice, as for plan tasks)."""


class PeriodRule(CchcRecord):
    """One kind of report of a regime and its data window, relative to the year."""

    kind: str = Field(description="'Q1', 'H1', 'M3', '9M', 'Y'...")
    start: tuple[int, int, int] = Field(description="[year offset, month, day] of the start.")
    end: tuple[int, int, int] = Field(description="[year offset, month, day] of the end.")
    article: str | None = Field(default=None, description="Article of the regime's source.")
    source: SourceRef | None = Field(default=None, description="Own source, if not the regime's.")


class DeadlineRule(CchcRecord):
    """When a report is due: a day of the window's last month, or working days after it."""

    day_of_end_month: int | None = Field(default=None, ge=1, le=28)
    working_days_after_end: int | None = Field(default=None, ge=0)
    minimum: bool = Field(
        default=False, description="True when the rule only bounds the deadline from below."
    )
    source: SourceRef


class ReportingRegime(CchcRecord):
    """A reporting regime (chế độ báo cáo): its periods and deadline rule."""

    key: str
    name: str
    source: SourceRef
    deadline: DeadlineRule
    periods: tuple[PeriodRule, ...]

    def version(self) -> RuleVersion[ReportingRegime]:
        """The regime as a dated rule: in force over its source's period."""
        return RuleVersion(value=self, source=self.source)

    def kinds(self) -> tuple[str, ...]:
        """The kinds of report of this regime, in data order."""
        return tuple(p.kind for p in self.periods)

    def rule(self, kind: str) -> PeriodRule:
        """The period rule of ``kind``."""
        for p in self.periods:
            if p.kind == kind:
                return p
        raise ValidationError(
            f"regime {self.key} has no period {kind!r} (kinds: {', '.join(self.kinds())})",
            field="kind",
        )


@functools.cache
def regimes() -> tuple[ReportingRegime, ...]:
    """The bundled regimes (loaded once, lazily)."""
    return load_bundled_items(ReportingRegime, "regimes", "cchc", "data", _DATA)


def regime(key: str) -> ReportingRegime:
    """The regime ``"nd09-2019"`` or ``"bnv-cchc"``."""
    return _lookup(key)


def _lookup(key: str) -> ReportingRegime:
    for r in regimes():
        if r.key == key:
            return r
    known = ", ".join(r.key for r in regimes())
    raise ValidationError(f"unknown regime {key!r} (known: {known})", field="regime")


@attrs.frozen
class ReportingPeriod:
    """The data window and deadline of one report.

    ``start`` and ``end`` are inclusive; ``due`` is the last day to submit
    (``None`` when not computed). ``due_is_minimum`` marks a ``due`` that is
    only the earliest deadline the regime allows (Nghị định 09/2019).
    """

    regime: str
    kind: str
    year: int
    start: date
    end: date
    due: date | None
    source: LegalSource
    due_source: LegalSource
    due_is_minimum: bool = False

    def contains(self, day: date) -> bool:
        """Whether ``day`` (a date or an aware datetime, Vietnam time) lies in the window."""
        return self.start <= as_date(day, field="day") <= self.end

    @property
    def roll_forward_source(self) -> LegalSource:
        """Why a deadline on a day off moves to the next working day."""
        return source("BLDS2015-148")

    def last_day(
        self,
        *,
        deadline: date | None = None,
        roll_forward: bool = ROLL_FORWARD_DEFAULT,
        calendar: WorkingCalendar | None = None,
    ) -> date:
        """The last day a report may be sent.

        Args:
            deadline: the deadline set by the agency requesting the report;
                required when ``due_is_minimum`` (Nghị định 09/2019 sets only a
                minimum) and not allowed otherwise (the regime fixes it).
            roll_forward: move a deadline on a day off to the next working day
                (:data:`~cchc.plans.completion.DUE_ROLLFORWARD_SOURCE`).
            calendar: the calendar of days off (default: the official one).

        Raises:
            ValidationError: no deadline known (``field="deadline"``), or a
                ``deadline`` earlier than the regime's minimum or given to a
                regime that fixes its own.
        """
        if self.due is None:
            raise ValidationError("no deadline was computed for this period", field="due")
        due = self.due
        if self.due_is_minimum:
            if deadline is None:
                raise ValidationError(
                    f"{self.due_source.cite()} sets no deadline, only the earliest one "
                    f"({self.due.isoformat()}): pass the deadline set by the requesting agency",
                    field="deadline",
                )
            deadline = as_date(deadline, field="deadline")
            if deadline < self.due:
                raise ValidationError(
                    f"deadline {deadline.isoformat()} is earlier than {self.due.isoformat()}, "
                    f"the earliest {self.due_source.cite()} allows",
                    field="deadline",
                )
            due = deadline
        elif deadline is not None:
            raise ValidationError(
                f"regime {self.regime} fixes its own deadline ({self.due.isoformat()}); "
                "do not pass one",
                field="deadline",
            )
        if roll_forward:
            cal = calendar if calendar is not None else default_calendar()
            due = cal.rollforward(due)  # BLDS 2015 Điều 148 khoản 5, source("BLDS2015-148")
        return due

    def explain(
        self, *, roll_forward: bool = ROLL_FORWARD_DEFAULT, calendar: OfficialCalendar | None = None
    ) -> Explanation:
        """How the window and the last day were obtained, each step citing its sources.

        Built on request (:func:`cchc.reporting_periods.explain_period`).
        """
        return explain_period(self, roll_forward=roll_forward, calendar=calendar)

    def on_time(
        self,
        submitted_on: date,
        *,
        deadline: date | None = None,
        roll_forward: bool = ROLL_FORWARD_DEFAULT,
        calendar: WorkingCalendar | None = None,
    ) -> bool:
        """Whether a report sent on ``submitted_on`` met the deadline.

        ``submitted_on`` is a date or an aware datetime (read in Vietnam time).
        A deadline on a day off moves to the next working day unless
        ``roll_forward=False`` (:data:`DUE_ROLLFORWARD_SOURCE`, Bộ luật Dân sự
        2015 Điều 148 khoản 5). Under a regime that sets only a minimum
        (``due_is_minimum``, Nghị định 09/2019 Điều 8 khoản 5 điểm b) the
        answer is unknown without the agency's ``deadline``, so it is required.

        Raises:
            ValidationError: see :meth:`last_day`; ``submitted_on`` not a date.
            NaiveDatetimeError: ``submitted_on`` is a naive datetime.
        """
        sent = as_date(submitted_on, field="submitted_on")
        last = self.last_day(deadline=deadline, roll_forward=roll_forward, calendar=calendar)
        return sent <= last


def _day(year: int, spec: tuple[int, int, int], field: str) -> date:
    offset, month, day = spec
    try:
        return date(year + offset, month, day)
    except ValueError as exc:
        raise ValidationError(f"no such date: {exc}", field=field) from None


def reporting_period(
    regime: str,
    kind: str,
    year: int,
    *,
    due: bool = True,
    calendar: WorkingCalendar | None = None,
) -> ReportingPeriod:
    """The data window and deadline of report ``kind`` of ``year`` under a regime.

    Args:
        regime: ``"bnv-cchc"`` (kinds Q1, H1, Q3, Y) or ``"nd09-2019"``
            (kinds M1..M12, Q1..Q4, H1, H2, 9M, Y).
        kind: the kind of report.
        year: the reporting year (năm báo cáo): an ``int`` (not a ``bool``,
            ``float`` or ``None``) from :data:`YEAR_MIN` to :data:`YEAR_MAX`
            whose window ends on or after the day the regime came into force.
        due: compute the deadline (needs the official calendar for a
            working-day rule); ``False`` leaves ``due`` as ``None``.
        calendar: the calendar to count working days on (default: the official one).

    Raises:
        ValidationError: unknown regime or kind; ``year`` not an int in
            ``[YEAR_MIN, YEAR_MAX]`` (``field="year"``).
        RuleNotInForceError: the window ends before the regime came into force.
        CalendarCoverageError: ``due`` needs working days the calendar does not cover.
    """
    require_int(year, field="year", low=YEAR_MIN, high=YEAR_MAX)
    reg = _lookup(regime)
    rule = reg.rule(kind)
    end = _day(year, rule.end, "end")
    src = rule.source
    if src is None:
        src = reg.source.model_copy(update={"article": rule.article})
    version = reg.version()
    if not version.in_force_on(end):
        start_day = version.start
        when = (
            f"in force from {start_day.isoformat()}"
            if start_day is not None and end < start_day
            else f"no longer in force from {version.end}"
        )
        raise RuleNotInForceError(
            f"{reg.source.number} is {when}; the {kind} {year} window ends {end.isoformat()}",
            field="year",
        )
    start = _day(year, rule.start, "start")
    deadline: date | None = None
    drule = reg.deadline
    if due:
        if drule.day_of_end_month is not None:
            deadline = date(end.year, end.month, drule.day_of_end_month)
        elif drule.working_days_after_end is not None:
            cal = calendar if calendar is not None else default_calendar()
            deadline = cal.add_working_days(end, drule.working_days_after_end)
    return ReportingPeriod(
        regime=reg.key,
        kind=kind,
        year=year,
        start=start,
        end=end,
        due=deadline,
        source=src,
        due_source=drule.source,
        due_is_minimum=drule.minimum,
    )


def submitted_on_time(
    regime: str,
    kind: str,
    year: int,
    submitted_on: date,
    *,
    deadline: date | None = None,
    roll_forward: bool = ROLL_FORWARD_DEFAULT,
    calendar: WorkingCalendar | None = None,
) -> bool:
    """Whether report ``kind`` of ``year`` sent on ``submitted_on`` was on time.

    See :meth:`ReportingPeriod.on_time` (``deadline`` is needed under
    ``"nd09-2019"``; deadlines on a day off roll forward by default).

    >>> submitted_on_time("bnv-cchc", "Q1", 2022, date(2022, 3, 18))
    True
    >>> submitted_on_time("bnv-cchc", "Q1", 2022, date(2022, 3, 21))  # 20/3 was a Sunday
    True
    >>> submitted_on_time("bnv-cchc", "Q1", 2022, date(2022, 3, 21), roll_forward=False)
    False
    """
    period = reporting_period(regime, kind, year, calendar=calendar)
    return period.on_time(
        submitted_on, deadline=deadline, roll_forward=roll_forward, calendar=calendar
    )


# --- why a period has its window and deadline (giải trình kỳ báo cáo) ---------------
# ReportingPeriod.explain builds its Explanation from these steps: the regime and its data
# window, the deadline it sets (or the minimum, under Nghị định 09/2019), and, when the
# deadline falls on a day off, the move to the next working day (Bộ luật Dân sự 2015
# Điều 148 khoản 5) with the notice that made the day a day off.


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
