"""The report of seed 002 (Sở Y tế Bà Rịa-Vũng Tàu, báo cáo CCHC quý I/2022) as data."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def seed_002() -> dict[str, Any]:
    """Figures and references of seed 002 as the office wrote them (slips included)."""
    return {
        "issuer": "Sở Y tế tỉnh Bà Rịa - Vũng Tàu",
        "regime": "bnv-cchc",
        "kind": "Q1",
        "year": 2022,
        "plan": {
            "plan": {"number": "219/KH-SYT", "signed_on": "2021-12-27"},
            "plan_year": 2021,
            "tasks_total": 25,
            "tasks_done": 10,
            "tasks_in_progress": 15,
        },
        "direction": {
            "documents_issued": [
                {"number": "7351/SYT-VP", "signed_on": "2021-12-17"},
                {
                    "number": "177/PC-SYT",
                    "signed_on": "2022-02-25",
                    "refers_to": [{"number": "5065/QĐ-UBND", "signed_on": "2022-12-31"}],
                },
                {"number": "1295/SYT-VP", "signed_on": "2020-03-03"},
                {"number": "1347/SYT-VP", "signed_on": "2022-03-07"},
            ],
            "meetings": [{"number": "51/TB-SYT", "signed_on": "2022-03-10"}],
            "assigned_tasks_total": 2,
            "assigned_tasks_done": 2,
        },
        "inspection": {
            "plan": {
                "number": "22/KH-SYT",
                "signed_on": "2022-02-21",
                "title": "kiểm tra công tác cải cách hành chính năm 2022",
            }
        },
        "communication": {
            "plan": {
                "number": "22/KH-SYT",
                "signed_on": "2022-02-21",
                "title": "tuyên truyền công tác cải cách hành chính năm 2022",
            }
        },
        "civil_service": {
            "classes_approved": 4,
            "classes_not_held": 4,
            "notes": "Số lớp đã tổ chức:.....lớp.",
        },
        "public_finance": {"budget_revenue_rate": 100, "investment_disbursement_rate": 100},
        "digital": {
            "online_services_total": 126,
            "online_services_level3": 50,
            "online_services_level4": 76,
            "notes": "Tỷ lệ giải quyết hồ sơ trực tuyến trong quý:nhờ Ngân thêm vào giúp nha",
        },
    }
