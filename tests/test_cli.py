"""The ``village-station`` command line: version, self-test, backup and restore, in Chinese and English."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from importlib.metadata import entry_points
from pathlib import Path

import desktop
from desktop.domain.actor import SYSTEM
from desktop.paths import DataFolder
from desktop.services import accounts, station
from desktop.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from desktop.storage.database import open_database

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra_env)
    return subprocess.run([sys.executable, "-m", "ui", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _contact_name(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT contact_name FROM village_profile").fetchone()[0]


def _change_contact(folder: DataFolder, name: str) -> None:
    db = open_database(folder)
    try:
        with db.unit_of_work(SYSTEM) as uow:
            admin = accounts.sign_in(uow, username=DEMO_ACCOUNTS[0].username, password=DEMO_PASSWORD)
        with db.unit_of_work(admin) as uow:
            current = station.village_profile(uow)
            station.update_village_profile(uow, station_name=current.station_name, contact_name=name,
                                           contact_phone=current.contact_phone, address=current.address,
                                           office_hours=current.office_hours, notes=current.notes)
    finally:
        db.close()


def test_version_is_printed():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"village-station {desktop.__version__}"


def test_the_installed_command_is_the_same_entry_point():
    commands = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert commands.get("village-station") == "ui.main:main"


def test_self_test_passes():
    result = run("self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert "FAIL" not in result.stdout + result.stderr


def test_demo_opens_the_app_on_a_fresh_demo_folder(tmp_path):
    # The start-up probe quits as soon as the first window is on screen.
    result = run("--demo", "--lang", "en", VILLAGE_STATION_STARTUP_PROBE="1", TMPDIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "startup-probe: window visible" in result.stdout
    made = list(tmp_path.glob("village-station-demo-*/village-station.db"))
    assert len(made) == 1
    with closing(sqlite3.connect(made[0])) as conn:
        usernames = {row[0] for row in conn.execute("SELECT username FROM users")}
    assert usernames == {account.username for account in DEMO_ACCOUNTS}


def test_the_app_uses_the_data_folder_it_is_given(tmp_path):
    folder = DataFolder(tmp_path / "station")
    result = run("--data-dir", folder.root, VILLAGE_STATION_STARTUP_PROBE="1")
    assert result.returncode == 0, result.stderr
    assert "startup-probe: window visible" in result.stdout
    assert folder.database.is_file()
    assert (folder.logs / "village-station.log").is_file()


def test_backup_saves_a_file_and_prints_where(demo_folder):
    result = run("backup", "--data-dir", demo_folder.root)
    assert result.returncode == 0, result.stderr
    made = list(demo_folder.backups.glob("*.db"))
    assert len(made) == 1
    assert str(made[0]) in result.stdout
    assert "备份已保存" in result.stdout
    assert _contact_name(made[0]) == _contact_name(demo_folder.database)


def test_backup_of_an_empty_folder_fails_plainly(tmp_path):
    empty = tmp_path / "empty"
    result = run("backup", "--data-dir", empty)
    assert result.returncode == 1
    assert "没有可备份的内容" in result.stderr
    assert str(empty) in result.stderr
    assert "Traceback" not in result.stderr

    english = run("backup", "--data-dir", empty, "--lang", "en")
    assert english.returncode == 1
    assert "nothing to back up" in english.stderr
    assert "Traceback" not in english.stderr


def test_restore_brings_the_data_back_and_keeps_the_replaced_database(demo_folder):
    backed_up = run("backup", "--data-dir", demo_folder.root, "--lang", "en")
    assert backed_up.returncode == 0, backed_up.stderr
    backup = next(demo_folder.backups.glob("*.db"))
    assert "Backup saved" in backed_up.stdout
    _change_contact(demo_folder, "备份之后")
    assert _contact_name(demo_folder.database) == "备份之后"

    result = run("restore", backup, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert f"Restored {backup}" in result.stdout
    assert _contact_name(demo_folder.database) == "李秀英"
    kept = list(demo_folder.set_aside.glob("*.db"))
    assert len(kept) == 1
    assert str(kept[0]) in result.stdout
    assert _contact_name(kept[0]) == "备份之后"


def test_restore_says_so_in_chinese_by_default(demo_folder):
    backup = demo_folder.root.parent / "copy.db"
    backed_up = run("backup", "--data-dir", demo_folder.root)
    assert backed_up.returncode == 0, backed_up.stderr
    backup.write_bytes(next(demo_folder.backups.glob("*.db")).read_bytes())

    result = run("restore", backup, "--data-dir", demo_folder.root)
    assert result.returncode == 0, result.stderr
    assert "已恢复" in result.stdout
    assert "被替换的数据库保存在" in result.stdout


def test_restoring_a_garbage_file_is_refused_and_changes_nothing(demo_folder, tmp_path):
    garbage = tmp_path / "not-a-backup.db"
    garbage.write_bytes(b"garbage " * 1000)
    before = _sha256(demo_folder.database)

    result = run("restore", garbage, "--data-dir", demo_folder.root, "--lang", "en")
    assert result.returncode == 1
    assert str(garbage) in result.stderr
    assert "damaged" in result.stderr
    assert "Traceback" not in result.stderr
    assert _sha256(demo_folder.database) == before
    assert not list(demo_folder.set_aside.glob("*.db"))

    chinese = run("restore", garbage, "--data-dir", demo_folder.root)
    assert chinese.returncode == 1
    assert str(garbage) in chinese.stderr
    assert "damaged" not in chinese.stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese.stderr)
    assert _sha256(demo_folder.database) == before
