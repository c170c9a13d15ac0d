"""Public entry points of cchc and random inputs for them (shared by the fuzz suite and
``benchmarks/fuzz_long.py``).

Every generator takes a :class:`random.Random` and returns the arguments of one call:
random and mutated seed text (the real documents in ``tests/documents/fixtures``),
wrong types, edge dates (years 1, 9999, 1900, 2100), aware datetimes near the
limits, NaN/inf/huge numbers, and mutated YAML/CSV text. A call may raise only a
:class:`cchc.errors.CchcError`; :func:`run` sorts the outcome.
"""

from __future__ import annotations

import functools
import math
import random
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc.errors import CchcError

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "tests" / "documents" / "fixtures"
SEEDS = tuple(p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt")))
PLAN_YAML = (ROOT / "src" / "cchc" / "plans" / "data" / "kh_5601_syt_2017.yaml").read_text(
    encoding="utf-8"
)
FRAMEWORK_YAML = (ROOT / "src" / "cchc" / "indices" / "data" / "par_index.yaml").read_text(
    encoding="utf-8"
)
DOSSIER_CSV = (
    ROOT / "src" / "cchc" / "dossiers" / "data" / "synthetic_dossiers_2025.csv"
).read_text(encoding="utf-8")
CSV_HEAD = "\n".join(DOSSIER_CSV.splitlines()[:30]) + "\n"

PIECES = (
    "Quyết định", "số", " ", "\n", "/", "-", "ngày", "tháng", "năm", "của", "về", "UBND",
    "QĐ", "Q\u00d0", "NĐ-CP", "KH-SYT", "Số:", ".....", "05", "2022", "31/02/2022",
    "29/02/2100", "01/01/0001", "31/12/9999", "(", ")", ";", "trước ngày", "trong thời hạn",
    "ngày làm việc", "Nơi nhận:", "V/v", "quý I/2022", "ban hành", "Thực hiện", "Căn cứ",
    "\u0301", "\x00", "\ufeff", "9" * 40, "%", "tỷ lệ", "đạt 100%",
)  # fmt: skip

NUMBERS = ("5601/KH-SYT", "05/KH-SYT", "107/2021/NĐ-CP", "4567/BNV-CCHC", "01/2018/TT-VPCP",
           "05-NQ/TU", "177/PC-SYT", "22/KH-SYT", "1295/SYT-VP", "61/2018/NĐ-CP")  # fmt: skip

WEIRD: tuple[object, ...] = (
    None, True, False, 0, -1, 1, 2**63, -(2**63), 10**30, -(10**30), 1.5, math.nan,
    math.inf, -math.inf, Decimal("NaN"), Decimal("Infinity"), Decimal("1e999"), "", " ",
    "x", "2025-01-01", b"x", bytearray(b"\xff"), [], {}, (), object(), date(1, 1, 1),
    date(9999, 12, 31), complex(1, 1),
)  # fmt: skip

EDGE_YEARS = (
    1,
    2,
    1899,
    1900,
    1901,
    1999,
    2000,
    2014,
    2015,
    2025,
    2027,
    2028,
    2099,
    2100,
    9998,
    9999,
)
ZONES = (UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=14)),
         timezone(timedelta(hours=-12)), timezone(timedelta(hours=23, minutes=59)))  # fmt: skip


def mutate(rnd: random.Random, text: str, steps: int = 4) -> str:
    """``text`` with a few random edits: cut, splice of a piece, character flip, repeat."""
    for _ in range(rnd.randint(0, steps)):
        n = len(text)
        i = rnd.randint(0, n)
        op = rnd.randrange(6)
        if op == 0:
            text = text[:i] + text[i + rnd.randint(1, 40) :]
        elif op == 1:
            text = text[:i] + rnd.choice(PIECES) + text[i:]
        elif op == 2 and n:
            text = (
                text[:i]
                + chr(rnd.choice((rnd.randint(0, 0x2FF), rnd.randint(0, 0x10FFFF))))
                + text[i + 1 :]
            )
            text = text.encode("utf-8", "replace").decode("utf-8", "replace")
        elif op == 3:
            j = rnd.randint(i, min(n, i + 80))
            text = text[:i] + text[i:j] * rnd.randint(2, 6) + text[j:]
        elif op == 4:
            text = text[:i] + str(rnd.choice((0, 1, 12, 31, 99, 2022, 10**9, -5))) + text[i:]
        else:
            text = (
                text[:i] + " ".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 8))) + text[i:]
            )
    return text


def any_text(rnd: random.Random) -> str:
    """A random, pieced or mutated-seed text (at most a few kB)."""
    k = rnd.randrange(4)
    if k == 0:
        return "".join(chr(rnd.randint(0, 0x24F)) for _ in range(rnd.randint(0, 60)))
    if k == 1:
        return " ".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40)))
    seed = rnd.choice(SEEDS)
    start = rnd.randrange(len(seed))
    return mutate(rnd, seed[start : start + rnd.randint(0, 3000)])


def aware_moment(rnd: random.Random) -> datetime:
    """An aware datetime in the calendar's coverage (2015-2027), often on a boundary hour."""
    day = date(rnd.randint(2015, 2027), 1, 1) + timedelta(days=rnd.randint(0, 364))
    hour = rnd.choice((0, 7, 8, 11, 12, 13, 15, 16, 17, 23, rnd.randint(0, 23)))
    return datetime.combine(day, time(hour, rnd.choice((0, 30, 59))), tzinfo=rnd.choice(ZONES))


def any_day(rnd: random.Random) -> object:
    """An edge or ordinary date, an aware datetime near a limit, or a wrong type."""
    k = rnd.randrange(6)
    if k == 0:
        return rnd.choice(WEIRD)
    year = rnd.choice(EDGE_YEARS)
    day = date(year, 1, 1) + timedelta(days=rnd.randint(0, 364))
    if k == 1:
        return datetime.combine(day, time(rnd.randint(0, 23), rnd.randint(0, 59)))  # naive
    if k in (2, 3):
        return datetime.combine(day, time(rnd.randint(0, 23)), tzinfo=rnd.choice(ZONES))
    return day


def any_value(rnd: random.Random) -> object:
    """A number, a weird value or a text."""
    k = rnd.randrange(4)
    if k == 0:
        return rnd.choice(WEIRD)
    if k == 1:
        return rnd.choice(
            (rnd.randint(-(10**6), 10**6), rnd.uniform(-1e6, 1e6), 10 ** rnd.randint(0, 40))
        )
    if k == 2:
        return any_day(rnd)
    return any_text(rnd)[:20]


FRAMEWORKS = ("par-example-department", "pci-2013", "qd766-portal", "tt01-agency")


@functools.cache
def _department_inputs() -> dict[str, Any]:
    from cchc._data import read_user_yaml

    items: dict[str, Any] = read_user_yaml(
        ROOT / "examples" / "data" / "indices_department_2024.yaml"
    )["items"]
    return items


@functools.cache
def _plan() -> Any:
    from cchc.plans import example_plan

    return example_plan()


def _calendar() -> Any:
    from cchc.calendar import default_calendar

    return default_calendar()


def _calendar_call(
    rnd: random.Random,
) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    cal = _calendar()
    name = rnd.choice(("is_working_day", "add_working_days", "working_days_between",
                       "next_working_day", "previous_working_day", "rollforward", "rollback",
                       "days_off", "entries", "entry"))  # fmt: skip
    kw: dict[str, Any] = {"provisional": True} if rnd.random() < 0.3 else {}
    if name in ("next_working_day", "previous_working_day", "rollforward", "rollback", "entry"):
        kw = {}
    if name == "add_working_days":
        args: tuple[Any, ...] = (
            any_day(rnd),
            any_value(rnd) if rnd.random() < 0.3 else rnd.randint(-400, 400),
        )
    elif name == "working_days_between":
        args = (any_day(rnd), any_day(rnd))
    elif name in ("days_off", "entries"):
        args = (rnd.choice((*EDGE_YEARS, *WEIRD)),)
    else:
        args = (any_day(rnd),)
    return getattr(cal, name), args, kw


def _due_date(rnd: random.Random) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.dossiers import due_date

    amount = rnd.randint(0, 60) if rnd.random() < 0.7 else any_value(rnd)
    unit = rnd.choice(("working_days", "working_days", "days", "hours", "months", "weeks", None))
    received = aware_moment(rnd) if rnd.random() < 0.6 else any_day(rnd)
    return due_date, (received, amount, unit), {}


def _dossier(rnd: random.Random) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.dossiers import Dossier

    kinds = ("received", "supplement_requested", "supplement_received", "rescheduled",
             "paused", "resumed", "decided", "returned", "bogus")  # fmt: skip
    start = aware_moment(rnd)
    events: list[dict[str, Any]] = [{"kind": "received", "at": start}]
    for _ in range(rnd.randint(0, 4)):
        at = (
            start + timedelta(hours=rnd.randint(-5, 24 * 40))
            if rnd.random() < 0.8
            else any_day(rnd)
        )
        events.append({"kind": rnd.choice(kinds), "at": at})
    if rnd.random() < 0.1:
        events = [{"kind": rnd.choice(kinds), "at": any_day(rnd)}]
    if events and rnd.random() < 0.3:
        events[0]["new_due_at"] = any_day(rnd)
    data: dict[str, Any] = {
        "channel": rnd.choice(("in_person", "online", "online", "post", None)),
        "amount": rnd.randint(0, 30) if rnd.random() < 0.7 else any_value(rnd),
        "unit": rnd.choice(("working_days", "days", "hours", "months", "?")),
        "events": events if rnd.random() < 0.9 else any_value(rnd),
    }

    def build_and_deadline(**kw: Any) -> object:
        dossier = Dossier(**kw)
        return dossier.deadline()

    return build_and_deadline, (), data


def _text_entry(
    name: str,
) -> Callable[[random.Random], tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]]:
    def gen(rnd: random.Random) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
        from cchc import documents

        func: Callable[..., object] = (
            documents.DirectiveDocument.from_text
            if name == "from_text"
            else getattr(documents, name)
        )
        text: object = any_text(rnd) if rnd.random() < 0.95 else rnd.choice(WEIRD)
        if name == "parse_number":
            number = rnd.choice(NUMBERS)
            text = mutate(rnd, number, 2) if rnd.random() < 0.8 else any_text(rnd)[:30]
            text = text if rnd.random() < 0.95 else rnd.choice(WEIRD)
        kw: dict[str, Any] = {}
        if name in ("lint", "extract_deadlines") and rnd.random() < 0.3:
            kw["issued_on"] = any_day(rnd)
        return func, (text,), kw

    return gen


def _lookup(rnd: random.Random) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.units import lookup

    name = rnd.choice(("Hà Nội", "77", "Ba Ria - Vung Tau", "01", "Thành phố Hồ Chí Minh"))
    arg: object = mutate(rnd, name, 2) if rnd.random() < 0.8 else rnd.choice(WEIRD)
    return lookup, (arg,), {"on": any_day(rnd)}


def _reporting_period(
    rnd: random.Random,
) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.reporting import reporting_period

    regime = rnd.choice(("bnv-cchc", "nd09-2019", "x", None))
    kind = rnd.choice(("Q1", "H1", "Q3", "Y", "M1", "M12", "9M", "Q4", "", None))
    year = rnd.choice((*EDGE_YEARS, *WEIRD))
    return reporting_period, (regime, kind, year), {"due": rnd.random() < 0.5}


def _build_report(
    rnd: random.Random,
) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.reporting import build_report

    plan: object = _plan() if rnd.random() < 0.9 else rnd.choice(WEIRD)
    kw: dict[str, Any] = {}
    if rnd.random() < 0.5:
        kw["figures"] = {mutate(rnd, "cchc_1", 1): any_value(rnd) for _ in range(rnd.randint(0, 3))}
    if rnd.random() < 0.3:
        kw["online_services"] = (any_value(rnd), any_value(rnd))
    if rnd.random() < 0.3:
        kw["online_dossier_rate"] = any_value(rnd)
    year = rnd.choice((2017, 2018, 2019, *EDGE_YEARS, *WEIRD))
    kind = rnd.choice(("Q1", "H1", "Q3", "Y"))
    return build_report, (plan, rnd.choice(("bnv-cchc", "nd09-2019")), kind, year), kw


def _completion(
    rnd: random.Random,
) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.plans import completion

    plan: object = _plan() if rnd.random() < 0.95 else rnd.choice(WEIRD)
    kw = (
        {"policy": rnd.choice(("strict", "proportional", "half", "x"))}
        if rnd.random() < 0.3
        else {}
    )
    return completion, (plan, any_day(rnd)), kw


def _file_loader(
    suffix: str, base: str, load: Callable[[Path], object]
) -> Callable[[random.Random], tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]]:
    def gen(rnd: random.Random) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
        text = mutate(rnd, base, 6)
        raw = text.encode("utf-8")
        if rnd.random() < 0.1:
            i = rnd.randint(0, len(raw))
            raw = raw[:i] + bytes([rnd.randint(0x80, 0xFF)]) + raw[i:]

        def load_bytes(data: bytes) -> object:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"input{suffix}"
                path.write_bytes(data)
                return load(path)

        return load_bytes, (raw,), {}

    return gen


def _load_plan(path: Path) -> object:
    from cchc.plans import load_plan

    return load_plan(path)


def _load_framework(path: Path) -> object:
    from cchc.indices import load_framework

    return load_framework(path)


def _read_csv(path: Path) -> object:
    from cchc.dossiers import read_csv

    return read_csv(path)


def _score(rnd: random.Random) -> tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]:
    from cchc.indices import get_framework

    if rnd.random() < 0.5:  # the example department's real inputs, a few values changed
        fw = get_framework("par-example-department")
        real = dict(_department_inputs())
        for key in rnd.sample(sorted(real), k=min(len(real), rnd.randint(0, 3))):
            real[key] = any_value(rnd) if rnd.random() < 0.7 else mutate(rnd, str(real[key]), 1)
        inputs: object = real
    else:
        fw = get_framework(rnd.choice(FRAMEWORKS))
        ids = [i.id for i in fw.leaves()]
        inputs = {
            (rnd.choice(ids) if rnd.random() < 0.8 else mutate(rnd, "1.1", 1)): any_value(rnd)
            for _ in range(rnd.randint(0, 8))
        }
    if rnd.random() < 0.05:
        inputs = rnd.choice(WEIRD)
    from cchc.indices import score

    return score, (fw, inputs), {}


Generator = Callable[[random.Random], tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]]

ENTRY_POINTS: dict[str, Generator] = {
    "calendar": _calendar_call,
    "due_date": _due_date,
    "Dossier.deadline": _dossier,
    "parse_citations": _text_entry("parse_citations"),
    "lint": _text_entry("lint"),
    "extract_deadlines": _text_entry("extract_deadlines"),
    "parse_number": _text_entry("parse_number"),
    "DirectiveDocument.from_text": _text_entry("from_text"),
    "units.lookup": _lookup,
    "reporting_period": _reporting_period,
    "build_report": _build_report,
    "completion": _completion,
    "load_plan": _file_loader(".yaml", PLAN_YAML, _load_plan),
    "load_framework": _file_loader(".yaml", FRAMEWORK_YAML, _load_framework),
    "score": _score,
    "read_csv": _file_loader(".csv", CSV_HEAD, _read_csv),
}
"""Entry point name -> generator of one call."""


def run(name: str, rnd: random.Random) -> BaseException | None:
    """Make one call of entry point ``name``; return the exception it raised (if any).

    A :class:`CchcError` is returned like any other exception: the caller decides.
    """
    func, args, kwargs = ENTRY_POINTS[name](rnd)
    try:
        func(*args, **kwargs)
    except Exception as exc:
        return exc
    return None


def is_typed(exc: BaseException | None) -> bool:
    """Whether an outcome is allowed: no exception or a cchc error."""
    return exc is None or isinstance(exc, CchcError)
