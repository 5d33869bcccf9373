"""The tables behind every export and page, built once from an Analysis.

Workbooks, the HTML report and the app all read these frames, so their numbers agree.
"""

from __future__ import annotations

import pandas as pd

from roam.analysis import Analysis
from roam.export.xlsx import Book
from roam.framework import Framework
from roam.i18n import SOURCE_LANGUAGE, _, current_language
from roam.questionnaire.vocab import vocabulary


def catalogue_text(fw: Framework, key: str, english: str | None = None) -> str:
    """A catalogue text (theme, question, indicator, category name...) in the current language,
    from the framework's i18n files; English where the framework has no such translation."""
    lang = current_language()
    fallback = english if english is not None else fw.source_texts.get(key, key)
    if lang == SOURCE_LANGUAGE or lang not in fw.translations:
        return fallback
    return fw.translation(lang).texts.get(key, fallback)


def index_name(fw: Framework) -> str:
    return catalogue_text(fw, "vocab.index", fw.index_name)


def category_name(fw: Framework, code: str) -> str:
    return catalogue_text(fw, f"vocab.{code}", fw.category(code).name)


def category_label(fw: Framework, code: str) -> str:
    """ "R Rights" in the current language; an unknown code is shown as it is."""
    if code not in fw.vocabulary.categories:
        return code
    return f"{code} {category_name(fw, code)}"


def unit_text(fw: Framework, unit: str | None) -> str | None:
    lang = current_language()
    if unit is None or lang == SOURCE_LANGUAGE or lang not in fw.translations:
        return unit
    return fw.unit(unit, lang)


def level_table(analysis: Analysis, level: str, country: str | None = None) -> pd.DataFrame:
    """Scores of one level with interval, band and coverage (and category/name columns)."""
    table = getattr(
        analysis.scores,
        {"category": "categories", "theme": "themes", "question": "questions", "index": "index"}[
            level
        ],
    )
    table = table.copy()
    for col in table.columns:
        if isinstance(table[col].dtype, pd.CategoricalDtype):
            table[col] = table[col].astype(object)
    if country is not None:
        table = table[table["country"] == country]
    if analysis.uncertainty is not None:
        unc = analysis.uncertainty.table
        unc = unc[unc["level"] == level][
            ["country", "id", "median", "low", "high", "band_low", "band_high"]
        ]
        table = table.merge(unc, on=["country", "id"], how="left")
    else:
        for col in ("median", "low", "high", "band_low", "band_high"):
            table[col] = None
    fw = analysis.framework
    if level == "theme":
        table["category"] = [fw.themes[t][0] for t in table["id"]]
        table["name"] = [
            catalogue_text(fw, t, n) for t, n in zip(table["id"], table["name"], strict=True)
        ]
    elif level == "question":
        table["category"] = [q.split(".")[0] for q in table["id"]]
        table["theme"] = [fw.questions[q][0] for q in table["id"]]
        table["name"] = [catalogue_text(fw, q, fw.questions[q][1]) for q in table["id"]]
    elif level == "category":
        table["category"] = table["id"]
        table["name"] = [category_name(fw, c) for c in table["id"]]
    elif level == "index":
        table["name"] = index_name(fw)
    table["coverage"] = table["indicator_coverage"]
    return table.reset_index(drop=True)


def indicator_table(analysis: Analysis, country: str) -> pd.DataFrame:
    """Every indicator of one assessment: catalogue text, the answer, points and status."""
    assessment = analysis.assessment(country)
    fw = analysis.framework
    points = analysis.scores.indicators
    points = points[points["country"] == country][["indicator_id", "points", "imputed"]]
    rows = assessment.responses.merge(points, on="indicator_id", how="left")
    catalogue = fw.table[
        ["indicator_id", "order", "theme", "question", "group", "text", "core", "kind", "scale"]
    ].reset_index(drop=True)
    rows = rows.merge(catalogue, on="indicator_id", how="left").sort_values("order")
    rows["text"] = [
        catalogue_text(fw, i, t) for i, t in zip(rows["indicator_id"], rows["text"], strict=True)
    ]
    rows["unit"] = [unit_text(fw, u) if isinstance(u, str) else u for u in rows["unit"]]
    rows["scale_name"] = [
        catalogue_text(fw, f"scale.{s}.name", fw.scales[s].name) for s in rows["scale"]
    ]
    lang = current_language()
    rows["status_label"] = [vocabulary().label("statuses", s, lang) for s in rows["status"]]
    rows["answer_shown"] = [
        a if isinstance(a, str) else (None if pd.isna(v) else v)
        for a, v in zip(rows["answer"], rows["value"], strict=True)
    ]
    rows["core_label"] = [_("Yes") if c else "" for c in rows["core"]]
    return rows.reset_index(drop=True)


def gaps_table(analysis: Analysis, country: str) -> pd.DataFrame:
    """Data gaps: not available and unanswered scored indicators, by category, core first."""
    rows = indicator_table(analysis, country)
    scored = analysis.framework.scored_categories
    gaps = rows[rows["status"].isin(vocabulary().gap_statuses) & rows["category"].isin(scored)]
    order = {c: i for i, c in enumerate(scored)}
    gaps = gaps.assign(
        _cat=[order.get(c, 9) for c in gaps["category"]], _core=[not c for c in gaps["core"]]
    )
    return gaps.sort_values(["_cat", "_core", "order"]).drop(columns=["_cat", "_core"])


def coverage_matrix(analysis: Analysis) -> pd.DataFrame:
    """Countries x categories: share of applicable indicators with data."""
    table = level_table(analysis, "category")
    return table.pivot(index="country", columns="id", values="coverage")


def method_path(analysis: Analysis) -> str:
    """How scores climb the tree, with the framework's own index and categories."""
    fw = analysis.framework
    return fw.aggregation_path(fw.text("vocab.index", current_language()))


def new_workbook(analysis: Analysis, title: str) -> Book:
    """A workbook coloured with the framework's category colours and the settings' bands."""
    bands = {b.name: b.colour for b in analysis.run.bands if b.colour}
    fw = analysis.framework
    return Book(title, fw.colours, bands, fw.score_scale)


def scored_rows(analysis: Analysis, rows: pd.DataFrame) -> pd.DataFrame:
    """Rows (with a category column) of categories that are scored."""
    return rows[rows["category"].isin(analysis.framework.scored_categories)]


def context_rows(analysis: Analysis, rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of context categories: shown, never scored."""
    return rows[rows["category"].isin(analysis.framework.context_categories)]
