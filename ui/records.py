"""Records and their stored values as people know them, for the screens that show values as they were stored
(the audit log, the sync area): what kind of record, what its fields are called, a value in words."""

from __future__ import annotations

from desktop.domain.labels import field_label as domain_field_label
from desktop.domain.labels import record_label
from desktop.errors import Term
from desktop.services.records import Hours
from ui.i18n import translate
from ui.programme import hours_text


def shown_text(value: object) -> str:
    """A value as the core shows it (``desktop.services.records``) in words: a label translated, hours with
    their unit, a list one item after another (a list of lines line after line), nothing as "—"."""
    if isinstance(value, Term):
        return translate("desktop", value)
    if isinstance(value, Hours):
        return hours_text(value.value)
    if value in (None, "", []):
        return "—"
    if isinstance(value, list) and all(isinstance(item, list) for item in value):
        return "；".join(" ".join(shown_text(part) for part in line if part != "") for line in value)
    if isinstance(value, list):
        return "、".join(shown_text(item) for item in value)
    return str(value)


def entity_label(entity: str | None) -> str:
    """What kind of record, in words ("village profile")."""
    label = record_label(entity)
    return translate("desktop", label) if label is not None else (entity or "")


def field_label(table: str | None, name: str) -> str:
    """What a field of a record is called."""
    label = domain_field_label(table, name)
    return translate("desktop", label) if label is not None else name


def record_text(table: str | None, subject: object) -> str:
    """The kind of record and, where it has one, its name ("志愿者 · 张三")."""
    name = shown_text(subject) if subject else ""
    return " · ".join(part for part in (entity_label(table), name) if part)
