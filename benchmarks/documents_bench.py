"""Benchmark: parse and lint 1 MB of hostile text.

"Hostile" means patterns that make backtracking regular expressions explode
and near-misses of every citation shape: long digit runs, ``1/1/1/…``,
``A-A-A-…`` symbols, ``Số Số Số``, ``ngày ngày``, unclosed parentheses,
dot runs, Party-like ``1-NQ/…`` chains, NFD text and look-alike ``Ð``, mixed
with real citations copied from seed 002 (about 10 % of the text).

Prints the time of ``parse_citations`` and of ``lint`` on each pattern and on
the mixed 1 MB text (best of 3).

Run: PYTHONPATH=src python benchmarks/documents_bench.py [--size BYTES]
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from cchc.documents import lint, parse_citations

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "documents" / "fixtures" / "002_245aa44b85a459b5.txt"

PATTERNS: dict[str, str] = {
    "digit run": "1" * 4000,
    "slash chain": "1/" * 2000,
    "hyphen symbol": "12/QĐ-" + "UBND-" * 800,
    "letter-hyphen": "A-" * 2000 + "!",
    "party chain": "1-NQ/" * 800,
    "số số": "Số " * 1300,
    "ngày ngày": "ngày " * 800,
    "unclosed parens": "(08 trường hợp " * 300,
    "dots": "." * 4000,
    "trong đó": "trong đó 1 thủ tục, " * 200,
    "của": "của Ủy ban " * 400,
    "near misses": "Đề án 06/CP; mức độ 3, 4; HL7-FHIR-SNOMED; quý I/2022; 1.826; 9001:2008; " * 50,
    "nfd + eth": unicodedata.normalize("NFD", "Quyết định số 12/Q\u00d0-UBND ngày 31/02/2022 ")
    * 80,
}


def hostile_text(size: int) -> str:
    """About ``size`` characters: the patterns in turn, with a seed block every ten."""
    seed = SEED.read_text(encoding="utf-8")[:4000]
    parts: list[str] = []
    total = 0
    names = list(PATTERNS)
    i = 0
    while total < size:
        piece = seed if i % 10 == 9 else PATTERNS[names[i % len(names)]]
        parts.append(piece + "\n")
        total += len(piece) + 1
        i += 1
    return "".join(parts)[:size]


def best_of(repeat: int, func: Callable[[str], object], text: str) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text")
    args = parser.parse_args()
    print(f"{'pattern (~100 kB each)':28} {'parse_citations':>16} {'lint':>10}")
    for name, piece in PATTERNS.items():
        text = (piece + "\n") * max(1, 100_000 // (len(piece) + 1))
        p = best_of(3, parse_citations, text)
        lt = best_of(3, lint, text)
        print(f"{name:28} {p * 1000:13.1f} ms {lt * 1000:7.1f} ms")
    text = hostile_text(args.size)
    found = len(parse_citations(text))
    p = best_of(3, parse_citations, text)
    lt = best_of(3, lint, text)
    print(
        f"\nmixed hostile text: {len(text):,} characters, {len(text.encode()):,} bytes UTF-8, "
        f"{found} citations found"
    )
    print(f"parse_citations: {p:.3f} s   lint: {lt:.3f} s")


if __name__ == "__main__":
    main()
