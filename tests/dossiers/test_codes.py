"""Dossier codes (Thông tư 01/2018/TT-VPCP Art 19)."""

from __future__ import annotations

from datetime import date

import pytest

from cchc.dossiers import is_valid_dossier_code, make_dossier_code, parse_dossier_code
from cchc.errors import ParseError


def test_observed_code_and_longer_suffixes() -> None:
    # Observed real code (one_stop.md §3.3): unit H15.50.05.13, received 08/10/2026, no. 0975.
    code = parse_dossier_code("H15.50.05.13-261008-0975")
    assert code.agency == "H15.50.05.13"
    assert code.received_on == date(2026, 10, 8)
    assert code.sequence == 975
    assert str(code) == "H15.50.05.13-261008-0975"
    # Ministry portals sync 6-7 digit sequences (766 collector changelog): accepted, kept.
    assert str(parse_dossier_code("g01.100-250124-1234567")) == "G01.100-250124-1234567"
    assert str(make_dossier_code("H15", date(2025, 1, 24), 12345)) == "H15-250124-12345"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("H15.50-2501-0001", 7),
        ("H15.50-250124-01", 14),
        ("-250124-0001", 0),
        ("H15.50-251324-0001", 7),
    ],
)
def test_bad_codes_point_at_the_fault(text: str, offset: int) -> None:
    with pytest.raises(ParseError) as err:
        parse_dossier_code(text)
    assert err.value.offset == offset
    assert not is_valid_dossier_code(text)
