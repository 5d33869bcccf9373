"""What coercion expects of each indicator of a framework, worked out once per framework.

A row's scale, unit, range and answer matcher depend only on its indicator and the loaded
framework, not on the workbook: they are looked up once per framework and kept, instead of once
per row of every upload. The matchers and the status table take every language's labels, so
nothing here depends on the current language.
"""

from __future__ import annotations

from dataclasses import dataclass

from roam.framework import Framework
from roam.framework.catalogue import ChoiceScale, NumericScale
from roam.kept import kept
from roam.questionnaire.coerce import AnswerMatcher, status_lookup
from roam.questionnaire.vocab import vocabulary


@dataclass(frozen=True)
class Expected:
    """One indicator as coercion sees it."""

    scale: str
    scale_type: str
    unit: str | None
    matcher: AnswerMatcher | None  # choice scales: typed answers -> the scale's labels
    numeric: bool
    percentage: bool  # a 0-100 scale in per cent: a fraction of 1 is read as per cent
    low: float
    high: float


def _expected(framework: Framework, matchers: dict[str, AnswerMatcher]) -> dict[str, Expected]:
    found = {}
    nan = float("nan")
    for entry in framework.entries:
        ind = entry.indicator
        scale = framework.scales[ind.scale]
        numeric = isinstance(scale, NumericScale)
        low = high = nan
        if numeric:
            low = scale.minimum if scale.minimum is not None else float("-inf")
            high = scale.maximum if scale.maximum is not None else float("inf")
        found[entry.id] = Expected(
            scale=ind.scale,
            scale_type=scale.type,
            unit=ind.unit,
            matcher=matchers.get(scale.id) if isinstance(scale, ChoiceScale) else None,
            numeric=numeric,
            percentage=numeric and scale.maximum == 100 and "%" in (ind.unit or ""),
            low=low,
            high=high,
        )
    return found


def expectations(framework: Framework) -> dict[str, Expected]:
    """Indicator ID -> what its rows must hold, built once per framework object."""
    return kept(framework, "expectations", lambda: _expected(framework, _matchers(framework)))


def _matchers(framework: Framework) -> dict[str, AnswerMatcher]:
    return {
        sid: AnswerMatcher(scale, framework.level_aliases(sid))
        for sid, scale in framework.scales.items()
        if isinstance(scale, ChoiceScale)
    }


def status_table() -> dict[str, str]:
    """Typed data status (label or code, any language, normalised) -> status code, built once
    per vocabulary object."""
    vocab = vocabulary()
    return kept(
        vocab,
        "status_table",
        lambda: status_lookup([(s.code, s.label) for s in vocab.data_statuses]),
    )
