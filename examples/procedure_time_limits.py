"""Time limits read from catalogue text, and the procedure version a dossier keeps.

PYTHONPATH=src python examples/procedure_time_limits.py
"""

from __future__ import annotations

from datetime import date, datetime

from cchc.dossiers import Dossier, Event, EventKind
from cchc.errors import ParseError
from cchc.procedures import Catalogue, TimeLimit, TimeUnit, load_sample_catalogue, parse_time_limit
from cchc.tz import VN_TZ

TEXTS = [
    "05 (năm) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
    "Không quá 45 ngày",
    "Trong ngày",
    "Ngay sau khi nhận đủ hồ sơ hợp lệ",
    "07 ngày làm việc (trực tuyến: 05 ngày làm việc)",
    "03 ngày làm việc; trường hợp cần xác minh thì không quá 06 ngày làm việc",
]


def main() -> None:
    print("Thời hạn giải quyết read from catalogue text:")
    for text in TEXTS:
        try:
            tl = parse_time_limit(text)
        except ParseError as exc:
            print(f"  {text!r}\n    -> not read: {exc}")
            continue
        amount = "" if tl.amount is None else f"{tl.amount} "
        print(f"  {text!r}\n    -> {amount}{tl.unit.vietnamese} ({tl.unit.value})")
    online = parse_time_limit(TEXTS[4], channel="online")
    print(f"  online channel of {TEXTS[4]!r}: {online.amount} {online.unit.vietnamese}")

    # Versions: the bundled Hà Tĩnh record of 1.013876 is announced by QĐ 3005/QĐ-UBND
    # (in force from 01/12/2025). Suppose the earlier announcement had 15 working days
    # (hypothetical: the earlier decision's text is not bundled, so it has no announcement
    # recorded here and its dossiers show no version).
    cat = load_sample_catalogue()
    issuer = "Chủ tịch UBND tỉnh Hà Tĩnh"
    current = cat.find("1.013876", issuer=issuer)[0]
    earlier = current.model_copy(
        update={
            "published_by": None,
            "effective_to": date(2025, 12, 1),
            "time_limit": TimeLimit(amount=15, unit=TimeUnit.WORKING_DAYS),
        }
    )
    both = Catalogue([current, earlier])
    print("\nVersions of 1.013876 (newest first):")
    for p in both.find("1.013876"):
        print(f"  {p.time_limit.amount} {p.time_limit.unit.vietnamese}, from {p.start} to {p.end}")
    for day in (date(2025, 11, 28), date(2025, 12, 2)):
        received = datetime(day.year, day.month, day.day, 9, 0, tzinfo=VN_TZ)
        procedure = both.in_force("1.013876", day)
        dossier = Dossier.for_procedure(
            procedure, "in_person", [Event(kind=EventKind.RECEIVED, at=received)]
        )
        version = dossier.procedure_version or "(announcement not recorded)"
        print(
            f"  received {received:%d/%m/%Y}: {dossier.amount} ngày làm việc, due "
            f"{dossier.due_date():%d/%m/%Y %H:%M}, version {version}"
        )


if __name__ == "__main__":
    main()
