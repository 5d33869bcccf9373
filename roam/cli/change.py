"""`roam change`: one country's change between two assessments, with paired intervals."""

from __future__ import annotations

import json
import math
from typing import Annotated

import typer

from roam.cli.common import JsonOption, WeightsOption, _load_sources, app, fail
from roam.i18n import _


def _num(x: float) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.1f}"


@app.command()
def change(
    before: Annotated[str, typer.Argument(help="The earlier assessment: a file or XA@2024.")],
    after: Annotated[str, typer.Argument(help="The later assessment: a file or XA@2026.")],
    as_json: JsonOption = False,
    weights: WeightsOption = None,
    draws: Annotated[
        int | None, typer.Option("--draws", help="Paired Monte Carlo draws (default: settings).")
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Random seed (default: settings).")
    ] = None,
) -> None:
    """Change per category and theme between two assessments of one country: the change, its
    interval from paired draws and a verdict (improved, declined, no change beyond uncertainty),
    and the indicators whose answers changed."""
    from roam.scoring import ScoringConfigError, ScoringInputError
    from roam.scoring.change import assessment_change

    loaded = []
    for source in (before, after):
        found = _load_sources([source])
        if len(found) != 1:
            raise fail(
                _("{source} names {count} assessments; give exactly one").format(
                    source=repr(source), count=len(found)
                )
            )
        loaded.append(found[0])
    try:
        result = assessment_change(*loaded, draws=draws, seed=seed, weights=weights)
    except (ScoringConfigError, ScoringInputError, ValueError) as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        return
    low, high = result.percentiles
    width = f"{high - low:g}%"
    typer.echo(
        _(
            "Change from {before} to {after} ({set} set; {width} intervals from {draws} paired "
            "draws, seed {seed})"
        ).format(
            before=result.before,
            after=result.after,
            set=_(result.indicator_set),
            width=width,
            draws=result.draws,
            seed=result.seed,
        )
    )
    if result.note:
        typer.echo(_("Note: {note}").format(note=result.note))
    head = (_("before"), _("after"), _("change"), _("interval"), _("verdict"))
    typer.echo(f"  {'':<42}{head[0]:>7}{head[1]:>7}{head[2]:>8}  {head[3]:<16}{head[4]}")
    for row in result.table.itertuples(index=False):
        label = f"{row.id} {row.name}" if row.level != "index" else row.name
        label = ("  " if row.level == "theme" else "") + label
        interval = f"[{row.low:+.1f}, {row.high:+.1f}]" if not math.isnan(row.change) else ""
        change_text = f"{row.change:+.1f}" if not math.isnan(row.change) else ""
        typer.echo(
            f"  {label[:41]:<42}{_num(row.before):>7}{_num(row.after):>7}{change_text:>8}  "
            f"{interval:<16}{_(row.verdict) if row.verdict else row.note}"
        )
    changed = result.indicators
    typer.echo("")
    typer.echo(
        _("{count} indicator(s) with a changed answer or status:").format(count=len(changed))
    )
    for row in changed.itertuples(index=False):
        was = row.answer_before or row.status_before
        now = row.answer_after or row.status_after
        typer.echo(f"  {row.indicator_id}: {was} -> {now}")
