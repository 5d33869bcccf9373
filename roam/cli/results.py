"""`roam score`, `compare`, `export`, `package`: numbers and the files built from them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import (
    DrawsOption,
    JsonOption,
    LangOption,
    ProfileOption,
    RunChoice,
    SeedOption,
    WeightsOption,
    _analyse,
    _analyse_one,
    _fmt,
    app,
    use_language,
    write_output,
)
from roam.i18n import N_, _, current_language
from roam.scoring.results import reason_text


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

    With --json: an object with "run" (the run record, as in a package's assessment.json) and
    "results" (one record per country), so the printed numbers carry the settings that made them."""
    analysis = _analyse(sources, weights, RunChoice(profile, draws, seed))
    records = analysis.records()
    if as_json:
        shown = {"run": analysis.run.model_dump(mode="json"), "results": records}
        typer.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        return
    run = analysis.run
    low, high = run.percentiles
    intervals = _("{percent}% intervals").format(percent=f"{high - low:g}")
    typer.echo(
        _(
            "Scores are an analytical aid with {intervals}; UNESCO does not rank countries with "
            "these indicators."
        ).format(intervals=intervals)
    )
    typer.echo(_("Run: {summary}").format(summary=run.summary()))
    for record in records:
        typer.echo("")
        indicator_set = record["indicator_set"]
        typer.echo(
            _("{name} ({country}), framework {framework}, {set} set, weights {weights}").format(
                name=record["name"],
                country=record["country"],
                framework=record["framework"],
                set=_(indicator_set),
                weights=_(str(record.get("weights"))),
            )
        )
        interval = _("{percent}% interval").format(percent=f"{high - low:g}")
        heading = _("score [{interval}]").format(interval=interval)
        coverage_head, band_head = _("coverage"), _("band")
        width = max(22, len(heading) + 1)
        typer.echo(f"  {'':<34}{heading:<{width}}{coverage_head:>11}  {band_head}")
        fw = analysis.framework
        rows = [(fw.text("vocab.index", current_language()), record["index"])] + [
            (f"{code} {fw.text(f'vocab.{code}', current_language())}", node)
            for code, node in record["categories"].items()
        ]
        for label, node in rows:
            coverage = "" if node["coverage"] is None else f"{node['coverage']:.0%}"
            band = _(node["band"]) if node["band"] else reason_text(node.get("reason"))
            typer.echo(f"  {label:<34}{_fmt(node):<{width}}{coverage:>11}  {band}")


@app.command()
def compare(
    sources: Annotated[list[str], typer.Argument(help="Questionnaire files or stored countries.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .xlsx.")],
    weights: WeightsOption = None,
    draws: DrawsOption = None,
    seed: SeedOption = None,
    profile: ProfileOption = None,
    lang: LangOption = None,
) -> None:
    """Write a cross-national comparison workbook (an analytical comparison, not a ranking)."""
    from roam.export.comparison import write_comparison
    from roam.i18n import language

    code = use_language(lang)
    analysis = _analyse(sources, weights, RunChoice(profile, draws, seed))
    with language(code):
        data = write_comparison(analysis)
    write_output(output, data)
    typer.echo(
        _("Wrote {output}: {count} assessments compared").format(
            output=output, count=len(analysis.assessments)
        )
    )


def _country_command(kind: str, what: str, summary: str):
    """`roam export` and `roam package`: one file for one country, built by
    roam.export.files.write_country_file as the service builds it for the app."""

    def command(
        source: Annotated[str, typer.Argument(help="A questionnaire file or a stored country.")],
        output: Annotated[
            Path, typer.Option("--output", "-o", help="Where to write the file (.xlsx, .zip).")
        ],
        weights: WeightsOption = None,
        draws: DrawsOption = None,
        seed: SeedOption = None,
        profile: ProfileOption = None,
        lang: LangOption = None,
    ) -> None:
        from roam.export.files import write_country_file

        code = use_language(lang)
        assessment, original, name, analysis = _analyse_one(
            source, weights, RunChoice(profile, draws, seed)
        )
        reviews = _review_records(source, assessment)
        data = write_country_file(
            kind, analysis, assessment.country, (name, original), reviews, lang=code
        )
        write_output(output, data)
        typer.echo(
            _("Wrote {output}: {what} for {country} ({code})").format(
                output=output,
                what=_(what),
                country=assessment.meta.country,
                code=assessment.country,
            )
        )

    command.__doc__ = summary
    return command


app.command("export")(
    _country_command(
        "results",
        N_("results"),
        N_(
            "Write the results workbook an evaluator reads (scores, gaps, MAB, method, "
            "uncertainty)."
        ),
    )
)
app.command("package")(
    _country_command(
        "package",
        N_("submission package"),
        N_("Write the submission package for UNESCO (IPDC), with a manifest of SHA-256 checksums."),
    )
)


def _review_records(source: str, assessment) -> list[dict] | None:
    """Review rounds of a stored assessment (None for a file: it has no rounds)."""
    if Path(source).exists():
        return None
    from roam.service import as_local_admin
    from roam.service.reviews import records_for_export

    guard = as_local_admin()
    return records_for_export(guard.store, guard.user, assessment.country, assessment.meta.year)
