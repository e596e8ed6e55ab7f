"""Fixtures every test folder may use; also makes Qt draw offscreen, before anything imports Qt."""

from __future__ import annotations

import os

# Before any import that could load Qt: the platform is chosen when the first QApplication starts.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path

import pytest

from desktop.paths import DataFolder
from desktop.services.demo import build_demo


@pytest.fixture
def demo_folder(tmp_path: Path) -> DataFolder:
    """A data folder holding a set-up demo station (see ``desktop.services.demo``), database closed."""
    folder = DataFolder(tmp_path / "demo")
    db = build_demo(folder)
    db.close()
    return folder
