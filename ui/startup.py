"""What the start of the app shares between the quick start (ui/launch.py) and the controller (ui/app.py):
the type size with the style sheet sized from it, and the probe lines the start-up benchmark waits for."""

from __future__ import annotations

import os
from functools import cache
from string import Template

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from resources import resource_path

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
    """Make ``size`` (points) the base of every text, and size the style sheet's headings, titles, navigation
    and spacing from it, so the text-size setting enlarges everything.  Each change re-styles every widget:
    a size already in force is left as it is."""
    app = QApplication.instance()
    if app.font().pointSize() != size:
        font = QFont(app.font())
        font.setPointSize(size)
        app.setFont(font)
    sheet = style_sheet(size)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


@cache
def style_sheet(size: int) -> str:
    """The app's style sheet for a base text size of ``size`` points."""
    template = Template(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    return template.substitute(
        heading=size + 6, title=size + 8, larger=size + 1,
        roomy=round(size * 5 / 6), snug=round(size / 2), card_width=size * 35)
