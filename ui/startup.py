"""What the start of the app shares between the quick start (ui/launch.py) and the controller (ui/app.py):
the type size, and the probe lines the start-up benchmark waits for."""

from __future__ import annotations

import os

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

# For the start-up benchmark: print a line when the first window is on screen and another when
# signing in is possible, then quit.
STARTUP_PROBE_ENV = "VILLAGE_STATION_STARTUP_PROBE"
PROBE_VISIBLE = "startup-probe: window visible"
PROBE_READY = "startup-probe: ready"


def probing() -> bool:
    return bool(os.environ.get(STARTUP_PROBE_ENV))


def probe(line: str) -> None:
    if probing():
        print(line, flush=True)


def apply_font_size(size: int) -> None:
    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)
