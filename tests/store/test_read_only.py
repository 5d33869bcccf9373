"""A read-only database folder (issue 11, item 13): reads work, writes say plainly why not.

The folder is made read-only for real: with chmod when the tests run as an ordinary user, and
with a read-only bind mount in a private mount namespace (``unshare -m``) when they run as root
(root ignores file modes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from roam.store import Store
from roam.store.engine import dispose_all
from tests.store.conftest import SAMPLES

ROAM = str(Path(sys.executable).with_name("roam"))


def _read_only_runner(folder: Path, view: Path):
    """A function running ``roam ARGS`` with ROAM_DATA_DIR=view, a read-only view of folder."""
    env = {**os.environ, "ROAM_DATA_DIR": str(view)}
    env.pop("ROAM_DATABASE_URL", None)
    if os.geteuid() != 0:
        for path in [folder, *folder.iterdir()]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        view.symlink_to(folder)
        return lambda *args: subprocess.run([ROAM, *args], env=env, capture_output=True, text=True)
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: cannot make a folder read-only")
    view.mkdir()
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind -o ro '{folder}' '{view}'"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot make a read-only bind mount here: {probe.stderr.strip()}")
    script = f'mount --bind -o ro "{folder}" "{view}" && exec "$@"'
    return lambda *args: subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", ROAM, *args],
        env=env,
        capture_output=True,
        text=True,
    )


def test_reads_work_and_writes_refuse_plainly(tmp_path):
    folder = tmp_path / "data"
    store = Store(f"sqlite:///{folder / 'roam.sqlite'}")
    store.ingest([SAMPLES / "XA_Aurelia_full.xlsx"], user="tester")
    dispose_all()  # closes the WAL: the database is one file again
    roam = _read_only_runner(folder, tmp_path / "view")
    listed = roam("list")
    assert listed.returncode == 0, listed.stderr
    assert "XA Aurelia" in listed.stdout
    shown = roam("history", "XA")
    assert shown.returncode == 0 and "tester" in shown.stdout
    refused = roam("ingest", str(SAMPLES / "XB_Borealis_full.xlsx"))
    assert refused.returncode == 1
    assert "Error: nothing was stored: the database" in refused.stderr
    assert "is read-only" in refused.stderr and "Traceback" not in refused.stderr


def test_no_database_in_a_read_only_folder_is_a_plain_message(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "keep").write_text("")  # chmod needs something to protect
    roam = _read_only_runner(folder, tmp_path / "view")
    result = roam("list")
    assert result.returncode == 1
    assert "cannot create the database" in result.stderr and "is read-only" in result.stderr
    assert "Traceback" not in result.stderr
