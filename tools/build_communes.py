"""Build units/data/communes_2025.csv and communes_2025_former.csv from GitHub dvhcvn/20250701.

Inputs (pass the repository checkout or a ``git show`` dump of each file):

* ``input/docs/1027_CTK-CSCL.md``: Công văn 1027/CTK-CSCL Phụ lục I, the 3,321 commune-level
  units after 1/7/2025 with their 5-digit codes (registry row ``CV1027-2025-CTK``);
* ``mapping/splits.json``: each pre-1/7/2025 commune and the new communes it went into
  (registry row ``DVHCVN-2025-MAP``, secondary).

Run: ``python tools/build_communes.py 1027_CTK-CSCL.md splits.json src/cchc/units/data``.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

from cchc.units.provinces import lookup

_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*(\d{5})\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|\s*$")
_RESOLUTIONS = {"01": "NQ1656-2025", "79": "NQ1685-2025"}
"""Provinces whose commune resolution was read in full (registry rows)."""
_CORRECTIONS = {"30622": ("30604", "NQ1654-2025")}
"""Former communes the mapping sends to the wrong place, corrected from the resolution's text:
old code -> (new code, registry key). NQ 1654/NQ-UBTVQH15 (An Giang) Điều 1: "thị trấn Vĩnh
Bình, xã Tân Phú và xã Vĩnh An thành xã mới có tên gọi là xã Vĩnh An" (30604), where the
mapping had Xã Tân Phú Trung of Đồng Tháp."""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("<br>", " ").replace("\\", ""))
    text = re.sub(r"\s*-\s*", " - ", " ".join(text.split()))
    return text.strip()


def new_communes(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if not m:
            continue
        _, code, name, province = m.groups()
        if code in seen:
            raise SystemExit(f"duplicate code {code}")
        seen.add(code)
        prov = lookup(_clean(province), on=date(2025, 7, 1))
        name = _clean(name)
        kind = next(k for k in ("Phường", "Xã", "Đặc khu") if name.startswith(k + " "))
        keys = ["CV1027-2025-CTK", "QD19-2025-TTG"]
        if prov.code in _RESOLUTIONS:
            keys.append(_RESOLUTIONS[prov.code])
        rows.append(
            {
                "code": code,
                "name": name,
                "kind": kind.lower(),
                "province_code": prov.code,
                "sources": ";".join(keys),
            }
        )
    return rows


def former_communes(path: Path, new_codes: set[str]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for prov in json.loads(path.read_text(encoding="utf-8"))["data"]:
        for unit in prov["level3s"]:
            successors = [s["new_id"] for s in unit["splits"]]
            keys = "DVHCVN-2025-MAP"
            if unit["level3_id"] in _CORRECTIONS:
                fixed, keys = _CORRECTIONS[unit["level3_id"]]
                successors = [fixed]
            missing = [c for c in successors if c not in new_codes]
            if missing:
                raise SystemExit(f"{unit['level3_id']}: successor codes {missing} not in the list")
            rows.append(
                {
                    "code": unit["level3_id"],
                    "name": _clean(unit["name"]),
                    "province_code": prov["level1_id"],
                    "successor_codes": ";".join(successors),
                    "sources": keys,
                }
            )
    return rows


def main(argv: list[str]) -> None:
    cv1027, splits, out = (Path(a) for a in argv)
    new = new_communes(cv1027)
    former = former_communes(splits, {r["code"] for r in new})
    for name, rows in (("communes_2025.csv", new), ("communes_2025_former.csv", former)):
        with (out / name).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    print(f"{len(new)} communes, {len(former)} former communes")


if __name__ == "__main__":
    main(sys.argv[1:])
