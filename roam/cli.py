"""The `roam` command line. Every failure ends with a plain message and exit code 1."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from roam.framework import DEFAULT_VERSION, CatalogueError, load_framework

app = typer.Typer(
    help="roam: UNESCO Internet Universality ROAM-X indicators toolkit.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FrameworkOption = Annotated[
    str, typer.Option("--framework", "-f", help="Framework version folder under indicators/.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

CATEGORY_NAMES = {
    "R": "Rights",
    "O": "Openness",
    "A": "Accessibility to all",
    "M": "Multistakeholder participation",
    "X": "Cross-cutting",
    "C": "Contextual",
}


@app.callback()
def _root() -> None:
    """roam: UNESCO Internet Universality ROAM-X indicators toolkit."""


def fail(message: str) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code=1)


@app.command()
def framework(version: FrameworkOption = DEFAULT_VERSION, as_json: JsonOption = False) -> None:
    """Show the themes, questions, indicators and core indicators of a framework version."""
    try:
        fw = load_framework(version)
    except CatalogueError as exc:
        raise fail(str(exc)) from None
    counts = fw.counts()
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    typer.echo(f"{fw.manifest.title} (framework {fw.version}, checksum {fw.checksum})")
    header = f"{'category':<34}{'themes':>8}{'questions':>11}{'indicators':>12}{'core':>6}"
    typer.echo(header)
    typer.echo("-" * len(header))
    rows = [*counts["categories"].items(), ("Total", counts["totals"])]
    for code, c in rows:
        name = f"{code} {fw.categories[code].name}" if code in fw.categories else code
        typer.echo(
            f"{name:<34}{c['themes']:>8}{c['questions']:>11}{c['indicators']:>12}{c['core']:>6}"
        )


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
