"""``village-station backup`` from start to exit, beside ``python -c pass`` started the same way.

A headless command is what a scheduled task or a support person runs: it should cost little more than
opening the database and copying it, not the start of the window toolkit. Both programs run from
compiled bytecode (an unmeasured first run fills the cache), alternately, on a demo station; every
backup run really writes a backup (the command exits non-zero otherwise, and the run fails).

    uv run python benchmarks/run.py backup_command

``VILLAGE_STATION_BENCH_AGAINST`` names earlier revisions of this repository (space-separated, e.g.
``689225c^ 689225c``, the commit that made the headless commands load no window toolkit and the one before
it): each is exported to a folder of its own, builds its own demo station, and is timed in the same rounds,
so a change to the command's start is measured before and after on the same machine at the same time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import ROOT, child_env, rounds, summary

AGAINST_ENV = "VILLAGE_STATION_BENCH_AGAINST"


def _timed(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
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


def _export(revision: str, folder: Path) -> Path:
    """The files of ``revision`` of this repository, in ``folder``."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _demo_station(tree: Path, station: Path, env: dict[str, str]) -> None:
    """A demo station built by the code of ``tree`` (an earlier revision has an earlier schema)."""
    script = ("import sys; from pathlib import Path; from desktop.paths import DataFolder; "
              "from desktop.services.demo import build_demo; build_demo(DataFolder(Path(sys.argv[1]))).close()")
    subprocess.run([sys.executable, "-c", script, str(station)], cwd=tree, env={**env, "PYTHONPATH": str(tree)},
                   check=True, capture_output=True, timeout=600)


def run() -> dict:
    revisions = os.environ.get(AGAINST_ENV, "").split()
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        env = child_env(Path(tmp) / "bytecode")
        bare = ([sys.executable, "-c", "pass"], env, ROOT)
        programs: dict[str, tuple[list[str], dict[str, str], Path]] = {}
        for name, tree in [("now", ROOT)] + [(rev, _export(rev, Path(tmp) / f"tree-{i}"))
                                              for i, rev in enumerate(revisions)]:
            station = Path(tmp) / f"station-{len(programs)}"
            tree_env = child_env(Path(tmp) / f"bytecode-{len(programs)}", PYTHONPATH=str(tree))
            _demo_station(tree, station, tree_env)
            programs[name] = ([sys.executable, "-m", "ui", "backup", "--data-dir", str(station)], tree_env, tree)
        timed = [*programs.items(), ("python_pass", bare)]
        for _name, (command, command_env, cwd) in timed:
            _timed(command, command_env, cwd)  # unmeasured: compiles the bytecode, fills the disk cache
        samples: dict[str, list[float]] = {name: [] for name, _program in timed}
        for index in range(rounds()):
            # Rotate which goes first, so none always follows another's page-cache churn.
            for name, (command, command_env, cwd) in timed[index % len(timed):] + timed[:index % len(timed)]:
                samples[name].append(_timed(command, command_env, cwd))
        qt_modules = _loaded(programs["now"][0], env)
    backup_summary, bare_summary = summary(samples["now"]), summary(samples["python_pass"])
    result = {
        "rounds": len(samples["now"]),
        "backup_ms": backup_summary,
        "python_pass_ms": bare_summary,
        "ratio": round(backup_summary["median"] / bare_summary["median"], 2),
        "qt_modules_loaded": qt_modules,
    }
    if revisions:
        result["against"] = {rev: {"backup_ms": summary(samples[rev]),
                                   "ratio": round(summary(samples[rev])["median"] / bare_summary["median"], 2)}
                             for rev in revisions}
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
