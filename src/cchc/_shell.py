"""Library messages in shell terms: the command line names its options (``--provisional``,
``--delimiter``, ``--force``) where the library names its Python keywords
(``provisional=True``). One table, used by every command that prints a library message."""

from __future__ import annotations

__all__ = ["shell_message"]

_SHELL_TERMS: tuple[tuple[str, str], ...] = (
    ("read it with delimiter=';'", "pass --delimiter ';'"),
    ("read it with delimiter='\\t'", "pass --delimiter '\\t'"),
    ("read it with delimiter='|'", "pass --delimiter '|'"),
    ("pass provisional=True", "add --provisional"),
    ("provisional=True", "--provisional"),
    ("pass force=True", "add --force"),
    (
        "; give an aware datetime (e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
        ": add the offset, e.g. 2025-01-24T09:00+07:00",
    ),
    (
        "(e.g. tzinfo=ZoneInfo('Asia/Ho_Chi_Minh'))",
        "(add the offset, e.g. 2025-01-24T09:00+07:00)",
    ),
)


def shell_message(message: str) -> str:
    """A library message in shell terms: options instead of Python arguments."""
    for python, shell in _SHELL_TERMS:
        message = message.replace(python, shell)
    return message
