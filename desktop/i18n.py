"""Marks user-facing text in the core for translation without importing Qt.

The core writes its messages in English and marks them with ``QT_TRANSLATE_NOOP`` so that
``pyside6-lupdate`` collects them; the UI (or the command line) translates them at display time —
where there is no Qt (the city server), from the .ts file itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

CONTEXT = "desktop"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def ts_translator(ts_file: Path) -> Callable[[str, str], str]:
    """``translate(context, text)`` from a Qt Linguist .ts file, without Qt (the city server has none):
    the finished translation of ``text``, else ``text`` itself."""
    import xml.etree.ElementTree as ET

    found: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(ts_file).getroot()
    except (OSError, ET.ParseError):
        root = None
    for context in root.iter("context") if root is not None else ():
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(name, message.findtext("source") or "")] = translation.text
    return lambda context, text: found.get((context, text), text)
