"""What every screen needs to reach the core: the open database, who is signed in, the task runner, and the
announcement of committed changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.domain.actor import Actor
from desktop.domain.roles import Permission
from desktop.paths import DataFolder
from desktop.storage.database import Database
from ui.operations import ChangeSignal
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.app import StationApp


@dataclass
class AppContext:
    db: Database
    folder: DataFolder
    actor: Actor
    runner: TaskRunner
    changes: ChangeSignal
    app: StationApp
    demo: bool = False

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)
