"""Dossiers stopped at the applicant's request, counted apart (ND 118/2025 Điều 21).

A one-stop desk's export has an ``outcome`` column (decided / returned / refused / withdrawn,
or ``stopped``): the stopped dossiers are judged neither early, on time nor late, leave the
resolved and in-progress counts and the base of every rate, and fill a column of their own
in ``cchc dossier stats`` and in Biểu 06 (column 14, outside the official layout). One
dossier gives the same answer as its row (``Deadline.stopped``).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from cchc.dossiers import Dossier, evaluate, quarter_periods, read_csv, row_to_dossier, summarize
from cchc.reporting.statistics import check_form, fill_form
from cchc.reporting.statistics_render import to_markdown
from cchc.reporting_periods import reporting_period
from cchc.tz import VN_TZ

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "cchc-examples"
folder.mkdir(parents=True, exist_ok=True)
path = folder / "stopped_dossiers.csv"
path.write_text(
    "field,agency,channel,received_at,amount,unit,finished_at,supplement_requested_at,outcome\n"
    # decided two days early
    "Hộ tịch,UBND xã A,online,2025-10-06T09:00:00+07:00,5,working_days,"
    "2025-10-09T10:00:00+07:00,,decided\n"
    # stopped on the second day: neither early nor late
    "Hộ tịch,UBND xã A,in_person,2025-10-06T09:00:00+07:00,5,working_days,"
    "2025-10-07T10:00:00+07:00,,withdrawn\n"
    # stopped while a supplement was awaited, after the due date: still counted apart
    "Hộ tịch,UBND xã A,in_person,2025-10-06T09:00:00+07:00,5,working_days,"
    "2025-10-27T10:00:00+07:00,2025-10-08T09:00:00+07:00,stopped\n"
    # decided late
    "Chứng thực,UBND xã A,post,2025-10-06T09:00:00+07:00,2,working_days,"
    "2025-10-15T10:00:00+07:00,,decided\n"
    # in progress at the end of the quarter
    "Chứng thực,UBND xã A,online,2025-11-03T09:00:00+07:00,10,working_days,,,\n",
    encoding="utf-8",
)
frame = read_csv(path)
results = evaluate(frame)
print(results)

as_of = datetime(2026, 1, 5, tzinfo=VN_TZ)
(row,) = summarize(frame, results, quarter_periods(2025)[3], as_of=as_of)
c = row.counts
print(
    f"{row.period}: to handle {c.to_handle} = resolved {c.resolved} (early {c.early}, "
    f"on time {c.on_time}, late {c.late}) + stopped {c.stopped} + in progress {c.in_progress}"
)
print(f"766 indicator 2.1 (stopped dossiers out of its base): {row.rates.on_time_rate_766}%")

# one dossier, the same answer: the third row (stopped awaiting a supplement, after its due date)
stopped = row_to_dossier(frame, 2)
deadline = stopped.deadline()
print(f"row 3: stopped={deadline.stopped}, timeliness={deadline.timeliness()}")
assert isinstance(stopped, Dossier) and deadline.stopped

# Biểu 06 for the quarter's data window, with column 14 (the stopped dossiers, ghi riêng)
form = fill_form(frame, results, reporting_period("nd09-2019", "Q4", 2025, due=False), as_of=as_of)
print(to_markdown(form))
print("Biểu 06 checks:", [f.code for f in check_form(form)] or "no finding")
