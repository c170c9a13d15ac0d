"""Collect the case files here even where the ``pytest11`` entry point is not installed yet.

An install of cchc registers :mod:`cchc.verify.pytest_plugin` (entry point ``pytest11``),
which collects ``*.cchc.yaml`` files everywhere; a virtual environment installed before
the entry point existed does not have it, so this conftest collects the files of this
directory with the same hook. When the plugin is registered this hook steps aside (no case
is collected twice).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.verify import pytest_plugin

PLUGIN = "cchc.verify.pytest_plugin"


def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> pytest_plugin.CaseFileCollector | None:
    if parent.config.pluginmanager.has_plugin(PLUGIN):
        return None
    return pytest_plugin.pytest_collect_file(file_path, parent)


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin(PLUGIN):
        pytest_plugin.pytest_configure(config)
