"""`roam score`, `compare`, `export`, `package`: numbers and the files built from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import (
    DrawsOption,
    JsonOption,
    ProfileOption,
    RunChoice,
    SeedOption,
    WeightsOption,
    _analyse,
    _analyse_one,
    _fmt,
    app,
    write_output,
)


@app.command()
def score(
    sources: Annotated[list[str], typer.Argument(help="Questionnaire files or stored countries.")],
    weights: WeightsOption = None,
    as_json: JsonOption = False,
    draws: DrawsOption = None,
    seed: SeedOption = None,
    profile: ProfileOption = None,
) -> None:
    """Score assessments: index and categories with interval, coverage and band.

    With --json: {"run": the run record (as in a package's assessment.json), "results": one
    record per country}, so the printed numbers carry the settings that made them."""
    analysis = _analyse(sources, weights, RunChoice(profile, draws, seed))
    records = analysis.records()
    if as_json:
        shown = {"run": analysis.run.model_dump(mode="json"), "results": records}
        typer.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        return
    run = analysis.run
    typer.echo(
        f"Scores are an analytical aid with {run.interval_label}s; UNESCO does not rank "
        "countries with these indicators."
    )
    typer.echo(f"Run: {run.summary()}")
    for record in records:
        typer.echo("")
        typer.echo(
            f"{record['name']} ({record['country']}), framework {record['framework']}, "
            f"{record['indicator_set']} set, weights {record['weights']}"
        )
        heading = f"score [{run.interval_label}]"
        typer.echo(f"  {'':<34}{heading:<22}{'coverage':>9}  band")
        fw = analysis.framework
        rows = [(fw.index_name, record["index"])] + [
            (fw.category_label(code), node) for code, node in record["categories"].items()
        ]
        for label, node in rows:
            coverage = "" if node["coverage"] is None else f"{node['coverage']:.0%}"
            band = node["band"] or (node.get("reason") or "")
            typer.echo(f"  {label:<34}{_fmt(node):<22}{coverage:>9}  {band}")


@app.command()
def compare(
    sources: Annotated[list[str], typer.Argument(help="Questionnaire files or stored countries.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .xlsx.")],
    weights: WeightsOption = None,
    draws: DrawsOption = None,
    seed: SeedOption = None,
    profile: ProfileOption = None,
) -> None:
    """Write a cross-national comparison workbook (an analytical comparison, not a ranking)."""
    from roam.export.comparison import write_comparison

    analysis = _analyse(sources, weights, RunChoice(profile, draws, seed))
    write_output(output, write_comparison(analysis))
    typer.echo(f"Wrote {output}: {len(analysis.assessments)} assessments compared")


@app.command()
def export(
    source: Annotated[str, typer.Argument(help="A questionnaire file or a stored country.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .xlsx.")],
    weights: WeightsOption = None,
    draws: DrawsOption = None,
    seed: SeedOption = None,
    profile: ProfileOption = None,
) -> None:
    """Write the results workbook an evaluator reads (scores, gaps, MAB, method, uncertainty)."""
    from roam.export.workbook import write_results

    assessment, _, _, analysis = _analyse_one(source, weights, RunChoice(profile, draws, seed))
    reviews = _review_records(source, assessment)
    write_output(output, write_results(analysis, assessment.country, reviews))
    typer.echo(f"Wrote {output}: results for {assessment.meta.country} ({assessment.country})")


@app.command()
def package(
    source: Annotated[str, typer.Argument(help="A questionnaire file or a stored country.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .zip.")],
    weights: WeightsOption = None,
    draws: DrawsOption = None,
    seed: SeedOption = None,
    profile: ProfileOption = None,
) -> None:
    """Write the submission package for UNESCO (IPDC), with a manifest of SHA-256 checksums."""
    from roam.export.package import write_package

    assessment, original, name, analysis = _analyse_one(
        source, weights, RunChoice(profile, draws, seed)
    )
    reviews = _review_records(source, assessment)
    write_output(output, write_package(analysis, assessment.country, original, name, reviews))
    typer.echo(f"Wrote {output}: submission package for {assessment.meta.country}")


def _review_records(source: str, assessment) -> list[dict] | None:
    """Review rounds of a stored assessment (None for a file: it has no rounds)."""
    if Path(source).exists():
        return None
    from roam.service import as_local_admin
    from roam.service.reviews import records_for_export

    guard = as_local_admin()
    return records_for_export(guard.store, guard.user, assessment.country, assessment.meta.year)
