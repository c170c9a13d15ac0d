"""One-stop forms (biểu mẫu một cửa) from a dossier: the slip, the apology, the book.

The dossier is the bundled sample (src/cchc/forms/data/sample_dossier.json):
procedure 1.013876 of the Hà Tĩnh catalogue, received on Monday 06/10/2025,
so the forms are those of Thông tư 03/2025/TT-VPCP. The dates on the forms
come from the deadline engine.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from cchc import forms
from cchc._data import read_text
from cchc.dossiers import Dossier

dossier = Dossier.model_validate_json(read_text("cchc.forms", "data", "sample_dossier.json"))
common = {
    "procedure": "1.013876",
    "agency": "Sở Y tế tỉnh Hà Tĩnh",
    "applicant": "Nguyễn Văn An",
    "place": "Hà Tĩnh",
}

slip = forms.fill(
    "receipt",
    dossier,
    officer="Trần Thị Bình",
    papers=["Đơn đề nghị miễn nhiệm", "Văn bản của cơ quan quản lý giám định viên"],
    **common,
)
print(slip.to_markdown())

apology = forms.fill("apology", dossier, signer="Lê Văn Cường", **common)
print(apology.code, apology.title)
print("  hẹn cũ:", apology.value("Thời gian hẹn trả kết quả giải quyết"))
print("  hẹn mới:", apology.value("Thời gian hẹn trả kết quả lần sau"))

assert dossier.code is not None
book = forms.tracking_book(
    [dossier], agency=common["agency"], applicants={dossier.code: "Nguyễn Văn An"}
)
assert book.table is not None
print(book.code, book.title, "-", len(book.table.rows), "dòng")

# Written into the folder given as the first argument, else under the system's temporary
# folder: never into the folder the script runs in (a repository checkout). force=True
# replaces the file of an earlier run.
temp = Path(tempfile.gettempdir()) / "cchc-examples"
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else temp
out = slip.to_docx(folder / "giay_tiep_nhan.docx", force=True)
print("Wrote", out)
