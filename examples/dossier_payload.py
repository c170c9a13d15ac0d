"""A dossier record end to end: findings, forms, the portal payload and back, statistics.

Reads the bundled sample dossier (``cchc example dossier-json``) of the real procedure
2.000055, checks it against the procedure's case (papers, fees, code), fills the receipt
without keyword inputs, builds the payload a one-stop system syncs to the national portal
(dates yyyyMMddHHmmss, status code, supplements and reschedulings), reads it back, and
counts the 766 record indicators for it as one row of the column engine.

Run: PYTHONPATH=src python examples/dossier_payload.py
"""

from __future__ import annotations

import json
from datetime import datetime

from cchc.dossiers import Dossier, evaluate, from_dossiers, summarize, year_period
from cchc.forms import fill
from cchc.procedures import load_portal_sample
from cchc.samples import sample_text
from cchc.tz import VN_TZ


def main() -> None:
    dossier = Dossier.model_validate_json(sample_text("dossier-json"))
    procedure = load_portal_sample().find(dossier.procedure_code or "")[0]
    print(f"{dossier.code}: {procedure.name}")
    print(f"applicant (masked in repr): {dossier.applicant!r}")
    print(f"fees due: {[(f.name, f.amount_vnd) for f in dossier.fees]}")
    print(f"findings: {[f.code for f in dossier.findings(procedure)] or 'none'}")

    receipt = fill("receipt", dossier, procedure=procedure, agency=dossier.agency)
    print(
        f"\nreceipt filled from the record: {len(receipt.fields)} fields, signed by "
        f"{[s.name for s in receipt.signatures]}"
    )

    payload = dossier.to_portal_payload(procedure=procedure)
    shown = {
        k: payload[k]
        for k in (
            "MaHoSo",
            "MaTTHC",
            "NgayTiepNhan",
            "NgayHenTra",
            "TrangThaiHoSo",
            "NgayKetThucXuLy",
            "NgayTra",
        )
    }
    print("\nportal payload (excerpt):")
    print(json.dumps(shown, ensure_ascii=False, indent=2))
    for item in payload["DanhSachHoSoBoSung"]:
        print(
            f"  bổ sung / gia hạn {item['HoSoBoSungId']}: TrangThaiBoSung "
            f"{item['TrangThaiBoSung']}, {item['NgayHenTraTruoc']} -> {item['NgayHenTraMoi']}"
        )
    print("status along the events:", [dossier.portal_status(ev.at) for ev in dossier.events])

    back = Dossier.from_portal_payload(payload, procedure=procedure, channel=dossier.channel)
    assert back.to_portal_payload(procedure=procedure) == payload
    print(f"read back: same payload; due {back.due_date():%d/%m/%Y %H:%M} as before")

    frame = from_dossiers([dossier])
    (row,) = summarize(
        frame, evaluate(frame), year_period(2026), as_of=datetime(2027, 1, 1, tzinfo=VN_TZ)
    )
    c = row.counts
    print(
        f"\n766 counts: 1.4 synced {c.synced}/{c.received}, 4.1 e-result {c.e_result}/"
        f"{c.to_handle}, 4.2 digitised {c.digitised}/{c.to_handle}, 6.1 paid online "
        f"{c.paid_online}/{c.payment_base}"
    )


if __name__ == "__main__":
    main()
