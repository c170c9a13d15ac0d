"""``cchc serve``: options, errors on the command line, and a real start with two workers."""

from __future__ import annotations

import subprocess
import sys

import httpx

from cchc.cli import main
from cchc.server.settings import Settings


def test_serve_is_a_top_level_command(capsys: object) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "cchc", "serve", "--help"], capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert "--workers" in proc.stdout and "--api-key" in proc.stdout


def test_bad_options_are_one_line_errors() -> None:
    assert main(["serve", "--workers", "0"]) == 2
    assert main(["serve", "--port", "70000"]) == 2


def test_settings_from_env_and_back() -> None:
    s = Settings(max_rows=10, api_key="k", cors_origins=("https://a.vn",), timeout_seconds=2.5)
    assert Settings.from_env(s.to_env()) == s
    assert Settings.from_env({}) == Settings()


def test_live_server_with_two_workers(live_server: str) -> None:
    with httpx.Client(base_url=live_server) as c:
        assert c.get("/v1/health").json() == {"status": "ok"}
        r = c.get("/v1/due", params={"received_at": "2025-01-24T09:00:00+07:00", "amount": 5})
        assert r.json()["due_at"] == "2025-02-07T17:00:00+07:00"
        assert "server" not in r.headers  # no server banner
        assert c.get("/").headers["content-type"].startswith("text/html")
        assert c.get("/desk/desk.js").status_code == 200
