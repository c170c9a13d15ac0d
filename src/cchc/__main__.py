"""``python -m cchc``: the command-line interface."""

from cchc.cli import main

raise SystemExit(main())
