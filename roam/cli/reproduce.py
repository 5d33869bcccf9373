"""`roam reproduce`: recompute a submission package from its own questionnaire and run record."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import app, fail
from roam.i18n import _


@app.command()
def reproduce(
    package: Annotated[Path, typer.Argument(help="A submission package (.zip) made by roam.")],
) -> None:
    """Recompute every number of a package; exit 0 if all are equal, 1 listing each difference."""
    from roam.reproduce import PackageError
    from roam.reproduce import reproduce as run_reproduce

    try:
        result = run_reproduce(package)
    except PackageError as exc:
        raise fail(str(exc)) from None
    run = result.run
    typer.echo(
        _(
            "{package}: {country}, framework {framework}, weights '{weights}', {draws} draws, "
            "seed {seed} (profile '{profile}')"
        ).format(
            package=package.name,
            country=result.country,
            framework=run.framework.version,
            weights=run.weights.name,
            draws=run.draws,
            seed=run.seed,
            profile=run.profile,
        )
    )
    if result.equal:
        typer.echo(
            _("Reproduced: all {count} numbers equal the package's.").format(count=result.compared)
        )
        return
    typer.echo(
        _("Not reproduced: {count} difference(s).").format(count=len(result.differences)),
        err=True,
    )
    for difference in result.differences:
        typer.echo(f"  {difference}", err=True)
    raise typer.Exit(code=1)
