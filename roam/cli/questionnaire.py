"""`roam template` and `roam validate`: questionnaires out and back in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import (
    DEFAULT_VERSION,
    FrameworkOption,
    JsonOption,
    LangOption,
    app,
    fail,
    follow_workbook,
    use_language,
    write_output,
)
from roam.countries import UnknownCountry, resolve_country
from roam.framework import CatalogueError, load_framework
from roam.i18n import _


@app.command()
def template(
    country: Annotated[
        str, typer.Option("--country", "-c", help="ISO 3166 code or name; XA-XZ for training.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .xlsx.")],
    indicator_set: Annotated[
        str, typer.Option("--set", help="core (core + contextual) or full (all 303).")
    ] = "full",
    version: FrameworkOption = DEFAULT_VERSION,
    year: Annotated[int | None, typer.Option(help="Assessment year (default: this year).")] = None,
    name: Annotated[str | None, typer.Option(help="Country name for XA-XZ codes.")] = None,
    lang: LangOption = None,
) -> None:
    """Write a blank national questionnaire workbook for a country (in --lang: fr, es, ar)."""
    from roam.i18n import country_name
    from roam.questionnaire import AssessmentMeta, write_questionnaire

    code = use_language(lang)
    if indicator_set not in ("core", "full"):
        raise fail(_("--set must be core or full, not {value}").format(value=repr(indicator_set)))
    try:
        fw = load_framework(version)
        found = resolve_country(country, name)
    except CatalogueError as exc:
        raise fail(str(exc)) from None
    except UnknownCountry:
        raise fail(
            _(
                "{country} is not an ISO 3166 country code or name (codes XA to XZ are allowed "
                "for training data)"
            ).format(country=repr(country))
        ) from None
    meta = AssessmentMeta(
        country=found.name if name else country_name(found.name, code),
        iso_code=found.code,
        year=year or dt.date.today().year,
        framework=fw.version,
        indicator_set=indicator_set,
        fictional=found.user_assigned,
    )
    if output.suffix.lower() != ".xlsx":
        raise fail(
            _("the output file must end in .xlsx, not {suffix}").format(
                suffix=repr(output.suffix or "nothing")
            )
        )
    write_output(output, write_questionnaire(fw, meta, lang=code))
    count = len(fw.entries_for(indicator_set))
    typer.echo(
        _("Wrote {output}: {country} ({code}), {indicator_set} set, {count} indicators").format(
            output=output,
            country=meta.country,
            code=found.code,
            indicator_set=_(indicator_set),
            count=count,
        )
    )


@app.command()
def validate(
    path: Annotated[Path, typer.Argument(help="A filled questionnaire (.xlsx).")],
    as_json: JsonOption = False,
    max_mb: Annotated[
        float | None, typer.Option("--max-mb", help="Largest file accepted, in MB.")
    ] = None,
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", help="Also write a copy of the workbook with problems marked."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check a filled questionnaire; exit 0 when usable (warnings allowed), 1 when not.

    Messages are in --lang, or else in the language of the workbook's template.
    """
    from roam.questionnaire.budget import check_within_budget

    use_language(lang)
    assessment, report = check_within_budget(path, max_file_mb=max_mb)
    follow_workbook(lang, report.language)
    if annotate is not None and assessment is not None:
        from roam.questionnaire.annotate import annotate_workbook

        write_output(annotate, annotate_workbook(path.read_bytes(), report))
    valid = report.valid and assessment is not None
    if as_json:
        payload = report.as_dict()
        payload["valid"] = valid
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        for issue in report.issues:
            typer.echo(str(issue))
        errors, warnings = len(report.errors), len(report.warnings)
        verdict = _("usable") if valid else _("NOT usable")
        where = f"{assessment.meta.country} ({assessment.country}) " if assessment else ""
        typer.echo(
            _("{file}: {where}{verdict}: {errors} errors, {warnings} warnings").format(
                file=path.name, where=where, verdict=verdict, errors=errors, warnings=warnings
            )
        )
    if not valid:
        raise typer.Exit(code=1)
