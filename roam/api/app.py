"""The open-data API: countries, published assessments, their scores and recommendations, and
the catalogue. Read-only, and only published data: every request looks at the store as the
anonymous public user (roam.opendata.tables), so an unpublished assessment is simply not there
(404, the same answer as for one that does not exist).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict

from roam import __version__
from roam.framework import available_versions
from roam.opendata import tables as T
from roam.opendata.datapackage import metadata
from roam.service import open_store
from roam.service import opendata as O

CountryPath = Annotated[
    str,
    Path(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code, e.g. KE", examples=["XA"]),
]
YearPath = Annotated[int, Path(ge=1990, le=2100, description="Assessment year")]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Country(_Out):
    country: str
    name: str
    years: list[int]


class AssessmentOut(_Out):
    assessment_id: str
    country: str
    country_name: str
    year: int
    framework: str
    indicator_set: str
    version: int | None
    fictional: bool
    lead_institution: str | None
    published_at: str


class ScoreOut(_Out):
    level: str
    id: str
    parent: str | None
    name: str | None
    score: float | None
    low: float | None
    high: float | None
    band: str | None
    status: str | None
    reason: str | None
    coverage: float | None
    indicators_with_data: int | None
    indicators_expected: int | None


class Scores(_Out):
    assessment_id: str
    weights: str
    draws: int
    seed: int
    note: str
    scores: list[ScoreOut]


class RecommendationOut(_Out):
    recommendation_id: str
    text: str
    themes: list[str]
    indicators: list[str]
    addressed_to: list[str]
    priority: str
    target_date: str | None
    status: str
    status_date: str | None
    status_evidence: str | None


class IndicatorOut(_Out):
    framework: str
    indicator_id: str
    category: str
    theme: str | None
    question: str | None
    group: str | None
    text: str
    core: bool
    kind: str
    scale: str
    unit: str | None
    direction: str | None
    goalpost_low: float | None
    goalpost_high: float | None
    scored: bool


NOT_A_RANKING = (
    "Scores are an analytical aid for national self-assessment, not official UNESCO scores; "
    "UNESCO does not rank countries with these indicators. Read each score with its interval "
    "(low, high) and coverage."
)


def create_app(store: Any = None, draws: int | None = None) -> FastAPI:
    """The API over ``store`` (default: the configured store)."""
    meta = metadata()
    app = FastAPI(
        title="roam open data API",
        version=__version__,
        description=" ".join(meta["description"].split()),
        license_info={"name": meta["licenses"][0]["title"], "url": meta["licenses"][0]["path"]},
    )
    state: dict[str, Any] = {"store": store}
    score_cache: dict[tuple, Scores] = {}

    def the_store() -> Any:
        if state["store"] is None:
            state["store"] = open_store()
        return state["store"]

    def one(country: str, year: int) -> Any:
        found = O.find_published(the_store(), country, year)
        if found is None:
            raise HTTPException(404, f"no published assessment of {country.upper()} {year}")
        return found

    @app.get("/countries", response_model=list[Country], summary="Countries with published data")
    def countries() -> list[Country]:
        by_code: dict[str, Country] = {}
        for a in O.published(the_store()):
            entry = by_code.setdefault(a.country, Country(country=a.country, name=a.name, years=[]))
            entry.years.append(a.year)
        return list(by_code.values())

    @app.get("/assessments", response_model=list[AssessmentOut], summary="Published assessments")
    def assessments(
        country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
    ) -> list[dict[str, Any]]:
        store = the_store()
        return [
            T.assessment_row(a, O.load_published(store, a))
            for a in O.published(store)
            if country is None or a.country == country.upper()
        ]

    @app.get(
        "/assessments/{country}/{year}",
        response_model=AssessmentOut,
        summary="One published assessment",
    )
    def assessment(country: CountryPath, year: YearPath) -> dict[str, Any]:
        info = one(country, year)
        return T.assessment_row(info, O.load_published(the_store(), info))

    @app.get(
        "/assessments/{country}/{year}/scores",
        response_model=Scores,
        summary="Scores with intervals and coverage (index, categories, themes)",
    )
    def scores(country: CountryPath, year: YearPath) -> Scores:
        info = one(country, year)
        key = (T.assessment_id(info), info.latest_version, info.updated_at)
        if key not in score_cache:
            rows = T.score_rows(info, O.load_published(the_store(), info), draws)
            first = rows[0]
            score_cache[key] = Scores(
                assessment_id=T.assessment_id(info),
                weights=first["weights"],
                draws=first["draws"],
                seed=first["seed"],
                note=NOT_A_RANKING,
                scores=[ScoreOut(**{k: r[k] for k in ScoreOut.model_fields}) for r in rows],
            )
        return score_cache[key]

    @app.get(
        "/assessments/{country}/{year}/recommendations",
        response_model=list[RecommendationOut],
        summary="Recommendations of the national report and their current status",
    )
    def recommendations(country: CountryPath, year: YearPath) -> list[RecommendationOut]:
        info = one(country, year)
        recs, _ = T.recommendation_rows(info, O.load_published(the_store(), info))
        return [
            RecommendationOut(
                **{k: r[k] for k in RecommendationOut.model_fields if k in r}
                | {
                    "themes": (r["themes"] or "").split(";") if r["themes"] else [],
                    "indicators": r["indicators"].split(";") if r["indicators"] else [],
                    "addressed_to": r["addressed_to"].split(";") if r["addressed_to"] else [],
                }
            )
            for r in recs
        ]

    @app.get("/catalogue", response_model=list[IndicatorOut], summary="The indicator catalogue")
    def catalogue(
        framework: Annotated[str | None, Query(description="Framework version")] = None,
    ) -> list[dict[str, Any]]:
        versions = available_versions()
        if framework is not None and framework not in versions:
            raise HTTPException(
                404, f"no framework {framework!r}; known versions: {', '.join(versions)}"
            )
        chosen = [framework] if framework else versions
        return [row for version in chosen for row in T.catalogue_rows(version)]

    return app
