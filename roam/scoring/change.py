"""Change over time: one country's two assessments, with intervals from paired draws.

Both years are scored in one run, so every Monte Carlo draw applies the same weights, method and
missing-data policy to both; the interval of the difference then holds only what the uncertain
choices do to the change, not the spread of each year on its own (which would mostly cancel).

A change is "improved" when its whole interval lies above +min_change, "declined" when it lies
below -min_change, and otherwise "no change beyond uncertainty" (min_change is the setting
`change.min_change` in scoring.yaml, 0 by default). Different indicator sets (core and full) are
compared only on the indicators both assessments cover: both are scored as the shared set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from roam.framework import Framework
from roam.i18n import _
from roam.scoring.aggregate import STATES
from roam.scoring.points import categorical_responses
from roam.scoring.results import Scores
from roam.scoring.uncertainty import (
    KEEP_LEVELS,
    draw_weights,
    draws_and_seed,
    noise_levels,
    simulate,
    variants,
)

IMPROVED, DECLINED, NO_CHANGE = "improved", "declined", "no change beyond uncertainty"


@dataclass(frozen=True)
class Change:
    """Per node (index, categories, themes): both scores, the change and its paired interval."""

    before: str  # labels such as "XI@2023"
    after: str
    table: pd.DataFrame  # level, id, name, before, after, change, low, high, verdict, note
    indicators: pd.DataFrame  # indicators whose answers changed
    indicator_set: str  # the set both were scored on
    note: str | None  # says so when the sets differ
    draws: int
    seed: int
    percentiles: tuple[float, float]
    methods: tuple[str, ...] = field(default=())
    profile: str = "default"  # the scoring.yaml run profile that set draws and seed

    def to_json(self) -> dict[str, Any]:
        def clean(frame: pd.DataFrame) -> list[dict[str, Any]]:
            out = frame.astype(object).where(frame.notna(), None)
            return out.to_dict("records")

        return {
            "before": self.before,
            "after": self.after,
            "indicator_set": self.indicator_set,
            "note": self.note,
            "profile": self.profile,
            "draws": self.draws,
            "seed": self.seed,
            "percentiles": list(self.percentiles),
            "methods": list(self.methods),
            "nodes": clean(self.table),
            "changed_indicators": clean(self.indicators),
        }


def shared_set(sets: tuple[str, str]) -> str:
    """The indicator set both assessments cover: core unless both are full."""
    return "full" if sets == ("full", "full") else "core"


def changed_indicators(
    framework: Framework, before: pd.DataFrame, after: pd.DataFrame, indicator_set: str
) -> pd.DataFrame:
    """Indicators of the shared set whose status, answer or value differs between the two."""
    ids = [e.id for e in framework.entries_for(indicator_set) if framework.is_scored(e.category)]
    cols = ["status", "answer", "value"]

    def norm(frame: pd.DataFrame) -> pd.DataFrame:
        f = frame.set_index("indicator_id").reindex(ids)[cols].astype(object)
        f["status"] = f["status"].where(f["status"].notna(), "unanswered")
        return f.where(f.notna(), None)

    a, b = norm(before), norm(after)
    rows = []
    for ind in ids:
        old, new = a.loc[ind].tolist(), b.loc[ind].tolist()
        if _same(old, new):
            continue
        rows.append(
            {
                "indicator_id": ind,
                "category": framework.by_id[ind].category,
                "status_before": str(old[0]),
                "answer_before": _shown(old),
                "status_after": str(new[0]),
                "answer_after": _shown(new),
            }
        )
    columns = ["indicator_id", "category", "status_before", "answer_before"]
    return pd.DataFrame(rows, columns=[*columns, "status_after", "answer_after"])


def paired_change(
    scores: Scores,
    draws: int | None = None,
    seed: int | None = None,
) -> tuple[pd.DataFrame, int, int, tuple[str, ...]]:
    """Scores holds exactly two "countries" (before, after): nominal change and its interval from
    the same draws applied to both. Returns the node table, draws, seed and methods."""
    cfg = scores.settings.uncertainty
    draws, seed = draws_and_seed(scores, draws, seed)
    rng = np.random.default_rng(seed)
    pool = variants(scores)
    weight_draws = draw_weights(scores, noise_levels(scores), draws, rng)
    chosen = rng.integers(0, len(pool), size=draws)
    sims = simulate(scores, weight_draws, chosen, pool)
    low_q, high_q = cfg.percentiles
    min_change = scores.settings.change.min_change
    frames = []
    for level in reversed(KEEP_LEVELS):  # index, categories, themes
        r = scores.level(level)
        diff = sims[level][:, :, 1] - sims[level][:, :, 0]  # nodes x draws
        nominal = r.score[1] - r.score[0]
        with np.errstate(invalid="ignore"):
            low, high = np.percentile(diff, [low_q, high_q], axis=1)
        verdict = np.where(
            low > min_change, IMPROVED, np.where(high < -min_change, DECLINED, NO_CHANGE)
        ).astype(object)
        note = np.full(len(nominal), None, dtype=object)
        for j in np.flatnonzero(np.isnan(nominal)):
            which = [lab for k, lab in enumerate(("before", "after")) if np.isnan(r.score[k, j])]
            states = {STATES[r.state[k, j]] for k in range(2)} - {"scored"}
            verdict[j] = None
            note[j] = f"no score {' and '.join(which)} ({', '.join(sorted(states))})"
        frames.append(
            pd.DataFrame(
                {
                    "level": level,
                    "id": list(r.level.ids),
                    "before": r.score[0],
                    "after": r.score[1],
                    "change": nominal,
                    "low": np.where(np.isnan(nominal), np.nan, low),
                    "high": np.where(np.isnan(nominal), np.nan, high),
                    "verdict": verdict,
                    "note": note,
                }
            )
        )
    methods = tuple(dict.fromkeys(v.method for v in pool))
    table = pd.concat(frames, ignore_index=True)
    for col in ("verdict", "note"):  # None, not NaN, where there is no verdict or note
        table[col] = table[col].astype(object).where(table[col].notna(), None)
    return table, draws, seed, methods


def change_between(
    framework: Framework,
    before: pd.DataFrame,
    after: pd.DataFrame,
    labels: tuple[str, str],
    sets: tuple[str, str],
    *,
    draws: int | None = None,
    seed: int | None = None,
    weights: Any = None,
    settings: Any = None,
    profile: str | None = None,
) -> Change:
    """Two response tables (indicator_id, status, answer, value) of one country -> a Change.

    Labels name the two assessments (both are scored in one run under these labels). Draws and
    seed come from scoring.yaml, or its named `profile`, unless given."""
    from roam.scoring import load_settings, score

    common = shared_set(sets)
    shared = {e.id for e in framework.entries_for(common)}
    frames = []
    for label, frame in zip(labels, (before, after), strict=True):
        f = frame.loc[
            frame["indicator_id"].astype(str).isin(shared),
            ["indicator_id", "status", "answer", "value"],
        ].copy()
        f.insert(0, "country", label)
        frames.append(f)
    data = categorical_responses(framework, pd.concat(frames, ignore_index=True))
    base = load_settings(dict(settings) if isinstance(settings, dict) else settings, framework)
    cfg = base.for_run(profile, draws, seed)  # draws and seed: scoring.yaml, a profile, or given
    scores = score(
        framework, data, weights, cfg, indicator_sets={labels[0]: common, labels[1]: common}
    )
    table, n, s, methods = paired_change(scores)
    names = {
        framework.index_id: framework.index_name,
        **{c: framework.category(c).name for c in framework.scored_categories},
        **{t: name for t, (_, name) in framework.themes.items()},
    }
    table.insert(2, "name", [names.get(i, i) for i in table["id"]])
    note = None
    if sets[0] != sets[1]:
        n_shared = sum(1 for e in framework.entries_for("core") if framework.is_scored(e.category))
        note = (
            f"{labels[0]} used the {sets[0]} set and {labels[1]} the {sets[1]} set: both are "
            f"compared on the {n_shared} core indicators they share."
        )
    return Change(
        before=labels[0],
        after=labels[1],
        table=table,
        indicators=changed_indicators(framework, before, after, common),
        indicator_set=common,
        note=note,
        draws=n,
        seed=s,
        percentiles=tuple(scores.settings.uncertainty.percentiles),  # type: ignore[arg-type]
        profile=profile or "default",
        methods=methods,
    )


def _same(old: list[Any], new: list[Any]) -> bool:
    for x, y in zip(old, new, strict=True):
        if isinstance(x, float) and isinstance(y, float):
            if not (x == y or (np.isnan(x) and np.isnan(y))):
                return False
        elif _blank(x) != _blank(y) or (not _blank(x) and str(x).strip() != str(y).strip()):
            return False
    return True


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, float) and np.isnan(x)) or str(x).strip() == ""


def _shown(row: list[Any]) -> str | None:
    _, answer, value = row
    if not _blank(answer):
        return str(answer)
    if not _blank(value):
        return f"{float(value):g}"
    return None


def assessment_change(before: Any, after: Any, **options: Any) -> Change:
    """Two assessments of one country (roam.questionnaire.Assessment) -> a Change.

    Raises ValueError with a plain message when they are not two years of one country and one
    framework version."""
    from roam.framework import load_framework

    a, b = before.meta, after.meta
    if a.iso_code != b.iso_code:
        raise ValueError(
            _("change over time compares one country: these are {country} and {country2}").format(
                country=a.iso_code, country2=b.iso_code
            )
        )
    if a.framework != b.framework:
        raise ValueError(
            _(
                "these assessments use different framework versions ({framework}, {framework2}); "
                "change can only be measured within one version"
            ).format(framework=a.framework, framework2=b.framework)
        )
    if a.year == b.year:
        raise ValueError(
            _("both assessments are of {year}: give two different years").format(year=a.year)
        )
    labels = (f"{a.iso_code}@{a.year}", f"{b.iso_code}@{b.year}")
    return change_between(
        load_framework(a.framework),
        before.scoring_frame(),
        after.scoring_frame(),
        labels,
        (a.indicator_set, b.indicator_set),
        **options,
    )
