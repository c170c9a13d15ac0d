"""Render the sample receipt slip to docs/forms/receipt_slip.png.

Fills the receipt slip (Mẫu số 01) from the bundled sample dossier, writes it
as .docx, converts it with LibreOffice (``soffice --headless --convert-to
pdf``) and rasterises the first page with poppler (``pdftoppm -png``).
Run from the repository root:  python docs/forms/make_slip_png.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from cchc import forms
from cchc._data import read_text
from cchc.dossiers import Dossier

HERE = Path(__file__).resolve().parent


def main() -> Path:
    """Write the PNG and return its path."""
    dossier = Dossier.model_validate_json(read_text("cchc.forms", "data", "sample_dossier.json"))
    slip = forms.fill(
        "receipt",
        dossier,
        procedure="1.013876",
        agency="Sở Y tế tỉnh Hà Tĩnh",
        applicant="Nguyễn Văn An",
        officer="Trần Thị Bình",
        papers=["Đơn đề nghị miễn nhiệm", "Văn bản của cơ quan quản lý giám định viên"],
        place="Hà Tĩnh",
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        slip.to_docx(work / "slip.docx")
        subprocess.run(
            [
                "soffice",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(work / "slip.docx"),
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-singlefile",
                str(work / "slip.pdf"),
                str(work / "slip"),
            ],
            check=True,
        )
        out = HERE / "receipt_slip.png"
        shutil.copyfile(work / "slip.png", out)
    return out


if __name__ == "__main__":
    print(main())
