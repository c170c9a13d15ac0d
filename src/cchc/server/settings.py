"""Settings of the web service (cấu hình máy chủ): limits, API key, CORS, logging.

Every setting has a default and an environment variable, so that several
worker processes started by uvicorn read the same configuration and the
service keeps no state of its own:

=============================  ==========================  =====================================
setting                        variable                    default
=============================  ==========================  =====================================
``max_body_bytes``             ``CCHC_MAX_BODY_BYTES``     1 MiB (JSON and text bodies)
``max_upload_bytes``           ``CCHC_MAX_UPLOAD_BYTES``   512 MiB (dossier uploads, streamed)
``max_rows``                   ``CCHC_MAX_ROWS``           2,000,000 rows per upload
``timeout_seconds``            ``CCHC_TIMEOUT_SECONDS``    60 s per request
``api_key``                    ``CCHC_API_KEY``            none (no key asked)
``cors_origins``               ``CCHC_CORS_ORIGINS``       none (comma-separated origins, ``*``)
``log_level``                  ``CCHC_LOG_LEVEL``          ``info`` (``warning``: errors only)
=============================  ==========================  =====================================

    >>> Settings.from_env({"CCHC_MAX_ROWS": "10", "CCHC_CORS_ORIGINS": "https://a.vn, *"}).max_rows
    10
    >>> Settings.from_env({"CCHC_MAX_ROWS": "ten"})
    Traceback (most recent call last):
    ...
    cchc.errors.ValidationError: field CCHC_MAX_ROWS: not a whole number: 'ten'
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import attrs

from cchc.errors import ValidationError

__all__ = ["API_KEY_HEADER", "ENV", "Settings"]

API_KEY_HEADER = "X-API-Key"
"""The request header that carries the API key, when one is configured."""

ENV: dict[str, str] = {
    "max_body_bytes": "CCHC_MAX_BODY_BYTES",
    "max_upload_bytes": "CCHC_MAX_UPLOAD_BYTES",
    "max_rows": "CCHC_MAX_ROWS",
    "timeout_seconds": "CCHC_TIMEOUT_SECONDS",
    "api_key": "CCHC_API_KEY",
    "cors_origins": "CCHC_CORS_ORIGINS",
    "log_level": "CCHC_LOG_LEVEL",
}
"""The environment variable of each setting."""

_LOG_LEVELS = ("debug", "info", "warning", "error")


def _positive(value: int | float, name: str) -> None:
    if value <= 0:
        raise ValidationError(f"must be positive, not {value}", field=name)


@attrs.frozen
class Settings:
    """The limits and options of one service (the same in every worker)."""

    max_body_bytes: int = 1 << 20
    """Largest JSON or text request body (413 beyond)."""
    max_upload_bytes: int = 512 << 20
    """Largest dossier upload (CSV, JSON lines, Parquet), read in chunks."""
    max_rows: int = 2_000_000
    """Most rows one upload may hold."""
    timeout_seconds: float = 60.0
    """Time a request may take (a 503 problem beyond, when no byte was sent yet)."""
    api_key: str | None = None
    """When set, every /v1 request must carry it in the ``X-API-Key`` header."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser (``*`` for any)."""
    log_level: str = "info"
    """``debug``, ``info`` (one line per request), ``warning`` or ``error``."""

    def __attrs_post_init__(self) -> None:
        _positive(self.max_body_bytes, "max_body_bytes")
        _positive(self.max_upload_bytes, "max_upload_bytes")
        _positive(self.max_rows, "max_rows")
        _positive(self.timeout_seconds, "timeout_seconds")
        if self.log_level not in _LOG_LEVELS:
            raise ValidationError(
                f"unknown log level {self.log_level!r} (use {', '.join(_LOG_LEVELS)})",
                field="log_level",
            )
        if self.api_key is not None and not self.api_key.strip():
            raise ValidationError("an API key cannot be blank", field="api_key")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings given by ``CCHC_*`` variables (``os.environ`` by default).

        Raises:
            ValidationError: a variable that is not a number where one is needed,
                or a value out of range (the field names the variable).
        """
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name in ("max_body_bytes", "max_upload_bytes", "max_rows"):
            if ENV[name] in env:
                values[name] = _int(env[ENV[name]], ENV[name])
        if ENV["timeout_seconds"] in env:
            text = env[ENV["timeout_seconds"]]
            try:
                values["timeout_seconds"] = float(text)
            except ValueError:
                raise ValidationError(
                    f"not a number of seconds: {text!r}", field=ENV["timeout_seconds"]
                ) from None
        if env.get(ENV["api_key"]):
            values["api_key"] = env[ENV["api_key"]]
        if env.get(ENV["cors_origins"]):
            origins = (o.strip() for o in env[ENV["cors_origins"]].split(","))
            values["cors_origins"] = tuple(o for o in origins if o)
        if env.get(ENV["log_level"]):
            values["log_level"] = env[ENV["log_level"]].lower()
        return cls(**values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The variables that give these settings (for worker processes)."""
        out = {
            ENV["max_body_bytes"]: str(self.max_body_bytes),
            ENV["max_upload_bytes"]: str(self.max_upload_bytes),
            ENV["max_rows"]: str(self.max_rows),
            ENV["timeout_seconds"]: repr(self.timeout_seconds),
            ENV["log_level"]: self.log_level,
        }
        if self.api_key is not None:
            out[ENV["api_key"]] = self.api_key
        if self.cors_origins:
            out[ENV["cors_origins"]] = ",".join(self.cors_origins)
        return out


def _int(text: str, name: str) -> int:
    try:
        return int(text.replace("_", ""))
    except ValueError:
        raise ValidationError(f"not a whole number: {text!r}", field=name) from None
