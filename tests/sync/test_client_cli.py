"""``village-station enroll`` and ``village-station sync``: one headless run against the real city server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from stations import VILLAGE_A, VILLAGE_B, make_station

from desktop.domain.actor import SYSTEM
from desktop.services import station as station_service
from desktop.services import sync as sync_service

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "ui", *map(str, args), "--lang", "en"], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


@pytest.fixture
def folders(tmp_path):
    made = [make_station(tmp_path, name) for name in ("a", "b")]
    for station in made:
        station.close()
    return [station.folder for station in made]


def test_enroll_then_sync_from_the_command_line(folders, live_server):
    a, b = folders
    for folder in folders:
        result = run("enroll", "--data-dir", folder.root, "--server", live_server.base_url,
                     "--code", live_server.make_enroll_code(VILLAGE_A))
        assert result.returncode == 0, result.stderr
        assert "Enrolled with" in result.stdout and "幸福村" in result.stdout
    first = run("sync", "--data-dir", a.root)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0].startswith("sent ")
    assert "0 set aside, 0 conflicts to review" in first.stdout
    second = run("sync", "--data-dir", b.root)
    assert second.returncode == 0, second.stderr
    from desktop.storage.database import open_database

    db = open_database(a)
    try:
        with db.reading(SYSTEM) as uow:
            status = sync_service.sync_status(uow)
            assert status.last_sync_ok and status.changes_waiting == 0
            assert station_service.station_info(uow).village.code == VILLAGE_A
    finally:
        db.close()


def test_a_failed_sync_exits_1_with_a_plain_message(folders, live_server):
    a = folders[0]
    not_enrolled = run("sync", "--data-dir", a.root)
    assert not_enrolled.returncode == 1
    assert "not enrolled" in not_enrolled.stderr and "Traceback" not in not_enrolled.stderr
    wrong_village = run("enroll", "--data-dir", a.root, "--server", live_server.base_url,
                        "--code", live_server.make_enroll_code(VILLAGE_B))
    assert wrong_village.returncode == 1 and "红星村" in wrong_village.stderr
    used = live_server.make_enroll_code(VILLAGE_A)
    assert run("enroll", "--data-dir", a.root, "--server", live_server.base_url, "--code", used).returncode == 0
    again = run("enroll", "--data-dir", folders[1].root, "--server", live_server.base_url, "--code", used)
    assert again.returncode == 1 and "code" in again.stderr and "Traceback" not in again.stderr


def test_an_unreachable_server_is_said_plainly(folders, live_server):
    a = folders[0]
    assert run("enroll", "--data-dir", a.root, "--server", live_server.base_url,
               "--code", live_server.make_enroll_code(VILLAGE_A)).returncode == 0
    from desktop.storage.database import open_database
    from desktop.storage.models import SyncState

    db = open_database(a)
    try:
        with db.unit_of_work(SYSTEM) as uow:
            uow.session.get(SyncState, 1).server_url = "http://127.0.0.1:9"  # nothing listens there
    finally:
        db.close()
    result = run("sync", "--data-dir", a.root)
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr and "Traceback" not in result.stderr
