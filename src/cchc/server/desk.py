"""The desk page (trang tiếp nhận) at ``/``: a Vietnamese page for a one-stop officer.

Its HTML, script and style ship inside the package (``cchc/server/desk``) and
load nothing from the internet: the page works on an office network with no
way out. It calls the same /v1 API as any other client.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["mount_desk"]


def _page() -> str:
    return resources.files(__package__).joinpath("desk", "index.html").read_text(encoding="utf-8")


def mount_desk(app: FastAPI) -> None:
    """Serve the page at ``/`` and its assets under ``/desk/``."""
    page = _page()

    async def desk() -> HTMLResponse:
        return HTMLResponse(page)

    app.add_api_route("/", desk, include_in_schema=False, methods=["GET"])
    app.mount("/desk", StaticFiles(packages=[(__package__, "desk")]), name="desk")
