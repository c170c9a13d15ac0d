"""``-`` given as an output file: the shell's name for standard output, never a file named
"-" created in the working folder (which `rm -` then cannot remove). Every command that
writes a file through ``write_output`` refuses it in one error line (exit 2) and names
``/dev/stdout``; ``cchc example NAME -o -`` keeps printing the sample (its documented use).

Oracle: POSIX utility conventions (XBD 12.2, guideline 13: an operand "-" stands for
standard input or output) and cchc's own rule for outputs (``cchc._data.write_output``:
devices such as /dev/stdout are written in place).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc._data import data_path, write_output
from cchc.cli import main
from cchc.errors import OutputError

DOSSIERS = str(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv"))
REPORT = str(data_path("cchc.reporting", "data", "bc_cchc_q1_2022_syt_brvt.yaml"))
BAD = (
    "channel,received_at,amount,unit,finished_at,outcome\n"
    "online,2025-03-03T09:00:00+07:00,5,working_days,2025-03-05T10:00:00+07:00,Withdrawn\n"
    "online,2025-03-03T09:00:00+07:00,5,working_days,2025-03-05T10:00:00+07:00,withdrawn\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["report", "statistics", DOSSIERS, "--period", "Q1-2025", "--xlsx", "-"],
        ["report", "statistics", DOSSIERS, "--period", "Q1-2025", "--docx", "-"],
        ["report", "render", REPORT, "--docx", "-"],
        ["dossier", "stats", "bad.csv", "--bad-rows", "-"],
    ],
    ids=["statistics-xlsx", "statistics-docx", "render-docx", "stats-bad-rows"],
)
def test_a_dash_output_is_refused_and_no_file_is_made(
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if "--xlsx" in args:
        pytest.importorskip("openpyxl")
    if "--docx" in args:
        pytest.importorskip("docx")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_text(BAD, encoding="utf-8")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("cchc: error: ") and "/dev/stdout" in last
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("content", ["text\n", b"\x00bytes"])
def test_the_library_refuses_a_dash(content: str | bytes, tmp_path: Path) -> None:
    with pytest.raises(OutputError) as err:
        write_output("-", content, force=True)
    assert err.value.source == "-"
    assert write_output(tmp_path / "-x", content).read_bytes()[:1] in (b"t", b"\x00")


def test_example_to_dash_still_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["example", "dossiers", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("procedure_code,")
    assert not (tmp_path / "-").exists()
