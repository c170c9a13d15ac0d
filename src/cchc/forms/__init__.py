"""One-stop forms (biểu mẫu một cửa) filled from a dossier.

The forms of Thông tư 01/2018/TT-VPCP (Mẫu số 01-06) and of Thông tư
03/2025/TT-VPCP (Phụ lục I, Mẫu số 01-07), the regime chosen by the date of the
event that produces the form (:mod:`~cchc.forms.regimes`):

* :func:`fill` makes a receipt slip, supplement request, refusal, apology,
  stop notice or control sheet from one :class:`~cchc.dossiers.Dossier`;
* :func:`tracking_book` makes the Sổ theo dõi hồ sơ of many dossiers;
* a :class:`Form` renders as Markdown (:meth:`Form.to_markdown`), Word
  (:meth:`Form.to_docx`, extra ``docx``) and JSON (``model_dump_json()``,
  schema :func:`form_json_schema`).

    >>> from datetime import datetime
    >>> from cchc.dossiers import Dossier, Event
    >>> from cchc.tz import VN_TZ
    >>> d = Dossier(code="000.00.00.H00-260105-0001", procedure_code="1.013876",
    ...     channel="in_person", amount=10,
    ...     events=[Event(kind="received", at=datetime(2026, 1, 5, 9, 0, tzinfo=VN_TZ))])
    >>> slip = fill("receipt", d, procedure="1.013876", agency="Sở Y tế tỉnh Hà Tĩnh",
    ...     applicant="Nguyễn Văn A", officer="Trần Thị B", papers=["Đơn đề nghị"])
    >>> slip.code, slip.source.number
    ('Mẫu số 01', '03/2025/TT-VPCP')
    >>> slip.value("5. Thời gian trả kết quả")  # 10 working days; Sat 10/01/2026 is worked
    '17 giờ 00 phút, ngày 16 tháng 01 năm 2026'
"""

from .book import tracking_book
from .fill import fill
from .kinds import FormKind, FormNotInRegimeError, MissingInputError
from .model import Form, form_json_schema
from .parts import FormField, FormTable, Signature
from .regimes import REGIME_KEYS, Regime, Template, regime, regime_in_force, regime_versions

__all__ = [
    "REGIME_KEYS",
    "Form",
    "FormField",
    "FormKind",
    "FormNotInRegimeError",
    "FormTable",
    "MissingInputError",
    "Regime",
    "Signature",
    "Template",
    "fill",
    "form_json_schema",
    "regime",
    "regime_in_force",
    "regime_versions",
    "tracking_book",
]
