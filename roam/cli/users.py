"""`roam users`: accounts, roles and the audit trail."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from roam.cli.common import JsonOption, app, fail
from roam.i18n import _

users_app = typer.Typer(
    help="Users, roles and the audit trail (the CLI acts as the local administrator).",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")


def _admin():
    from roam.service import StoreError, as_local_admin

    try:
        return as_local_admin()
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
    typer.echo(_("Saved {user}").format(user=user.label))


@users_app.command("remove")
def users_remove(email: Annotated[str, typer.Argument()]) -> None:
    """Deactivate a user (kept in the audit trail, never deleted)."""
    try:
        _admin().remove_user(email)
    except ValueError as exc:
        raise fail(str(exc)) from None
    typer.echo(_("Deactivated {email}").format(email=email))


@users_app.command("list")
def users_list(as_json: JsonOption = False) -> None:
    """List users with their role and countries."""
    users = _admin().users()
    if as_json:
        typer.echo(json.dumps(users, indent=2))
        return
    if not users:
        typer.echo(_("No users yet: everyone who signs in sees published assessments only."))
    for u in users:
        state = "" if u["active"] else "  " + _("(inactive)")
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
        verdict = _("allowed") if e["allowed"] else _("REFUSED")
        typer.echo(
            f"{e['at'][:19]}  {verdict:<8} {e['actor']} ({e['role']}) {e['action']} "
            f"{e['target']}: {e['detail']}"
        )
