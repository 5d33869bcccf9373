"""`roam review`: multistakeholder review rounds (MAB review, validation workshop) from the
command line. The CLI acts as the local administrator, recorded under $ROAM_USER."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import JsonOption, app, fail, write_output
from roam.i18n import _

review_app = typer.Typer(
    help="Review rounds: MAB review and national validation workshop (rate, verdicts, "
    "comment log).",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")

YearOption = Annotated[
    int | None, typer.Option("--year", help="Assessment year (default: latest).")
]
RoundOption = Annotated[int | None, typer.Option("--round", help="Round number (default: latest).")]
UserOption = Annotated[
    str | None,
    typer.Option("--user", help="Who is acting (default: $ROAM_USER, else the OS user)."),
]


def _context(user: str | None):
    from roam.service import StoreError, as_local_admin

    try:
        guard = as_local_admin(user)
    except StoreError as exc:
        raise fail(str(exc)) from None
    return guard.store, guard.user


def _run(fn, *args, **kwargs):
    """Call a use case; every expected failure becomes a plain message and exit code 1."""
    from roam.access import AccessDenied
    from roam.service import StoreError
    from roam.service.reviews import InvalidRatingSheets

    try:
        return fn(*args, **kwargs)
    except InvalidRatingSheets:
        raise
    except (StoreError, AccessDenied, ValueError, LookupError) as exc:
        raise fail(str(exc)) from None


@review_app.command("open")
def review_open(
    country: Annotated[str, typer.Argument(help="ISO code of the assessment, e.g. XA.")],
    kind: Annotated[str, typer.Option("--kind", help="mab (board review) or workshop.")],
    version: Annotated[
        int | None, typer.Option("--version", help="Version (default: latest).")
    ] = None,
    year: YearOption = None,
    recommendation: Annotated[
        list[str] | None,
        typer.Option(
            "--recommendation",
            help="A draft recommendation to rate: THEME=text "
            "(e.g. 'R.A=Publish court rulings'); repeat for several.",
        ),
    ] = None,
    note: Annotated[str, typer.Option("--note", help="A note kept with the round.")] = "",
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Open a review round on a stored version (the assessment must be at least validated)."""
    from roam.service import reviews

    recs: dict[str, list[str]] = {}
    for item in recommendation or []:
        theme, sep, text = item.partition("=")
        if not sep or not text.strip():
            raise fail(
                _("--recommendation {item}: write THEME=text, e.g. 'R.A=Publish rulings'").format(
                    item=repr(item)
                )
            )
        recs.setdefault(theme.strip(), []).append(text.strip())
    store, actor = _context(user)
    data = _run(
        reviews.open_round,
        store,
        actor,
        country,
        kind=kind,
        year=year,
        version=version,
        recommendations=recs,
        note=note,
    )
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "round": data.number,
                    "kind": data.kind,
                    "state": data.state,
                    "version": data.version,
                    "findings": len(data.findings),
                    "participants": len(data.participants),
                },
                indent=2,
            )
        )
        return
    typer.echo(
        _(
            "Opened {round} on version {version}: {findings} findings, {participants} MAB "
            "members as participants."
        ).format(
            round=data.label,
            version=data.version,
            findings=len(data.findings),
            participants=len(data.participants),
        )
    )


@review_app.command("sheets")
def review_sheets(
    country: Annotated[str, typer.Argument(help="ISO code of the assessment.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the workbooks.")],
    year: YearOption = None,
    number: RoundOption = None,
    user: UserOption = None,
) -> None:
    """Write one rating workbook per participant and a blank one for walk-ins."""
    from roam.service import reviews

    store, actor = _context(user)
    sheets = _run(reviews.rating_sheets, store, actor, country, year=year, number=number)
    for name, data in sheets.items():
        write_output(output / name, data)
    typer.echo(
        _("Wrote {count} rating sheets to {output}").format(count=len(sheets), output=output)
    )


@review_app.command("collect")
def review_collect(
    country: Annotated[str, typer.Argument(help="ISO code of the assessment.")],
    files: Annotated[list[Path], typer.Argument(help="Filled rating workbooks (.xlsx).")],
    year: YearOption = None,
    number: RoundOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Read filled rating workbooks back. If one is not usable, nothing is stored."""
    from roam.service import reviews

    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise fail(
            _("file not found: {files} (nothing was stored)").format(files=", ".join(missing))
        )
    store, actor = _context(user)
    sources = [(p.name, p.read_bytes()) for p in files]
    try:
        done = _run(reviews.collect, store, actor, country, sources, year=year, number=number)
    except typer.Exit:
        raise
    except reviews.InvalidRatingSheets as exc:
        for name, report in exc.failures:
            typer.echo(
                _("{file}: NOT usable: {errors} error(s)").format(
                    file=name, errors=len(report.errors)
                ),
                err=True,
            )
            for issue in report.errors:
                typer.echo(f"  {issue}", err=True)
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps([dataclasses.asdict(c) for c in done], indent=2))
        return
    for c in done:
        again = (
            " " + _("(replaces submission {n})").format(n=c.submission - 1)
            if c.submission > 1
            else ""
        )
        typer.echo(
            _("{file}: {participant}, {ratings} ratings, {comments} comments").format(
                file=c.filename, participant=c.participant, ratings=c.ratings, comments=c.comments
            )
            + again
        )


@review_app.command("answer")
def review_answer(
    country: Annotated[str, typer.Argument(help="ISO code of the assessment.")],
    comment: Annotated[str, typer.Argument(help="The comment id, e.g. P03:R.A.1.")],
    outcome: Annotated[str, typer.Option("--outcome", help="accepted, changed or noted.")],
    reason: Annotated[str, typer.Option("--reason", help="The reasons, in plain words.")],
    year: YearOption = None,
    number: RoundOption = None,
    user: UserOption = None,
) -> None:
    """Record the national team's response to a comment."""
    from roam.service import reviews

    store, actor = _context(user)
    done = _run(
        reviews.answer, store, actor, country, comment, outcome, reason, year=year, number=number
    )
    typer.echo(_("Answered {comment}: {outcome}").format(comment=done.id, outcome=_(done.outcome)))


@review_app.command("close")
def review_close(
    country: Annotated[str, typer.Argument(help="ISO code of the assessment.")],
    year: YearOption = None,
    number: RoundOption = None,
    user: UserOption = None,
) -> None:
    """Close a round (refused while a comment is unanswered); a closed round is read-only."""
    from roam.service import reviews

    store, actor = _context(user)
    data = _run(reviews.close, store, actor, country, year=year, number=number)
    typer.echo(_("Closed {round}.").format(round=data.label))


@review_app.command("status")
def review_status(
    country: Annotated[str, typer.Argument(help="ISO code of the assessment.")],
    year: YearOption = None,
    number: RoundOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Balance of participation, then the verdict per finding."""
    from roam.review.rules import review_rules
    from roam.service import reviews

    store, actor = _context(user)
    data = _run(reviews.get_round, store, actor, country, year=year, number=number)
    from roam.review import record

    payload = record.status(data)
    if as_json:
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    rules = review_rules(data.framework)
    typer.echo(
        _("{round}: {state}, version {version}").format(
            round=data.label, state=_(data.state), version=data.version
        )
    )
    typer.echo(_("Balance: {summary}").format(summary=record.round_balance(data).summary()))
    counts: dict[str, int] = {}
    for f in payload["findings"]:
        counts[f["verdict"]] = counts.get(f["verdict"], 0) + 1
    typer.echo(
        _("Verdicts: {counts}").format(
            counts=", ".join(f"{_(rules.verdict_label(k))} {n}" for k, n in counts.items())
        )
    )
    for f in payload["findings"]:
        if f["verdict"] != "validated" or f["open_comments"]:
            share = "-" if f["agree_share"] is None else f"{f['agree_share']:.0%}"
            typer.echo(
                f"  {f['id']:<10} {_(rules.verdict_label(f['verdict'])):<18} "
                + _("agree {share}").format(share=f"{share:>4}")
                + "  "
                + _("open comments {count}").format(count=f["open_comments"])
            )
