"""/v1/due and /v1/dossiers: due dates, a dossier's deadline, many dossiers at once."""

from __future__ import annotations

import time as _clock
from collections.abc import AsyncIterator, Callable
from functools import cache
from typing import Annotated, Any, Literal

import numpy as np
from anyio import to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from cchc.dossiers import POLICIES, Granularity, compute_due, get_policy
from cchc.errors import CchcError, ValidationError
from cchc.procedures import Catalogue, Procedure, TimeUnit, load_sample_catalogue
from cchc.tz import to_vn

from .models import (
    DeadlineRequest,
    DeadlineResponse,
    DueRequest,
    DueResponse,
    EvaluationReport,
    EvaluationSummary,
)
from .problems import (
    PROBLEMS,
    RowProblem,
    problem_response,
    row_problems,
    service_problem,
)
from .upload import (
    CSV_HEADER,
    CSV_TYPES,
    NDJSON_TYPES,
    PARQUET_TYPES,
    ChunkResult,
    Tally,
    csv_lines,
    evaluate_csv,
    evaluate_frame,
    evaluate_records,
    line_chunks,
    ndjson_lines,
    ndjson_records,
    parquet_batches,
)

__all__ = ["catalogue", "due", "router"]

router = APIRouter(prefix="/v1", tags=["dossiers"], responses=PROBLEMS)

_POLICY = Query(
    description="Receipt rule (quy ước tiếp nhận): " + ", ".join(sorted(POLICIES)),
    json_schema_extra={"enum": sorted(POLICIES)},
)
_NONE = np.empty(0, np.int64)
_SHOWN_PROBLEMS = 1000
"""Most problems listed in a summary report (all are counted)."""


@cache
def catalogue() -> Catalogue:
    """The bundled procedure catalogue (read once per process; immutable)."""
    return load_sample_catalogue()


def due(request: DueRequest) -> DueResponse:
    """Answer a due-date question (shared by GET and POST /v1/due and the desk page)."""
    amount, unit, cutoff = request.amount, request.unit, request.cutoff
    procedure: Procedure | None = None
    if request.procedure_code is not None:
        if amount is not None or unit is not None:
            raise ValidationError(
                "give either amount (and unit) or procedure_code, not both",
                field="procedure_code",
            )
        procedure = catalogue().in_force(
            request.procedure_code, to_vn(request.received_at).date(), issuer=request.issuer
        )
        amount, unit_name = procedure.time_limit_for(request.channel).engine_terms()
        unit = TimeUnit(unit_name)
        cutoff = cutoff if cutoff is not None else procedure.cutoff
    elif amount is None:
        raise ValidationError("give amount (and unit) or procedure_code", field="amount")
    policy = get_policy(request.policy)
    if cutoff is not None:
        policy = policy.with_cutoff(cutoff)
    result = compute_due(request.received_at, amount, unit or TimeUnit.WORKING_DAYS, policy=policy)
    return DueResponse.of(
        result,
        request.received_at,
        request.channel,
        procedure=procedure,
        explain=request.explain,
    )


def _json(model: DueResponse) -> Response:
    """The response body serialized once, by pydantic-core (the hot path of the service)."""
    return Response(model.model_dump_json(), media_type="application/json")


def _query_parameters(model: type[DueRequest]) -> list[dict[str, Any]]:
    """The OpenAPI query parameters of ``model``'s fields (their schemas, as in the body)."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "in": "query",
            "required": name in required,
            "description": prop.get("description", ""),
            "schema": {k: v for k, v in prop.items() if k not in ("description", "title")},
        }
        for name, prop in schema["properties"].items()
    ]


@router.get(
    "/due",
    summary="Due date of a dossier received at a moment",
    response_model=DueResponse,
    openapi_extra={"parameters": _query_parameters(DueRequest)},
)
async def due_get(request: Request) -> Response:
    """The due moment (hạn giải quyết) and, with ``explain=true``, the steps with sources.

    The query parameters are the fields of the ``POST`` body, validated at once by one
    model (the hot path of the service: FastAPI's per-parameter handling costs more than
    the answer)."""
    return _json(due(DueRequest.model_validate(dict(request.query_params))))


@router.post("/due", summary="Due date (JSON body)", response_model=DueResponse)
async def due_post(body: DueRequest) -> Response:
    """As ``GET /v1/due``, the question in a JSON body."""
    return _json(due(body))


@router.post("/dossiers/deadline", summary="A dossier's deadline, timeliness and progress")
async def dossier_deadline(body: DeadlineRequest) -> DeadlineResponse:
    """Replay the dossier's events (supplements, one rescheduling): due moment, early / on
    time / late when finished, in time / overdue at ``as_of`` when not."""
    dl = body.dossier.deadline(policy=body.policy)
    progress = None
    if body.as_of is not None:
        progress = body.dossier.progress_as_of(body.as_of, policy=body.policy)
    return DeadlineResponse.of(dl, body, progress)


class _UploadResponse(StreamingResponse):
    """A streamed response that leaves the request body to the stream (which reads it)."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:  # noqa: ARG002
        await self.stream_response(send)


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "Dossiers, one per row, with the columns of cchc.dossiers "
        "(channel, received_at, amount, unit required; finished_at, supplement_*, "
        "rescheduled_*, procedure_code, field, agency, code, cutoff optional).",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
            "application/vnd.apache.parquet": {
                "schema": {"type": "string", "contentMediaType": "application/vnd.apache.parquet"}
            },
        },
    }
}
_UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    **PROBLEMS,
    200: {
        "description": "output=rows: one JSON line (or CSV line) per row, bad rows as problem "
        "records, a final summary line (JSON lines); output=summary: one JSON report.",
        "content": {
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {"schema": {"$ref": "#/components/schemas/EvaluationReport"}},
        },
    },
}


@router.post(
    "/dossiers/evaluate",
    summary="Evaluate many dossiers (CSV, JSON lines or Parquet upload)",
    openapi_extra=_UPLOAD_BODY,
    responses=_UPLOAD_RESPONSES,
    response_class=Response,
)
async def evaluate_upload(
    request: Request,
    policy: Annotated[str, _POLICY] = "next_opening",
    granularity: Granularity | None = None,
    output: Literal["rows", "summary"] = "rows",
    fmt: Annotated[
        Literal["ndjson", "csv"], Query(alias="format", description="Row output format.")
    ] = "ndjson",
) -> Response:
    """Due dates and timeliness of every row, read and answered chunk by chunk.

    Every bad row is reported with its line (CSV: file line, header = 1; JSON lines:
    line from 1; Parquet: row from 1) and never dropped silently; good rows are
    evaluated by the column engine. A row or time limit stops the run with a
    problem record and ``complete: false`` in the summary.
    """
    get_policy(policy)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    settings = request.app.state.settings
    stop_at = _clock.monotonic() + settings.timeout_seconds * 0.9
    gran = None if granularity is None else granularity.value
    if media in CSV_TYPES:
        chunks = _csv_chunks(request, policy, gran)
    elif media in NDJSON_TYPES:
        chunks = _ndjson_chunks(request, policy, gran)
    elif media in PARQUET_TYPES:
        chunks = _parquet_chunks(await request.body(), policy, gran)
    else:
        known = ", ".join((*CSV_TYPES, *NDJSON_TYPES, *PARQUET_TYPES))
        problem = service_problem(
            "unsupported_media_type",
            f"send the dossiers as {known}, not {media or 'no Content-Type'}",
            detail_vi=f"gửi dữ liệu dạng {known}",
            instance=request.url.path,
        )
        return problem_response(problem)
    first = await anext(chunks, None)  # errors of the header reach the client as a problem
    run = _Run(settings.max_rows, stop_at)
    if output == "summary":
        return JSONResponse((await run.report(first, chunks)).model_dump(mode="json"))
    if fmt == "csv":
        return _UploadResponse(
            run.stream(first, chunks, csv_lines, None, CSV_HEADER),
            media_type="text/csv; charset=utf-8",
        )
    return _UploadResponse(
        run.stream(first, chunks, ndjson_lines, _summary_line, b""),
        media_type="application/x-ndjson",
    )


def _summary_line(summary: EvaluationSummary) -> bytes:
    return b'{"summary":' + summary.model_dump_json().encode() + b"}\n"


class _Run:
    """The limits of one upload and its running tally."""

    def __init__(self, max_rows: int, stop_at: float) -> None:
        self.max_rows = max_rows
        self.stop_at = stop_at
        self.tally = Tally()
        self.stopped: RowProblem | None = None

    def admit(self, chunk: ChunkResult) -> bool:
        """Count ``chunk`` unless it passes the row limit (then stop)."""
        seen = self.tally.rows + self.tally.bad_rows
        if seen + len(chunk.rows) + len(chunk.problems) > self.max_rows:
            self.stopped = _stop("too_many_rows", f"more than {self.max_rows} rows")
            return False
        self.tally.add(chunk)
        return True

    def late(self) -> bool:
        """Whether the time limit is reached (then stop)."""
        if _clock.monotonic() > self.stop_at:
            self.stopped = _stop("timeout", "the time limit was reached")
            return True
        return False

    async def chunks(
        self, first: ChunkResult | None, rest: AsyncIterator[ChunkResult]
    ) -> AsyncIterator[ChunkResult]:
        """The admitted chunks, until the end, a limit, or a bad chunk."""
        if first is None:
            return
        if not self.admit(first):
            return
        yield first
        while not self.late():
            try:
                chunk = await anext(rest, None)
            except CchcError as exc:  # a chunk the loader refuses whole: the run stops there
                self.stopped = row_problems([exc])[0]
                return
            if chunk is None or not self.admit(chunk):
                return
            yield chunk

    async def stream(
        self,
        first: ChunkResult | None,
        rest: AsyncIterator[ChunkResult],
        write: Callable[[ChunkResult], bytes],
        summary: Callable[[EvaluationSummary], bytes] | None,
        header: bytes,
    ) -> AsyncIterator[bytes]:
        """The response body: a header, each chunk's lines, then the stop and summary."""
        if header:
            yield header
        async for chunk in self.chunks(first, rest):
            yield await to_thread.run_sync(write, chunk)
        if self.stopped is not None:
            yield write(ChunkResult(rows=_NONE, results=None, problems=(self.stopped,)))
        if summary is not None:
            yield summary(self.tally.summary(complete=self.stopped is None))

    async def report(
        self, first: ChunkResult | None, rest: AsyncIterator[ChunkResult]
    ) -> EvaluationReport:
        """The summary and the first problems."""
        shown: list[RowProblem] = []
        async for chunk in self.chunks(first, rest):
            shown.extend(chunk.problems[: _SHOWN_PROBLEMS - len(shown)])
        if self.stopped is not None:
            shown.append(self.stopped)
        return EvaluationReport(
            summary=self.tally.summary(complete=self.stopped is None), problems=tuple(shown)
        )


def _stop(code: str, detail: str) -> RowProblem:
    problem = service_problem(code, detail)
    return RowProblem(
        kind="ServiceError",
        code=code,
        message_vi=problem.message_vi,
        message_en=detail,
    )


async def _csv_chunks(
    request: Request, policy: str, granularity: str | None
) -> AsyncIterator[ChunkResult]:
    header = b""
    line = 2  # the file line of the next chunk's first record
    async for data in line_chunks(request.stream(), quoted=True):
        first = not header
        if first:
            end = data.find(b"\n")
            header = data[: end + 1] if end >= 0 else data + b"\n"
        yield await to_thread.run_sync(evaluate_csv, data, header, line, first, policy, granularity)
        line += data.count(b"\n") - (1 if first else 0)
    if not header:  # an empty body: the loader's own error (no header row)
        yield await to_thread.run_sync(evaluate_csv, b"", b"", 2, True, policy, granularity)


async def _ndjson_chunks(
    request: Request, policy: str, granularity: str | None
) -> AsyncIterator[ChunkResult]:
    line = 1
    async for data in line_chunks(request.stream(), quoted=False):
        records, lines, bad = await to_thread.run_sync(ndjson_records, data, line)
        yield await to_thread.run_sync(evaluate_records, records, lines, bad, policy, granularity)
        line += data.count(b"\n")


async def _parquet_chunks(
    body: bytes, policy: str, granularity: str | None
) -> AsyncIterator[ChunkResult]:
    batches = await to_thread.run_sync(parquet_batches, body)
    while True:
        item = await to_thread.run_sync(next, batches, None)
        if item is None:
            return
        df, first_row = item
        yield await to_thread.run_sync(evaluate_frame, df, first_row, policy, granularity)
