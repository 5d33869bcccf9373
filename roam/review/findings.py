"""What a round asks people to rate: each question (answers, evidence, score with interval),
each theme summary, and any draft recommendations the team adds. Frozen when the round opens,
so every rating refers to the text the rater saw."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from roam.analysis import analyse
from roam.i18n import N_, gettext
from roam.questionnaire import Assessment
from roam.values import is_blank

REVIEW_DRAWS = 300
MAX_EVIDENCE = 600


THEME_TITLE = N_("Theme {id}: {name}")
RECOMMENDATION_TITLE = N_("Draft recommendation {n} on theme {theme}")


def finding_title(finding: Mapping[str, Any], framework: Any, lang: str | None = None) -> str:
    """A finding's title in a language: catalogue wording from the framework's translation for
    themes and questions (the kept title is the English the round opened with)."""
    ident, kind = finding["id"], finding.get("kind")
    if kind == "theme" and ident in framework.by_id:
        return gettext(THEME_TITLE, lang).format(id=ident, name=framework.text(ident, lang))
    if kind == "question" and ident in framework.by_id:
        return framework.text(ident, lang)
    if kind == "recommendation" and ".REC" in ident:
        theme, n = ident.rsplit(".REC", 1)
        return gettext(RECOMMENDATION_TITLE, lang).format(n=n, theme=theme)
    return str(finding.get("title") or "")


def _score_text(score: Any, low: Any, high: Any, band: Any) -> str:
    if is_blank(score):
        return "no score (insufficient data)"
    interval = "" if is_blank(low) else f", 90% interval {low:.0f} to {high:.0f}"
    return f"{score:.0f} of 100 ({band}{interval})"


def _answer(row: Mapping[str, Any]) -> str:
    if row["status"] != "available":
        return str(row["status"]).replace("_", " ")
    if not is_blank(row["answer"]):
        return str(row["answer"])
    if not is_blank(row["value"]):
        unit = "" if is_blank(row["unit"]) else f" {row['unit']}"
        return f"{row['value']:g}{unit}"
    return "-"


def build_findings(
    assessment: Assessment, recommendations: Mapping[str, list[str]] | None = None
) -> list[dict[str, Any]]:
    """The findings of ``assessment`` in catalogue order: questions, then themes, then
    recommendations (theme id -> texts)."""
    analysis = analyse([assessment], draws=REVIEW_DRAWS)
    framework = analysis.framework
    interval = {
        (r.level, r.id): (r.low, r.high)
        for r in analysis.uncertainty.table.itertuples(index=False)  # type: ignore[union-attr]
    }
    responses = assessment.responses.to_dict("records")
    by_question: dict[str, list[dict[str, Any]]] = {}
    for row in responses:
        question = ".".join(str(row["indicator_id"]).split(".")[:3])
        by_question.setdefault(question, []).append(row)
    out: list[dict[str, Any]] = []
    for row in analysis.scores.questions.itertuples(index=False):
        answered = by_question.get(row.id, [])
        if not answered or row.status == "not_applicable":
            continue
        low, high = interval.get(("question", row.id), (None, None))
        evidence = "; ".join(
            dict.fromkeys(str(r["evidence"]) for r in answered if not is_blank(r["evidence"]))
        )
        out.append(
            {
                "id": row.id,
                "kind": "question",
                "title": str(row.name),
                "answer": "; ".join(f"{r['indicator_id']}: {_answer(r)}" for r in answered),
                "evidence": evidence[:MAX_EVIDENCE],
                "score": _num(row.score),
                "low": _num(low),
                "high": _num(high),
                "summary": _score_text(row.score, low, high, row.band),
            }
        )
    for row in analysis.scores.themes.itertuples(index=False):
        if row.status == "not_applicable":
            continue
        low, high = interval.get(("theme", row.id), (None, None))
        coverage = "" if is_blank(row.coverage) else f"; coverage {row.coverage:.0%}"
        out.append(
            {
                "id": row.id,
                "kind": "theme",
                "title": THEME_TITLE.format(id=row.id, name=row.name),
                "answer": "",
                "evidence": "",
                "score": _num(row.score),
                "low": _num(low),
                "high": _num(high),
                "summary": _score_text(row.score, low, high, row.band) + coverage,
            }
        )
    themes = {t.id for t in analysis.scores.themes.itertuples(index=False)}
    for theme, texts in (recommendations or {}).items():
        if theme not in themes:
            known = ", ".join(sorted(themes)[:6])
            raise ValueError(
                f"{theme!r} is not a theme of framework {framework.version} "
                f"(themes look like {known}, ...)"
            )
        for n, text in enumerate(texts, start=1):
            out.append(
                {
                    "id": f"{theme}.REC{n}",
                    "kind": "recommendation",
                    "title": RECOMMENDATION_TITLE.format(n=n, theme=theme),
                    "answer": text.strip(),
                    "evidence": "",
                    "score": None,
                    "low": None,
                    "high": None,
                    "summary": "",
                }
            )
    return out


def _num(value: Any) -> float | None:
    return None if is_blank(value) else round(float(value), 2)
