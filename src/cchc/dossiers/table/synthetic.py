"""Reproducible synthetic dossiers (for examples, tests and benchmarks).

**Synthetic data, not statistics of any agency.** Procedures, fields and time
limits are drawn from the bundled real sample catalogue
(:func:`cchc.procedures.load_sample_catalogue`); agencies, receipt moments,
channels, supplements and finish times are random (NumPy ``default_rng(seed)``),
so the same ``n`` and ``seed`` always give the same rows.

The bundled file ``data/synthetic_dossiers_2025.csv`` was written with::

    python -m cchc.dossiers.table.synthetic src/cchc/dossiers/data/synthetic_dossiers_2025.csv \\
        --n 1000 --seed 2025

    >>> cols = synthetic_columns(5, seed=1)
    >>> len(cols["received_at"]), sorted(cols)[:3]
    (5, ['agency', 'amount', 'channel'])
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np

from cchc._optional import require_extra

try:
    import pandas as pd
except ModuleNotFoundError:  # the pandas extra is missing: say which one to install
    require_extra("pandas", "pandas")
    raise

from cchc.procedures import load_sample_catalogue

from ..batch import NAT, NS_PER_DAY, UNIT_CODES, VN_OFFSET_NS
from .frame import DossierFrame, from_columns

__all__ = [
    "BUNDLED_SEED",
    "BUNDLED_SIZE",
    "synthetic_columns",
    "synthetic_dataframe",
    "synthetic_frame",
    "write_csv",
]

BUNDLED_SIZE = 1000
BUNDLED_SEED = 2025
AGENCIES = tuple(f"Cơ quan tổng hợp {i:02d} (synthetic)" for i in range(1, 9))
S_PER_DAY = NS_PER_DAY // 1_000_000_000
S_PER_HOUR = S_PER_DAY // 24


CHUNK = 1 << 20
"""Rows drawn per step (large draws are made in steps, from one generator)."""


def _catalogue() -> list[tuple[str, str, int, str]]:
    return list(
        dict.fromkeys(
            (p.code, p.field, *p.time_limit.engine_terms()) for p in load_sample_catalogue()
        )
    )


def _draw(
    n: int, rng: np.random.Generator, day0: int, days: int, n_procedures: int
) -> dict[str, Any]:
    """One step of rows; instants in whole seconds (as one-stop systems record them)."""
    catalogue = _catalogue()
    proc = rng.integers(0, n_procedures, n)
    amount = np.array([c[2] for c in catalogue], dtype=np.int64)[proc]
    unit = np.array([UNIT_CODES[c[3]] for c in catalogue], dtype=np.int8)[proc]
    u = rng.random((5, n))  # one uniform draw per row and purpose
    # channels: 45% in person, 50% online, 5% by post
    channel = (u[0] >= 0.45).astype(np.int8) + (u[0] >= 0.95).astype(np.int8)
    online = channel == 1
    # desk hours 07:00-17:00 for in-person and post; any hour online
    hour_span = np.where(online, S_PER_DAY, 10 * S_PER_HOUR)
    tod = np.where(online, 0, 7 * S_PER_HOUR) + (u[1] * hour_span).astype(np.int64)
    received = day0 + rng.integers(0, days, n) * S_PER_DAY + tod
    # processing: mostly 0.2-0.95 of the limit in calendar time (working days ~ x1.4),
    # with a 6% tail of slow dossiers at 1-2 times the limit
    factor = np.where(u[2] < 0.06, 1.0 + u[2] / 0.06, 0.2 + 0.75 * (u[2] - 0.06) / 0.94)
    span = np.maximum(amount, 1) * (S_PER_DAY * 1.4) * factor
    span = np.where(unit == UNIT_CODES["hours"], span / 24, span).astype(np.int64)
    # 8% get a supplement request, 95% of those are answered
    supp = u[3] < 0.08
    answered = u[3] < 0.08 * 0.95
    wait = rng.integers(1, 3 * S_PER_DAY, n)
    requested = np.where(supp, received + wait, NAT)
    got = np.where(answered, requested + S_PER_HOUR + wait * 3, NAT)
    finished = np.where(answered, got, received) + span
    unfinished = (supp & ~answered) | (u[4] < 0.03)
    finished[unfinished] = NAT
    return {
        "received_at": received,
        "amount": amount,
        "unit": unit,
        "channel": channel,
        "finished_at": finished,
        "supplement_requested_at": requested,
        "supplement_received_at": got,
        "proc": proc,
        "agency": rng.integers(0, len(AGENCIES), n),
    }


def synthetic_columns(
    n: int, *, seed: int = 0, start: date = date(2025, 1, 1), days: int = 365
) -> dict[str, Any]:
    """Columns for :func:`cchc.dossiers.table.frame.from_columns` (instants as UTC datetime64).

    Rows are drawn in steps of :data:`CHUNK` from one generator, so a given
    ``n`` and ``seed`` always give the same rows.
    """
    rng = np.random.default_rng(seed)
    catalogue = _catalogue()
    day0 = int(np.datetime64(start, "s").astype(np.int64)) - VN_OFFSET_NS // 1_000_000_000
    first = _draw(min(CHUNK, n), rng, day0, days, len(catalogue))
    cols: dict[str, Any] = {k: np.empty(n, dtype=v.dtype) for k, v in first.items()}
    for lo in range(0, n, CHUNK):
        part = first if lo == 0 else _draw(min(CHUNK, n - lo), rng, day0, days, len(catalogue))
        for k, v in part.items():
            cols[k][lo : lo + len(v)] = v
    proc = cols.pop("proc")
    codes = [c[0] for c in catalogue]
    fields = [c[1] for c in catalogue]
    field_names = list(dict.fromkeys(fields))
    for name in (
        "received_at",
        "finished_at",
        "supplement_requested_at",
        "supplement_received_at",
    ):
        cols[name] = cols[name].view("datetime64[s]")
    cols["procedure_code"] = pd.Categorical.from_codes(proc, categories=pd.Index(codes))
    cols["field"] = pd.Categorical.from_codes(
        np.array([field_names.index(f) for f in fields])[proc], categories=pd.Index(field_names)
    )
    cols["agency"] = pd.Categorical.from_codes(cols["agency"], categories=pd.Index(list(AGENCIES)))
    return cols


def synthetic_dataframe(n: int, *, seed: int = 0) -> pd.DataFrame:
    """``n`` synthetic dossiers as a pandas DataFrame with tz-aware (Asia/Ho_Chi_Minh) times.

    One call per partition (e.g. ``seed = base + partition number``) builds a
    large dataset piece by piece, as in ``examples/dask_statistics.py``.
    """
    cols = synthetic_columns(n, seed=seed)
    data: dict[str, Any] = {}
    for name, values in cols.items():
        if isinstance(values, np.ndarray) and values.dtype.kind == "M":
            index = pd.DatetimeIndex(values).tz_localize("UTC").tz_convert("Asia/Ho_Chi_Minh")
            data[name] = pd.Series(index)
        else:
            data[name] = values
    return pd.DataFrame(data)


def synthetic_frame(n: int, *, seed: int = 0) -> DossierFrame:
    """A validated :class:`DossierFrame` of ``n`` synthetic dossiers."""
    return from_columns(**synthetic_columns(n, seed=seed), naive_is_utc=True)


def write_csv(path: str, n: int = BUNDLED_SIZE, seed: int = BUNDLED_SEED) -> None:
    """Write ``n`` synthetic dossiers as CSV (ISO 8601 times with +07:00)."""
    cols = synthetic_columns(n, seed=seed)
    units = {v: k for k, v in UNIT_CODES.items()}
    channels = ("in_person", "online", "post")

    def iso(values: Any) -> list[str]:
        ser = pd.Series(values).dt.tz_localize("UTC").dt.tz_convert("Asia/Ho_Chi_Minh")
        return ["" if pd.isna(v) else v.isoformat(timespec="seconds") for v in ser]

    df = pd.DataFrame(
        {
            "procedure_code": np.asarray(cols["procedure_code"]),
            "field": np.asarray(cols["field"]),
            "agency": np.asarray(cols["agency"]),
            "channel": [channels[c] for c in cols["channel"]],
            "received_at": iso(cols["received_at"]),
            "amount": cols["amount"],
            "unit": [units[int(u)] for u in cols["unit"]],
            "finished_at": iso(cols["finished_at"]),
            "supplement_requested_at": iso(cols["supplement_requested_at"]),
            "supplement_received_at": iso(cols["supplement_received_at"]),
        }
    )
    df.to_csv(path, index=False, lineterminator="\n")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m cchc.dossiers.table.synthetic OUT.csv [--n N] [--seed S]``."""
    parser = argparse.ArgumentParser(description="Write reproducible synthetic dossiers as CSV.")
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=BUNDLED_SIZE)
    parser.add_argument("--seed", type=int, default=BUNDLED_SEED)
    args = parser.parse_args(argv)
    write_csv(args.out, args.n, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
