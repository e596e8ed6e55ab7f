"""The city database's schema: migrations build it on SQLite and PostgreSQL, match the models, step up and down,
are named by their revision, and a database from a newer server is refused untouched."""

from __future__ import annotations

import re

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from sync.server import database
from sync.server.database import DatabaseNewer, alembic_config, head_revision, make_engine, migrate
from sync.server.models import Base

TABLES = set(Base.metadata.tables)


@pytest.fixture
def engine(server_db_url):
    engine = make_engine(server_db_url)
    yield engine
    engine.dispose()


def _revision(engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def test_migrating_an_empty_database_builds_every_table_as_the_models_say(engine):
    assert migrate(engine) == (None, head_revision())
    assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], f"the models and the migrations differ; add a migration: {diff}"
    with engine.connect() as connection:
        counties = connection.execute(text("SELECT count(*) FROM regions WHERE level = 'county'")).scalar_one()
    assert counties == 5
    assert migrate(engine) == (head_revision(), head_revision())  # a second run changes nothing


def test_every_revision_goes_down_and_up_again(engine):
    migrate(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert _revision(engine) is None
    assert not TABLES & set(inspect(engine).get_table_names())
    migrate(engine)
    assert _revision(engine) == head_revision()


def test_a_database_from_a_newer_server_is_refused_and_left_alone(engine):
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseNewer, match="newer version"):
        migrate(engine)
    assert _revision(engine) == "9999"


def test_migrations_are_one_line_of_history_named_by_their_revision():
    script = ScriptDirectory.from_config(alembic_config())
    files = sorted((database.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert files
    previous = None
    for path in files:
        assert re.fullmatch(r"\d{4}_[a-z0-9_]+\.py", path.name), f"{path.name}: name it NNNN_what_it_does.py"
        revision = script.get_revision(path.name[:4])
        assert revision is not None and revision.path == str(path)
        assert revision.down_revision == previous
        previous = path.name[:4]
    assert script.get_heads() == [previous] == [head_revision()]
    assert database.known_revisions() == {rev.revision for rev in script.walk_revisions()}
