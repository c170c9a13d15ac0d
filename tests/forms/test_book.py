"""The tracking book (Sổ theo dõi hồ sơ) of many dossiers."""

from __future__ import annotations

import pytest

from cchc import forms
from cchc.errors import ValidationError
from cchc.forms.vndates import moment_text

from .conftest import AGENCY, at, dossier, ended, lifecycle


def test_book_rows_and_regime() -> None:
    done = lifecycle(at(2025, 10, 6))
    refused = ended(at(2025, 10, 7), "refused").model_copy(
        update={"code": "000.00.12.H42-251007-0001"}
    )
    open_ = dossier(at(2025, 10, 8), code="000.00.12.H42-251008-0001")
    names = {d.code: f"Người nộp {i}" for i, d in enumerate((done, refused, open_)) if d.code}
    book = forms.tracking_book([done, refused, open_], agency=AGENCY, applicants=names)
    assert (book.regime, book.code, book.paper) == ("TT03-2025", "Mẫu số 07", "A4")
    assert book.table is not None and [r[0] for r in book.table.rows] == ["01", "02", "03"]
    first = book.table.rows[0]
    assert first[2] == "Miễn nhiệm giám định viên pháp y và pháp y tâm thần"
    assert first[6] == done.deadline().due_at.strftime("%d/%m/%Y %H:%M")
    assert [r[-1] for r in book.table.rows] == [
        "Trước hạn",
        "Từ chối giải quyết",
        "Đang giải quyết",
    ]
    assert book.value("Số hồ sơ") == "3"
    old = forms.tracking_book(
        [lifecycle(at(2024, 3, 4))], agency=AGENCY, applicants={done.code or "": "A"}
    )
    assert (old.regime, old.code) == ("TT01-2018", "Mẫu số 06")
    assert old.issued_at.date().isoformat() == "2024-03-04"
    assert moment_text(old.issued_at).endswith("năm 2024")


def test_book_errors_name_the_row() -> None:
    with pytest.raises(forms.MissingInputError) as info:
        forms.tracking_book([lifecycle(at(2025, 10, 6))], agency=AGENCY, applicants={})
    assert info.value.row == 1 and info.value.field is not None
    assert info.value.field.startswith("applicants[")
    with pytest.raises(forms.MissingInputError, match="no code"):
        forms.tracking_book([dossier(at(2025, 10, 6), code=None)], agency=AGENCY, applicants={})
    with pytest.raises(ValidationError, match="at least one dossier"):
        forms.tracking_book([], agency=AGENCY, applicants={})
