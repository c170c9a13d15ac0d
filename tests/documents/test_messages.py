"""The linter's message table: every message belongs to a known code and formats in both
languages; a finding on a citation names its number and date.

Oracle: the codes of ``CODES`` (documents.md §5.1) and the citation "Kế hoạch số 11/KH-SYT
ngày 24/01/2022" of seed 002.
"""

from __future__ import annotations

import string

import pytest

from cchc.documents.citations import parse_citations
from cchc.documents.findings import CODES, MESSAGES, cited, finding


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_a_known_code_and_the_same_placeholders(key: str) -> None:
    en, vi = MESSAGES[key]
    assert key.partition(":")[0] in CODES
    names = [{n for _, n, _, _ in string.Formatter().parse(t) if n} for t in (en, vi)]
    assert names[0] == names[1]
    f = finding(key, (1, 2), **dict.fromkeys(names[0], "X"))
    assert f.code == key.partition(":")[0] and f.severity is CODES[f.code][0]
    assert "{" not in f.message and "{" not in (f.message_vi or "")


def test_every_code_has_a_message() -> None:
    assert set(CODES) == {key.partition(":")[0] for key in MESSAGES}


def test_cited_names_the_number_and_date_of_the_citation() -> None:
    text = "Thực hiện Kế hoạch số 11/KH-SYT ngày 24/01/2022 của Sở Y tế."
    (c,) = parse_citations(text)
    f = cited("plan-year-implausible", c, y=2021)
    assert f.span == c.span
    assert f.message == (
        "11/KH-SYT of 24/01/2022 is a plan for 2021, a year that had (almost) ended when issued"
    )
    assert f.message_vi == (
        "11/KH-SYT ngày 24/01/2022 là kế hoạch cho năm 2021, khi năm đó đã (gần) kết thúc"
    )
    assert c.date_span is not None
    assert cited("non-working-day", c, span=c.date_span, w="Monday").span == c.date_span
