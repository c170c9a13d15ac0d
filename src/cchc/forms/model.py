"""The filled form (biểu mẫu đã điền): a pydantic model with its renderings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc._optional import require_extra
from cchc.errors import ValidationError

from .markdown import render_markdown
from .parts import FormView

__all__ = ["Form", "form_json_schema"]


class Form(FormView):
    """A one-stop form filled from a dossier (or, for the book, from many).

    ``fields`` are the body lines in print order, each a Vietnamese label and
    its value; ``table`` holds the rows of the control sheet and of the book.
    The JSON form is ``model_dump_json()``; its schema :func:`form_json_schema`.
    """

    def value(self, label: str) -> str:
        """The value of the field whose label starts with ``label``.

        Raises:
            ValidationError: no field has such a label.
        """
        for f in self.fields:
            if f.label.startswith(label):
                return f.value
        raise ValidationError(f"the form {self.code} has no field {label!r}", field="label")

    def to_markdown(self) -> str:
        """The form as Markdown (header, number, title, fields, table, signatures)."""
        return render_markdown(self)

    def to_docx(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the form as a Word file in the official layout; return the path.

        Missing folders are created; the file is written whole or not at all, and an
        existing file is replaced only with ``force=True``.

        Raises:
            MissingExtraError: python-docx is not installed (extra ``docx``).
            OutputError: ``path`` is a folder, exists without ``force``, or cannot be
                written.
        """
        word: Any = require_extra("cchc.forms.word", "docx")
        out: Path = word.write_docx(self, Path(path), force=force)
        return out

    def to_docx_bytes(self) -> bytes:
        """The form as the bytes of a Word file (for a download; nothing touches the disk).

        Raises:
            MissingExtraError: python-docx is not installed (extra ``docx``).
        """
        word: Any = require_extra("cchc.forms.word", "docx")
        data: bytes = word.docx_bytes(self)
        return data


def form_json_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Form` (for exchanging filled forms)."""
    return Form.model_json_schema()
