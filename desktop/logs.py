"""The station's log file: one rotating file in the data folder's logs, for the app and its commands alike."""

from __future__ import annotations

import logging
import logging.handlers

from desktop.paths import DataFolder

LOG_NAME = "village-station.log"


def setup_logging(folder: DataFolder) -> None:
    folder.logs.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder.logs / LOG_NAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
