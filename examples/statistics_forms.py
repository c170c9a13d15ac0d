"""The statutory statistics form Biểu số 06/VPCP/KSTT and the 766 dossier indicators.

A statistics clerk's quarter: the bundled synthetic dossiers of 2025 fill Biểu số 06/VPCP/KSTT
(Thông tư 01/2020/TT-VPCP) for Quý III/2025 (data window 15/06 to 14/09/2025, Nghị định
09/2019 Điều 12), one section per agency and one row per field; the form's sums and the
carried-over rule (carried over = Quý II's in progress) are checked; the form is written as
Markdown, Word and Excel. Then the 766 indicators that come from dossiers are scored for the
whole province, with the flag counts (e-result, digitised ...) the one-stop system gives.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from cchc.dossiers import Period, evaluate, read_csv, summarize
from cchc.errors import MissingExtraError
from cchc.indices.qd766_dossiers import counts_from_stats, score_dossier_indicators
from cchc.reporting.statistics import check_form, fill_form, previous_period
from cchc.reporting.statistics_render import to_docx, to_markdown, to_xlsx
from cchc.reporting_periods import reporting_period
from cchc.samples import write_sample

# Files go into the folder given as the first argument, else under the system's temporary
# folder (never into the folder the script runs in); force=True replaces an earlier run's.
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "cchc-examples"
csv_path = write_sample("dossiers", folder / "dossiers_2025.csv", force=True)
frame = read_csv(csv_path)
results = evaluate(frame)

q3 = reporting_period("nd09-2019", "Q3", 2025, due=False)
form = fill_form(frame, results, q3, reporting_unit="UBND tỉnh (synthetic)")
before = previous_period(q3)
assert before is not None
previous = fill_form(frame, results, before)
findings = check_form(form, previous)
print(to_markdown(form))
print(f"checked against {previous.period}: {len(findings)} finding(s)")
print("grand total, columns (3)..(13):", form.total.values)

for writer, name in ((to_docx, "bieu06_q3_2025.docx"), (to_xlsx, "bieu06_q3_2025.xlsx")):
    try:
        print("wrote", writer(form, folder / name, force=True))
    except MissingExtraError as exc:  # python-docx / openpyxl not installed
        print("skipped", name, ":", exc)

# the 766 indicators of the same window, for the whole province
window = Period(q3.start, q3.end + timedelta(days=1), form.period)
row = summarize(frame, results, window)[0]
counts = counts_from_stats(
    row, e_result=row.counts.to_handle * 7 // 10, digitised=row.counts.to_handle // 4
)
card = score_dossier_indicators(counts, row, unit="UBND tỉnh (synthetic)", period=form.period)
for key in ("2.1", "4.1", "4.2"):
    item = card.item(key)
    print(f"766 {key}: {item.value} % -> {item.points} / {item.max_points}")
