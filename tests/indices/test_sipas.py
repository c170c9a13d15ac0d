"""SIPAS versions and the (assumed, pluggable) aggregation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import pytest

from cchc.errors import RuleNotInForceError, ValidationError
from cchc.indices import sipas

ANSWERS = {
    "access": [5, 4, 3, 4],
    "procedures": [4, 4, 4, 2],
    "officials": [5, 5, 5, 5],
    "results": [4, 3, 4, 4],
    "feedback": [5, 4, 4, 1],
}


def test_versions() -> None:
    v2017 = sipas.version_in_force(2019)
    assert v2017.source.number == "2640/QĐ-BNV"
    assert v2017.source.signed_on == date(2017, 10, 10)
    assert next(e.name_vi for e in v2017.elements) == "Tiếp cận dịch vụ"
    assert len(v2017.elements) == 5
    assert v2017.contents == (
        "nhận định",
        "sự hài lòng",
        "sự mong đợi",
    )
    v2023 = sipas.version_in_force(2023)
    assert v2023.source.number == "1001/QĐ-BNV"
    assert len(v2023.elements) == 3
    # QĐ 1001/QĐ-BNV aspect (1) has 8 tiêu chí (tintuc.thuvienphapluat.com email/56987):
    # "mức độ quan tâm theo dõi" and "kênh thông tin" are two criteria, not one.
    assert len(v2023.elements[0].criteria) == 8
    assert v2023.elements[0].criteria[1].startswith("Kênh thông tin")
    assert len(v2023.elements[1].criteria) == 1
    with pytest.raises(RuleNotInForceError):
        sipas.version_in_force(2021)
    assert sipas.version_in_force(2021, assume_previous=True) is v2017


def test_default_aggregation() -> None:
    result = sipas.sipas_index(ANSWERS, 2018)
    assert result.elements == {
        "access": Decimal("75.00"),
        "procedures": Decimal("75.00"),
        "officials": Decimal("100.00"),
        "results": Decimal("75.00"),
        "feedback": Decimal("75.00"),
    }
    assert result.index == Decimal("80.00")
    assert result.version == "qd2640-2017"


def test_pluggable_aggregation() -> None:
    def weighted(values: Mapping[str, Decimal]) -> Decimal:
        return (values["officials"] * 2 + sum(values.values())) / (len(values) + 2)

    assert sipas.sipas_index(ANSWERS, 2018, aggregate=weighted).index == Decimal("85.71")


def test_errors() -> None:
    with pytest.raises(ValidationError, match="no answers for element"):
        sipas.sipas_index({k: v for k, v in ANSWERS.items() if k != "results"}, 2018)
    with pytest.raises(ValidationError, match="not an element"):
        sipas.sipas_index({**ANSWERS, "speed": [5]}, 2018)
    with pytest.raises(ValidationError) as err:
        sipas.element_index([5, 6])
    assert err.value.row == 2
    with pytest.raises(ValidationError):
        sipas.element_index([])
