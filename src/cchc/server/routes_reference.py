"""/v1 reference data and the other calculators: rules, sources, procedures, documents,
index scoring, forms, version and health."""

from __future__ import annotations

from typing import Annotated, Literal

from anyio import to_thread
from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from cchc import __version__
from cchc.calendar import default_calendar
from cchc.documents import Citation, Finding, lint, parse_citations
from cchc.errors import ValidationError
from cchc.forms import Form, FormKind, fill
from cchc.indices import bundled_frameworks, score
from cchc.legal import LegalSource, sources
from cchc.procedures import Procedure, parse_time_limit
from cchc.rulebook import DOMAINS, diff, rules_in_force

from .models import (
    ExplanationOut,
    FormRequest,
    FrameworkInfo,
    Health,
    IsoDate,
    RuleChangeOut,
    RuleOut,
    ScoreRequest,
    ScoreResponse,
    TextRequest,
    TimeLimitRequest,
    TimeLimitResponse,
    VersionInfo,
)
from .problems import PROBLEMS
from .routes_dossiers import catalogue

__all__ = ["router"]

router = APIRouter(prefix="/v1", responses=PROBLEMS)

Domain = Annotated[
    str | None,
    Query(
        description="Only one domain: " + ", ".join(DOMAINS),
        json_schema_extra={"enum": list(DOMAINS)},
    ),
]
Code = Annotated[str, Path(max_length=40, description="Mã TTHC, e.g. '1.013876'.")]
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _not_found(what: str) -> HTTPException:
    return HTTPException(404, what)


@router.get("/health", tags=["service"], summary="Liveness")
async def health() -> Health:
    """``ok`` when the process answers."""
    return Health(status="ok")


@router.get("/version", tags=["service"], summary="Versions")
async def version() -> VersionInfo:
    """The library and API versions, the calendar's years and the registry's size."""
    coverage = default_calendar().coverage
    return VersionInfo(
        cchc=__version__,
        api="1",
        calendar_years=(coverage.first_year, coverage.last_year),
        sources=len(sources()),
    )


# -- rules and sources -----------------------------------------------------------------


@router.get("/rules", tags=["rules"], summary="The rules in force on a date")
async def rules(on: IsoDate, domain: Domain = None) -> list[RuleOut]:
    """Each rule as it stands on ``on``, with the sources its version rests on."""
    return [
        RuleOut.model_validate(r, from_attributes=True) for r in rules_in_force(on, domain=domain)
    ]


@router.get("/rules/diff", tags=["rules"], summary="Rules that differ between two dates")
async def rules_diff(before: IsoDate, after: IsoDate, domain: Domain = None) -> list[RuleChangeOut]:
    """The rules whose reading differs on ``before`` and ``after``."""
    return [
        RuleChangeOut.model_validate(c, from_attributes=True)
        for c in diff(before, after, domain=domain)
    ]


@router.get("/sources", tags=["rules"], summary="The source registry")
async def source_list(
    unconfirmed: Annotated[
        bool, Query(description="Only sources not read in the original text.")
    ] = False,
) -> list[LegalSource]:
    """Every registry row (căn cứ pháp lý) with how its text was read."""
    return [s for s in sources().values() if not unconfirmed or s.verification.value != "original"]


@router.get("/sources/{key}", tags=["rules"], summary="One registry source")
async def source_one(key: Annotated[str, Path(max_length=80)]) -> LegalSource:
    """The registry row ``key`` (e.g. ``ND118-2025``)."""
    found = sources().get(key)
    if found is None:
        raise _not_found(f"no source {key!r} in the registry")
    return found


# -- procedures ------------------------------------------------------------------------


@router.get("/procedures", tags=["procedures"], summary="The bundled procedure catalogue")
async def procedures(
    on: Annotated[IsoDate | None, Query(description="Only versions in force on this day.")] = None,
) -> list[Procedure]:
    """Every procedure version of the bundled catalogue (or those in force on ``on``)."""
    if on is None:
        return list(catalogue())
    return [p for p in catalogue() if p.in_force_on(on)]


@router.get("/procedures/{code}", tags=["procedures"], summary="Versions of one procedure")
async def procedure(
    code: Code,
    on: Annotated[IsoDate | None, Query(description="The version in force on this day.")] = None,
) -> list[Procedure]:
    """The versions of ``code`` (newest first), or the one in force on ``on``."""
    found = catalogue().find(code, on=on)
    if not found:
        raise _not_found(f"no procedure {code} in the catalogue" + (f" on {on}" if on else ""))
    return found


@router.post("/time-limit", tags=["procedures"], summary="Read a published time limit")
async def time_limit(body: TimeLimitRequest) -> TimeLimitResponse:
    """The time limit in a published wording, e.g. "10 ngày làm việc kể từ ngày nhận đủ
    hồ sơ hợp lệ" (per channel when the wording differs by channel)."""
    return TimeLimitResponse(time_limit=parse_time_limit(body.text, channel=body.channel))


# -- documents -------------------------------------------------------------------------


@router.post("/documents/citations", tags=["documents"], summary="Documents cited in a text")
async def citations(body: TextRequest) -> list[Citation]:
    """Each citation of a legal document in ``text`` (type, number, date, issuer, role)."""
    return await to_thread.run_sync(parse_citations, body.text)


@router.post("/documents/lint", tags=["documents"], summary="Check a document")
async def lint_text(body: TextRequest) -> list[Finding]:
    """Inconsistent citations, dates and figures in ``text`` (each with its span)."""

    def run() -> list[Finding]:
        if body.regime is None:
            return lint(body.text, issued_on=body.issued_on)
        return lint(body.text, issued_on=body.issued_on, regime=body.regime)

    return await to_thread.run_sync(run)


# -- indices ---------------------------------------------------------------------------


@router.get("/indices/frameworks", tags=["indices"], summary="Bundled index frameworks")
async def frameworks() -> list[FrameworkInfo]:
    """The bundled frameworks (bộ chỉ số) with version and source."""
    out = []
    for fw in bundled_frameworks().values():
        src = fw.sources.get(fw.source) if fw.source else None
        out.append(
            FrameworkInfo(
                id=fw.id,
                kind=str(fw.kind),
                version=fw.version,
                name=fw.name,
                max_points=str(fw.max_points),
                source=src.cite() if src else fw.assumption,
            )
        )
    return out


@router.post("/indices/frameworks/{framework}/score", tags=["indices"], summary="Score a unit")
async def score_unit(
    framework: Annotated[str, Path(max_length=80)], body: ScoreRequest
) -> ScoreResponse:
    """Points per item and area, the index and its group; ``explain`` adds how."""
    fw = bundled_frameworks().get(framework)
    if fw is None:
        raise _not_found(f"no bundled framework {framework!r}")
    card = score(fw, body.items, unit=body.unit, period=body.period)
    explanation = ExplanationOut.of(card.explain(fw, top=body.top)) if body.explain else None
    return ScoreResponse(scorecard=card, explanation=explanation)


# -- forms -----------------------------------------------------------------------------


@router.post(
    "/forms/{kind}",
    tags=["forms"],
    summary="Fill a one-stop form",
    responses={
        200: {
            "description": "The form: JSON (default), Markdown or a Word file.",
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Form"}},
                "text/markdown": {"schema": {"type": "string"}},
                _DOCX: {"schema": {"type": "string", "contentMediaType": _DOCX}},
            },
        }
    },
    response_model=Form,
)
async def form(
    kind: Annotated[FormKind, Path(description="Loại biểu mẫu (the book has no dossier).")],
    body: FormRequest,
    fmt: Annotated[
        Literal["json", "markdown", "docx"], Query(alias="format", description="Output.")
    ] = "json",
) -> Response:
    """The form ``kind`` (giấy tiếp nhận và hẹn trả kết quả, phiếu yêu cầu bổ sung ...)
    filled from the dossier, in the regime in force on its event's date."""
    if kind is FormKind.TRACKING_BOOK:
        raise ValidationError(
            "the tracking book is filled from many dossiers, not one (cchc.forms.tracking_book)",
            field="kind",
        )
    filled = fill(
        kind,
        body.dossier,
        procedure=body.procedure,
        agency=body.agency,
        regime=body.regime,
        **body.inputs(),
    )
    if fmt == "markdown":
        return Response(filled.to_markdown(), media_type="text/markdown; charset=utf-8")
    if fmt == "docx":
        data = await to_thread.run_sync(filled.to_docx_bytes)
        name = f"{kind.value}.docx"
        return Response(
            data,
            media_type=_DOCX,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return Response(filled.model_dump_json(), media_type="application/json")
