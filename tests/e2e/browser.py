"""Start the real app and a real Chromium (Debian's), for end-to-end tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


@contextlib.contextmanager
def store_at(data_dir: Path) -> Iterator[Any]:
    """The store in ``data_dir``, to prepare it before a server starts on it (closed after)."""
    from roam.store import Store
    from roam.store.engine import dispose_all

    previous = os.environ.get("ROAM_DATA_DIR")
    os.environ["ROAM_DATA_DIR"] = str(data_dir)
    try:
        yield Store()
    finally:
        dispose_all()
        if previous is None:
            os.environ.pop("ROAM_DATA_DIR")
        else:
            os.environ["ROAM_DATA_DIR"] = previous


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(
    data_dir: Path,
    timeout: float = 90.0,
    *,
    port: int | None = None,
    extra_args: tuple[str, ...] = (),
    host: str = "127.0.0.1",
    script: str = "app.py",
) -> Iterator[str]:
    """`streamlit run app.py` (or another script of the repository) on a free port; yields the
    base URL once /_stcore/health is ok."""
    port = port or free_port()
    env = dict(os.environ, ROAM_DATA_DIR=str(data_dir))
    env.pop("ROAM_DATABASE_URL", None)
    streamlit = Path(sys.executable).with_name("streamlit")
    proc = subprocess.Popen(
        [
            str(streamlit),
            "run",
            script,
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            *extra_args,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.read() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode()[-2000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"app did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_idle(page, timeout: float = 60_000) -> None:
    """Streamlit marks the page notRunning when a script run has finished."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=timeout)
    page.wait_for_timeout(300)
