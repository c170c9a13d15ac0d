"""Fixtures of the web-service tests: an in-process client, and a server on a free port."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from fastapi.testclient import TestClient

from cchc.server.app import create_app
from cchc.server.settings import Settings


@pytest.fixture(autouse=True)
def _quiet_logs() -> Iterator[None]:
    logger = logging.getLogger("cchc.server")
    level = logger.level
    yield
    logger.setLevel(level)


def make_client(**settings: object) -> TestClient:
    """A client of an app with these settings; server errors come back as responses."""
    app = create_app(Settings(**{"log_level": "warning", **settings}))  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return make_client()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live_server() -> Iterator[str]:
    """``cchc serve`` started as a separate process (two workers) on a free port."""
    port = free_port()
    env = {**os.environ, "CCHC_LOG_LEVEL": "warning"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "cchc", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).parent,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Wait until ``url``/v1/health answers (fail with the server's stderr if it died)."""
    import httpx

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise AssertionError(f"the server exited ({proc.returncode}): {err[-2000:]}")
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"the server at {url} did not start in {seconds} s")
