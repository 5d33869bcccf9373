"""The open-data tables: their schemas, and the rows made from one published assessment.

Which assessments are published, and loading them as the public may see them, is the service
layer's job (roam/service/opendata.py); this module only shapes rows. ``info`` is the store's
AssessmentInfo of a published assessment. Scores are computed with fixed draws and seed (stated
in every output), and never include ranks.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from roam.analysis import analyse
from roam.framework import load_framework
from roam.questionnaire import Assessment
from roam.values import number_or_none

SCORE_LEVELS = {"index": "index", "category": "categories", "theme": "themes"}  # -> table


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless Table Schema type
    description: str


@dataclass
class Table:
    name: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)


def _f(spec: str) -> list[Field]:
    """'name:type:description' lines -> fields (keeps the schemas readable as a table)."""
    out = []
    for line in spec.strip().splitlines():
        name, kind, text = (part.strip() for part in line.split(":", 2))
        out.append(Field(name, kind, text))
    return out


def _to_assessment(*fields: str) -> dict[str, Any]:
    return {
        "fields": list(fields),
        "reference": {"resource": "assessments", "fields": list(fields)},
    }


def empty_tables() -> dict[str, Table]:
    """The six tables with their schemas and no rows."""
    return {
        "assessments": Table(
            "assessments",
            _f("""
            assessment_id: string: Country, year, framework and indicator set joined by '-'
            country: string: ISO 3166 alpha-2 code (XA to XZ: fictional training data)
            country_name: string: Country name
            year: integer: Assessment year
            framework: string: Framework version of the indicator catalogue
            indicator_set: string: core or full
            version: integer: The stored version (upload) that was published
            fictional: boolean: True for invented training data
            lead_institution: string: Institution that led the national assessment
            published_at: datetime: When the assessment last changed status (UTC)
            """),
            ["assessment_id"],
        ),
        "responses": Table(
            "responses",
            _f("""
            assessment_id: string: The assessment (see assessments)
            indicator_id: string: Indicator (see catalogue)
            category: string: R, O, A, M, X or C
            answer: string: Answer on the indicator's scale, as given
            value: number: Numeric value, for quantitative indicators
            unit: string: Unit of the value
            data_year: integer: Year the data or evidence refers to
            status: string: available, not_available, not_applicable or unanswered
            source: string: Source named by the national team
            evidence: string: Evidence note of the national team
            """),
            ["assessment_id", "indicator_id"],
            [_to_assessment("assessment_id")],
        ),
        "scores": Table(
            "scores",
            _f("""
            assessment_id: string: The assessment (see assessments)
            level: string: index, category or theme
            id: string: Node of that level (e.g. R, R.A)
            parent: string: The node above
            name: string: Name of the node
            score: number: Score from 0 to 100 (empty: not scored)
            low: number: Lower end of the uncertainty interval
            high: number: Upper end of the uncertainty interval
            band: string: Verbal band of the score
            status: string: Scored, insufficient data or not applicable
            reason: string: Why there is no score, in words
            coverage: number: Share of applicable indicators beneath that have data (0 to 1)
            indicators_with_data: integer: Applicable indicators beneath with data
            indicators_expected: integer: Applicable indicators beneath
            weights: string: Weight set used
            draws: integer: Monte Carlo draws behind low and high
            seed: integer: Random seed of the draws
            """),
            ["assessment_id", "level", "id"],
            [_to_assessment("assessment_id")],
        ),
        "catalogue": Table(
            "catalogue",
            _f("""
            framework: string: Framework version
            indicator_id: string: Indicator ID
            category: string: R, O, A, M, X or C
            theme: string: Theme ID (empty for contextual indicators)
            question: string: Question ID
            group: string: Contextual group
            text: string: Indicator wording (roam's paraphrase of UNESCO 2019)
            core: boolean: One of the core indicators
            kind: string: legal, quantitative, perception or contextual
            scale: string: Answer scale
            unit: string: Unit of numeric indicators
            direction: string: higher or lower is better
            goalpost_low: number: Value scored 0 (or 100 when lower is better)
            goalpost_high: number: Value scored 100 (or 0 when lower is better)
            scored: boolean: Counts in the scores
            """),
            ["framework", "indicator_id"],
        ),
        "recommendations": Table(
            "recommendations",
            _f("""
            assessment_id: string: The assessment (see assessments)
            recommendation_id: string: ID given by the national team
            text: string: The recommendation
            themes: string: Theme IDs it responds to, separated by ';'
            indicators: string: Indicator IDs it responds to, separated by ';'
            addressed_to: string: Stakeholder groups addressed, separated by ';'
            priority: string: high, medium or low
            target_date: date: Target date
            status: string: not_started, in_progress, implemented or dropped
            status_date: date: Date of the latest status update
            status_evidence: string: Evidence given with the latest status
            """),
            ["assessment_id", "recommendation_id"],
            [_to_assessment("assessment_id")],
        ),
        "recommendation_updates": Table(
            "recommendation_updates",
            _f("""
            assessment_id: string: The assessment (see assessments)
            recommendation_id: string: The recommendation (see recommendations)
            sequence: integer: Order in which the updates were recorded
            kind: string: status (a dated status update) or edit (wording changed)
            status: string: Status set by a status update
            dated: date: Date of the update
            evidence: string: Evidence given with a status update
            previous: string: For edits, the earlier values as JSON
            """),
            ["assessment_id", "recommendation_id", "sequence"],
            [
                {
                    "fields": ["assessment_id", "recommendation_id"],
                    "reference": {
                        "resource": "recommendations",
                        "fields": ["assessment_id", "recommendation_id"],
                    },
                }
            ],
        ),
    }


def assessment_id(info: Any) -> str:
    return f"{info.country}-{info.year}-{info.framework}-{info.indicator_set}"


def _int(value: Any) -> int | None:
    number = number_or_none(value)
    return None if number is None else int(number)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value)
    return text if text and text not in ("nan", "<NA>", "None") else None


def assessment_row(info: Any, assessment: Assessment) -> dict[str, Any]:
    meta = assessment.meta
    return {
        "assessment_id": assessment_id(info),
        "country": info.country,
        "country_name": info.name,
        "year": info.year,
        "framework": info.framework,
        "indicator_set": info.indicator_set,
        "version": info.latest_version,
        "fictional": bool(meta.fictional),
        "lead_institution": meta.lead_institution or None,
        "published_at": info.updated_at.isoformat(),
    }


def response_rows(info: Any, assessment: Assessment) -> list[dict[str, Any]]:
    key = assessment_id(info)
    return [
        {
            "assessment_id": key,
            "indicator_id": r["indicator_id"],
            "category": _text(r.get("category")),
            "answer": _text(r.get("answer")),
            "value": number_or_none(r.get("value")),
            "unit": _text(r.get("unit")),
            "data_year": _int(r.get("data_year")),
            "status": _text(r.get("status")),
            "source": _text(r.get("source")),
            "evidence": _text(r.get("evidence")),
        }
        for r in assessment.responses.to_dict("records")
    ]


def score_rows(info: Any, assessment: Assessment, draws: int | None = None) -> list[dict[str, Any]]:
    """Scores of the index, categories and themes; draws and seed from the framework's
    scoring.yaml unless ``draws`` is given, and stated on every row (the run record)."""
    analysis = analyse([assessment], draws=draws)
    scores, run = analysis.scores, analysis.run
    interval: dict[tuple[str, str], tuple[Any, Any]] = {}
    if analysis.uncertainty is not None:
        t = analysis.uncertainty.table
        for level, ident, low, high in zip(t["level"], t["id"], t["low"], t["high"], strict=True):
            interval[(str(level), str(ident))] = (low, high)
    rows = []
    for level, table_name in SCORE_LEVELS.items():
        for r in scores.tables()[table_name].to_dict("records"):
            low, high = interval.get((level, str(r["id"])), (None, None))
            rows.append(
                {
                    "assessment_id": assessment_id(info),
                    "level": level,
                    "id": str(r["id"]),
                    "parent": _text(r.get("parent")),
                    "name": _text(r.get("name")),
                    "score": number_or_none(r["score"]),
                    "low": number_or_none(low),
                    "high": number_or_none(high),
                    "band": _text(r.get("band")),
                    "status": _text(r.get("status")),
                    "reason": _text(r.get("reason")),
                    "coverage": number_or_none(r.get("indicator_coverage")),
                    "indicators_with_data": _int(r.get("n_indicators_present")),
                    "indicators_expected": _int(r.get("n_indicators_expected")),
                    "weights": run.weights.name,
                    "draws": run.draws,
                    "seed": run.seed,
                }
            )
    return rows


def catalogue_rows(version: str) -> list[dict[str, Any]]:
    table = load_framework(version).table
    return [
        {
            "framework": version,
            "indicator_id": r["indicator_id"],
            "category": r["category"],
            "theme": _text(r["theme"]),
            "question": _text(r["question"]),
            "group": _text(r["group"]),
            "text": r["text"],
            "core": bool(r["core"]),
            "kind": r["kind"],
            "scale": r["scale"],
            "unit": _text(r["unit"]),
            "direction": _text(r["direction"]),
            "goalpost_low": number_or_none(r["low"]),
            "goalpost_high": number_or_none(r["high"]),
            "scored": bool(r["scored"]),
        }
        for r in table.to_dict("records")
    ]


def recommendation_rows(
    info: Any, assessment: Assessment
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    key = assessment_id(info)
    recs, updates = [], []
    for rec in assessment.recommendations:
        recs.append(
            {
                "assessment_id": key,
                "recommendation_id": rec["id"],
                "text": rec["text"],
                "themes": ";".join(rec["themes"]) or None,
                "indicators": ";".join(rec["indicators"]) or None,
                "addressed_to": ";".join(rec["stakeholders"]) or None,
                "priority": rec["priority"],
                "target_date": rec["target_date"],
                "status": rec["status"],
                "status_date": rec["status_date"],
                "status_evidence": rec["evidence"] or None,
            }
        )
        for i, update in enumerate(rec.get("history", []), start=1):
            updates.append(
                {
                    "assessment_id": key,
                    "recommendation_id": rec["id"],
                    "sequence": i,
                    "kind": update["kind"],
                    "status": update["status"],
                    "dated": update["dated"],
                    "evidence": update["evidence"] or None,
                    "previous": json.dumps(update["previous"], ensure_ascii=False)
                    if update["previous"]
                    else None,
                }
            )
    return recs, updates
