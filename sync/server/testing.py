"""Throwaway servers for tests and benchmarks: a private PostgreSQL cluster and the app on a loopback port.

Shared by tests/sync/conftest.py and benchmarks/bench_server_push.py so both start PostgreSQL the same way.
Nothing here listens on anything but 127.0.0.1.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
POSTGRES_USER = "postgres"  # the OS account that runs the cluster when we are root (PostgreSQL refuses root)


class PostgresUnavailable(Exception):
    """No PostgreSQL server binaries on this machine (``pg_config`` not found)."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def postgres_bindir() -> Path:
    """Where initdb, pg_ctl and postgres are: ``pg_config --bindir``, else Debian's newest
    /usr/lib/postgresql/N/bin (Debian keeps them off PATH)."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config is not None:
        found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        if found.returncode == 0:
            candidates.append(Path(found.stdout.strip()))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name)
                         if path.parent.name.isdigit() else 0, reverse=True)
    for bindir in candidates:
        if (bindir / "initdb").exists() and (bindir / "pg_ctl").exists():
            return bindir
    raise PostgresUnavailable("no PostgreSQL server binaries (initdb, pg_ctl) found: install PostgreSQL "
                              "(apt-get install postgresql)")


class PostgresCluster:
    """A private PostgreSQL cluster in a temporary folder, on 127.0.0.1 and a free port, trust authentication.

    As root the cluster runs as the ``postgres`` OS user (the folder is handed to it); otherwise as
    ourselves.  ``durable=False`` (tests) turns fsync off; benchmarks keep PostgreSQL's safe defaults.
    Use as a context manager, or call ``start``/``stop``; ``stop`` also runs at interpreter exit.
    """

    def __init__(self, *, durable: bool = False) -> None:
        self.bindir = postgres_bindir()
        self.durable = durable
        self.port = 0
        self.root: Path | None = None
        self._run_as: dict[str, object] = {}
        self._started = False

    @property
    def data_dir(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        assert self.root is not None
        return self.root / "log" / "postgres.log"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(list(args), capture_output=True, text=True, timeout=120, cwd=self.root,
                                **self._run_as)  # type: ignore[arg-type]
        if result.returncode != 0:
            detail = result.stdout + result.stderr
            if self.root is not None and self.log_file.exists():
                detail += "\n" + self.log_file.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{' '.join(args)} failed ({result.returncode}):\n{detail}")
        return result

    def start(self) -> PostgresCluster:
        self.root = Path(tempfile.mkdtemp(prefix="city-pg-"))
        (self.root / "log").mkdir()
        (self.root / "socket").mkdir()
        if os.geteuid() == 0:
            account = pwd.getpwnam(POSTGRES_USER)
            for path in (self.root, self.root / "log", self.root / "socket"):
                os.chown(path, account.pw_uid, account.pw_gid)
            self._run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        self._run(str(self.bindir / "initdb"), "-D", str(self.data_dir), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        settings = ["-k", str(self.root / "socket"), "-c", f"listen_addresses={LOOPBACK}",
                    "-c", "max_connections=200"]
        if not self.durable:
            settings += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        for attempt in range(5):
            self.port = free_port()
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file), "-w",
                          "-t", "60", "-o", " ".join([*settings, "-p", str(self.port)]), "start")
                break
            except RuntimeError:
                if attempt == 4:
                    raise
                log.warning("PostgreSQL did not start on port %s; trying another", self.port)
        self._started = True
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        if self._started:
            self._started = False
            with contextlib.suppress(Exception):
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) for ``database`` in this cluster, over TCP on 127.0.0.1."""
        return f"postgresql+psycopg://postgres@{LOOPBACK}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        with psycopg.connect(host=LOOPBACK, port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


class ServerThread:
    """The city server app under uvicorn in a background thread on 127.0.0.1 and a free port."""

    def __init__(self, app, *, port: int | None = None) -> None:
        import uvicorn

        self.port = port or free_port()
        config = uvicorn.Config(app, host=LOOPBACK, port=self.port, log_level="warning", access_log=False,
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"city-server:{self.port}", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self, timeout_s: float = 20.0) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + timeout_s
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the city server did not start on {self.base_url}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


# -- a small city and wire-level helpers, for tests of the server and of the station's client -------------

# A township of 洮北区 with two villages and a community; every live test server has these regions.
TEST_REGIONS_CSV = (
    "code,name,level,parent_code\n"
    "220802101,平安镇,township,220802\n"
    "220802101201,幸福村,village,220802101\n"
    "220802101202,红星村,village,220802101\n"
    "220802101001,新华社区,community,220802101\n"
)
VILLAGE_A = "220802101201"
VILLAGE_B = "220802101202"
COMMUNITY_C = "220802101001"


def stamp(wall_ms: int, node: str, counter: int = 0) -> str:
    """A clock stamp as text (desktop/domain/hlc.py), for hand-made changes."""
    from desktop.domain.hlc import Stamp

    return str(Stamp(wall_ms, counter, node))


def change(entity: str, row_id: str, fields: dict[str, object], at: str | dict[str, str], *,
           base: dict[str, str | None] | None = None, change_id: str | None = None) -> dict[str, object]:
    """One CHANGE of a push (docs/sync-protocol.md §3); ``at`` is one stamp for every field, or one per field."""
    import uuid

    stamps = dict.fromkeys(fields, at) if isinstance(at, str) else dict(at)
    return {"change_id": change_id or str(uuid.uuid4()), "entity": entity, "row_id": row_id, "fields": fields,
            "stamps": stamps, "base": dict.fromkeys(fields) if base is None else base}
