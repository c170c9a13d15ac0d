"""Benchmark: the web service (``cchc serve``) under load, beside the library called directly.

Run::

    python benchmarks/server_bench.py            # 2 workers, 10 s per load phase

The server runs as a separate process (``python -m cchc serve --workers W``) on a free
port; the load comes from this process over keep-alive HTTP/1.1 connections (asyncio
streams, one request at a time per connection). It prints:

1. the due-date endpoint (``GET /v1/due``) with 50 concurrent clients: requests per second,
   p50 and p99 latency; the library's ``compute_due`` in this process: calls per second;
2. the same endpoint at a fixed offered rate (default 500 requests/s, open loop: each
   latency counts from the moment the request was due to be sent, so a slow server cannot
   hide its queue): p50 and p99;
3. a 100,000-row evaluation upload (CSV and Parquet; ``output=summary`` and per-row JSON
   lines): rows per second; the library (``read_csv`` + ``evaluate``) on the same file.

Where Debian's ``wrk`` is installed, phase 1 is also run from it (a C client, so the load
generator does not take one of the two cores from the server).

Targets on a 2-core machine: >= 1,500 due-date requests/s with 50 clients (p99 < 100 ms),
p99 < 25 ms at 500 requests/s, upload >= 500,000 rows/s.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

from cchc.dossiers import compute_due, evaluate, read_csv
from cchc.samples import write_sample
from cchc.tz import VN_TZ

QUERY = "/v1/due?received_at=2025-01-24T09%3A00%3A00%2B07%3A00&amount=5"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CCHC_LOG_LEVEL": "warning"}
    cmd = [sys.executable, "-m", "cchc", "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                if s.recv(100).startswith(b"HTTP/1.1 200"):
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + (proc.stderr.read() or b"").decode()[-2000:])


class Connection:
    """One keep-alive HTTP/1.1 connection: a request, then its whole response."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 24)
        return cls(reader, writer)

    async def request(
        self, method: str, path: str, body: bytes = b"", content_type: str = ""
    ) -> tuple[int, bytes]:
        head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\n"
        if body or method == "POST":
            head += f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length, chunked = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if not chunked:
            return status, await self.reader.readexactly(length)
        parts = []
        while True:
            size = int((await self.reader.readline()).strip(), 16)
            if size == 0:
                await self.reader.readline()
                return status, b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()

    def close(self) -> None:
        self.writer.close()


def percentiles(latencies: list[float]) -> tuple[float, float]:
    a = np.array(latencies) * 1000
    return float(np.percentile(a, 50)), float(np.percentile(a, 99))


async def closed_loop(port: int, clients: int, seconds: float) -> tuple[int, list[float], float]:
    """``clients`` connections each sending the next request when the last is answered."""
    conns = [await Connection.open(port) for _ in range(clients)]
    for c in conns:  # warm every worker and connection
        await c.request("GET", QUERY)
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def run(c: Connection) -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            t = time.perf_counter()
            status, _ = await c.request("GET", QUERY)
            latencies.append(time.perf_counter() - t)
            errors += status != 200

    began = time.perf_counter()
    await asyncio.gather(*(run(c) for c in conns))
    elapsed = time.perf_counter() - began
    for c in conns:
        c.close()
    return errors, latencies, elapsed


async def open_loop(port: int, rate: float, seconds: float, pool: int) -> tuple[int, list[float]]:
    """Requests sent at a fixed rate on a pool of connections; latency from the due time."""
    free: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(pool):
        c = await Connection.open(port)
        await c.request("GET", QUERY)
        free.put_nowait(c)
    latencies: list[float] = []
    errors = 0
    total = int(rate * seconds)
    start = time.perf_counter() + 0.1

    async def one(due: float) -> None:
        nonlocal errors
        c = await free.get()
        status, _ = await c.request("GET", QUERY)
        latencies.append(time.perf_counter() - due)
        errors += status != 200
        free.put_nowait(c)

    tasks = []
    for i in range(total):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(due)))
    await asyncio.gather(*tasks)
    while not free.empty():
        free.get_nowait().close()
    return errors, latencies


def library_due_rate(seconds: float = 2.0) -> float:
    received = datetime(2025, 1, 24, 9, 0, tzinfo=VN_TZ)
    n, began = 0, time.perf_counter()
    while time.perf_counter() - began < seconds:
        for _ in range(1000):
            compute_due(received, 5, "working_days")
        n += 1000
    return n / (time.perf_counter() - began)


def upload_files(rows: int, folder: Path) -> tuple[Path, bytes, bytes]:
    """A CSV of ``rows`` dossiers (the bundled sample repeated) and the same as Parquet."""
    import pandas as pd

    sample = write_sample("dossiers", folder / "sample.csv")
    lines = sample.read_text("utf-8").splitlines()
    header, body = lines[0], lines[1:]
    repeated = (body * (rows // len(body) + 1))[:rows]
    csv_path = folder / "upload.csv"
    csv_path.write_text(header + "\n" + "\n".join(repeated) + "\n", encoding="utf-8")
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    for col in ("received_at", "finished_at", "supplement_requested_at", "supplement_received_at"):
        if col in df:
            df[col] = pd.to_datetime(df[col].replace("", None), utc=True).dt.tz_convert(
                "Asia/Ho_Chi_Minh"
            )
    df["amount"] = df["amount"].astype(np.int64)
    buf = io.BytesIO()
    df.to_parquet(buf)
    return csv_path, csv_path.read_bytes(), buf.getvalue()


async def upload(port: int, data: bytes, media: str, query: str) -> tuple[float, int, bytes]:
    c = await Connection.open(port)
    best = float("inf")
    out = b""
    status = 0
    for _ in range(3):  # best of three (the machine is shared)
        t = time.perf_counter()
        status, out = await c.request("POST", "/v1/dossiers/evaluate" + query, data, media)
        best = min(best, time.perf_counter() - t)
    c.close()
    return best, status, out


def library_upload(path: Path) -> float:
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        evaluate(read_csv(path))
        best = min(best, time.perf_counter() - t)
    return best


def wrk_line(wrk: str, port: int, clients: int, seconds: float, lib_rate: float) -> str:
    """``GET /v1/due`` under wrk: requests/s, p50 and p99 (``--latency``)."""
    out = subprocess.run(
        [
            wrk,
            "-t1",
            f"-c{clients}",
            f"-d{max(1, round(seconds))}s",
            "--latency",
            f"http://127.0.0.1:{port}{QUERY}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50, p99 = (re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out) for p in ("50", "99"))
    ms = {"us": 1e-3, "ms": 1.0, "s": 1e3}

    def lat(m: re.Match[str] | None) -> float:
        return float(m.group(1)) * ms[m.group(2)] if m else float("nan")

    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return (
        f"GET /v1/due under wrk (C client, 1 thread), {clients} keep-alive connections: "
        f"{rate:,.0f} req/s, p50 {lat(p50):.1f} ms, p99 {lat(p99):.1f} ms, "
        f"{bad.group(1) if bad else 0} non-2xx (server/library {rate / lib_rate:.4f})"
    )


async def main_async(args: argparse.Namespace) -> None:
    port = free_port()
    proc = start_server(port, args.workers)
    try:
        print(f"cchc serve --workers {args.workers} on 127.0.0.1:{port}; {os.cpu_count()} CPUs")
        lib_rate = library_due_rate()
        print(f"library compute_due in this process: {lib_rate:,.0f} calls/s")

        errors, lat, elapsed = await closed_loop(port, args.clients, args.seconds)
        p50, p99 = percentiles(lat)
        rate = len(lat) / elapsed
        print(
            f"GET /v1/due, {args.clients} keep-alive clients, {args.seconds:g} s: "
            f"{rate:,.0f} req/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, {errors} non-200 "
            f"(server/library {rate / lib_rate:.4f})"
        )

        wrk = shutil.which("wrk")
        if wrk is not None:
            # The same load from a C client (Debian's wrk, one thread): the Python client
            # above takes a core of this machine's two for itself.
            print(wrk_line(wrk, port, args.clients, args.seconds, lib_rate))

        errors, lat = await open_loop(port, args.rate, args.seconds, args.clients)
        p50, p99 = percentiles(lat)
        print(
            f"GET /v1/due at a fixed {args.rate:g} req/s for {args.seconds:g} s "
            f"({len(lat)} requests): p50 {p50:.1f} ms, p99 {p99:.1f} ms, {errors} non-200"
        )

        with tempfile.TemporaryDirectory() as tmp:
            csv_path, csv_bytes, parquet = upload_files(args.rows, Path(tmp))
            lib = library_upload(csv_path)
            print(f"library read_csv + evaluate, {args.rows:,} rows: {args.rows / lib:,.0f} rows/s")
            for label, data, media, query in (
                ("CSV, output=summary", csv_bytes, "text/csv", "?output=summary"),
                ("CSV, per-row JSON lines", csv_bytes, "text/csv", ""),
                (
                    "Parquet, output=summary",
                    parquet,
                    "application/vnd.apache.parquet",
                    "?output=summary",
                ),
                ("Parquet, per-row JSON lines", parquet, "application/vnd.apache.parquet", ""),
            ):
                seconds, status, out = await upload(port, data, media, query)
                print(
                    f"POST /v1/dossiers/evaluate {label}, {args.rows:,} rows "
                    f"({len(data) / 1e6:.1f} MB in, {len(out) / 1e6:.1f} MB out, {status}): "
                    f"{args.rows / seconds:,.0f} rows/s (server/library {lib / seconds:.2f})"
                )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--clients", type=int, default=50, help="concurrent connections")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of a load phase")
    parser.add_argument("--rate", type=float, default=500.0, help="offered rate, requests/s")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the upload")
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main_async(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
