"""The FastAPI application of ``cchc serve``: routes, problem documents, limits, logs.

:func:`create_app` builds one stateless application from :class:`Settings`;
``cchc serve --workers N`` starts N processes of it (each reads the same
``CCHC_*`` variables through :func:`app_from_env`).

One pure ASGI layer (:class:`Guard`) in front of the routes applies the
configuration: the API key, the body-size limit (from ``Content-Length``, and
counted while the body is read), the time limit, and one structured JSON log
line per request (method, path without the query, status, bytes, duration:
never a body, a query string or a header value, so no personal data).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from cchc import __version__
from cchc.errors import CchcError

from .problems import Problem, problem_from_error, problem_response, service_problem
from .settings import API_KEY_HEADER, Settings

__all__ = ["UPLOAD_PATHS", "BodyTooLarge", "Guard", "app_from_env", "create_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_PATHS = frozenset({"/v1/dossiers/evaluate"})
"""Paths whose body is an upload (``max_upload_bytes``, read in chunks)."""
_OPEN_PATHS = ("/v1/health",)
"""/v1 paths that need no API key (a load balancer's health check)."""

LOG = logging.getLogger("cchc.server")


class BodyTooLarge(StarletteHTTPException):
    """The request body passed the configured limit while it was read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")
        self.limit = limit


class _JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger and the record's ``fields``."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        data.update(getattr(record, "fields", {}))
        return json.dumps(data, ensure_ascii=False)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler writing to the current ``sys.stderr`` (whatever replaced it since)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        """The stream is always the current stderr; the one given is not kept."""


def configure_logging(level: str) -> None:
    """Send the service's logs to stderr as JSON lines (once per process)."""
    if not any(getattr(h, "_cchc", False) for h in LOG.handlers):
        handler = _Stderr()
        handler.setFormatter(_JsonFormatter())
        handler._cchc = True  # type: ignore[attr-defined]
        LOG.addHandler(handler)
        LOG.propagate = False
    LOG.setLevel(level.upper())


class Guard:
    """API key, body-size and time limits, and the request log, in front of the app."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self._key = None if settings.api_key is None else settings.api_key.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        path: str = scope.get("path", "")
        state = {"status": 0, "sent": 0, "received": 0}

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = int(message["status"])
            elif message["type"] == "http.response.body":
                state["sent"] += len(message.get("body", b""))
            await send(message)

        try:
            await self._handle(scope, receive, counting_send, path, state)
        finally:
            if LOG.isEnabledFor(logging.INFO) or state["status"] >= 500:
                LOG.log(
                    logging.ERROR if state["status"] >= 500 else logging.INFO,
                    "request",
                    extra={
                        "fields": {
                            "method": scope.get("method"),
                            "path": path,
                            "status": state["status"],
                            "request_bytes": state["received"],
                            "response_bytes": state["sent"],
                            "ms": round((time.perf_counter() - began) * 1000, 2),
                        }
                    },
                )

    async def _handle(
        self, scope: Scope, receive: Receive, send: Send, path: str, state: dict[str, int]
    ) -> None:
        if self._key is not None and path.startswith("/v1/") and path not in _OPEN_PATHS:
            given = dict(scope.get("headers") or ()).get(API_KEY_HEADER.lower().encode())
            if scope.get("method") != "OPTIONS" and (
                given is None or not hmac.compare_digest(given, self._key)
            ):
                problem = service_problem(
                    "unauthorized",
                    f"send the API key in the {API_KEY_HEADER} header",
                    detail_vi=f"gửi khóa API trong tiêu đề {API_KEY_HEADER}",
                    instance=path,
                )
                await problem_response(problem, {"WWW-Authenticate": "ApiKey"})(
                    scope, receive, send
                )
                return
        limit = (
            self.settings.max_upload_bytes if path in UPLOAD_PATHS else self.settings.max_body_bytes
        )
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await problem_response(_too_large(limit, path))(scope, receive, send)
            return

        async def limited_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            async with asyncio.timeout(self.settings.timeout_seconds):
                await self.app(scope, limited_receive, send)
        except TimeoutError:
            if state["status"]:  # the response has started: it can only be cut short
                raise
            problem = service_problem(
                "timeout",
                f"the request took more than {self.settings.timeout_seconds:g} s",
                detail_vi=f"quá {self.settings.timeout_seconds:g} giây",
                instance=path,
            )
            await problem_response(problem, {"Retry-After": "1"})(scope, receive, send)


def _too_large(limit: int, path: str) -> Problem:
    return service_problem(
        "body_too_large",
        f"the request body is larger than {limit} bytes (set CCHC_MAX_BODY_BYTES / "
        "CCHC_MAX_UPLOAD_BYTES to change the limit)",
        detail_vi=f"nội dung vượt quá {limit} byte",
        instance=path,
    )


def _field(loc: tuple[Any, ...]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or None


def _allowed(request: Request) -> list[str]:
    """Every method some route of this path answers (Starlette names only the first)."""
    from starlette.routing import Match

    return [
        method
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.router.routes
        )
    ]


def _install_handlers(app: FastAPI) -> None:
    async def on_cchc(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, CchcError)
        return problem_response(problem_from_error(exc, instance=request.url.path))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        from .problems import RowProblem

        raised = [(e.get("ctx") or {}).get("error") for e in exc.errors()]
        if len(raised) == 1 and isinstance(raised[0], CchcError):  # a rule of a library model
            return problem_response(problem_from_error(raised[0], instance=request.url.path))

        errors = [
            RowProblem(
                kind="RequestValidationError",
                code="request_validation",
                field=_field(tuple(e.get("loc", ()))),
                message_vi=f"Yêu cầu không hợp lệ: {e.get('msg', '')}",
                message_en=str(e.get("msg", "")),
            )
            for e in exc.errors()
        ]
        first = errors[0] if errors else None
        detail = "; ".join(
            f"{e.field}: {e.message_en}" if e.field else e.message_en for e in errors
        )
        malformed = any(e.get("type") == "json_invalid" for e in exc.errors())
        problem = service_problem(
            "malformed_body" if malformed else "request_validation",
            detail or "invalid request",
            detail_vi=first.message_vi.split(": ", 1)[-1] if first else None,
            instance=request.url.path,
            field=first.field if first else None,
            errors=errors,
        )
        return problem_response(problem)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if isinstance(exc, BodyTooLarge):
            return problem_response(_too_large(exc.limit, request.url.path))
        code = {
            400: "malformed_body",
            401: "unauthorized",
            404: "not_found",
            405: "method_not_allowed",
            406: "not_acceptable",
            413: "body_too_large",
            415: "unsupported_media_type",
        }.get(exc.status_code, "request_validation")
        problem = service_problem(code, str(exc.detail), instance=request.url.path)
        if problem.status != exc.status_code:
            problem = problem.model_copy(update={"status": exc.status_code})
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed(request))
        return problem_response(problem, headers)

    async def on_error(request: Request, exc: Exception) -> Response:
        LOG.error(
            "unhandled",
            extra={"fields": {"path": request.url.path, "error": type(exc).__name__}},
        )
        problem = service_problem(
            "internal", "an internal error occurred", instance=request.url.path
        )
        return problem_response(problem)

    app.add_exception_handler(CchcError, on_cchc)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_error)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web service: /v1 API, OpenAPI 3.1 at /openapi.json, the desk page at /."""
    from . import routes_calendar, routes_dossiers, routes_reference
    from .desk import mount_desk

    settings = settings if settings is not None else Settings()
    configure_logging(settings.log_level)
    app = FastAPI(
        title="cchc",
        version=__version__,
        summary="Vietnamese administrative reform (cải cách hành chính) rules over HTTP",
        description="Working calendar, due dates and timeliness of dossiers, forms, rules in "
        "force with their sources, procedures, documents and index scoring. Errors are "
        "application/problem+json (RFC 9457) with the cchc error kind, a stable code, the "
        "location and the message in Vietnamese and English.",
        openapi_url="/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the service works with no internet
        redoc_url=None,
    )
    app.state.settings = settings
    _install_handlers(app)
    for module in (routes_dossiers, routes_calendar, routes_reference):  # the hot path first
        # the routes themselves, not a nested router: matching through one costs more
        # than a due date (FastAPI's include_router)
        app.router.routes.extend(module.router.routes)
    mount_desk(app)
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(Guard, settings=settings)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Content-Type", "Accept", API_KEY_HEADER],
        )
    return app


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The OpenAPI document with the schemas that responses refer to by name only
    (the problem document, the summary report of an upload)."""
    from .models import EvaluationReport

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = FastAPI.openapi(app)  # the document FastAPI makes, amended below
            _uniform_tuples(spec)
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            for model in (Problem, EvaluationReport):
                found = model.model_json_schema(ref_template="#/components/schemas/{model}")
                for name, sub in found.pop("$defs", {}).items():
                    schemas.setdefault(name, sub)
                schemas.setdefault(model.__name__, found)
            _uniform_tuples(schemas)
            app.openapi_schema = spec
        return app.openapi_schema

    return build


def _uniform_tuples(node: Any) -> None:
    """Write a pair of like items (``prefixItems`` of equal schemas, e.g. a text span) as
    ``items`` with a fixed length: the same values, in a form every OpenAPI 3.1 tool reads
    (schemathesis misreads ``prefixItems`` in responses, its issue #3842)."""
    if isinstance(node, dict):
        prefix = node.get("prefixItems")
        if isinstance(prefix, list) and prefix and all(p == prefix[0] for p in prefix):
            del node["prefixItems"]
            node["items"] = prefix[0]
            node["minItems"] = node["maxItems"] = len(prefix)
        for value in node.values():
            _uniform_tuples(value)
    elif isinstance(node, list):
        for value in node:
            _uniform_tuples(value)


def app_from_env() -> FastAPI:
    """The application configured by the ``CCHC_*`` variables (for uvicorn workers)."""
    return create_app(Settings.from_env())
