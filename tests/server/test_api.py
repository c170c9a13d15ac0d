"""The /v1 API against official facts, and its problem documents.

Oracles (each read from the official notice, see the source registry):
* Công văn 8726/VPCP-KGVX (registry CV8726-2024): Tết 2025 off Sat 25/1 - Sun 2/2, so 5
  working days from Fri 24/1/2025 09:00 end on Fri 7/2/2025 (3, 4, 5, 6, 7 February);
  Sat 26/4/2025 is a make-up working day (với TB 6150/TB-BNV).
* Công văn 12729 (registry CV12729-2025): Sat 10/1/2026 is a make-up working day.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from importlib import resources

import pytest
from fastapi.testclient import TestClient

from cchc.calendar import default_calendar
from cchc.dossiers import Dossier, due_date
from cchc.server.problems import PROBLEM_JSON

from .conftest import make_client


def test_due_date_over_tet_2025_with_explanation(client: TestClient) -> None:
    r = client.get(
        "/v1/due",
        params={"received_at": "2025-01-24T09:00:00+07:00", "amount": 5, "explain": "true"},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["due_at"] == "2025-02-07T17:00:00+07:00"
    assert body["rules_source"]["key"] == "ND61-2018"
    steps = body["explanation"]["steps"]
    cited = {s["key"] for step in steps for s in step["sources"]}
    assert "CV8726-2024" in cited  # the Tết notice is cited by the step that skips it
    assert body["explanation"]["text_vi"].startswith(body["explanation"]["title_vi"])


@pytest.mark.parametrize("amount", [0, 1, 3, 5, 10, 30])
@pytest.mark.parametrize("start", [date(2025, 1, 20) + timedelta(days=d) for d in range(0, 40, 3)])
def test_due_endpoint_equals_library(client: TestClient, start: date, amount: int) -> None:
    """GET and POST /v1/due answer what the library answers, over Tết 2025 and after."""
    moment = f"{start.isoformat()}T10:30:00+07:00"
    expected = due_date(datetime.fromisoformat(moment), amount)
    got = client.get("/v1/due", params={"received_at": moment, "amount": amount}).json()
    posted = client.post("/v1/due", json={"received_at": moment, "amount": amount}).json()
    assert got["due_at"] == posted["due_at"] == expected.isoformat()


def test_due_from_a_catalogue_procedure(client: TestClient) -> None:
    procedures = client.get("/v1/procedures").json()
    p = procedures[0]
    day = p.get("effective_from") or "2025-09-01"
    r = client.post(
        "/v1/due",
        json={"received_at": f"{day}T09:00:00+07:00", "procedure_code": p["code"]},
    )
    if r.status_code == 422:  # several publishers, or not in force: a located problem
        assert r.json()["item"] == p["code"]
        return
    body = r.json()
    assert body["procedure"]["code"] == p["code"]
    assert body["amount"] == p["time_limit"]["amount"]


def test_calendar_endpoints(client: TestClient) -> None:
    day = client.get("/v1/calendar/days/2025-01-28").json()
    assert day["working_day"] is False
    assert day["entry"]["kind"] == "holiday"
    assert client.get("/v1/calendar/days/2025-04-26").json()["working_day"] is True
    added = client.get("/v1/calendar/add", params={"date": "2025-01-24", "n": 3}).json()
    assert added["result"] == "2025-02-05"
    between = client.get(
        "/v1/calendar/between", params={"start": "2025-01-24", "end": "2025-02-07"}
    ).json()
    assert between["working_days"] == 5
    year = client.get("/v1/calendar/years/2025").json()
    assert len(year["entries"]) == len(default_calendar().entries(2025))


def test_month_view_marks_days_off_and_makeup_saturdays(client: TestClient) -> None:
    month = client.get("/v1/calendar/months/2026/1").json()
    days = {d["date"]: d for d in month["days"]}
    assert len(days) == 31
    assert days["2026-01-10"]["working_day"] is True
    assert days["2026-01-10"]["entry"]["kind"] == "makeup_workday"
    assert days["2026-01-01"]["working_day"] is False
    assert days["2026-01-11"]["working_day"] is False and days["2026-01-11"]["entry"] is None
    cal = default_calendar()
    assert all(
        d["working_day"] == cal.is_working_day(date.fromisoformat(k)) for k, d in days.items()
    )


def test_naive_moment_is_a_located_problem(client: TestClient) -> None:
    r = client.get("/v1/due", params={"received_at": "2025-01-24T09:00:00", "amount": 5})
    assert r.status_code == 422
    assert r.headers["content-type"] == PROBLEM_JSON
    p = r.json()
    assert (p["kind"], p["code"], p["field"]) == (
        "NaiveDatetimeError",
        "naive_datetime",
        "received_at",
    )
    assert p["message_vi"].startswith("Thời điểm thiếu múi giờ")
    assert p["type"] == "urn:cchc:problem:naive_datetime"
    assert p["status"] == 422


def test_coverage_and_request_validation_problems(client: TestClient) -> None:
    r = client.get("/v1/calendar/days/2035-01-02")
    assert r.status_code == 422 and r.json()["code"] == "calendar_coverage"
    assert client.get("/v1/calendar/days/2035-01-02?provisional=true").status_code == 200
    r = client.get("/v1/calendar/add", params={"date": "0", "n": 1})
    assert r.status_code == 422
    assert r.json()["code"] == "request_validation" and r.json()["field"] == "date"
    r = client.post("/v1/due", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code in (400, 422) and r.headers["content-type"] == PROBLEM_JSON
    r = client.post("/v1/due", json={"received_at": "2025-01-24T09:00+07:00", "amount": 1, "x": 1})
    assert r.status_code == 422 and r.json()["field"] == "x"


def test_unknown_path_and_method(client: TestClient) -> None:
    r = client.get("/v1/nothing")
    assert r.status_code == 404 and r.json()["code"] == "not_found"
    r = client.delete("/v1/due")
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, POST"


def _sample_dossier() -> dict[str, object]:
    text = (resources.files("cchc.forms") / "data" / "sample_dossier.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_dossier_deadline_of_the_sample_dossier(client: TestClient) -> None:
    dossier = _sample_dossier()
    r = client.post("/v1/dossiers/deadline", json={"dossier": dossier, "explain": True})
    assert r.status_code == 200
    body = r.json()
    library = Dossier.model_validate(dossier).deadline()
    assert body["rescheduled"] is True
    assert body["due_at"] == "2025-10-29T17:00:00+07:00"  # the new date of the apology
    assert body["due_at"] == library.due_at.isoformat()
    assert body["timeliness"] == library.timeliness().value
    assert body["explanation"]["steps"]
    bad = dict(dossier, events=[{"kind": "decided", "at": "2025-10-01T09:00:00+07:00"}])
    r = client.post("/v1/dossiers/deadline", json={"dossier": bad})
    assert r.status_code == 422 and r.json()["kind"] == "LifecycleError"


def test_a_stopped_dossier_has_no_timeliness(client: TestClient) -> None:
    """Stopped at the applicant's request (ND 118/2025 Art 21): counted apart, CONV-STOP-APART."""
    events = [
        {"kind": "received", "at": "2025-10-06T09:00:00+07:00"},
        {"kind": "withdrawn", "at": "2025-10-20T09:00:00+07:00"},  # after the due date
    ]
    dossier = {"channel": "in_person", "amount": 5, "events": events}
    body = client.post("/v1/dossiers/deadline", json={"dossier": dossier}).json()
    assert body["stopped"] is True and body["timeliness"] is None
    assert body["finished_at"] == "2025-10-20T09:00:00+07:00"


def test_forms_json_markdown_docx(client: TestClient) -> None:
    import docx

    dossier = _sample_dossier()
    request = {
        "dossier": dossier,
        "procedure": dossier["procedure_code"],
        "agency": "Sở Y tế tỉnh Hà Tĩnh",
        "applicant": "Nguyễn Văn A",
        "officer": "Trần Thị B",
        "papers": ["Văn bản đề nghị miễn nhiệm"],
    }
    form = client.post("/v1/forms/receipt", json=request).json()
    assert form["kind"] == "receipt"
    md = client.post("/v1/forms/receipt?format=markdown", json=request)
    assert md.headers["content-type"].startswith("text/markdown")
    assert form["title"].lower() in md.text.lower()
    r = client.post("/v1/forms/receipt?format=docx", json=request)
    assert r.headers["content-disposition"] == 'attachment; filename="receipt.docx"'
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Nguyễn Văn A" in text
    r = client.post("/v1/forms/nonsense", json=request)
    assert r.status_code == 422


def test_rules_sources_procedures(client: TestClient) -> None:
    rules = client.get("/v1/rules", params={"on": "2025-08-01", "domain": "dossiers"}).json()
    assert any(s["key"] == "ND118-2025" for r in rules for s in r["sources"])
    changes = client.get("/v1/rules/diff", params={"before": "2025-06-30", "after": "2025-07-01"})
    assert any(c["name"] == "one_stop_rules" for c in changes.json())
    assert client.get("/v1/sources/ND118-2025").json()["number"] == "118/2025/NĐ-CP"
    assert client.get("/v1/sources/NO-SUCH").status_code == 404
    assert client.get("/v1/procedures/9.999999").status_code == 404
    limit = client.post(
        "/v1/time-limit", json={"text": "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"}
    ).json()
    assert limit["time_limit"]["amount"] == 10
    r = client.post("/v1/time-limit", json={"text": "9" * 5000 + " ngày"})
    assert r.status_code == 422 and r.json()["code"] == "parse" and r.json()["offset"] == 0


def test_documents_and_indices(client: TestClient) -> None:
    text = "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;"
    cits = client.post("/v1/documents/citations", json={"text": text}).json()
    assert cits[0]["number_text"].startswith("118/2025")
    assert isinstance(client.post("/v1/documents/lint", json={"text": text}).json(), list)
    fws = {f["id"] for f in client.get("/v1/indices/frameworks").json()}
    assert "par-example-department" in fws
    r = client.post("/v1/indices/frameworks/par-example-department/score", json={"items": {}})
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM_JSON
    assert client.post("/v1/indices/frameworks/nope/score", json={"items": {}}).status_code == 404


def test_score_with_explanation(client: TestClient) -> None:
    from cchc._data import data_path
    from cchc.indices.commands import read_inputs

    sample = data_path("cchc.indices", "data", "sample_inputs_department_2024.yaml")
    items, unit, period = read_inputs(sample)
    r = client.post(
        "/v1/indices/frameworks/par-example-department/score",
        content=json.dumps(
            {"items": items, "unit": unit, "period": period, "explain": True}, default=float
        ),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 200, r.text
    card = r.json()["scorecard"]
    assert card["framework_id"] == "par-example-department"
    assert r.json()["explanation"]["steps"]


def test_version_and_health(client: TestClient) -> None:
    import cchc

    assert client.get("/v1/health").json() == {"status": "ok"}
    v = client.get("/v1/version").json()
    assert v["cchc"] == cchc.__version__
    cov = default_calendar().coverage
    assert v["calendar_years"] == [cov.first_year, cov.last_year]


def test_api_key_and_cors() -> None:
    c = make_client(api_key="s3cret", cors_origins=("https://motcua.example.vn",))
    assert c.get("/v1/health").status_code == 200  # a load balancer needs no key
    r = c.get("/v1/version")
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert c.get("/v1/version", headers={"X-API-Key": "wrong"}).status_code == 401
    assert c.get("/v1/version", headers={"X-API-Key": "s3cret"}).status_code == 200
    assert c.get("/").status_code == 200  # the desk page itself needs no key
    pre = c.options(
        "/v1/due",
        headers={
            "Origin": "https://motcua.example.vn",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "X-API-Key",
        },
    )
    assert pre.headers["access-control-allow-origin"] == "https://motcua.example.vn"
    plain = make_client()
    r = plain.get("/v1/version", headers={"Origin": "https://motcua.example.vn"})
    assert "access-control-allow-origin" not in r.headers


def test_body_limit_by_length_and_by_stream() -> None:
    c = make_client(max_body_bytes=200)
    big = {"text": "a" * 500}
    r = c.post("/v1/documents/citations", json=big)
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"

    def chunks():  # no Content-Length: the limit is counted while reading
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 100
        yield b'"}'

    r = c.post(
        "/v1/documents/citations", content=chunks(), headers={"content-type": "application/json"}
    )
    assert r.status_code == 413 and r.headers["content-type"] == PROBLEM_JSON


def test_time_limit_gives_a_503_problem() -> None:
    c = make_client(timeout_seconds=1e-9)
    r = c.post("/v1/documents/citations", json={"text": "Nghị định 118/2025/NĐ-CP"})
    assert r.status_code == 503
    assert r.json()["code"] == "timeout" and r.headers["retry-after"] == "1"


def test_logs_are_json_without_queries_or_bodies(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    c = make_client(log_level="info")
    c.post(
        "/v1/forms/receipt",
        json={"dossier": {}, "procedure": "1.0", "agency": "X", "applicant": "Nguyễn Văn A"},
    )
    c.get("/v1/due", params={"received_at": "2025-01-24T09:00:00+07:00", "amount": 5})
    lines = [
        json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")
    ]
    assert [line["path"] for line in lines[-2:]] == ["/v1/forms/receipt", "/v1/due"]
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    assert "Nguyễn" not in text and "received_at" not in text and "2025-01-24" not in text
