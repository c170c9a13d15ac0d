"""Aware datetimes whose Vietnam time leaves the years 1-9999 give a typed error (issue 11.1).

31/12/9999 23:00 UTC is 01/01/10000 06:00 in Hà Nội (UTC+07:00), which no Python date
holds; 01/01/0001 05:00 at UTC+10:00 is 31/12/0000 in Hà Nội. Before the fix both raised a
bare OverflowError from ``datetime.astimezone``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from cchc import units
from cchc.errors import ValidationError
from cchc.plans import completion, example_plan
from cchc.tz import VN_TZ, as_date, to_vn

PAST_9999 = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)
BEFORE_1 = datetime(1, 1, 1, 5, 0, tzinfo=timezone(timedelta(hours=10)))


@pytest.mark.parametrize("moment", [PAST_9999, BEFORE_1])
def test_to_vn_and_as_date_refuse_out_of_range(moment: datetime) -> None:
    with pytest.raises(ValidationError, match="outside the years 1-9999") as err:
        to_vn(moment, field="at")
    assert err.value.field == "at"
    with pytest.raises(ValidationError) as err:
        as_date(moment, field="day", row=3)
    assert (err.value.field, err.value.row) == ("day", 3)


def test_edges_that_fit_still_convert() -> None:
    # 31/12/9999 16:59 UTC is 23:59 in Hà Nội, still year 9999.
    last = datetime(9999, 12, 31, 16, 59, tzinfo=UTC)
    assert as_date(last) == date(9999, 12, 31)
    first = datetime(1, 1, 1, 0, 0, tzinfo=VN_TZ)
    assert as_date(first) == date(1, 1, 1)


def test_to_vn_refuses_a_non_datetime() -> None:
    with pytest.raises(ValidationError, match="expected an aware datetime") as err:
        to_vn(date(2025, 1, 1), field="received_at")  # type: ignore[arg-type]
    assert err.value.field == "received_at"


def test_plan_completion_as_of_out_of_range() -> None:
    with pytest.raises(ValidationError) as err:
        completion(example_plan(), PAST_9999)  # type: ignore[arg-type]
    assert err.value.field == "as_of"


def test_units_lookup_on_out_of_range() -> None:
    with pytest.raises(ValidationError) as err:
        units.lookup("Hà Nội", on=PAST_9999)  # type: ignore[arg-type]
    assert err.value.field == "on"
