"""A whole directive document and its components (thể thức văn bản).

NĐ 30/2020/NĐ-CP Điều 8 and Phụ lục I list the components: issuing body with
its parent (ô 2), number and symbol (ô 3), place and date (ô 4), type and
subject, or "V/v" for a công văn (ô 5a/5b), "Kính gửi", body (ô 6), the
signer with a signing prefix TM./KT./TL./Q./TUQ. (ô 7), "Nơi nhận" (ô 9), and
the optional marks of secrecy and urgency (ô 10a/10b, Điều 8.3).
The number and date are assigned after signing (Điều 15.2), so a **draft**
shows ``Số: /SYT-VP`` and "ngày tháng năm 2024": it is read as a draft with
unknown number and partial date, not rejected.

    >>> doc = DirectiveDocument.from_text(
    ...     "SỞ Y TẾ\\nSố: /SYT-VP\\nNinh Thuận, ngày tháng năm 2024\\n"
    ...     "V/v tăng cường CCHC\\nKính gửi:\\n- Các đơn vị trực thuộc.\\nNội dung.\\n"
    ...     "Nơi nhận:\\n- Như trên;\\n- Lưu: VT, VP.\\nKT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC\\nNguyễn Văn A")
    >>> doc.is_draft, doc.number, doc.symbol, doc.date_year, doc.place
    (True, None, 'SYT-VP', 2024, 'Ninh Thuận')
    >>> doc.doc_type.value, doc.subject, doc.recipients
    ('Công văn', 'tăng cường CCHC', ['Các đơn vị trực thuộc.'])
    >>> doc.signing_prefix.value, doc.signer_title, doc.signer_name
    ('KT.', 'GIÁM ĐỐC PHÓ GIÁM ĐỐC', 'Nguyễn Văn A')
"""

from __future__ import annotations

import enum
import re
from datetime import date

from pydantic import ConfigDict, Field

from cchc._checks import require_text
from cchc._model import CchcModel
from cchc.documents._text import normalize
from cchc.documents.citations import CitationRole, parse_citations
from cchc.documents.dates import DateStatus, scan_date
from cchc.documents.types import DocumentType, type_for_name

__all__ = ["DirectiveDocument", "SigningPrefix"]

_QUOC_HIEU = re.compile(r"CỘNG[ \t\r\n]{1,5}HÒA|CỘNG[ \t\r\n]{1,5}HOÀ")
_PLACE = re.compile(
    r"(?m)^[ \t|]{0,5}((?:[^\n,|:]{1,60}\n)?[^\n,|:]{2,60}),[ \t]{0,5}(?=(?i:ngày))"
)
_HEADING = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}|[a-zđ])[.)]")
_URGENCY = re.compile(r"(?m)^[ \t|]{0,5}(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)[ \t|]{0,5}$")
_SECRECY = re.compile(r"(?m)^[ \t|]{0,5}(TUYỆT MẬT|TỐI MẬT|MẬT)[ \t|]{0,5}$")
_HEADER_AREA = 3000
"""The number line (ô 3) is looked for in the first characters only."""
_SEPARATOR = re.compile(r"^[\s|_\-–—=*]*$")


class SigningPrefix(enum.StrEnum):
    """Signing authority prefix (NĐ 30/2020 Phụ lục I II.7.b)."""

    TM = "TM."
    """Thay mặt: on behalf of a collective."""
    Q = "Q."
    """Quyền: acting head."""
    KT = "KT."
    """Ký thay: signing for the head."""
    TL = "TL."
    """Thừa lệnh: by order."""
    TUQ = "TUQ."
    """Thừa ủy quyền: by authorisation."""


def _is_upper(line: str) -> bool:
    """Whether a (short) line is written in capitals, as headers and titles are."""
    # str.isupper: at least one cased letter and no lower-case one (Vietnamese letters,
    # also decomposed ones, are all cased), one C loop instead of two Python ones.
    return len(line) <= 300 and line.isupper()


class DirectiveDocument(CchcModel):
    """The header fields, body and signature block of one document."""

    model_config = ConfigDict(frozen=True)

    parent_issuer: str | None = Field(default=None, description="Cơ quan chủ quản (ô 2, upper).")
    issuer: str | None = Field(default=None, description="Cơ quan ban hành (ô 2).")
    number: str | None = Field(default=None, description="Số; None when blank or absent.")
    symbol: str | None = Field(default=None, description="Ký hiệu ('KH-SYT'); None if absent.")
    has_number_line: bool = Field(default=False, description="Whether a 'Số:' line exists.")
    place: str | None = Field(default=None, description="Địa danh (ô 4).")
    date_text: str | None = Field(default=None, description="Date as written (ô 4).")
    issued_on: date | None = Field(default=None, description="Ngày ban hành when complete.")
    date_year: int | None = Field(default=None, description="Year, also of a partial date.")
    date_status: DateStatus | None = Field(default=None, description="complete/partial/invalid.")
    doc_type: DocumentType | None = Field(default=None, description="Tên loại (ô 5a) or công văn.")
    subject: str | None = Field(default=None, description="Trích yếu, or the V/v line.")
    recipients: list[str] = Field(default_factory=list, description="Kính gửi.")
    body: str = Field(default="", description="Nội dung (ô 6).")
    distribution: list[str] = Field(default_factory=list, description="Nơi nhận (ô 9).")
    signing_prefix: SigningPrefix | None = Field(default=None, description="TM./KT./TL./Q./TUQ.")
    signer_title: str | None = Field(default=None, description="Chức vụ người ký.")
    signer_name: str | None = Field(default=None, description="Họ tên người ký.")
    urgency: str | None = Field(default=None, description="Mức độ khẩn: HỎA TỐC/THƯỢNG KHẨN/KHẨN.")
    secrecy: str | None = Field(default=None, description="Độ mật: TUYỆT MẬT/TỐI MẬT/MẬT.")

    @property
    def is_draft(self) -> bool:
        """A draft: the number line has a blank number, or the date is partial."""
        blank = self.has_number_line and self.number is None
        return blank or self.date_status is DateStatus.PARTIAL

    @classmethod
    def from_text(cls, text: str) -> DirectiveDocument:
        """Read the components of a document; missing parts are left empty.

        Raises:
            ValidationError: ``text`` is not a ``str`` (``field="text"``).
        """
        s = normalize(require_text(text, field="text")).text
        lines = s.split("\n")
        fields: dict[str, object] = {}
        for pattern, name in ((_URGENCY, "urgency"), (_SECRECY, "secrecy")):
            mark = pattern.search(s, 0, _HEADER_AREA)
            if mark is not None:
                fields[name] = mark.group(1).replace("HOẢ", "HỎA")
        head = parse_citations(s[:_HEADER_AREA])
        header = next((c for c in head if c.role is CitationRole.HEADER), None)
        if header is not None:
            fields.update(number=header.number, symbol=header.symbol, has_number_line=True)
            if header.doc_type is not None:
                fields["doc_type"] = header.doc_type
        qh = _QUOC_HIEU.search(s)
        head_end = qh.start() if qh else (s.find("Số:") if header is not None else -1)
        if head_end > 0:
            org = [ln.strip() for ln in s[:head_end].split("\n")]
            org = [ln for ln in org if ln and not _SEPARATOR.match(ln) and _is_upper(ln)]
            if org:
                fields["issuer"] = org[-1]
                fields["parent_issuer"] = " ".join(org[:-1]) or None
        pm = _PLACE.search(s, 0, min(len(s), 3000))
        body_from = 0
        if pm is not None:
            dt = scan_date(s, pm.end(), require_ngay=True)
            if dt is not None:
                fields.update(
                    place=" ".join(pm.group(1).split()).strip(" |"),
                    date_text=" ".join(dt.text.split()),
                    issued_on=dt.value,
                    date_year=dt.year,
                    date_status=dt.status,
                )
                body_from = s.count("\n", 0, dt.end) + 1
        i = body_from
        while i < len(lines) and (not lines[i].strip() or _SEPARATOR.match(lines[i])):
            i += 1
        if i < len(lines) and lines[i].strip().casefold().startswith("v/v"):
            fields["doc_type"] = DocumentType.CONG_VAN
            fields["subject"] = lines[i].strip()[3:].strip(" .:")
            i += 1
        elif i < len(lines) and _is_upper(lines[i]) and type_for_name(lines[i].strip()):
            fields["doc_type"] = type_for_name(lines[i].strip())
            title: list[str] = []
            i += 1
            while (
                i < len(lines)
                and lines[i].strip()
                and _is_upper(lines[i])
                and not _HEADING.match(lines[i].strip())
            ):
                title.append(lines[i].strip())
                i += 1
            fields["subject"] = " ".join(title).rstrip(".") or None
        recipients: list[str] = []
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i < len(lines) and lines[i].strip().startswith("Kính gửi"):
            inline = lines[i].strip()[len("Kính gửi") :].strip(" :")
            if inline:
                recipients.append(inline)
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].strip()[0] in "-+•"):
                if lines[i].strip():
                    recipients.append(lines[i].strip().lstrip("-+• ").strip())
                i += 1
        fields["recipients"] = recipients
        end = next(
            (k for k in range(i, len(lines)) if lines[k].strip().startswith("Nơi nhận")), len(lines)
        )
        fields["body"] = "\n".join(lines[i:end]).strip()
        distribution: list[str] = []
        k = end + 1
        while k < len(lines):
            line = lines[k].strip()
            if line and line[0] in "-+•":
                distribution.append(line.lstrip("-+• ").strip())
            elif line and distribution and (line[0].islower() or line[0] == "("):
                distribution[-1] = f"{distribution[-1]} {line}"
            elif line:
                break
            k += 1
        fields["distribution"] = distribution
        if end < len(lines):
            fields.update(_signature([ln.strip() for ln in lines[k:]]))
        return cls(**fields)


def _signature(lines: list[str]) -> dict[str, object]:
    lines = [ln for ln in lines if ln and not _SEPARATOR.match(ln) and not ln.startswith("(")]
    upper = [_is_upper(ln) for ln in lines]
    titles = [ln for ln, up in zip(lines, upper, strict=True) if up]
    names = [ln for ln, up in zip(lines, upper, strict=True) if not up]
    out: dict[str, object] = {}
    if titles:
        first = titles[0]
        for prefix in SigningPrefix:
            if first.startswith(prefix.value + " ") or first.startswith(prefix.value):
                out["signing_prefix"] = prefix
                titles[0] = first[len(prefix.value) :].strip()
                break
        out["signer_title"] = " ".join(t for t in titles if t) or None
    if names:
        out["signer_name"] = names[-1]
    return out
