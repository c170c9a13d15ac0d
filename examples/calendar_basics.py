"""Calendar basics: official days off, working-day arithmetic, batch use, user notices.

Run: python examples/calendar_basics.py
"""

from __future__ import annotations

import io
from datetime import date

import numpy as np

from cchc.calendar import OfficialCalendar, read_notice_csv
from cchc.errors import CalendarCoverageError
from cchc.legal import LegalSource

cal = OfficialCalendar()
print(f"Coverage: {cal.coverage}")

# 1. Days off of 2025 with their sources (Tết break 25/1-2/2, make-up Saturday 26/4).
for entry in cal.entries(2025):
    sources = "; ".join(s.cite() for s in entry.sources)
    print(f"{entry.day} {entry.day:%a} {entry.kind.vietnamese:14} {entry.name_vi} <- {sources}")

# 2. The 3rd working day after Friday 2025-01-24 (the receipt day is not counted).
due = cal.add_working_days(date(2025, 1, 24), 3)
print(f"\n3 working days after Fri 2025-01-24: {due} ({due:%A})")

# 3. Batch: a million receipts at once.
rng = np.random.default_rng(0)
received = np.datetime64("2025-01-01") + rng.integers(0, 700, 1_000_000).astype("m8[D]")
due_dates = cal.add_working_days_batch(received, 5)
print(f"1,000,000 due dates computed; first: {received[0]} -> {due_dates[0]}")

# 4. Outside coverage: an error by default, a marked provisional answer on request.
try:
    cal.add_working_days(date(2029, 11, 23), 1)
except CalendarCoverageError as exc:
    print(f"\nError as expected: {exc}")
answer = cal.add_working_days(date(2029, 11, 23), 1, provisional=True)
print(f"Provisional: {answer.value} (provisional={answer.provisional})")

# 5. A province's own day off, as data.
notice = read_notice_csv(
    io.StringIO("date,kind,name_vi,name_en\n2026-03-24,holiday,Ngày lễ tỉnh,Province day\n"),
    source=LegalSource(number="12/TB-UBND", doc_type="Thông báo", issuer="UBND tỉnh X"),
)
local = cal.with_notices(notice)
working = local.is_working_day(date(2026, 3, 24))
print(f"\nWith the province notice, 2026-03-24 is a working day: {working}")

# 6. Drop-in for holidays and numpy users: the same answers through their APIs.
h = cal.to_holidays()
print(f"\nholidays view: {h['2025-01-28']}; 2025-04-26 working: {h.is_working_day('2025-04-26')}")
bc = cal.busdaycalendar()
via_numpy = np.busday_offset(received, 5, roll="backward", busdaycal=bc)
print(f"numpy with cal.busdaycalendar() agrees on {(via_numpy == due_dates).sum():,} of 1,000,000")
start, end = "2025-04-26", "2025-05-05"
print(
    f"Counting {start}..{end}: cchc (start, end] {cal.working_days_between(start, end)}"
    f", holidays [start, end] {h.get_working_days_count(start, end)}"
    f", numpy [start, end) {np.busday_count(start, end, busdaycal=bc)}"
)

# 7. Say when an answer rests on a day not read in an original text (secondary copy, derived).
answer = cal.add_working_days(date(2027, 4, 15), 1, provisional=True)
print(f"\n2027-04-15 + 1 working day = {answer.value}; confirmed: {answer.confirmed}")
for entry in answer.unconfirmed:
    keys = ", ".join(str(s.key) for s in entry.sources)
    print(f"  rests on {entry.day} {entry.name_vi}: {entry.verification.value} ({keys})")
