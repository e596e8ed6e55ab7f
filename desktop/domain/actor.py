"""Who is doing the work: the signed-in person, or the station itself for system work."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.roles import Permission, Role


@dataclass(frozen=True)
class Actor:
    user_id: str | None
    username: str
    display_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return self.role.can(permission)


# Work the station does on its own (set-up, migrations, demo data), recorded as such in the audit log.
SYSTEM = Actor(user_id=None, username="system", display_name="system", role=Role.ADMIN)
