"""Bundled sample files to start from (tệp mẫu): ``cchc example NAME``.

A new user copies a sample, edits it and runs the matching command on it:

======================  ===========================================  ==========================
name                    what                                         then run
======================  ===========================================  ==========================
``plan``                Kế hoạch 5601/KH-SYT (2017), a real plan     ``cchc plan status``
``report``              a Q1/2022 CCHC report of a Sở Y tế           ``cchc report check``
``dossiers``            2025 synthetic dossiers, one per CSV row      ``cchc dossier stats``
``dossier-json``        one dossier record: applicant, papers, fees   ``cchc dossier payload``
``index-inputs``        inputs of the EXAMPLE department framework   ``cchc index score``
======================  ===========================================  ==========================

    >>> sorted(SAMPLES)
    ['dossier-json', 'dossiers', 'index-inputs', 'plan', 'report']
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

from cchc._cli_util import add_force, add_json, print_json
from cchc._data import read_text, write_output
from cchc.errors import ValidationError

__all__ = ["SAMPLES", "Sample", "add_arguments", "sample_text", "write_sample"]


@attrs.frozen
class Sample:
    """One bundled sample file."""

    package: str
    parts: tuple[str, ...]
    what: str
    command: str

    @property
    def filename(self) -> str:
        """The file name the sample is written under by default."""
        return self.parts[-1]


SAMPLES: dict[str, Sample] = {
    "plan": Sample(
        "cchc.plans",
        ("data", "kh_5601_syt_2017.yaml"),
        "Kế hoạch CCHC 5601/KH-SYT (2017), with tasks and targets",
        "cchc plan status FILE",
    ),
    "report": Sample(
        "cchc.reporting",
        ("data", "bc_cchc_q1_2022_syt_brvt.yaml"),
        "Báo cáo CCHC quý I/2022 of a Sở Y tế",
        "cchc report check FILE",
    ),
    "dossiers": Sample(
        "cchc.dossiers",
        ("data", "synthetic_dossiers_2025.csv"),
        "synthetic 2025 dossiers (hồ sơ), one per row, every CSV column used",
        "cchc dossier stats FILE --by field",
    ),
    "dossier-json": Sample(
        "cchc.dossiers",
        ("data", "sample_dossier.json"),
        "one dossier record (hồ sơ) of the real procedure 2.000055, with applicant, papers, "
        "fees, payments and events",
        "cchc dossier payload FILE",
    ),
    "index-inputs": Sample(
        "cchc.indices",
        ("data", "sample_inputs_department_2024.yaml"),
        "item values for the EXAMPLE framework par-example-department",
        "cchc index score par-example-department FILE",
    ),
}
"""Name -> sample."""


def _sample(name: str) -> Sample:
    try:
        return SAMPLES[name]
    except KeyError:
        raise ValidationError(
            f"no sample named {name!r}; samples: {', '.join(sorted(SAMPLES))}", field="name"
        ) from None


def sample_text(name: str) -> str:
    """The text of a bundled sample."""
    sample = _sample(name)
    return read_text(sample.package, *sample.parts)


def write_sample(name: str, path: str | Path | None = None, *, force: bool = False) -> Path:
    """Write a sample to ``path`` (default: its file name in the current folder), by
    :func:`cchc._data.write_output`: missing folders created, written whole or not at
    all, an existing file replaced only with ``force=True``.

    Raises:
        ValidationError: unknown sample.
        OutputError: ``path`` is a folder, exists without ``force``, or cannot be written.
    """
    target = Path(path) if path is not None else Path(_sample(name).filename)
    return write_output(target, sample_text(name), force=force)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of ``cchc example``."""
    p.description = "Write a bundled sample file to start from. Without NAME, list them."
    p.add_argument("name", nargs="?", choices=sorted(SAMPLES), help="which sample")
    p.add_argument(
        "-o", "--output", help="where to write it (default: its file name here; - for stdout)"
    )
    add_force(p)
    add_json(p)
    p.set_defaults(handler=_example)


def _example(args: argparse.Namespace) -> int:
    if args.name is None and args.json:
        print_json(
            [
                {"name": n, "file": s.filename, "what": s.what, "then": s.command}
                for n, s in sorted(SAMPLES.items())
            ]
        )
        return 0
    if args.name is None:
        for name, sample in sorted(SAMPLES.items()):
            print(f"{name:13} {sample.what}; then: {sample.command}")
        return 0
    if args.output == "-":
        sys.stdout.write(sample_text(args.name))
        return 0
    target = write_sample(args.name, args.output, force=args.force)
    print(f"wrote {target}; next: {SAMPLES[args.name].command.replace('FILE', str(target))}")
    return 0
