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


# Issue 19 B13: the clause need not follow a "về việc ..." subject. A comma after the cited
# document's issuer opens the citing text's own clause whatever its wording; the rule's
# scope (the trích yếu, and joint issuers only as a list closed by "và") is varied here.
B13 = (
    "thực hiện Công văn số 4567/BNV-CCHC ngày 12/10/2023 của Bộ Nội vụ, Sở Y tế ban hành "
    "Kế hoạch số 88/KH-SYT ngày 20/10/2023 về kiểm tra."
)


@pytest.mark.parametrize(
    "text",
    [
        B13,
        B13[0].upper() + B13[1:],
        unicodedata.normalize("NFD", B13),
        B13.replace("của Bộ Nội vụ", "của Bộ Nội vụ về công tác kiểm tra"),
        B13.replace("ngày 12/10/2023", "ngày 12 tháng 10 năm 2023"),
        B13.replace("ngày 20/10/2023", "ngày 20 tháng 10 năm 2023"),
        B13.replace("Sở Y tế ban hành", "Sở Y tế đã ban hành"),
        B13.replace("Sở Y tế ban hành", "Sở Y tế có"),
        B13.replace("Sở Y tế ban hành", "Sở Y tế xây dựng"),
        B13.replace("Sở Y tế ban hành", "Sở Nội vụ tổ chức triển khai"),
        B13.replace("Sở Y tế ban hành", "UBND tỉnh ban hành"),
        B13.replace("Sở Y tế ban hành", "Ủy ban nhân dân tỉnh Hà Tĩnh ban hành"),
        B13.replace("Công văn số", "Quyết định số").replace("BNV-CCHC", "QĐ-BNV"),
        B13.replace("Kế hoạch số 88/KH-SYT", "Quyết định số 88/QĐ-SYT"),
        B13.replace("của Bộ Nội vụ, ", "của Bộ Nội vụ,\n"),
    ],
)
def test_a_clause_after_the_issuer_is_not_the_cited_documents_subject(text: str) -> None:
    assert "cited-after-citing" not in {f.code for f in lint(text)}


def test_joint_issuers_closed_by_va_are_still_one_issuer() -> None:
    from cchc.documents import parse_citations

    text = (
        "Thông tư liên tịch số 01/2015/TTLT-BTP-BCA-BYT ngày 06/01/2015 của Bộ Tư pháp, "
        "Bộ Công an và Bộ Y tế về lý lịch tư pháp."
    )
    (c,) = parse_citations(text)
    assert c.issuer == "Bộ Tư pháp, Bộ Công an và Bộ Y tế"
    assert c.subject == "lý lịch tư pháp"


@pytest.mark.parametrize(
    "text",
    [
        # the later plan is named inside the công văn's own subject: still flagged
        B13.replace(", Sở Y tế ban hành", " về việc triển khai"),
        B13.replace(", Sở Y tế ban hành", " hướng dẫn thực hiện"),
        B13.replace(", Sở Y tế ban hành", ", triển khai"),
    ],
)
def test_a_later_document_inside_the_subject_is_still_flagged(text: str) -> None:
    late = [f for f in lint(text) if f.code.startswith("cited-after-citing")]
    assert len(late) == 1
    start, end = late[0].span
    assert "88/KH-SYT" in text[start:end]
