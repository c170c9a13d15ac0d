"""Build the figures of a quarterly CCHC report, check them, write the .docx.

Seed 002 is the report of Sở Y tế Bà Rịa - Vũng Tàu for quý I/2022 (regime of
Bộ Nội vụ, data window 15/12/2021 - 14/3/2022, due 20/3/2022). It states 25 tasks
of the annual plan, 10 done and 15 in progress, and 126 procedures online, 50 at
level 3 and 76 at level 4. The plan's task list is not in the seed, so the plan
below has 25 placeholder tasks with the seed's statuses; the report is then built
from it and checked, the seed's own slips are added back (a placeholder left for a
colleague, dates outside the period, one number used for two plans), and the
report is written as ``bao_cao_cchc_quy_I_2022.docx`` in the current directory.

Run: ``PYTHONPATH=src python examples/plans_quarterly_report.py``
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx

from cchc.plans import InProgressPolicy, Plan, Task, check_targets, completion, example_plan
from cchc.plans.models import DocumentRef
from cchc.reporting import (
    OUTLINE,
    DossierFigures,
    build_report,
    check_report,
    dossier_on_time_rate,
    reporting_period,
    to_docx,
)

AREAS = ["the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "che_do_cong_vu"]
AREAS += ["tai_chinh_cong", "chinh_phu_so"]


def seed_002_plan() -> Plan:
    """KH 219/KH-SYT (27/12/2021) as counted in seed 002: 25 tasks, 10 done, 15 in progress."""
    tasks = [
        Task(
            id=f"NV{i:02}",
            area=AREAS[i % len(AREAS)],
            title=f"Nhiệm vụ {i} của Kế hoạch CCHC năm 2022",
            owner="Văn phòng Sở" if i % 2 else "Phòng Nghiệp vụ",
            due=date(2022, 12, 31),
            status="done" if i <= 10 else "in_progress",
            completed_on=date(2022, 3, 1) if i <= 10 else None,
        )
        for i in range(1, 26)
    ]
    return Plan(
        number="219/KH-SYT",
        issuer="Sở Y tế tỉnh Bà Rịa - Vũng Tàu",
        signed_on=date(2021, 12, 27),
        title="Kế hoạch cải cách hành chính năm 2022 của ngành Y tế",
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        programme="nq76-2021",
        tasks=tasks,
    )


def output_folder() -> Path:
    """The folder given as the first argument, else ``cchc-examples`` under the system's
    temporary folder: never the folder the script runs in (a repository checkout)."""
    temp = Path(tempfile.gettempdir()) / "cchc-examples"
    return Path(sys.argv[1]) if len(sys.argv) > 1 else temp


def main() -> None:
    period = reporting_period("bnv-cchc", "Q1", 2022)
    print(f"Quý I/2022 (bnv-cchc): data {period.start:%d/%m/%Y} - {period.end:%d/%m/%Y}, ", end="")
    print(f"due {period.due:%d/%m/%Y} ({period.due_source.cite()})")
    # 20/3/2022 was a Sunday: the deadline rolls to the next working day (BLDS 2015 Đ148 k5).
    print(f"Last day to send: {period.last_day():%d/%m/%Y} ({period.roll_forward_source.cite()})")
    general = reporting_period("nd09-2019", "Q1", 2022)
    agency_deadline = date(2022, 3, 25)  # made up: the requesting agency sets it
    sent_in_time = general.on_time(date(2022, 3, 24), deadline=agency_deadline)
    print(
        f"ND 09/2019 sets only the earliest deadline, {general.due:%d/%m/%Y}; sent 24/03 ", end=""
    )
    print(f"with an agency deadline of {agency_deadline:%d/%m/%Y}: on time = {sent_in_time}")

    plan = seed_002_plan()
    state = completion(plan, period.end).overall
    print(f"Plan {plan.number}: {state.done} done + {state.in_progress} in progress = ", end="")
    print(f"{state.total} tasks; completion {state.rate}% (strict), ", end="")
    as_done = completion(plan, period.end, policy=InProgressPolicy.AS_DONE).overall.rate
    print(f"{as_done}% if tasks in progress counted as done")

    dossiers = DossierFigures(
        carried_over=40, received=1460, resolved=1420, resolved_early=900,
        resolved_on_due=505, resolved_late=15, pending=80, online_received=610,
    )  # fmt: skip
    report = build_report(plan, "bnv-cchc", "Q1", 2022, dossiers=dossiers, online_services=(50, 76))
    d = report.digital
    print(f"Online services: {d.online_services_level3} (mức độ 3) + ", end="")
    print(f"{d.online_services_level4} (mức độ 4) = {d.online_services_total}")
    print(f"Dossiers on time: {dossier_on_time_rate(dossiers)}%")
    clean = check_report(report)
    print(f"Built report: {len(clean)} finding(s)")

    # The seed's own slips, added back as the office wrote them.
    slipped = report.model_copy(
        update={
            "plan": report.plan.model_copy(
                update={
                    "plan": DocumentRef(number="219/KH-SYT", signed_on=date(2021, 12, 27)),
                    "plan_year": 2021,
                }
            ),
            "direction": report.direction.model_copy(
                update={
                    "documents_issued": [
                        DocumentRef(
                            number="177/PC-SYT",
                            signed_on=date(2022, 2, 25),
                            title="triển khai Kế hoạch CCHC năm 2022 của tỉnh",
                            refers_to=(
                                DocumentRef(number="5065/QĐ-UBND", signed_on=date(2022, 12, 31)),
                            ),
                        ),
                        DocumentRef(
                            number="1295/SYT-VP",
                            signed_on=date(2020, 3, 3),
                            title="triển khai Kế hoạch hoạt động của Trung tâm PVHCC năm 2022",
                        ),
                    ]
                }
            ),
            "inspection": report.inspection.model_copy(
                update={
                    "plan": DocumentRef(
                        number="22/KH-SYT",
                        signed_on=date(2022, 2, 21),
                        title="kiểm tra công tác cải cách hành chính năm 2022",
                    )
                }
            ),
            "communication": report.communication.model_copy(
                update={
                    "plan": DocumentRef(
                        number="22/KH-SYT",
                        signed_on=date(2022, 2, 21),
                        title="tuyên truyền công tác cải cách hành chính năm 2022",
                    )
                }
            ),
            "civil_service": report.civil_service.model_copy(
                update={
                    "classes_approved": 4,
                    "classes_not_held": 4,
                    "notes": "Số lớp đã tổ chức:.....lớp.",
                }
            ),
            "digital": d.model_copy(
                update={
                    "notes": "Tỷ lệ giải quyết hồ sơ trực tuyến trong quý:"
                    "nhờ Ngân thêm vào giúp nha"
                }
            ),
        }
    )
    findings = check_report(slipped)
    print(f"Seed 002 as written: {len(findings)} finding(s)")
    for f in findings:
        print(f"  {f}")

    seed3 = example_plan()
    made_up = {"satisfaction_procedures": Decimal("84.2"), "on_time_dossiers": Decimal("88.5")}
    for c in check_targets(made_up, seed3.targets[:2], as_of=date(2019, 6, 30)):
        print(f"Seed 003 target, as of 30/06/2019: {c.describe()}")

    folder = output_folder()
    out = to_docx(report, folder / "bao_cao_cchc_quy_I_2022.docx", force=True)
    headings = [
        p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading")
    ]
    same = headings == [text for _, text in OUTLINE]
    print(f"Wrote {out.name}: {len(headings)} section headings, outline order kept: {same}")


if __name__ == "__main__":
    main()
