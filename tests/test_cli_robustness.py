"""The command line behaves in a shell pipe and without optional extras (issue 11.9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cchc._data import data_path
from cchc.cli import main
from cchc.errors import MissingExtraError
from cchc.plans import example_plan, save_plan

SRC = Path(__file__).resolve().parents[1] / "src"
SEED_REPORT = Path(__file__).resolve().parents[1] / "examples" / "data" / "seed_report_q1_2022.txt"


def _run_into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m cchc ARGS`` with stdout a pipe whose reader has already gone
    (what ``| head -1`` leaves once head exits), so every write fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "cchc", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    return proc


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "kh.yaml"
    save_plan(example_plan(), path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["stats", str(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv"))],
        ["lint", str(SEED_REPORT)],
        ["citations", str(SEED_REPORT)],
        ["plan", "status", "PLAN", "--as-of", "2018-01-05"],
    ],
    ids=["stats", "lint", "citations", "plan-status"],
)
def test_closed_pipe_gives_no_traceback(args: list[str], plan_file: Path) -> None:
    args = [str(plan_file) if a == "PLAN" else a for a in args]
    proc = _run_into_closed_pipe(args)
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    assert b"BrokenPipeError" not in proc.stderr
    assert proc.returncode == 0  # the reader stopped: not an error (cchc.cli docstring)


def test_report_docx_without_python_docx(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cchc.reporting import to_docx
    from cchc.reporting.report import load_report

    report = load_report(data_path("cchc.reporting", "data", "bc_cchc_q1_2022_syt_brvt.yaml"))
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx -> ModuleNotFoundError
    with pytest.raises(MissingExtraError, match=r"pip install 'cchc\[docx\]'"):
        to_docx(report, tmp_path / "bc.docx")
    src = data_path("cchc.reporting", "data", "bc_cchc_q1_2022_syt_brvt.yaml")
    assert main(["report", "render", str(src), "--docx", str(tmp_path / "bc.docx")]) == 2
    assert "cchc[docx]" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["read_csv", "from_dataframe", "from_columns", "from_arrow"])
def test_pandas_loaders_without_pandas(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    import cchc.dossiers

    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.delitem(sys.modules, "cchc.dossiers.table.frame", raising=False)
    with pytest.raises(MissingExtraError, match=r"pip install 'cchc\[pandas\]'"):
        getattr(cchc.dossiers, name)


@pytest.mark.parametrize(
    "module", ["cchc.dossiers.table.dask_stats", "cchc.dossiers.table.synthetic"]
)
def test_pandas_modules_without_pandas(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    import importlib

    monkeypatch.setitem(sys.modules, "pandas", None)
    for name in (module, "cchc.dossiers.table.frame"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(MissingExtraError, match=r"cchc\[pandas\]"):
        importlib.import_module(module)


def test_chart_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc.indices.chart import plot_areas

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtraError, match=r"cchc\[plot\]"):
        plot_areas(None)  # type: ignore[arg-type]
