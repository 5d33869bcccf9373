"""`roam aggregate`: score any indicator tree given as COINr's iMeta and iData tables."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from roam.cli.common import app, fail, write_output
from roam.i18n import _


def _read_csv(path: Path, what: str) -> pd.DataFrame:
    try:
        return pd.read_csv(
            path, dtype=object, keep_default_na=False, na_values=["", "NA"], encoding="utf-8-sig"
        )
    except FileNotFoundError:
        raise fail(_("{what}: no file {path}").format(what=what, path=path)) from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise fail(
            _("{what}: {path} is not a readable CSV table ({reason})").format(
                what=what, path=path, reason=exc
            )
        ) from None


def _csv_bytes(scores: pd.DataFrame) -> bytes:
    """Codes that look like formulas get a leading ' (spreadsheets run them); numbers as they are,
    an insufficient aggregate as an empty cell."""
    from roam.export.package import csv_safe

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([csv_safe(c) for c in scores.columns])
    for row in scores.itertuples(index=False):
        unit, *values = row
        writer.writerow(
            [csv_safe(unit), *("" if math.isnan(v) else repr(float(v)) for v in values)]
        )
    return out.getvalue().encode("utf-8")


@app.command()
def aggregate(
    meta: Annotated[Path, typer.Option("--meta", help="iMeta.csv: iCode, Level, Parent, ...")],
    data: Annotated[Path, typer.Option("--data", help="iData.csv: uCode and one column each.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write scores.csv.")],
    method: Annotated[
        str, typer.Option("--method", help="arithmetic or geometric weighted mean.")
    ] = "arithmetic",
    shift: Annotated[
        float, typer.Option("--shift", help="Geometric mean of x + S, minus S (0 as in COINr).")
    ] = 0.0,
    threshold: Annotated[
        str | None,
        typer.Option(
            "--threshold", help="Share of children needed, e.g. 2/3 (default: any one child)."
        ),
    ] = None,
    rule: Annotated[
        str,
        typer.Option("--rule", help="direct: share of direct children (COINr's dat_thresh)."),
    ] = "direct",
) -> None:
    """Aggregate 0-100 indicator data up a tree given as COINr tables (one column per aggregate,
    empty where data are insufficient). Weights are renormalised over children with data."""
    from roam.scoring import ScoringConfigError
    from roam.scoring.coin import aggregate_tables

    imeta, idata = _read_csv(meta, "--meta"), _read_csv(data, "--data")
    try:
        scores = aggregate_tables(
            imeta,
            idata,
            method,  # type: ignore[arg-type]
            shift,
            threshold,
            rule,  # type: ignore[arg-type]
            meta_source=str(meta),
            data_source=str(data),
        )
    except ScoringConfigError as exc:
        raise fail(str(exc)) from None
    write_output(output, _csv_bytes(scores))
    values = scores.drop(columns="uCode")
    empty = int(values.isna().to_numpy().sum())
    typer.echo(
        _(
            "Wrote {output}: {units} units x {aggregates} aggregates ({method} mean, threshold "
            "{threshold}, rule {rule}); {empty} value(s) left empty for insufficient data"
        ).format(
            output=output,
            units=len(scores),
            aggregates=values.shape[1],
            method=_(method),
            threshold=threshold or _("none"),
            rule=rule,
            empty=empty,
        )
    )
