"""``cchc dossier payload FILE.json`` (and ``--reverse``) on the sample dossier record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc.cli import main


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.json"
    assert main(["example", "dossier-json", "-o", str(path)]) == 0
    return path


def test_payload_and_back(sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["dossier", "payload", str(sample), "--procedure", "2.000055"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["MaHoSo"], payload["TrangThaiHoSo"], payload["NgayHenTra"]) == (
        "G12.35-260302-0007",
        "10",
        "20260415170000",
    )
    assert payload["TenTTHC"].startswith("Thủ tục cấp giấy phép thành lập")
    out = tmp_path / "payload.json"
    assert main(["dossier", "payload", str(sample), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["dossier", "payload", str(out), "--reverse", "--channel", "online", "--json"]) == 0
    back = json.loads(capsys.readouterr().out)
    original = json.loads(sample.read_text(encoding="utf-8"))
    for key in ("code", "procedure_code", "agency", "channel", "amount", "unit"):
        assert back[key] == original[key]
    assert back["applicant"]["tax_code"] == "0100233488"
    assert main(["dossier", "payload", str(sample), "-o", str(out)]) == 2  # exists, no --force


def test_errors_are_one_line(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["dossier", "payload", str(sample), "--reverse"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cchc: error:") and err.count("\n") == 1
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "MaHoSo": "X",
                "MaTTHC": "2.000055",
                "NgayTiepNhan": "2026-03-02",
                "TrangThaiHoSo": "2",
                "MaDoiTuong": "001203012345",
                "SoDienThoai": "0912345678",
            }
        ),
        encoding="utf-8",
    )
    assert main(["dossier", "payload", str(bad), "--reverse", "--channel", "online"]) == 2
    err = capsys.readouterr().err
    assert "NgayTiepNhan" in err and "001203012345" not in err and "0912345678" not in err
    assert main(["dossier", "payload", str(bad), "--procedure", "9.999999"]) == 2
    assert "cchc: error:" in capsys.readouterr().err
