"""Errors as problem documents (RFC 9457, ``application/problem+json``).

Every error the service returns is one JSON object with the standard members
(``type``, ``title``, ``status``, ``detail``, ``instance``) and cchc's own:
``kind`` (the :mod:`cchc.errors` class), a stable ``code``, the location
(``field``, ``row``, ``item``, ``offset``), the message in Vietnamese
(``message_vi``) and in English (``message_en``), and for a batch the list of
every bad row (``errors``). A Java or C# client switches on ``code``; an officer
reads ``message_vi``.

    >>> from cchc.errors import NaiveDatetimeError
    >>> p = problem_from_error(NaiveDatetimeError("must be timezone-aware", field="received_at"))
    >>> (p.status, p.code, p.field)
    (422, 'naive_datetime', 'received_at')
    >>> p.message_vi
    'Thời điểm thiếu múi giờ (ghi rõ, ví dụ +07:00) (trường received_at): must be timezone-aware'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypedDict

from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from cchc.errors import (
    BatchValidationError,
    CalendarCoverageError,
    CchcError,
    DataFileError,
    FrameworkError,
    LifecycleError,
    MissingExtraError,
    NaiveDatetimeError,
    ParseError,
    RuleNotInForceError,
    ValidationError,
)

__all__ = [
    "PROBLEMS",
    "PROBLEM_JSON",
    "Problem",
    "RowProblem",
    "http_message",
    "problem_body",
    "problem_from_error",
    "problem_response",
    "row_problems",
    "service_problem",
    "service_problem_codes",
]

PROBLEM_JSON = "application/problem+json"
"""The media type of a problem document (RFC 9457 §3)."""

# (code, English title, Vietnamese title) by error class, most specific first.
_KINDS: tuple[tuple[type[CchcError], str, str, str], ...] = (
    (BatchValidationError, "bad_rows", "Bad rows in the input", "Có dòng dữ liệu không hợp lệ"),
    (
        NaiveDatetimeError,
        "naive_datetime",
        "A moment without a time zone",
        "Thời điểm thiếu múi giờ (ghi rõ, ví dụ +07:00)",
    ),
    (
        LifecycleError,
        "lifecycle",
        "Dossier events in an impossible order",
        "Trình tự sự kiện của hồ sơ không hợp lệ",
    ),
    (ValidationError, "validation", "Invalid input", "Dữ liệu không hợp lệ"),
    (
        CalendarCoverageError,
        "calendar_coverage",
        "A date outside the official calendar",
        "Ngày nằm ngoài phạm vi lịch làm việc chính thức",
    ),
    (
        RuleNotInForceError,
        "rule_not_in_force",
        "No rule in force on that date",
        "Không có quy định có hiệu lực vào ngày này",
    ),
    (ParseError, "parse", "Text that cannot be read", "Không đọc được nội dung"),
    (
        FrameworkError,
        "framework",
        "An inconsistent index framework",
        "Bộ chỉ số không nhất quán",
    ),
    (DataFileError, "data_file", "A malformed data file", "Tệp dữ liệu không đúng định dạng"),
    (
        MissingExtraError,
        "missing_extra",
        "An optional package is not installed on the server",
        "Máy chủ thiếu gói cài đặt tùy chọn",
    ),
    (CchcError, "cchc_error", "Invalid input", "Dữ liệu đầu vào không hợp lệ"),
)

# Problems of the service itself (not of the library): code -> (status, English, Vietnamese).
_SERVICE: dict[str, tuple[int, str, str]] = {
    "request_validation": (422, "Invalid request", "Yêu cầu không hợp lệ"),
    "malformed_body": (400, "Malformed request body", "Nội dung yêu cầu không đúng định dạng"),
    "not_found": (404, "Not found", "Không tìm thấy"),
    "method_not_allowed": (405, "Method not allowed", "Phương thức không được hỗ trợ"),
    "not_acceptable": (406, "Not acceptable", "Không có định dạng trả về phù hợp"),
    "body_too_large": (413, "Request body too large", "Nội dung yêu cầu quá lớn"),
    "too_many_rows": (413, "Too many rows", "Tệp có quá nhiều dòng"),
    "unsupported_media_type": (
        415,
        "Unsupported media type",
        "Kiểu nội dung không được hỗ trợ",
    ),
    "unauthorized": (401, "Missing or wrong API key", "Thiếu hoặc sai khóa API"),
    "timeout": (503, "The request took too long", "Yêu cầu vượt quá thời gian cho phép"),
    "internal": (500, "Internal error", "Lỗi máy chủ"),
}


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: _problem_response("Malformed body (not JSON, not CSV, not Parquet)."),
    401: _problem_response("Missing or wrong API key (when one is configured)."),
    404: _problem_response("No such resource (a procedure, a source, a framework)."),
    413: _problem_response("Body larger than the configured limit, or too many rows."),
    415: _problem_response("A media type the endpoint does not read."),
    422: _problem_response("Invalid input: the cchc error kind, code, location and messages."),
    503: _problem_response("The request took longer than the configured time limit."),
}
"""The problem responses every /v1 operation documents (OpenAPI ``responses``)."""


class RowProblem(BaseModel):
    """One problem of a batch: its location and message (Vietnamese and English)."""

    model_config = ConfigDict(frozen=True)

    kind: str = Field(description="The cchc.errors class, e.g. 'ValidationError'.")
    code: str = Field(description="Stable code of the kind, e.g. 'validation'.")
    row: int | None = Field(
        default=None,
        description="Dòng: the file line (CSV, JSON lines) or row number (Parquet, from 1).",
    )
    field: str | None = Field(default=None, description="Trường / cột at fault.")
    item: str | None = Field(default=None, description="Item at fault (task, index item).")
    offset: int | None = Field(default=None, description="Character offset in a text.")
    message_vi: str = Field(description="Thông báo lỗi (Vietnamese).")
    message_en: str = Field(description="The message in English.")


class Problem(BaseModel):
    """An error response (RFC 9457 problem details) with cchc's kind, code and location."""

    model_config = ConfigDict(frozen=True)

    type: str = Field(description="URI of the problem type: 'urn:cchc:problem:<code>'.")
    title: str = Field(description="Short English summary of the problem type.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="This occurrence, in English (the library's message).")
    instance: str | None = Field(default=None, description="The request path.")
    kind: str = Field(description="cchc.errors class, or 'ServiceError' for limits and routing.")
    code: str = Field(description="Stable machine code, e.g. 'naive_datetime', 'body_too_large'.")
    field: str | None = Field(default=None, description="Trường at fault.")
    row: int | None = Field(default=None, description="Dòng at fault.")
    item: str | None = Field(default=None, description="Item at fault.")
    offset: int | None = Field(default=None, description="Character offset in a text.")
    message_vi: str = Field(description="Thông báo lỗi bằng tiếng Việt.")
    message_en: str = Field(description="The message in English.")
    errors: tuple[RowProblem, ...] = Field(
        default=(), description="Every problem of a batch (each bad row), in order."
    )


def _kind(exc: CchcError) -> tuple[str, str, str]:
    if isinstance(exc, BatchValidationError) and all(e.row is None for e in exc.errors):
        return "validation", "Invalid input", "Dữ liệu không hợp lệ"  # several fields, no rows
    for cls, code, title_en, title_vi in _KINDS:
        if isinstance(exc, cls):
            return getattr(exc, "code", None) or code, title_en, title_vi
    raise TypeError(type(exc).__name__)  # unreachable: CchcError closes the table


_HTTP_TERMS: tuple[tuple[str, str], ...] = (
    (
        "; give an aware datetime (e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
        ": add the offset, e.g. 2025-01-24T09:00:00+07:00",
    ),
    ("pass provisional=True", "add provisional=true"),
)
"""Advice written for Python callers, in the terms of an HTTP request."""


def http_message(message: str) -> str:
    """A library message in HTTP terms (query parameters, not Python arguments).

    >>> http_message("outside the coverage; pass provisional=True for an answer")
    'outside the coverage; add provisional=true for an answer'
    """
    for python, http in _HTTP_TERMS:
        message = message.replace(python, http)
    return message


def _messages(exc: CchcError, title_vi: str) -> tuple[str, str]:
    """(Vietnamese, English): the library's own Vietnamese message when it has one."""
    own_vi = getattr(exc, "message_vi", None)
    where = exc.location("vi")
    head = f"{title_vi} ({where})" if where else title_vi
    vi = own_vi if isinstance(own_vi, str) and own_vi else f"{head}: {http_message(exc.message)}"
    return vi, http_message(str(exc))


class _Located(TypedDict):
    """What :class:`RowProblem` and :class:`Problem` say of one library error."""

    kind: str
    code: str
    row: int | None
    field: str | None
    item: str | None
    offset: int | None
    message_vi: str
    message_en: str


def _located(exc: CchcError, code: str, title_vi: str) -> _Located:
    """The kind, code, location and both messages of ``exc``."""
    vi, en = _messages(exc, title_vi)
    return _Located(
        kind=type(exc).__name__,
        code=code,
        row=exc.row,
        field=exc.field,
        item=exc.item,
        offset=exc.offset,
        message_vi=vi,
        message_en=en,
    )


def row_problems(errors: Sequence[CchcError], *, row_offset: int = 0) -> list[RowProblem]:
    """Each error as a :class:`RowProblem`, rows shifted by ``row_offset``."""
    out: list[RowProblem] = []
    for err in errors:
        if err.row is not None and row_offset:
            err.row += row_offset
            err.args = (err._render(),)
        code, _, title_vi = _kind(err)
        out.append(RowProblem(**_located(err, code, title_vi)))
    return out


def problem_from_error(
    exc: CchcError, *, instance: str | None = None, status: int | None = None
) -> Problem:
    """The problem document of a library error: 400 for a malformed file (not CSV, not
    Parquet, not UTF-8...), 422 for any other input the rules refuse."""
    if status is None:
        malformed = isinstance(exc, DataFileError) and not isinstance(exc, FrameworkError)
        status = 400 if malformed else 422
    code, title_en, title_vi = _kind(exc)
    where = _located(exc, code, title_vi)
    errors = row_problems(exc.errors) if isinstance(exc, BatchValidationError) else []
    return Problem(
        type=f"urn:cchc:problem:{code}",
        title=title_en,
        status=status,
        detail=where["message_en"],
        instance=instance,
        errors=tuple(errors),
        **where,
    )


def service_problem(
    code: str,
    detail: str,
    *,
    detail_vi: str | None = None,
    instance: str | None = None,
    field: str | None = None,
    errors: Sequence[RowProblem] = (),
) -> Problem:
    """A problem of the service itself (a limit, a route, the API key)."""
    status, title_en, title_vi = _SERVICE[code]
    return Problem(
        type=f"urn:cchc:problem:{code}",
        title=title_en,
        status=status,
        detail=detail,
        instance=instance,
        kind="ServiceError",
        code=code,
        field=field,
        message_vi=f"{title_vi}: {detail_vi}" if detail_vi else title_vi,
        message_en=detail,
        errors=tuple(errors),
    )


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> Response:
    """A problem document as a response (``application/problem+json``)."""
    return Response(
        problem_body(problem), status_code=problem.status, media_type=PROBLEM_JSON, headers=headers
    )


def problem_body(problem: Problem) -> bytes:
    """The JSON bytes of ``problem`` (members that are None are left out)."""
    return problem.model_dump_json(exclude_none=True).encode()


def service_problem_codes() -> dict[str, int]:
    """Each service problem code and its status (documented in docs/server.md)."""
    return {code: status for code, (status, _, _) in _SERVICE.items()}
