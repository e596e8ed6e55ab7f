"""``village-station backup`` from start to exit, beside ``python -c pass`` started the same way.

A headless command is what a scheduled task or a support person runs: it should cost little more than
opening the database and copying it, not the start of the window toolkit. Both programs run from
compiled bytecode (an unmeasured first run fills the cache), alternately, on a demo station; every
backup run really writes a backup (the command exits non-zero otherwise, and the run fails).

    uv run python benchmarks/run.py backup_command
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import ROOT, child_env, rounds, summary


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}:\n{done.stderr[-3000:]}")
    return elapsed


def _loaded(command: list[str], env: dict[str, str]) -> list[str]:
    """The Qt modules the command loads (checked once, outside the timing)."""
    probe = ("import json, runpy, sys\n"
             "sys.argv = ['village-station', *sys.argv[1:]]\n"
             "try:\n"
             "    runpy.run_module('ui', run_name='__main__')\n"
             "except SystemExit:\n"
             "    pass\n"
             "loaded = sorted(name for name in sys.modules if name.startswith('PySide6.'))\n"
             "print(json.dumps(loaded), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, *command[3:]], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


def run() -> dict:
    from desktop.paths import DataFolder
    from desktop.services.demo import build_demo

    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        env = child_env(Path(tmp) / "bytecode")
        station = Path(tmp) / "station"
        build_demo(DataFolder(station)).close()
        backup = [sys.executable, "-m", "ui", "backup", "--data-dir", str(station)]
        bare = [sys.executable, "-c", "pass"]
        _timed(backup, env)  # unmeasured: compiles the bytecode, fills the disk cache
        _timed(bare, env)
        backup_ms, bare_ms = [], []
        for index in range(rounds()):
            pair = ((backup, backup_ms), (bare, bare_ms))
            for command, samples in (pair if index % 2 == 0 else pair[::-1]):
                samples.append(_timed(command, env))
        qt_modules = _loaded(backup, env)
    backup_summary, bare_summary = summary(backup_ms), summary(bare_ms)
    return {
        "rounds": len(backup_ms),
        "backup_ms": backup_summary,
        "python_pass_ms": bare_summary,
        "ratio": round(backup_summary["median"] / bare_summary["median"], 2),
        "qt_modules_loaded": qt_modules,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
