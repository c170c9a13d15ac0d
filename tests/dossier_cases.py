"""Helpers shared by the dossier parity tests (imported as ``dossier_cases``: ``tests`` is on
the test path). Not a test module: the inputs these build are random, the oracles stay in
each test (the per-dossier replay, or a date worked out by hand from the cited rule)."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

from cchc.tz import VN_TZ

Moments = list[datetime | None]


def vn(*args: int) -> datetime:
    """An aware moment in Asia/Ho_Chi_Minh."""
    return datetime(*args, tzinfo=VN_TZ)


def from64(value: np.datetime64) -> datetime | None:
    """A column instant (UTC ``datetime64``) as an aware Vietnamese moment, by plain
    arithmetic (not the library's own conversion); None for NaT."""
    if np.isnat(value):
        return None
    ns = int(value.astype("datetime64[ns]").view(np.int64))
    return datetime.fromtimestamp(ns / 1e9, VN_TZ).replace(microsecond=(ns % 10**9) // 1000)


def random_waits(
    rng: np.random.Generator,
    start: datetime,
    n: int,
    *,
    days: int,
    p_got: float,
    p_pay: float,
    p_paid: float,
) -> tuple[list[datetime], Moments, Moments, Moments, Moments]:
    """``n`` receipts over ``days`` days from ``start``, with supplement requests (40%)
    answered with probability ``p_got``, payment notices (``p_pay``) paid with probability
    ``p_paid``: the columns received, requested, supplied, payment asked, paid."""
    rec = [
        start + timedelta(days=int(d), hours=int(h))
        for d, h in zip(rng.integers(0, days, n), rng.integers(0, 10, n), strict=True)
    ]
    req = [
        r + timedelta(days=int(d), hours=1) if rng.random() < 0.4 else None
        for r, d in zip(rec, rng.integers(0, 4, n), strict=True)
    ]
    got = [
        q + timedelta(days=int(d)) if q is not None and rng.random() < p_got else None
        for q, d in zip(req, rng.integers(1, 6, n), strict=True)
    ]
    pay = [
        r + timedelta(days=int(d), hours=int(h)) if rng.random() < p_pay else None
        for r, d, h in zip(rec, rng.integers(0, 8, n), rng.integers(0, 30, n), strict=True)
    ]
    paid = [
        p + timedelta(hours=int(h)) if p is not None and rng.random() < p_paid else None
        for p, h in zip(pay, rng.integers(1, 90, n), strict=True)
    ]
    return rec, req, got, pay, paid
