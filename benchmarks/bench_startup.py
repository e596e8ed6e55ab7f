"""Cold start to a visible sign-in window, against a bare PySide6 window started the same way.

Each round starts both programs as new processes, in turn, so both share the machine's noise;
the figure to watch is the ratio of the medians, with a target of 1.5.  The app's sign-in window
appears before its database layer has loaded; a second figure, ``app_ready_ms``, is the time until
signing in is possible (database open), also given as a ratio to the bare window.
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


def run() -> dict:
    bare = [sys.executable, "-c", BARE_WINDOW]
    with tempfile.TemporaryDirectory(prefix="village-station-bench-") as tmp:
        env = child_env(Path(tmp) / "bytecode", **{PROBE_ENV: "1"})
        station = Path(tmp) / "station"
        prepare_station(station)
        app = [sys.executable, "-m", "ui", "--data-dir", str(station)]
        # One unmeasured start of each: compiles the bytecode, fills the disk cache, takes the daily backup.
        time_until_lines(app, [PROBE_VISIBLE, PROBE_READY], env=env)
        time_until_line(bare, PROBE_LINE, env=env)
        app_ms, ready_ms, bare_ms = [], [], []

        def start_app() -> None:
            visible, ready = time_until_lines(app, [PROBE_VISIBLE, PROBE_READY], env=env)
            app_ms.append(visible)
            ready_ms.append(ready)

        def start_bare() -> None:
            bare_ms.append(time_until_line(bare, PROBE_LINE, env=env))

        for index in range(rounds()):
            # Alternate which goes first, so neither always follows the other's page-cache churn.
            for start in ((start_app, start_bare) if index % 2 == 0 else (start_bare, start_app)):
                start()
    app_summary, ready_summary, bare_summary = summary(app_ms), summary(ready_ms), summary(bare_ms)
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
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
