"""Rows in chunks, run on a few threads: the loop of the batch path.

The batch calculators (:func:`~cchc.dossiers.evaluate`,
:func:`~cchc.dossiers.summarize`) cut their columns into chunks of about a
million rows, so temporaries stay small and are reused, and they run the chunks
on a pool of threads: NumPy releases the GIL inside its loops, so the chunks of a
run proceed in parallel on the machine's cores. Each chunk is independent (its
own :class:`~cchc.calendar.CalendarOps`, its own errors); results are
collected **in chunk order**, so the answer does not depend on the number of
threads. The loop is per chunk, never per dossier.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from cchc.errors import ValidationError

__all__ = [
    "CHUNK_ROWS",
    "MAX_WORKERS",
    "cast",
    "map_chunks",
    "paused_gc",
    "row_chunks",
    "worker_count",
]

_T = TypeVar("_T")
_S = TypeVar("_S")

CHUNK_ROWS = 1 << 18
"""Rows per chunk: about a million, so that a chunk's temporaries (8 MB a column) are
allocated once and reused."""

MAX_WORKERS = 8
"""The most threads a batch run uses by default (memory bandwidth, not cores, is the
limit beyond that)."""


def row_chunks(n: int, size: int) -> list[slice]:
    """``[0, n)`` in slices of ``size`` rows (one empty slice for ``n == 0``)."""
    return [slice(lo, min(n, lo + size)) for lo in range(0, n, size)] or [slice(0, 0)]


def worker_count(workers: int | None, jobs: int) -> int:
    """Threads for ``jobs`` chunks: ``workers``, or the CPUs this process may use (at most
    :data:`MAX_WORKERS`), never more than the chunks.

    Raises:
        ValidationError: ``workers`` is not a whole number >= 1 (field ``workers``).
    """
    if workers is None:
        try:
            cpus = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            cpus = os.cpu_count() or 1
        workers = min(cpus, MAX_WORKERS)
    elif type(workers) is not int or workers < 1:
        raise ValidationError(
            f"workers must be a whole number >= 1, not {workers!r}", field="workers"
        )
    return max(1, min(workers, jobs))


def map_chunks(
    fn: Callable[[_S], _T], chunks: Sequence[_S], workers: int | None = None
) -> Iterator[_T]:
    """``fn(chunk)`` for every chunk (a slice of rows, or any piece of work), in order, on
    up to ``workers`` threads."""
    count = worker_count(workers, len(chunks))
    if count == 1:
        yield from map(fn, chunks)
        return
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="cchc-chunk") as pool:
        try:
            futures = [pool.submit(fn, chunk) for chunk in chunks]
        except RuntimeError:  # no threads can start here (e.g. WebAssembly): one thread
            futures = []
        if not futures:
            yield from map(fn, chunks)
            return
        for future in futures:
            yield future.result()


def cast(values: npt.ArrayLike, dtype: npt.DTypeLike) -> npt.NDArray[Any]:
    """A new array of ``values`` as ``dtype`` (C casting rules of assignment), copied in
    chunks on a few threads: the copy a loader keeps of a caller's column."""
    src = np.asarray(values)
    out = np.empty(src.shape, dtype=dtype)

    def copy(sl: slice) -> None:
        out[sl] = src[sl]

    deque(map_chunks(copy, row_chunks(len(src), CHUNK_ROWS)), maxlen=0)  # run them all
    return out


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for a bulk step that makes many small objects,
    none of them cyclic (rows of text, the futures and slices of thousands of chunks): a
    collection started there finds nothing to free, but rescans every object the process
    holds (the imported modules of pandas and pyarrow: about 0.1 s each time, the worker
    threads waiting meanwhile). Nested pauses are one; the collector is enabled again
    only if it was enabled before. Memory is still freed as usual (reference counts)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
