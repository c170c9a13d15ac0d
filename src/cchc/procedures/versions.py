"""The version of a procedure a dossier was received under (phiên bản TTHC).

A procedure changes when an authority announces a new version in a Quyết định
công bố thủ tục hành chính (Nghị định 63/2010/NĐ-CP Art 13, Art 15): the code
(mã TTHC) stays, the time limit, fee or papers may change. A
:class:`ProcedureVersion` names one published version by the procedure code
and the registry key of the announcement decision; a
:class:`~cchc.dossiers.Dossier` keeps it, so that a later announcement never
changes the terms of a dossier received before it::

    >>> v = ProcedureVersion(code="1.013871", published_by="QD3005-2025-HTI")
    >>> v.announcement().number
    '3005/QĐ-UBND'
    >>> str(v)
    '1.013871 (QD3005-2025-HTI)'
"""

from __future__ import annotations

from pydantic import Field, field_validator

from cchc._model import CchcRecord
from cchc.legal import LegalSource, source

from .codes import ProcedureCode

__all__ = ["ProcedureVersion"]


class ProcedureVersion(CchcRecord):
    """A published version of a procedure: its code and its announcement decision."""

    code: ProcedureCode = Field(description="Mã TTHC (procedure code), e.g. '1.013871'.")
    published_by: str = Field(
        description="Khóa của Quyết định công bố TTHC (key of the announcement decision, "
        "as in the source registry), e.g. 'QD3005-2025-HTI'."
    )

    @field_validator("published_by")
    @classmethod
    def _key(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the announcement key is empty")
        return value.strip()

    def announcement(self) -> LegalSource:
        """The announcement decision (Quyết định công bố) from the bundled source registry.

        A catalogue of one's own may cite decisions the bundled registry does
        not hold; the key is kept as given and only this look-up needs it.

        Raises:
            ValidationError: the bundled registry has no source with this key.
        """
        return source(self.published_by)

    def __str__(self) -> str:
        return f"{self.code} ({self.published_by})"
