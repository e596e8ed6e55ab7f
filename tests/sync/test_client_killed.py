"""(c) with a real kill: the station's process dies at each step of a sync — no rollback, no clean-up,
as in a power cut — and after a restart and another sync both sides hold exactly the same data."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import ledger, readable_elsewhere, server_ledger, snapshot, sync, village_with_unsynced_work
from stations import reopen

from sync.client.run import STEPS

HERE = Path(__file__).resolve().parent
KILLED = 137

# Runs one sync in a process of its own and ends that process on the spot at the chosen step.
STATION_PROCESS = textwrap.dedent(f"""
    import os, sys
    sys.path.insert(0, {str(HERE)!r})
    from pathlib import Path
    from station_kinds import add_tables
    from desktop.paths import DataFolder
    from desktop.storage.database import open_database
    from sync.client.run import sync_once

    step, folder = sys.argv[1], Path(sys.argv[2])
    db = open_database(DataFolder(folder))
    add_tables(db)

    def on_step(name):
        if name == step:
            os._exit({KILLED})  # no finally, no rollback, no closing: the process is simply gone

    sync_once(db, on_step=on_step, push_limit=3, pull_limit=3, sleep=lambda _seconds: None)
    os._exit(0)
""")


@pytest.mark.parametrize("step", [name for name in STEPS if name not in ("start", "finished")])
def test_a_station_killed_at_any_step_of_a_sync_loses_nothing(tmp_path, city, step):
    a, b = village_with_unsynced_work(tmp_path, city)
    try:
        a.close()
        killed = subprocess.run([sys.executable, "-c", STATION_PROCESS, step, str(a.folder.root)],
                                env=dict(os.environ), capture_output=True, text=True, timeout=180)
        assert killed.returncode == KILLED, killed.stderr
        a = reopen(a)  # the PC is switched on again
        bound = readable_elsewhere(city, a)
        restarted = sync(a)
        assert not restarted.refetched and not restarted.mismatch  # it went on from where it was cut off
        assert restarted.received <= bound
        sync(b)
        sync(a)
        assert ledger(a) == ledger(b) == server_ledger(city) == {"rice": 28, "oil": 28}
        assert snapshot(a) == snapshot(b)
    finally:
        a.close()
        b.close()
