# ruff: noqa: E501  (the legal-basis titles are published strings, kept whole)
"""Transcribe dichvucong.gov.vn pages captured by a public crawl into national TTHC records.

Rebuilds ``src/cchc/procedures/data/portal_records.jsonl`` and its sources CSV from the crawl
of GitHub ``chatbot-tthc/chatbot_tthc`` (``scripts/crawler/data/raw/<ministry>/<code>.json``:
the page text of each procedure's detail page). The page flattens its tables, so the
transcription keeps what the page shows, in the record's field names:

* ``KENH`` from the channel's name through the code table (1 trực tiếp, 2 trực tuyến,
  3 bưu chính); ``CAPTHUCHIEN`` as ``TENCAP`` only (the page shows no code);
* numbers as the page's text ("5", "1,200,000", "Miễn phí");
* papers split at "<n> bản chính[,<m> bản sao]" followed by the next paper, form names
  (``FORMS``) and legal bases (``BASES``: title and number, split by hand) checked to
  rebuild the page text exactly (after NFC normalisation).

Run: python tools/portal_records_from_crawl.py CRAWL_GIT_DIR OUT.jsonl OUT_SOURCES.csv
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from typing import Any

H_LEGAL = "Tên văn bản pháp lýMã văn bản"
H_PARTS = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
H_CHANNELS = "Hình thức nộpThời gianPhí, lệ phíMô tả"
BASES = {
    "1.000236": [
        ("Luật 51/2019/QH14", "51/2019/QH14"),
        (
            "Quy định mẫu giấy tờ liên quan đến việc nhập cảnh, xuất cảnh, cư trú của người nước ngoài tại Việt Nam",
            "04/2015/TT-BCA",
        ),
        (
            "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam sửa đổi 2023",
            "23/2023/QH15",
        ),
        ("Thông tư số 22/2023/TT-BCA", "22/2023/TT-BCA"),
        (
            "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
            "Luật 47/2014/QH13",
        ),
    ],
    "1.000771": [
        (
            "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam sửa đổi 2023",
            "23/2023/QH15",
        ),
        ("Luật 51/2019/QH14", "51/2019/QH14"),
        (
            "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
            "47/2014/QH13",
        ),
        (
            "Quy định mẫu giấy tờ liên quan đến việc nhập cảnh, xuất cảnh, cư trú của người nước ngoài tại Việt Nam",
            "04/2015/TT-BCA",
        ),
        (
            "QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM",
            "25/2021/TT-BTC",
        ),
        ("Thông tư số 22/2023/TT-BCA", "22/2023/TT-BCA"),
        ("Nghị định 82/2015/NĐ-CP", "82/2015/NĐ-CP"),
    ],
    "1.000811": [
        (
            "QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM",
            "25/2021/TT-BTC",
        ),
        ("Luật 49/2019/QH14", "49/2019/QH14"),
        ("Quyết định số 09/2023/QĐ-TTg", "09/2023/QĐ-TTg"),
    ],
    "1.000047": [
        (
            "Thông tư 26/2025/TT-BNNMT ngày 24 tháng 6 năm 2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường",
            "26/2025/TT-BNNMT",
        )
    ],
    "1.000060": [
        ("Nghị định Quy định phân quyền, phân cấp trong lĩnh vực nông nghiệp", "136/2025/NĐ-CP"),
        (
            "QUY ĐỊNH VIỆC HÀNH NGHỀ KHOAN NƯỚC DƯỚI ĐẤT, KÊ KHAI, ĐĂNG KÝ, CẤP PHÉP, DỊCH VỤ TÀI NGUYÊN NƯỚC VÀ TIỀN CẤP QUYỀN KHAI THÁC TÀI NGUYÊN NƯỚC",
            "54/2024/NĐ-CP",
        ),
        ("14/2025/TT-BNNMT", "14/2025/TT-BNNMT"),
        (
            "Nghị định 23/2026/NĐ-CP ngày 17/01/2026 của Chính phủ sửa đổi, bổ sung một số điều của các Nghị định trong lĩnh vực tài nguyên nước.",
            "NĐ 23/2026/NĐ-CP",
        ),
        ("Luật", "28/2023/QH15"),
    ],
    "1.000390": [
        ("Thông tư 01/2010/TT-BTP", "01/2010/TT-BTP"),
        (
            "Thông tư sửa đổi một số thủ tục hành chính quy định tại các thông tư trong lĩnh vực bổ trợ tư pháp",
            "30/2025/TT-BTP",
        ),
    ],
    "1.000404": [
        ("Thông tư 01/2010/TT-BTP", "01/2010/TT-BTP"),
        (
            "Thông tư sửa đổi một số thủ tục hành chính quy định tại các thông tư trong lĩnh vực bổ trợ tư pháp",
            "30/2025/TT-BTP",
        ),
        ("Nghị định 77/2008/NĐ-CP", "77/2008/NĐ-CP"),
    ],
    "1.000426": [
        (
            "Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp và phân cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp",
            "08/2025/TT-BTP",
        ),
        (
            "Quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 77/2008/NĐ-CP ngày 16/7/2008 của Chính phủ về tư vấn pháp luật.",
            "Thông tư số 01/2010/TT-BTP",
        ),
        (
            "sửa đổi, bổ sung một số quy định về thủ tục hành chính của Thông tư số 05/2008/TT-BTP ngày 23/9/2008; Thông tư số 03/2008/TT-BTP ngày 25/8/2008 và Thông tư số 01/2010/TT-BTP ngày 09/02/2010 của Bộ trưởng Bộ Tư pháp",
            "Thông tư số 19/2011/TT-BTP",
        ),
        (
            "Thông tư số 03/2024/TT-BTP ngày 15/5/2024 của Bộ trưởng Bộ Tư pháp sửa đổi, bổ sung 08 thông tư liên quan đến thủ tục hành chính trong lĩnh vực bổ trợ tư pháp.",
            "03/2024/TT-BTP",
        ),
        ("tư vấn pháp luật", "Nghị định số 77/2008/NĐ-CP"),
        (
            "sửa đổi, bổ sung một số điều của các Nghị định về đăng ký giao dịch bảo đảm, trợ giúp pháp lý, luật sư, tư vấn pháp luật",
            "Nghị định số 05/2012/NĐ-CP",
        ),
    ],
    "1.000010": [
        ("Bộ luật Hàng hải Việt Nam", "95/2015/QH13"),
        ("Quy định về đăng kiểm tàu biển Việt Nam", "40/2016/TT-BGTVT"),
        (
            "Thông tư 17/2023/TT-BGTVT ngày 30/6/2023 của Bộ trưởng Bộ GTVT sửa đổi , bổ sung một số điều của Thông tư 40/2016/TT-BGTVT quy định về đăng kiểm tàu biển Việt Nam và Thông tư 51/2017/TT-BGTVT quy định về đăng kiểm viên và nhân viên nghiệp vụ đăng kiểm tàu biển",
            "17/2023/TT-BGTVT",
        ),
    ],
    "1.000017": [
        (
            "Quy định mức thu, chế độ thu, nộp, quản lý lệ phí cấp giấy chứng nhận bảo đảm chất lượng, an toàn kỹ thuật đối với máy, thiết bị, phương tiện giao thông vận tải có yêu cầu nghiêm ngặt về an toàn",
            "199/2016/TT-BTC",
        ),
        (
            "Quy định về giá dịch vụ thẩm định thiết kế, kiểm định chất lượng, an toàn kỹ thuật và bảo vệ môi trường đối với phương tiện, thiết bị giao thông đường sắt",
            "236/2016/TT-BTC",
        ),
        (
            "Thông tư 33/2025/TT-BXD ngày 14 tháng 11 năm 2025 quy định về quản lý, khai thác vận tải đường sắt; số 34/2025/TT-BXD ngày 14 tháng 11 năm 2025 quy định về quản lý, khai thác kết cấu hạ tầng đường sắ",
            "Thông tư 33/2025/TT-BXD",
        ),
        ("Luật số 95/2025/QH15 của Quốc hội: Luật Đường sắt", "95/2025/QH15"),
    ],
    "2.000055": [
        (
            "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu",
            "66.7/2025/NQ-CP",
        ),
        (
            "Nghị định quy định điều kiện cấp Giấy phép đối với quỹ tín dụng nhân dân, tổ chức tài chính vi mô và điều kiện đối với chủ sở hữu của tổ chức tín dụng là công ty trách nhiệm hữu hạn một thành viên, cổ đông sáng lập, thành viên sáng lập.",
            "Nghị định 162/2024/NĐ-CP",
        ),
        ("Luật Các tổ chức tín dụng", "Luật số 32/2024/QH15"),
        (
            "Quy định mức thu, chế độ thu, nộp lệ phí cấp giấy phép thành lập và hoạt động của tổ chức tín dụng; giấy phép thành lập chi nhánh ngân hàng nước ngoài, văn phòng đại diện của tổ chức tín dụng nước ngoài, tổ chức nước ngoài khác có hoạt động ngân hàng; giấy phép hoạt động cung ứng dịch vụ trung gian thanh toán cho các tổ chức không phải là ngân hàng",
            "150/2016/TT-BTC",
        ),
        (
            "Thông tư quy định về cấp Giấy phép lần đầu, cấp đổi Giấy phép của quỹ tín dụng nhân dân.",
            "Thông tư 01/2025/TT-NHNN",
        ),
        (
            "Thông tư sửa đổi, bổ sung một số điều của một số Thông tư  về quỹ tín dụng nhân dân",
            "Thông tư số 63/2025/TT-NHNN",
        ),
        (
            "Thông tư sửa đổi, bổ sung một số điều của một số Thông tư về tổ chức tín dụng là hợp tác xã liên quan đến\ncắt giảm, phân cấp, đơn giản hóa thủ tục hành chính\n",
            "15/2026/TT-NHNN",
        ),
    ],
}
FORMS = {
    "1.000236": ["Mau NA19-BCA.docx"],
    "1.000771": ["NA5.doc"],
    "1.000811": ["Tờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf"],
    "1.000047": ["Mẫu số 12.docx", "Mẫu số 09.docx"],
    "1.000060": ["Mau04.docx", "Mau41.docx"],
    "1.000426": ["Mẫu TP-TVPL-05-sđ.doc"],
}
FILES = [
    "bo-cong-an/1.000236",
    "bo-cong-an/1.000771",
    "bo-cong-an/1.000811",
    "bo-nong-nghiep-mt/1.000047",
    "bo-nong-nghiep-mt/1.000060",
    "bo-tu-phap/1.000390",
    "bo-tu-phap/1.000404",
    "bo-tu-phap/1.000426",
    "bo-xay-dung/1.000010",
    "bo-xay-dung/1.000017",
    "ngan-hang-nha-nuoc/2.000055",
]
KENH = {"Trực tiếp": "1", "Trực tuyến": "2", "Dịch vụ bưu chính": "3"}
CHANNEL = r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)"
ROW = re.compile(
    CHANNEL + r"(\d+) (Ngày làm việc|Ngày|Giờ|Tháng)(.*?)(?=" + CHANNEL + r"\d|$)", re.S
)
COUNT = re.compile(r"(\d+) bản chính(?:,(\d+) bản sao)?")
RESULT = re.compile(r"(.+?)Mã: (KQ\.[A-Z0-9]+\.\d+)")


def split_subjects(text: str) -> list[str]:
    """Subjects split at ", " outside brackets; "Cán bộ, công chức, viên chức" is one."""
    text = text.replace("Cán bộ, công chức, viên chức", "Cán bộ\x00 công chức\x00 viên chức")
    out, depth, cur = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        cur += ch
        if depth == 0 and cur.endswith(", "):
            out.append(cur[:-2])
            cur = ""
    out.append(cur)
    return [x.strip().replace("\x00", ",") for x in out if x.strip()]


def fee_of(rest: str) -> tuple[dict[str, str], str]:
    """The fee at the start of a channel row's rest, and the description after it."""
    if rest.startswith("Miễn phí"):
        m = re.match(r"Miễn phí(?:\(([^()]*)\))?", rest)
        assert m is not None
        fee = {"SOTIEN": "Miễn phí"}
        if m.group(1):
            fee["MOTA"] = m.group(1)
        return fee, rest[m.end() :]
    m = re.match(r"([\d,.]+) (Việt Nam Đồng|VNĐ|Đồng|USD)", rest)
    assert m is not None, rest
    fee = {"SOTIEN": m.group(1), "DONVI": m.group(2)}
    pos = m.end()
    if rest[pos : pos + 1] == "(":
        depth, i = 0, pos
        while True:
            depth += (rest[i] == "(") - (rest[i] == ")")
            if depth == 0:
                break
            i += 1
        fee["MOTA"] = rest[pos + 1 : i]
        pos = i + 1
    return fee, rest[pos:]


def parts_of(code: str, body: str) -> list[dict[str, str]]:
    """The papers of the page's dossier table."""
    parts, start = [], 0
    for m in COUNT.finditer(body):
        if m.end() < len(body) and not (body[m.end()].isupper() or body[m.end()] in "+-*"):
            continue  # "01 bản chính văn bản ..." inside a paper's name
        name = body[start : m.start()].strip()
        part = {"TENGIAYTO": name}
        for form in FORMS.get(code, ()):
            if name.endswith(form):
                part["TENGIAYTO"] = name[: -len(form)].strip()
                part["TENMAUDON"] = form
        part["SOBANCHINH"] = m.group(1)
        if m.group(2):
            part["SOBANSAO"] = m.group(2)
        parts.append(part)
        start = m.end()
    assert not body[start:].strip(), (code, body[start:])
    return parts


def record_of(page: dict[str, str]) -> dict[str, Any]:
    """The national TTHC record of one crawled page."""
    code = page["ma_thu_tuc"]
    rec: dict[str, Any] = {
        "MATTHC": code,
        "TENTTHC": page["ten_thu_tuc"],
        "QUYETDINH": page["so_quyet_dinh"],
        "LOAITTHC": page["loai_thu_tuc"],
        "CAPTHUCHIEN": [{"TENCAP": page["cap_thuc_hien"]}],
        "LINHVUCTHUCHIEN": [{"TENLINHVUC": page["linh_vuc"]}],
    }
    groups = []
    for m in ROW.finditer(page["cach_thuc_thuc_hien"].removeprefix(H_CHANNELS)):
        fee, desc = fee_of(m.group(4))
        row: dict[str, Any] = {"THOIGIANGIAIQUYET": m.group(2), "DONVITINH": m.group(3)}
        if desc.strip():
            row["MOTA"] = desc.strip()
        row["PHILEPHI"] = [fee]
        groups.append({"KENH": KENH[m.group(1)], "THOIGIAN": [row]})
    assert groups, code
    rec["CACHTHUCTHUCHIEN"] = groups
    case, _, body = page["thanh_phan_ho_so"].partition(H_PARTS)
    rec["THANHPHANHOSO"] = [
        {"TRUONGHOP": "" if case == "--" else case.rstrip(":"), "GIAYTO": parts_of(code, body)}
    ]
    steps = [s.strip() for s in re.split(r"\n+", page["trinh_tu_thuc_hien"]) if s.strip()]
    rec["TRINHTUTHUCHIEN"] = [{"TRUONGHOP": "", "TRINHTU": [{"TENTRINHTU": s} for s in steps]}]
    rec["DOITUONGTHUCHIEN"] = [
        {"TENDOITUONG": x} for x in split_subjects(page["doi_tuong_thuc_hien"])
    ]
    rec["COQUANTHUCHIEN"] = [{"TENDONVI": page["co_quan_thuc_hien"]}]
    for key, field in (
        ("co_quan_co_tham_quyen", "COQUANCOTHAMQUYEN"),
        ("co_quan_duoc_uy_quyen", "COQUANDUOCUYQUYEN"),
        ("co_quan_phoi_hop", "COQUANPHOIHOP"),
    ):
        if page.get(key):
            rec[field] = [{"TENDONVI": page[key]}]
    if page.get("dia_chi_tiep_nhan"):
        rec["DIACHITIEPNHAN"] = page["dia_chi_tiep_nhan"]
    results = page["ket_qua_xu_ly"].split("Từ khóa")[0]
    found = list(RESULT.finditer(results))
    assert "".join(m.group(0) for m in found) == results, code
    rec["KETQUATHUCHIEN"] = [{"MAKETQUA": m.group(2), "TENKETQUA": m.group(1)} for m in found]
    pairs = BASES[code]
    assert H_LEGAL + "".join(t + n for t, n in pairs) == page["can_cu_phap_ly"], code
    rec["CANCUPHAPLY"] = [{"SOVANBAN": n, "TENVANBAN": t} for t, n in pairs]
    if page.get("yeu_cau_dieu_kien"):
        rec["YEUCAU"] = page["yeu_cau_dieu_kien"]
    return rec


def main(argv: list[str]) -> int:
    crawl, out_records, out_sources = argv
    commit = subprocess.run(
        ["git", "-C", crawl, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    records, sources = [], []
    for name in FILES:
        path = f"scripts/crawler/data/raw/{name}.json"
        raw = subprocess.run(
            ["git", "-C", crawl, "show", f"{commit}:{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        page = json.loads(unicodedata.normalize("NFC", raw))
        records.append(record_of(page))
        crawl_ref = f"chatbot-tthc/chatbot_tthc@{commit[:12]}:{path}"
        sources.append((page["ma_thu_tuc"], page["detail_url"], crawl_ref))
    with open(out_records, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(out_sources, "w", encoding="utf-8") as f:
        f.write("code,page,crawl\n")
        for row in sources:
            f.write(",".join(row) + "\n")
    print(f"{len(records)} records from commit {commit[:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
