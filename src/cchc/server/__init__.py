"""The web service (``cchc serve``): the library over HTTP, and the desk page.

A thin, stateless layer (layer 6) over the library for systems that are not
Python (one-stop platforms in Java, C#, PHP) and for the officer at the desk:

* ``/v1/...``: calendar, due dates and dossier deadlines with their
  explanation, evaluation of many dossiers (CSV, JSON lines, Parquet uploads
  read chunk by chunk), forms (JSON, Markdown, .docx), rules in force and the
  source registry, procedures, documents, index scoring, version and health;
* ``/openapi.json``: the OpenAPI 3.1 description;
* ``/``: the desk page in Vietnamese (no internet needed).

Errors are RFC 9457 problem documents (:mod:`cchc.server.problems`). Limits,
the API key and CORS come from :class:`Settings` (``CCHC_*`` variables). Needs
the ``server`` extra: ``pip install "cchc[server]"``.
"""

from .settings import Settings

__all__ = ["Settings", "create_app"]


def create_app(settings: Settings | None = None) -> object:
    """The FastAPI application (see :func:`cchc.server.app.create_app`)."""
    from .app import create_app as build

    return build(settings)
