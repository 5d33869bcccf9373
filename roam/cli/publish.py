"""`roam publish` (open-data package) and `roam api` (read-only HTTP API): published data only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from roam.cli.common import app, fail
from roam.i18n import _


@app.command()
def publish(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write datapackage.json and CSVs to.")
    ],
    draws: Annotated[
        int | None,
        typer.Option("--draws", help="Monte Carlo draws (default: the framework's scoring.yaml)."),
    ] = None,
    sdmx: Annotated[
        bool,
        typer.Option(
            "--sdmx",
            help="Also write the scores as SDMX (structure + SDMX-CSV) in OUTPUT/sdmx; "
            "needs the opendata extra.",
        ),
    ] = False,
) -> None:
    """Write the published assessments as a Frictionless Data Package (nothing else is read)."""
    from roam.opendata.sdmx import SdmxUnavailable
    from roam.service import StoreError, open_store
    from roam.service.opendata import publish as write_package

    if draws is not None and draws < 0:
        raise fail(_("--draws must be 0 or more, not {draws}").format(draws=draws))
    if output.exists() and not output.is_dir():
        raise fail(_("{output} is a file; give a folder for the package").format(output=output))
    try:
        counts = write_package(open_store(), output, draws=draws, sdmx=sdmx)
    except SdmxUnavailable as exc:
        raise fail(str(exc)) from None
    except StoreError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(
            _("cannot write {output}: {reason}").format(output=output, reason=exc.strerror or exc)
        ) from None
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    typer.echo(
        _("Wrote {output} ({summary})").format(output=output / "datapackage.json", summary=summary)
    )
    if sdmx:
        typer.echo(
            _("Wrote {output} ({summary})").format(
                output=output / "sdmx", summary="structure.xml, scores.csv"
            )
        )


@app.command()
def api(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
) -> None:
    """Serve the read-only open-data API (published assessments only) on 127.0.0.1."""
    try:
        import uvicorn

        from roam.api.app import create_app
    except ImportError:
        raise fail(_("the API needs the 'api' extra: pip install -e '.[api]'")) from None
    if not 0 < port < 65536:
        raise fail(_("--port must be between 1 and 65535, not {port}").format(port=port))
    uvicorn.run(create_app(), host="127.0.0.1", port=port, log_level="info")
