"""Procedure versions: announcement decisions, dates in force, the version a dossier keeps.

Oracles: the bundled rows' announcement decisions (registry rows QD3004-2025-HTI,
QD3005-2025-HTI, QD02200-2025-DLK, QD2022-2025-CBG, QTNB-ATTP-LDG, read in the copies named
in each row's note). Hà Tĩnh QĐ 3005/QĐ-UBND (01/12/2025, in force from signing, Điều 3)
replaces items 01-02 of QĐ 1740/QĐ-UBND (30/6/2025) for 1.013871 and 1.013876. QĐ 1740's
text was not read, so no earlier version is bundled: the test below builds that version by
hand, with a HYPOTHETICAL 15-working-day limit, to show that a later announcement shortening
a limit never changes the due date of a dossier received before it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cchc.dossiers import Dossier, Event, EventKind
from cchc.errors import RuleNotInForceError, ValidationError
from cchc.legal import LegalSource, Verification, source
from cchc.procedures import (
    Catalogue,
    Procedure,
    ProcedureVersion,
    TimeLimit,
    TimeUnit,
    load_sample_catalogue,
)
from cchc.tz import VN_TZ

CODE = "1.013876"
HT = "Chủ tịch UBND tỉnh Hà Tĩnh"

# Built by hand for the test (its text was not read; the limit is hypothetical).
QD1740 = LegalSource(
    key="TEST-QD1740-2025-HTI",
    doc_type="Quyết định",
    number="1740/QĐ-UBND",
    issuer=HT,
    signed_on=date(2025, 6, 30),
    effective_from=date(2025, 6, 30),
    verification=Verification.SECONDARY,
    note="Named as replaced in QĐ 3005/QĐ-UBND Điều 3; its time limit here is hypothetical.",
)


def _catalogue_with_old_version() -> tuple[Catalogue, Procedure, Procedure]:
    cat = load_sample_catalogue()
    new = cat.find(CODE, issuer=HT)[0]
    old = new.model_copy(
        update={
            "published_by": QD1740,
            "time_limit": TimeLimit(amount=15, unit=TimeUnit.WORKING_DAYS),
        }
    )
    return Catalogue([*cat, old]), old, new


def _received(day: date) -> list[Event]:
    at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN_TZ)
    return [Event(kind=EventKind.RECEIVED, at=at)]


def test_bundled_rows_carry_their_announcement_decisions() -> None:
    cat = load_sample_catalogue()
    keys = {p.published_by.key for p in cat if p.published_by is not None}
    assert keys == {
        "QD3004-2025-HTI",
        "QD3005-2025-HTI",
        "QD02200-2025-DLK",
        "QD2022-2025-CBG",
        "QTNB-ATTP-LDG",
    }
    ht = cat.find(CODE, issuer=HT)[0]
    assert ht.published_by == source("QD3005-2025-HTI")
    assert ht.start == date(2025, 12, 1) and ht.end is None
    assert ht.version == ProcedureVersion(code=CODE, published_by="QD3005-2025-HTI")
    assert ht.version.announcement().number == "3005/QĐ-UBND"  # type: ignore[union-attr]
    # Đắk Lắk QĐ 02200/QĐ-UBND is in force from its signing, 02/12/2025 (Điều 3).
    assert [p.published_by.key for p in cat.find(CODE, on=date(2025, 12, 1))] == [  # type: ignore[union-attr]
        "QD3005-2025-HTI"
    ]
    assert len(cat.find(CODE, on=date(2025, 12, 2))) == 2
    assert cat.find(CODE, on=date(2025, 11, 30)) == []
    # The Lâm Đồng internal procedure has no known dates: in force on any date.
    assert cat.find("1.002425", on=date(2019, 1, 1))[0].start is None


def test_find_newest_first_and_in_force() -> None:
    cat, old, new = _catalogue_with_old_version()
    assert cat.find(CODE, issuer=HT) == [new, old]  # newest first within a publisher
    assert [p.published_by.issuer for p in cat.find(CODE)] == [HT, HT, "Chủ tịch UBND tỉnh Đắk Lắk"]  # type: ignore[union-attr]
    assert cat.find(CODE, on=date(2025, 11, 28)) == [old]
    assert cat.find(CODE, on=date(2025, 12, 1)) == [new]  # the later announcement wins
    assert cat.in_force(CODE, date(2025, 12, 5), issuer=HT) == new
    with pytest.raises(ValidationError, match="several authorities"):
        cat.in_force(CODE, date(2025, 12, 5))
    with pytest.raises(RuleNotInForceError):
        cat.in_force(CODE, date(2025, 6, 1))


def test_a_later_version_never_changes_an_earlier_dossier() -> None:
    cat, old, new = _catalogue_with_old_version()
    before, after = date(2025, 11, 28), date(2025, 12, 2)
    d_old = Dossier.for_procedure(
        cat.in_force(CODE, before, issuer=HT), "in_person", _received(before)
    )
    d_new = Dossier.for_procedure(
        cat.in_force(CODE, after, issuer=HT), "in_person", _received(after)
    )
    assert (d_old.amount, d_new.amount) == (15, 10)
    assert d_old.procedure_version == old.version
    assert (
        d_new.procedure_version
        == new.version
        == ProcedureVersion(code=CODE, published_by="QD3005-2025-HTI")
    )
    # The dossier keeps its version: looked up again once the new version exists, it is
    # still the old one, and the terms rebuilt from it give the same due date.
    assert cat.version_for(d_old) == old
    again = Dossier.for_procedure(cat.version_for(d_old), "in_person", list(d_old.events))
    assert again.due_date() == d_old.due_date()
    assert d_old.due_date() != d_new.due_date()
    # Without a recorded version, the version in force at the receipt date is chosen.
    bare = Dossier(procedure_code=CODE, channel="in_person", amount=15, events=_received(before))
    assert cat.version_for(bare, issuer=HT) == old
    # The recorded version survives JSON.
    assert Dossier.model_validate_json(d_old.model_dump_json()).procedure_version == old.version


def test_version_errors() -> None:
    cat, old, _ = _catalogue_with_old_version()
    stranger = Dossier(
        procedure_code="1.003006",
        procedure_version=old.version,
        channel="online",
        amount=0,
        events=_received(date(2025, 12, 3)),
    )
    with pytest.raises(ValidationError, match="procedure_version"):
        cat.version_for(stranger)
    with pytest.raises(ValidationError, match="no procedure version"):
        load_sample_catalogue().version(old.version)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="procedure_code"):
        cat.version_for(Dossier(channel="online", amount=1, events=_received(date(2025, 12, 3))))
    with pytest.raises(ValidationError, match="unknown source key"):
        Procedure(
            code=CODE, name="x", time_limit=TimeLimit(amount=1, unit="days"), published_by="NOPE"
        )
    with pytest.raises(ValidationError, match="published_by"):
        Procedure(code=CODE, name="x", time_limit=TimeLimit(amount=1, unit="days")).rule_version()
    with pytest.raises(ValidationError, match="before it starts"):
        Procedure(
            code=CODE,
            name="x",
            time_limit=TimeLimit(amount=1, unit="days"),
            published_by="QD3005-2025-HTI",
            effective_to=date(2025, 11, 1),
        )
    with pytest.raises(ValidationError):
        ProcedureVersion(code="x", published_by="QD3005-2025-HTI")
    with pytest.raises(ValidationError, match="unknown source key"):
        ProcedureVersion(code=CODE, published_by="MY-OWN-KEY").announcement()
