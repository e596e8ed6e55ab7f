"""Every record the audit log or the sync area can show, every field of it, every setting and every stored code
has a label: a new table, column, setting or code without one fails here, before anyone sees its internal
name."""

from __future__ import annotations

from dataclasses import fields

from desktop.domain.labels import CODES, WORDS, code_label, field_label, record_label
from desktop.domain.settings import LANGUAGE_NAMES, LANGUAGES, SETTING_LABELS, Settings
from desktop.services.audit import QUIET
from desktop.services.records import REFERENCES, table_of
from desktop.storage.backup import REASONS
from desktop.storage.models import Base, synced_models

# The station's own bookkeeping: the audit log never writes about it (desktop/storage/uow.py), no screen
# shows its rows as records.
BOOKKEEPING = {"audit_log", "outbox", "sync_state", "sync_held", "sync_set_aside", "sync_not_applied"}


def test_every_table_and_column_has_a_label():
    missing = []
    for table in Base.metadata.tables.values():
        if table.name in BOOKKEEPING:
            continue
        if record_label(table.name) is None:
            missing.append(table.name)
        if table.name == "settings":
            continue  # a setting is shown by its own label (below)
        missing += [f"{table.name}.{column.name}" for column in table.columns
                    if column.name not in QUIET and field_label(table.name, column.name) is None]
    assert missing == []


def test_every_record_kind_of_the_sync_names_a_table_with_a_label():
    # the station's own kinds: the sync tests register stand-ins of their own (tests/sync/station_kinds.py)
    assert {entity: record_label(table_of(entity)) for entity in synced_models()
            if record_label(table_of(entity)) is None} == {}


def test_every_setting_and_language_has_a_label():
    assert {spec.name for spec in fields(Settings)} == set(SETTING_LABELS)
    assert set(LANGUAGE_NAMES) == set(LANGUAGES)


def test_every_stored_code_has_a_label_and_names_a_real_column():
    tables = Base.metadata.tables
    for (table, field), codes in CODES.items():
        assert field in tables[table].columns, f"{table}.{field}"
        assert all(code_label(table, field, member.value) for member in codes), f"{table}.{field}"
    for (table, field) in WORDS:
        assert table == "backups" or field in tables[table].columns, f"{table}.{field}"
    assert all(code_label("backups", "reason", reason) for reason in REASONS)
    assert all(target in tables for target in REFERENCES.values())
