"""Every form fills from a dossier record without keyword inputs; keywords still override.

The sample dossier (``cchc example dossier-json``) records its applicant, papers, fees,
officer and signer; the refusal and the stop notice are made from the same dossier cut
after its supplement and ended by a refusal / a withdrawal.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from cchc.dossiers import Dossier, Event
from cchc.forms import FormKind, fill
from cchc.procedures import Procedure, load_portal_sample
from cchc.samples import sample_text
from cchc.tz import VN_TZ

AGENCY = "Ngân hàng Nhà nước Chi nhánh Khu vực 5"


def vn(*a: int) -> datetime:
    return datetime(*a, tzinfo=VN_TZ)


@pytest.fixture(scope="module")
def record() -> tuple[Dossier, Procedure]:
    d = Dossier.model_validate_json(sample_text("dossier-json"))
    return d, load_portal_sample().find(d.procedure_code or "")[0]


def _ended(d: Dossier, kind: str) -> Dossier:
    data = {k: getattr(d, k) for k in type(d).model_fields}
    end = Event(kind=kind, at=vn(2026, 3, 10, 9), note="Theo đề nghị của người nộp hồ sơ")
    return Dossier(**{**data, "events": (*d.events[:4], end)})


def _values(form: object) -> dict[str, object]:
    return {f.label: (f.items if f.items else f.value) for f in form.fields}  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", [k for k in FormKind if k is not FormKind.TRACKING_BOOK])
def test_every_form_fills_from_the_record(
    record: tuple[Dossier, Procedure], kind: FormKind
) -> None:
    d, proc = record
    if kind is FormKind.REFUSAL:
        d = _ended(d, "refused")
    elif kind is FormKind.STOP_NOTICE:
        d = _ended(d, "withdrawn")
    form = fill(kind, d, procedure=proc, agency=AGENCY)
    values = _values(form)
    text = repr(values)
    assert form.dossier_code == d.code
    if kind is not FormKind.CONTROL_SHEET:
        assert "Ban trù bị Quỹ tín dụng nhân dân xã An Bình" in text
    signers = [s.name for s in form.signatures]
    assert all(signers)
    if kind in (FormKind.APOLOGY, FormKind.STOP_NOTICE):
        assert signers == ["Lê Văn Cường"]
    if kind is FormKind.RECEIPT:
        assert values["Số điện thoại"] == "0912345678"
        assert values["1. Thành phần hồ sơ nộp gồm"] == tuple(p.name for p in d.papers)
        assert signers[-1] == "Trần Thị Bình"
    if kind is FormKind.SUPPLEMENT_REQUEST:
        # the papers are complete: the request's note is what to supply
        assert values["Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau"] == (
            "Thiếu biên bản họp Ban trù bị",
        )


def test_keywords_override_the_record(record: tuple[Dossier, Procedure]) -> None:
    d, proc = record
    form = fill(
        "receipt", d, procedure=proc, agency=AGENCY, applicant="Người khác", papers=["Tờ khai"]
    )
    values = _values(form)
    assert values["Tiếp nhận hồ sơ của"] == "Người khác"
    assert values["1. Thành phần hồ sơ nộp gồm"] == ("Tờ khai",)


def test_a_short_paper_is_what_to_supply(record: tuple[Dossier, Procedure]) -> None:
    d, proc = record
    short = d.model_copy(
        update={"papers": (d.papers[0].model_copy(update={"electronic": False, "originals": 0}),)}
    )
    form = fill("supplement_request", short, procedure=proc, agency=AGENCY)
    (item,) = _values(form)["Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau"]  # type: ignore[misc]
    assert "nộp 0 bản chính, yêu cầu 1" in str(item)
