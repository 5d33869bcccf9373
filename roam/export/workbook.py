"""The results workbook an evaluator opens: everything needed to read and reproduce the scores."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from roam.analysis import Analysis
from roam.countries import display_name
from roam.export.recommendations import write_sheet as write_recommendations
from roam.export.tables import (
    context_rows,
    gaps_table,
    indicator_table,
    level_table,
    method_path,
    new_workbook,
    scored_rows,
)
from roam.export.validation import write_validation_sheet
from roam.export.xlsx import Book, Col
from roam.i18n import N_, _
from roam.mab import mab_balance
from roam.presentation import NOT_A_RANKING, NOT_OFFICIAL


def interval_cols(analysis: Analysis) -> list[Col]:
    """Low and high columns named after the run's percentiles, e.g. "Low (5%)"."""
    run = analysis.run
    return [Col("low", run.low_label, 9, "score"), Col("high", run.high_label, 9, "score")]


def score_cols(analysis: Analysis) -> list[Col]:
    return [
        Col("score", "Score", 9, "score"),
        *interval_cols(analysis),
        Col("band", "Band", 13),
        Col("coverage", "Coverage", 10, "pct"),
        Col("reason", "Note", 40),
    ]


# (level, sheet, id header, name header, name width): one sheet of scores per level
LEVEL_SHEETS = (
    ("theme", N_("Themes"), N_("Theme"), N_("Name"), 40),
    ("question", N_("Questions"), N_("Question"), N_("Question text"), 60),
)


def write_results(
    analysis: Analysis, country: str, reviews: list[dict[str, Any]] | None = None
) -> bytes:
    """``reviews``: review round records; when given, a Validation sheet is added."""
    assessment = analysis.assessment(country)
    meta = assessment.meta
    name = display_name(meta.iso_code, meta.country)
    book = new_workbook(analysis, f"{analysis.framework.short_name} results: {name}")
    _summary(book, analysis, country)
    for level, sheet, id_header, name_header, width in LEVEL_SHEETS:
        book.table(
            book.sheet(_(sheet)),
            level_table(analysis, level, country),
            [
                Col("category", _("Category"), 9),
                Col("id", _(id_header), 9),
                Col("name", _(name_header), width),
                *score_cols(analysis),
            ],
            colour_by_category="category",
            band_column="band",
        )
    indicators = indicator_table(analysis, country)
    scored = scored_rows(analysis, indicators)
    ws = book.sheet("Indicators")
    book.table(ws, scored, _indicator_columns(), colour_by_category="category")
    ws = book.sheet("Data gaps")
    gaps = gaps_table(analysis, country)
    end = book.table(
        ws,
        gaps,
        [
            Col("category", "Category", 9),
            Col("indicator_id", "Indicator"),
            Col("core_label", "Core", 6),
            Col("text", "Indicator text", 60),
            Col("status_label", "Status", 14),
            Col("source", "Source", 30),
        ],
        colour_by_category="category",
    )
    ws.write_string(
        end + 1, 0, f"{len(gaps)} data gaps ({int(gaps['core'].sum())} core).", book.f["note"]
    )
    context = context_rows(analysis, indicators)
    ws = book.sheet("Contextual")
    book.table(
        ws,
        context,
        [
            Col("indicator_id", "Indicator", 9),
            Col("group", "Group", 16),
            Col("text", "Indicator text", 50),
            Col("answer_shown", "Value", 14, "num"),
            Col("unit", "Unit", 18),
            Col("data_year", "Data year", 9, "int"),
            Col("status_label", "Status", 14),
            Col("source", "Source", 30),
        ],
    )
    _mab(book, assessment.mab)
    if assessment.recommendations:
        write_recommendations(book, assessment.recommendations, analysis.framework)
    method_sheet(book, analysis)
    _uncertainty(book, analysis, country)
    _sensitivity(book, analysis, country)
    if reviews is not None:
        write_validation_sheet(book, reviews, analysis.framework.version)
    return book.close()


def _indicator_columns() -> list[Col]:
    return [
        Col("category", "Category", 9),
        Col("indicator_id", "Indicator", 10),
        Col("question", "Question", 8),
        Col("core_label", "Core", 6),
        Col("text", "Indicator text", 50),
        Col("scale_name", "Scale", 16),
        Col("answer_shown", "Answer", 18, "num"),
        Col("unit", "Unit", 12),
        Col("points", "Points", 8, "score"),
        Col("status_label", "Status", 14),
        Col("data_year", "Data year", 9, "int"),
        Col("source", "Source", 30),
        Col("evidence", "Evidence", 50),
    ]


def _summary(book: Book, analysis: Analysis, country: str) -> None:
    meta = analysis.assessment(country).meta
    record = next(r for r in analysis.records() if r["country"] == country)
    ws = book.sheet("Summary")
    fw = analysis.framework
    name = display_name(meta.iso_code, meta.country)
    ws.write_string(0, 0, f"{fw.short_name} assessment results: {name}", book.f["title"])
    row = book.lines(
        ws,
        [
            (
                "Country",
                f"{name} ({meta.iso_code})" + (" - fictional data" if meta.fictional else ""),
            ),
            ("Assessment year", meta.year),
            ("Framework", f"{analysis.framework.manifest.title} (version {meta.framework})"),
            ("Indicator set", meta.indicator_set),
            ("Lead institution", meta.lead_institution),
            ("Weights", analysis.scores.weights.name),
            ("Made with", f"roam {analysis.run.roam_version} on {dt.date.today().isoformat()}"),
        ],
        first_row=2,
        span=6,
    )
    ws.merge_range(row + 1, 0, row + 1, 7, NOT_OFFICIAL, book.f["note"])
    ws.set_row(row + 1, 45)
    rows = [{"label": fw.index_name, "category": "", **record["index"]}] + [
        {"label": fw.category_label(code), "category": code, **node}
        for code, node in record["categories"].items()
    ]
    frame = pd.DataFrame(rows)
    frame["reason"] = frame["reason"].where(frame["score"].isna(), None)
    book.table(
        ws,
        frame,
        [Col("label", "Level", 34), *score_cols(analysis)],
        first_row=row + 3,
        colour_by_category="category",
        band_column="band",
    )
    ws.set_column(0, 0, 34)
    ws.freeze_panes(0, 0)


def _mab(book: Book, mab: pd.DataFrame) -> None:
    ws = book.sheet("MAB")
    balance = mab_balance(mab)
    end = book.table(
        ws,
        mab,
        [
            Col("name", "Name", 26),
            Col("organisation", "Organisation", 34),
            Col("group", "Stakeholder group", 24),
            Col("gender", "Gender", 14),
            Col("role", "Role", 20),
        ],
    )
    row = end + 1
    ws.write_string(row, 0, "Balance check", book.f["label"])
    ws.write_string(row, 1, balance.summary(), book.f["text"])
    for offset, (group, n) in enumerate(balance.by_group.items(), start=1):
        ws.write_string(row + offset, 0, group, book.f["text"])
        ws.write_string(row + offset, 1, "missing" if n == 0 else f"{n} member(s)", book.f["text"])
    row += len(balance.by_group) + 2
    for offset, (gender, share) in enumerate(balance.gender_shares.items()):
        ws.write_string(row + offset, 0, gender, book.f["text"])
        ws.write_number(row + offset, 1, share, book.f["pct"])


def method_sheet(book: Book, analysis: Analysis) -> None:
    """How the numbers were made, every line read from the run record."""
    run = analysis.run
    fw = run.framework
    ws = book.sheet("Method")
    ws.write_string(0, 0, "How these numbers were made", book.f["title"])
    rows = [
        ("Framework", f"{fw.version} ({fw.name}); catalogue checksum {fw.checksum}"),
        ("Source", analysis.framework.manifest.source),
        ("Catalogue wording", _provenance_line(analysis.framework)),
        (
            "Points",
            "Choice answers take the points of their level (Yes/Partly/No = 100/50/0; "
            "rubric levels 0, 25, 50, 75, 100). Numbers are normalised between the indicator's "
            "goalposts in its direction and truncated to 0-100; perception shares count as they "
            "are. "
            "Contextual indicators are shown, never scored.",
        ),
        ("Not applicable", "Leaves the calculation (neither numerator nor denominator)."),
        (
            "Missing data policy",
            f"{run.missing_policy}: not available and unanswered indicators "
            + (
                "are left out and reported as coverage."
                if run.missing_policy == "exclude"
                else "score 0 and are reported as imputed."
            ),
        ),
        (
            "Aggregation",
            f"{run.aggregation} weighted mean at every level: {method_path(analysis)}. "
            f"Geometric rule for zeros: mean of log(points + {run.geometric_shift:g}) "
            f"minus {run.geometric_shift:g}.",
        ),
        (
            "Coverage thresholds",
            f"rule '{run.coverage_rule}': "
            + ", ".join(
                f"{lvl} {share:.0%}" for lvl, share in run.coverage_threshold.model_dump().items()
            )
            + " of applicable components (and indicators beneath) must have data, else the result "
            "is 'insufficient data'.",
        ),
        (
            "Weights",
            f"set '{run.weights.name}' (relative within each group; listed below).",
        ),
        ("Uncertainty", run.summary()),
        ("Run profile", run.profile),
        ("Draws", run.draws),
        ("Seed", run.seed),
        (
            "Input",
            "; ".join(
                f"{i.file or i.country}: SHA-256 {i.sha256 or 'not recorded'}" for i in run.inputs
            ),
        ),
        ("Made with", f"roam {run.roam_version}"),
        ("Bands", "; ".join(f"{b.name}: {b.description}" for b in run.bands)),
        ("Not a ranking", NOT_A_RANKING),
    ]
    end = book.lines(ws, rows, first_row=2, width=110)
    weights = pd.DataFrame([row.model_dump() for row in run.weights.table])
    book.table(
        ws,
        weights,
        [
            Col("level", "Level", 10),
            Col("id", "Item", 12),
            Col("parent", "Within", 12),
            Col("weight", "Weight", 10, "num"),
            Col("share", "Share of group", 14, "pct"),
        ],
        first_row=end + 2,
    )
    ws.freeze_panes(0, 0)


def _provenance_line(fw) -> str:
    t = fw.counts()["totals"]
    return (
        f"{t['confirmed_questions']} of {t['questions']} questions and {t['confirmed_indicators']} "
        f"of {t['indicators']} indicators are confirmed from published sources; the rest is "
        "reconstructed by roam and should be checked against UNESCO's text."
    )


def _uncertainty(book: Book, analysis: Analysis, country: str) -> None:
    ws = book.sheet("Uncertainty")
    if analysis.uncertainty is None:
        ws.write_string(0, 0, "No uncertainty analysis was run.", book.f["note"])
        return
    table = analysis.uncertainty.table
    table = table[table["country"] == country].copy()
    table["name"] = _node_names(analysis, table["id"])
    book.table(
        ws,
        table,
        [
            Col("level", "Level", 10),
            Col("id", "Item", 8),
            Col("name", "Name", 40),
            Col("score", "Nominal", 9, "score"),
            Col("median", "Median", 9, "score"),
            *interval_cols(analysis),
            Col("band", "Band", 13),
            Col("band_low", "Band at low", 13),
            Col("band_high", "Band at high", 13),
        ],
        band_column="band",
    )


def _node_names(analysis: Analysis, ids) -> list[str]:
    """Plain names of index, categories and themes for the per-node sheets."""
    fw = analysis.framework
    names = {
        fw.index_id: fw.index_name,
        **{c: fw.category_label(c) for c in fw.scored_categories},
        **{t: name for t, (_, name) in fw.themes.items()},
    }
    return [names.get(i, i) for i in ids]


def _sensitivity(book: Book, analysis: Analysis, country: str) -> None:
    """First-order indices: the share of each interval's variance each uncertain input explains."""
    from roam.scoring.sensitivity import INPUT_LABELS

    ws = book.sheet("Sensitivity")
    sens = analysis.sensitivity
    if sens is None:
        ws.write_string(0, 0, "No sensitivity analysis was run.", book.f["note"])
        return
    table = sens.wide(country)
    table["name"] = _node_names(analysis, table["id"])
    inputs = [Col(k, INPUT_LABELS.get(k, k).capitalize(), 12, "pct") for k in sens.inputs]
    end = book.table(
        ws,
        table,
        [
            Col("level", "Level", 10),
            Col("id", "Item", 8),
            Col("name", "Name", 36),
            *inputs,
            Col("interactions", "Interactions", 12, "pct"),
            Col("driver", "Main driver", 22),
        ],
    )
    ws.write_string(
        end + 1,
        0,
        f"First-order Sobol indices: the share of each score's variance across the uncertainty "
        f"draws that one input explains on its own ({sens.samples} base samples, seed "
        f"{sens.seed}); the rest comes from interactions. Items whose score does not move are "
        "left out.",
        book.f["note"],
    )
