"""One place that turns assessments into scores with intervals, for the CLI, exports and the app.

Everything that shows a score goes through here, so the numbers in a table, a workbook and a
page are the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from roam.errors import RoamError
from roam.framework import Framework, load_framework
from roam.i18n import _
from roam.questionnaire import Assessment
from roam.run import RunRecord, build_run
from roam.scoring import Scores, Uncertainty, load_settings, score, uncertainty
from roam.scoring.config import DEFAULT_PROFILE
from roam.scoring.points import categorical_responses
from roam.scoring.records import country_records
from roam.scoring.sensitivity import Sensitivity, run_sensitivity


class MixedFrameworks(RoamError, ValueError):
    """Assessments made with different framework versions cannot be scored together."""


@dataclass
class Analysis:
    framework: Framework
    assessments: list[Assessment]
    scores: Scores
    uncertainty: Uncertainty | None
    run: RunRecord  # what made these numbers; every output describes the method from it
    sensitivity: Sensitivity | None = None

    def records(self) -> list[dict[str, Any]]:
        records = country_records(self.scores, self.uncertainty, self.sensitivity)
        names = {a.country: a.meta.country for a in self.assessments}
        for record in records:
            record["name"] = names.get(record["country"], record["country"])
        return records

    def assessment(self, country: str) -> Assessment:
        return next(a for a in self.assessments if a.country == country)


def scoring_frame(framework: Framework, assessments: Sequence[Assessment]) -> pd.DataFrame:
    frames = [a.scoring_frame() for a in assessments]
    if not frames:
        return pd.DataFrame(columns=["country", "indicator_id", "status", "answer", "value"])
    return categorical_responses(framework, pd.concat(frames, ignore_index=True))


def analyse(
    assessments: Sequence[Assessment],
    *,
    weights: Any = None,
    settings: Any = None,
    profile: str | None = None,
    draws: int | None = None,
    seed: int | None = None,
    sensitivity: bool | None = None,
) -> Analysis:
    """Score assessments together (one framework), with a Monte Carlo interval when draws > 0.

    Draws, seed and the sensitivity switch come from the framework's scoring.yaml: its default,
    or the named `profile`; `draws`, `seed` and `sensitivity` override both. The returned run
    record states what was used.
    """
    if not assessments:
        raise ValueError("no assessments to score")
    versions = sorted({a.meta.framework for a in assessments})
    if len(versions) > 1:
        raise MixedFrameworks(
            f"these assessments use different framework versions ({', '.join(versions)}); "
            "compare assessments of one version at a time"
        )
    codes = [a.country for a in assessments]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise ValueError(
            _("{countries} given more than once; pass one assessment per country").format(
                countries=", ".join(repeated)
            )
        )
    framework = load_framework(versions[0])
    frame = scoring_frame(framework, assessments)
    sets = {a.country: a.meta.indicator_set for a in assessments}
    base = load_settings(dict(settings) if isinstance(settings, dict) else settings, framework)
    cfg = base.for_run(profile, draws, seed, sensitivity)
    scores = score(framework, frame, weights=weights, settings=cfg, indicator_sets=sets)
    run_draws = cfg.uncertainty.draws
    unc = uncertainty(framework, scores=scores) if run_draws > 0 else None
    sens = None
    if run_draws > 0 and cfg.uncertainty.sensitivity:
        sens = run_sensitivity(scores, seed=cfg.uncertainty.seed)
    run = build_run(framework, cfg, scores.weights, profile or DEFAULT_PROFILE, assessments)
    return Analysis(framework, list(assessments), scores, unc, run, sens)
