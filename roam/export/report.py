"""The draft national report: one self-contained HTML file (styles and SVG charts inline)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2

from roam.analysis import Analysis
from roam.countries import display_name
from roam.export.charts import category_frame, profile_chart, to_svg
from roam.export.recommendations import by_category as recommendations_by_category
from roam.export.recommendations import rows as recommendation_rows
from roam.export.tables import (
    catalogue_text,
    category_name,
    gaps_table,
    index_name,
    indicator_table,
    level_table,
)
from roam.export.validation import report_section
from roam.i18n import SOURCE_LANGUAGE, _, current_language, direction
from roam.mab import mab_balance
from roam.presentation import NOT_OFFICIAL
from roam.questionnaire.vocab import vocabulary
from roam.values import is_blank, plain

TEMPLATES = Path(__file__).parent / "report"
# Fonts by writing direction: Arabic needs a face with Arabic glyphs. DejaVu Sans has them and is
# on every Debian desktop (fonts-dejavu-core, declared in ./dev for CI); Noto and Arial are used
# where they are installed.
FONTS = {
    "ltr": {
        "body": 'Georgia, "Times New Roman", serif',
        "heading": '"Helvetica Neue", Arial, sans-serif',
    },
    "rtl": {
        "body": '"Noto Naskh Arabic", "DejaVu Sans", "Arial", sans-serif',
        "heading": '"Noto Sans Arabic", "DejaVu Sans", "Arial", sans-serif',
    },
}


def _env() -> jinja2.Environment:
    # Autoescape: evidence and names are user text and must never become markup.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def _fmt(value: Any) -> str:
    return "-" if is_blank(value) else f"{value:.0f}"


def _pct(value: Any) -> str:
    return "-" if is_blank(value) else f"{value:.0%}"


def _shown(row: dict) -> str:
    answer, value = row.get("answer"), row.get("value")
    if isinstance(answer, str):
        return answer
    if not is_blank(value):
        return f"{value:g}"
    return ""


def render_report(
    analysis: Analysis, country: str, reviews: list[dict[str, Any]] | None = None
) -> str:
    """``reviews``: review round records (roam.review.record.full_record) for the validation
    section."""
    assessment = analysis.assessment(country)
    meta = assessment.meta
    fw = analysis.framework
    record = next(r for r in analysis.records() if r["country"] == country)
    rows = indicator_table(analysis, country)
    records = [_plain(r) for r in rows.to_dict("records")]
    scored = [r for r in records if fw.is_scored(r["category"])]
    themes = level_table(analysis, "theme", country)
    recommended = recommendations_by_category(assessment.recommendations, fw)
    chapters = []
    for code, node in record["categories"].items():
        cat_themes = themes[themes["category"] == code]
        theme_frame = cat_themes.assign(label=cat_themes["id"] + " " + cat_themes["name"])
        svg = to_svg(
            profile_chart(
                theme_frame[["id", "label", "category", "score", "low", "high"]],
                fw.colours,
                _("{code} themes").format(code=code),
            )
        )
        theme_items = []
        for t in cat_themes.to_dict("records"):
            questions = []
            for q in (
                fw.categories[code]
                .themes[[th.id for th in fw.categories[code].themes].index(t["id"])]
                .questions
            ):
                inds = [r for r in scored if r["question"] == q.id]
                if inds:
                    text = catalogue_text(fw, q.id, q.text)
                    questions.append({"id": q.id, "text": text, "indicators": inds})
            theme_items.append(
                {"id": t["id"], "name": t["name"], "score": t["score"], "questions": questions}
            )
        chapters.append(
            {
                "code": code,
                "name": category_name(fw, code),
                "node": node,
                "svg": svg,
                "themes": theme_items,
                "recommendations": recommended.get(code, []),
            }
        )
    gaps = [_plain(r) for r in gaps_table(analysis, country).to_dict("records")]
    balance = mab_balance(assessment.mab)
    sources = sorted(
        {
            s.strip()
            for r in records
            if r.get("source")
            for s in str(r["source"]).split(",")
            if s.strip()
        }
    )
    run = analysis.run
    method = method_text(analysis)
    index_label = f"{index_name(fw)} ({', '.join(fw.index_categories)})"
    summary_rows = [{"code": "", "label": index_label, "node": record["index"]}] + [
        {"code": code, "label": category_name(fw, code), "node": node}
        for code, node in record["categories"].items()
    ]
    counts = {
        "assessed": len([r for r in scored if r["status"] != "not_assessed"]),
        "core": sum(1 for r in scored if r["core"]),
        "available": sum(1 for r in scored if r["status"] == "available"),
        "gaps": sum(1 for r in scored if r["status"] in vocabulary().gap_statuses),
        "not_applicable": sum(1 for r in scored if r["status"] == "not_applicable"),
    }
    lang = current_language()
    template = _env().get_template("report.html.j2")
    return template.render(
        _=_,
        lang=lang,
        direction=direction(lang),
        fonts=FONTS[direction(lang)],
        translation_notice=_translation_notice(fw, lang),
        theme_name=lambda theme, english: catalogue_text(fw, theme, english),
        group_label=lambda group: vocabulary().label("stakeholder_groups", group, lang),
        group_list=lambda groups: ", ".join(
            vocabulary().label("stakeholder_groups", g, lang) for g in groups
        ),
        meta=meta,
        country_name=display_name(meta.iso_code, meta.country),
        framework=fw,
        roam_version=run.roam_version,
        today=dt.date.today().isoformat(),
        not_official=_(NOT_OFFICIAL),
        summary_rows=summary_rows,
        colours=fw.colours,
        profile_svg=to_svg(
            profile_chart(
                category_frame(record["categories"], fw),
                fw.colours,
                _("Category scores with {interval}s").format(interval=run.interval_label),
            )
        ),
        strengths=record["strengths"],
        weaknesses=record["weaknesses"],
        mab_summary=balance.summary(),
        mab_groups=balance.by_group,
        sources=sources,
        method_text=method,
        run=run,
        contextual=[r for r in records if not fw.is_scored(r["category"])],
        chapters=chapters,
        gaps=gaps,
        gaps_core=sum(1 for r in gaps if r["core"]),
        annex=scored,
        mab=[_plain(m) for m in assessment.mab.to_dict("records")],
        counts=counts,
        validation=report_section(reviews or [], fw.version),
        recommendations=recommendation_rows(assessment.recommendations, fw),
        fmt=_fmt,
        pct=_pct,
        shown=_shown,
    )


def method_text(analysis: Analysis) -> str:
    """The report's paragraph on scoring, from the run record, in the current language."""
    run = analysis.run
    text = (
        _(
            "Answers were converted to points (0-100) using the answer scales of framework "
            "{version}, aggregated with {method} means over questions, themes and categories "
            "with '{weights}' weights. Not-applicable indicators were left out; data gaps were "
            "left out and are reported as coverage."
        )
        if run.missing_policy == "exclude"
        else _(
            "Answers were converted to points (0-100) using the answer scales of framework "
            "{version}, aggregated with {method} means over questions, themes and categories "
            "with '{weights}' weights. Not-applicable indicators were left out; data gaps were "
            "scored 0 and are reported as coverage."
        )
    ).format(version=run.framework.version, method=_(run.aggregation), weights=_(run.weights.name))
    thresholds = ", ".join(
        f"{_(k)} {v:.0%}" for k, v in run.coverage_threshold.model_dump().items()
    )
    text += " " + _(
        "Aggregates below the coverage thresholds ({thresholds}, rule '{rule}') are marked "
        "'insufficient data'. Intervals come from a Monte Carlo analysis over weights and "
        "aggregation methods: {summary} Made with roam {version}."
    ).format(
        thresholds=thresholds,
        rule=_(run.coverage_rule),
        summary=run.summary(),
        version=run.roam_version,
    )
    return text


def _translation_notice(fw, lang: str) -> str:
    """The catalogue translation's own notice (roam's unofficial translation), if any."""
    if lang == SOURCE_LANGUAGE or lang not in fw.translations:
        return ""
    return fw.translation(lang).notice


def _plain(row: dict) -> dict:
    return {key: plain(value) for key, value in row.items()}
