"""The schema: migrations build every table, match the models, step one revision at a time, upgrade a
previous release's database (after its backup, all or nothing), and the database is opened with the
pragmas that keep it safe."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

import desktop.storage.database as database
import desktop.storage.files as storage_files
from desktop.domain.actor import SYSTEM
from desktop.domain.id_number import check_character
from desktop.domain.regions import BUILTIN_REGIONS, Level, Region
from desktop.domain.roles import Role
from desktop.services import accounts, regions, station, volunteers
from desktop.services.volunteers import VolunteerForm
from desktop.storage.database import alembic_config, head_revision, make_engine, open_database, read_revision
from desktop.storage.models import Base
from desktop.storage.models import Region as RegionRow
from desktop.storage.sign_in_card import read_sign_in_card

APP_TABLES = set(Base.metadata.tables)


def _current_revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _revisions_base_to_head() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions("base", "heads")))]


def test_upgrading_an_empty_database_creates_every_table(fresh_db):
    tables = set(inspect(fresh_db.engine).get_table_names())
    assert tables >= APP_TABLES, f"missing tables: {APP_TABLES - tables}"
    assert tables - APP_TABLES == {"alembic_version"}
    assert _current_revision(fresh_db.engine) == head_revision()


def test_models_match_the_migrations(fresh_db):
    with fresh_db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], f"the models and the migrations differ; add a migration: {diff}"


def test_every_revision_upgrades_one_step_at_a_time_and_back(tmp_path):
    revisions = _revisions_base_to_head()
    assert revisions, "no migrations found"
    assert revisions[-1] == head_revision()
    engine = make_engine(tmp_path / "steps.db")
    try:
        for revision in revisions:
            with engine.begin() as connection:
                command.upgrade(alembic_config(connection), revision)
            assert _current_revision(engine) == revision
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []

        for revision in reversed(revisions):
            with engine.begin() as connection:
                command.downgrade(alembic_config(connection), "-1")
            assert _current_revision(engine) != revision
        assert _current_revision(engine) is None
        assert not APP_TABLES & set(inspect(engine).get_table_names())

        with engine.begin() as connection:  # and up again from nothing, as a fresh install does
            command.upgrade(alembic_config(connection), "head")
        assert _current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_migrations_are_one_line_of_history_named_by_their_revision():
    # Start-up reads the known revisions from the file names alone, so the names must not lie.
    script = ScriptDirectory.from_config(alembic_config())
    files = sorted((storage_files.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert files, "no migration files"
    previous = None
    for path in files:
        assert re.fullmatch(r"\d{4}_[a-z0-9_]+\.py", path.name), f"{path.name}: name it NNNN_what_it_does.py"
        number = path.name[:4]
        revision = script.get_revision(number)
        assert revision is not None and revision.path == str(path), f"{path.name}: revision must be {number!r}"
        assert revision.down_revision == previous, f"{path.name}: must follow {previous}"
        previous = number
    assert script.get_heads() == [previous] == [head_revision()]
    assert database.known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_the_migration_loads_exactly_the_builtin_regions(fresh_db):
    with fresh_db.reading(SYSTEM) as uow:
        rows = uow.session.scalars(select(RegionRow)).all()
        assert {row.source for row in rows} == {"builtin"}
        stored = {Region(row.code, row.name, Level(row.level), row.parent_code) for row in rows}
        listed = regions.all_regions(uow)
    assert stored == set(BUILTIN_REGIONS)
    assert len(rows) == len(BUILTIN_REGIONS)
    assert listed == sorted(BUILTIN_REGIONS, key=lambda region: region.code)


def test_a_fresh_file_is_created_without_calling_before_upgrade(folder):
    calls = []
    db = open_database(folder, before_upgrade=lambda path, revision: calls.append((path, revision)))
    try:
        assert calls == []
        assert read_revision(folder.database) == head_revision()
    finally:
        db.close()


def test_a_database_at_head_is_opened_without_calling_before_upgrade(setup_station):
    setup_station.db.close()
    calls = []
    db = open_database(setup_station.folder,
                       before_upgrade=lambda path, revision: calls.append((path, revision)))
    try:
        assert calls == []
        with db.reading(SYSTEM) as uow:
            assert station.is_set_up(uow)
    finally:
        db.close()


_NEXT_RELEASE = '''"""A stand-in for the next release's migration: adds a table{extra}."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("next_release_probe", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO next_release_probe (id) VALUES (1)")
    {fail}


def downgrade() -> None:
    op.drop_table("next_release_probe")
'''


@pytest.fixture
def next_release(tmp_path, monkeypatch) -> Callable[..., str]:
    """Call to become the next release: our migrations plus one more revision on top of head.

    Returns the new head revision; ``failing=True`` makes its migration fail half-way.
    """

    def install(*, failing: bool = False) -> str:
        migrations = tmp_path / "next-release-migrations"
        shutil.copytree(storage_files.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
        down = head_revision()
        revision = f"{int(down) + 1:04d}"
        (migrations / "versions" / f"{revision}_next_release_probe.py").write_text(_NEXT_RELEASE.format(
            revision=revision, down=down, extra=", then fails" if failing else "",
            fail='raise RuntimeError("migration failed half-way")' if failing else "pass"), encoding="utf-8")
        monkeypatch.setattr(storage_files, "MIGRATIONS_DIR", migrations)
        return revision

    return install


def test_a_database_of_the_previous_release_is_backed_up_then_upgraded_keeping_its_data(
        setup_station, next_release, digest):
    folder = setup_station.folder
    setup_station.db.close()
    old_revision = read_revision(folder.database)
    assert old_revision == head_revision()
    new_head = next_release()
    before = digest(folder.database)
    calls = []

    def backup_first(path: Path, revision: str) -> None:
        # At this moment the file must still be exactly the old release's database.
        calls.append((path, revision, digest(path), read_revision(path)))
        shutil.copy2(path, folder.backups / "before-upgrade.db")

    assert head_revision() == new_head
    db = open_database(folder, before_upgrade=backup_first)
    try:
        assert calls == [(folder.database, old_revision, before, old_revision)]
        assert read_revision(folder.database) == new_head
        assert "next_release_probe" in inspect(db.engine).get_table_names()
        with db.reading(setup_station.admin) as uow:
            assert station.station_info(uow).village.name == "幸福村"
    finally:
        db.close()
    assert read_revision(folder.backups / "before-upgrade.db") == old_revision


def test_a_failed_backup_before_upgrade_leaves_the_database_as_it_was(setup_station, next_release, digest):
    folder = setup_station.folder
    setup_station.db.close()
    before = digest(folder.database)
    old_revision = read_revision(folder.database)
    next_release()

    def backup_fails(path: Path, revision: str) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        open_database(folder, before_upgrade=backup_fails)
    assert digest(folder.database) == before
    assert read_revision(folder.database) == old_revision


def test_a_migration_that_fails_half_way_leaves_the_old_schema_and_data(setup_station, next_release):
    folder = setup_station.folder
    setup_station.db.close()
    old_revision = read_revision(folder.database)
    next_release(failing=True)
    with pytest.raises(RuntimeError, match="half-way"):
        open_database(folder, before_upgrade=lambda path, revision: None)
    assert read_revision(folder.database) == old_revision
    engine = make_engine(folder.database)
    try:
        assert "next_release_probe" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_the_database_is_opened_in_wal_mode_with_full_sync_and_foreign_keys(fresh_db):
    with fresh_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_upgrading_puts_names_in_pinyin_order_with_surnames_read_as_surnames(setup_station):
    """A release whose sort keys read 曾 as ceng and 单 as dan, and whose accounts had no sort key at all."""
    with setup_station.db.unit_of_work(setup_station.admin) as uow:
        for name, first17 in (("曾小明", "22080219900101001"), ("张伟", "22080219900101002"),
                              ("单雄信", "22080219900101003"), ("李秀兰", "22080219900101004")):
            number = first17 + check_character(first17)
            volunteers.register_volunteer(uow, form=VolunteerForm(name=name, id_number=number))
        accounts.add_user(uow, username="zeng", display_name="曾庆红", role=Role.VIEWER, password="secret-42")
    folder = setup_station.folder
    setup_station.db.close()
    engine = make_engine(folder.database)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0004")
            connection.exec_driver_sql("UPDATE volunteers SET sort_key = 'ceng xiao ming' WHERE name = '曾小明'")
            connection.exec_driver_sql("UPDATE volunteers SET sort_key = 'dan xiong xin' WHERE name = '单雄信'")
    finally:
        engine.dispose()

    db = open_database(folder, before_upgrade=lambda path, revision: None)
    try:
        with db.reading(setup_station.admin) as uow:
            assert [row.name for row in volunteers.search_volunteers(uow)] == ["李秀兰", "单雄信", "曾小明", "张伟"]
            assert [user.display_name for user in accounts.list_users(uow)] == ["李秀英", "刘明", "王建国", "曾庆红",
                                                                                  "张桂兰"]
    finally:
        db.close()
    card = read_sign_in_card(folder.database)
    assert card is not None
    assert [person.display_name for person in card.people] == ["李秀英", "刘明", "王建国", "曾庆红", "张桂兰"]
