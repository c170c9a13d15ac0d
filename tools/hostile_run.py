"""A hostile-file and fuzz run over the ``cchc`` command line and the dossier loaders.

It feeds every command that reads a file (and the loaders behind them) files as people and
attackers have them: empty, binary, UTF-16, a BOM, CR-only line endings, invalid UTF-8, NUL
bytes, decomposed Unicode, 100,000-deep JSON / YAML, duplicate keys, epoch numbers, year-2605
instants, a 200,000-column header, a 200,000-character quoted field with newlines, a directory,
a missing file; then seeded random mutations of every bundled sample; then the process-level
cases (closed stdout, a non-UTF-8 ``PYTHONIOENCODING``, ``--docx`` to a directory or
``/dev/full``, ``example -o`` into a missing directory or onto a directory, Ctrl-C).

A *traceback* is any exception other than the library's typed errors escaping a command (in
process: anything but ``SystemExit``; in a subprocess: ``Traceback`` on stderr or an exit code
other than 0, 1, 2 and 130); a loader case that must refuse (a year-2605 instant, an epoch
number, a boolean amount) and answers counts too. The run prints the counts by command and
exits 1 if there is any.

    python tools/hostile_run.py                 # the whole run
    python tools/hostile_run.py --mutations 5   # fewer mutations per sample (CI)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from cchc._data import data_path
from cchc.cli import build_parser, main
from cchc.errors import CchcError

Runner = Callable[[Path], list[str]]
VERBOSE = False
WIDE = 1_000_000
"""Columns of the wide-header file (issue 19 B3: a 1M-column header must not hang)."""


def _sample(name: str) -> bytes:
    """A bundled sample file's bytes (``cchc example NAME -o -``)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["example", name, "-o", "-"])
    return out.getvalue().encode("utf-8")


def _commands() -> set[str]:
    """The ``noun verb`` and top-level command names this cchc has."""
    names: set[str] = set()
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                names.add(name)
                for verbs in sub._actions:
                    if isinstance(verbs, argparse._SubParsersAction):
                        names.update(f"{name} {verb}" for verb in verbs.choices)
    return names


def _file_commands() -> dict[str, Callable[[Path], list[str]]]:
    """Each command that reads a file, as the argv for a given path."""
    table: dict[str, Callable[[Path], list[str]]] = {
        "dossier stats": lambda p: ["dossier", "stats", str(p)],
        "plan status": lambda p: ["plan", "status", str(p)],
        "report check": lambda p: ["report", "check", str(p)],
        "report render": lambda p: ["report", "render", str(p)],
        "index score": lambda p: ["index", "score", "tt01-agency", str(p)],
        "document lint": lambda p: ["document", "lint", str(p)],
        "document citations": lambda p: ["document", "citations", str(p)],
        "document deadlines": lambda p: ["document", "deadlines", str(p)],
        "form": lambda p: [
            "form",
            "receipt",
            "--dossier",
            str(p),
            "--procedure",
            "1.001",
            "--agency",
            "UBND",
        ],
        "form --procedure-file": lambda p: [
            "form",
            "receipt",
            "--dossier",
            str(data_path("cchc.forms", "data", "sample_dossier.json")),
            "--procedure-file",
            str(p),
            "--agency",
            "UBND",
        ],
        "verify": lambda p: ["verify", str(p)],
        "procedure import": lambda p: ["procedure", "import", str(p)],
        "dossier payload": lambda p: ["dossier", "payload", str(p)],
        "report statistics": lambda p: ["report", "statistics", str(p)],
    }
    have = _commands()
    return {k: v for k, v in table.items() if k.split(" --")[0] in have}


def _deep_json(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def _deep_yaml(depth: int) -> bytes:
    return ("items: " + "{a: " * depth + "1" + "}" * depth + "\n").encode()


def hostile_files(samples: dict[str, bytes]) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of the fixed hostile files."""
    csv = samples["dossiers"]
    plan = samples["plan"]
    yield "empty", b""
    yield "binary", bytes(random.Random(1).randrange(256) for _ in range(4096))
    yield "nul-bytes", csv.replace(b",", b",\x00", 5)
    yield "utf16-csv", csv.decode().encode("utf-16")
    yield "utf16-plan", plan.decode().encode("utf-16")
    yield "bom-csv", b"\xef\xbb\xbf" + csv
    yield "cr-only-csv", csv.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    yield "invalid-utf8-csv", csv[: len(csv) // 2] + b"\xff\xfe\xc3" + csv[len(csv) // 2 :]
    yield "nfd-csv", unicodedata.normalize("NFD", csv.decode()).encode()
    yield "deep-json", _deep_json(100_000)
    yield "deep-yaml", _deep_yaml(100_000)
    yield "duplicate-keys-json", b'{"a": 1, "a": 2, "items": {"I1": 1, "I1": 2}}'
    yield "epoch-json", json.dumps({"received_at": 1735000000, "amount": 5}).encode()
    header = csv.split(b"\n", 1)[0]
    yield "wide-header", header + b"," + b",".join(b"c%d" % n for n in range(WIDE)) + b"\n"
    lines = csv.split(b"\n")
    long_field = b'"' + (b"x\n" * 100_000) + b'"'
    yield "long-quoted-field", b"\n".join([lines[0], long_field + b"," + lines[1], *lines[2:]])
    yield "unclosed-quote", csv[:200] + b'"' + csv[200:]
    yield "year-2605", csv.replace(b"2025-", b"2605-")
    yield "only-header", header + b"\n"
    yield "huge-amount", csv.replace(b",5,", b",99999999999999999999,", 3)
    yield "json-array", b"[1, 2, 3]"
    yield "yaml-tags", b"!!python/object:os.system {}\n"
    yield "json-nan", b'{"value": NaN}'


def mutations(data: bytes, n: int, rng: random.Random) -> Iterator[bytes]:
    """``n`` random mutations of ``data``: lines dropped, doubled, swapped, cut short; bytes
    flipped; characters inserted (digits, separators, quotes, Vietnamese, NUL)."""
    inserts = [b"0", b"9", b",", b";", b'"', b":", b"-", b"+07:00", "ộ".encode(), b"\x00", b"\n"]
    for _ in range(n):
        lines = data.split(b"\n")
        kind = rng.randrange(6)
        if kind == 0 and len(lines) > 1:
            del lines[rng.randrange(len(lines))]
        elif kind == 1:
            k = rng.randrange(len(lines))
            lines.insert(k, lines[k])
        elif kind == 2 and len(lines) > 2:
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
        out = bytearray(b"\n".join(lines))
        if kind == 3 and out:
            del out[rng.randrange(len(out)) :]
        for _ in range(rng.randrange(1, 6)):
            if not out:
                break
            at = rng.randrange(len(out))
            if kind == 4:
                out[at] = rng.randrange(256)
            else:
                out[at:at] = rng.choice(inserts)
        yield bytes(out)


def run_in_process(argv: list[str]) -> str | None:
    """Run ``cchc argv`` in this process; the traceback text if an exception escaped."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(argv)
    except SystemExit:
        return None
    except Exception:  # the thing counted
        return traceback.format_exc(limit=-3)
    text = err.getvalue()
    return text if "Traceback (most recent call last)" in text else None


def run_process(argv: list[str], *, env: dict[str, str] | None = None, **kw: object) -> str | None:
    """Run ``python -m cchc argv``; the stderr text if it shows a traceback or a bad exit."""
    proc = subprocess.run(
        [sys.executable, "-m", "cchc", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
        **kw,  # type: ignore[arg-type]
    )
    err = proc.stderr.decode("utf-8", "replace")
    if "Traceback (most recent call last)" in err or proc.returncode not in (0, 1, 2, 130):
        return f"exit {proc.returncode}: {err[-600:]}"
    return None


def process_cases(tmp: Path, samples: dict[str, bytes]) -> Iterator[tuple[str, str | None]]:
    """(label, traceback or None) of the cases that need a real process."""
    dossier = tmp / "dossiers.csv"
    dossier.write_bytes(samples["dossiers"])
    report = tmp / "report.yaml"
    report.write_bytes(samples["report"])
    closed = [sys.executable, "-m", "cchc", "calendar", "days", "2025"]
    proc = subprocess.run(
        " ".join(closed) + " >&-", shell=True, capture_output=True, timeout=120, check=False
    )
    err = proc.stderr.decode("utf-8", "replace")
    yield "closed stdout", (err if "Traceback" in err else None)
    for enc in ("ascii", "latin-1", "cp1252"):
        yield (
            f"PYTHONIOENCODING={enc}",
            run_process(["calendar", "days", "2025"], env={"PYTHONIOENCODING": enc}),
        )
    yield (
        "report render --docx DIR",
        run_process(["report", "render", str(report), "--docx", str(tmp)]),
    )
    if Path("/dev/full").exists():
        yield (
            "report render --docx /dev/full",
            run_process(["report", "render", str(report), "--docx", "/dev/full"]),
        )
    yield (
        "example -o missing/dir",
        run_process(["example", "plan", "-o", str(tmp / "no" / "such" / "plan.yaml")]),
    )
    yield "example -o DIR", run_process(["example", "plan", "-o", str(tmp)])
    big = tmp / "big.csv"
    lines = samples["dossiers"].split(b"\n")
    reps = max(1, 400_000 // max(1, len(lines) - 2))  # about 400,000 rows: seconds to read
    big.write_bytes(b"\n".join([lines[0], *(lines[1:-1] * reps)]) + b"\n")
    child = subprocess.Popen(
        [sys.executable, "-m", "cchc", "dossier", "stats", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    child.send_signal(signal.SIGINT)
    _, err_b = child.communicate(timeout=120)
    err = err_b.decode("utf-8", "replace")
    yield "Ctrl-C", (f"exit {child.returncode}: {err[-600:]}" if "Traceback" in err else None)


def loader_cases() -> Iterator[tuple[str, Callable[[], object], bool]]:
    """(label, call, must refuse) of the in-process loader and scalar cases: only cchc errors
    may escape, and a case that must refuse (a silent wrong date, a coercion) must raise one."""
    try:
        import numpy as np
        import pandas as pd
        import pyarrow as pa
    except ImportError:
        return
    from datetime import datetime

    from cchc import dossiers

    t = pd.Timestamp("2025-03-03 09:00", tz="Asia/Ho_Chi_Minh")
    frame = {
        "received_at": [t, t],
        "amount": [5, 5],
        "unit": ["working_days"] * 2,
        "channel": ["in_person"] * 2,
    }
    yield "from_dataframe ok", lambda: dossiers.from_dataframe(pd.DataFrame(frame)), False
    for unit in ("us", "ms", "s"):
        far = np.array(["2605-01-01T02:00"], dtype=f"datetime64[{unit}]")
        ser = pd.Series(far).dt.tz_localize("UTC")
        df = pd.DataFrame({**{k: v[:1] for k, v in frame.items()}, "received_at": ser})
        yield (
            f"from_dataframe year 2605 [{unit}, UTC]",
            lambda df=df: dossiers.from_dataframe(df),
            True,
        )
        table = pa.table(
            {
                "received_at": pa.array(far.astype("int64"), pa.timestamp(unit, tz="UTC")),
                "amount": [5],
                "unit": ["working_days"],
                "channel": ["in_person"],
            }
        )
        yield (
            f"from_arrow year 2605 [{unit}, UTC]",
            lambda table=table: dossiers.from_arrow(table),
            True,
        )
    yield "due_date(NaT)", lambda: dossiers.due_date(pd.NaT, 5), True
    yield "due_date(naive)", lambda: dossiers.due_date(datetime(2025, 1, 1, 9), 5), True
    yield "due_date(bool amount)", lambda: dossiers.due_date(t.to_pydatetime(), True), True
    for label, column, values in (
        ("bool amount", "amount", [True, 5]),
        ("text amount 4.9999999999999999", "amount", ["4.9999999999999999", 5]),
        ("epoch instants", "received_at", [1735000000, 1735000000]),
    ):
        df = pd.DataFrame({**frame, column: values})
        yield f"from_dataframe {label}", lambda df=df: dossiers.from_dataframe(df), True
    invalid = pa.array([b"\xff\xfe", b"ok"], pa.binary()).cast(pa.string(), safe=False)
    table = pa.table({**frame, "received_at": pa.array([t, t]), "unit": invalid})
    yield "from_arrow invalid UTF-8 string", lambda: dossiers.from_arrow(table), True


def run(n_mutations: int, seed: int) -> tuple[Counter[str], Counter[str], list[str]]:
    """(runs by command, tracebacks by command, the first tracebacks)."""
    rng = random.Random(seed)
    names = ["dossiers", "plan", "report", "index-inputs"]
    samples = {name: _sample(name) for name in names}
    runs: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    shown: list[str] = []

    def count(label: str, tb: str | None) -> None:
        runs[label] += 1
        if tb is not None:
            bad[label] += 1
            if len(shown) < 15:
                shown.append(f"--- {label}\n{tb}")

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        commands = _file_commands()
        files: list[tuple[str, bytes]] = list(hostile_files(samples))
        for sample_name, data in samples.items():
            files += [
                (f"{sample_name}~{n}", m) for n, m in enumerate(mutations(data, n_mutations, rng))
            ]
        for file_name, data in files:
            if VERBOSE:
                print(f"file {file_name}", file=sys.stderr, flush=True)
            for suffix in (".csv", ".json", ".yaml", ".txt"):
                path = tmp / f"input{suffix}"
                path.write_bytes(data)
                for label, argv in commands.items():
                    count(label, run_in_process(argv(path)))
        for label, argv in commands.items():
            count(label, run_in_process(argv(tmp / "missing.csv")))
            count(label, run_in_process(argv(tmp)))
        for label, tb in process_cases(tmp, samples):
            count(f"process: {label}", tb)
    for label, call, must_refuse in loader_cases():
        try:
            call()
            tb = "answered where it must refuse (a silent wrong answer)" if must_refuse else None
        except CchcError:
            tb = None
        except Exception:
            tb = traceback.format_exc(limit=-3)
        count(f"loader: {label}", tb)
    return runs, bad, shown


def cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutations", type=int, default=40, help="mutations per sample")
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--memory-gb", type=float, default=6.0, help="address-space cap")
    parser.add_argument("--wide", type=int, default=1_000_000, help="columns of the wide header")
    parser.add_argument("--verbose", action="store_true", help="name each file as it runs")
    args = parser.parse_args()
    # A loader that blows up on a hostile file must fail here (MemoryError, counted), not take
    # the machine down with it.
    cap = int(args.memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    global VERBOSE, WIDE
    VERBOSE, WIDE = args.verbose, args.wide
    started = time.perf_counter()
    runs, bad, shown = run(args.mutations, args.seed)
    for text in shown:
        print(text, file=sys.stderr)
    width = max(map(len, runs))
    for label in sorted(runs):
        print(f"{label:<{width}}  {runs[label]:>6} runs  {bad[label]:>4} tracebacks")
    total, failed = sum(runs.values()), sum(bad.values())
    print(
        f"{total} runs, {failed} tracebacks, {len(runs)} commands and cases, "
        f"{time.perf_counter() - started:.0f} s (seed {args.seed}, {args.mutations} mutations)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(cli())
