"""The OpenAPI 3.1 description: its shape, the operations clients rely on, and a
property-based run of every operation (schemathesis): no 5xx, no response outside its schema.

The run is bounded (``CCHC_SCHEMATHESIS_EXAMPLES`` examples per operation, default 10) so
that CI stays quick; raise it for a longer hunt.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cchc.server.problems import PROBLEM_JSON

from .conftest import make_client

OPERATIONS = {
    ("get", "/v1/health"),
    ("get", "/v1/version"),
    ("get", "/v1/calendar/days/{day}"),
    ("get", "/v1/calendar/add"),
    ("get", "/v1/calendar/between"),
    ("get", "/v1/calendar/years/{year}"),
    ("get", "/v1/calendar/months/{year}/{month}"),
    ("get", "/v1/due"),
    ("post", "/v1/due"),
    ("post", "/v1/dossiers/deadline"),
    ("post", "/v1/dossiers/evaluate"),
    ("post", "/v1/forms/{kind}"),
    ("get", "/v1/rules"),
    ("get", "/v1/rules/diff"),
    ("get", "/v1/sources"),
    ("get", "/v1/sources/{key}"),
    ("get", "/v1/procedures"),
    ("get", "/v1/procedures/{code}"),
    ("post", "/v1/time-limit"),
    ("post", "/v1/documents/citations"),
    ("post", "/v1/documents/lint"),
    ("get", "/v1/indices/frameworks"),
    ("post", "/v1/indices/frameworks/{framework}/score"),
}
"""The operations of API version 1 (removing one is a breaking change: a new /v2)."""


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    data: dict[str, Any] = r.json()
    return data


def test_spec_is_openapi_31_with_every_v1_operation(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    found = {(m, p) for p, ops in spec["paths"].items() for m in ops}
    assert found == OPERATIONS
    assert all(p.startswith("/v1/") for p in spec["paths"])


def test_every_operation_documents_its_problems(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert {"Problem", "RowProblem", "Dossier", "LegalSource", "CalendarEntry"} <= set(schemas)
    assert {"kind", "code", "message_vi", "message_en"} <= set(schemas["Problem"]["required"])
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for status in ("400", "413", "422"):
                content = op["responses"][status]["content"]
                ref = content[PROBLEM_JSON]["schema"]["$ref"]
                assert ref == "#/components/schemas/Problem", (method, path, status)


def test_every_reference_resolves(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]

    def refs(node: Any) -> list[str]:
        if isinstance(node, dict):
            own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return own + [r for v in node.values() for r in refs(v)]
        if isinstance(node, list):
            return [r for v in node for r in refs(v)]
        return []

    for ref in refs(spec):
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[1] in schemas, ref


def test_request_models_refuse_unknown_fields(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name in ("DueRequest", "DeadlineRequest", "FormRequest", "TextRequest", "Dossier"):
        assert schemas[name].get("additionalProperties") is False, name


schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import negative_data_rejection, positive_data_acceptance  # noqa: E402

# upload bodies are raw bytes: generated text as is (hostile JSON lines), bytes as is (Parquet)
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
schemathesis.serializer.alias("application/vnd.apache.parquet", "application/octet-stream")

_APP = make_client().app
_SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", _APP)
_EXAMPLES = int(os.environ.get("CCHC_SCHEMATHESIS_EXAMPLES", "10"))


@_SCHEMA.parametrize()
@settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_property_based(case: Any) -> None:
    """No 5xx, every status, media type and body as documented; invalid input refused.

    A schema-valid request may still be refused by a rule (a date outside the official
    calendar, a rescheduling after the due day): that 422 is an answer, not a failure, so
    the "positive data accepted" check is left out.
    """
    excluded = [positive_data_acceptance]
    if case.operation.path == "/v1/dossiers/evaluate":
        # an upload is bytes: a bad line is answered in the stream (200 with a problem record
        # per bad row), so a body "outside its schema" is not refused whole by design
        excluded.append(negative_data_rejection)
    case.call_and_validate(excluded_checks=excluded)
