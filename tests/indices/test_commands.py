"""``cchc score`` and ``cchc frameworks``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from cchc.errors import CchcError, DataFileError
from cchc.indices import commands

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cchc")
    commands.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


def test_score_table_with_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        [
            "score",
            "par-example-department",
            str(EXAMPLES / "indices_department_2024.yaml"),
            "--previous",
            str(EXAMPLES / "indices_department_2023.yaml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "total 94.08 / 100  index 94.08%  group A" in out
    assert "points lost" in out
    assert "change: 81.12% -> 94.08% (+12.96)" in out
    assert "without evidence: 8.2" in out


def test_score_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    inputs = tmp_path / "tt01.json"
    inputs.write_text(
        json.dumps(
            {
                "I1": "1.4",
                "I2": "1.2",
                "I3": "1.6",
                "I4": "1.6",
                "I7": "1.4",
                "I5": 1,
                "I6": 2,
                "I8": 1,
                "I9": 1,
            }
        )
    )
    assert run(["score", "tt01-agency", str(inputs), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Points are JSON numbers, not strings (issue 19 C: a Java or PHP client reads numbers).
    assert data["scorecard"]["total_points"] == 12.2
    assert data["scorecard"]["group"] == "tốt"


def test_frameworks_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["frameworks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ids = {r["id"]: r for r in rows}
    assert ids["tt01-agency"]["source"].startswith("Thông tư 01/2018/TT-VPCP")
    assert ids["par-example-department"]["kind"] == "example"
    assert run(["frameworks"]) == 0
    assert "qd766-portal" in capsys.readouterr().out


def test_bad_inputs_raise_located_errors(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(DataFileError) as err:
        run(["score", "tt01-agency", str(missing)])
    assert err.value.source == str(missing)
    bad = tmp_path / "bad.yaml"
    bad.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="mapping"):
        run(["score", "tt01-agency", str(bad)])
    short = tmp_path / "short.yaml"
    short.write_text("I1: 2\n", encoding="utf-8")
    with pytest.raises(CchcError, match="no input"):
        run(["score", "tt01-agency", str(short)])


def test_main_cli_prints_errors_with_exit_code_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from cchc.cli import main

    assert main(["frameworks"]) == 0
    short = tmp_path / "short.yaml"
    short.write_text("I1: 2\n", encoding="utf-8")
    assert main(["score", "tt01-agency", str(short)]) == 2
    assert "cchc: error: item I2: no input" in capsys.readouterr().err
