import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def fixture_frameworks(tmp_path: Path) -> Path:
    """A writable copy of the small 2024 test framework, for tests that break it on purpose."""
    root = tmp_path / "indicators"
    shutil.copytree(FIXTURES / "frameworks", root)
    return root
