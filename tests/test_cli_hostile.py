"""Hostile input and output for the command line (issue 19 B6, B7, C): one line
``cchc: error: ...`` and exit 2, never a traceback; files written whole or not at all,
by one rule (missing folders created, an existing file replaced only with --force).

Oracles: the shells' conventions (exit 130 after Ctrl-C = 128 + SIGINT; ``>&-`` closes
a descriptor; ``/dev/full`` refuses every write with ENOSPC) and the rule stated in
``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from cchc._data import data_path, write_output
from cchc.cli import NOUNS, TOP_LEVEL, build_parser, main
from cchc.errors import OutputError

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DOSSIER = str(data_path("cchc.forms", "data", "sample_dossier.json"))
FORM = ["form", "receipt", "--procedure", "1.013876", "--agency", "Sở Y tế tỉnh Hà Tĩnh"]
FORM_INPUTS = ["--applicant", "Nguyễn Văn An", "--officer", "Trần Thị Bình", "--paper", "Đơn"]
REPORT = str(data_path("cchc.reporting", "data", "bc_cchc_q1_2022_syt_brvt.yaml"))


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.update(kwargs.pop("env", {}))  # type: ignore[call-overload]
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "cchc", *args],
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def _one_error_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cchc: error: "), err
    return lines[0]


# --- files written (B6, B7) ----------------------------------------------------------


def _form(docx: Path | str, *extra: str) -> list[str]:
    return [*FORM, "--dossier", DOSSIER, *FORM_INPUTS, "--docx", str(docx), *extra]


@pytest.mark.parametrize("command", ["form", "report", "example"])
def test_an_output_onto_a_folder_is_one_error_line(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("docx")
    args = {
        "form": _form(tmp_path),
        "report": ["report", "render", REPORT, "--docx", str(tmp_path)],
        "example": ["example", "plan", "-o", str(tmp_path)],
    }[command]
    assert main(args) == 2
    assert "is a folder" in _one_error_line(capsys.readouterr().err)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", ["form", "report", "example"])
def test_an_output_to_a_full_device_is_one_error_line(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("docx")
    args = {
        "form": _form("/dev/full"),
        "report": ["report", "render", REPORT, "--docx", "/dev/full"],
        "example": ["example", "plan", "-o", "/dev/full"],
    }[command]
    assert main(args) == 2
    assert "No space left on device" in _one_error_line(capsys.readouterr().err)


def test_missing_folders_are_created_and_an_existing_file_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("docx")
    for args in (
        ["example", "plan", "-o", str(tmp_path / "a" / "b" / "kh.yaml")],
        _form(tmp_path / "c" / "slip.docx"),
        ["report", "render", REPORT, "--docx", str(tmp_path / "d" / "e" / "bc.docx")],
    ):
        assert main(args) == 0, capsys.readouterr().err
        capsys.readouterr()
        before = sorted(p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file())
        assert main(args) == 2  # the same output again: refused
        assert "add --force" in _one_error_line(capsys.readouterr().err)
        assert before == sorted(p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file())
        assert main([*args, "--force"]) == 0
        capsys.readouterr()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kh.yaml"
    target.write_text("old\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_output(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kh.yaml"]


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "slip.docx"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["slip.docx"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "kh.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_output(target, "new\n", force=True)
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = write_output(tmp_path / "new.yaml", "x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_the_python_api_names_its_keyword_the_cli_its_option(tmp_path: Path) -> None:
    from cchc.samples import write_sample

    path = write_sample("plan", tmp_path / "kh.yaml")
    with pytest.raises(OutputError, match=r"pass force=True"):
        write_sample("plan", path)


# --- files read (B6) -----------------------------------------------------------------


def test_a_utf16_dossier_json_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dossier.json"
    path.write_text(Path(DOSSIER).read_text(encoding="utf-8"), encoding="utf-16")
    assert main([*FORM, "--dossier", str(path), *FORM_INPUTS]) == 2
    assert "not UTF-8" in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@pytest.mark.parametrize("shape", ["list", "mapping"])
def test_a_100k_deep_plan_file_is_one_error_line(
    suffix: str, shape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    depth = 100_000
    text = "[" * depth + "]" * depth if shape == "list" else '{"a": ' * depth + "1" + "}" * depth
    path = tmp_path / f"plan{suffix}"
    path.write_text(text, encoding="utf-8")
    assert main(["plan", "status", str(path)]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "nested too deeply" in line or "maximum nesting depth" in line


# --- the standard streams and Ctrl-C (B6) ----------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_a_non_utf8_output_encoding_is_one_error_line(encoding: str) -> None:
    proc = _run(["calendar", "days", "2025"], env={"PYTHONIOENCODING": encoding})
    assert proc.returncode == 2
    line = _one_error_line(proc.stderr.decode(encoding, "replace"))
    assert "PYTHONIOENCODING=utf-8" in line


def test_a_closed_stdout_is_one_error_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    shell = 'exec "$0" -m cchc calendar days 2025 >&-'  # the shell closes descriptor 1
    proc = subprocess.run(
        ["sh", "-c", shell, sys.executable], capture_output=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 2
    assert "standard output is closed" in _one_error_line(proc.stderr.decode())


def test_output_to_a_full_device_is_one_error_line() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        proc = _run(["calendar", "days", "2025"], stdout=full)
    assert proc.returncode == 2
    assert "No space left on device" in _one_error_line(proc.stderr.decode())


def test_ctrl_c_ends_quietly_with_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cchc.samples

    def interrupted(name: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(cchc.samples, "sample_text", interrupted)
    assert main(["example", "plan", "-o", "-"]) == 130
    assert capsys.readouterr().err == ""


def test_ctrl_c_in_a_real_process_ends_quietly_with_130() -> None:
    import signal

    env = {**os.environ, "PYTHONPATH": str(SRC)}
    code = (
        "import os, signal, sys, cchc.samples\n"
        "from cchc.cli import main\n"
        "def slow(name):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return ''\n"
        "cchc.samples.sample_text = slow\n"
        "sys.exit(main(['example', 'plan', '-o', '-']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 128 + signal.SIGINT
    assert proc.stderr == b""


@pytest.mark.parametrize(
    "argv",
    [["example", "plan", "-o", "-"], ["calendar", "days", "2025"], ["index", "frameworks"]],
)
def test_ctrl_c_while_the_command_is_imported_ends_quietly_with_130(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by tools/hostile_run.py: SIGINT 1.5 s after start landed while the command's
    # module was still being imported (building the parser), before the handler ran.
    import cchc.cli

    def interrupted(*args: object, **kwargs: object) -> argparse.ArgumentParser:
        raise KeyboardInterrupt

    monkeypatch.setattr(cchc.cli, "build_parser", interrupted)
    assert main(argv) == 130
    assert capsys.readouterr().err == ""


# --- the command-line surface (C) ------------------------------------------------------


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[str]:
    sub = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not sub:
        return [" ".join(path)]
    out: list[str] = []
    for name, child in sub[0].choices.items():
        out.extend(_commands(child, (*path, name)))
    return out


def test_docs_cli_lists_every_command() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [c for c in _commands(build_parser()) if f"`cchc {c}" not in text]
    assert not missing, f"docs/cli.md lacks a row for: {missing}"


def test_the_lazy_table_says_what_the_commands_say() -> None:
    full = build_parser()
    (sub,) = [a for a in full._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name, text, _module in (*NOUNS, *TOP_LEVEL):
        assert helps[name] == text, name
    assert set(helps) == {name for name, _, _ in (*NOUNS, *TOP_LEVEL)}


def test_help_imports_no_command_module() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from cchc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('cchc.', 'pydantic', 'numpy'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    # cchc._shell is the table of shell terms, a module that imports nothing
    assert out.strip() == "['cchc._shell', 'cchc.cli', 'cchc.errors']"


@pytest.mark.parametrize("command", ["calendar", "plan", "demo", "example", "form", "rules"])
def test_a_command_imports_its_own_module_only(command: str) -> None:
    parser = build_parser(command)
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, child in sub.choices.items():
        registered = any(isinstance(a, argparse._SubParsersAction) for a in child._actions) and any(
            a.choices for a in child._actions if isinstance(a, argparse._SubParsersAction)
        )
        if name in {n for n, _, _ in NOUNS}:
            assert registered == (name == command), name


def test_every_help_renders_without_rest_markup() -> None:
    def walk(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
        found = [parser]
        for a in parser._actions:
            if isinstance(a, argparse._SubParsersAction):
                for child in a.choices.values():
                    found.extend(walk(child))
        return found

    markup = re.compile(r"``|:(?:func|class|mod|data|meth|attr):`")
    bad = [p.prog for p in walk(build_parser()) if markup.search(p.format_help())]
    assert not bad, bad


@pytest.mark.parametrize("spelling", ["\\t", "tab", "\t"])
def test_delimiter_tab_written_as_a_shell_passes_it(
    spelling: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_text = data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv").read_text(
        encoding="utf-8"
    )
    tsv = tmp_path / "dossiers.tsv"
    tsv.write_text(csv_text.replace(",", "\t"), encoding="utf-8")
    assert main(["dossier", "stats", str(tsv), "--delimiter", spelling, "--json"]) == 0
    assert main(["dossier", "stats", str(tsv), f"--delimiter={spelling}", "--json"]) == 0
    capsys.readouterr()


def test_no_generated_file_in_the_repository_root() -> None:
    assert not list(ROOT.glob("*.docx"))


def test_the_examples_write_nothing_into_the_folder_they_run_in(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    env = {**os.environ, "PYTHONPATH": str(SRC), "MPLBACKEND": "Agg"}
    for name in ("one_stop_forms.py", "plans_quarterly_report.py"):
        subprocess.run(
            [sys.executable, str(ROOT / "examples" / name)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )
    assert not list(tmp_path.iterdir())


# --- the package surface (issue 16 item 3) ---------------------------------------------


def test_every_sub_package_is_reachable_from_import_cchc() -> None:
    code = (
        "import cchc\n"
        "print(cchc.calendar.OfficialCalendar.__name__, cchc.dossiers.due_date.__name__,"
        " cchc.legal.sources.__name__, cchc.l10n.vn_date.__name__, cchc.units.__name__,"
        " cchc.procedures.__name__, cchc.documents.lint.__name__, cchc.plans.__name__,"
        " cchc.reporting.__name__, cchc.indices.__name__, cchc.forms.fill.__name__)\n"
        "try:\n    cchc.nope\nexcept AttributeError as e:\n    print(e)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.splitlines()
    assert out[0].split()[:4] == ["OfficialCalendar", "due_date", "sources", "vn_date"]
    assert out[1] == "module 'cchc' has no attribute 'nope'"


@pytest.mark.parametrize(
    ("module", "old", "new", "arg"),
    [
        ("cchc.plans", "programme_for_year", "programme_in_force", 2016),
        ("cchc.indices.par_index", "version_for_year", "version_in_force", 2023),
        ("cchc.indices.sipas", "version_for_year", "version_in_force", 2024),
        ("cchc.indices.pci", "framework_for_year", "framework_in_force", 2021),
    ],
)
def test_old_dated_lookup_names_warn_and_give_the_same_answer(
    module: str, old: str, new: str, arg: int
) -> None:
    import importlib

    mod = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=new):
        got = getattr(mod, old)(arg)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert got == getattr(mod, new)(arg)


def test_an_error_names_the_commands_option_not_the_python_keyword(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "kh.yaml"
    assert main(["example", "plan", "-o", str(plan)]) == 0
    capsys.readouterr()
    assert main(["plan", "status", str(plan), "--as-of", "2025-13-01"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "argument --as-of" in line and "as_of" not in line
    from cchc._cli_util import moment
    from cchc.errors import ValidationError

    with pytest.raises(ValidationError, match="field as_of"):  # in Python: the keyword
        moment("2025-13-01")


def test_an_output_through_a_link_replaces_the_linked_file_not_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="force"):
        write_output(link, "new\n")
    write_output(link, "new\n", force=True)
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_an_output_to_dev_stdout_writes_to_the_pipe() -> None:
    if not Path("/dev/stdout").exists():
        pytest.skip("no /dev/stdout on this system")
    proc = _run(["example", "plan", "-o", "/dev/stdout"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"#") or b"tasks:" in proc.stdout
    assert Path("/dev/stdout").is_symlink() or Path("/dev/stdout").is_char_device()
