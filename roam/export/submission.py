"""The machine-readable part of a submission: every response and score, with a JSON Schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from roam import __version__
from roam.analysis import Analysis
from roam.export.tables import indicator_table, level_table
from roam.questionnaire.model import AssessmentMeta
from roam.run import RunRecord
from roam.scoring.points import INPUT_STATUSES
from roam.values import plain

SCHEMA_VERSION = "2"  # 2: `run` (the full run record) replaces `method`


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MabMember(_Strict):
    name: str | None
    organisation: str | None
    group: str | None
    gender: str | None
    role: str | None


class IndicatorRecord(_Strict):
    id: str
    category: str
    theme: str | None
    question: str | None
    group: str | None
    text: str
    core: bool
    status: Literal[INPUT_STATUSES]  # type: ignore[valid-type]  (from questionnaire.yaml)
    answer: str | None
    value: float | None
    unit: str | None
    data_year: int | None
    source: str | None
    evidence: str | None
    points: float | None


class ScoreNode(_Strict):
    level: Literal["index", "category", "theme", "question"]
    id: str
    name: str
    score: float | None
    low: float | None
    high: float | None
    band: str | None
    coverage: float | None
    status: str
    reason: str | None


class FrameworkRef(_Strict):
    version: str
    checksum: str
    title: str


class Submission(_Strict):
    """One assessment as submitted to UNESCO (IPDC): responses, MAB and roam's scores."""

    schema_version: Literal["2"]
    generated_by: str
    note: str
    framework: FrameworkRef
    assessment: AssessmentMeta
    mab: list[MabMember]
    indicators: list[IndicatorRecord]
    scores: list[ScoreNode]
    run: RunRecord
    # The language of the package's workbook, report and methodology (numbers do not depend on
    # it; texts here stay in the catalogue's language). Packages made before languages: "en".
    language: str = "en"


def build_submission(analysis: Analysis, country: str, lang: str = "en") -> Submission:
    from roam.presentation import NOT_OFFICIAL

    assessment = analysis.assessment(country)
    fw = analysis.framework
    rows = indicator_table(analysis, country)
    indicators = [
        IndicatorRecord(
            id=r["indicator_id"],
            category=r["category"],
            theme=plain(r["theme"]),
            question=plain(r["question"]),
            group=plain(r["group"]),
            text=r["text"],
            core=bool(r["core"]),
            status=r["status"],
            answer=plain(r["answer"]),
            value=plain(r["value"]),
            unit=plain(r["unit"]),
            data_year=plain(r["data_year"]),
            source=plain(r["source"]),
            evidence=plain(r["evidence"]),
            points=plain(r["points"]),
        )
        for r in rows.to_dict("records")
    ]
    scores = []
    for level in ("index", "category", "theme", "question"):
        for r in level_table(analysis, level, country).to_dict("records"):
            scores.append(
                ScoreNode(
                    level=level,
                    id=r["id"],
                    name=r["name"],
                    score=plain(r["score"]),
                    low=plain(r["low"]),
                    high=plain(r["high"]),
                    band=plain(r["band"]),
                    coverage=plain(r["coverage"]),
                    status=r["status"],
                    reason=plain(r["reason"]),
                )
            )
    return Submission(
        schema_version=SCHEMA_VERSION,
        generated_by=f"roam {__version__}",
        note=NOT_OFFICIAL,
        framework=FrameworkRef(version=fw.version, checksum=fw.checksum, title=fw.manifest.title),
        assessment=assessment.meta,
        mab=[
            MabMember(**{k: plain(v) for k, v in m.items()})
            for m in assessment.mab.to_dict("records")
        ],
        indicators=indicators,
        scores=scores,
        run=analysis.run,
        language=lang,
    )


def submission_schema() -> dict[str, Any]:
    schema = Submission.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
