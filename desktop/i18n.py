"""Marks user-facing text in the core for translation without importing Qt.

The core writes its messages in English and marks them with ``QT_TRANSLATE_NOOP`` so that
``pyside6-lupdate`` collects them; the UI (or the command line) translates them at display time.
"""

CONTEXT = "desktop"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
