"""Sensitive values at rest: sealed with AES-GCM under a key kept outside the database, found again by a keyed hash.

Every field a record kind declares ``sensitive`` (ID numbers, a conflict's kept and lost values) is
stored sealed in the current records and in the changelog; the stations get it back in clear over
their authenticated connection.  A sealed value is bound to its place (entity, row id, field), so it
cannot be copied into another record.  The key file is 32 random bytes in base64, readable by its
owner only; docs/city-server.md says where it lives and how to back it up.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
SEALED_PREFIX = "sealed:1:"
KEY_FILE = "city.key"
ENV_KEY_FILE = "CITY_SERVER_KEY_FILE"


class KeyProblem(Exception):
    """The key file is missing, unreadable or not a key; the message says what to do."""


def _derive(key: bytes, purpose: bytes) -> bytes:
    return hmac.new(key, purpose, hashlib.sha256).digest()


def create_key_file(path: Path) -> None:
    """Write a new random key to ``path`` (readable by its owner only); never overwrites one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyProblem(f"{path} exists already; a key is never overwritten (the data sealed with it "
                         "could not be read again).") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(base64.b64encode(os.urandom(KEY_BYTES)).decode("ascii") + "\n")


def key_file_for(database_url: str) -> Path | None:
    """Where the key lives by default: ``city.key`` beside an SQLite database (made on first use, so a city
    server tried out on SQLite needs no set-up); None for PostgreSQL, whose key file must be named."""
    from sqlalchemy.engine import make_url

    parsed = make_url(database_url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    path = Path(parsed.database).resolve().parent / KEY_FILE
    if not path.exists():
        create_key_file(path)
    return path


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise KeyProblem(f"The key file {path} does not exist. Create it once with "
                         f"'city-server key create {path}', keep a copy with the backups, and give every "
                         "server process the same file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyProblem(f"The key file {path} cannot be read: {exc}") from None
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyProblem(f"{path} is not a key file of the city server ({KEY_BYTES} bytes in base64).")
    return key


class Vault:
    """Seals and opens sensitive values, and gives the keyed hash that finds equal values."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a vault key is 32 bytes")
        self._aead = AESGCM(_derive(key, b"village-station/values"))
        self._lookup = _derive(key, b"village-station/lookup")

    @classmethod
    def from_file(cls, path: Path) -> Vault:
        return cls(read_key_file(path))

    def seal(self, value: Any, *, entity: str, row_id: str, name: str) -> Any:
        """``value`` sealed for its place; empty values (None, "") stay as they are, there is nothing to hide."""
        if value is None or value == "":
            return value
        nonce = os.urandom(NONCE_BYTES)
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        sealed = self._aead.encrypt(nonce, plain, f"{entity}/{row_id}/{name}".encode())
        return SEALED_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, value: Any, *, entity: str, row_id: str, name: str) -> Any:
        if not (isinstance(value, str) and value.startswith(SEALED_PREFIX)):
            return value
        raw = base64.b64decode(value[len(SEALED_PREFIX):])
        try:
            plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], f"{entity}/{row_id}/{name}".encode())
        except InvalidTag:
            raise KeyProblem(f"A sealed {entity}.{name} cannot be opened with this key: the server runs with "
                             "another key file than the one the data was sealed with.") from None
        return json.loads(plain)

    def digest(self, value: str) -> str:
        """The keyed hash of a value (an ID number): equal values have equal digests, nothing else is told."""
        return hmac.new(self._lookup, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def seal_fields(self, sensitive: frozenset[str], fields: dict[str, Any], *, entity: str,
                    row_id: str) -> dict[str, Any]:
        """``fields`` with its sensitive ones sealed (a new dict when there are any)."""
        names = sensitive.intersection(fields)
        if not names:
            return fields
        return {name: self.seal(value, entity=entity, row_id=row_id, name=name) if name in names else value
                for name, value in fields.items()}

    def open_fields(self, sensitive: frozenset[str], fields: dict[str, Any], *, entity: str,
                    row_id: str) -> dict[str, Any]:
        names = sensitive.intersection(fields)
        if not names:
            return fields
        return {name: self.open(value, entity=entity, row_id=row_id, name=name) if name in names else value
                for name, value in fields.items()}
