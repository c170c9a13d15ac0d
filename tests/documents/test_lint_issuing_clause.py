"""A document issued in its own clause is not cited by the one before it (issue 11.8).

``cited-after-citing`` reads a citation inside another's trích yếu (subject) as cited by
it. "Thực hiện Công văn A ..., Sở Y tế ban hành Kế hoạch B ..." is the citing text's own
account: B is issued by the Sở in response to A, so B dated after A is normal.
"""

from __future__ import annotations

import unicodedata

import pytest

from cchc.documents import lint

CLEAN = (
    "Thực hiện Công văn số 4567/BNV-CCHC ngày 12/10/2023 của Bộ Nội vụ về việc tăng cường "
    "cải cách hành chính, Sở Y tế ban hành Kế hoạch số 88/KH-SYT ngày 20/10/2023 về cải "
    "cách hành chính năm 2024."
)


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        unicodedata.normalize("NFD", CLEAN),
        CLEAN.replace("ban hành", "đã xây dựng"),
        CLEAN.replace("ban hành", "triển khai"),
        CLEAN.replace("Sở Y tế ban hành", "UBND tỉnh đã ban hành"),
    ],
)
def test_document_issued_in_own_clause_is_not_cited(text: str) -> None:
    assert "cited-after-citing" not in {f.code for f in lint(text)}


def test_citation_in_the_subject_is_still_cited() -> None:
    # No actor: "triển khai Kế hoạch" continues the công văn's subject, as in seed 002's
    # "Văn bản số 177/PC-SYT ngày 25/2/2022 về triển khai Quyết định số 5065/QĐ-UBND
    # ngày 31/12/2022" (tests/documents/test_lint.py keeps that finding).
    nested = CLEAN.replace("Sở Y tế ban hành", "triển khai")
    late = [f for f in lint(nested) if f.code == "cited-after-citing"]
    assert len(late) == 1
    start, end = late[0].span
    assert "88/KH-SYT" in nested[start:end]


def test_later_citation_after_the_clause_is_not_blamed_on_the_first() -> None:
    text = CLEAN.replace(
        "về cải cách hành chính năm 2024.",
        "theo Quyết định số 99/QĐ-UBND ngày 18/10/2023 của UBND tỉnh.",
    )
    assert "cited-after-citing" not in {f.code for f in lint(text)}
