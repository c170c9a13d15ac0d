"""Per-step due moments, lateness and the unit at fault of a dossier (quy trình nội bộ)."""

from datetime import datetime
from pathlib import Path

from cchc.dossiers import Dossier, step_report
from cchc.procedures import internal_process
from cchc.tz import VN_TZ

HERE = Path(__file__).parent
dossier = Dossier.model_validate_json((HERE / "data" / "dossier_steps.json").read_text("utf-8"))
process = internal_process("1.001806")
report = step_report(dossier, process, at=datetime(2025, 10, 21, 9, 0, tzinfo=VN_TZ))
for s in report.steps:
    if s.started_at is not None:
        print(f"Bước {s.number} ({s.unit}): hạn {s.due_at:%d/%m %H:%M}, {s.left.vietnamese()}")
print(f"Hạn trả hồ sơ {report.due_at:%d/%m/%Y %H:%M}: {report.remaining.vietnamese()}")
for unit, delay in report.at_fault:
    print(f"Đơn vị gây chậm: {unit} ({delay.text()})")
assert report.at_fault[0][0] == "Lãnh đạo Phòng Bảo trợ xã hội và Trẻ em"
