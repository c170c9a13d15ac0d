"""Reading a dossier file as an office exports it: UTF-16, Vietnamese headers, day-first dates.

The file below is what a provincial one-stop system might export from a spreadsheet:
UTF-16 text, Vietnamese column names, dates written ``dd/mm/yyyy HH:MM`` (Vietnam time),
one label typed with decomposed accents, and two bad rows. ``read_csv`` reads it with
explicit options (nothing is guessed) and, with ``on_bad_rows="collect"``, keeps the
good rows and lists the bad ones with their file line.

    python examples/dossier_files.py
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from cchc.dossiers import evaluate, read_csv

ROWS = [
    "Cơ quan,Hình thức nộp,Ngày tiếp nhận,Thời hạn,Đơn vị thời hạn,Ngày trả kết quả",
    "Sở Tư pháp,online,03/03/2025 09:00,5,working_days,07/03/2025 16:30",
    # the same agency, typed on a keyboard that does not compose accents (NFD)
    unicodedata.normalize("NFD", "Sở Tư pháp") + ",in_person,04/03/2025 14:10,5,working_days,",
    "Sở Tư pháp,online,31/02/2025 09:00,5,working_days,",  # no 31 February
    "Sở Y tế,post,05/03/2025 08:00,4.9999999999999999,working_days,",  # not a whole number
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ho_so.csv"
        path.write_text("\n".join(ROWS) + "\n", encoding="utf-16")
        frame, bad = read_csv(path, encoding="utf-16", dayfirst=True, on_bad_rows="collect")
    _codes, labels = frame.group("agency")
    print(f"{len(frame)} good rows; agencies: {', '.join(labels)} (one group, NFC)")
    results = evaluate(frame)
    for line, due in zip(frame.row_numbers, results.to_pandas()["due_at"], strict=True):
        print(f"  line {line}: due {due:%d/%m/%Y %H:%M}")
    print("bad rows:")
    for row in bad.itertuples(index=False):
        print(f"  line {row.row}, {row.field}: {row.message}")


if __name__ == "__main__":
    main()
