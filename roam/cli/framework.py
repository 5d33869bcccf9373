"""`roam framework`: what a framework version holds."""

from __future__ import annotations

import json

import typer

from roam.cli.common import DEFAULT_VERSION, FrameworkOption, JsonOption, app, fail
from roam.framework import CatalogueError, load_framework


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
