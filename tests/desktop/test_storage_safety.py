"""A database the app cannot use is refused with a message naming it, and left exactly as it was."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.errors import DatabaseCorrupt, DatabaseNewer, DataFolderNotWritable, StorageError
from desktop.paths import DataFolder
from desktop.storage.database import SQLITE_MAGIC, open_database

PAGE = 4096


def _never_called(path, revision):
    raise AssertionError(f"before_upgrade must not run for a refused database ({path}, {revision})")


def _assert_refused_untouched(folder: DataFolder, digest, error: type[StorageError]) -> StorageError:
    before = digest(folder.database)
    size = folder.database.stat().st_size
    with pytest.raises(error) as caught:
        open_database(folder, before_upgrade=_never_called)
    assert digest(folder.database) == before
    assert folder.database.stat().st_size == size
    wal = Path(f"{folder.database}-wal")
    # SQLite may leave an empty -wal beside a file it only read; nothing may have been written into it.
    assert not wal.exists() or wal.stat().st_size == 0
    assert str(folder.database) in str(caught.value), "the message must say which file"
    return caught.value


@pytest.fixture
def closed_station(setup_station) -> DataFolder:
    """The data folder of a set-up station whose database is closed (fully checkpointed)."""
    setup_station.db.close()
    assert not Path(f"{setup_station.folder.database}-wal").exists()
    return setup_station.folder


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(closed_station, digest):
    with closing(sqlite3.connect(closed_station.database)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
        conn.commit()
    error = _assert_refused_untouched(closed_station, digest, DatabaseNewer)
    assert "newer version" in str(error)
    with closing(sqlite3.connect(f"{closed_station.database.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("ffff_future",)]


def test_a_file_of_random_bytes_is_refused_as_damaged_and_left_as_it_was(folder, digest):
    folder.root.mkdir(parents=True)
    folder.database.write_bytes(random.Random(7).randbytes(3 * PAGE))
    _assert_refused_untouched(folder, digest, DatabaseCorrupt)


def test_random_bytes_behind_an_sqlite_header_are_refused_as_damaged(folder, digest):
    folder.root.mkdir(parents=True)
    folder.database.write_bytes(SQLITE_MAGIC + random.Random(8).randbytes(3 * PAGE))
    _assert_refused_untouched(folder, digest, DatabaseCorrupt)


def test_a_real_database_with_garbage_in_its_middle_pages_is_refused_as_damaged(closed_station, digest):
    data = bytearray(closed_station.database.read_bytes())
    pages = len(data) // PAGE
    assert pages >= 8, "the station database should span several pages"
    noise = random.Random(9)
    for page in range(pages // 3, 2 * pages // 3 + 1):
        data[page * PAGE:(page + 1) * PAGE] = noise.randbytes(PAGE)
    closed_station.database.write_bytes(bytes(data))
    error = _assert_refused_untouched(closed_station, digest, DatabaseCorrupt)
    assert "damaged" in str(error)


def test_an_sqlite_file_of_another_program_is_refused_and_left_as_it_was(folder, digest):
    folder.root.mkdir(parents=True)
    with closing(sqlite3.connect(folder.database)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('张三')")
        conn.commit()
    _assert_refused_untouched(folder, digest, DatabaseCorrupt)


def test_a_data_folder_that_cannot_be_created_is_refused_naming_it(tmp_path):
    # Tests run as root, so chmod would not stop us: put a plain file where a folder must go.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder")
    folder = DataFolder(blocker / "data")
    with pytest.raises(DataFolderNotWritable) as caught:
        open_database(folder)
    assert str(folder.root) in str(caught.value)
    assert "--data-dir" in str(caught.value), "the message must say what to do"
    assert blocker.read_text() == "a file, not a folder"


def test_a_data_folder_whose_subfolder_is_blocked_is_refused(tmp_path):
    folder = DataFolder(tmp_path / "data")
    folder.root.mkdir()
    folder.backups.write_text("should have been a folder")
    with pytest.raises(DataFolderNotWritable) as caught:
        open_database(folder)
    assert str(folder.root) in str(caught.value)
    assert not folder.database.exists()
