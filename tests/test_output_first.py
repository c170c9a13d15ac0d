"""An output file that cannot be written is refused before the command does its work.

``cchc dossier stats FILE --bad-rows OUT`` used to read and judge every row, print the bad
ones, and only then say that OUT exists (found by the "trial" run of 2026-12-05). Every
option that names a file a command writes (``--bad-rows``, ``--docx``, ``--xlsx``,
``-o/--output``) is now checked first, by the same rule as the write itself
(``cchc._data.check_output``, used by ``write_output``): an existing file needs
``--force``, a folder is refused. The oracle is that rule: the error names the output, not
the input, even when the input is missing too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc._data import check_output, write_output
from cchc.cli import main
from cchc.errors import OutputError

MISSING = "no-such-input.csv"  # read only if the output check passed


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["dossier", "stats", MISSING, "--bad-rows", "{out}"], "bad_rows"),
        (["report", "statistics", MISSING, "--period", "Q1-2025", "--xlsx", "{out}"], "xlsx"),
        (["report", "statistics", MISSING, "--period", "Q1-2025", "--docx", "{out}"], "docx"),
    ],
)
@pytest.mark.parametrize("kind", ["existing file", "folder"])
def test_an_output_in_the_way_is_refused_before_the_input_is_read(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    option: str,
    kind: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    if kind == "folder":
        out.mkdir()
    else:
        out.write_text("kept\n", encoding="utf-8")
    code = main([a.replace("{out}", str(out)) for a in args])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("cchc: error: ")
    assert str(out) in err and MISSING not in err
    assert ("exists" in err) if kind == "existing file" else ("folder" in err)
    if kind == "existing file":
        assert out.read_text(encoding="utf-8") == "kept\n"


def test_force_lets_the_command_reach_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "bad.csv"
    out.write_text("kept\n", encoding="utf-8")
    assert main(["dossier", "stats", MISSING, "--bad-rows", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert MISSING in err and "exists" not in err


def test_check_output_is_the_rule_write_output_applies(tmp_path: Path) -> None:
    new, old, folder = tmp_path / "new.txt", tmp_path / "old.txt", tmp_path / "dir"
    old.write_text("x", encoding="utf-8")
    folder.mkdir()
    assert check_output(new) is None
    assert check_output(old, force=True) is not None
    assert check_output(old, force=None) is not None  # no --force option: not checked
    for path, force in ((old, False), (folder, True), ("-", True)):
        with pytest.raises(OutputError):
            check_output(path, force=force)
        with pytest.raises(OutputError):
            write_output(path, "y", force=bool(force))
    assert old.read_text(encoding="utf-8") == "x"
