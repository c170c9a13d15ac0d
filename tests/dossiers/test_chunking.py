"""Chunks of rows on threads (cchc.dossiers.table.chunks): order, counts, fallbacks."""

from __future__ import annotations

import concurrent.futures
import threading

import pytest

from cchc.dossiers.table import chunks as chunking
from cchc.errors import ValidationError


def test_row_chunks_cover_every_row_once() -> None:
    assert chunking.row_chunks(0, 4) == [slice(0, 0)]
    assert chunking.row_chunks(10, 4) == [slice(0, 4), slice(4, 8), slice(8, 10)]


def test_results_come_in_chunk_order_from_several_threads() -> None:
    names: set[str] = set()

    def work(sl: slice) -> int:
        names.add(threading.current_thread().name)
        return sl.start

    chunks = chunking.row_chunks(1000, 10)
    assert list(chunking.map_chunks(work, chunks, workers=4)) == list(range(0, 1000, 10))
    assert all(n.startswith("cchc-chunk") for n in names)


def test_worker_count_is_bounded_and_checked() -> None:
    assert chunking.worker_count(16, 3) == 3  # never more threads than chunks
    assert 1 <= chunking.worker_count(None, 100) <= chunking.MAX_WORKERS
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValidationError) as err:
            chunking.worker_count(bad, 10)  # type: ignore[arg-type]
        assert err.value.field == "workers"


def test_without_threads_the_chunks_run_on_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no thread can start (WebAssembly builds), the chunks run in this thread."""

    def refuse(self: concurrent.futures.ThreadPoolExecutor, *args: object, **kw: object) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(concurrent.futures.ThreadPoolExecutor, "submit", refuse)
    chunks = chunking.row_chunks(50, 10)
    assert list(chunking.map_chunks(lambda sl: sl.stop, chunks, workers=2)) == [10, 20, 30, 40, 50]
