"""One Chromium per test module (Debian's, driven by Playwright): required in CI, skipped with
a plain reason elsewhere when it is missing."""

from __future__ import annotations

import os

import pytest

from tests.e2e.browser import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (./dev test installs it)")
        pytest.skip("no chromium on this machine: apt-get install chromium")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
