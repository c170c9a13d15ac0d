"""Provinces before and after the 1/7/2025 reorganisation (đơn vị hành chính cấp tỉnh).

Nghị quyết 202/2025/QH15 (passed 12/6/2025) merged the 63 provincial units into
34 (28 tỉnh and 6 thành phố trực thuộc trung ương), which operate under the
two-level local government from **1/7/2025**. Codes before the date are those
of the national list (2 digits, 01…96); the new codes are those of Quyết định
19/2025/QĐ-TTg. Every new code is one of its constituents' old codes, but not
always that of the province whose name survived, so a code means different
provinces before and after the date (``80`` = Long An, then Tây Ninh): always
look up on a date.

The table ``data/provinces_2025.csv`` is bundled; each row cites registry keys
(``NQ202-2025``, ``QD19-2025-TTG``), both secondary (press reports of the
resolution, two public transcriptions of QĐ 19/2025);
the merges were cross-checked with vnexpress.net (12/6/2025) and nghean24h.vn.

Coverage: the 63-province list is valid from **1/8/2008**, when Hà Tây merged
into Hà Nội (Nghị quyết 15/2008/QH12, in force 1/8/2008); earlier dates raise
:class:`~cchc.errors.RuleNotInForceError` rather than give a wrong list. One
change inside the 63: tỉnh Thừa Thiên Huế became **Thành phố Huế**, a
thành phố trực thuộc trung ương with the same code 46, from 1/1/2025
(Nghị quyết 175/2024/QH15). Dates may be ``date`` objects or aware datetimes
(read in Vietnam time).

    >>> from datetime import date
    >>> lookup("Ninh Thuận", on=date(2024, 8, 12)).code
    '58'
    >>> successor("ninh thuan").name
    'Tỉnh Khánh Hòa'
    >>> lookup("80", on=date(2025, 6, 30)).name, lookup("80", on=date(2025, 7, 1)).name
    ('Tỉnh Long An', 'Tỉnh Tây Ninh')
    >>> lookup("TP.HCM", on=date(2026, 1, 1)).code
    '79'
    >>> [p.name for p in predecessors("Thành phố Hồ Chí Minh")]
    ['Tỉnh Bình Dương', 'Tỉnh Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh']
    >>> len(provinces(date(2025, 1, 1))), len(provinces(date(2025, 7, 1)))
    (63, 34)
    >>> lookup("Huế", on=date(2024, 12, 31)).name, lookup("Huế", on=date(2025, 3, 1)).name
    ('Tỉnh Thừa Thiên Huế', 'Thành phố Huế')
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from datetime import date, timedelta

import attrs

from cchc._checks import require_text
from cchc._data import read_bundled_csv_rows
from cchc.errors import DataFileError, RuleNotInForceError, ValidationError
from cchc.legal import source_aliases, sources
from cchc.tz import as_date

__all__ = [
    "REORGANISATION_DATE",
    "TABLE_START",
    "Province",
    "ProvinceKind",
    "fold",
    "lookup",
    "predecessors",
    "provinces",
    "successor",
]

REORGANISATION_DATE = date(2025, 7, 1)
"""First day of the 34-province, two-level local government."""

TABLE_START = date(2008, 8, 1)
"""First day the 63-province list is right: Hà Tây merged into Hà Nội (NQ 15/2008/QH12)."""

_ALIASES_TO_KEYS = {
    "NQ_15_2008": "NQ15-2008",
    "NQ_175_2024": "NQ175-2024",
    "NQ_202_2025": "NQ202-2025",
    "NQ_30_2026": "NQ30-2026",
}
__getattr__ = source_aliases(__name__, _ALIASES_TO_KEYS)
"""The resolutions behind the table, as lazy aliases of their registry rows:
``NQ_15_2008`` (Hà Tây into Hà Nội, 1/8/2008), ``NQ_175_2024`` (Thành phố Huế,
1/1/2025), ``NQ_202_2025`` (the 2025 merges) and ``NQ_30_2026`` (Thành phố Đồng Nai)."""

_LATER_CHANGES: tuple[tuple[str, str, date, str], ...] = (
    ("75", "Thành phố Đồng Nai", date(2026, 4, 30), "NQ30-2026"),
)
"""Changes after the 2025 reorganisation: (code, new name, first day, source key)."""

_EARLIER_CHANGES: tuple[tuple[str, str, date, str], ...] = (
    ("46", "Thành phố Huế", date(2025, 1, 1), "NQ175-2024"),
)
"""Changes among the 63 before the 2025 reorganisation: (code, new name, first day, source key)."""

_CITIES_BEFORE = frozenset({"01", "31", "48", "79", "92"})
_FULL_OLD_NAMES = {"Hồ Chí Minh": "Thành phố Hồ Chí Minh"}
_ALIASES = {
    "hcm": "ho chi minh",
    "tphcm": "ho chi minh",
    "tp hcm": "ho chi minh",
    "sai gon": "ho chi minh",
    "brvt": "ba ria - vung tau",
    "br-vt": "ba ria - vung tau",
    "hue": "thua thien hue",
    "dac lac": "dak lak",
    "dac nong": "dak nong",
}


class ProvinceKind(enum.StrEnum):
    """Kind of provincial unit."""

    TINH = "tỉnh"
    """Province (tỉnh)."""
    THANH_PHO = "thành phố trực thuộc trung ương"
    """Centrally governed city (thành phố trực thuộc trung ương)."""


@attrs.frozen
class Province:
    """A provincial unit in force over ``[valid_from, valid_to)``."""

    code: str
    name: str
    kind: ProvinceKind
    valid_from: date | None
    valid_to: date | None
    successor_code: str | None = None
    predecessor_codes: tuple[str, ...] = ()

    @property
    def short_name(self) -> str:
        """The name without "Tỉnh"/"Thành phố" ("Khánh Hòa")."""
        for prefix in ("Thành phố ", "Tỉnh "):
            if self.name.startswith(prefix) and self.name != "Thành phố Hồ Chí Minh":
                return self.name[len(prefix) :]
        return self.name

    def in_force_on(self, day: date) -> bool:
        """Whether the unit existed on ``day``."""
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day < self.valid_to
        )


def fold(text: str) -> str:
    """Lower-case ``text`` without Vietnamese diacritics (``Đ`` becomes ``d``).

    >>> fold("Đắk Lắk")
    'dak lak'
    """
    chars = [
        "d" if ch in "\u0110\u0111\u00d0\u00f0" else ch
        for ch in unicodedata.normalize("NFD", text)
        if not unicodedata.combining(ch)
    ]
    return " ".join("".join(chars).casefold().replace("\u2013", "-").split())


def _name_key(name: str) -> str:
    key = fold(name).replace(".", " ").replace("–", "-")
    key = " ".join(key.replace(" - ", "-").replace("-", " - ").split())
    for prefix in ("thanh pho ", "tinh ", "tp "):
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    key = _ALIASES.get(key, _ALIASES.get(key.replace(" ", ""), key))
    return key.replace(" ", "").replace("-", "")


_FILE = "provinces_2025.csv"
_COLUMNS = ("code_after", "name_after", "former_provinces", "former_codes", "sources")


@functools.cache
def _table() -> tuple[tuple[Province, ...], tuple[Province, ...]]:
    """(63 provinces before 1/7/2025, every version of the 34 after), from the bundled CSV."""
    old: list[Province] = []
    new: list[Province] = []
    for row_no, row in read_bundled_csv_rows("cchc.units", "data", _FILE, required=_COLUMNS):
        names = [n.strip() for n in row["former_provinces"].split(";")]
        codes = [c.strip() for c in row["former_codes"].split(";")]
        if len(names) != len(codes) or not row["code_after"]:
            raise DataFileError(
                "former_provinces and former_codes differ in length",
                row=row_no,
                source=_FILE,
            )
        for key in (row.get("sources") or "").split(";"):
            if key.strip() not in sources():
                raise DataFileError(
                    f"unknown source key {key.strip()!r}",
                    row=row_no,
                    field="sources",
                    source=_FILE,
                )
        new_name = row["name_after"].strip()
        kind = ProvinceKind.THANH_PHO if new_name.startswith("Thành phố") else ProvinceKind.TINH
        new.append(
            Province(
                row["code_after"], new_name, kind, REORGANISATION_DATE, None, None, tuple(codes)
            )
        )
        for name, code in zip(names, codes, strict=True):
            city = code in _CITIES_BEFORE
            full = _FULL_OLD_NAMES.get(name, f"{'Thành phố' if city else 'Tỉnh'} {name}")
            old_kind = ProvinceKind.THANH_PHO if city else ProvinceKind.TINH
            old.append(
                Province(code, full, old_kind, TABLE_START, REORGANISATION_DATE, row["code_after"])
            )
    old.sort(key=lambda p: p.code)
    return _versions(old, _EARLIER_CHANGES), _versions(new, _LATER_CHANGES)


def _versions(
    units: list[Province], changes: tuple[tuple[str, str, date, str], ...]
) -> tuple[Province, ...]:
    """Split a unit renamed or re-ranked on a date into its versions before and after."""
    versions: list[Province] = []
    for p in units:
        for code, name, first_day, _source in changes:
            if code == p.code:
                versions.append(attrs.evolve(p, valid_to=first_day))
                kind = ProvinceKind.THANH_PHO if name.startswith("Thành phố") else ProvinceKind.TINH
                p = attrs.evolve(p, name=name, kind=kind, valid_from=first_day)
        versions.append(p)
    return tuple(versions)


def provinces(on: date) -> tuple[Province, ...]:
    """The provincial units in force on ``on`` (63 from 1/8/2008, 34 from 1/7/2025).

    Changes are applied on their date: Thành phố Huế from 1/1/2025 (NQ 175/2024/QH15);
    Đồng Nai is a thành phố trực thuộc trung ương from 30/4/2026 (NQ 30/2026/QH16,
    secondary source). ``on`` may be an aware datetime (read in Vietnam time).

    Raises:
        RuleNotInForceError: ``on`` is before 1/8/2008, which the table does not cover.
        NaiveDatetimeError: ``on`` is a datetime without time zone.
    """
    day = as_date(on, field="on")
    if day < TABLE_START:
        raise RuleNotInForceError(
            f"the province table covers {TABLE_START.isoformat()} onwards (NQ 15/2008/QH12 "
            f"merged Hà Tây into Hà Nội); {day.isoformat()} is not covered",
            field="on",
        )
    old, new = _table()
    pool = old if day < REORGANISATION_DATE else new
    return tuple(p for p in pool if p.in_force_on(day))


def lookup(name_or_code: str, *, on: date) -> Province:
    """The province named (with or without diacritics) or coded ``name_or_code`` on ``on``.

    Raises:
        ValidationError: no such province existed on that date (the message
            names the successor when the province was merged away).
        RuleNotInForceError: ``on`` is before 1/8/2008 (not covered).
    """
    wanted = require_text(name_or_code, field="name_or_code").strip()
    on = as_date(on, field="on")
    pool = provinces(on)
    if wanted.isdigit():
        code = wanted.zfill(2)
        for p in pool:
            if p.code == code:
                return p
        raise ValidationError(f"no province has code {code!r} on {on.isoformat()}", field="code")
    key = _name_key(wanted)
    for p in pool:
        if _name_key(p.name) == key:
            return p
    for p in _table()[0]:
        if _name_key(p.name) == key and p.successor_code is not None and not p.in_force_on(on):
            heir = lookup(p.successor_code, on=on)
            raise ValidationError(
                f"{p.name} no longer exists on {on.isoformat()}; merged into {heir.name} "
                f"({heir.code}) on {REORGANISATION_DATE.isoformat()} (NQ 202/2025/QH15)",
                field="name",
            )
    raise ValidationError(f"unknown province {name_or_code!r} on {on.isoformat()}", field="name")


def successor(name_or_code: str) -> Province:
    """The post-1/7/2025 province a pre-reorganisation province (name or old code) went into."""
    old = lookup(name_or_code, on=date(2025, 6, 30))
    return lookup(old.successor_code or old.code, on=REORGANISATION_DATE)


def predecessors(name_or_code: str) -> tuple[Province, ...]:
    """The pre-1/7/2025 provinces that formed a post-reorganisation province."""
    new = lookup(name_or_code, on=REORGANISATION_DATE)
    by_code = {p.code: p for p in provinces(REORGANISATION_DATE - timedelta(days=1))}
    return tuple(by_code[c] for c in new.predecessor_codes)
