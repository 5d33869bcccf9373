"""Real processes uploading at the same moment, on SQLite and on PostgreSQL: every upload lands.

The children read their questionnaire first, then wait for a common start signal, so their
database work (including migrating a brand-new database) really overlaps.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from roam.store import Store
from tests.store.conftest import REPO, SAMPLES

CHILD = """
import json, os, sys, time
from pathlib import Path
from roam.questionnaire import read_questionnaire
from roam.store import Store

url, path, ready, go, times, who = sys.argv[1:]
data = Path(path).read_bytes()
assessment = read_questionnaire(data, filename=Path(path).name)
Path(ready).touch()
while not os.path.exists(go):
    time.sleep(0.002)
store = Store(url)
numbers = [store.add_version(assessment, data, user=who).version for _ in range(int(times))]
import roam.store.transactions as repo
print(json.dumps(numbers), repo.retries, file=sys.stderr)
print(json.dumps(numbers))
"""

CLI_CHILD = """
import os, sys, time
from pathlib import Path
from roam.cli import app
from roam.cli.store import register

register(app)
ready, go, *files = sys.argv[1:]
Path(ready).touch()
while not os.path.exists(go):
    time.sleep(0.002)
app(["ingest", *files], standalone_mode=True)
"""


def _start_together(
    commands: list[list[str]], tmp: Path, env: dict[str, str]
) -> list[subprocess.CompletedProcess[str]]:
    go = tmp / "go"
    procs = []
    for i, cmd in enumerate(commands):
        ready = tmp / f"ready-{i}"
        full = [cmd[0], cmd[1], cmd[2], *[a.replace("{ready}", str(ready)) for a in cmd[3:]]]
        full = [a.replace("{go}", str(go)) for a in full]
        procs.append(
            subprocess.Popen(
                full, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        )
    deadline = time.monotonic() + 120
    while not all((tmp / f"ready-{i}").exists() for i in range(len(commands))):
        if any(p.poll() not in (None, 0) for p in procs) or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return results


def _env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["ROAM_DATABASE_URL"] = url
    env["ROAM_USER"] = "concurrent"
    env["PYTHONPATH"] = str(REPO)
    return env


def test_concurrent_uploads_all_land_with_distinct_versions(db_url: str, tmp_path: Path) -> None:
    """4 processes x 3 uploads of the same file, plus 2 of another, on a brand-new database."""
    xa, xb = SAMPLES / "XA_Aurelia_full.xlsx", SAMPLES / "XB_Borealis_full.xlsx"
    jobs = [(xa, 3, f"xa-{i}") for i in range(4)] + [(xb, 2, f"xb-{i}") for i in range(2)]
    commands = [
        [sys.executable, "-c", CHILD, db_url, str(path), "{ready}", "{go}", str(n), who]
        for path, n, who in jobs
    ]
    results = _start_together(commands, tmp_path, _env(db_url))
    for r in results:
        assert r.returncode == 0, r.stderr[-3000:]
    got = [json.loads(r.stdout.strip().splitlines()[-1]) for r in results]
    xa_numbers = sorted(n for numbers in got[:4] for n in numbers)
    xb_numbers = sorted(n for numbers in got[4:] for n in numbers)
    assert xa_numbers == list(range(1, 13))
    assert xb_numbers == list(range(1, 5))

    store = Store(db_url)
    history = store.history("XA")
    assert [v.version for v in history] == list(range(1, 13))
    assert Counter(v.uploaded_by for v in history) == {f"xa-{i}": 3 for i in range(4)}
    assert store.counts()["version"] == 16
    assert store.counts()["response"] == 16 * len(store.load("XA").responses)
    assert store.load("XA", version=7).meta.iso_code == "XA"


def test_concurrent_cli_ingests_all_land(db_url: str, tmp_path: Path) -> None:
    """Three `roam ingest` processes with overlapping files at the same moment."""
    files = [str(SAMPLES / n) for n in ("XA_Aurelia_full.xlsx", "XC_Calvaria_core.xlsx")]
    commands = [[sys.executable, "-c", CLI_CHILD, "{ready}", "{go}", *files] for _ in range(3)]
    results = _start_together(commands, tmp_path, _env(db_url))
    for r in results:
        assert r.returncode == 0, r.stderr[-3000:]
        assert "Stored 2 file(s)" in r.stdout
    store = Store(db_url)
    assert [v.version for v in store.history("XA")] == [1, 2, 3]
    assert [v.version for v in store.history("XC")] == [1, 2, 3]
