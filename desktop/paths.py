"""Where a station keeps its files: one data folder holding the database, backups and logs."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import DataFolderNotWritable
from desktop.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

APP_DIR_NAME = "VillageStation"


def default_data_dir() -> Path:
    """The per-user data folder of this OS (e.g. %LOCALAPPDATA%\\VillageStation on Windows)."""
    import platformdirs  # only when no --data-dir is given; keeps start-up quick

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def bundle_dir() -> Path | None:
    """The folder of the PyInstaller bundle when running from one."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "village-station.db"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def samples(self) -> Path:
        """Papers looked at before they are issued (a certificate's sample): each names a person, so the
        folder holds one file of a kind, written over each time, and is emptied when the app starts and
        when it closes (``clear_samples``)."""
        return self.root / "samples"

    def clear_samples(self) -> None:
        """Delete every sample; one still open in a PDF viewer (Windows keeps it) goes the next time."""
        try:
            files = [path for path in self.samples.iterdir() if path.is_file()]
        except OSError:
            return  # no samples yet
        for path in files:
            try:
                path.unlink()
            except OSError as exc:
                log.warning("could not delete the sample %s: %s", path, exc)

    @property
    def set_aside(self) -> Path:
        """Databases moved out of the way (before a restore, or found broken); never deleted by the app."""
        return self.root / "set-aside"

    def ensure_writable(self) -> None:
        """Create the folders and prove a file can be written, or say plainly what to do."""
        probe = self.root / ".write-test"
        try:
            for folder in (self.root, self.backups, self.logs, self.set_aside):
                folder.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            raise DataFolderNotWritable(QT_TRANSLATE_NOOP(
                "desktop",
                "The data folder {folder} cannot be written to ({reason}). Start the app with "
                "--data-dir and a folder you may write to, or ask whoever looks after this PC to "
                "give you write access."),
                folder=str(self.root), reason=exc.strerror or type(exc).__name__) from exc
        if os.name != "nt" and not os.access(self.root, os.W_OK):
            raise DataFolderNotWritable(QT_TRANSLATE_NOOP(
                "desktop", "The data folder {folder} is read-only. Start the app with --data-dir and "
                           "a folder you may write to."), folder=str(self.root))
