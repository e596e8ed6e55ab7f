"""Fixtures every test folder may use; also makes Qt draw offscreen, before anything imports Qt."""

from __future__ import annotations

import os
from pathlib import Path

# Before any import that could load Qt: the platform is chosen when the first QApplication starts. Its one
# screen is what a village PC's 1366×768 screen leaves above the task bar, 1366×728 (tests/village-screen.json),
# so windows open as they would there.
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).resolve().parent / 'village-screen.json'}"

import shutil

import pytest

from desktop.paths import DataFolder
from desktop.services.demo import build_demo


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo station, built once per test run; each test gets its own copy."""
    root = tmp_path_factory.mktemp("demo-template") / "demo"
    db = build_demo(DataFolder(root))
    db.close()
    return root


@pytest.fixture
def demo_folder(tmp_path: Path, _demo_template: Path) -> DataFolder:
    """A data folder holding a set-up demo station (see ``desktop.services.demo``), database closed."""
    shutil.copytree(_demo_template, tmp_path / "demo")
    return DataFolder(tmp_path / "demo")
