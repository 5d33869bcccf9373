"""One door: nothing outside the store and the service layer imports the raw store (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

ROAM = Path(__file__).resolve().parents[2] / "roam"
ALLOWED = ("store", "service")  # the store itself, and the one layer that may use it


def store_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        found += [
            f"{path.name}:{node.lineno} {n}"
            for n in names
            if n == "roam.store" or n.startswith("roam.store.")
        ]
    return found


def test_only_the_service_layer_reaches_the_store():
    offenders = [
        hit
        for path in sorted(ROAM.rglob("*.py"))
        if path.relative_to(ROAM).parts[0] not in ALLOWED
        for hit in store_imports(path)
    ]
    assert offenders == []


def test_the_check_sees_every_way_of_importing(tmp_path):
    assert store_imports(ROAM / "ui" / "pages" / "history.py") == []  # a real page; one cheating:
    cheat = tmp_path / "cheat.py"
    cheat.write_text(
        "import roam.store\nfrom roam.store.repository import Store\nfrom roam import store\n"
        "def f():\n    from roam.store import Store\n"
    )
    lines = {hit.split()[0] for hit in store_imports(cheat)}
    assert lines == {"cheat.py:1", "cheat.py:2", "cheat.py:3", "cheat.py:5"}
