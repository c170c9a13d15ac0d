"""Benchmark: the strict YAML loader on libyaml (``yaml.CSafeLoader``) against the same
loader on the pure-Python parser (``yaml.SafeLoader``), over every bundled YAML file.

Both build identical data (asserted); prints the time of each (best of ``--repeat``) and
the ratio pure-Python / C measured in the same run.

Run: PYTHONPATH=src python benchmarks/yaml_loader.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from cchc import _data

SRC = Path(__file__).resolve().parents[1] / "src" / "cchc"


def _python_loader() -> type[yaml.SafeLoader]:
    """The strict loader of :mod:`cchc._data`, built on the pure-Python parser."""
    loader: type[yaml.SafeLoader] = type("_PyStrictLoader", (yaml.SafeLoader,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _data._construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:float", _data._construct_float)
    return loader


def _load(loader: type[yaml.SafeLoader], text: str, name: str) -> object:
    parser = loader(text)
    parser.name = name  # type: ignore[attr-defined]
    try:
        return parser.get_single_data()
    finally:
        parser.dispose()  # type: ignore[no-untyped-call]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best is kept")
    args = parser.parse_args()
    files = sorted(SRC.rglob("*.yaml")) + sorted(SRC.rglob("*.yml"))
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    size = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    c_loader, py_loader = _data._strict_loader(), _python_loader()
    assert c_loader.__mro__[1].__name__ == "CSafeLoader", "PyYAML built without libyaml"
    for name, text in texts:
        assert _load(c_loader, text, name) == _load(py_loader, text, name), name
    timings: dict[str, float] = {}
    for label, loader in (("libyaml (CSafeLoader)", c_loader), ("pure Python", py_loader)):
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            for name, text in texts:
                _load(loader, text, name)
            best = min(best, time.process_time() - start)
        timings[label] = best
        print(f"{label:22} {best * 1e3:8.1f} ms CPU for {len(texts)} files, {size:.2f} MB")
    ratio = timings["pure Python"] / timings["libyaml (CSafeLoader)"]
    print(f"ratio pure Python / libyaml: {ratio:.1f}x")


if __name__ == "__main__":
    main()
