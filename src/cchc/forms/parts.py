"""The parts of a filled form: labelled fields, a table, signature blocks.

The renderers (:mod:`.markdown`, :mod:`.word`) read a form as a :class:`FormView`
(the fields of :class:`~cchc.forms.Form`), so they do not import the model.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from cchc._model import CchcRecord
from cchc.legal import LegalSource

from .kinds import FormKind

__all__ = ["FormField", "FormTable", "FormView", "Signature"]


class FormField(CchcRecord):
    """One labelled line of a form (Vietnamese label), possibly with a list under it."""

    label: str = Field(description="Nhãn (Vietnamese label as printed).")
    value: str = Field(default="", description="Giá trị (the filled value).")
    items: tuple[str, ...] = Field(
        default=(), description="Danh sách dưới nhãn (e.g. the papers of the dossier)."
    )


class FormTable(CchcRecord):
    """A table of a form (the hand-over rows of the control sheet, the book's rows)."""

    columns: tuple[str, ...] = Field(description="Tên cột (column headings).")
    rows: tuple[tuple[str, ...], ...] = Field(description="Dòng (rows, one cell per column).")


class Signature(CchcRecord):
    """A signature block: role (e.g. NGƯỜI TIẾP NHẬN HỒ SƠ) and the name printed under it."""

    role: str = Field(description="Chức danh ký (role).")
    name: str = Field(description="Họ tên (name printed under the signature).")


class FormView(CchcRecord):
    """The fields of a filled form, what the renderers (:mod:`.markdown`, :mod:`.word`)
    read; :class:`~cchc.forms.Form` adds the look-up and the renderings."""

    kind: FormKind = Field(description="Loại biểu mẫu (form kind).")
    regime: str = Field(description="Registry key of the circular: 'TT01-2018' or 'TT03-2025'.")
    code: str = Field(description="Số hiệu mẫu as printed, e.g. 'Mẫu số 01'.")
    title: str = Field(description="Tên biểu mẫu (title).")
    source: LegalSource = Field(description="The circular that prescribes the form.")
    agency: str = Field(min_length=1, description="Tên cơ quan (agency in the header).")
    issued_at: datetime = Field(description="Moment of the event that produced the form.")
    dated: str = Field(description="Địa danh, ngày tháng năm line under the motto.")
    paper: str = Field(description="Khổ giấy: 'A5' or 'A4'.")
    dossier_code: str | None = Field(default=None, description="Mã hồ sơ.")
    fields: tuple[FormField, ...] = Field(description="Body lines, in print order.")
    table: FormTable | None = Field(default=None, description="Table (control sheet, book).")
    signatures: tuple[Signature, ...] = Field(default=(), description="Signature blocks.")
