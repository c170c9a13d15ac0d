"""Answer-file test: the parser finds the citations of seed_citations.csv.

Oracle: ``seed_citations.csv`` (copied from ../shared/domain/), the per-citation
inventory of the five seed texts made by reading them by hand (documents.md §5).
Each numbered row must be found with its number (as written), symbol and date.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pytest

from cchc.documents import CitationRole, parse_citations

from .conftest import FIXTURES

ROWS = list(csv.DictReader((FIXTURES / "seed_citations.csv").open(encoding="utf-8")))
NUMBERED = [r for r in ROWS if r["symbol"] and r["raw_text"] != "Đề án 06/CP"]


def _matches(row: dict[str, str], seeds: dict[str, str]) -> list[object]:
    cits = parse_citations(seeds[row["seed_file"]])
    want_date = date.fromisoformat(row["date"]) if row["date"] else None
    return [
        c
        for c in cits
        if (c.number or "") == row["number"]
        and c.symbol == row["symbol"]
        and c.issued_on == want_date
        and (not row["year"] or c.year == int(row["year"]))
    ]


def test_answer_file_has_the_documented_rows() -> None:
    # documents.md §5: 77 rows, of which 3 are headers/titles and 1 unnumbered mention.
    assert len(ROWS) == 77
    assert len(NUMBERED) == 74  # 73 numbered mentions + 2 numbered headers - "Đề án 06/CP"


@pytest.mark.parametrize(
    "row", NUMBERED, ids=[f"{r['seed_file'][:3]}:{r['raw_text'][:40]}" for r in NUMBERED]
)
def test_each_numbered_citation_is_found(row: dict[str, str], seeds: dict[str, str]) -> None:
    assert _matches(row, seeds), row["raw_text"]


def test_mention_counts_match_exactly(seeds: dict[str, str]) -> None:
    """Every mention is found once per occurrence, and nothing else is found."""
    for name in seeds:
        want = Counter(
            (r["number"], r["symbol"], r["date"]) for r in NUMBERED if r["seed_file"] == name
        )
        got = Counter(
            (c.number or "", c.symbol, c.issued_on.isoformat() if c.issued_on else "")
            for c in parse_citations(seeds[name])
        )
        assert got == want, name


def test_headers_have_the_header_role(seeds: dict[str, str]) -> None:
    draft = parse_citations(seeds["001_d3d6b0dfe4bf769b.txt"])[0]
    assert draft.role is CitationRole.HEADER
    assert draft.number is None and draft.symbol == "SYT-VP" and draft.year == 2024
    own = parse_citations(seeds["003_3c3a924bb61d752e.txt"])[0]
    assert own.role is CitationRole.HEADER
    assert (own.number, own.symbol, own.issued_on) == ("5601", "KH-SYT", date(2017, 6, 16))


def test_label_de_an_06_cp_is_not_a_citation(seeds: dict[str, str]) -> None:
    # documents.md §3.2: "Đề án 06/CP" is a label, not a citation.
    assert all(c.symbol != "CP" for c in parse_citations(seeds["001_d3d6b0dfe4bf769b.txt"]))


def test_news_seeds_have_no_citations(seeds: dict[str, str]) -> None:
    # documents.md §5: seeds 000 and 004 contain no numbered citations.
    assert parse_citations(seeds["000_b7ed1182c9863cf1.txt"]) == []
    assert parse_citations(seeds["004_0fea4a67d0af61a4.txt"]) == []


def test_repeat_mention_links_to_first(seeds: dict[str, str]) -> None:
    cits = parse_citations(seeds["002_245aa44b85a459b5.txt"])
    last = cits[-1]
    assert (last.number, last.symbol, last.issued_on) == ("10", "CT-UBND", None)
    assert last.refers_to is not None
    assert cits[last.refers_to].issued_on == date(2021, 8, 16)


def test_issuers_as_in_the_answer_file(seeds: dict[str, str]) -> None:
    by = {(c.number, c.symbol): c for c in parse_citations(seeds["003_3c3a924bb61d752e.txt"])}
    assert by[("39", "NQ/TW")].issuer == "Bộ Chính trị"
    assert by[("1819", "QĐ-TTg")].issuer == "Thủ tướng Chính phủ"
    assert by[("28", "CT/TU")].issuer == "Ban Thường vụ Thành ủy"
    # the "của Ủy ban nhân dân thành phố" after 553 belongs to 553, not to 2623
    assert by[("2623", "QĐ-UBND")].issuer is None
    assert by[("553", "KH-UBND")].issuer == "Ủy ban nhân dân thành phố"
