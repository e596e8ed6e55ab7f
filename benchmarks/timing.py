"""Shared by the benchmarks: timing a program until it prints a line, and summarising samples."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS_ENV = "VILLAGE_STATION_BENCH_ROUNDS"


def rounds(default: int = 9) -> int:
    """How many measured rounds to run: ``VILLAGE_STATION_BENCH_ROUNDS`` or the default."""
    value = int(os.environ.get(ROUNDS_ENV, default))
    if value < 1:
        raise ValueError(f"{ROUNDS_ENV} must be at least 1, not {value}")
    return value


def child_env(bytecode_cache: Path, **extra: str) -> dict[str, str]:
    """The environment for timed Python processes: Qt offscreen, and bytecode cached in ``bytecode_cache``.

    A user's installation runs from compiled bytecode (the bundle ships it; pip and uv write it), but
    a shell with PYTHONDONTWRITEBYTECODE=1 makes every start compile the app and SQLAlchemy from
    source, which more than doubles the start. So the timed processes may write bytecode, into a
    folder of the benchmark's own rather than beside the sources, and an unmeasured first start fills it.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def time_until_lines(command: Sequence[str], lines: Sequence[str], *, env: dict[str, str] | None = None,
                     timeout_s: float = 120.0) -> list[float]:
    """Milliseconds from launching ``command`` until it prints each of ``lines`` (in order) on stdout;
    then waits for it to exit.

    Fails if the program ends without printing every line or exits with an error, so a broken start
    is never timed as a fast one.
    """
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=errors, env=env, cwd=ROOT,
                                   text=True, encoding="utf-8", errors="replace")
        elapsed: list[float] = []
        assert process.stdout is not None
        for output in process.stdout:
            if len(elapsed) < len(lines) and output.rstrip("\r\n") == lines[len(elapsed)]:
                elapsed.append((time.perf_counter() - started) * 1000)
                if len(elapsed) == len(lines):
                    break
        process.stdout.read()
        code = process.wait(timeout=timeout_s)
        if len(elapsed) < len(lines) or code != 0:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace")[-3000:]
            raise RuntimeError(f"{' '.join(command)} exited with {code} after printing {len(elapsed)} "
                               f"of the lines {list(lines)!r}:\n{detail}")
    return elapsed


def time_until_line(command: Sequence[str], line: str, *, env: dict[str, str] | None = None,
                    timeout_s: float = 120.0) -> float:
    """Milliseconds from launching ``command`` until it prints ``line``."""
    return time_until_lines(command, [line], env=env, timeout_s=timeout_s)[0]


def summary(samples: Sequence[float]) -> dict[str, float | list[float]]:
    """Median and 90th percentile in ms, with the samples in the order they were taken."""
    ordered = sorted(samples)
    p90 = statistics.quantiles(ordered, n=10, method="inclusive")[8] if len(ordered) > 1 else ordered[0]
    return {"median": round(statistics.median(ordered), 1), "p90": round(p90, 1),
            "samples": [round(sample, 1) for sample in samples]}
