"""Shared pieces of the `roam` command line: the typer app, common options, plain failures."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup

from roam.choice import RunChoice
from roam.cli.helptext import translate_help, use_tool_words
from roam.errors import QuestionnaireError, RoamError
from roam.framework import DEFAULT_VERSION  # noqa: F401  (re-exported for command modules)
from roam.i18n import _, language, set_language

LANG_ENV = "ROAM_LANG"
_given: dict[str, str | None] = {"lang": None}  # the --lang (or ROAM_LANG) of this run


class PlainErrors(TyperGroup):
    """Runs every command (and sub-group) so that a RoamError ends as one plain message on
    stderr and exit code 1: no traceback reaches a user. A questionnaire's problems are told
    in the run's --lang, or else in the language the workbook was written in."""

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """One run of roam: its language ends with it (a test runner or a host process that runs
        several commands keeps its own)."""
        with language(None):
            return super().main(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """The run's language is read first (--lang, else ROAM_LANG), so that a --help anywhere
        on the line, and click's own usage errors, are already in it."""
        if ctx.parent is None:
            set_language(None)
            with contextlib.suppress(ValueError):  # the root callback reports it plainly
                set_language(_language_asked(args))
            use_tool_words()
            translate_help(self)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except RoamError as exc:
            typer.echo(error_text(exc), err=True)
            raise typer.Exit(code=1) from None


def error_text(exc: RoamError) -> str:
    """ "Error: ..." in the user's language."""
    if isinstance(exc, QuestionnaireError):
        with language(given_language() or workbook_language(exc.report.language)):
            return _("Error: {message}").format(message=exc.plain())
    return _("Error: {message}").format(message=exc.plain())


def _language_asked(args: list[str]) -> str | None:
    """The --lang of a command line (before or after the command), else ROAM_LANG."""
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get(LANG_ENV) or None


def given_language() -> str | None:
    """The language asked for on the command line (--lang) or in ROAM_LANG, if any."""
    return _given["lang"]


def workbook_language(lang: str | None) -> str | None:
    """A workbook's recorded language if roam has messages in it, else None (English)."""
    from roam.i18n import languages

    return lang if lang in languages() else None


app = typer.Typer(
    cls=PlainErrors,
    help="roam: UNESCO Internet Universality ROAM-X indicators toolkit.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FrameworkOption = Annotated[
    str, typer.Option("--framework", "-f", help="Framework version folder under indicators/.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of messages and files: en, fr, es or ar (default: en)."),
]


def use_language(lang: str | None) -> str:
    """Switch messages to `lang` for this command (default: the run's --lang or ROAM_LANG, else
    English), or fail plainly on an unknown one."""
    try:
        return set_language(lang or given_language())
    except ValueError as exc:
        raise fail(str(exc)) from None


def follow_workbook(lang: str | None, recorded: str | None) -> str:
    """Messages about a workbook: in the language asked for, or else in the workbook's own."""
    return use_language(lang or given_language() or workbook_language(recorded))


@app.callback()
def _root(
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            envvar=LANG_ENV,
            help="Language of every message: en, fr, es or ar (default: a workbook's own "
            "language when one is read, else en). Also ROAM_LANG.",
        ),
    ] = None,
) -> None:
    """roam: UNESCO Internet Universality ROAM-X indicators toolkit."""
    _given["lang"] = None
    set_language(None)  # every run starts in English; --lang or ROAM_LANG switches it
    if lang:
        code = use_language(lang)
        _given["lang"] = code


def write_output(output: Path, data: bytes) -> None:
    """Write a result file, or fail plainly (no half-written file is left behind, not even
    the partial one when the disk fills up)."""
    partial = output.with_name(output.name + ".partial")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise fail(
            _("cannot write {output}: {reason}").format(output=output, reason=exc.strerror or exc)
        ) from None


def fail(message: str) -> typer.Exit:
    typer.echo(_("Error: {message}").format(message=message), err=True)
    return typer.Exit(code=1)


def _load_sources(sources: list[str]) -> list:
    """Files are read and validated; other arguments are looked up in the store."""
    from roam.questionnaire.budget import read_within_budget

    assessments = []
    for source in sources:
        path = Path(source)
        if path.exists():
            assessments.append(read_within_budget(path))  # QuestionnaireError: a plain exit 1
            continue
        from roam.access import AccessDenied
        from roam.service import StoreError, as_local_admin
        from roam.service.assessments import by_reference

        try:
            assessments.append(by_reference(as_local_admin(), source)[0])
        except (LookupError, ValueError, StoreError, AccessDenied) as exc:
            raise fail(str(exc)) from None
    return assessments


def _analyse(sources: list[str], weights: Path | None, run: RunChoice):
    from roam.scoring import ScoringConfigError, ScoringInputError

    assessments = _load_sources(sources)
    try:
        return run.analyse(assessments, weights)
    except (ScoringConfigError, ScoringInputError, ValueError) as exc:
        raise fail(str(exc)) from None


WeightsOption = Annotated[
    Path | None,
    typer.Option("--weights", "-w", help="A weights file (YAML); default: the framework's own."),
]
DrawsOption = Annotated[
    int | None,
    typer.Option(
        "--draws",
        min=0,
        help="Monte Carlo draws for the uncertainty interval (0: none); default: scoring.yaml.",
    ),
]
SeedOption = Annotated[
    int | None,
    typer.Option("--seed", min=0, help="Random seed of the interval; default: scoring.yaml."),
]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile", help="A run profile of scoring.yaml (draws, seed, sensitivity), e.g. app."
    ),
]


def _fmt(node: dict) -> str:
    if node["score"] is None:
        return f"{_('insufficient'):>12}"
    low, high = node.get("low"), node.get("high")
    interval = f"  [{low:.0f}-{high:.0f}]" if low is not None and high is not None else ""
    return f"{node['score']:5.1f}{interval}"


def _one_source(source: str):
    """A single assessment plus its original file bytes (for the package)."""
    assessments = _load_sources([source])
    if len(assessments) != 1:
        raise fail(
            _("{source} names {count} assessments; give exactly one").format(
                source=repr(source), count=len(assessments)
            )
        )
    assessment = assessments[0]
    path = Path(source)
    if path.exists():
        return assessment, path.read_bytes(), path.name
    from roam.service import StoreError, as_local_admin
    from roam.service.assessments import by_reference, original

    try:
        guard = as_local_admin()
        _found, v = by_reference(guard, source)
        name, data = original(guard, v.country, v.year, v.version, indicator_set=v.indicator_set)
    except (LookupError, StoreError) as exc:
        raise fail(str(exc)) from None
    return assessment, data, name


def _analyse_one(source: str, weights: Path | None, run: RunChoice):
    assessment, original, name = _one_source(source)
    try:
        analysis = run.analyse([assessment], weights)
    except ValueError as exc:
        raise fail(str(exc)) from None
    return assessment, original, name, analysis


def text_table(heads: list[tuple[str, int, str]], rows: list[list[object]]) -> list[str]:
    """A plain-text table: (translated heading, least width, '<' or '>') per column; each column
    is as wide as its heading in the run's language needs, so no heading runs into the next."""
    widths = [max(width, len(head) + 2) for head, width, _align in heads]
    aligns = [align for _head, _width, align in heads]

    def line(cells: list[object]) -> str:
        return "".join(
            f"{'' if c is None else c!s:{a}{w}}"
            for c, a, w in zip(cells, aligns, widths, strict=True)
        ).rstrip()

    header = line([head for head, _w, _a in heads])
    return [header, "-" * len(header), *(line(row) for row in rows)]
