"""`roam framework`: what a framework version holds; its catalogue as a spreadsheet and back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import DEFAULT_VERSION, FrameworkOption, JsonOption, app, fail, write_output
from roam.framework import CatalogueError, indicators_root, load_framework
from roam.i18n import N_, _, current_language

framework_app = typer.Typer(
    help="Show a framework version; export its catalogue as a spreadsheet, or import one.",
    no_args_is_help=False,
)
app.add_typer(framework_app, name="framework")


@framework_app.callback(invoke_without_command=True)
def framework(
    ctx: typer.Context,
    version: FrameworkOption = DEFAULT_VERSION,
    as_json: JsonOption = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="Also report how much of the catalogue is translated (fr, es, ar...)."
        ),
    ] = None,
) -> None:
    """Show the themes, questions, indicators and core indicators of a framework version."""
    if ctx.invoked_subcommand is not None:
        return
    fw = _load(version)
    counts = fw.counts()
    coverage = _coverage(fw, lang) if lang else None
    if as_json:
        if coverage is not None:
            counts["translation"] = coverage
        typer.echo(json.dumps(counts, indent=2, ensure_ascii=False))
        return
    typer.echo(
        _("{title} (framework {version}, checksum {checksum})").format(
            title=fw.manifest.title, version=fw.version, checksum=fw.checksum
        )
    )
    here = current_language()
    names = [_(word) for word in COLUMNS]
    widths = [34] + [max(len(name) + 2, 6) for name in names[1:]]
    header = "".join(
        f"{name:<{w}}" if n == 0 else f"{name:>{w}}"
        for n, (name, w) in enumerate(zip(names, widths, strict=True))
    )
    typer.echo(header)
    typer.echo("-" * len(header))
    rows = [*counts["categories"].items(), (_("Total"), counts["totals"])]
    keys = ("themes", "questions", "indicators", "core", "confirmed_questions")
    for code, c in rows:
        name = f"{code} {fw.text(f'vocab.{code}', here)}" if code in fw.categories else code
        cells = [c[k] for k in (*keys, "confirmed_indicators")]
        typer.echo(
            f"{name:<{widths[0]}}"
            + "".join(f"{v:>{w}}" for v, w in zip(cells, widths[1:], strict=True))
        )
    totals = counts["totals"]
    typer.echo(
        _(
            "Confirmed from published sources: {questions_confirmed} of {questions} questions "
            "and {indicators_confirmed} of {indicators} indicators; the rest is reconstructed "
            "(see indicators/README.md)."
        ).format(
            questions_confirmed=totals["confirmed_questions"],
            questions=totals["questions"],
            indicators_confirmed=totals["confirmed_indicators"],
            indicators=totals["indicators"],
        )
    )
    if coverage is not None:
        _echo_coverage(coverage)


COLUMNS = (
    N_("category"),
    N_("themes"),
    N_("questions"),
    N_("indicators"),
    N_("core"),
    N_("confirmed q"),
    N_("confirmed ind"),
)


def _coverage(fw, lang: str) -> dict[str, object]:
    if lang == "en":
        total = len(fw.source_texts)
        return {
            "language": "en",
            "texts": total,
            "translated": total,
            "untranslated": 0,
            "percent": 100.0,
            "source": True,
            "missing": [],
        }
    from roam.i18n import message_coverage

    try:
        coverage = fw.translation(lang).coverage()
    except ValueError as exc:
        raise fail(str(exc)) from None
    coverage["messages"] = message_coverage(lang)
    return coverage


def _message_counts(coverage: dict) -> str:
    counts = coverage.get("messages")
    return f"; messages: {counts['translated']} of {counts['messages']}" if counts else ""


def _echo_coverage(coverage: dict[str, object]) -> None:
    missing = coverage["missing"]
    typer.echo(
        f"Translation {coverage['language']}: {coverage['translated']} of {coverage['texts']} "
        f"texts ({coverage['percent']}%), roam's own unofficial translation"
        + _message_counts(coverage)
        + (
            f"; untranslated: {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}"
            if missing
            else ""
        )
    )


def _load(version: str):
    try:
        return load_framework(version)
    except CatalogueError as exc:
        raise fail(str(exc)) from None


OutputOption = Annotated[Path, typer.Option("--output", "-o", help="The .xlsx file to write.")]


@framework_app.command("export")
def export_command(output: OutputOption, version: FrameworkOption = DEFAULT_VERSION) -> None:
    """Write the whole catalogue as one spreadsheet (indicators, contextual, scales, counts)."""
    from roam.framework.spreadsheet import export_catalogue

    fw = _load(version)
    write_output(output, export_catalogue(fw))
    typer.echo(
        _("wrote {output}: framework {version}, {count} indicators").format(
            output=output, version=fw.version, count=len(fw.entries)
        )
    )


@framework_app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="A catalogue spreadsheet (.xlsx).")],
    name: Annotated[str, typer.Option("--as", help="Name of the new framework version.")],
    directory: Annotated[
        Path | None,
        typer.Option("--dir", help="Folder of framework versions (default: indicators/)."),
    ] = None,
) -> None:
    """Check a catalogue spreadsheet and write it as a new framework version folder.

    Every problem is reported with its sheet, row and column; nothing is written if any exists.
    """
    from roam.framework.spreadsheet import CatalogueImportError, import_catalogue

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(
            _("cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    try:
        folder = import_catalogue(data, name, root=directory or indicators_root())
    except CatalogueImportError as exc:
        raise fail(
            _("{file} was not imported, nothing was written.").format(file=path.name) + f"\n{exc}"
        ) from None
    fw = load_framework(name, root=folder.parent)
    totals = fw.counts()["totals"]
    typer.echo(
        _(
            "wrote {folder}: {themes} themes, {questions} questions, {indicators} indicators "
            "({core} core); use it with --framework {name}"
        ).format(
            folder=folder,
            themes=totals["themes"],
            questions=totals["questions"],
            indicators=totals["indicators"],
            core=totals["core"],
            name=name,
        )
    )
