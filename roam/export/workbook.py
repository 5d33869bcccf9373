"""The results workbook an evaluator opens: everything needed to read and reproduce the scores."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from roam.analysis import Analysis
from roam.countries import display_name
from roam.export.recommendations import write_sheet as write_recommendations
from roam.export.tables import (
    catalogue_text,
    category_label,
    context_rows,
    gaps_table,
    index_name,
    indicator_table,
    level_table,
    method_path,
    new_workbook,
    scored_rows,
)
from roam.export.validation import write_validation_sheet
from roam.export.xlsx import Book, Col
from roam.i18n import N_, _, current_language
from roam.mab import mab_balance
from roam.presentation import NOT_A_RANKING, NOT_OFFICIAL


def interval_cols(analysis: Analysis) -> list[Col]:
    """Low and high columns named after the run's percentiles, e.g. "Low (5%)"."""
    run = analysis.run
    return [Col("low", run.low_label, 9, "score"), Col("high", run.high_label, 9, "score")]


def score_cols(analysis: Analysis) -> list[Col]:
    return [
        Col("score", _("Score"), 9, "score"),
        *interval_cols(analysis),
        Col("band", _("Band"), 13),
        Col("coverage", _("Coverage"), 10, "pct"),
        Col("reason", _("Note"), 40),
    ]


POINTS_RULE = N_(
    "Choice answers take the points of their level (Yes/Partly/No = 100/50/0; rubric levels 0, "
    "25, 50, 75, 100). Numbers are normalised between the indicator's goalposts in its direction "
    "and truncated to 0-100; perception shares count as they are. Contextual indicators are "
    "shown, never scored."
)
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
    book = new_workbook(
        analysis,
        _("{framework} results: {country}").format(
            framework=analysis.framework.short_name, country=name
        ),
    )
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
    ws = book.sheet(_("Indicators"))
    book.table(ws, scored, _indicator_columns(), colour_by_category="category")
    ws = book.sheet(_("Data gaps"))
    gaps = gaps_table(analysis, country)
    end = book.table(
        ws,
        gaps,
        [
            Col("category", _("Category"), 9),
            Col("indicator_id", _("Indicator")),
            Col("core_label", _("Core"), 6),
            Col("text", _("Indicator text"), 60),
            Col("status_label", _("Status"), 14),
            Col("source", _("Source"), 30),
        ],
        colour_by_category="category",
    )
    ws.write_string(
        end + 1,
        0,
        _("{gaps} data gaps ({core} core).").format(gaps=len(gaps), core=int(gaps["core"].sum())),
        book.f["note"],
    )
    context = context_rows(analysis, indicators)
    ws = book.sheet(_("Contextual"))
    book.table(
        ws,
        context,
        [
            Col("indicator_id", _("Indicator"), 9),
            Col("group", _("Group"), 16),
            Col("text", _("Indicator text"), 50),
            Col("answer_shown", _("Value"), 14, "num"),
            Col("unit", _("Unit"), 18),
            Col("data_year", _("Data year"), 9, "int"),
            Col("status_label", _("Status"), 14),
            Col("source", _("Source"), 30),
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
        Col("category", _("Category"), 9),
        Col("indicator_id", _("Indicator"), 10),
        Col("question", _("Question"), 8),
        Col("core_label", _("Core"), 6),
        Col("text", _("Indicator text"), 50),
        Col("scale_name", _("Scale"), 16),
        Col("answer_shown", _("Answer"), 18, "num"),
        Col("unit", _("Unit"), 12),
        Col("points", _("Points"), 8, "score"),
        Col("status_label", _("Status"), 14),
        Col("data_year", _("Data year"), 9, "int"),
        Col("source", _("Source"), 30),
        Col("evidence", _("Evidence"), 50),
    ]


def _summary(book: Book, analysis: Analysis, country: str) -> None:
    meta = analysis.assessment(country).meta
    record = next(r for r in analysis.records() if r["country"] == country)
    ws = book.sheet(_("Summary"))
    fw = analysis.framework
    name = display_name(meta.iso_code, meta.country)
    ws.write_string(
        0,
        0,
        _("{framework} assessment results: {country}").format(
            framework=fw.short_name, country=name
        ),
        book.f["title"],
    )
    row = book.lines(
        ws,
        [
            (
                _("Country"),
                f"{name} ({meta.iso_code})" + (_(" - fictional data") if meta.fictional else ""),
            ),
            (_("Assessment year"), meta.year),
            (
                _("Framework"),
                _("{title} (version {version})").format(
                    title=analysis.framework.manifest.title, version=meta.framework
                ),
            ),
            (_("Indicator set"), meta.indicator_set),
            (_("Lead institution"), meta.lead_institution),
            (_("Weights"), analysis.scores.weights.name),
            (
                _("Made with"),
                _("roam {version} on {date}").format(
                    version=analysis.run.roam_version, date=dt.date.today().isoformat()
                ),
            ),
            (_("Language"), current_language()),
        ],
        first_row=2,
        span=6,
    )
    ws.merge_range(row + 1, 0, row + 1, 7, _(NOT_OFFICIAL), book.f["note"])
    ws.set_row(row + 1, 45)
    rows = [{"label": index_name(fw), "category": "", **record["index"]}] + [
        {"label": category_label(fw, code), "category": code, **node}
        for code, node in record["categories"].items()
    ]
    frame = pd.DataFrame(rows)
    frame["reason"] = frame["reason"].where(frame["score"].isna(), None)
    book.table(
        ws,
        frame,
        [Col("label", _("Level"), 34), *score_cols(analysis)],
        first_row=row + 3,
        colour_by_category="category",
        band_column="band",
    )
    ws.set_column(0, 0, 34)
    ws.freeze_panes(0, 0)


def _mab(book: Book, mab: pd.DataFrame) -> None:
    ws = book.sheet("MAB")  # the questionnaire's own sheet name, in every language
    balance = mab_balance(mab)
    end = book.table(
        ws,
        mab,
        [
            Col("name", _("Name"), 26),
            Col("organisation", _("Organisation"), 34),
            Col("group", _("Stakeholder group"), 24),
            Col("gender", _("Gender"), 14),
            Col("role", _("Role"), 20),
        ],
    )
    row = end + 1
    ws.write_string(row, 0, _("Balance check"), book.f["label"])
    ws.write_string(row, 1, balance.summary(), book.f["text"])
    for offset, (group, n) in enumerate(balance.by_group.items(), start=1):
        ws.write_string(row + offset, 0, group, book.f["text"])
        shown = _("missing") if n == 0 else _("{n} member(s)").format(n=n)
        ws.write_string(row + offset, 1, shown, book.f["text"])
    row += len(balance.by_group) + 2
    for offset, (gender, share) in enumerate(balance.gender_shares.items()):
        ws.write_string(row + offset, 0, gender, book.f["text"])
        ws.write_number(row + offset, 1, share, book.f["pct"])


def method_sheet(book: Book, analysis: Analysis) -> None:
    """How the numbers were made, every line read from the run record."""
    run = analysis.run
    fw = run.framework
    ws = book.sheet(_("Method"))
    ws.write_string(0, 0, _("How these numbers were made"), book.f["title"])
    rows = [
        (
            _("Framework"),
            _("{version} ({name}); catalogue checksum {checksum}").format(
                version=fw.version, name=fw.name, checksum=fw.checksum
            ),
        ),
        (_("Source"), analysis.framework.manifest.source),
        (_("Catalogue wording"), _provenance_line(analysis.framework)),
        (_("Points"), _(POINTS_RULE)),
        (_("Not applicable"), _("Leaves the calculation (neither numerator nor denominator).")),
        (
            _("Missing data policy"),
            (
                _(
                    "{policy}: not available and unanswered indicators are left out and "
                    "reported as coverage."
                )
                if run.missing_policy == "exclude"
                else _(
                    "{policy}: not available and unanswered indicators score 0 and are "
                    "reported as imputed."
                )
            ).format(policy=_(run.missing_policy)),
        ),
        (
            _("Aggregation"),
            _(
                "{method} weighted mean at every level: {path}. Geometric rule for zeros: mean "
                "of log(points + {shift}) minus {shift}."
            ).format(
                method=_(run.aggregation),
                path=method_path(analysis),
                shift=f"{run.geometric_shift:g}",
            ),
        ),
        (
            _("Coverage thresholds"),
            _(
                "rule '{rule}': {thresholds} of applicable components (and indicators beneath) "
                "must have data, else the result is 'insufficient data'."
            ).format(
                rule=_(run.coverage_rule),
                thresholds=", ".join(
                    f"{_(lvl)} {share:.0%}"
                    for lvl, share in run.coverage_threshold.model_dump().items()
                ),
            ),
        ),
        (
            _("Weights"),
            _("set '{name}' (relative within each group; listed below).").format(
                name=_(run.weights.name)
            ),
        ),
        (_("Uncertainty"), run.summary()),
        (_("Run profile"), _(run.profile)),
        (_("Draws"), run.draws),
        (_("Seed"), run.seed),
        (
            _("Input"),
            "; ".join(
                f"{i.file or i.country}: SHA-256 {i.sha256 or _('not recorded')}"
                for i in run.inputs
            ),
        ),
        (_("Made with"), f"roam {run.roam_version}"),
        (_("Bands"), "; ".join(f"{_(b.name)}: {_(b.description)}" for b in run.bands)),
        (_("Not a ranking"), _(NOT_A_RANKING)),
    ]
    end = book.lines(ws, rows, first_row=2, width=110)
    weights = pd.DataFrame([row.model_dump() for row in run.weights.table])
    book.table(
        ws,
        weights,
        [
            Col("level", _("Level"), 10),
            Col("id", _("Item"), 12),
            Col("parent", _("Within"), 12),
            Col("weight", _("Weight"), 10, "num"),
            Col("share", _("Share of group"), 14, "pct"),
        ],
        first_row=end + 2,
    )
    ws.freeze_panes(0, 0)


def _provenance_line(fw) -> str:
    t = fw.counts()["totals"]
    return _(
        "{confirmed_questions} of {questions} questions and {confirmed_indicators} of "
        "{indicators} indicators are confirmed from published sources; the rest is "
        "reconstructed by roam and should be checked against UNESCO's text."
    ).format(**t)


def _uncertainty(book: Book, analysis: Analysis, country: str) -> None:
    ws = book.sheet(_("Uncertainty"))
    if analysis.uncertainty is None:
        ws.write_string(0, 0, _("No uncertainty analysis was run."), book.f["note"])
        return
    table = analysis.uncertainty.table
    table = table[table["country"] == country].copy()
    table["name"] = _node_names(analysis, table["id"])
    book.table(
        ws,
        table,
        [
            Col("level", _("Level"), 10),
            Col("id", _("Item"), 8),
            Col("name", _("Name"), 40),
            Col("score", _("Nominal"), 9, "score"),
            Col("median", _("Median"), 9, "score"),
            *interval_cols(analysis),
            Col("band", _("Band"), 13),
            Col("band_low", _("Band at low"), 13),
            Col("band_high", _("Band at high"), 13),
        ],
        band_column="band",
    )


def _node_names(analysis: Analysis, ids) -> list[str]:
    """Plain names of index, categories and themes for the per-node sheets."""
    fw = analysis.framework
    names = {
        fw.index_id: index_name(fw),
        **{c: category_label(fw, c) for c in fw.scored_categories},
        **{t: catalogue_text(fw, t) for t in fw.themes},
    }
    return [names.get(i, i) for i in ids]


def _sensitivity(book: Book, analysis: Analysis, country: str) -> None:
    """First-order indices: the share of each interval's variance each uncertain input explains."""
    from roam.scoring.sensitivity import INPUT_LABELS

    ws = book.sheet(_("Sensitivity"))
    sens = analysis.sensitivity
    if sens is None:
        ws.write_string(0, 0, _("No sensitivity analysis was run."), book.f["note"])
        return
    table = sens.wide(country)
    table["name"] = _node_names(analysis, table["id"])
    inputs = [Col(k, INPUT_LABELS.get(k, k).capitalize(), 12, "pct") for k in sens.inputs]
    end = book.table(
        ws,
        table,
        [
            Col("level", _("Level"), 10),
            Col("id", _("Item"), 8),
            Col("name", _("Name"), 36),
            *inputs,
            Col("interactions", _("Interactions"), 12, "pct"),
            Col("driver", _("Main driver"), 22),
        ],
    )
    ws.write_string(
        end + 1,
        0,
        _(
            "First-order Sobol indices: the share of each score's variance across the "
            "uncertainty draws that one input explains on its own ({samples} base samples, seed "
            "{seed}); the rest comes from interactions. Items whose score does not move are "
            "left out."
        ).format(samples=sens.samples, seed=sens.seed),
        book.f["note"],
    )
