"""One registry of what the station syncs, change events from every commit, and no write around the hook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import inspect, update

from desktop.domain.sync_kinds import KINDS
from desktop.services import teams
from desktop.storage import sync_store
from desktop.storage.models import Region, Team, synced_models

DOCS = Path(__file__).resolve().parents[2] / "docs" / "sync-protocol.md"


def _app_kinds() -> set[str]:
    """The kinds the app declares (the sync tests declare stand-in kinds of their own, named test_…)."""
    return {entity for entity in KINDS if not entity.startswith("test_")}


def test_every_record_kind_has_a_model_a_migrated_table_and_a_row_in_the_protocol(fresh_db):
    models = synced_models()
    kinds = _app_kinds()
    assert sorted(models) == sorted(kinds), "every record kind needs a model declaring __sync__, and only those"
    assert {entity: found.model for entity, found in sync_store.MODELS.items() if entity in kinds} == {
        entity: model for entity, (model, _parents) in models.items()}

    # The migrations make every synced table with every column its model has.
    schema = inspect(fresh_db.engine)
    tables = set(schema.get_table_names())
    for entity, (model, _parents) in models.items():
        table = model.__table__.name
        assert table in tables, f"no migration makes {table} ({entity})"
        migrated = {column["name"] for column in schema.get_columns(table)}
        missing = {column.name for column in model.__table__.columns} - migrated
        assert not missing, f"the migrations leave out {sorted(missing)} of {table}"

    # docs/sync-protocol.md lists each kind in its table of record kinds.
    documented = set(re.findall(r"^\| `([a-z_]+)` \| (?:village|city|addressed|public) \|", DOCS.read_text("utf-8"),
                                flags=re.MULTILINE))
    assert documented == kinds, (f"not in docs/sync-protocol.md: {sorted(kinds - documented)}; "
                                 f"documented but unknown: {sorted(documented - kinds)}")


def test_regions_keep_the_parent_their_storage_needs():
    assert sync_store.MODELS["region"].model is Region
    assert sync_store.MODELS["region"].extra_parents == {"parent_code": "region"}


def test_a_commit_announces_the_tables_it_changed_and_a_read_announces_nothing(setup_station):
    db, admin = setup_station.db, setup_station.admin
    heard: list[frozenset[str]] = []
    stop = db.watch(heard.append)
    with db.unit_of_work(admin) as uow:
        team = teams.create_team(uow, name="文艺队", kind="arts")
    with db.reading(admin) as uow:
        teams.list_teams(uow)
    with pytest.raises(RuntimeError), db.unit_of_work(admin) as uow:
        teams.update_team(uow, team_id=team.id, name="新文艺队", kind="arts", description="", active=True)
        raise RuntimeError("rolled back")
    stop()
    with db.unit_of_work(admin) as uow:
        teams.update_team(uow, team_id=team.id, name="新文艺队", kind="arts", description="", active=True)
    assert len(heard) == 1, "one commit heard; a read, a rollback and a commit after stop() are not"
    assert {"teams", "outbox", "audit_log"} <= heard[0]
    assert "volunteers" not in heard[0]


def test_a_watcher_that_fails_does_not_undo_the_commit(setup_station):
    db, admin = setup_station.db, setup_station.admin

    def broken(_tables):
        raise ValueError("a bug in a screen")

    db.watch(broken)
    with db.unit_of_work(admin) as uow:
        team = teams.create_team(uow, name="科普队", kind="science")
    with db.reading(admin) as uow:
        assert team.id in {row.id for row in teams.list_teams(uow)}


def test_a_bulk_update_of_a_synced_table_is_refused_outside_the_sync_apply(setup_station):
    db, admin = setup_station.db, setup_station.admin
    with db.unit_of_work(admin) as uow:
        team = teams.create_team(uow, name="医疗队", kind="medical")
    with pytest.raises(RuntimeError, match="skip the outbox"), db.unit_of_work(admin) as uow:
        uow.session.execute(update(Team).where(Team.id == team.id).values(name="绕过钩子"))
    with db.reading(admin) as uow:
        assert next(row for row in teams.list_teams(uow) if row.id == team.id).name == "医疗队"

    # The sync client's apply writes pulled rows as they came: that is the one place it may.
    with db.unit_of_work(admin) as uow:
        uow.applying_remote = True
        uow.session.execute(update(Team).where(Team.id == team.id).values(description="拉取的"))
        uow.applying_remote = False
    # A table that is not synced (the city's regions, local bookkeeping) is not held to it.
    with db.unit_of_work(admin) as uow:
        uow.session.execute(update(Region).where(Region.code == "nothing").values(name="x"))


def test_what_a_unit_of_work_committed_before_it_failed_is_announced(setup_station):
    from desktop.domain.actor import SYSTEM
    from desktop.errors import UserError
    from desktop.services import accounts

    db = setup_station.db
    heard: list[frozenset[str]] = []
    db.watch(heard.append)
    with pytest.raises(UserError), db.unit_of_work(SYSTEM) as uow:  # a wrong password is counted, then refused
        accounts.sign_in(uow, username="coordinator", password="not-the-password")
    assert heard and "users" in heard[0]
