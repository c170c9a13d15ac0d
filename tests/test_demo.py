"""``cchc demo`` (the README's first command) runs every section on bundled data."""

from __future__ import annotations

import pytest

from cchc.cli import main


def test_demo_tour(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    # 1. calendar: 24/11/2026 (Nghị quyết 28/2026/QH16) is listed with its source
    assert "2026-11-24" in out
    assert "28/2026/QH16" in out
    # 2. due dates: Fri 24/01/2025 + 5 working days across the Tết break (Công văn
    #    8726/VPCP-KGVX: off 25/01-02/02) is Fri 07/02/2025, office close.
    assert "Fri 07/02/2025 17:00" in out
    # 3. statistics and the 766 score, 4. the linter's two slips, 5. seed 002's checks
    assert "766 2.1 rate" in out
    assert "[number-year-mismatch]" in out
    assert "nhờ Ngân thêm vào giúp" in out
    assert "2025-12-15..2026-03-14" in out
