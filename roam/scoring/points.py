"""Responses -> a countries x indicators array of points and data statuses.

The long response table is turned into matrices once, so every later step is array arithmetic.
Bad input (unknown indicators, labels or statuses, duplicates, an "available" answer with nothing
in it) raises ScoringInputError: guessing would make scores silently wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from roam.errors import RoamError
from roam.framework import Framework
from roam.framework.models import ChoiceScale, normalise_label
from roam.questionnaire.vocab import vocabulary

# Every status of the questionnaire vocabulary, in its order; the codes are stored in int8
# matrices as positions in this tuple. The engine gives meaning to these five by name.
STATUSES = vocabulary().status_codes
AVAILABLE = STATUSES.index("available")
NOT_APPLICABLE = STATUSES.index("not_applicable")
NOT_AVAILABLE = STATUSES.index("not_available")
UNANSWERED = STATUSES.index("unanswered")
NOT_ASSESSED = STATUSES.index("not_assessed")  # set by the engine from the indicator set
INPUT_STATUSES = tuple(s for s in STATUSES if s != STATUSES[NOT_ASSESSED])
COLUMNS = ("country", "indicator_id", "status", "answer", "value")


class ScoringInputError(RoamError, ValueError):
    """Responses the engine cannot score without guessing."""


@dataclass(frozen=True)
class Assessment:
    """All countries' responses as aligned matrices over every catalogue indicator."""

    countries: tuple[str, ...]
    indicator_ids: tuple[str, ...]
    status: np.ndarray  # int8, countries x indicators, codes into STATUSES
    points: np.ndarray  # float, NaN unless available and scored
    value: np.ndarray  # float, raw numeric answers
    answer_codes: np.ndarray  # int32 codes into answer_labels, -1 for no answer
    answer_labels: tuple[str, ...]
    indicator_sets: tuple[str, ...]  # per country: core or full

    @property
    def answer(self) -> np.ndarray:
        """Raw labels / text as an object matrix (None for no answer); built on demand."""
        labels = np.array([*self.answer_labels, None], dtype=object)
        return labels[self.answer_codes]


@dataclass(frozen=True)
class Rules:
    """Per indicator (catalogue order): how a value becomes points."""

    ids: pd.Index
    scored: np.ndarray
    choice: np.ndarray
    numeric: np.ndarray
    perception: np.ndarray
    lower: np.ndarray
    low: np.ndarray
    high: np.ndarray
    scale: np.ndarray  # scale id per indicator
    choice_scales: tuple[str, ...]  # choice scale ids
    choice_scale_pos: np.ndarray  # per indicator: position in choice_scales, -1 if not a choice
    choice_points: dict[str, dict[str, float]]  # scale -> normalised label -> points


_RULES: dict[int, tuple[Framework, Rules]] = {}


def indicator_rules(framework: Framework) -> Rules:
    """Cached per framework object, like the tree."""
    hit = _RULES.get(id(framework))
    if hit is not None and hit[0] is framework:
        return hit[1]
    table = framework.table
    choice_scales = tuple(
        sid for sid, sc in framework.scales.items() if isinstance(sc, ChoiceScale)
    )
    rules = Rules(
        ids=pd.Index(list(table["indicator_id"]), dtype=object),
        scored=table["scored"].to_numpy(dtype=bool),
        choice=(table["scale_type"] == "choice").to_numpy(),
        numeric=(table["scale_type"] == "numeric").to_numpy(),
        perception=(table["kind"] == "perception").to_numpy(),
        lower=(table["direction"] == "lower").to_numpy(),
        low=pd.to_numeric(table["low"]).to_numpy(dtype=float),
        high=pd.to_numeric(table["high"]).to_numpy(dtype=float),
        scale=table["scale"].to_numpy(dtype=object),
        choice_scales=choice_scales,
        choice_scale_pos=np.array(
            [choice_scales.index(s) if s in choice_scales else -1 for s in table["scale"]],
            dtype=np.intp,
        ),
        choice_points={
            sid: {normalise_label(lv.label): float(lv.points) for lv in scale.levels}
            for sid, scale in framework.scales.items()
            if isinstance(scale, ChoiceScale)
        },
    )
    if len(_RULES) > 16:
        _RULES.clear()
    _RULES[id(framework)] = (framework, rules)
    return rules


def categorical_responses(framework: Framework, frame: pd.DataFrame) -> pd.DataFrame:
    """The long table with fixed categories for country, indicator and status.

    encode() factorises these columns; categories make that free, which matters when hundreds
    of assessments are scored at once. Values are unchanged, so this is optional for callers.
    """
    countries = pd.unique(frame["country"].astype(object))
    return frame.assign(
        country=pd.Categorical(frame["country"], categories=countries),
        indicator_id=pd.Categorical(frame["indicator_id"], categories=list(framework.by_id)),
        status=pd.Categorical(frame["status"], categories=list(INPUT_STATUSES)),
    )


def numeric_points(
    value: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    lower: np.ndarray,
    perception: np.ndarray,
) -> np.ndarray:
    """Goalpost normalisation truncated to 0..100; perception shares count as they are.

    A perception share with direction "lower" (e.g. share who feel unsafe) counts as 100 - share.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        scaled = (value - low) / (high - low) * 100.0
    scaled = np.where(lower, 100.0 - scaled, scaled)
    share = np.where(lower, 100.0 - value, value)
    return np.clip(np.where(perception, share, scaled), 0.0, 100.0)


def _codes(column: pd.Series, known: pd.Index | None = None) -> tuple[np.ndarray, pd.Index]:
    """Factorise a column (free on categoricals, fast on Arrow strings); optionally map the
    codes onto `known`."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        uniques = pd.Index(column.cat.categories, dtype=object)
    else:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        uniques = pd.Index(uniques, dtype=object)
    if known is None:
        return codes, uniques
    mapping = known.get_indexer(uniques)
    return np.where(codes >= 0, mapping[codes], -1), uniques


def encode(
    framework: Framework,
    responses: pd.DataFrame,
    indicator_sets: Mapping[str, str] | None = None,
) -> Assessment:
    """Turn the long response table into matrices; absent indicators count as unanswered."""
    missing = [c for c in COLUMNS if c not in responses.columns]
    if missing:
        raise ScoringInputError(f"responses lack column(s): {', '.join(missing)}")
    rules = indicator_rules(framework)
    ids = rules.ids
    country_codes, countries = _codes(responses["country"])
    countries = pd.Index([str(c) for c in countries], dtype=object)
    ind, ind_seen = _codes(responses["indicator_id"], ids)
    if (ind < 0).any():
        bad = sorted({str(x) for x in ind_seen[ids.get_indexer(ind_seen) < 0]})
        raise ScoringInputError(f"indicator(s) not in framework {framework.version}: {_few(bad)}")
    stat, stat_seen = _codes(responses["status"], pd.Index(INPUT_STATUSES, dtype=object))
    if (stat < 0).any():
        bad = sorted({str(x) for x in stat_seen if x not in INPUT_STATUSES})
        raise ScoringInputError(
            f"unknown status(es) {_few(bad)}: expected one of {', '.join(INPUT_STATUSES)}"
        )
    n, m = len(countries), len(ids)
    flat = country_codes.astype(np.int64) * m + ind
    if n and np.bincount(flat, minlength=n * m).max(initial=0) > 1:
        dup = pd.Series(flat).duplicated(keep=False).to_numpy()
        first = responses[dup].iloc[0]
        raise ScoringInputError(
            f"{int(dup.sum())} duplicate rows, e.g. country {first['country']} indicator "
            f"{first['indicator_id']}: one row per country and indicator"
        )

    sets = _indicator_sets(framework, tuple(countries), indicator_sets)
    in_set = {name: _set_mask(framework, ids, name) for name in set(sets)}
    expected = np.stack([in_set[s] for s in sets]) if n else np.zeros((0, m), bool)
    status = np.where(expected, UNANSWERED, NOT_ASSESSED).astype(np.int8)
    given = np.full(n * m, -1, dtype=np.int8)
    given[flat] = stat
    given = given.reshape(n, m)
    # Outside the assessed set only real answers count; anything else stays "not assessed".
    keep = (given >= 0) & (expected | (given == AVAILABLE))
    status[keep] = given[keep]

    value = np.full(n * m, np.nan)
    value[flat] = pd.to_numeric(responses["value"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    value = value.reshape(n, m)
    ans, labels = _codes(responses["answer"])
    answer_codes = np.full(n * m, len(labels), dtype=np.int32)
    answer_codes[flat] = np.where(ans >= 0, ans, len(labels))
    answer_codes = answer_codes.reshape(n, m)

    points = np.full((n, m), np.nan)
    scorable = (status == AVAILABLE) & rules.scored[None, :]
    _choice_points(rules, countries, answer_codes, labels, scorable, points)
    _numeric_points(rules, countries, value, scorable, points)
    return Assessment(
        countries=tuple(str(c) for c in countries),
        indicator_ids=tuple(ids),
        status=status,
        points=points,
        value=value,
        answer_codes=answer_codes,
        answer_labels=tuple(str(x) for x in labels),
        indicator_sets=tuple(sets),
    )


def _choice_points(
    rules: Rules,
    countries: pd.Index,
    answer_codes: np.ndarray,
    labels: pd.Index,
    scorable: np.ndarray,
    points: np.ndarray,
) -> None:
    """Points of choice answers, looked up on whole matrices (cells are only listed on error)."""
    cells = scorable & rules.choice[None, :]
    if not cells.any():
        return
    # One extra column for "no answer"; blank labels count as no answer too.
    normalised = [normalise_label(str(label)) for label in labels]
    blank_label = np.array([*(not lab for lab in normalised), True])
    blank = cells & blank_label[answer_codes]
    if blank.any():
        rows, cols = np.nonzero(blank)
        raise ScoringInputError(
            "status 'available' but no answer: " + _cells(rows, cols, countries, rules.ids)
        )
    lookup = np.full((len(rules.choice_scales) + 1, len(labels) + 1), np.nan)
    for si, name in enumerate(rules.choice_scales):
        by_label = rules.choice_points[name]
        for li, label in enumerate(normalised):
            lookup[si, li] = by_label.get(label, np.nan)
    got = lookup[rules.choice_scale_pos[None, :], answer_codes]  # -1 (not a choice): NaN row
    bad = cells & np.isnan(got)
    if bad.any():
        rows, cols = np.nonzero(bad)
        examples = [
            f"{countries[r]} {rules.ids[c]} {labels[answer_codes[r, c]]!r} (scale {rules.scale[c]})"
            for r, c in zip(rows[:5], cols[:5], strict=True)
        ]
        raise ScoringInputError(f"answer is not a level of its scale: {'; '.join(examples)}")
    np.copyto(points, got, where=cells)


def _numeric_points(
    rules: Rules,
    countries: pd.Index,
    value: np.ndarray,
    scorable: np.ndarray,
    points: np.ndarray,
) -> None:
    cells = scorable & rules.numeric[None, :]
    if not cells.any():
        return
    missing = cells & np.isnan(value)
    if missing.any():
        rows, cols = np.nonzero(missing)
        raise ScoringInputError(
            "status 'available' but no number: " + _cells(rows, cols, countries, rules.ids)
        )
    got = numeric_points(value, rules.low, rules.high, rules.lower, rules.perception)
    np.copyto(points, got, where=cells)


def _indicator_sets(
    framework: Framework, countries: tuple[str, ...], mapping: Mapping[str, str] | None
) -> list[str]:
    mapping = mapping or {}
    sets = [mapping.get(c, "full") for c in countries]
    for name in set(sets):
        if name not in ("core", "full"):
            raise ScoringInputError(f"unknown indicator set {name!r}: expected 'core' or 'full'")
    return sets


_SET_MASKS: dict[tuple[int, str], tuple[Framework, np.ndarray]] = {}


def _set_mask(framework: Framework, ids: pd.Index, name: str) -> np.ndarray:
    hit = _SET_MASKS.get((id(framework), name))
    if hit is not None and hit[0] is framework and len(hit[1]) == len(ids):
        return hit[1]
    members = {e.id for e in framework.entries_for(name)}
    mask = np.fromiter((i in members for i in ids), dtype=bool, count=len(ids))
    if len(_SET_MASKS) > 32:
        _SET_MASKS.clear()
    _SET_MASKS[(id(framework), name)] = (framework, mask)
    return mask


def _few(items: list[str], limit: int = 5) -> str:
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(items[:limit]) + more


def _cells(rows: np.ndarray, cols: np.ndarray, countries: pd.Index, ids: pd.Index) -> str:
    cells = [f"{countries[r]} {ids[c]}" for r, c in zip(rows[:5], cols[:5], strict=True)]
    return _few(cells, 5) + (f" ({len(rows)} in all)" if len(rows) > 5 else "")
