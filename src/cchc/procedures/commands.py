"""CLI: ``cchc procedure import FILE`` and ``cchc procedure time-limit TEXT``."""

from __future__ import annotations

import argparse
from typing import Any

from cchc._cli_util import add_json, print_json, print_table
from cchc.errors import ValidationError

from .catalogue import read_portal_records
from .models import Procedure
from .terms import Fee, TimeLimit
from .time_limits import CaseTimeLimit, parse_time_limits
from .vocabulary import Channel

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc procedure``."""
    p = subparsers.add_parser(
        "import",
        help="validate a file of national TTHC records (JSON array or JSON lines) and summarise it",
        description="Read every record of a file of national TTHC records (the portal's "
        "LayThuTuc items: a JSON array or one JSON object a line). A bad record is reported "
        "with its place, its MATTHC and the field; nothing is written.",
    )
    p.add_argument("file", help="UTF-8 .json / .jsonl file of national TTHC records")
    add_json(p)
    p.set_defaults(handler=_import)

    p = subparsers.add_parser(
        "time-limit",
        help="read a published time limit (thời hạn giải quyết) per case and channel",
    )
    p.add_argument("text", help="the published wording, e.g. '05 ngày làm việc'")
    p.add_argument(
        "--channel",
        choices=[c.value for c in Channel],
        help="keep the limits that apply to one submission channel",
    )
    add_json(p)
    p.set_defaults(handler=_time_limit)


def _limit_text(limit: TimeLimit) -> str:
    if limit.amount is None:
        return limit.unit.vietnamese
    days = f" (= {limit.days} ngày)" if limit.days is not None else ""
    return f"{limit.amount} {limit.unit.vietnamese}{days}"


def _fee_text(fees: tuple[Fee, ...]) -> str:
    shown = []
    for fee in fees:
        if fee.free:
            shown.append("miễn phí")
        elif fee.amount_vnd is not None:
            shown.append(f"{fee.amount_vnd:,} đồng".replace(",", "."))
        elif fee.foreign_amount is not None:
            shown.append(f"{fee.foreign_amount} {fee.currency}")
        else:
            shown.append(fee.amount_text or fee.text or "?")
    return "; ".join(shown) or "-"


def _summary(p: Procedure) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "level": p.level.value if p.level is not None else None,
        "field": p.field,
        "channels": [
            {
                "channel": t.channel.value,
                "time_limit": t.time_limit.model_dump(mode="json") if t.time_limit else None,
                "fees": [f.model_dump(mode="json", exclude_defaults=True) for f in t.fees],
            }
            for t in p.channels
        ],
        "cases": len(p.cases),
        "parts": sum(len(c.parts) for c in p.cases),
        "required_parts": sum(len(c.required_parts()) for c in p.cases),
        "results": len(p.results),
        "legal_bases": [
            {"number": b.number, "registry_key": b.registry_key} for b in p.legal_bases
        ],
    }


def _import(args: argparse.Namespace) -> int:
    procedures = read_portal_records(args.file)
    if args.json:
        print_json({"file": args.file, "records": [_summary(p) for p in procedures]})
        return 0
    rows = []
    for p in procedures:
        per_channel = ", ".join(
            f"{t.channel.value} {_limit_text(t.time_limit or p.time_limit)}" for t in p.channels
        )
        fees = _fee_text(next((t.fees for t in p.channels if t.fees), ()))
        parts = sum(len(c.parts) for c in p.cases)
        rows.append((p.code, p.name[:48], per_channel, fees, parts))
    print_table(["code", "name", "time limit per channel", "fee", "parts"], rows)
    print(f"{len(procedures)} record(s) read from {args.file}, all valid")
    return 0


def _applies(found: CaseTimeLimit, channel: Channel | None) -> bool:
    return channel is None or found.channel in (None, channel)


def _time_limit(args: argparse.Namespace) -> int:
    found = parse_time_limits(args.text)
    channel = Channel(args.channel) if args.channel else None
    if channel is not None:
        by_case: dict[str | None, CaseTimeLimit] = {}
        for item in found:
            if _applies(item, channel) and (item.case not in by_case or item.channel is channel):
                by_case[item.case] = item
        found = list(by_case.values())
        if not found:
            raise ValidationError(
                f"the text names no time limit for the channel {channel.value}", field="channel"
            )
    if args.json:
        print_json(found)
        return 0
    rows = [
        (
            c.case or "(chung)",
            c.channel.value if c.channel else "(mọi kênh)",
            _limit_text(c.limit),
            c.limit.counted_from or "",
        )
        for c in found
    ]
    print_table(["case", "channel", "limit", "counted from"], rows)
    return 0
