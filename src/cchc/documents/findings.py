"""The linter's stable codes (mã kết quả kiểm tra); :class:`Finding` is :mod:`cchc.findings`'.

Each code is stable (programs may filter on it) and has a severity, and each
finding carries its message in English and in Vietnamese and the ``span``
(start, end offsets in the text as given).

    >>> f = make_finding("number-year-mismatch", (3, 9), "year {a} vs {b}", "năm {a} và {b}",
    ...                  a=2022, b=2021)
    >>> f.severity.value, f.message, f.message_vi
    ('error', 'year 2022 vs 2021', 'năm 2022 và 2021')

The linter's own messages stand once in :data:`MESSAGES`, and :func:`finding` builds a
finding from one of them:

    >>> finding("number-padding", (0, 8), n="5").message_vi
    'số 5 phải ghi là 05'
"""

from __future__ import annotations

from datetime import date

from cchc.documents.citations import Citation
from cchc.findings import Finding, Severity
from cchc.l10n import vn_date

__all__ = [
    "CODES",
    "MESSAGES",
    "Finding",
    "Severity",
    "cited",
    "finding",
    "fmt_date",
    "make_finding",
]


CODES: dict[str, tuple[Severity, str]] = {
    "cited-after-citing": (Severity.ERROR, "cited document dated after the citing document"),
    "number-year-mismatch": (Severity.ERROR, "year in the number differs from the date's year"),
    "duplicate-number": (Severity.ERROR, "one number and symbol used for two documents"),
    "series-backwards": (Severity.ERROR, "number series goes backwards in time"),
    "series-year-outlier": (Severity.ERROR, "date's year does not fit the number series"),
    "impossible-date": (Severity.ERROR, "no such calendar date"),
    "type-symbol-mismatch": (Severity.ERROR, "type named in the text contradicts the symbol"),
    "symbol-incomplete": (Severity.ERROR, "symbol lacks its issuer part"),
    "number-zero": (Severity.ERROR, "number 0: numbering starts at 01"),
    "totals-mismatch": (Severity.ERROR, "stated parts do not add up to the stated total"),
    "rate-contradiction": (Severity.ERROR, "on-time and late rates contradict each other"),
    "outside-reporting-period": (Severity.WARNING, "own document dated outside the period"),
    "plan-year-implausible": (Severity.WARNING, "plan for a year that has (almost) ended"),
    "symbol-order": (Severity.WARNING, "công văn symbol with issuer and unit reversed"),
    "partial-date": (Severity.WARNING, "date lacks its day, month or year"),
    "blank-number": (Severity.WARNING, "document number left blank (draft)"),
    "blank-figure": (Severity.WARNING, "figure left blank"),
    "symbol-format": (Severity.INFO, "symbol written with spaces, '/', or wrong case"),
    "number-padding": (Severity.INFO, "number below 10 without leading zero"),
    "undated-first-mention": (Severity.INFO, "first mention of a document gives no date"),
    "missing-own-number": (Severity.INFO, "document has no number or date of its own"),
    "draft-date-window": (Severity.INFO, "the dates a draft can still be signed on"),
    "non-working-day": (Severity.INFO, "document dated on a day off"),
}
"""Every code with its severity and a one-line meaning."""


def make_finding(code: str, span: tuple[int, int], en: str, vi: str, **values: object) -> Finding:
    """A finding with the severity of ``code`` and both messages formatted with ``values``."""
    return Finding.formatted(code, CODES[code][0], (en, vi), values, span=span)


MESSAGES: dict[str, tuple[str, str]] = {
    # citations (cchc.documents.lint)
    "impossible-date": (
        "{d} of {n} is not a calendar date",
        "{d} của {n} không phải ngày có thật",
    ),
    "partial-date": (
        "the date of {n} is incomplete: '{d}'",
        "ngày của {n} không đầy đủ: '{d}'",
    ),
    "blank-number": (
        "the number is blank ('{n}'): a draft",
        "số văn bản để trống ('{n}'): văn bản dự thảo",
    ),
    "number-year-mismatch": (
        "{n}: the number says {y} but the date is {d}",
        "{n}: năm trong số hiệu là {y} nhưng ngày ban hành là {d}",
    ),
    "cited-after-citing": (
        "{n} is dated {d}, after this document's date {o}",
        "{n} ghi ngày {d}, sau ngày ban hành văn bản này ({o})",
    ),
    "cited-after-citing:year": (
        "{n} is from {y}, after this document's year {o}",
        "{n} thuộc năm {y}, sau năm ban hành văn bản này ({o})",
    ),
    "cited-after-citing:nested": (
        "{n} is dated {d}, after {a} of {ad} which cites it",
        "{n} ghi ngày {d}, sau văn bản {a} ngày {ad} đã dẫn chiếu nó",
    ),
    "type-symbol-mismatch": (
        "the text calls {n} a '{w}' but its symbol says {t}",
        "văn bản gọi {n} là '{w}' nhưng ký hiệu cho biết đó là {t}",
    ),
    "symbol-incomplete": (
        "the symbol of {n} lacks the issuer part (as in NĐ-CP)",
        "ký hiệu {n} thiếu phần tên cơ quan ban hành (như NĐ-CP)",
    ),
    "symbol-order": (
        "{n}: a công văn symbol is ISSUER-UNIT, here the unit comes first",
        "{n}: ký hiệu công văn là CƠ QUAN-ĐƠN VỊ SOẠN THẢO, ở đây đơn vị đứng trước",
    ),
    "number-zero": (
        "{n}: numbers start at 01 each year (NĐ 30/2020/NĐ-CP Điều 15 khoản 1), 0 is not one",
        "{n}: số văn bản bắt đầu từ số 01 mỗi năm (NĐ 30/2020/NĐ-CP Điều 15 khoản 1), "
        "không có số 0",
    ),
    "symbol-format": (
        "{n} is written with a stray space, '/' for '-', an unknown type or wrong case",
        "{n} viết sai quy cách (thừa dấu cách, '/' thay '-', sai chữ hoa/thường)",
    ),
    "number-padding": (
        "number {n} should be written 0{n}",
        "số {n} phải ghi là 0{n}",
    ),
    "undated-first-mention": (
        "first mention of {n} gives no date (NĐ 30/2020 Phụ lục I II.6)",
        "lần dẫn đầu tiên của {n} không ghi ngày ban hành",
    ),
    "missing-own-number": (
        "the document has no number and no date of its own",
        "văn bản không có số, ký hiệu và ngày ban hành",
    ),
    # number series and duplicates (cchc.documents.series)
    "series-year-outlier": (
        "{n} is dated {d}, but the numbers around it ({lo} of {lod}, {hi} of "
        "{hid}) are from {y}: the year is probably wrong",
        "{n} ghi ngày {d}, nhưng các số liền kề ({lo} ngày {lod}, {hi} ngày "
        "{hid}) đều năm {y}: năm ban hành có thể sai",
    ),
    "series-backwards": (
        "{n} dated {d} is out of number order in its series; neighbours: {ctx}",
        "{n} ngày {d} không đúng thứ tự số trong cùng sổ văn bản; số liền kề: {ctx}",
    ),
    "series-backwards:pair": (
        "{n} dated {d} and {m} dated {e} run backwards in their series (a higher number "
        "with an earlier date): one of the two numbers or dates is wrong",
        "{n} ngày {d} và {m} ngày {e} ngược thứ tự trong cùng sổ văn bản (số lớn hơn "
        "nhưng ngày sớm hơn): một trong hai số hoặc ngày bị sai",
    ),
    "duplicate-number:dates": (
        "{n} is cited with two dates ({a} and {b})",
        "{n} được dẫn với hai ngày ({a} và {b})",
    ),
    "duplicate-number:subjects": (
        "{n} names two different documents: '{a}' and '{b}'",
        "{n} được dùng cho hai văn bản khác nhau: '{a}' và '{b}'",
    ),
    # context of the document (cchc.documents.context)
    "outside-reporting-period": (
        "{n} of {d} is listed as an action of the reporting body, but the quarter {q}/{y} "
        "report covers {a} to {b} ({src})",
        "{n} ngày {d} được liệt kê là văn bản ban hành trong kỳ, nhưng kỳ báo cáo "
        "quý {q}/{y} tính từ {a} đến {b} ({src})",
    ),
    "plan-year-implausible": (
        "{n} of {d} is a plan for {y}, a year that had (almost) ended when issued",
        "{n} ngày {d} là kế hoạch cho năm {y}, khi năm đó đã (gần) kết thúc",
    ),
    "non-working-day": (
        "{n} is dated {d}, a {w} and a day off",
        "{n} ghi ngày {d}, là ngày nghỉ ({w})",
    ),
    "draft-date-window": (
        "this draft can only be dated from {a} (latest document cited) to {b} (before "
        "the earliest deadline it sets)",
        "dự thảo này chỉ có thể ghi ngày từ {a} (văn bản được dẫn mới nhất) đến {b} "
        "(trước thời hạn sớm nhất mà nó đặt ra)",
    ),
    # figures and dates in running text (cchc.documents.figures)
    "totals-mismatch": (
        "parts add up to {got} {noun}, more than the stated total of {total}",
        "các thành phần cộng lại là {got} {noun}, vượt tổng số {total} đã nêu",
    ),
    "totals-mismatch:list": (
        "the list in parentheses adds up to {got}, not to the stated {total}",
        "danh sách trong ngoặc cộng lại là {got}, không bằng số {total} đã nêu",
    ),
    "totals-mismatch:lines": (
        "the listed {noun} add up to {got}, more than the total of {total}",
        "số {noun} liệt kê cộng lại là {got}, vượt tổng số {total}",
    ),
    "rate-contradiction": (
        "late rate above {late}% contradicts on-time rate above {ok}% "
        "(they cannot both hold); 'trễ hẹn' is probably meant as 'đúng hẹn'",
        "tỷ lệ trễ hẹn trên {late}% mâu thuẫn với tỷ lệ đúng hẹn trên {ok}%",
    ),
    "impossible-date:text": ("{d} is not a calendar date", "{d} không phải ngày có thật"),
    "partial-date:text": ("'{d}' gives no year", "'{d}' không ghi năm"),
    "blank-figure": ("a figure is left blank ('.....')", "số liệu bị bỏ trống ('.....')"),
}
"""Every message of the linter, in English and in Vietnamese, with ``{name}`` placeholders.

A key is a code of :data:`CODES`, or a code, a colon and a variant where one code is
reported in several ways (``"cited-after-citing:year"``: the year, not the date, is
after the citing document's)."""


def finding(key: str, span: tuple[int, int], **values: object) -> Finding:
    """A finding with the messages of ``key`` (:data:`MESSAGES`) formatted with ``values``."""
    en, vi = MESSAGES[key]
    return make_finding(key.partition(":")[0], span, en, vi, **values)


def fmt_date(d: date | None) -> str:
    """A date as dd/mm/yyyy ("?" when unknown)."""
    return vn_date(d) if d is not None else "?"


def cited(
    key: str, c: Citation, *, span: tuple[int, int] | None = None, **values: object
) -> Finding:
    """A finding on citation ``c`` (at ``span``, by default the citation's): the messages
    name its number as ``{n}`` and its date as ``{d}``, besides ``values``."""
    span = c.span if span is None else span
    return finding(key, span, n=c.number_text, d=fmt_date(c.issued_on), **values)
