"""CLI: ``cchc calendar days YEAR``, ``calendar add-days DATE N``, ``calendar is-working DATE``.

``is-working`` exits 0 on a working day and 1 on a day off, like ``test``, so a
shell script can write ``if cchc calendar is-working 2025-01-28; then ...``.

An answer that rests on a day whose reading is not confirmed from an original
text (secondary, derived or provisional: :meth:`OfficialCalendar.unconfirmed_days
<cchc.calendar.OfficialCalendar.unconfirmed_days>`) says so: ``--json`` gives
``"confirmed": false`` and the days under ``"unconfirmed_days"`` with their
sources; the plain output adds a ``cchc: note:`` line on stderr.

The plain ``is-working`` answer for a covered day comes from
:mod:`cchc.calendar.plain` (the weekly rule and that year's bundled file), so a
script asking once does not pay for building the whole calendar; ``--json`` and
days outside the coverage are answered by :class:`~cchc.calendar.OfficialCalendar`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from cchc._cli_util import add_json, iso_date, print_json, print_table, weekday_vi
from cchc.calendar.plain import WEEKEND, day_status

if TYPE_CHECKING:
    from cchc.calendar.entries import CalendarEntry
    from cchc.calendar.official import Provisional

__all__ = ["print_entries", "register"]


_PROVISIONAL_HELP = "allow a year outside the bundled notices (answer marked provisional)"


def register(subparsers: Any) -> None:
    """Add the verbs of ``cchc calendar``."""
    p = subparsers.add_parser(
        "days", help="official days off and make-up working days of a year, with sources"
    )
    p.add_argument("year", type=int, help="the year, e.g. 2025")
    _finish(p, _calendar)

    p = subparsers.add_parser("add-days", help="the N-th working day after DATE (DATE not counted)")
    p.add_argument("date", type=iso_date, help="start date, YYYY-MM-DD (not counted)")
    p.add_argument("n", type=int, help="working days to add (negative: go back)")
    _finish(p, _add_days)

    p = subparsers.add_parser(
        "is-working", help="whether DATE is a working day (exit 0) or a day off (exit 1)"
    )
    p.add_argument("date", type=iso_date, help="the day, YYYY-MM-DD")
    _finish(p, _is_working)


def _finish(p: argparse.ArgumentParser, handler: Callable[[argparse.Namespace], int]) -> None:
    """The options every calendar verb shares (``--json``, ``--provisional``), and its handler."""
    add_json(p)
    p.add_argument("--provisional", action="store_true", help=_PROVISIONAL_HELP)
    p.set_defaults(handler=handler)


def _entry_json(entry: CalendarEntry) -> dict[str, Any]:
    return {
        "date": entry.day.isoformat(),
        "weekday": entry.day.strftime("%A"),
        "kind": entry.kind.value,
        "kind_vi": entry.kind.vietnamese,
        "name_vi": entry.name_vi,
        "name_en": entry.name_en,
        "sources": [s.cite() for s in entry.sources],
        "verification": entry.verification.value,
        "provisional": entry.provisional,
        "confirmed": entry.confirmed,
        "note": entry.note,
    }


def _calendar(args: argparse.Namespace) -> int:
    from cchc.calendar.default import default_calendar

    cal = default_calendar()
    entries = cal.entries(args.year, provisional=args.provisional)
    if args.json:
        print_json([_entry_json(e) for e in entries])
        return 0
    print_entries(entries)
    return 0


def print_entries(entries: list[CalendarEntry]) -> None:
    """Print calendar entries as a table: date, weekday, kind, name, sources, how read."""
    rows = [
        (
            e.day.isoformat(),
            weekday_vi(e.day),
            e.kind.vietnamese,
            e.name_vi,
            "; ".join(s.number for s in e.sources),
            e.verification.value + (" (tạm tính)" if e.provisional else ""),
        )
        for e in entries
    ]
    print_table(("ngày", "thứ", "loại", "tên", "căn cứ", "cách đọc"), rows)


def _add_days(args: argparse.Namespace) -> int:
    from cchc.calendar.default import default_calendar

    cal = default_calendar()
    if not args.provisional:
        cal.add_working_days(args.date, args.n)  # refused outside the coverage
    answer = cal.add_working_days(args.date, args.n, provisional=True)
    value = answer.value
    if args.json:
        print_json({"date": args.date, "n": args.n, "result": value, **_rests_on(answer)})
    else:
        print(value.isoformat() + (" (provisional)" if answer.provisional else ""))
        _note(_noted(answer.unconfirmed))
    return 0


def _is_working(args: argparse.Namespace) -> int:
    status = None if args.json else day_status(args.date)
    if status is not None:  # a covered day: the weekly rule and that year's bundled file
        _say_working(args.date.isoformat(), status.working, status.reason)
        e = status.entry
        if e is not None and not e.confirmed:
            _note([(e.day.isoformat(), e.name_vi, e.verification, e.sources)])
        return 0 if status.working else 1
    from cchc.calendar.default import default_calendar

    cal = default_calendar()
    if not args.provisional:
        cal.is_working_day(args.date)  # refused outside the coverage
    answer = cal.is_working_day(args.date, provisional=True)
    value = answer.value
    entry = cal.entry(args.date) if args.date.year in cal.coverage else None
    reason = entry.name_vi if entry else (WEEKEND if args.date.weekday() >= 5 else "")
    if args.json:
        print_json(
            {
                "date": args.date,
                "working_day": value,
                "reason": reason or None,
                "entry": _entry_json(entry) if entry else None,
                **_rests_on(answer),
            }
        )
    else:
        _say_working(args.date.isoformat(), value, reason)
        _note(_noted(answer.unconfirmed))
    return 0 if value else 1


def _say_working(day: str, working: bool, reason: str) -> None:
    word = "ngày làm việc" if working else "ngày nghỉ"
    print(f"{day}: {word}" + (f" ({reason})" if reason else ""))


def _rests_on(answer: Provisional[Any]) -> dict[str, Any]:
    """What an answer rests on: beyond the coverage (``provisional``), and which days
    of it are not confirmed from an original text, with their sources."""
    return {
        "provisional": answer.provisional,
        "confirmed": answer.confirmed,
        "unconfirmed_days": [e.ref() for e in answer.unconfirmed],
    }


_Noted = tuple[str, str, str, Iterable[str]]
"""An unconfirmed day as the note names it: date, name, how read, its sources."""


def _noted(entries: Sequence[CalendarEntry]) -> list[_Noted]:
    return [
        (e.day.isoformat(), e.name_vi, e.verification.value, [s.key or s.number for s in e.sources])
        for e in entries
    ]


def _note(unconfirmed: Sequence[_Noted]) -> None:
    if not unconfirmed:
        return
    days = "; ".join(
        f"{day} {name} ({how}" + "".join(f", {s}" for s in cited) + ")"
        for day, name, how, cited in unconfirmed
    )
    print(
        f"cchc: note: the answer rests on {len(unconfirmed)} day(s) not confirmed "
        f"from an original text: {days}",
        file=sys.stderr,
    )
