"""The package a national team hands to UNESCO (IPDC): complete, checkable, self-describing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile

from roam import __version__
from roam.analysis import Analysis
from roam.countries import display_name
from roam.export.recommendations import recommendations_csv
from roam.export.report import render_report
from roam.export.submission import build_submission, submission_schema
from roam.export.tables import method_path
from roam.export.workbook import POINTS_RULE, write_results
from roam.i18n import SOURCE_LANGUAGE, _, current_language, language
from roam.mab import mab_balance
from roam.questionnaire.links import strip_external_links
from roam.text import markdown_text, one_line

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ZIP_DATE = (2018, 11, 22, 0, 0, 0)


def csv_safe(value: object) -> str:
    """Spreadsheet programs run CSV cells that look like formulas; a leading ' keeps them text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def methodology_note(analysis: Analysis, country: str) -> str:
    """The method in words, read from the run record (so it states exactly what ran), in the
    current language."""
    run = analysis.run
    meta = analysis.assessment(country).meta
    thresholds = ", ".join(
        f"{_(k)} {v:.0%}" for k, v in run.coverage_threshold.model_dump().items()
    )
    lines = [
        "# "
        + _("Methodology note: {country} ({code}), {year}").format(
            country=markdown_text(display_name(meta.iso_code, meta.country)),
            code=markdown_text(meta.iso_code),
            year=meta.year,
        ),
        "",
        _("Framework: {name}, version {version}, catalogue checksum {checksum}.").format(
            name=run.framework.name, version=run.framework.version, checksum=run.framework.checksum
        ),
        _("Indicator set: {indicator_set}. Produced with roam {version}.").format(
            indicator_set=markdown_text(_(meta.indicator_set)), version=run.roam_version
        ),
        "",
        "## " + _("From answers to scores"),
        "- " + _(POINTS_RULE),
        "- "
        + _(
            "Not applicable indicators leave the calculation. Not available and unanswered "
            "indicators: policy '{policy}' (reported as coverage)."
        ).format(policy=_(run.missing_policy)),
        "- "
        + _("Aggregation: {method} weighted mean, {path}.").format(
            method=_(run.aggregation), path=method_path(analysis)
        ),
        "- "
        + _(
            "Weights: set '{name}', relative within each group (table in the results workbook, "
            "sheet Method, and in data/assessment.json under run.weights)."
        ).format(name=markdown_text(_(run.weights.name))),
        "- "
        + _(
            "Coverage rule '{rule}', thresholds: {thresholds}; below them an aggregate is "
            "'insufficient data'."
        ).format(rule=_(run.coverage_rule), thresholds=thresholds),
        "- " + _("Uncertainty: {summary}").format(summary=run.summary()),
        "- "
        + _("Bands: {bands}.").format(
            bands="; ".join(f"{_(b.name)} ({_(b.description)})" for b in run.bands)
        ),
        "",
        "## " + _("Reproduce these numbers"),
        _(
            "Every setting above is recorded in data/assessment.json (object `run`). Run "
            "`roam reproduce <this package>.zip` to recompute every number from the "
            "questionnaire and that record, or `roam score --seed {seed} --draws {draws}` on the "
            "questionnaire (with the recorded weights)."
        ).format(seed=run.seed, draws=run.draws),
        "",
        "## " + _("Status of these numbers"),
        _(
            "They are an analytical aid for the national assessment, not an official UNESCO "
            "score or ranking. UNESCO's indicators are for self-assessment and are not meant to "
            "rank countries."
        ),
        "",
        "## " + _("Files in this package"),
        _("See manifest.json (SHA-256 of every file); verify with `sha256sum -c SHA256SUMS`."),
    ]
    return "\n".join(lines) + "\n"


def mab_csv(analysis: Analysis, country: str) -> str:
    mab = analysis.assessment(country).mab
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Name"), _("Organisation"), _("Stakeholder group"), _("Gender"), _("Role")])
    for member in mab.to_dict("records"):
        writer.writerow(
            [csv_safe(member.get(k)) for k in ("name", "organisation", "group", "gender", "role")]
        )
    writer.writerow([])
    writer.writerow([_("Balance check"), csv_safe(mab_balance(mab).summary())])
    return out.getvalue()


def package_stem(iso_code: str, year: int | None) -> str:
    """The folder and file-name stem of a package, from IDs only (never from typed text)."""
    code = re.sub(r"[^A-Z0-9]", "", str(iso_code).upper())[:3] or "XX"
    return f"{code}_{int(year) if year is not None else 'undated'}"


def write_package(
    analysis: Analysis,
    country: str,
    original: bytes,
    original_name: str | None = None,
    reviews: list[dict] | None = None,
) -> bytes:
    """Zip of questionnaire, results, data + schema, method, MAB, draft report and manifest;
    with ``reviews`` (review round records) also the validation record.

    Every path in the archive is built from the country code and year; the uploaded file's own
    name is kept only as text in the manifest (``original_name``), so no name can place a file
    outside the package folder or add a line to ``SHA256SUMS``."""
    meta = analysis.assessment(country).meta
    stem = package_stem(meta.iso_code, meta.year)
    lang = current_language()
    with language(SOURCE_LANGUAGE):  # data stays in the catalogue's language; files are in `lang`
        submission = build_submission(analysis, country, lang).model_dump(mode="json")
    files: dict[str, bytes] = {
        # the copy loses links to other files and programs; the store keeps the original bytes
        f"questionnaire/{stem}_questionnaire.xlsx": strip_external_links(original),
        f"results/{stem}_results.xlsx": write_results(analysis, country, reviews),
        "data/assessment.json": json.dumps(submission, indent=2, ensure_ascii=False).encode(),
        "data/assessment.schema.json": json.dumps(submission_schema(), indent=2).encode(),
        "methodology.md": methodology_note(analysis, country).encode(),
        "mab.csv": mab_csv(analysis, country).encode("utf-8-sig"),
        f"report/{stem}_draft_report.html": render_report(analysis, country, reviews).encode(),
    }
    if reviews:  # the round record, when the assessment went through a review round
        from roam.export.validation import comments_csv, validation_json

        files["validation/review_rounds.json"] = validation_json(reviews)
        files["validation/comments.csv"] = comments_csv(reviews).encode("utf-8-sig")
    recommendations = analysis.assessment(country).recommendations
    if recommendations:
        table = recommendations_csv(recommendations, analysis.framework)
        files["recommendations.csv"] = table.encode("utf-8-sig")
    manifest = {
        "package": f"{analysis.framework.short_name} national assessment submission",
        "country": meta.iso_code,
        "country_name": display_name(meta.iso_code, meta.country),
        "original_name": one_line(original_name, 120) if original_name else None,
        "year": meta.year,
        "framework": meta.framework,
        "generated_by": f"roam {__version__}",
        "language": lang,
        "files": [
            {"path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for path, data in files.items()
        ],
    }
    files["manifest.json"] = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
    files["SHA256SUMS"] = "".join(
        f"{entry['sha256']}  {entry['path']}\n" for entry in manifest["files"]
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(f"{stem}_submission/{path}", ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
