"""Text entry points refuse a non-str with a ValidationError naming it (issue 11.3)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from cchc import units
from cchc._checks import require_int, require_text
from cchc.documents import (
    DirectiveDocument,
    extract_deadlines,
    lint,
    parse_citations,
    parse_number,
)
from cchc.errors import ValidationError

TEXT_ENTRY_POINTS: list[Callable[[object], object]] = [
    parse_citations,  # type: ignore[list-item]
    lint,  # type: ignore[list-item]
    extract_deadlines,  # type: ignore[list-item]
    DirectiveDocument.from_text,  # type: ignore[list-item]
    parse_number,  # type: ignore[list-item]
]


@pytest.mark.parametrize("entry", TEXT_ENTRY_POINTS, ids=lambda f: f.__qualname__)
@pytest.mark.parametrize("value", [None, 5, b"x", 1.5, ["Kế hoạch"]])
def test_text_entry_points_refuse_non_str(entry: Callable[[object], object], value: object) -> None:
    with pytest.raises(ValidationError, match="expected a str") as err:
        entry(value)
    assert err.value.field == "text"


@pytest.mark.parametrize("value", [77, b"x", None])
def test_units_lookup_refuses_non_str(value: object) -> None:
    with pytest.raises(ValidationError, match="expected a str") as err:
        units.lookup(value, on=date(2022, 3, 31))  # type: ignore[arg-type]
    assert err.value.field == "name_or_code"


def test_units_lookup_still_takes_codes_as_text() -> None:
    # Code 77 is Bà Rịa - Vũng Tàu before the 1/7/2025 merge (units docstring).
    assert units.lookup("77", on=date(2022, 3, 31)).code == "77"


def test_require_text_and_int_messages() -> None:
    assert require_text("", field="t") == ""
    long = "x" * 500
    with pytest.raises(ValidationError) as err:
        require_text(long.encode(), field="t")
    assert len(str(err.value)) < 120  # a huge value is cut in the message
    assert require_int(2025, field="year", low=1, high=9999) == 2025
    with pytest.raises(ValidationError, match="not between 1 and 9999"):
        require_int(10**30, field="year", low=1, high=9999)
