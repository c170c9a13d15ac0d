"""Every form of both regimes fills from a dossier; dates come from the engine."""

from __future__ import annotations

from datetime import datetime

import pytest

from cchc import forms
from cchc.dossiers import Event, EventKind
from cchc.errors import CchcError, RuleNotInForceError, ValidationError
from cchc.forms.vndates import moment_text
from cchc.legal import source

from .conftest import AGENCY, INPUTS, PROCEDURE, at, dossier, ended, lifecycle

# Numbers and titles: TT 01/2018 Art 9 (Pháp điển text); TT 03/2025 Phụ lục I
# (secondary copies only, see the TT03-2025 registry note).
EXPECTED = {
    "TT01-2018": {
        "receipt": ("Mẫu số 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        "supplement_request": ("Mẫu số 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        "refusal": ("Mẫu số 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        "apology": ("Mẫu số 04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
        "control_sheet": ("Mẫu số 05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    },
    "TT03-2025": {
        "receipt": ("Mẫu số 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        "supplement_request": ("Mẫu số 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        "refusal": ("Mẫu số 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        "apology": ("Mẫu số 04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
        "stop_notice": ("Mẫu số 05", "Thông báo dừng giải quyết hồ sơ"),
        "control_sheet": ("Mẫu số 06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    },
}


def _dossier_for(kind: str, received: datetime):  # type: ignore[no-untyped-def]
    if kind == "refusal":
        return ended(received, "refused")
    if kind == "stop_notice":
        return ended(received, "withdrawn")
    return lifecycle(received)


def test_every_form_of_both_regimes(era: tuple[str, datetime]) -> None:
    key, received = era
    for kind, (code, title) in EXPECTED[key].items():
        form = forms.fill(
            kind, _dossier_for(kind, received), procedure=PROCEDURE, agency=AGENCY, **INPUTS
        )
        assert (form.regime, form.code, form.title) == (key, code, title)
        assert form.source == source(key)
        md = form.to_markdown()
        assert title.upper() in md and "Độc lập - Tự do - Hạnh phúc" in md and code in md
        assert all(f.value or f.items for f in form.fields), kind  # nothing left blank


def test_receipt_due_moment_comes_from_the_engine(era: tuple[str, datetime]) -> None:
    _, received = era
    d = lifecycle(received)
    slip = forms.fill("receipt", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    assert slip.value("5. Thời gian trả kết quả") == moment_text(d.deadline().first_due_at)
    assert slip.value("4. Thời gian nhận hồ sơ") == moment_text(received)
    assert slip.value("3. Thời gian giải quyết") == "10 ngày làm việc"
    assert [s.role for s in slip.signatures] == ["NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"]


def test_receipt_due_moment_official_calendar_fact() -> None:
    # Mon 05/01/2026 + 10 working days: Sat 10/01/2026 is a working day (Công văn
    # 12729/VPCP-KGVX, registry CV12729-2025), so the tenth is Fri 16/01/2026.
    slip = forms.fill(
        "receipt", dossier(at(2026, 1, 5)), procedure=PROCEDURE, agency=AGENCY, **INPUTS
    )
    assert slip.value("5. Thời gian trả kết quả") == "17 giờ 00 phút, ngày 16 tháng 01 năm 2026"


def test_apology_old_and_new_due_dates(era: tuple[str, datetime]) -> None:
    _, received = era
    d = lifecycle(received)
    form = forms.fill("apology", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    resched = d.events_of(EventKind.RESCHEDULED)[0]
    assert resched.new_due_at is not None
    assert form.value("Thời gian hẹn trả kết quả lần sau") == moment_text(resched.new_due_at)
    # the due date in force before the apology: restarted after the supplement
    assert form.value("Thời gian hẹn trả kết quả giải quyết") == moment_text(
        d.deadline().legal_due_at
    )
    assert form.signatures[0].name == INPUTS["signer"]


def test_supplement_deadline_only_where_the_decree_sets_one() -> None:
    # ND 118/2025 Art 19(5): 15 days after the notice (calendar days, engine assumption).
    new = forms.fill(
        "supplement_request",
        lifecycle(at(2025, 10, 6)),
        procedure=PROCEDURE,
        agency=AGENCY,
        **INPUTS,
    )
    assert new.value("Thời hạn bổ sung hồ sơ") == "09 giờ 00 phút, ngày 23 tháng 10 năm 2025"
    assert "Điều 19 khoản 5" in next(f.label for f in new.fields if f.label.startswith("Thời hạn"))
    old = forms.fill(
        "supplement_request",
        lifecycle(at(2024, 3, 4)),
        procedure=PROCEDURE,
        agency=AGENCY,
        **INPUTS,
    )
    assert not any(f.label.startswith("Thời hạn bổ sung") for f in old.fields)
    asked = next(f for f in old.fields if f.label.startswith("Yêu cầu hoàn thiện"))
    assert asked.items == tuple(INPUTS["missing"])


def test_stop_notice_is_a_typed_error_under_tt01() -> None:
    with pytest.raises(forms.FormNotInRegimeError, match="01/2018/TT-VPCP") as info:
        forms.fill(
            "stop_notice",
            ended(at(2024, 3, 4), "withdrawn"),
            procedure=PROCEDURE,
            agency=AGENCY,
            **INPUTS,
        )
    assert isinstance(info.value, RuleNotInForceError)
    stop = forms.fill(
        "stop_notice",
        ended(at(2025, 10, 6), "withdrawn"),
        procedure=PROCEDURE,
        agency=AGENCY,
        **INPUTS,
    )
    assert stop.value("Thông báo").startswith("Căn cứ Nghị định 118/2025/NĐ-CP Điều 21")
    assert stop.value("Thời gian dừng") == "09 giờ 00 phút, ngày 07 tháng 10 năm 2025"


def test_regime_switch_at_tt03_start() -> None:
    # CONV-FORMS-TT03: TT 03/2025 forms from its signing date 15/9/2025.
    switch = source("CONV-FORMS-TT03").effective_from
    assert switch is not None and switch.isoformat() == "2025-09-15"
    before = forms.fill(
        "control_sheet", dossier(at(2025, 9, 14, 10)), procedure=PROCEDURE, agency=AGENCY, **INPUTS
    )
    after = forms.fill(
        "control_sheet", dossier(at(2025, 9, 15, 8)), procedure=PROCEDURE, agency=AGENCY, **INPUTS
    )
    assert (before.regime, before.code) == ("TT01-2018", "Mẫu số 05")
    assert (after.regime, after.code) == ("TT03-2025", "Mẫu số 06")
    with pytest.raises(RuleNotInForceError, match="2019-01-06"):
        forms.regime_in_force(at(2019, 1, 5).date())


def test_regime_follows_the_event_not_the_receipt() -> None:
    # received under TT 01, apology made after the switch -> TT 03 apology
    d = dossier(
        at(2025, 9, 8),
        Event(kind="rescheduled", at=at(2025, 9, 16), new_due_at=at(2025, 9, 30, 17)),
    )
    slip = forms.fill("receipt", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    apology = forms.fill("apology", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    assert (slip.regime, apology.regime) == ("TT01-2018", "TT03-2025")
    forced = forms.fill(
        "apology", d, procedure=PROCEDURE, agency=AGENCY, regime="TT01-2018", **INPUTS
    )
    assert forced.title == "Phiếu xin lỗi và hẹn lại ngày trả kết quả"


def test_control_sheet_rows_follow_the_events(era: tuple[str, datetime]) -> None:
    _, received = era
    d = lifecycle(received)
    sheet = forms.fill("control_sheet", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    assert sheet.table is not None and len(sheet.table.rows) == len(d.events)
    decided = next(r for r in sheet.table.rows if r[1] == "Có kết quả giải quyết hồ sơ")
    assert decided[3] == "Trước hạn"  # decided two days before the rescheduled due date
    assert sheet.value("Ngày, tháng, năm hẹn trả") == moment_text(d.deadline().due_at)


@pytest.mark.parametrize(
    ("kind", "missing", "make"),
    [
        ("receipt", "officer", lambda: lifecycle(at(2025, 10, 6))),
        ("receipt", "papers", lambda: lifecycle(at(2025, 10, 6))),
        ("supplement_request", "missing", lambda: lifecycle(at(2025, 10, 6))),
        ("apology", "signer", lambda: lifecycle(at(2024, 3, 4))),
        ("apology", "reason", lambda: lifecycle(at(2024, 3, 4))),
        (
            "refusal",
            "reason",
            lambda: dossier(at(2024, 3, 4), Event(kind="refused", at=at(2024, 3, 5))),
        ),
    ],
)
def test_missing_input_is_named(kind: str, missing: str, make) -> None:  # type: ignore[no-untyped-def]
    inputs = {k: v for k, v in INPUTS.items() if k != missing}
    with pytest.raises(forms.MissingInputError) as info:
        forms.fill(kind, make(), procedure=PROCEDURE, agency=AGENCY, **inputs)
    assert info.value.field == missing and f"{missing}=" in str(info.value)


def test_bad_calls_are_cchc_errors() -> None:
    d = lifecycle(at(2025, 10, 6))
    with pytest.raises(ValidationError, match="unknown form input 'colour'"):
        forms.fill("receipt", d, procedure=PROCEDURE, agency=AGENCY, colour="red", **INPUTS)
    with pytest.raises(ValidationError, match="must be a list of texts"):
        forms.fill("receipt", d, procedure=PROCEDURE, agency=AGENCY, **{**INPUTS, "papers": "x"})
    with pytest.raises(ValidationError, match="the dossier has none"):
        forms.fill("refusal", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    with pytest.raises(ValidationError, match=r"not '1\.003006'"):
        forms.fill("receipt", d, procedure="1.003006", agency=AGENCY, **INPUTS)
    with pytest.raises(ValidationError, match="not in the catalogue"):
        forms.fill("receipt", d, procedure="9.999999", agency=AGENCY, **INPUTS)
    with pytest.raises(ValidationError, match="tracking_book"):
        forms.fill("tracking_book", d, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    with pytest.raises(CchcError, match="unknown form regime"):
        forms.fill("receipt", d, procedure=PROCEDURE, agency=AGENCY, regime="TT9", **INPUTS)
    with pytest.raises(forms.MissingInputError, match="agency"):
        forms.fill("receipt", d, procedure=PROCEDURE, agency=" ", **INPUTS)
    nocode = dossier(at(2025, 10, 6), code=None)
    with pytest.raises(forms.MissingInputError, match="code="):
        forms.fill("receipt", nocode, procedure=PROCEDURE, agency=AGENCY, **INPUTS)
    given = forms.fill("receipt", nocode, procedure=PROCEDURE, agency=AGENCY, code="X-1", **INPUTS)
    assert given.value("Mã hồ sơ") == "X-1"
    with pytest.raises(ValidationError, match="no field 'Nope'"):
        given.value("Nope")


def test_json_round_trip_and_schema() -> None:
    form = forms.fill(
        "control_sheet", lifecycle(at(2025, 10, 6)), procedure=PROCEDURE, agency=AGENCY, **INPUTS
    )
    assert forms.Form.model_validate_json(form.model_dump_json()) == form
    schema = forms.form_json_schema()
    assert {"code", "title", "source", "fields", "table"} <= set(schema["properties"])
    assert schema["properties"]["code"]["description"].startswith("Số hiệu mẫu")
    assert "FormField" in schema["$defs"] and "LegalSource" in schema["$defs"]
    with pytest.raises(ValidationError):
        forms.Form.model_validate_json('{"kind": "receipt"}')
