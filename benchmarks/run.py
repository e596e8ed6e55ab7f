"""Run the benchmarks in this folder and print their figures as one JSON document.

    uv run python benchmarks/run.py                 # every benchmarks/bench_*.py
    uv run python benchmarks/run.py startup         # only bench_startup.py
    uv run python benchmarks/run.py --save          # also keep the JSON in benchmarks/results/
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def discover() -> dict[str, Path]:
    """Benchmark name (the file name without ``bench_``) to file, in name order."""
    return {path.stem.removeprefix("bench_"): path for path in sorted(HERE.glob("bench_*.py"))}


def load(path: Path) -> ModuleType:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))  # the benchmarks import their shared helpers by plain name
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    found = discover()
    parser = argparse.ArgumentParser(description="Run Village Station's benchmarks; prints JSON.")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"benchmarks to run (default: all of {list(found)})")
    parser.add_argument("--save", action="store_true", help="also write the JSON to benchmarks/results/")
    args = parser.parse_args(argv)
    unknown = [name.removeprefix("bench_") for name in args.names if name.removeprefix("bench_") not in found]
    if unknown:
        parser.error(f"no such benchmark: {', '.join(unknown)} (have: {', '.join(found)})")
    chosen = [name.removeprefix("bench_") for name in args.names] or list(found)
    results = {name: load(found[name]).run() for name in chosen}
    text = json.dumps(results, indent=2)
    print(text)
    if args.save:
        RESULTS.mkdir(exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        document = {"taken": stamp, "machine": platform.node(), "python": platform.python_version(),
                    "results": results}
        (RESULTS / f"{stamp}.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
