"""What every screen gets to do its work: the open database, who is signed in, the settings, the task runner,
the announcement of committed changes, the sync scheduler, and a small interface to the application around
it — never the application object itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.domain.actor import Actor
from desktop.domain.roles import Permission
from desktop.paths import DataFolder
from desktop.services.settings import Settings
from desktop.storage.database import Database
from ui.operations import ChangeSignal
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.sync_scheduler import SyncScheduler


class Shell(Protocol):
    """What a screen may ask of the application: lock, switch user, apply new settings, restart on a
    restored backup — and the settings as they are now."""

    @property
    def settings(self) -> Settings: ...

    def lock(self) -> None: ...

    def unlocked(self) -> None: ...

    def switch_user(self) -> None: ...

    def settings_changed(self, new: Settings) -> None: ...

    def reopen_after_restore(self, backup: Path) -> None: ...


@dataclass
class AppContext:
    db: Database
    folder: DataFolder
    actor: Actor
    runner: TaskRunner
    changes: ChangeSignal
    sync: SyncScheduler
    shell: Shell
    demo: bool = False

    @property
    def settings(self) -> Settings:
        """The station's settings as they are now (a change of them applies at once)."""
        return self.shell.settings

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)
