"""The outline of the periodic CCHC report (đề cương báo cáo CCHC định kỳ), as data.

``data/report_outline.yaml`` holds the headings in order and, for each section of
:class:`~cchc.reporting.report.CchcReport`, the figures the outline asks for with
their Vietnamese labels. It cites its source in the registry
(``CV315-SNV-BRVT-2022``: the Sở Nội vụ guidance that seed 002 follows, read through
that seed). :mod:`cchc.reporting.render` walks it; a new outline is a new data file,
not new code. The file is read on first use and checked: every figure names a field
of its section.

    >>> outline = report_outline()
    >>> outline.headings[0].text
    'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'
    >>> [f.label for f in outline.figures["inspection"]][:2]
    ['Kế hoạch kiểm tra', 'Số cuộc kiểm tra theo kế hoạch']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Literal

from pydantic import Field, model_validator

from cchc._data import load_yaml
from cchc._model import CchcModel, CchcRecord
from cchc.errors import DataFileError
from cchc.legal import SourceRef
from cchc.reporting.report import CchcReport, DossierFigures, ProcedureSection

__all__ = ["FigureLine", "Heading", "ReportOutline", "report_outline"]

_FILE = "report_outline.yaml"
_MODELS: dict[str, type[CchcModel]] = {
    **{
        name: field.annotation
        for name, field in CchcReport.model_fields.items()
        if isinstance(field.annotation, type) and issubclass(field.annotation, CchcModel)
    },
    "dossiers": DossierFigures,
    "feedback": ProcedureSection,
}
"""The model whose fields each figures list reads (a report section; the dossier table
and the feedback lines of the procedures section)."""


class Heading(CchcRecord):
    """A heading of the outline."""

    level: Literal[1, 2] = Field(description="1: a part (I., II.); 2: a numbered section.")
    text: str = Field(min_length=1, description="Tiêu đề as printed.")


class FigureLine(CchcRecord):
    """One figure the outline asks for: a bullet ``label: value``."""

    label: str = Field(min_length=1, description="Nhãn (Vietnamese label as printed).")
    field: str = Field(min_length=1, description="The field of the report section it shows.")
    unit: Literal["", "%", "ref"] = Field(
        default="", description="'' a count, '%' a rate, 'ref' a document (số, ngày, trích yếu)."
    )
    optional: bool = Field(default=False, description="Printed only when the figure is given.")


class ReportOutline(CchcRecord):
    """The headings and, per report section, the figure lines of the outline."""

    source: SourceRef = Field(description="Căn cứ: the guidance the outline follows.")
    headings: tuple[Heading, ...] = Field(description="Every heading, in order.")
    figures: Mapping[str, tuple[FigureLine, ...]] = Field(
        description="Per section (plan, inspection, ..., dossiers, feedback): its figures."
    )

    @model_validator(mode="after")
    def _fields_exist(self) -> ReportOutline:
        for section, lines in self.figures.items():
            model = _MODELS.get(section)
            if model is None:
                raise ValueError(f"unknown report section {section!r}")
            for line in lines:
                if line.field not in model.model_fields:
                    raise ValueError(f"{section}: {model.__name__} has no field {line.field!r}")
        return self


@functools.cache
def report_outline() -> ReportOutline:
    """The bundled outline (``data/report_outline.yaml``), read once on first use.

    Raises:
        DataFileError: the file is malformed (naming the item and the field).
    """
    raw = load_yaml("cchc.reporting", "data", _FILE)
    return ReportOutline.from_data(raw, source=_FILE, error=DataFileError)
