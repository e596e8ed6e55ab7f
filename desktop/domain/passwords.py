"""Password hashing (argon2id) and the waiting time after wrong passwords."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.errors import InvalidInput
from desktop.i18n import QT_TRANSLATE_NOOP

MIN_LENGTH = 6
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300

# OWASP's minimum argon2id settings: quick enough on an old village PC, far too slow to guess at.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_new_password(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The password must have at least {count} characters."), field=field, count=MIN_LENGTH)
    if len(set(password)) == 1:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "desktop", "The password must not be one character repeated."), field=field)


def wait_after_failures(failures: int) -> int:
    """Seconds to wait before the next try: none for the first few slips, then doubling to 5 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, 5 * 2 ** (failures - FREE_ATTEMPTS))
