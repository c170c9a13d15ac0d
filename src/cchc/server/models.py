"""Request and response bodies of the web service that the library has no model for.

Where the library has a pydantic model it is used as is (``Dossier``,
``CalendarEntry``, ``LegalSource``, ``Procedure``, ``TimeLimit``, ``Citation``,
``Finding``, ``Form``, ``Scorecard``); the models here wrap library results that
are plain classes (an explanation, a due date, a rule in force) or gather the
inputs of one call. Requests refuse unknown fields, like every cchc record.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from cchc._model import CchcRecord
from cchc.calendar import CalendarEntry
from cchc.dossiers import Deadline, Dossier, DueDate, Granularity, Progress, Timeliness
from cchc.indices import Scorecard
from cchc.legal import Explanation, LegalSource
from cchc.procedures import Channel, Procedure, TimeLimit, TimeUnit

from .problems import RowProblem

__all__ = [
    "AddedDays",
    "DayStatus",
    "DeadlineRequest",
    "DeadlineResponse",
    "DueRequest",
    "DueResponse",
    "EvaluationReport",
    "EvaluationSummary",
    "ExplanationOut",
    "ExplanationStepOut",
    "FormRequest",
    "FrameworkInfo",
    "Health",
    "IsoDate",
    "IsoDateTime",
    "MonthDay",
    "MonthView",
    "RuleChangeOut",
    "RuleOut",
    "ScoreRequest",
    "ScoreResponse",
    "TextRequest",
    "TimeLimitRequest",
    "TimeLimitResponse",
    "VersionInfo",
    "WorkingDaysBetween",
    "YearDays",
]


Day = date
"""``date`` under a name that a field called ``date`` does not hide."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?"
)


def _date_text(value: object) -> object:
    """A date is written ``YYYY-MM-DD`` (never a number of seconds, as pydantic allows)."""
    if isinstance(value, date) or (isinstance(value, str) and _DATE.fullmatch(value)):
        return value
    raise ValueError("a date is written YYYY-MM-DD, e.g. 2025-01-24")


def _datetime_text(value: object) -> object:
    """A moment is written in ISO 8601 (never a number of seconds)."""
    if isinstance(value, datetime) or (isinstance(value, str) and _DATETIME.fullmatch(value)):
        return value
    raise ValueError("a moment is written in ISO 8601 with its offset, e.g. 2025-01-24T09:00+07:00")


IsoDate = Annotated[date, BeforeValidator(_date_text)]
"""A date given as ISO 8601 text."""
IsoDateTime = Annotated[datetime, BeforeValidator(_datetime_text)]
"""A moment given as ISO 8601 text (the offset is checked by the library: naive is refused)."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Health(_Out):
    """Liveness: the process answers and its bundled data loaded."""

    status: str = Field(description="'ok'.")


class VersionInfo(_Out):
    """The versions a client may log with each answer."""

    cchc: str = Field(description="cchc library version.")
    api: str = Field(description="API version (the /v1 prefix).")
    calendar_years: tuple[int, int] = Field(
        description="First and last year of the official calendar (lịch làm việc)."
    )
    sources: int = Field(description="Rows of the source registry (sổ nguồn).")


class ExplanationStepOut(_Out):
    """One step of an explanation (giải trình), with the sources it applied."""

    text_vi: str
    text_en: str
    sources: tuple[LegalSource, ...]


class ExplanationOut(_Out):
    """How a result was obtained: ordered steps citing their sources."""

    title_vi: str
    title_en: str
    steps: tuple[ExplanationStepOut, ...]
    text_vi: str = Field(description="Numbered Vietnamese text for a reply to the applicant.")

    @classmethod
    def of(cls, explanation: Explanation) -> ExplanationOut:
        """The response form of a library :class:`~cchc.legal.Explanation`."""
        return cls(
            title_vi=explanation.title_vi,
            title_en=explanation.title_en,
            steps=tuple(
                ExplanationStepOut(text_vi=s.text_vi, text_en=s.text_en, sources=s.sources)
                for s in explanation.steps
            ),
            text_vi=explanation.text("vi"),
        )


# -- calendar ----------------------------------------------------------------------


class DayStatus(_Out):
    """Whether a day is a working day (ngày làm việc) and why not."""

    date: date
    working_day: bool
    reason_vi: str | None = Field(description="Tên ngày nghỉ / 'cuối tuần' / làm bù.")
    entry: CalendarEntry | None = Field(description="The official entry of the day, if any.")
    provisional: bool = Field(description="Derived for a year no notice covers yet (dự kiến).")


class AddedDays(_Out):
    """The n-th working day after a date (the date not counted)."""

    date: Day
    n: int
    result: Day
    provisional: bool


class WorkingDaysBetween(_Out):
    """Working days between two dates."""

    start: date
    end: date
    inclusive: str
    working_days: int
    provisional: bool


class YearDays(_Out):
    """The official days off and make-up working days of a year, with their sources."""

    year: int
    provisional: bool
    entries: tuple[CalendarEntry, ...]


class MonthDay(_Out):
    """One day of a month view."""

    date: date
    weekday: int = Field(description="0 = Monday (Thứ Hai) ... 6 = Sunday (Chủ nhật).")
    working_day: bool
    entry: CalendarEntry | None


class MonthView(_Out):
    """A month of the official calendar (days off, make-up Saturdays)."""

    year: int
    month: int
    provisional: bool
    days: tuple[MonthDay, ...]


# -- due dates and dossiers --------------------------------------------------------


class DueRequest(CchcRecord):
    """A due-date question: a receipt moment and a time limit, or a procedure and channel."""

    received_at: IsoDateTime = Field(description="Thời điểm tiếp nhận, ISO 8601 with offset.")
    amount: int | None = Field(
        default=None, ge=0, le=100_000, description="Thời hạn giải quyết (with unit)."
    )
    unit: TimeUnit | None = Field(default=None, description="Unit; default working_days.")
    procedure_code: str | None = Field(
        default=None,
        description="Mã TTHC in the bundled catalogue: its limit for the channel and its "
        "cut-off hour apply (instead of amount/unit).",
    )
    issuer: str | None = Field(
        default=None,
        max_length=300,
        description="Cơ quan công bố: the publisher of the procedure's announcement, when "
        "several authorities publish the same code.",
    )
    channel: Channel = Field(default=Channel.IN_PERSON, description="Hình thức nộp.")
    policy: str = Field(default="next_opening", description="Receipt rule (quy ước tiếp nhận).")
    cutoff: time | None = Field(default=None, description="Per-procedure cut-off hour.")
    explain: bool = Field(default=False, description="Also return the explanation.")


class DueResponse(_Out):
    """A due date (ngày hẹn trả) with the rule set, and on request its explanation."""

    received_at: datetime
    clock_start: datetime = Field(description="When the clock started (after the receipt rule).")
    due_at: datetime = Field(description="Hạn giải quyết (aware, +07:00).")
    amount: int
    unit: TimeUnit
    unit_vi: str
    channel: Channel
    policy: str
    rules: str = Field(description="The one-stop rule set in force on the receipt date.")
    rules_source: LegalSource
    provisional: bool
    procedure: Procedure | None = Field(
        default=None, description="The catalogue version used, when a procedure was named."
    )
    explanation: ExplanationOut | None = None

    @classmethod
    def of(
        cls,
        result: DueDate,
        received_at: datetime,
        channel: Channel,
        *,
        procedure: Procedure | None,
        explain: bool,
    ) -> DueResponse:
        """The response form of a library :class:`~cchc.dossiers.DueDate`."""
        return cls(
            received_at=received_at,
            clock_start=result.start_at,
            due_at=result.due_at,
            amount=result.amount,
            unit=result.unit,
            unit_vi=result.unit.vietnamese,
            channel=channel,
            policy=result.policy,
            rules=result.rules.value.name,
            rules_source=result.rules.source,
            provisional=result.provisional,
            procedure=procedure,
            explanation=ExplanationOut.of(result.explain()) if explain else None,
        )


class DeadlineRequest(CchcRecord):
    """A dossier with its events, to replay: due date, timeliness, progress."""

    dossier: Dossier
    as_of: IsoDateTime | None = Field(
        default=None, description="Judge an unfinished dossier at this moment (progress)."
    )
    policy: str = Field(default="next_opening", description="Receipt rule.")
    granularity: Granularity | None = Field(default=None, description="day or minute.")
    explain: bool = False


class DeadlineResponse(_Out):
    """The replayed deadline of a dossier and its timeliness."""

    due_at: datetime = Field(description="Current due moment (after supplements, rescheduling).")
    legal_due_at: datetime = Field(description="Due moment before any rescheduling.")
    first_due_at: datetime = Field(description="Due moment on the first receipt.")
    start_at: datetime
    finished_at: datetime | None
    supplement_requests: int
    pending_supplement_since: datetime | None
    lapse_at: datetime | None
    late_supplement_request: bool
    rescheduled: bool
    rules: str
    provisional: bool
    timeliness: Timeliness | None = Field(description="trước hạn / đúng hạn / quá hạn.")
    timeliness_vi: str | None
    stopped: bool = Field(
        default=False,
        description="Dừng thực hiện theo yêu cầu (ND 118/2025 Điều 21): counted apart, no "
        "timeliness (CONV-STOP-APART).",
    )
    progress: Progress | None = Field(description="in_time / overdue at as_of (unfinished).")
    explanation: ExplanationOut | None = None

    @classmethod
    def of(
        cls, dl: Deadline, request: DeadlineRequest, progress: Progress | None
    ) -> DeadlineResponse:
        """The response form of a replayed :class:`~cchc.dossiers.Deadline`."""
        when = dl.timeliness(request.granularity)
        return cls(
            due_at=dl.due_at,
            legal_due_at=dl.legal_due_at,
            first_due_at=dl.first_due_at,
            start_at=dl.start_at,
            finished_at=dl.finished_at,
            supplement_requests=dl.supplement_requests,
            pending_supplement_since=dl.pending_supplement_since,
            lapse_at=dl.lapse_at,
            late_supplement_request=dl.late_supplement_request,
            rescheduled=dl.rescheduled,
            rules=dl.rules.value.name,
            provisional=dl.provisional,
            timeliness=when,
            timeliness_vi=when.vietnamese if when is not None else None,
            stopped=dl.stopped,
            progress=progress,
            explanation=ExplanationOut.of(dl.explain()) if request.explain else None,
        )


class EvaluationSummary(_Out):
    """Counts of an evaluated upload (the last record of a streamed result)."""

    rows: int = Field(description="Rows evaluated (good rows).")
    bad_rows: int = Field(description="Rows refused, each reported with its line.")
    early: int
    on_time: int
    late: int
    unfinished: int
    stopped: int = Field(
        default=0,
        description="Dừng thực hiện theo yêu cầu (the outcome 'withdrawn'; counted apart, "
        "CONV-STOP-APART).",
    )
    provisional: bool
    complete: bool = Field(description="False when a limit (rows, time) stopped the run.")


class EvaluationReport(_Out):
    """The answer of an upload evaluated with ``output=summary``."""

    summary: EvaluationSummary
    problems: tuple[RowProblem, ...] = Field(
        description="The first 1,000 problems (bad rows, a limit reached), in order."
    )


# -- forms -------------------------------------------------------------------------


class FormRequest(CchcRecord):
    """What :func:`cchc.forms.fill` needs beyond the dossier (what the dossier does not keep)."""

    dossier: Dossier
    procedure: str = Field(description="Mã TTHC in the bundled catalogue.")
    agency: str = Field(min_length=1, max_length=300, description="Tên cơ quan (header).")
    regime: str | None = Field(default=None, description="'TT01-2018' or 'TT03-2025'.")
    applicant: str | None = Field(default=None, max_length=300, description="Người nộp.")
    officer: str | None = Field(default=None, max_length=300, description="Công chức tiếp nhận.")
    signer: str | None = Field(default=None, max_length=300, description="Người ký.")
    reason: str | None = Field(default=None, max_length=2000, description="Lý do.")
    address: str | None = Field(default=None, max_length=500)
    phone: str | None = Field(default=None, max_length=50)
    email: str | None = Field(default=None, max_length=200)
    place: str | None = Field(default=None, max_length=200, description="Địa danh.")
    contact: str | None = Field(default=None, max_length=200)
    code: str | None = Field(default=None, description="Mã hồ sơ, when the dossier has none.")
    missing: tuple[str, ...] | None = Field(default=None, description="Giấy tờ cần bổ sung.")
    papers: tuple[str, ...] | None = Field(default=None, description="Giấy tờ đã nhận.")
    copies: int | None = Field(default=None, ge=1, le=100, description="Số bộ hồ sơ.")

    def inputs(self) -> dict[str, Any]:
        """The keyword inputs of :func:`cchc.forms.fill` that were given."""
        names = (
            *("applicant", "officer", "signer", "reason", "address", "phone", "email"),
            *("place", "contact", "code", "copies"),
        )
        out: dict[str, Any] = {n: getattr(self, n) for n in names if getattr(self, n) is not None}
        for name in ("missing", "papers"):
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value)
        return out


# -- rules, procedures, documents, indices -----------------------------------------


class RuleOut(_Out):
    """One rule as it stands on a date, with its sources."""

    domain: str
    name: str
    value: str
    sources: tuple[LegalSource, ...]


class RuleChangeOut(_Out):
    """A rule whose reading differs between two dates (None: not in force then)."""

    domain: str
    name: str
    before: str | None
    after: str | None


class TimeLimitRequest(CchcRecord):
    """The published wording of a time limit, to read."""

    text: str = Field(max_length=10_000, description="Thời hạn giải quyết as published.")
    channel: Channel | None = Field(default=None, description="The channel whose limit to read.")


class TimeLimitResponse(_Out):
    """A time limit read from its wording."""

    time_limit: TimeLimit


class TextRequest(CchcRecord):
    """A document's text (UTF-8), for citations or the linter."""

    text: str = Field(description="The document text.")
    issued_on: IsoDate | None = Field(default=None, description="The document's own date.")
    regime: str | None = Field(
        default=None, description="Reporting regime for the linter: bnv-cchc or nd09-2019."
    )


class FrameworkInfo(_Out):
    """A bundled index framework (bộ chỉ số)."""

    id: str
    kind: str
    version: str
    name: str
    max_points: str = Field(description="Điểm tối đa (a decimal, as text).")
    source: str | None = Field(description="Citation of the framework's source.")


class ScoreRequest(CchcRecord):
    """A unit's inputs for one framework: item id -> value (or {value, appraised, evidence})."""

    items: dict[str, Any] = Field(description="Inputs by item id (ids are text, e.g. '1.10').")
    unit: str | None = Field(default=None, max_length=300, description="Đơn vị được chấm.")
    period: str | None = Field(default=None, max_length=100, description="Kỳ đánh giá.")
    explain: bool = False
    top: int = Field(default=5, ge=0, le=100, description="Items that lost most, explained.")


class ScoreResponse(_Out):
    """The scorecard and, on request, how it was obtained."""

    scorecard: Scorecard
    explanation: ExplanationOut | None = None
