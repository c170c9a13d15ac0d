"""A real national TTHC record: import, cases and channels, deadlines, round trip, fees.

Reads the bundled record 1.000811 "Cấp mới thẻ ABTC" (dichvucong.gov.vn), whose time limit
and fee differ by channel, computes the due date per channel for a dossier received on a
Monday, writes the record back in the portal's form, reads a multi-case time limit and applies
the Thông tư 64/2025/TT-BTC fee reduction to a fee that names it.

Run: PYTHONPATH=src python examples/procedure_portal.py
"""

from __future__ import annotations

from datetime import date, datetime

from cchc.dossiers import due_date
from cchc.procedures import Fee, Procedure, amount_due, load_portal_sample, parse_time_limits
from cchc.tz import VN_TZ


def main() -> None:
    catalogue = load_portal_sample()
    print(f"{len(catalogue)} real national records bundled")
    abtc = catalogue.find("1.000811")[0]
    print(f"\n{abtc.code} {abtc.name} ({abtc.level.value if abtc.level else '?'})")
    received = datetime(2026, 3, 2, 9, 0, tzinfo=VN_TZ)  # a Monday
    for terms in abtc.channels:
        limit = abtc.time_limit_for(terms.channel)
        amount, unit = limit.engine_terms()
        due = due_date(received, amount, unit)
        fee = abtc.fee_for(terms.channel)
        shown = "miễn phí" if fee is not None and fee.free else (fee.amount_vnd if fee else "?")
        print(f"  {terms.channel.value:9} {amount} {unit:12} due {due:%d/%m/%Y %H:%M}  fee {shown}")
    parts = abtc.cases[0].parts
    print(f"  {len(parts)} papers, {len(abtc.cases[0].required_parts())} required")

    record = abtc.to_portal()
    assert Procedure.from_portal(record, source=abtc.source) == abtc
    print(f"  round trip through the portal record: {len(record)} fields kept")

    text = (
        "Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý để giải "
        "quyết; đối với vụ việc phức tạp thì thời hạn giải quyết có thể kéo dài hơn nhưng "
        "không quá 45 ngày, kể từ ngày thụ lý để giải quyết."
    )
    print("\nA time limit with two cases (Cổng DVC quốc gia, 1.000178):")
    for found in parse_time_limits(text):
        print(f"  {found.case or '(general)'}: {found.limit.amount} {found.limit.unit.value}")

    fee = Fee(text="Lệ phí đăng ký doanh nghiệp", amount_vnd=50_000, reduced_by=("TT64-2025",))
    for day in (date(2026, 12, 31), date(2027, 1, 1)):
        print(f"  lệ phí due on {day:%d/%m/%Y}: {amount_due(fee, day)} đồng (TT 64/2025/TT-BTC)")


if __name__ == "__main__":
    main()
