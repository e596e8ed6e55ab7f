"""Cold start to a visible sign-in window, against a bare PySide6 window started the same way.

Each round starts both programs as new processes, in turn, so both share the machine's noise;
the figure to watch is the ratio of the medians, with a target of 1.5.  The app's sign-in window
appears before its database layer has loaded; a second figure, ``app_ready_ms``, is the time until
signing in is possible (database open), also given as a ratio to the bare window.  ``large_station``
gives both figures again for a station of 30,000 volunteers and 60,000 hours records (the city's largest
organisation), whose database file is about a hundred times the demo's.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from timing import child_env, rounds, summary, time_until_line, time_until_lines

from ui.startup import PROBE_READY, PROBE_VISIBLE
from ui.startup import STARTUP_PROBE_ENV as PROBE_ENV

PROBE_LINE = PROBE_VISIBLE
TARGET_RATIO = 1.5

# The least a PySide6 program does to show a window, ending the way the app's probe does.
BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.show()
def shown():
    print({PROBE_LINE!r}, flush=True)
    app.quit()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""


def prepare_station(root: Path) -> None:
    """A set-up demo station, made once, so each start opens an existing database at the sign-in window."""
    from desktop.paths import DataFolder
    from desktop.services.demo import build_demo

    build_demo(DataFolder(root)).close()


def prepare_large_station(root: Path) -> Path:
    """A set-up station of 30,000 volunteers (the search benchmark's), made once; returns its data folder."""
    from bench_volunteer_search import build_station

    db, *_ = build_station(root)
    db.close()
    return root / "station"


def run() -> dict:
    bare = [sys.executable, "-c", BARE_WINDOW]
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        env = child_env(Path(tmp) / "bytecode", **{PROBE_ENV: "1"})
        station = Path(tmp) / "station"
        prepare_station(station)
        large = prepare_large_station(Path(tmp) / "large")
        app = [sys.executable, "-m", "ui", "--data-dir", str(station)]
        app_large = [sys.executable, "-m", "ui", "--data-dir", str(large)]
        # One unmeasured start of each: compiles the bytecode, fills the disk cache, takes the daily backup.
        time_until_lines(app, [PROBE_VISIBLE, PROBE_READY], env=env)
        time_until_lines(app_large, [PROBE_VISIBLE, PROBE_READY], env=env)
        time_until_line(bare, PROBE_LINE, env=env)
        app_ms, ready_ms, large_ms, large_ready_ms, bare_ms = [], [], [], [], []

        def start_app() -> None:
            visible, ready = time_until_lines(app, [PROBE_VISIBLE, PROBE_READY], env=env)
            app_ms.append(visible)
            ready_ms.append(ready)

        def start_large() -> None:
            visible, ready = time_until_lines(app_large, [PROBE_VISIBLE, PROBE_READY], env=env)
            large_ms.append(visible)
            large_ready_ms.append(ready)

        def start_bare() -> None:
            bare_ms.append(time_until_line(bare, PROBE_LINE, env=env))

        order = [start_app, start_bare, start_large]
        for index in range(rounds()):
            # Rotate which goes first, so none always follows another's page-cache churn.
            for start in order[index % 3:] + order[:index % 3]:
                start()
    app_summary, ready_summary, bare_summary = summary(app_ms), summary(ready_ms), summary(bare_ms)
    large_summary, large_ready_summary = summary(large_ms), summary(large_ready_ms)
    ratio = app_summary["median"] / bare_summary["median"]
    return {
        "rounds": len(app_ms),
        "app_ms": app_summary,
        "app_ready_ms": ready_summary,
        "bare_qt_ms": bare_summary,
        "ratio": round(ratio, 2),
        "ready_ratio": round(ready_summary["median"] / bare_summary["median"], 2),
        "target_ratio": TARGET_RATIO,
        "met": ratio <= TARGET_RATIO,
        "large_station": {
            "app_ms": large_summary,
            "app_ready_ms": large_ready_summary,
            "ratio": round(large_summary["median"] / bare_summary["median"], 2),
            "ready_ratio": round(large_ready_summary["median"] / bare_summary["median"], 2),
        },
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
