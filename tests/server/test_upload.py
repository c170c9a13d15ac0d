"""Uploads of many dossiers: the same results as the library, chunk by chunk, every bad row
reported with its line, limits as problem records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from cchc.dossiers import evaluate, read_csv
from cchc.samples import write_sample
from cchc.server import upload

from .conftest import make_client

CSV = {"content-type": "text/csv"}
NDJSON = {"content-type": "application/x-ndjson"}
PARQUET = {"content-type": "application/vnd.apache.parquet"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("upload") / "dossiers.csv"
    write_sample("dossiers", path)
    return path


def _library(path: Path) -> pd.DataFrame:
    frame = read_csv(path)
    return evaluate(frame).to_pandas()


def _records(text: str) -> tuple[list[dict[str, object]], list[dict[str, object]], dict[str, int]]:
    rows, problems, summary = [], [], {}
    for line in text.splitlines():
        value = json.loads(line)
        if "summary" in value:
            summary = value["summary"]
        elif "problem" in value:
            problems.append(value)
        else:
            rows.append(value)
    return rows, problems, summary


@pytest.mark.parametrize("chunk", [upload.CHUNK_BYTES, 700, 3000])
def test_csv_upload_equals_library(
    client: TestClient, sample: Path, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the chunk size, each row gets the library's due moment, by its file line."""
    monkeypatch.setattr(upload, "CHUNK_BYTES", chunk)
    r = client.post("/v1/dossiers/evaluate", content=sample.read_bytes(), headers=CSV)
    assert r.status_code == 200 and r.headers["content-type"] == "application/x-ndjson"
    rows, problems, summary = _records(r.text)
    expected = _library(sample)
    assert problems == [] and summary["complete"] is True
    assert [x["row"] for x in rows] == list(expected.index)
    assert [x["due_at"] for x in rows] == [t.isoformat() for t in expected["due_at"]]
    assert [x["timeliness"] for x in rows] == list(expected["timeliness"].astype(str))
    counts = expected["timeliness"].value_counts()
    assert summary["late"] == counts.get("late", 0) and summary["rows"] == len(expected)


def test_bad_rows_keep_their_file_lines(
    client: TestClient, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bad lines in several chunks, a quoted line break across a chunk border, blank lines."""
    monkeypatch.setattr(upload, "CHUNK_BYTES", 900)
    lines = sample.read_text("utf-8").splitlines()
    header = lines[0].split(",")
    unit = header.index("unit")
    agency = header.index("agency")
    lines[10] = lines[10].replace("working_days", "weeks")  # file line 11: bad unit
    lines[40] = "1,2"  # file line 42 (line 26 below takes two): too few fields
    parts = next(csv.reader([lines[25]]))
    assert parts[unit] == "working_days"
    parts[agency] = "Sở\nY tế"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(parts)
    lines[25] = out.getvalue()[:-1]  # file lines 26-27: one record, a quoted line break
    lines.insert(60, "")  # a blank line: skipped, numbering unchanged
    text = "\n".join(lines) + "\n"
    r = client.post("/v1/dossiers/evaluate", content=text.encode(), headers=CSV)
    rows, problems, summary = _records(r.text)
    assert sorted((p["row"], p["problem"]["field"]) for p in problems) == [
        (11, "unit"),
        (42, "(line)"),
    ]
    assert problems[0]["problem"]["message_vi"].startswith("Dữ liệu không hợp lệ (dòng")
    numbers = [x["row"] for x in rows]
    assert 26 in numbers and 27 not in numbers and 28 in numbers  # line 26 spans 26-27
    assert summary["bad_rows"] == 2 and summary["rows"] == len(lines) - 1 - 2 - 1


def test_csv_output_and_summary(client: TestClient, sample: Path) -> None:
    data = sample.read_bytes()
    r = client.post("/v1/dossiers/evaluate?format=csv", content=data, headers=CSV)
    assert r.headers["content-type"].startswith("text/csv")
    table = pd.read_csv(io.StringIO(r.text), dtype=str, keep_default_na=False)
    expected = _library(sample)
    assert list(table["due_at"]) == [t.isoformat() for t in expected["due_at"]]
    r = client.post("/v1/dossiers/evaluate?output=summary", content=data, headers=CSV)
    report = r.json()
    assert report["summary"]["rows"] == len(expected) and report["problems"] == []


def test_ndjson_upload(client: TestClient, sample: Path) -> None:
    df = pd.read_csv(sample, dtype=str, keep_default_na=False)
    records = [{k: v for k, v in rec.items() if v != ""} for rec in df.to_dict("records")]
    for rec in records:
        rec["amount"] = int(str(rec["amount"]))
    lines = [json.dumps(rec, ensure_ascii=False) for rec in records]
    lines[3] = lines[3].replace('"amount": ', '"amount": -')  # line 4: negative amount
    lines.insert(7, "not json")  # line 8
    lines.insert(9, "")  # line 10 blank
    lines.insert(12, "[1, 2]")  # line 13: not an object
    r = client.post("/v1/dossiers/evaluate", content="\n".join(lines).encode(), headers=NDJSON)
    rows, problems, summary = _records(r.text)
    assert sorted(p["row"] for p in problems) == [4, 8, 13]
    expected = _library(sample)
    assert summary["rows"] == len(expected) - 1
    by_line = {x["row"]: x["due_at"] for x in rows}
    assert by_line[1] == expected["due_at"].iloc[0].isoformat()
    # record i (0-based) sits on line i + 1, shifted by the lines inserted before it
    assert by_line[len(lines)] == expected["due_at"].iloc[-1].isoformat()


def test_parquet_upload(client: TestClient, sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload, "PARQUET_BATCH_ROWS", 128)
    df = pd.read_csv(sample, dtype=str, keep_default_na=False)
    for col in ("received_at", "finished_at"):
        df[col] = pd.to_datetime(df[col].replace("", None), utc=True).dt.tz_convert(
            "Asia/Ho_Chi_Minh"
        )
    df["amount"] = df["amount"].astype(np.int64)
    df.loc[300, "amount"] = -1  # row 301
    buf = io.BytesIO()
    df.to_parquet(buf)
    r = client.post("/v1/dossiers/evaluate", content=buf.getvalue(), headers=PARQUET)
    rows, problems, summary = _records(r.text)
    assert [p["row"] for p in problems] == [301]
    expected = _library(sample)
    got = {x["row"]: x["due_at"] for x in rows}
    assert got[1] == expected["due_at"].iloc[0].isoformat()
    assert got[len(df)] == expected["due_at"].iloc[-1].isoformat()
    assert summary["rows"] == len(df) - 1


def test_malformed_and_unsupported_uploads(client: TestClient) -> None:
    r = client.post("/v1/dossiers/evaluate", content=b"", headers=CSV)
    assert r.status_code == 400 and r.json()["code"] == "data_file"
    r = client.post("/v1/dossiers/evaluate", content=b"x,y\n1,2\n", headers=CSV)
    assert r.status_code == 422 and {e["field"] for e in r.json()["errors"]} >= {"amount"}
    r = client.post("/v1/dossiers/evaluate", content=b"PAR1 nonsense", headers=PARQUET)
    assert r.status_code == 400 and r.json()["code"] == "data_file"
    r = client.post("/v1/dossiers/evaluate", content=b"\xff\xfe\x00", headers=CSV)
    assert r.status_code == 400
    r = client.post("/v1/dossiers/evaluate", content=b"{}", headers={"content-type": "text/xml"})
    assert r.status_code == 415 and r.json()["code"] == "unsupported_media_type"
    r = client.post("/v1/dossiers/evaluate?policy=nope", content=b"a\n", headers=CSV)
    assert r.status_code == 422


def test_row_limit_stops_with_a_problem_record(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(upload, "CHUNK_BYTES", 2000)
    c = make_client(max_rows=100)
    r = c.post("/v1/dossiers/evaluate", content=sample.read_bytes(), headers=CSV)
    rows, problems, summary = _records(r.text)
    assert len(rows) <= 100 and summary["complete"] is False
    assert problems[-1]["problem"]["code"] == "too_many_rows"


def test_upload_size_limit(sample: Path) -> None:
    c = make_client(max_upload_bytes=1000)
    r = c.post("/v1/dossiers/evaluate", content=sample.read_bytes(), headers=CSV)
    assert r.status_code == 413 and r.json()["code"] == "body_too_large"


@pytest.mark.parametrize("first", [1, 9, 10, 99_999, 123_456_789_012])
def test_result_lines_are_json_whatever_the_row_number(first: int) -> None:
    """The fixed-width lines parse as JSON and carry the row numbers and moments exactly."""
    from cchc.dossiers import DossierResults

    stamps = np.array(["2025-02-07T10:00:00", "2026-12-31T16:59:59"], dtype="datetime64[ns]")
    results = DossierResults(
        due_at=stamps,
        legal_due_at=stamps,
        start_at=stamps,
        timeliness=np.array([-1, 2], dtype=np.int8),
        overdue_from=stamps,
        policy="next_opening",
        provisional=False,
    )
    chunk = upload.ChunkResult(
        rows=np.array([first, first + 1], dtype=np.int64), results=results, problems=()
    )
    lines = [json.loads(line) for line in upload.ndjson_lines(chunk).decode().splitlines()]
    assert [x["row"] for x in lines] == [first, first + 1]
    assert [x["due_at"] for x in lines] == [
        "2025-02-07T17:00:00+07:00",
        "2026-12-31T23:59:59+07:00",
    ]
    assert [x["timeliness"] for x in lines] == ["unfinished", "late"]


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_ndjson_outcome_codes_beside_names(client: TestClient, code: int) -> None:
    """JSON lines writing an outcome as a name on one line and as its code (a JSON number) on
    another: both read (docs/dossiers.md, the outcome column: "a name or its code (a
    number ...)"); the timeliness of code 3 (withdrawn) is ``stopped`` (CONV-STOP-APART)."""
    base = {
        "channel": "online",
        "received_at": "2025-03-03T09:00:00+07:00",
        "amount": 5,
        "unit": "working_days",
        "finished_at": "2025-03-05T10:00:00+07:00",
    }
    body = "\n".join(
        json.dumps({**base, "outcome": value}) for value in ("withdrawn", code, None, "refused")
    )
    r = client.post("/v1/dossiers/evaluate", content=body.encode(), headers=NDJSON)
    rows, problems, summary = _records(r.text)
    assert r.status_code == 200 and problems == []
    expected = "stopped" if code == 3 else "early"  # finished two days before the due day
    assert [x["timeliness"] for x in rows] == ["stopped", expected, "early", "early"]
    assert summary["stopped"] == 1 + (code == 3)
