"""CLI: ``cchc serve``, the web service and the desk page (needs the ``server`` extra)."""

from __future__ import annotations

import argparse
import os

import attrs

from cchc._optional import require_extra
from cchc.errors import ValidationError

from .settings import Settings

__all__ = ["add_arguments"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc serve``."""
    p.description = (
        "Run the cchc web service: the versioned API under /v1, its OpenAPI 3.1 "
        "description at /openapi.json and the desk page (trang tiếp nhận) at /. Limits "
        "default to the CCHC_* environment variables (see docs/server.md)."
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--workers", type=int, default=1, help="worker processes (default 1; e.g. one per core)"
    )
    p.add_argument("--api-key", help="require this key in the X-API-Key header of /v1 calls")
    p.add_argument(
        "--cors-origin",
        action="append",
        dest="cors_origins",
        help="allow browser calls from this origin (repeatable; '*' for any)",
    )
    p.add_argument("--max-body-bytes", type=int, help="largest JSON/text body (default 1 MiB)")
    p.add_argument("--max-upload-bytes", type=int, help="largest upload (default 512 MiB)")
    p.add_argument("--max-rows", type=int, help="most rows per upload (default 2,000,000)")
    p.add_argument("--timeout", type=float, help="seconds per request (default 60)")
    p.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        help="JSON log level on stderr (default info: one line per request)",
    )
    p.add_argument(
        "--proxy-headers",
        action="store_true",
        help="trust X-Forwarded-For/-Proto from --forwarded-allow-ips (behind a reverse proxy)",
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        help="proxies whose X-Forwarded-* headers are trusted (default 127.0.0.1)",
    )
    p.add_argument("--root-path", default="", help="URL prefix set by the proxy, e.g. /cchc")
    p.set_defaults(handler=_serve)


def _settings(args: argparse.Namespace) -> Settings:
    given = {
        "max_body_bytes": args.max_body_bytes,
        "max_upload_bytes": args.max_upload_bytes,
        "max_rows": args.max_rows,
        "timeout_seconds": args.timeout,
        "api_key": args.api_key,
        "cors_origins": tuple(args.cors_origins) if args.cors_origins else None,
        "log_level": args.log_level,
    }
    values = {k: v for k, v in given.items() if v is not None}
    return attrs.evolve(Settings.from_env(), **values)


def _serve(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise ValidationError(f"--workers must be at least 1, not {args.workers}", field="workers")
    if not 0 <= args.port <= 65535:
        raise ValidationError(f"--port must be 0..65535, not {args.port}", field="port")
    require_extra("fastapi", "server")
    uvicorn = require_extra("uvicorn", "server")
    settings = _settings(args)
    os.environ.update(settings.to_env())  # every worker process reads the same settings
    uvicorn.run(
        "cchc.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # the service logs each request itself, as JSON, without queries
        log_level="warning" if settings.log_level in ("warning", "error") else "info",
        proxy_headers=args.proxy_headers,
        forwarded_allow_ips=args.forwarded_allow_ips,
        root_path=args.root_path,
        server_header=False,
    )
    return 0
