"""`roam recommendations add / list / update`: the register on the command line.

The command line acts as the local administrator under the name in ``--user`` / $ROAM_USER;
every call goes through roam.service.recommendations, which checks access and keeps history.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer

from roam.cli.common import JsonOption, app, fail
from roam.i18n import _

recommendations = typer.Typer(
    help="Recommendations of an assessment and their follow-up (nothing is ever deleted).",
    no_args_is_help=True,
)
app.add_typer(recommendations, name="recommendations")

CountryArg = Annotated[str, typer.Argument(help="ISO code of the country, e.g. KE or XA.")]
YearOption = Annotated[
    int | None, typer.Option("--year", help="Assessment year (default: the latest).")
]
UserOption = Annotated[
    str | None,
    typer.Option("--user", help="Who is acting (default: $ROAM_USER, else the OS user)."),
]
ListOption = Annotated[list[str] | None, typer.Option(help="Repeat, or separate with commas.")]


def _secure(user: str | None):  # type: ignore[no-untyped-def]
    from roam.service import StoreError, as_local_admin

    try:
        return as_local_admin(user)
    except StoreError as exc:
        raise fail(str(exc)) from None


def _run(call):  # type: ignore[no-untyped-def]
    """Run a use case; every expected failure becomes a plain message and exit code 1."""
    from roam.access import AccessDenied
    from roam.recommendations.model import RecommendationError
    from roam.service import StoreError
    from roam.service.recommendations import DuplicateRecommendation

    try:
        return call()
    except (AccessDenied, RecommendationError, DuplicateRecommendation, StoreError) as exc:
        raise fail(str(exc)) from None


def _date(value: str | None, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise fail(
            _("{what} {value} is not a date; write it as YYYY-MM-DD").format(
                what=what, value=repr(value)
            )
        ) from None


def _print(payload: Any, as_json: bool, lines: list[str]) -> None:
    if as_json:
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        typer.echo("\n".join(lines))


def _line(rec: dict[str, Any]) -> str:
    from roam.recommendations.vocabulary import register_vocabulary

    vocab = register_vocabulary()
    target = _(", target {date}").format(date=rec["target_date"]) if rec.get("target_date") else ""
    priority = _("{priority} priority").format(priority=_(vocab.priority_label(rec["priority"])))
    return (
        f"{rec['year']} {rec['id']:<8} {_(vocab.status_label(rec['status'])):<12} "
        f"({priority}{target}) {rec['text']}"
    )


@recommendations.command("add")
def add(
    country: CountryArg,
    rec_id: Annotated[str, typer.Option("--id", help="The recommendation's ID, e.g. R1.")],
    text: Annotated[str, typer.Option("--text", help="The recommendation itself.")],
    theme: ListOption = None,
    indicator: ListOption = None,
    to: Annotated[
        list[str] | None,
        typer.Option("--to", help="Stakeholder groups addressed (repeat, or comma-separated)."),
    ] = None,
    priority: Annotated[str, typer.Option(help="high, medium or low.")] = "medium",
    target: Annotated[str | None, typer.Option(help="Target date, YYYY-MM-DD.")] = None,
    year: YearOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a recommendation to an assessment (its status starts as not started)."""
    from roam.service import recommendations as service

    fields = {
        "code": rec_id,
        "text": text,
        "themes": ",".join(theme or []),
        "indicators": ",".join(indicator or []),
        "stakeholders": ",".join(to or []),
        "priority": priority,
        "target_date": target,
    }
    info = _run(lambda: service.add(_secure(user), country, year, fields))
    rec = info.as_dict()
    _print(
        rec, as_json, [_("Added {country} {line}").format(country=info.country, line=_line(rec))]
    )


@recommendations.command("update")
def update(
    country: CountryArg,
    rec_id: Annotated[str, typer.Argument(help="The recommendation's ID.")],
    status: Annotated[
        str, typer.Option("--status", help="not started, in progress, implemented or dropped.")
    ],
    evidence: Annotated[str, typer.Option("--evidence", help="What shows the status.")] = "",
    on: Annotated[
        str | None, typer.Option("--date", help="Date of the update (default: today).")
    ] = None,
    year: YearOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Record a dated status update with its evidence; earlier updates are kept."""
    from roam.service import recommendations as service

    dated = _date(on, "--date")
    info = _run(
        lambda: service.update(_secure(user), country, year, rec_id, status, evidence, dated)
    )
    rec = info.as_dict()
    _print(
        rec, as_json, [_("Updated {country} {line}").format(country=info.country, line=_line(rec))]
    )


@recommendations.command("list")
def list_(
    country: CountryArg,
    year: YearOption = None,
    history: Annotated[bool, typer.Option("--history", help="Show every update.")] = False,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """A country's recommendations: status, and the change in the linked scores since."""
    from roam.service import recommendations as service

    secure = _secure(user)
    rows = _run(lambda: service.follow_up(secure, country))
    if year is not None:
        rows = [r for r in rows if r["year"] == year]
    records = {
        (r.year, r.code): r
        for y in {r["year"] for r in rows}
        for r in _run(lambda y=y: service.listing(secure, country, y))
    }
    for row in rows:
        row["history"] = [u.as_dict() for u in records[(row["year"], row["id"])].history]
    if not rows:
        _print(
            [],
            as_json,
            [_("No recommendations for {country} yet.").format(country=country.upper())],
        )
        return
    lines = []
    for row in rows:
        lines.append(f"{_line(row)}\n    " + _("scores: {change}").format(change=row["change"]))
        if history:
            lines.extend(
                f"    {u['dated']} {u['kind']:<6} {u['status'] or '':<12} {u['evidence']}"
                f"{' previous: ' + json.dumps(u['previous']) if u['previous'] else ''}"
                for u in row["history"]
            )
    _print(rows, as_json, lines)
