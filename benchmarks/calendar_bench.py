"""Benchmark: +n working days on 10 million random dates.

Compares, in one run:
- cchc's batch path (``OfficialCalendar.add_working_days_batch``);
- ``numpy.busday_offset`` with weekmask Mon-Fri and the official weekday days off as
  ``holidays`` (it cannot express make-up Saturdays, so some answers differ: counted);
- ``numpy.busday_offset`` with the exact ``cal.busdaycalendar()`` (all seven days in the
  mask, every non-working day a holiday): agreement counted, should be every answer;
- a plain Python loop with the ``holidays`` package (on a sample, extrapolated).

Run: python benchmarks/calendar_bench.py [--size N]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import holidays
import numpy as np

from cchc.calendar import OfficialCalendar


def best_of(repeat: int, func, *args):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--sample", type=int, default=20_000)
    args = parser.parse_args()

    cal = OfficialCalendar()
    rng = np.random.default_rng(42)
    # Receipt dates from 2015-02-01 to 2027-10-31 and n = 1..30 working days.
    span = (np.datetime64("2027-10-31") - np.datetime64("2015-02-01")).astype(int)
    dates = np.datetime64("2015-02-01") + rng.integers(0, span, args.size).astype("m8[D]")
    n = rng.integers(1, 31, args.size)
    print(f"{args.size:,} dates, n in 1..30")

    t_cchc, ours = best_of(3, cal.add_working_days_batch, dates, n)

    off = [e.day for y in range(2015, 2028) for e in cal.days_off(y) if e.day.weekday() < 5]
    hol = np.array(off, dtype="datetime64[D]")
    t_numpy, theirs = best_of(
        3, lambda: np.busday_offset(dates, n, roll="backward", weekmask="1111100", holidays=hol)
    )
    differ = int((ours != theirs).sum())

    exact = cal.busdaycalendar()
    t_exact, via_exact = best_of(
        3, lambda: np.busday_offset(dates, n, roll="backward", busdaycal=exact)
    )
    agree = int((ours == via_exact).sum())

    vn = holidays.country_holidays("VN", years=range(2015, 2029))
    sample = dates[: args.sample].astype(object)
    sample_n = n[: args.sample].tolist()
    start = time.perf_counter()
    loop = [vn.get_nth_working_day(d, k) for d, k in zip(sample, sample_n, strict=True)]
    t_loop = (time.perf_counter() - start) * args.size / args.sample
    loop_differ = sum(
        a != b for a, b in zip(loop, ours[: args.sample].astype(date).tolist(), strict=True)
    )

    print(f"cchc batch            : {t_cchc:8.3f} s  (exact by construction, tests check it)")
    print(
        f"numpy.busday_offset   : {t_numpy:8.3f} s  ratio {t_numpy / t_cchc:6.1f}x slower;"
        f" {differ:,} answers differ ({differ / args.size:.2%}): no make-up Saturdays"
    )
    print(
        f"numpy exact busdaycal : {t_exact:8.3f} s  ratio {t_exact / t_cchc:6.1f}x slower;"
        f" {agree:,} of {args.size:,} answers agree with cchc"
    )
    print(
        f"holidays plain loop   : {t_loop:8.1f} s  (extrapolated from {args.sample:,})"
        f"  ratio {t_loop / t_cchc:8.0f}x slower; {loop_differ:,} of the sample differ"
    )


if __name__ == "__main__":
    main()
