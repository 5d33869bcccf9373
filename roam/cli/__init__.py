"""The `roam` command line: one module per command group, all on one typer app.

Every failure ends with a plain message and exit code 1.
"""

from __future__ import annotations

from roam.cli import (  # noqa: F401  (registers the commands)
    aggregate,
    change,
    framework,
    publish,
    questionnaire,
    recommendations,
    reproduce,
    results,
    review,
    store,
    users,
)
from roam.cli.common import app, fail, write_output

__all__ = ["app", "fail", "main", "write_output"]


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
