"""Mutated case files: reading and running them raises only cchc errors, never a traceback.

The project's own case files are mutated at random (a line dropped or doubled, a value
replaced by a wrong-typed one, characters cut); each mutant either reads and runs (every
case passing, failing or raising a cchc error inside its result) or is refused with a
located :class:`~cchc.errors.CchcError`.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cchc.errors import BatchValidationError, CchcError
from cchc.verify import parse_case_text, run_file

CASES = sorted((Path(__file__).parent / "cases").glob("*.cchc.yaml"))
VALUES = (
    "-1", "0", "1e9", "99999999999999999999", ".nan", ".inf", "null", "true", "[]", "{}", "''",
    "x", "2025-02-30", "2025-01-24T09:00", "9999-12-31T23:59:59+07:00", "0001-01-01",
    "'15:00'", "25:00", "Q9", "nd09-2019", "pci-2013", "immediate", "hours", "-5",
)  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    n = rng.randrange(len(lines))
    how = rng.randrange(4)
    if how == 0:
        del lines[n]
    elif how == 1:
        lines.insert(n, lines[n])
    elif how == 2 and ": " in lines[n]:
        key, _, _ = lines[n].partition(": ")
        lines[n] = f"{key}: {rng.choice(VALUES)}"
    else:
        cut = rng.randrange(len(lines[n]) + 1)
        lines[n] = lines[n][:cut] + lines[n][cut + 1 :]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_mutants_raise_only_cchc_errors(path: Path) -> None:
    rng = random.Random(path.name)
    text = path.read_text(encoding="utf-8")
    read = refused = 0
    where: list[str | None] = []
    for _ in range(25):
        mutant = mutate(text, rng)
        try:
            loaded = parse_case_text(mutant, source=path.name)
        except BatchValidationError as exc:
            where.extend(e.source for e in exc.errors)
            refused += 1
            continue
        except CchcError as exc:
            where.append(exc.source)
            refused += 1
            continue
        results = run_file(loaded)
        assert len(results) == len(loaded.cases.cases)
        read += 1
    assert read + refused == 25
    assert refused > 0  # the mutations reach the checks
    assert set(where) == {path.name}  # every refusal names the file
