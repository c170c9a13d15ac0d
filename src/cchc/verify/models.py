"""The verification-case format (ca kiểm thử quy tắc): pydantic models and JSON Schema.

A case file holds a list of ``cases``; each case has a ``kind`` (what is asked), an
``input``, an ``expect`` (the answer the source gives), a ``source`` (the text the
answer comes from) and a ``note`` (why the answer is what it is). The kinds:

==========================  ==========================================================
kind                        asks
==========================  ==========================================================
``is_working_day``          is this day a working day (ngày làm việc)?
``add_working_days``        the n-th working day after a day
``working_days_between``    how many working days lie between two days
``due_date``                the due moment (hạn giải quyết) of a receipt
``dossier``                 a dossier's events replayed: due moments, timeliness
                            (trước hạn / đúng hạn / quá hạn), progress, lapse
``reporting_period``        a report's data window and deadline (kỳ báo cáo), on time
``index_score``             an index framework's score (điểm chỉ số) for given inputs
==========================  ==========================================================

Only the fields written under ``expect`` are checked (``timeliness: null`` checks that
the dossier is still in progress); ``expect`` must name at least one. Instead of values,
``expect`` may name an ``error`` the library must raise (its type, field, a part of its
message). Every model refuses unknown keys, so a misspelt field is an error naming it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import BeforeValidator, Field, Strict, field_validator, model_validator

import cchc.errors
from cchc._model import CchcRecord
from cchc.dossiers import (
    POLICIES,
    Channel,
    Event,
    EventKind,
    Granularity,
    Progress,
    Timeliness,
    TimeUnit,
)
from cchc.indices import bundled_frameworks
from cchc.legal import sources
from cchc.reporting import regime
from cchc.tz import require_aware

__all__ = [
    "AddWorkingDaysCase",
    "Case",
    "CaseFile",
    "DossierCase",
    "DueDateCase",
    "ExpectedError",
    "IndexScoreCase",
    "IsWorkingDayCase",
    "ReportingPeriodCase",
    "WorkingDaysBetweenCase",
    "case_file_schema",
]

ERROR_TYPES: tuple[str, ...] = tuple(
    name for name in cchc.errors.__all__ if name.endswith("Error") and name != "MissingExtraError"
)
"""Names of the :mod:`cchc.errors` classes a case may expect (``CchcError`` is any of them)."""


Int = Annotated[int, Strict()]
"""A whole number as written (``true`` is not ``1``)."""
Bool = Annotated[bool, Strict()]
"""``true`` or ``false`` as written (``1`` is not ``true``)."""


def _day_or_text(value: object) -> object:
    if isinstance(value, datetime) or not isinstance(value, date | str):
        raise cchc.errors.ValidationError(
            f"expected a day (YYYY-MM-DD), got {type(value).__name__} {value!r}"
        )
    return value


def _moment_or_text(value: object) -> object:
    if not isinstance(value, datetime | str):
        raise cchc.errors.ValidationError(
            "expected a moment with its offset (YYYY-MM-DDTHH:MM:SS+07:00), got "
            f"{type(value).__name__} {value!r}"
        )
    return value


def _clock_text(value: object) -> object:
    if not isinstance(value, time | str):
        hint = (
            " (quote it: '15:00'; YAML reads 15:00 as the number 900)"
            if isinstance(value, int)
            else ""
        )
        raise cchc.errors.ValidationError(
            f"expected a time of day HH:MM, got {type(value).__name__} {value!r}{hint}"
        )
    return value


ClockTime = Annotated[time, BeforeValidator(_clock_text)]
"""A time of day as quoted text (``"15:00"``)."""
Day = Annotated[date, BeforeValidator(_day_or_text)]
"""A day as written (``2025-01-24``); a number or a moment is refused."""
Moment = Annotated[datetime, BeforeValidator(_moment_or_text)]
"""A moment as written (``2025-01-24T09:00:00+07:00``); a number (a Unix time) is refused."""
AllowProvisional = Annotated[
    Bool, Field(description="Allow days outside the calendar's coverage (provisional years).")
]
"""An input's ``provisional`` switch (``False`` by default)."""
RestsOnProvisional = Annotated[
    Bool | None, Field(description="The answer rests on a year the calendar does not cover.")
]
"""An expectation's ``provisional`` flag (``None``: not checked)."""


@functools.cache
def _bundled_ids() -> frozenset[str]:
    """Ids of the bundled index frameworks (read once)."""
    return frozenset(bundled_frameworks())


def _aware(value: datetime | None, field: str) -> datetime | None:
    return None if value is None else require_aware(value, field=field)


class ExpectedError(CchcRecord):
    """An error the library must raise for this input (lỗi mong đợi)."""

    type: str = Field(
        default="CchcError",
        description="Name of a cchc.errors class (CchcError, ValidationError, LifecycleError, "
        "RuleNotInForceError, CalendarCoverageError ...); a subclass matches (LifecycleError is "
        "a ValidationError).",
        pattern=r"^[A-Z][A-Za-z]*Error$",
    )
    field: str | None = Field(default=None, description="The error's field, if checked.")
    item: str | None = Field(default=None, description="The error's item, if checked.")
    contains: str | None = Field(
        default=None, min_length=1, description="A part of the error message, if checked."
    )

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in ERROR_TYPES:
            raise cchc.errors.ValidationError(
                f"unknown error type {value!r}; use one of {', '.join(ERROR_TYPES)}",
                field="type",
            )
        return value


_OPTIONS = frozenset({"tolerance"})
"""Fields of an ``expect`` that say how to compare, not what."""


class _Expect(CchcRecord):
    """Shared by every ``expect``: an error instead of values, at least one check."""

    error: ExpectedError | None = Field(
        default=None, description="The error the library must raise (no values then)."
    )

    @model_validator(mode="after")
    def _one_check_at_least(self) -> _Expect:
        given = self.model_fields_set - _OPTIONS
        if not given:
            raise cchc.errors.ValidationError(
                "expect names nothing to check: give at least one field or an error",
                field="expect",
            )
        for name in given:
            value = getattr(self, name)
            if isinstance(value, datetime):
                require_aware(value, field=name)
        if "error" in given and len(given) > 1:
            others = ", ".join(sorted(given - {"error"}))
            raise cchc.errors.ValidationError(
                f"expect gives an error and values ({others}): a case checks one or the other",
                field="expect",
            )
        return self

    def checked(self) -> list[str]:
        """The expected fields, in the model's order (``error`` excluded)."""
        given = self.model_fields_set - {"error"} - _OPTIONS
        return [name for name in type(self).model_fields if name in given]


_Needs = Mapping[str, tuple[str, str]]
"""Expected field -> (the input field it needs, why, appended to the message)."""


class _CaseBase(CchcRecord):
    """What every case carries besides its input and expectation."""

    name: str = Field(
        min_length=1,
        pattern=r"^\S(.*\S)?$",
        description="Name of the case, unique in its file (no leading or trailing space).",
    )
    source: str = Field(
        min_length=1,
        description="Where the expected answer comes from (nguồn): the notice, decree, "
        "article or published table, as a reader can find it.",
    )
    note: str = Field(min_length=1, description="Why the answer is what it is (ghi chú).")
    registry: tuple[str, ...] = Field(
        default=(),
        description="Keys of the source registry (cchc.legal.sources()) behind the answer.",
    )

    needs: ClassVar[_Needs] = {}
    """An expected field that needs an input field: ``{expect: (input, why)}``."""

    @model_validator(mode="after")
    def _expect_needs_input(self) -> Self:
        expected = getattr(self, "expect").model_fields_set  # noqa: B009 - each kind's own
        for wanted, (needed, why) in self.needs.items():
            if wanted in expected and getattr(getattr(self, "input"), needed) is None:  # noqa: B009
                raise cchc.errors.ValidationError(
                    f"expect.{wanted} needs input.{needed}{why}", field=f"input.{needed}"
                )
        return self

    @field_validator("registry")
    @classmethod
    def _known_keys(cls, keys: tuple[str, ...]) -> tuple[str, ...]:
        known = sources()
        for n, key in enumerate(keys):
            if key not in known:
                raise cchc.errors.ValidationError(
                    f"unknown source key {key!r} (see cchc.legal.sources())",
                    field=f"registry[{n}]",
                )
        return keys


# -- calendar -----------------------------------------------------------------------


class DayInput(CchcRecord):
    """A day of the official calendar."""

    day: Day = Field(description="The day (YYYY-MM-DD).")
    provisional: AllowProvisional = False


class IsWorkingDayExpect(_Expect):
    """Whether the day is a working day."""

    working: Bool | None = Field(default=None, description="Ngày làm việc (true) or not.")
    provisional: RestsOnProvisional = None


class IsWorkingDayCase(_CaseBase):
    """Is a day a working day of state agencies?"""

    kind: Literal["is_working_day"]
    input: DayInput
    expect: IsWorkingDayExpect


class AddInput(CchcRecord):
    """A start day and a number of working days."""

    start: Day = Field(description="The day counted from (not counted itself).")
    days: Int = Field(description="Working days to add (negative goes back).")
    provisional: AllowProvisional = False


class AddExpect(_Expect):
    """The day reached."""

    day: Day | None = Field(default=None, description="The n-th working day after start.")
    provisional: RestsOnProvisional = None


class AddWorkingDaysCase(_CaseBase):
    """The n-th working day after a day."""

    kind: Literal["add_working_days"]
    input: AddInput
    expect: AddExpect


class BetweenInput(CchcRecord):
    """Two days and which ends count."""

    start: Day = Field(description="The first day.")
    end: Day = Field(description="The last day.")
    inclusive: Literal["right", "left", "both", "neither"] = Field(
        default="right", description="Which ends count; 'right' is (start, end]."
    )
    provisional: AllowProvisional = False


class BetweenExpect(_Expect):
    """The count of working days."""

    count: Int | None = Field(default=None, description="Working days in the span.")
    provisional: RestsOnProvisional = None


class WorkingDaysBetweenCase(_CaseBase):
    """How many working days lie between two days."""

    kind: Literal["working_days_between"]
    input: BetweenInput
    expect: BetweenExpect


# -- dossiers -----------------------------------------------------------------------


class _Terms(CchcRecord):
    """The time limit and the deadline policy (shared by due dates and dossiers)."""

    amount: Int = Field(ge=0, description="Thời hạn giải quyết: amount.")
    unit: TimeUnit = Field(default=TimeUnit.WORKING_DAYS, description="Thời hạn: unit.")
    policy: str = Field(
        default="next_opening",
        description="Named deadline policy (cchc.dossiers.POLICIES): next_opening, "
        "as_recorded, cutoff_15h, civil_code, portal_766.",
    )
    cutoff: ClockTime | None = Field(
        default=None, description="Per-procedure cut-off hour (giờ tiếp nhận muộn nhất)."
    )
    provisional: AllowProvisional = False

    @field_validator("policy")
    @classmethod
    def _known_policy(cls, name: str) -> str:
        if name not in POLICIES:
            raise cchc.errors.ValidationError(
                f"unknown policy {name!r}; use one of {', '.join(POLICIES)}", field="policy"
            )
        return name


class DueDateInput(_Terms):
    """A receipt moment and a time limit."""

    received_at: Moment = Field(description="Thời điểm tiếp nhận (aware).")

    @field_validator("received_at")
    @classmethod
    def _aware_received(cls, value: datetime) -> datetime:
        return require_aware(value, field="received_at")


class DueDateExpect(_Expect):
    """The due moment and how it was obtained."""

    due_at: Moment | None = Field(default=None, description="Hạn giải quyết (aware moment).")
    due_day: Day | None = Field(default=None, description="Ngày hẹn trả (the day only).")
    start_at: Moment | None = Field(default=None, description="When the clock started.")
    rules: str | None = Field(
        default=None, description="One-stop rule set in force, e.g. 'ND118/2025'."
    )
    provisional: RestsOnProvisional = None


class DueDateCase(_CaseBase):
    """The due moment of a receipt."""

    kind: Literal["due_date"]
    input: DueDateInput
    expect: DueDateExpect


class EventInput(CchcRecord):
    """One event of the dossier (cchc.dossiers.Event), its moments as written."""

    kind: EventKind = Field(description="Loại sự kiện: received, transferred, ...")
    at: Moment = Field(description="Thời điểm (aware).")
    new_due_at: Moment | None = Field(
        default=None, description="Ngày hẹn trả mới (only for 'rescheduled')."
    )
    note: str | None = Field(default=None, description="Ghi chú / lý do.")

    def event(self) -> Event:
        """The library's event."""
        return Event(kind=self.kind, at=self.at, new_due_at=self.new_due_at, note=self.note)


class DossierInput(_Terms):
    """A dossier with its events (the fields of cchc.dossiers.Dossier that matter here)."""

    channel: Channel = Field(default=Channel.IN_PERSON, description="Hình thức nộp.")
    boundary_free: Bool = Field(
        default=False, description="Nộp không phụ thuộc địa giới hành chính (ND 309/2026)."
    )
    events: tuple[EventInput, ...] = Field(
        min_length=1, description="Sự kiện, oldest first; the first is 'received'."
    )
    granularity: Granularity | None = Field(
        default=None, description="How finish and due are compared (day or minute)."
    )
    as_of: Moment | None = Field(default=None, description="Moment for 'progress' (aware).")

    @field_validator("events")
    @classmethod
    def _aware_events(cls, events: tuple[EventInput, ...]) -> tuple[EventInput, ...]:
        for n, ev in enumerate(events):
            require_aware(ev.at, field=f"events[{n}].at")
            _aware(ev.new_due_at, f"events[{n}].new_due_at")
        return events

    @field_validator("as_of")
    @classmethod
    def _aware_as_of(cls, value: datetime | None) -> datetime | None:
        return _aware(value, "as_of")


class DossierExpect(_Expect):
    """What the replay of the events gives."""

    due_at: Moment | None = Field(default=None, description="Current due moment.")
    legal_due_at: Moment | None = Field(default=None, description="Before any rescheduling.")
    first_due_at: Moment | None = Field(default=None, description="Written on the receipt.")
    start_at: Moment | None = Field(default=None, description="When the clock (last) started.")
    finished_at: Moment | None = Field(default=None, description="End of processing.")
    timeliness: Timeliness | None = Field(
        default=None, description="early / on_time / late; null while in progress."
    )
    progress: Progress | None = Field(
        default=None, description="in_time / overdue as of input.as_of; null if finished."
    )
    lapse_at: Moment | None = Field(default=None, description="When the desk may close it.")
    supplement_requests: Int | None = Field(default=None, description="Yêu cầu bổ sung count.")
    late_supplement_request: Bool | None = Field(default=None, description="Request too late.")
    late_apology: Bool | None = Field(
        default=None, description="Apology later than one day before the due day (kept)."
    )
    rescheduled: Bool | None = Field(default=None, description="Hẹn lại ngày trả kết quả.")
    rules: str | None = Field(default=None, description="One-stop rule set in force.")


class DossierCase(_CaseBase):
    """A dossier's events replayed into its deadline and timeliness."""

    kind: Literal["dossier"]
    input: DossierInput
    expect: DossierExpect
    needs: ClassVar[_Needs] = {"progress": ("as_of", " (the moment to judge at)")}


# -- reporting ----------------------------------------------------------------------


class ReportingInput(CchcRecord):
    """A report of a regime, kind and year; optionally when it was sent."""

    regime: str = Field(description="'bnv-cchc' or 'nd09-2019'.")
    period: str = Field(description="Kind of report: Q1, H1, Q3, Y, M1..M12, 9M ...")
    year: Int = Field(description="Năm báo cáo.")
    submitted_on: Day | None = Field(default=None, description="Day the report was sent.")
    deadline: Day | None = Field(
        default=None, description="The requesting agency's deadline (needed under nd09-2019)."
    )
    roll_forward: Bool = Field(
        default=True, description="A deadline on a day off moves to the next working day."
    )

    @model_validator(mode="after")
    def _known_regime_and_period(self) -> ReportingInput:
        known = regime(self.regime).kinds()  # ValidationError naming the regimes
        if self.period not in known:
            raise cchc.errors.ValidationError(
                f"regime {self.regime} has no period {self.period!r} (periods: {', '.join(known)})",
                field="period",
            )
        return self


class ReportingExpect(_Expect):
    """The window, the deadline, the last day, on time."""

    start: Day | None = Field(default=None, description="First day of the data window.")
    end: Day | None = Field(default=None, description="Last day of the data window.")
    due: Day | None = Field(default=None, description="Deadline the rule names (or minimum).")
    due_is_minimum: Bool | None = Field(default=None, description="The rule sets only a minimum.")
    last_day: Day | None = Field(default=None, description="Last day to send (after rolling).")
    on_time: Bool | None = Field(default=None, description="Sent on time (needs submitted_on).")


class ReportingPeriodCase(_CaseBase):
    """A reporting period (kỳ báo cáo) and its deadline."""

    kind: Literal["reporting_period"]
    input: ReportingInput
    expect: ReportingExpect
    needs: ClassVar[_Needs] = {"on_time": ("submitted_on", "")}


# -- indices ------------------------------------------------------------------------


class IndexInput(CchcRecord):
    """A framework and one unit's inputs."""

    framework: str | None = Field(
        default=None, description="Id of a bundled framework (cchc index frameworks)."
    )
    framework_file: str | None = Field(
        default=None, description="A framework YAML/JSON file, relative to the case file."
    )
    inputs: dict[str, Any] = Field(description="Input per scored item id (null = no data).")
    unit: str | None = Field(default=None, description="Đơn vị (for the scorecard).")
    period: str | None = Field(default=None, description="Kỳ (for the scorecard).")

    @model_validator(mode="after")
    def _one_framework(self) -> IndexInput:
        if (self.framework is None) == (self.framework_file is None):
            raise cchc.errors.ValidationError(
                "give exactly one of framework (a bundled id) and framework_file",
                field="framework",
            )
        bundled = _bundled_ids()
        if self.framework is not None and self.framework not in bundled:
            raise cchc.errors.ValidationError(
                f"no bundled framework {self.framework!r} (bundled: {', '.join(sorted(bundled))})",
                field="framework",
            )
        return self


class IndexExpect(_Expect):
    """The scorecard's totals, group and item points."""

    index_percent: Decimal | None = Field(default=None, description="The index in %.")
    total_points: Decimal | None = Field(default=None, description="Points obtained.")
    max_points: Decimal | None = Field(default=None, description="Points possible.")
    group: str | None = Field(default=None, description="Result group (nhóm, xếp loại).")
    items: dict[str, Decimal] | None = Field(
        default=None, description="Points of some items, by item id."
    )
    tolerance: Decimal = Field(
        default=Decimal(0),
        ge=0,
        description="Largest difference accepted on the numbers (a published table "
        "rounded to 2 decimals: 0.02); 0 compares exactly.",
    )


class IndexScoreCase(_CaseBase):
    """An index framework's score for one unit."""

    kind: Literal["index_score"]
    input: IndexInput
    expect: IndexExpect


# -- the file -----------------------------------------------------------------------

Case = Annotated[
    IsWorkingDayCase
    | AddWorkingDaysCase
    | WorkingDaysBetweenCase
    | DueDateCase
    | DossierCase
    | ReportingPeriodCase
    | IndexScoreCase,
    Field(discriminator="kind"),
]
"""One verification case; ``kind`` chooses its model."""

KINDS: tuple[str, ...] = (
    "is_working_day",
    "add_working_days",
    "working_days_between",
    "due_date",
    "dossier",
    "reporting_period",
    "index_score",
)
"""The case kinds, in the order of the documentation."""


class CaseFile(CchcRecord):
    """A file of verification cases (tệp ca kiểm thử)."""

    description: str = Field(default="", description="What the file verifies.")
    cases: tuple[Case, ...] = Field(min_length=1, description="The cases, each with a kind.")

    @model_validator(mode="after")
    def _unique_names(self) -> CaseFile:
        seen: set[str] = set()
        for case in self.cases:
            if case.name in seen:
                raise cchc.errors.ValidationError(
                    f"case name {case.name!r} is used twice", item=case.name, field="name"
                )
            seen.add(case.name)
        return self


def case_file_schema() -> dict[str, Any]:
    """The JSON Schema of a case file (committed as ``cchc/verify/case_file.schema.json``)."""
    schema = CaseFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
