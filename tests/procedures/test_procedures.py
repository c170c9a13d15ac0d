"""Procedure model and the bundled sample catalogue (health_procedures_sample.csv)."""

from __future__ import annotations

import pytest

from cchc.errors import ParseError, ValidationError
from cchc.procedures import (
    AuthorityLevel,
    Channel,
    ChannelTerms,
    Fee,
    OnlineServiceLevel,
    Procedure,
    TimeLimit,
    TimeUnit,
    load_sample_catalogue,
    procedure_json_schema,
    validate_code,
)


def test_catalogue_rows_and_sources() -> None:
    cat = load_sample_catalogue()
    assert len(cat) == 23
    # QĐ 3005/QĐ-UBND (Hà Tĩnh) and QĐ 02200/QĐ-UBND (Đắk Lắk) publish 1.013871 with the same
    # "20 ngày" (plain days) limit: two records, each with its own source.
    both = cat.find("1.013871")
    assert [(p.time_limit.amount, p.time_limit.unit) for p in both] == [(20, TimeUnit.DAYS)] * 2
    assert "Hà Tĩnh" in (both[0].source or "")
    assert "Đắk Lắk" in (both[1].source or "")
    # "Ngay sau khi nhận đủ hồ sơ hợp lệ" -> immediate, 0 working days for the engine.
    tbyt = cat.find("1.003006")[0]
    assert tbyt.time_limit.unit is TimeUnit.IMMEDIATE
    assert tbyt.time_limit.engine_terms() == (0, "working_days")
    assert tbyt.level is AuthorityLevel.PROVINCIAL
    assert tbyt.online_level is None  # toàn trình / một phần UNCONFIRMED in the source
    # Channels named by the decisions: online only for TBYT (imda.moh.gov.vn); three for
    # Giám định in Hà Tĩnh; none where the cell is UNCONFIRMED. No per-channel limit is given.
    assert [c.channel for c in tbyt.channels] == [Channel.ONLINE]
    assert [c.channel for c in both[0].channels] == [
        Channel.IN_PERSON,
        Channel.ONLINE,
        Channel.POST,
    ]
    assert both[1].channels == ()
    assert both[0].time_limit_for("post") == both[0].time_limit
    assert "Thiết bị y tế" in cat.fields()
    # Fees: "Không" = free, UNCONFIRMED = unknown, a varying fee keeps only its text.
    assert cat.find("1.013876")[0].fee == Fee(text="Không", amount_vnd=0)
    assert cat.find("1.002425")[0].fee is None
    assert cat.find("1.003029")[0].fee is not None
    assert cat.find("1.003029")[0].fee.amount_vnd is None  # type: ignore[union-attr]
    assert cat.find("3.000449")[0].fee == Fee(text="Không quy định", amount_vnd=0)


def test_per_channel_terms_override_the_default() -> None:
    p = Procedure(
        code="1.000948.h38",
        name="Thủ tục ví dụ",
        time_limit=TimeLimit(amount=10, unit=TimeUnit.WORKING_DAYS),
        fee=Fee(text="50.000 đồng", amount_vnd=50_000),
        online_level=OnlineServiceLevel.FULL,
        channels=(
            ChannelTerms(
                channel=Channel.ONLINE,
                time_limit=TimeLimit(amount=7, unit=TimeUnit.WORKING_DAYS),
                fee=Fee(text="25.000 đồng", amount_vnd=25_000),
            ),
        ),
    )
    assert p.code == "1.000948.H38"
    assert p.time_limit_for("online").amount == 7
    assert p.time_limit_for(Channel.IN_PERSON).amount == 10
    assert p.fee_for("online").amount_vnd == 25_000  # type: ignore[union-attr]
    assert Fee.from_text("Phí: 500.000 đồng/01 hồ sơ") == Fee(
        text="Phí: 500.000 đồng/01 hồ sơ", amount_vnd=500_000
    )
    assert Procedure.model_validate_json(p.model_dump_json()) == p


def test_validation_errors() -> None:
    with pytest.raises(ParseError):
        validate_code("1-000948")
    # Procedure is a CchcModel (issue 10 item 2): bad data is a cchc ValidationError.
    with pytest.raises(ValidationError, match="field code"):
        Procedure(code="x", name="n", time_limit=TimeLimit(amount=1, unit=TimeUnit.DAYS))
    with pytest.raises(ValidationError, match="amount"):
        TimeLimit(unit=TimeUnit.DAYS)
    with pytest.raises(ValidationError, match="field amount"):
        TimeLimit(amount=-1, unit=TimeUnit.DAYS)
    schema = procedure_json_schema()
    assert "channels" in schema["properties"]
    assert TimeUnit.WORKING_DAYS.vietnamese == "ngày làm việc"
