"""The `roam` command line. Every failure ends with a plain message and exit code 1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from roam.countries import UnknownCountry, resolve_country
from roam.framework import DEFAULT_VERSION, CatalogueError, load_framework
from roam.presentation import CATEGORY_NAMES

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


@app.callback()
def _root() -> None:
    """roam: UNESCO Internet Universality ROAM-X indicators toolkit."""


def write_output(output: Path, data: bytes) -> None:
    """Write a result file, or fail plainly (no half-written file is left behind)."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        partial.write_bytes(data)
        partial.replace(output)
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror or exc}") from None


def _analyse_one(source: str, weights: Path | None, draws: int):
    from roam.analysis import analyse

    assessment, original, name = _one_source(source)
    try:
        return assessment, original, name, analyse([assessment], weights=weights, draws=draws)
    except ValueError as exc:
        raise fail(str(exc)) from None


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
) -> None:
    """Write a blank national questionnaire workbook for a country."""
    from roam.questionnaire import AssessmentMeta, write_questionnaire

    if indicator_set not in ("core", "full"):
        raise fail(f"--set must be core or full, not {indicator_set!r}")
    try:
        fw = load_framework(version)
        found = resolve_country(country, name)
    except CatalogueError as exc:
        raise fail(str(exc)) from None
    except UnknownCountry:
        raise fail(
            f"{country!r} is not an ISO 3166 country code or name "
            "(codes XA to XZ are allowed for training data)"
        ) from None
    meta = AssessmentMeta(
        country=found.name,
        iso_code=found.code,
        year=year or dt.date.today().year,
        framework=fw.version,
        indicator_set=indicator_set,
        fictional=found.user_assigned,
    )
    if output.suffix.lower() != ".xlsx":
        raise fail(f"the output file must end in .xlsx, not {output.suffix or 'nothing'!r}")
    write_output(output, write_questionnaire(fw, meta))
    count = len(fw.entries_for(indicator_set))
    typer.echo(
        f"Wrote {output}: {found.name} ({found.code}), {indicator_set} set, {count} indicators"
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
) -> None:
    """Check a filled questionnaire; exit 0 when usable (warnings allowed), 1 when not."""
    from roam.questionnaire import check_questionnaire

    assessment, report = check_questionnaire(path, max_file_mb=max_mb)
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
        verdict = "usable" if valid else "NOT usable"
        where = f"{assessment.meta.country} ({assessment.country}) " if assessment else ""
        typer.echo(f"{path.name}: {where}{verdict}: {errors} errors, {warnings} warnings")
    if not valid:
        raise typer.Exit(code=1)


def _load_sources(sources: list[str]) -> list:
    """Files are read and validated; other arguments are looked up in the store."""
    from roam.errors import QuestionnaireError
    from roam.questionnaire import read_questionnaire

    assessments = []
    for source in sources:
        path = Path(source)
        if path.exists():
            try:
                assessments.append(read_questionnaire(path))
            except QuestionnaireError as exc:
                lines = "\n".join(f"  {issue}" for issue in exc.report.errors[:10])
                raise fail(f"{path.name} is not usable:\n{lines}") from None
            continue
        from roam.store import StoreError, resolve_sources

        try:
            assessments.extend(resolve_sources([source]))
        except (LookupError, ValueError, StoreError) as exc:
            raise fail(str(exc)) from None
    return assessments


def _analyse(sources: list[str], weights: Path | None, draws: int):
    from roam.analysis import analyse
    from roam.scoring import ScoringConfigError, ScoringInputError

    assessments = _load_sources(sources)
    try:
        return analyse(assessments, weights=weights, draws=draws)
    except (ScoringConfigError, ScoringInputError, ValueError) as exc:
        raise fail(str(exc)) from None


WeightsOption = Annotated[
    Path | None,
    typer.Option("--weights", "-w", help="A weights file (YAML); default: the framework's own."),
]
DrawsOption = Annotated[
    int, typer.Option("--draws", help="Monte Carlo draws for the uncertainty interval (0: none).")
]


def _fmt(node: dict) -> str:
    if node["score"] is None:
        return f"{'insufficient':>12}"
    low, high = node.get("low"), node.get("high")
    interval = f"  [{low:.0f}-{high:.0f}]" if low is not None and high is not None else ""
    return f"{node['score']:5.1f}{interval}"


@app.command()
def score(
    sources: Annotated[list[str], typer.Argument(help="Questionnaire files or stored countries.")],
    weights: WeightsOption = None,
    as_json: JsonOption = False,
    draws: DrawsOption = 500,
) -> None:
    """Score assessments: index and categories with interval, coverage and band."""
    analysis = _analyse(sources, weights, draws)
    records = analysis.records()
    if as_json:
        typer.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    typer.echo(
        "Scores are an analytical aid with 90% uncertainty intervals; UNESCO does not rank "
        "countries with these indicators."
    )
    for record in records:
        typer.echo("")
        typer.echo(
            f"{record['name']} ({record['country']}), framework {record['framework']}, "
            f"{record['indicator_set']} set, weights {record['weights']}"
        )
        typer.echo(f"  {'':<34}{'score [90% interval]':<22}{'coverage':>9}  band")
        rows = [("ROAM index", record["index"])] + [
            (f"{code} {CATEGORY_NAMES.get(code, code)}", node)
            for code, node in record["categories"].items()
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
    draws: DrawsOption = 500,
) -> None:
    """Write a cross-national comparison workbook (an analytical comparison, not a ranking)."""
    from roam.export.comparison import write_comparison

    analysis = _analyse(sources, weights, draws)
    write_output(output, write_comparison(analysis))
    typer.echo(f"Wrote {output}: {len(analysis.assessments)} assessments compared")


def _one_source(source: str):
    """A single assessment plus its original file bytes (for the package)."""
    assessments = _load_sources([source])
    if len(assessments) != 1:
        raise fail(f"{source!r} names {len(assessments)} assessments; give exactly one")
    assessment = assessments[0]
    path = Path(source)
    if path.exists():
        return assessment, path.read_bytes(), path.name
    from roam.store import Store, StoreError, parse_reference

    ref = parse_reference(source)
    if ref is None:
        raise fail(f"no file {source!r}")
    country, year, version = ref
    try:
        name, data = Store().original(country, year or assessment.meta.year, version)
    except (LookupError, StoreError) as exc:
        raise fail(str(exc)) from None
    return assessment, data, name


@app.command()
def export(
    source: Annotated[str, typer.Argument(help="A questionnaire file or a stored country.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .xlsx.")],
    weights: WeightsOption = None,
    draws: DrawsOption = 1000,
) -> None:
    """Write the results workbook an evaluator reads (scores, gaps, MAB, method, uncertainty)."""
    from roam.export.workbook import write_results

    assessment, _, _, analysis = _analyse_one(source, weights, draws)
    write_output(output, write_results(analysis, assessment.country))
    typer.echo(f"Wrote {output}: results for {assessment.meta.country} ({assessment.country})")


@app.command()
def package(
    source: Annotated[str, typer.Argument(help="A questionnaire file or a stored country.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the .zip.")],
    weights: WeightsOption = None,
    draws: DrawsOption = 1000,
) -> None:
    """Write the submission package for UNESCO (IPDC), with a manifest of SHA-256 checksums."""
    from roam.export.package import write_package

    assessment, original, name, analysis = _analyse_one(source, weights, draws)
    write_output(output, write_package(analysis, assessment.country, original, name))
    typer.echo(f"Wrote {output}: submission package for {assessment.meta.country}")


def main() -> None:  # pragma: no cover - console entry
    app()


users_app = typer.Typer(
    help="Users, roles and the audit trail (the CLI acts as the local administrator).",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")


def _admin():
    from roam.access import LOCAL_ADMIN, SecureStore
    from roam.store import Store, StoreError

    try:
        return SecureStore(Store(), LOCAL_ADMIN)
    except StoreError as exc:
        raise fail(str(exc)) from None


@users_app.command("add")
def users_add(
    email: Annotated[str, typer.Argument(help="The email the person signs in with.")],
    role: Annotated[
        str,
        typer.Option("--role", help="secretariat, national_team, government, evaluator or public."),
    ],
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="ISO code; repeat for several.")
    ] = None,
    name: Annotated[str, typer.Option(help="Display name.")] = "",
) -> None:
    """Add a user (or change an existing user's role and countries)."""
    try:
        user = _admin().add_user(email, role, country or [], name)
    except ValueError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"Saved {user.label}")


@users_app.command("remove")
def users_remove(email: Annotated[str, typer.Argument()]) -> None:
    """Deactivate a user (kept in the audit trail, never deleted)."""
    try:
        _admin().remove_user(email)
    except ValueError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"Deactivated {email}")


@users_app.command("list")
def users_list(as_json: JsonOption = False) -> None:
    """List users with their role and countries."""
    users = _admin().users()
    if as_json:
        typer.echo(json.dumps(users, indent=2))
        return
    if not users:
        typer.echo("No users yet: everyone who signs in sees published assessments only.")
    for u in users:
        state = "" if u["active"] else "  (inactive)"
        typer.echo(f"{u['email']:<36}{u['role']:<16}{', '.join(u['countries']) or '-'}{state}")


@users_app.command("audit")
def users_audit(
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(help="How many events, newest first.")] = 50,
) -> None:
    """Show refusals and user changes, newest first."""
    events = _admin().audit(limit)
    if as_json:
        typer.echo(json.dumps(events, indent=2))
        return
    for e in events:
        verdict = "allowed" if e["allowed"] else "REFUSED"
        typer.echo(
            f"{e['at'][:19]}  {verdict:<8} {e['actor']} ({e['role']}) {e['action']} "
            f"{e['target']}: {e['detail']}"
        )


def _register_store_commands() -> None:
    from roam.store.cli import register

    register(app)


_register_store_commands()


if __name__ == "__main__":  # pragma: no cover
    app()
