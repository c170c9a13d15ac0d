"""Draw the documentation's figures from the library itself (hình minh họa).

Every picture in ``docs/figures/`` is computed by cchc from its bundled data, so a
change of rule or data changes the picture. CI runs this script before ``mkdocs
build``; run it yourself with::

    python tools/docs_figures.py            # writes docs/figures/*.png
    python tools/docs_figures.py OUT_DIR    # writes elsewhere

``mkdocs build`` and ``mkdocs serve`` redraw, through the hook ``tools/mkdocs_hooks.py``,
each figure that is missing or older than its inputs (:data:`INPUTS`, :func:`redraw_stale`).

Needs the ``plot`` and ``pandas`` extras (matplotlib, pandas).
"""

from __future__ import annotations

import calendar as pycal
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from cchc._data import data_path
from cchc.calendar import DayKind, OfficialCalendar, default_calendar
from cchc.dossiers import Channel, Dossier, Event, EventKind
from cchc.dossiers.results import evaluate
from cchc.dossiers.table.frame import read_csv
from cchc.dossiers.table.statistics import summarize, year_period
from cchc.indices import get_framework, score
from cchc.indices.chart import plot_areas
from cchc.indices.commands import read_inputs
from cchc.reporting import reporting_period
from cchc.tz import VN_TZ

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "figures"
EXAMPLE_DATA = ROOT / "examples" / "data"

COLOURS = {
    "work": "#ffffff",
    "weekend": "#d9d9d9",
    DayKind.HOLIDAY: "#e06666",
    DayKind.COMPENSATORY: "#f4a6a6",
    DayKind.SWAP_DAY_OFF: "#f6b26b",
    DayKind.MAKEUP_WORKDAY: "#93c47d",
}
LEGEND = [
    Patch(facecolor=COLOURS["work"], edgecolor="#999999", label="Ngày làm việc (working day)"),
    Patch(facecolor=COLOURS["weekend"], label="Nghỉ hằng tuần (weekly rest)"),
    Patch(facecolor=COLOURS[DayKind.HOLIDAY], label="Nghỉ lễ, Tết (holiday)"),
    Patch(facecolor=COLOURS[DayKind.COMPENSATORY], label="Nghỉ bù (compensatory)"),
    Patch(facecolor=COLOURS[DayKind.SWAP_DAY_OFF], label="Nghỉ hoán đổi (swapped day off)"),
    Patch(facecolor=COLOURS[DayKind.MAKEUP_WORKDAY], label="Đi làm bù (make-up working day)"),
]
WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _month(ax: Axes, cal: OfficialCalendar, year: int, month: int) -> None:
    """One month as a Monday-first grid, each day coloured by the official calendar."""
    ax.set_xlim(0, 7)
    ax.set_ylim(6.1, -0.9)
    ax.axis("off")
    ax.set_title(f"Tháng {month}/{year}", fontsize=11)
    for col, name in enumerate(WEEKDAYS):
        ax.text(col + 0.5, -0.4, name, ha="center", va="center", fontsize=8, color="#555555")
    for row, week in enumerate(pycal.Calendar().monthdayscalendar(year, month)):
        for col, dom in enumerate(week):
            if dom == 0:
                continue
            day = date(year, month, dom)
            entry = cal.entry(day)
            if entry is not None:
                colour = COLOURS[entry.kind]
            else:
                colour = COLOURS["work"] if cal.is_working_day(day) else COLOURS["weekend"]
            ax.add_patch(Rectangle((col + 0.05, row + 0.05), 0.9, 0.9, fc=colour, ec="#999999"))
            ax.text(col + 0.5, row + 0.5, str(dom), ha="center", va="center", fontsize=9)


def calendar_grid(path: Path, months: list[tuple[int, int]], title: str) -> None:
    """Month grids of the official calendar (lịch làm việc) for the given months."""
    cal = default_calendar()
    rows = (len(months) + 1) // 2
    fig, axes = plt.subplots(rows, 2, figsize=(6.6, 3.3 * rows + 0.9))
    for ax, (year, month) in zip(axes.flat, months, strict=True):
        _month(ax, cal, year, month)
    fig.suptitle(title, fontsize=12)
    fig.legend(handles=LEGEND, loc="lower center", ncol=2, fontsize=8, frameon=False)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.11, top=0.9, wspace=0.06, hspace=0.12)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)  # type: ignore[misc]


def dossier_timeline(path: Path) -> None:
    """A dossier's life: receipt, supplement request and answer, clock restart, due."""
    cal = default_calendar()
    events = (
        Event(kind=EventKind.RECEIVED, at=_vn(2025, 3, 3, 9, 0)),
        Event(kind=EventKind.SUPPLEMENT_REQUESTED, at=_vn(2025, 3, 5, 10, 0)),
        Event(kind=EventKind.SUPPLEMENT_RECEIVED, at=_vn(2025, 3, 10, 14, 0)),
    )
    dossier = Dossier(channel=Channel.IN_PERSON, amount=10, events=events)
    restart = dossier.due_date()
    waiting = dossier.due_date(policy="portal_766")
    first, last = date(2025, 3, 1), restart.date() + timedelta(days=2)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    fig, ax = plt.subplots(figsize=(11, 3.4))
    for i, day in enumerate(days):
        colour = COLOURS["work"] if cal.is_working_day(day) else COLOURS["weekend"]
        ax.add_patch(Rectangle((i, 0), 1, 1, fc=colour, ec="#999999"))
        ax.text(i + 0.5, 0.5, f"{day.day}", ha="center", va="center", fontsize=8)
    index = {day: i for i, day in enumerate(days)}
    marks = [
        (events[0].at.date(), "Tiếp nhận\n03/03 09:00", "#3d85c6", 1.25),
        (events[1].at.date(), "Yêu cầu bổ sung\n05/03", "#e69138", 2.1),
        (events[2].at.date(), "Nhận đủ bổ sung:\ntính lại từ đầu\n10/03", "#6aa84f", 1.25),
        (waiting.date(), f"Hạn nếu trừ thời gian chờ\n(766) {waiting:%d/%m}", "#999999", 2.1),
        (restart.date(), f"Hạn trả (NĐ 61 Đ19.4)\n{restart:%d/%m %H:%M}", "#cc0000", 1.25),
    ]
    for day, label, colour, height in marks:
        x = index[day] + 0.5
        ax.annotate(
            label,
            xy=(x, 1),
            xytext=(x, 1 + height),
            ha="center",
            fontsize=8,
            color=colour,
            arrowprops={"arrowstyle": "-|>", "color": colour},
        )
    ax.set_xlim(-0.5, len(days) + 0.5)
    ax.set_ylim(-0.3, 4.2)
    ax.axis("off")
    ax.set_title(
        "Hồ sơ 10 ngày làm việc: tiếp nhận → bổ sung → tính lại thời hạn → hạn trả (tháng 3/2025)",
        fontsize=11,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def timeliness_bars(path: Path) -> None:
    """Early / on time / late shares by field of the bundled synthetic 2025 dossiers."""
    with resources.as_file(data_path("cchc.dossiers", "data", "synthetic_dossiers_2025.csv")) as p:
        frame = read_csv(p)
    results = evaluate(frame)
    rows = [r for r in summarize(frame, results, year_period(2025), by="field") if r.key]
    names = [r.key[:34] for r in rows]
    parts = [
        ("early", "Trước hạn (early)", "#6aa84f"),
        ("on_time", "Đúng hạn (on time)", "#93c47d"),
        ("late", "Quá hạn (late)", "#cc0000"),
        ("in_progress", "Đang giải quyết (in progress)", "#cccccc"),
    ]
    fig, ax = plt.subplots(figsize=(10, 0.45 * len(rows) + 1.8))
    left = [0.0] * len(rows)
    for attr, label, colour in parts:
        widths = [
            100.0 * getattr(r.counts, attr) / r.counts.to_handle if r.counts.to_handle else 0.0
            for r in rows
        ]
        ax.barh(names, widths, left=left, label=label, color=colour)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% hồ sơ phải giải quyết (share of dossiers to handle)")
    ax.set_title("Tình hình giải quyết hồ sơ theo lĩnh vực, năm 2025 (bundled synthetic data)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=4, fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def reporting_windows(path: Path) -> None:
    """The data windows and deadlines of the Bộ Nội vụ CCHC reports of 2025."""
    kinds = ("Q1", "H1", "Q3", "Y")
    labels = {"Q1": "Quý I", "H1": "6 tháng", "Q3": "Quý III", "Y": "Năm"}
    periods = [reporting_period("bnv-cchc", kind, 2025) for kind in kinds]
    origin = min(p.start for p in periods)
    fig, ax = plt.subplots(figsize=(11, 3.2))
    for row, period in enumerate(periods):
        start = (period.start - origin).days
        width = (period.end - period.start).days + 1
        ax.barh(row, width, left=start, color="#6fa8dc")
        ax.text(
            start + 3,
            row,
            f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}",
            va="center",
            fontsize=8,
        )
        if period.due is not None:
            last = period.last_day()
            due = (last - origin).days
            note = "" if last == period.due else f" ({period.due:%d/%m} là ngày nghỉ)"
            ax.plot([due], [row], marker="v", color="#cc0000", markersize=9)
            ax.text(due + 3, row + 0.3, f"hạn gửi {last:%d/%m}{note}", fontsize=8, color="#cc0000")
    ax.set_xlim(-10, (date(2026, 2, 20) - origin).days)
    ax.set_yticks(range(len(kinds)), [labels[k] for k in kinds])
    ax.invert_yaxis()
    ticks = [date(2024, 12, 1), *(date(2025, m, 1) for m in range(1, 13)), date(2026, 1, 1)]
    ax.set_xticks([(t - origin).days for t in ticks], [f"{t:%m/%y}" for t in ticks], fontsize=8)
    ax.set_title("Kỳ báo cáo CCHC năm 2025 (581/BNV-CCHC): khoảng số liệu và hạn gửi")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def index_areas(path: Path) -> None:
    """Area percentages of the EXAMPLE department framework, 2024 beside 2023."""
    fw = get_framework("par-example-department")
    cards = []
    for year in ("2023", "2024"):
        items, unit, period = read_inputs(EXAMPLE_DATA / f"indices_department_{year}.yaml")
        cards.append(score(fw, items, unit=unit, period=period))
    fig = plot_areas(cards[1], previous=cards[0])
    fig.savefig(path, dpi=100)
    plt.close(fig)


def steps_timeline(path: Path) -> None:
    """The steps of a dossier's internal process: each run, its due moment, lateness."""
    from cchc.dossiers import step_report
    from cchc.procedures import internal_process

    example = Path(__file__).parents[1] / "examples" / "data" / "dossier_steps.json"
    dossier = Dossier.model_validate_json(example.read_text(encoding="utf-8"))
    report = step_report(dossier, internal_process("1.001806"), at=_vn(2025, 10, 21, 9, 0))
    first = report.steps[0].started_at
    assert first is not None

    def x(moment: datetime) -> float:
        return (moment - first).total_seconds() / 86_400

    fig, ax = plt.subplots(figsize=(11, 4.2))
    cal = default_calendar()
    end = report.due_at.date() + timedelta(days=2)
    day = first.date()
    while day <= end:
        if not cal.is_working_day(day):
            start = datetime(day.year, day.month, day.day, tzinfo=VN_TZ)
            ax.axvspan(x(start), x(start) + 1, color=COLOURS["weekend"], alpha=0.5, lw=0)
        day += timedelta(days=1)
    started = [s for s in report.steps if s.started_at is not None]
    for row, s in enumerate(started):
        assert s.started_at is not None
        y = len(started) - row
        stop = s.finished_at or report.at
        colour = "#cc0000" if s.late else "#6aa84f"
        ax.barh(y, x(stop) - x(s.started_at), left=x(s.started_at), height=0.5, color=colour)
        if s.due_at is not None:
            ax.plot([x(s.due_at)] * 2, [y - 0.35, y + 0.35], color="black", lw=2)
        label = f"Bước {s.number}: {s.unit[:38]}"
        ax.text(x(s.started_at), y + 0.32, label, fontsize=7.5, va="bottom")
        done = s.timeliness
        state = s.left.vietnamese() if done is None else done.vietnamese
        ax.text(x(stop) + 0.1, y, state, fontsize=7.5, va="center")
    ax.axvline(x(report.due_at), color="#3d85c6", ls="--")
    ax.text(
        x(report.due_at),
        len(started) + 0.5,
        f" hạn trả hồ sơ\n {report.due_at:%d/%m %H:%M}",
        color="#3d85c6",
        fontsize=8,
    )
    ticks = [first + timedelta(days=i) for i in range(0, int(x(report.due_at)) + 3, 2)]
    ax.set_xticks([x(t) for t in ticks], [f"{t:%d/%m}" for t in ticks], fontsize=8)
    ax.set_yticks([])
    ax.set_ylim(0, len(started) + 1)
    ax.set_title(
        "Quy trình nội bộ TTHC 1.001806 (QĐ 2022/QĐ-UBND Cao Bằng): các bước, hạn bước "
        "(vạch đen), ngày nghỉ (xám)",
        fontsize=10,
    )
    ax.legend(
        handles=[
            Patch(color="#6aa84f", label="trong hạn bước"),
            Patch(color="#cc0000", label="quá hạn bước"),
        ],
        loc="upper center",
        fontsize=8,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


FIGURES: dict[str, Callable[[Path], None]] = {
    "calendar_tet_2025.png": lambda p: calendar_grid(
        p,
        [(2025, 1), (2025, 2), (2025, 4), (2025, 5)],
        "Lịch làm việc 2025: Tết Ất Tỵ 25/01–02/02 và hoán đổi 26/4 – 02/5",
    ),
    "calendar_2026.png": lambda p: calendar_grid(
        p,
        [(2026, 1), (2026, 2), (2026, 8), (2026, 9)],
        "Lịch làm việc 2026: Tết Dương lịch (làm bù 10/01), Tết Bính Ngọ, Quốc khánh",
    ),
    "dossier_timeline.png": dossier_timeline,
    "timeliness_by_field.png": timeliness_bars,
    "reporting_windows_2025.png": reporting_windows,
    "index_areas.png": index_areas,
    "steps_timeline.png": steps_timeline,
}
"""File name -> drawing function."""

_CALENDAR = ("src/cchc/calendar/**/*", "src/cchc/tz.py")
INPUTS: dict[str, tuple[str, ...]] = {
    "calendar_tet_2025.png": _CALENDAR,
    "calendar_2026.png": _CALENDAR,
    "dossier_timeline.png": (*_CALENDAR, "src/cchc/dossiers/**/*"),
    "timeliness_by_field.png": (*_CALENDAR, "src/cchc/dossiers/**/*"),
    "reporting_windows_2025.png": (
        *_CALENDAR,
        "src/cchc/reporting_periods.py",
        "src/cchc/data/reporting_regimes.yaml",
    ),
    "index_areas.png": ("src/cchc/indices/**/*", "examples/data/indices_department_*.yaml"),
    "steps_timeline.png": (
        *_CALENDAR,
        "src/cchc/dossiers/**/*",
        "src/cchc/procedures/**/*",
        "examples/data/dossier_steps.json",
    ),
}
"""File name -> the files it is drawn from (glob patterns under the repository root); this
script is an input of every figure."""


def stale(out: Path = OUT) -> list[str]:
    """The figures in ``out`` that are missing or older than one of their inputs."""
    found = []
    for name in FIGURES:
        target = out / name
        if not target.exists():
            found.append(name)
            continue
        inputs = [Path(__file__)]
        inputs += [p for pattern in INPUTS[name] for p in ROOT.glob(pattern) if p.is_file()]
        newest = max(p.stat().st_mtime for p in inputs)
        if target.stat().st_mtime < newest:
            found.append(name)
    return found


def redraw_stale(out: Path = OUT) -> list[Path]:
    """Draw the figures :func:`stale` names (the mkdocs hook ``tools/mkdocs_hooks.py`` calls this
    before every build); the others are left as they are."""
    out.mkdir(parents=True, exist_ok=True)
    drawn = []
    for name in stale(out):
        FIGURES[name](out / name)
        drawn.append(out / name)
    return drawn


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        draw(out / name)
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
