"""A feature whose optional extra is missing says which extra to install."""

from __future__ import annotations

import pytest

from cchc._optional import require_extra
from cchc.errors import MissingExtraError


def test_missing_extra_names_the_install_command() -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'cchc\[pandas\]'"):
        require_extra("a_package_that_is_not_installed", "pandas")


def test_missing_cchc_module_is_not_disguised() -> None:
    with pytest.raises(ModuleNotFoundError):
        require_extra("cchc.no_such_module", "pandas")
