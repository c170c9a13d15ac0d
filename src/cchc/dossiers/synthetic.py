"""Reproducible synthetic dossiers (for examples, tests and benchmarks).

**Synthetic data, not statistics of any agency.** Procedures, fields and time
limits are drawn from the bundled real sample catalogue
(:func:`cchc.procedures.load_sample_catalogue`); agencies, receipt moments,
channels, supplements and finish times are random (NumPy ``default_rng(seed)``),
so the same ``n`` and ``seed`` always give the same rows.

The bundled file ``data/synthetic_dossiers_2025.csv`` was written with::

    python -m cchc.dossiers.synthetic src/cchc/dossiers/data/synthetic_dossiers_2025.csv \\
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
import pandas as pd

from cchc.procedures import load_sample_catalogue

from .batch import NAT, NS_PER_DAY, UNIT_CODES, VN_OFFSET_NS
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
NS_PER_HOUR = NS_PER_DAY // 24


def synthetic_columns(
    n: int, *, seed: int = 0, start: date = date(2025, 1, 1), days: int = 365
) -> dict[str, Any]:
    """Columns for :func:`cchc.dossiers.frame.from_columns` (instants as UTC datetime64)."""
    rng = np.random.default_rng(seed)
    catalogue = list(
        dict.fromkeys(
            (p.code, p.field, *p.time_limit.engine_terms()) for p in load_sample_catalogue()
        )
    )
    proc = rng.integers(0, len(catalogue), n)
    amount = np.array([c[2] for c in catalogue], dtype=np.int64)[proc]
    unit = np.array([UNIT_CODES[c[3]] for c in catalogue], dtype=np.int8)[proc]
    channel = rng.choice(np.array([0, 1, 2], dtype=np.int8), n, p=[0.45, 0.5, 0.05])
    online = channel == 1
    day0 = int(np.datetime64(start, "ns").astype(np.int64)) - VN_OFFSET_NS
    day = rng.integers(0, days, n) * NS_PER_DAY
    # desk hours 07:00-17:00 for in-person and post; any hour online
    tod = np.where(
        online,
        rng.integers(0, NS_PER_DAY, n),
        7 * NS_PER_HOUR + rng.integers(0, 10 * NS_PER_HOUR, n),
    )
    received = day0 + day + tod
    # processing: mostly 0.2-0.95 of the limit in calendar time (working days ~ x1.4),
    # with a 6% tail of slow dossiers at 1-2 times the limit
    factor = np.where(rng.random(n) < 0.06, rng.uniform(1.0, 2.0, n), rng.uniform(0.2, 0.95, n))
    span = np.maximum(amount, 1) * NS_PER_DAY * 1.4 * factor
    span = np.where(unit == UNIT_CODES["hours"], span / 24, span).astype(np.int64)
    finished = received + span
    supp = rng.random(n) < 0.08
    requested = np.where(supp, received + rng.integers(1, 3 * NS_PER_DAY, n), NAT)
    answered = supp & (rng.random(n) < 0.95)
    got = np.where(answered, requested + rng.integers(NS_PER_HOUR, 10 * NS_PER_DAY, n), NAT)
    finished = np.where(answered, got + span, finished)
    unfinished = (supp & ~answered) | (rng.random(n) < 0.03)
    finished = np.where(unfinished, NAT, finished)
    agency = pd.Categorical.from_codes(
        rng.integers(0, len(AGENCIES), n), categories=pd.Index(list(AGENCIES))
    )
    codes = [c[0] for c in catalogue]
    fields = [c[1] for c in catalogue]
    return {
        "received_at": received.view("datetime64[ns]"),
        "amount": amount,
        "unit": unit,
        "channel": channel,
        "finished_at": finished.view("datetime64[ns]"),
        "supplement_requested_at": requested.view("datetime64[ns]"),
        "supplement_received_at": got.view("datetime64[ns]"),
        "procedure_code": pd.Categorical.from_codes(proc, categories=pd.Index(codes)),
        "field": pd.Categorical(np.array(fields, dtype=object)[proc]),
        "agency": agency,
    }


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
    return from_columns(**synthetic_columns(n, seed=seed))


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
    """``python -m cchc.dossiers.synthetic OUT.csv [--n N] [--seed S]``."""
    parser = argparse.ArgumentParser(description="Write reproducible synthetic dossiers as CSV.")
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=BUNDLED_SIZE)
    parser.add_argument("--seed", type=int, default=BUNDLED_SEED)
    args = parser.parse_args(argv)
    write_csv(args.out, args.n, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
