"""The parts of a filled form: labelled fields, a table, signature blocks.

The renderers (:mod:`.markdown`, :mod:`.docx`) read a form through the
:class:`FormView` protocol, so they do not import the model.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import Field

from cchc._model import CchcRecord
from cchc.legal import LegalSource

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


class FormView(Protocol):
    """What a renderer reads from a form."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> LegalSource: ...
    @property
    def agency(self) -> str: ...
    @property
    def dated(self) -> str: ...
    @property
    def paper(self) -> str: ...
    @property
    def fields(self) -> tuple[FormField, ...]: ...
    @property
    def table(self) -> FormTable | None: ...
    @property
    def signatures(self) -> tuple[Signature, ...]: ...
