"""Local accounts on the shared PC: signing in, roles, and the admin's care of other people's accounts."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from desktop.domain.actor import Actor
from desktop.domain.passwords import check_new_password, hash_password, verify_password, wait_after_failures
from desktop.domain.roles import Permission, Role
from desktop.domain.text import clean_text
from desktop.errors import InvalidInput, SignInRefused
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.storage.models import User
from desktop.storage.uow import UnitOfWork, aware


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    last_sign_in_at: datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, Role(user.role), user.active,
                    user.must_change_password, aware(user.last_sign_in_at))


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, Role(user.role))


def _clean_username(username: str) -> str:
    name = clean_text(username).lower()
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter a user name."), field="username")
    if len(name) > 32 or any(ch.isspace() for ch in name):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "A user name has at most 32 characters and no spaces."), field="username")
    return name


def _clean_display_name(display_name: str) -> str:
    name = clean_text(display_name)
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "Enter the person's name."), field="display_name")
    return name[:64]


def _find(uow: UnitOfWork, username: str) -> User | None:
    return uow.session.scalars(select(User).where(User.username == clean_text(username).lower())).first()


def _get(uow: UnitOfWork, user_id: str) -> User:
    user = uow.session.get(User, user_id)
    if user is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("desktop", "This account no longer exists."))
    return user


def count_users(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count()).select_from(User)) or 0


def must_choose_new_password(uow: UnitOfWork) -> bool:
    """Whether the signed-in person must replace a temporary password set by the admin."""
    user = uow.session.get(User, uow.actor.user_id) if uow.actor.user_id else None
    return bool(user and user.must_change_password)


def add_user(uow: UnitOfWork, *, username: str, display_name: str, role: Role | str, password: str,
             must_change_password: bool = False) -> UserInfo:
    """Create an account.  The first account of a station is made by set-up, the rest by the admin.  The role
    is never assumed: an account made without one chosen would be a station admin by a slip."""
    if count_users(uow):
        uow.require(Permission.MANAGE_USERS)
    name = _clean_username(username)
    if _find(uow, name) is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The user name \"{username}\" is taken. Choose another."), field="username", username=name)
    if not role:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Choose the person's role: it decides what they may do on this PC."), field="role")
    check_new_password(password)
    user = User(username=name, display_name=_clean_display_name(display_name), role=Role(role).value,
                password_hash=hash_password(password), must_change_password=must_change_password)
    uow.session.add(user)
    uow.session.flush()
    return _info(user)


def sign_in(uow: UnitOfWork, *, username: str, password: str, only_password: bool = False) -> Actor:
    """Check a password; after repeated wrong ones the account must wait longer each time.

    ``only_password``: the person typed nothing but the password (the lock screen), so a wrong one is called
    that, not "the user name or password".
    """
    user = _find(uow, username)
    now = uow.now()
    if user is None or not user.active:
        uow.audit("sign_in_failed", entity="users", username=clean_text(username))
        uow.commit()
        raise SignInRefused(QT_TRANSLATE_NOOP(
            "desktop", "The user name or password is wrong. Check them and try again."), field="password")
    wait = wait_after_failures(user.failed_attempts)
    if wait and user.last_failed_at is not None:
        remaining = (user.last_failed_at + timedelta(seconds=wait) - now).total_seconds()
        if 0 < remaining <= wait:
            raise SignInRefused(QT_TRANSLATE_NOOP(
                "desktop", "Too many wrong passwords. Wait {seconds} seconds, then try again."),
                field="password", seconds=math.ceil(remaining))
    if not verify_password(user.password_hash, password):
        user.failed_attempts += 1
        user.last_failed_at = now
        uow.audit("sign_in_failed", entity="users", entity_id=user.id, username=user.username,
                  attempts=user.failed_attempts)
        uow.commit()
        wait = wait_after_failures(user.failed_attempts)
        if wait:
            raise SignInRefused(QT_TRANSLATE_NOOP(
                "desktop", "The password is wrong. Wait {seconds} seconds before trying again."),
                field="password", seconds=wait)
        if only_password:
            raise SignInRefused(QT_TRANSLATE_NOOP(
                "desktop", "The password is wrong. Check it and try again."), field="password")
        raise SignInRefused(QT_TRANSLATE_NOOP(
            "desktop", "The user name or password is wrong. Check them and try again."), field="password")
    user.failed_attempts = 0
    user.last_failed_at = None
    user.last_sign_in_at = now
    actor = _actor(user)
    uow.actor = actor
    uow.audit("sign_in", entity="users", entity_id=user.id)
    return actor


def record_sign_out(uow: UnitOfWork, *, reason: str) -> None:
    """Note in the audit log that the screen was locked or the person signed out."""
    uow.audit(reason, entity="users", entity_id=uow.actor.user_id)


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    uow.require(Permission.MANAGE_USERS)
    return [_info(user) for user in uow.session.scalars(select(User).order_by(User.active.desc(), User.sort_key))]


def _active_admins(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count()).select_from(User).where(
        User.active, User.role == Role.ADMIN.value)) or 0


def update_user(uow: UnitOfWork, *, user_id: str, display_name: str, role: Role, active: bool) -> UserInfo:
    uow.require(Permission.MANAGE_USERS)
    user = _get(uow, user_id)
    losing_admin = user.role == Role.ADMIN.value and user.active and (role != Role.ADMIN or not active)
    if losing_admin and _active_admins(uow) <= 1:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "This is the only active station admin. Make someone else admin first."), field="role")
    user.display_name = _clean_display_name(display_name)
    user.role = Role(role).value
    user.active = active
    uow.session.flush()
    return _info(user)


def reset_password(uow: UnitOfWork, *, user_id: str, new_password: str) -> UserInfo:
    """The admin sets a temporary password; the person must choose their own at next sign-in."""
    uow.require(Permission.MANAGE_USERS)
    user = _get(uow, user_id)
    check_new_password(new_password)
    user.password_hash = hash_password(new_password)
    user.must_change_password = user.id != uow.actor.user_id
    user.failed_attempts = 0
    user.last_failed_at = None
    uow.session.flush()
    uow.audit("reset_password", entity="users", entity_id=user.id, username=user.username)
    return _info(user)


def change_own_password(uow: UnitOfWork, *, current_password: str, new_password: str) -> None:
    user = _get(uow, uow.actor.user_id or "")
    if not verify_password(user.password_hash, current_password):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The current password is wrong."), field="current_password")
    check_new_password(new_password, field="new_password")
    if verify_password(user.password_hash, new_password):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "Choose a password different from the current one."), field="new_password")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    uow.session.flush()
    uow.audit("change_password", entity="users", entity_id=user.id)
