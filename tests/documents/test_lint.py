"""The linter reports the substantive inconsistencies of documents.md §5.1, nothing on clean text.

Oracle: documents.md §5.1 (12 substantive inconsistencies and 5 drafting defects,
found by reading the seeds by hand).
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date

import pytest

from cchc.documents import CODES, Finding, Severity, lint
from cchc.errors import ValidationError

from .conftest import seed


def _has(findings: list[Finding], code: str, text: str, where: str) -> bool:
    return any(f.code == code and text in where[f.span[0] : f.span[1]] for f in findings)


@pytest.fixture(scope="module")
def report() -> tuple[str, list[Finding]]:
    text = seed("002")
    return text, lint(text)


@pytest.mark.parametrize(
    ("item", "code", "anchor"),
    [
        (1, "cited-after-citing", "5065/QĐ-UBND ngày 31/12/2022"),
        (2, "number-year-mismatch", "60/2022/NĐ-CP ngày 21/6/2021"),
        (3, "series-year-outlier", "1295/SYT-VP ngày 03/3/2020"),
        (4, "series-backwards", "395/SYT-VP ngày 18/02/2022"),
        (5, "series-backwards", "05/KH-SYT ngày 13/02/2022"),
        (6, "series-backwards", "28/KH-SYT ngày 23/3/2022"),
        (7, "duplicate-number", "22/KH-SYT ngày 21/02/2022"),
        (8, "symbol-order", "177/PC-SYT"),
        (9, "symbol-incomplete", "107/2021/NĐ ngày"),
        (11, "plan-year-implausible", "219/KH-SYT ngày 27/12/2021"),
    ],
)
def test_substantive_items_of_seed_002(
    report: tuple[str, list[Finding]], item: int, code: str, anchor: str
) -> None:
    text, findings = report
    assert _has(findings, code, anchor, text), (item, [f.message for f in findings])


def test_item_10_uses_the_reporting_data_window(report: tuple[str, list[Finding]]) -> None:
    # documents.md §5.1 item 10 judged 7351/SYT-VP of 17/12/2021 against the calendar
    # quarter; a CCHC "quý I/2022" report covers the data window 15/12/2021 to 14/3/2022
    # (Công văn 581/BNV-CCHC, cchc.reporting "bnv-cchc" Q1), so 7351 is inside it. The
    # action really outside it is 1295/SYT-VP "ngày 03/3/2020" (item 3's wrong year).
    text, findings = report
    assert not _has(findings, "outside-reporting-period", "7351/SYT-VP ngày 17/12/2021", text)
    outside = [f for f in findings if f.code == "outside-reporting-period"]
    assert [text[f.span[0] : f.span[1]][:29] for f in outside] == ["Văn bản số 1295/SYT-VP ngày 0"]
    assert "15/12/2021 to 14/03/2022" in outside[0].message
    assert "581/BNV-CCHC" in outside[0].message


def test_period_uses_the_regime_windows() -> None:
    # 581/BNV-CCHC quý I: 15/12 to 14/3; a bullet of 20/3/2022 is outside, 17/12/2021 inside.
    text = (
        "BÁO CÁO quý I/2022\n+ Công văn số 12/SYT-VP ngày 17/12/2021\n"
        "+ Công văn số 13/SYT-VP ngày 20/3/2022\n"
    )
    outside = [f for f in lint(text) if f.code == "outside-reporting-period"]
    assert [text[f.span[0] : f.span[1]] for f in outside] == [
        "Công văn số 13/SYT-VP ngày 20/3/2022"
    ]
    # Nghị định 09/2019/NĐ-CP Điều 12 khoản 2 gives the same quý I window.
    assert [f.code for f in lint(text, regime="nd09-2019") if "period" in f.code] == [
        "outside-reporting-period"
    ]
    # 581/BNV-CCHC has no quý II report: the quarter falls back to NĐ 09/2019 (15/3 to 14/6).
    (q2,) = [f for f in lint(text.replace("quý I/", "quý II/")) if "period" in f.code]
    assert "09/2019/NĐ-CP" in q2.message and "15/03/2022 to 14/06/2022" in q2.message
    with pytest.raises(ValidationError):
        lint(text, regime="monthly")


def test_year_zero_heading_is_not_a_crash() -> None:
    # A "năm 0000" heading has no data window (datetime.date covers years 1..9999).
    text = "BÁO CÁO quý I năm 0000\n+ Công văn số 12/SYT-VP ngày 3/3/2022"
    assert "outside-reporting-period" not in {f.code for f in lint(text)}
    assert "outside-reporting-period" not in {f.code for f in lint(text.replace("0000", "0001"))}


def test_next_bullet_is_not_a_subject() -> None:
    # Regression (review issue 4 item 7): the clause of a citation ends at the line break
    # before the next "+" item, so item 2 is not "cited" by item 1.
    text = (
        "BÁO CÁO quý I/2022\n+ Công văn số 12/SYT-VP ngày 17/12/2021\n"
        "+ Công văn số 13/SYT-VP ngày 20/3/2022\n"
    )
    assert "cited-after-citing" not in {f.code for f in lint(text)}
    from cchc.documents import parse_citations

    assert parse_citations(text)[0].subject is None
    wrapped = "Căn cứ Quyết định số 12/QĐ-UBND ngày 3/4/2016\nvề việc ban hành quy chế;"
    assert parse_citations(wrapped)[0].subject == "ban hành quy chế"


def test_duplicate_points_at_the_second_plan(report: tuple[str, list[Finding]]) -> None:
    text, findings = report
    dup = [f for f in findings if f.code == "duplicate-number"]
    assert len(dup) == 1
    assert (
        text.index("về tuyên truyền công tác") > dup[0].span[0] > text.index("về kiểm tra công tác")
    )


def test_item_12_rate_contradiction_in_seed_003() -> None:
    text = seed("003")
    findings = lint(text)
    assert [f.code for f in findings if f.severity is Severity.ERROR] == ["rate-contradiction"]
    assert "trễ hẹn" in text[findings[0].span[0] :][:200] or any(
        "trễ hẹn" in text[f.span[0] : f.span[1]] for f in findings
    )


def test_drafting_defects() -> None:
    draft = lint(seed("001"))  # item 13: must be dated between 12/08 and 21/08/2024
    assert {f.code for f in draft} == {"blank-number", "partial-date", "draft-date-window"}
    (window,) = [f for f in draft if f.code == "draft-date-window"]
    assert "from 12/08/2024" in window.message and "to 21/08/2024" in window.message
    codes = {f.code for f in lint(seed("002"))}
    assert {"missing-own-number", "blank-figure", "undated-first-mention"} <= codes  # 14-16
    news = lint(seed("004"))  # item 17
    assert [(f.code, seed("004")[f.span[0] : f.span[1]]) for f in news] == [
        ("partial-date", "ngày 1/8")
    ]


def test_no_finding_on_clean_texts() -> None:
    assert lint(seed("000")) == []  # documents.md §5: no inconsistency in 000
    clean = (
        "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ; Kế hoạch số "
        "11/KH-SYT ngày 24/01/2022 và Kế hoạch số 17/KH-SYT ngày 11/02/2022 của Sở Y tế.\n"
        "Tổng số nhiệm vụ: 25\n+ Số nhiệm vụ đã thực hiện: 10\n+ Số nhiệm vụ đang thực hiện: 15\n"
        "Có 126 thủ tục, trong đó có 50 thủ tục mức độ 3 và 76 thủ tục mức độ 4.\n"
        "Tỷ lệ hồ sơ đúng hẹn đạt trên 90%; 08 trường hợp (01 CC và 7 VC)."
    )
    assert lint(clean, issued_on=date(2022, 3, 15)) == []


def test_own_date_from_argument_and_header() -> None:
    text = "Thực hiện Kế hoạch số 43/KH-SYT ngày 10/3/2022."
    assert lint(text, issued_on=date(2022, 3, 10)) == []
    late = lint(text, issued_on=date(2022, 3, 9))
    assert [f.code for f in late] == ["cited-after-citing"]
    header = "SỞ Y TẾ\nSố: 15/KH-SYT\nBà Rịa, ngày 09 tháng 3 năm 2022\n" + text
    assert "cited-after-citing" in {f.code for f in lint(header)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Quyết định số 12/QĐ-UBND ngày 30/02/2022.", "impossible-date"),
        ("Kế hoạch số 12/QĐ-UBND ngày 07/3/2022.", "type-symbol-mismatch"),
        (
            "Có 191 thủ tục, trong đó 120 thủ tục cấp Sở, 60 thủ tục cấp đơn vị, 9 thủ tục cấp "
            "huyện và 20 thủ tục cấp xã.",
            "totals-mismatch",
        ),
        (
            "Tổng số nhiệm vụ: 25\n+ Số nhiệm vụ đã thực hiện: 20\n+ Số nhiệm vụ đang làm: 15",
            "totals-mismatch",
        ),
        ("08 trường hợp nâng ngạch CV (01 CC và 8 VC)", "totals-mismatch"),
        ("Số lớp đã tổ chức:.....lớp", "blank-figure"),
        ("Thông tư số 86 /2025/TT-BCA ngày 01/7/2025", "symbol-format"),
    ],
)
def test_single_checks(text: str, code: str) -> None:
    assert code in {f.code for f in lint(text)}


def test_findings_are_bilingual_with_stable_codes(report: tuple[str, list[Finding]]) -> None:
    text, findings = report
    for f in findings:
        assert f.code in CODES and f.message and f.message_vi and f.message != f.message_vi
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
    assert Finding.model_json_schema()["properties"]["span"]


def test_spans_refer_to_nfd_input() -> None:
    text = unicodedata.normalize("NFD", "Nghị định số 60/2022/NĐ-CP ngày 21/6/2021 của Chính phủ")
    (f,) = lint(text)
    assert text[f.span[0] : f.span[1]].startswith("Ngh")


def test_days_off_are_a_weak_remark(report: tuple[str, list[Finding]]) -> None:
    # documents.md §5.1: 12/02/2022 was a Saturday, 13/02/2022 a Sunday (not errors in themselves).
    text, findings = report
    off = [f for f in findings if f.code == "non-working-day"]
    assert {text[f.span[0] : f.span[1]] for f in off} >= {"ngày 12/02/2022", "ngày 13/02/2022"}
    assert all(f.severity is Severity.INFO for f in off)


def test_issued_on_as_datetime_must_be_aware() -> None:
    from datetime import datetime

    from cchc.errors import NaiveDatetimeError

    text = "Thực hiện Kế hoạch số 43/KH-SYT ngày 10/3/2022."
    # 09/3/2022 20:00 UTC is 10/3/2022 03:00 in Vietnam: not after the cited date.
    assert lint(text, issued_on=datetime(2022, 3, 9, 20, tzinfo=UTC)) == []
    with pytest.raises(NaiveDatetimeError):
        lint(text, issued_on=datetime(2022, 3, 9, 20))


def test_backwards_pair_of_two_is_reported() -> None:
    # NĐ 30/2020/NĐ-CP Điều 15 khoản 1: numbers run in issuing order, so 05/KH-SYT cannot be
    # dated after 11/KH-SYT of the same series and year (seed 002 item 5, reduced to 2).
    text = "Kế hoạch số 11/KH-SYT ngày 24/01/2022; Kế hoạch số 05/KH-SYT ngày 13/02/2022."
    (f,) = [f for f in lint(text) if f.code == "series-backwards"]
    assert text[f.span[0] : f.span[1]].startswith("Kế hoạch số 05/KH-SYT")
    assert "11/KH-SYT" in f.message
    in_order = "Kế hoạch số 05/KH-SYT ngày 24/01/2022; Kế hoạch số 11/KH-SYT ngày 14/02/2022."
    assert lint(in_order) == []
    other_years = "Kế hoạch số 11/KH-SYT ngày 24/01/2021; Kế hoạch số 05/KH-SYT ngày 14/02/2022."
    assert "series-backwards" not in {f.code for f in lint(other_years)}
