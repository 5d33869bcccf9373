"""`roam ingest`, `list`, `history`, `status`, `diff`, `archive-version`: the store commands.

``register(app)`` adds the commands to roam's typer app; calling it twice changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from roam.cli.common import text_table
from roam.cli.helptext import help_from_data
from roam.i18n import N_, _, language
from roam.service import STATUSES

JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
UserOption = Annotated[
    str | None,
    typer.Option("--user", help="Who is acting (default: $ROAM_USER, else the OS user)."),
]
NoteOption = Annotated[str, typer.Option("--note", help="A note kept with the record.")]
COMMANDS = ("ingest", "list", "history", "status")


def _fail(message: str) -> typer.Exit:
    typer.echo(_("Error: {message}").format(message=message), err=True)
    return typer.Exit(code=1)


def _store(user: str | None = None):  # type: ignore[no-untyped-def]
    """The service layer as the local administrator, recorded as ``user``."""
    from roam.service import StoreError, as_local_admin

    try:
        return as_local_admin(user)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def _dump(payload: Any) -> None:
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def _when(moment: Any) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "-"


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix.lower() == ".xlsx"))
        else:
            out.append(path)
    return out


def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Questionnaire files (.xlsx), or folders of them.")
    ],
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="Status to leave each assessment in (draft, validated, submitted, published); "
            "forward steps in between are recorded.",
        ),
    ] = "draft",
    note: NoteOption = "",
    user: UserOption = None,
    as_json: JsonOption = False,
    max_mb: Annotated[
        float | None, typer.Option("--max-mb", help="Largest file accepted, in MB.")
    ] = None,
) -> None:
    """Store questionnaires as new versions. All files are checked first: if one does not
    validate, nothing is stored."""
    from roam.service import InvalidFiles, StoreError, TransitionError
    from roam.service.assessments import ingest as ingest_files

    if status not in STATUSES or status == "archived":
        raise _fail(
            _("--status must be draft, validated, submitted or published, not {status}").format(
                status=repr(status)
            )
        )
    files = _expand(paths)
    if not files:
        raise _fail(_("no .xlsx files to ingest"))
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise _fail(
            _("file not found: {files} (nothing was stored)").format(files=", ".join(missing))
        )
    store = _store(user)
    try:
        results = ingest_files(store, files, status=status, note=note, max_file_mb=max_mb)
    except InvalidFiles as exc:
        if as_json:
            _dump(
                {
                    "stored": [],
                    "invalid": [{"file": n, **r.as_dict()} for n, r in exc.failures],
                }
            )
        else:
            for name, report in exc.failures:
                with language(_workbook_language(report.language)):
                    typer.echo(
                        _("{file}: NOT usable: {errors} errors").format(
                            file=name, errors=len(report.errors)
                        ),
                        err=True,
                    )
                    for issue in report.errors:
                        typer.echo(f"  {issue}", err=True)
        raise _fail(
            _("nothing was stored: {count} file(s) did not validate ({names})").format(
                count=len(exc.failures), names=", ".join(name for name, _r in exc.failures)
            )
        ) from None
    except StoreError as exc:
        raise _fail(str(exc)) from None
    except TransitionError as exc:  # e.g. uploading to a published assessment
        raise _fail(_("{problem} (nothing was stored)").format(problem=exc)) from None
    if as_json:
        _dump({"stored": [r.as_dict() for r in results], "invalid": []})
        return
    for r in results:
        warn = _(", {count} warnings").format(count=r.warnings) if r.warnings else ""
        typer.echo(
            _("{file}: {name} ({country}) {year} {set} -> version {version}, {status}").format(
                file=r.filename,
                name=r.name,
                country=r.country,
                year=r.year,
                set=_(r.indicator_set),
                version=r.version,
                status=_(r.status),
            )
            + warn
        )
    typer.echo(
        _("Stored {count} file(s) in {place}").format(count=len(results), place=store.store.url)
    )


def _workbook_language(recorded: str | None) -> str | None:
    """A failed workbook's messages: in --lang / ROAM_LANG, or else in its own language."""
    from roam.cli.common import given_language, workbook_language

    return given_language() or workbook_language(recorded)


def list_assessments(as_json: JsonOption = False) -> None:
    """List stored assessments with their status and number of versions."""
    from roam.service import StoreError

    try:
        rows = _store().assessments()
    except StoreError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        _dump([r.as_dict() for r in rows])
        return
    if not rows:
        typer.echo(_("The store is empty; add questionnaires with `roam ingest FILE.xlsx`."))
        return
    heads = [
        (_("country"), 24, "<"),
        (_("year"), 6, "<"),
        (_("fw"), 6, "<"),
        (_("set"), 10, "<"),
        (_("status"), 12, "<"),
        (_("versions"), 9, ">"),
        (_("latest"), 8, ">"),
        (_("accepted"), 10, ">"),
        ("  " + _("last upload"), 24, "<"),
    ]
    table = [
        [
            f"{r.country} {r.name}"[:23],
            r.year,
            r.framework,
            _(r.indicator_set),
            _(r.status),
            r.versions,
            "-" if r.latest_version is None else r.latest_version,
            "-" if r.accepted_version is None else r.accepted_version,
            "  " + _when(r.latest_uploaded_at),
        ]
        for r in rows
    ]
    for line in text_table(heads, table):
        typer.echo(line)


def history(
    country: Annotated[str, typer.Argument(help="Country code, e.g. XA.")],
    year: Annotated[int | None, typer.Option("--year", help="Only this assessment year.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Every stored version of a country's assessments, and every status change."""
    from roam.service import StoreError

    store = _store()
    try:
        versions = store.history(country, year)
        events = store.transitions(country, year)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        _dump([v.as_dict() for v in versions])
        return
    heads = [
        (_("year"), 6, "<"),
        (_("set"), 10, "<"),
        (_("version"), 9, ">"),
        ("  " + _("status"), 13, "<"),
        (_("uploaded"), 22, "<"),
        (_("by"), 14, "<"),
        (_("file"), 0, "<"),
    ]
    table = [
        [
            v.year,
            _(v.indicator_set),
            f"{v.version}{'*' if v.latest else ' '}",
            "  " + _(v.status),
            _when(v.uploaded_at),
            v.uploaded_by[:13],
            f"{v.filename or '-'}  sha256 {v.sha256[:12]}{'  ' + v.note if v.note else ''}",
        ]
        for v in versions
    ]
    for line in text_table(heads, table):
        typer.echo(line)
    typer.echo("\n" + _("Status changes:"))
    for e in events:
        was = _(e.from_status) if e.from_status else _("(new)")
        ver = " " + _("at version {version}").format(version=e.version) if e.version else ""
        note = f": {e.note}" if e.note else ""
        by = _("by {user}").format(user=e.changed_by)
        typer.echo(f"  {_when(e.changed_at)}  {e.year} {was} -> {_(e.to_status)}{ver} {by}{note}")


def status(
    country: Annotated[str, typer.Argument(help="Country code, e.g. XA.")],
    year: Annotated[int, typer.Argument(help="Assessment year.")],
    new: Annotated[
        str | None,
        typer.Option(
            "--set",
            help=help_from_data(
                N_("Move to this status ({statuses})."), statuses=", ".join(STATUSES)
            ),
        ),
    ] = None,
    note: NoteOption = "",
    user: UserOption = None,
    framework: Annotated[
        str | None, typer.Option("--framework", help="When a year has several assessments.")
    ] = None,
    indicator_set: Annotated[
        str | None, typer.Option("--indicator-set", help="core or full, when ambiguous.")
    ] = None,
    version: Annotated[
        int | None,
        typer.Option(
            "--version",
            help="The version that was reviewed; needed to move to validated, submitted or "
            "published, and refused unless it is still the latest.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show an assessment's status, or move it on with --set (each change is recorded)."""
    from roam.access import AccessDenied
    from roam.service import StoreError, TransitionError

    store = _store(user)
    try:
        if new is None:
            rows = [
                a
                for a in store.assessments(country)
                if a.year == year
                and (framework is None or a.framework == framework)
                and (indicator_set is None or a.indicator_set == indicator_set)
            ]
            if not rows:
                store.history(country, year)  # raises NotFound with a useful message
            if as_json:
                _dump([a.as_dict() for a in rows])
                return
            for a in rows:
                typer.echo(
                    _(
                        "{country} {year} ({framework} {set}): {status}, latest version {version}"
                    ).format(
                        country=a.country,
                        year=a.year,
                        framework=a.framework,
                        set=_(a.indicator_set),
                        status=_(a.status),
                        version=a.latest_version,
                    )
                )
            return
        event = store.set_status(
            country,
            year,
            new,
            version=version,
            note=note,
            framework=framework,
            indicator_set=indicator_set,
        )
    except (StoreError, TransitionError, AccessDenied) as exc:
        raise _fail(str(exc)) from None
    if as_json:
        _dump(event.as_dict())
        return
    typer.echo(
        _("{country} {year}: {before} -> {after} (version {version}) by {user}").format(
            country=event.country,
            year=event.year,
            before=_(event.from_status) if event.from_status else _("(new)"),
            after=_(event.to_status),
            version=event.version,
            user=event.changed_by,
        )
    )


def diff(
    country: Annotated[str, typer.Argument(help="Country code, e.g. XA.")],
    old: Annotated[int, typer.Argument(help="The earlier version number.")],
    new: Annotated[int | None, typer.Argument(help="The later version (default: latest).")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Assessment year.")] = None,
    as_json: JsonOption = False,
) -> None:
    """What changed between two stored versions: indicator by indicator, from what to what."""
    from roam.service import StoreError

    try:
        result = _store().compare(country, old, new, year=year)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        _dump(result.as_dict())
        return
    if result.identical:
        typer.echo(
            _("{before} and {after} hold the same answers.").format(
                before=result.before, after=result.after
            )
        )
        return
    typer.echo(
        _("{before} -> {after}: {count} indicator(s) changed").format(
            before=result.before, after=result.after, count=len(result.changed_indicators)
        )
    )
    for change in result.changes:
        typer.echo(
            f"  {change.indicator_id:<10} {change.field:<10} {change.before!s:>20} -> "
            f"{change.after!s}"
        )


def archive_version(
    country: Annotated[str, typer.Argument(help="Country code, e.g. XA.")],
    version: Annotated[int, typer.Argument(help="The version to hide from 'latest'.")],
    year: Annotated[int | None, typer.Option("--year", help="Assessment year.")] = None,
) -> None:
    """Archive one upload (a wrong file): kept and readable, no longer the latest. Never deleted."""
    from roam.service import StoreError

    store = _store()
    try:
        info = store.archive_version(country, version, year=year)
    except (StoreError, ValueError) as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        _("Archived version {version} of {country} {year}").format(
            version=info.version, country=info.country, year=info.year
        )
    )


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app`` (idempotent)."""
    names = {c.name for c in app.registered_commands}
    if "ingest" in names:
        return
    app.command("ingest")(ingest)
    app.command("list")(list_assessments)
    app.command("history")(history)
    app.command("status")(status)
    app.command("diff")(diff)
    app.command("archive-version")(archive_version)


def _register_on_roam_app() -> None:
    from roam.cli.common import app

    register(app)


_register_on_roam_app()
