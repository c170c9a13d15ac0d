"""The web service in-process: a due date with its explanation, a problem document, and an
upload of dossiers evaluated row by row, as a Java or C# client would see them.

    python examples/web_service.py

(``cchc serve`` runs the same application over HTTP; this script calls it through
FastAPI's test client so that it needs no port.)
"""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from cchc.samples import sample_text
from cchc.server.app import create_app
from cchc.server.settings import Settings


def main() -> None:
    client = TestClient(create_app(Settings(log_level="warning")))

    r = client.get(
        "/v1/due",
        params={"received_at": "2025-01-24T09:00:00+07:00", "amount": 5, "explain": "true"},
    )
    body = r.json()
    print("GET /v1/due ->", r.status_code, body["due_at"])
    print(body["explanation"]["text_vi"])

    r = client.get("/v1/due", params={"received_at": "2025-01-24T09:00:00", "amount": 5})
    problem = r.json()
    print("\nA naive moment ->", r.status_code, r.headers["content-type"])
    print(
        json.dumps(
            {k: problem[k] for k in ("kind", "code", "field", "message_vi")},
            indent=2,
            ensure_ascii=False,
        )
    )

    csv = sample_text("dossiers").encode()
    r = client.post(
        "/v1/dossiers/evaluate?output=summary", content=csv, headers={"content-type": "text/csv"}
    )
    print("\nPOST /v1/dossiers/evaluate (the bundled 1,000 dossiers) ->", r.json()["summary"])


if __name__ == "__main__":
    main()
