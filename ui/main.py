"""The ``village-station`` command: the desktop app, and its headless commands for scripts and checks.

A plain start of the app (nothing but ``--data-dir FOLDER`` and ``--lang LANGUAGE``, each at most once)
goes straight to the window: reading those two here spares the start the command-line parser, its words
and the commands' modules (docs/architecture.md §6).  Anything else (a command, ``--demo``, ``--help``,
a mistake) goes to the parser in ui/commands.py, which says what is wrong in the language asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.domain.settings import LANGUAGES

_DATA_DIR, _LANG = "--data-dir", "--lang"


def plain_start(argv: Sequence[str]) -> tuple[Path | None, str | None] | None:
    """The data folder and language of a plain start of the app (None where not given), or None when
    ``argv`` is anything else and the parser is to read it.  What it accepts, the parser reads the same."""
    given: dict[str, str] = {}
    at = 0
    while at < len(argv):
        option, equals, value = argv[at].partition("=")
        if option not in (_DATA_DIR, _LANG) or option in given:
            return None
        if not equals:
            at += 1
            if at == len(argv):
                return None
            value = argv[at]
        if not value or value.startswith("-") or (option == _LANG and value not in LANGUAGES):
            return None
        given[option] = value
        at += 1
    folder = given.get(_DATA_DIR)
    return (Path(folder) if folder is not None else None), given.get(_LANG)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    plain = plain_start(argv)
    if plain is None:
        from ui.commands import run_command

        return run_command(argv)
    data_dir, language = plain
    from desktop.paths import DataFolder, default_data_dir
    from ui.launch import run_app

    return run_app(DataFolder(data_dir or default_data_dir()), language=language)
