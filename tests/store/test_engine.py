"""Opening a brand-new SQLite database: processes take turns through a lock file beside it."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OPEN = (
    "import sys; from roam.store import Store; print('ready', flush=True); "
    "Store(sys.argv[1]).counts(); print('opened')"
)


def test_a_process_opening_a_new_database_waits_for_the_one_creating_it(tmp_path):
    database = tmp_path / "roam.sqlite"
    url = f"sqlite:///{database}"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    with open(f"{database}.open-lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as if another process were creating the database
        child = subprocess.Popen(
            [sys.executable, "-c", OPEN, url], env=env, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout.readline().strip() == "ready"  # roam imported: it opens now
        time.sleep(2)
        assert child.poll() is None  # it waits its turn instead of failing "database is locked"
        assert not database.exists() or database.stat().st_size == 0
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, _ = child.communicate(timeout=120)
    assert child.returncode == 0 and out.strip() == "opened"
    assert database.stat().st_size > 0  # and then created it
