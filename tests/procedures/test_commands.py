"""CLI: ``cchc procedure import`` and ``cchc procedure time-limit``.

Oracles: the 11 real records of src/cchc/procedures/data/portal_records.jsonl (values read by
hand from their dichvucong.gov.vn pages) and real time-limit texts of real_time_limits.csv.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc.cli import main

DATA = Path(__file__).resolve().parents[2] / "src" / "cchc" / "procedures" / "data"
RECORDS = DATA / "portal_records.jsonl"


def test_import_summarises_every_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedure", "import", str(RECORDS)]) == 0
    out = capsys.readouterr().out
    assert "11 record(s) read" in out
    assert "1.200.000 đồng" in out  # 1.000811, Cấp mới thẻ ABTC
    assert main(["procedure", "import", str(RECORDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_code = {r["code"]: r for r in data["records"]}
    assert len(by_code) == 11
    abtc = by_code["1.000811"]
    assert [(c["channel"], c["time_limit"]["unit"]) for c in abtc["channels"]] == [
        ("online", "days"),
        ("post", "working_days"),
        ("in_person", "days"),
    ]
    assert by_code["1.000390"]["required_parts"] == 2


def test_import_errors_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"MATTHC": "1.000390", "TENTTHC": "x", "CACHTHUCTHUCHIEN": 1}\n')
    assert main(["procedure", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "row 1, item 1.000390, field CACHTHUCTHUCHIEN" in err
    assert main(["procedure", "import", str(tmp_path / "missing.json")]) == 2


def test_time_limit_per_case_and_channel(capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "15 ngày làm việc (trường hợp cần lấy ý kiến thì tối đa không quá 25 ngày làm việc) "
        "kể từ ngày nhận đủ hồ sơ hợp lệ."
    )
    assert main(["procedure", "time-limit", text, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(f["case"], f["limit"]["amount"]) for f in found] == [
        (None, 15),
        ("trường hợp cần lấy ý kiến", 25),
    ]
    tagged = "03 ngày làm việc (trực tuyến); 01 ngày làm việc (trực tiếp)"
    assert main(["procedure", "time-limit", tagged, "--channel", "in_person", "--json"]) == 0
    assert [f["limit"]["amount"] for f in json.loads(capsys.readouterr().out)] == [1]
    assert main(["procedure", "time-limit", tagged, "--channel", "post"]) == 2
    assert "no time limit for the channel post" in capsys.readouterr().err
    assert main(["procedure", "time-limit", "0,5 ngày"]) == 0
    assert "4 giờ làm việc" in capsys.readouterr().out
    assert main(["procedure", "time-limit", "7"]) == 2
    assert capsys.readouterr().err.startswith("cchc: error: ")
