"""The command line: one grammar (cchc <noun> <verb>), aliases, help text, exit codes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from cchc._cli_util import display_width, moment, print_table
from cchc.cli import ALIASES, build_parser, main, shell_message
from cchc.errors import ValidationError

SRC = str(Path(__file__).resolve().parent.parent / "src")


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, (*path, name))


def test_every_positional_and_choice_has_help() -> None:
    missing = []
    for path, parser in _walk(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            if (not action.option_strings or action.choices) and not action.help:
                missing.append((" ".join(path), action.dest))
    assert missing == []


def test_every_leaf_command_prints_json_or_a_document() -> None:
    # ``report render`` writes a document (Markdown/.docx), ``index template`` a YAML file to
    # fill in, ``demo`` is a tour and ``serve`` runs the web service; every other command
    # prints data and so has --json.
    no_json = []
    for path, parser in _walk(build_parser()):
        if any(isinstance(a, argparse._SubParsersAction) for a in parser._actions):
            continue
        if not any("--json" in a.option_strings for a in parser._actions):
            no_json.append(" ".join(path))
    assert sorted(no_json) == ["demo", "index template", "report render", "serve"]


@pytest.mark.parametrize(("old", "new"), sorted(ALIASES.items()))
def test_aliases_parse_like_the_noun_verb_form(old: str, new: tuple[str, ...]) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[
        new[0]
    ]
    verbs = next(a for a in sub._actions if isinstance(a, argparse._SubParsersAction))
    assert new[1] in verbs.choices


def test_old_and_new_names_print_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2025", "--json"]) == 0
    old = capsys.readouterr().out
    assert main(["calendar", "days", "2025", "--json"]) == 0
    assert capsys.readouterr().out == old
    assert main(["due", "2025-01-24T09:00+07:00", "5", "--json"]) == 0
    old = capsys.readouterr().out
    assert main(["dossier", "due", "2025-01-24T09:00+07:00", "5", "--json"]) == 0
    new = capsys.readouterr().out
    assert new == old
    # Công văn 8726/VPCP-KGVX: Tết 2025 off 25/1-2/2, so 5 working days from Fri 24/1
    # end on Fri 7/2 (office close).
    assert json.loads(new)["due_at"] == "2025-02-07T17:00:00+07:00"


def test_is_working_exits_like_test(capsys: pytest.CaptureFixture[str]) -> None:
    # 28/01/2025 is in the Tết break (Công văn 8726/VPCP-KGVX); Sat 26/04/2025 is a
    # make-up working day (Thông báo 6150/TB-BLĐTBXH).
    assert main(["calendar", "is-working", "2025-01-28"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("2025-01-28: ngày nghỉ (")
    assert main(["calendar", "is-working", "2025-04-26"]) == 0
    assert "ngày làm việc" in capsys.readouterr().out


def test_errors_are_phrased_for_the_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "add-days", "2031-01-02", "1"]) == 2
    err = capsys.readouterr().err
    assert "--provisional" in err and "provisional=True" not in err
    assert main(["dossier", "due", "2025-01-24T09:00", "5"]) == 2
    err = capsys.readouterr().err
    assert "+07:00" in err and "ZoneInfo" not in err
    assert shell_message("pass provisional=True for x") == "add --provisional for x"


def test_as_of_takes_a_date_or_a_datetime() -> None:
    assert moment("2025-06-30").isoformat() == "2025-06-30T23:59:59.999999+07:00"
    assert moment("2025-06-30T08:00+00:00").isoformat() == "2025-06-30T15:00:00+07:00"
    with pytest.raises(ValidationError, match=r"add \+07:00"):
        moment("2025-06-30T08:00")
    with pytest.raises(ValidationError, match="field as_of"):
        moment("30/06/2025")


def test_plan_status_as_of_datetime(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "number: 1/KH-SYT\nissuer: Sở Y tế\nsigned_on: 2025-01-10\n"
        "period_start: 2025-01-01\nperiod_end: 2025-12-31\ntasks: []\n",
        encoding="utf-8",
    )
    code_date = main(["plan", "status", str(plan), "--as-of", "2025-06-30", "--json"])
    out_date = capsys.readouterr().out
    code_dt = main(["plan", "status", str(plan), "--as-of", "2025-06-30T09:00+07:00", "--json"])
    assert (code_date, code_dt) == (0, 0)
    assert capsys.readouterr().out == out_date


def test_example_writes_a_sample_the_next_command_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dossiers.csv"
    assert main(["example", "dossiers", "-o", str(target)]) == 0
    assert "cchc dossier stats" in capsys.readouterr().out
    assert main(["dossier", "stats", str(target), "--as-of", "2025-12-31", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["counts"]["received"] > 0
    assert main(["example", "dossiers", "-o", str(target)]) == 2  # exists, no --force
    assert "--force" in capsys.readouterr().err
    assert main(["example", "--json"]) == 0
    names = [s["name"] for s in json.loads(capsys.readouterr().out)]
    assert names == ["dossiers", "index-inputs", "plan", "report"]
    inputs = tmp_path / "inputs.yaml"
    assert main(["example", "index-inputs", "-o", str(inputs)]) == 0
    assert main(["index", "score", "par-example-department", str(inputs), "--json"]) == 0


def test_tables_align_decomposed_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    nfd = unicodedata.normalize("NFD", "Tết Nguyên đán")
    assert display_width(nfd) == len("Tết Nguyên đán")
    print_table(("name", "n"), [(nfd, 1), ("Quốc khánh", 2)])
    lines = capsys.readouterr().out.splitlines()
    # the second column starts at the same screen column on both rows
    starts = [display_width(line[: line.rindex(" ") + 1]) for line in lines[2:]]
    assert starts[0] == starts[1] == len("Tết Nguyên đán") + 2


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    env = {"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        f"{sys.executable} -m cchc calendar days 2025 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.stdout.startswith("ngày")
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_semicolon_file_error_names_the_shell_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text(
        "channel;received_at;amount;unit\nonline;2025-03-03T09:00:00+07:00;5;working_days\n",
        encoding="utf-8",
    )
    assert main(["dossier", "stats", str(csv)]) == 2
    err = capsys.readouterr().err
    assert "--delimiter ';'" in err and "delimiter=" not in err
    assert main(["dossier", "stats", str(csv), "--delimiter", ";", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["counts"]["received"] == 1
