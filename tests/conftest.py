import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]

# In CI property tests are derandomised: the same examples every run, so a red build is a real
# change, not a lucky draw. Locally they explore (HYPOTHESIS_PROFILE=ci to reproduce CI).
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def fixture_frameworks(tmp_path: Path) -> Path:
    """A writable copy of the small 2024 test framework, for tests that break it on purpose."""
    root = tmp_path / "indicators"
    shutil.copytree(FIXTURES / "frameworks", root)
    return root


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Markers by what a test needs, so `-m "not browser and not postgres"` runs without them:
    tests/e2e drive a real Chromium; tests using the PostgreSQL server (directly or as the
    "postgresql" store parameter) need Debian's postgresql."""
    for item in items:
        path = Path(str(item.path))
        if "e2e" in path.parts:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
        callspec = getattr(item, "callspec", None)
        params = callspec.params.values() if callspec is not None else ()
        uses_postgres = any(isinstance(p, str) and p == "postgresql" for p in params)
        if "pg_server" in getattr(item, "fixturenames", ()) or uses_postgres:
            item.add_marker(pytest.mark.postgres)
