"""Words the app shows that come from data or shared modules rather than from its own pages:
band names (scoring.yaml), workflow statuses, chart titles drawn by roam.export and roam.review.

They are marked here with `N_()` so that Babel extracts them into the message catalogues; the
pages translate them with `_()` when they show them. tests/app/test_language.py checks that
every band of scoring.yaml and every workflow status is listed, so the list cannot drift.
"""

from __future__ import annotations

from typing import Any

import altair as alt

from roam.i18n import N_, _

BANDS = (N_("Advanced"), N_("Established"), N_("Developing"), N_("Emerging"))
BAND_DESCRIPTIONS = (N_("75 or more"), N_("50 to under 75"), N_("25 to under 50"), N_("under 25"))
METHODS = (N_("arithmetic"), N_("geometric"))
# scoring.yaml's other setting words, shown in the methodology, the report and the app (the run
# record and the JSON keep them in English)
MISSING_POLICIES = (N_("exclude"), N_("zero"))
COVERAGE_RULES = (N_("indicators"), N_("components_and_indicators"), N_("direct"))
LEVELS = (N_("indicator"), N_("question"), N_("theme"), N_("category"), N_("index"))
PROFILES = (N_("default"), N_("app"))
# framework.yaml's licence line, shown under the catalogue
LICENCE = N_("CC BY-SA 3.0 IGO (indicator wording in this catalogue is roam's own paraphrase)")
# access_policy.yaml: what each role may do, as the Users page offers them
ROLES = (
    N_("Local administrator (local mode and the command line) - everything."),
    N_("UNESCO secretariat - administers users, sees everything, publishes."),
    N_("National assessment team - uploads and moves its assessments up to submitted."),
    N_("Government viewer - its own country's validated and later assessments."),
    N_("Evaluator - reads and exports everything submitted or published."),
    N_(
        "Member of a country's Multistakeholder Advisory Board - rates and comments on the draft "
        "findings of its country's open review rounds, as itself; sees nothing else."
    ),
    N_("Anyone not signed in - published assessments only."),
)
SETS = (N_("core"), N_("full"))
WEIGHT_SETS = (N_("equal"),)  # weights.yaml's default set
YES = N_("Yes")
WORKFLOW = (
    N_("draft"),
    N_("validated"),
    N_("submitted"),
    N_("published"),
    N_("archived"),
)
# review.yaml: the rating scale, verdicts, comment outcomes; a round's state
REVIEW = (
    N_("Strongly agree"),
    N_("Agree"),
    N_("Neutral"),
    N_("Disagree"),
    N_("Strongly disagree"),
    N_("Unsure"),
    N_("Validated"),
    N_("Contested"),
    N_("Needs revision"),
    N_("Not enough raters"),
    N_("The comment is accepted; the finding stands as the commenter suggests."),
    N_("The finding was changed in response."),
    N_("The comment is noted; the finding stands, for the reasons given."),
    N_("open"),
    N_("closed"),
)
# recommendations.yaml: the register's statuses and priorities
REGISTER = (
    N_("Not started"),
    N_("In progress"),
    N_("Implemented"),
    N_("Dropped"),
    N_("High"),
    N_("Medium"),
    N_("Low"),
)
CHART_TITLES = (
    N_("Score (0-100)"),
    N_("Score"),
    N_("Country"),
    N_("Name"),
    N_("Coverage %"),
    N_("Stakeholder group"),
    N_("% agreeing"),
    N_("Agreement per stakeholder group"),
    N_("Ratings"),
    N_("Rating"),
    N_("Rating distribution per finding"),
    N_("no score"),
    N_("90% interval"),
    N_("Cannot be told apart from"),
    N_("none"),
)


def _translated(spec: Any) -> Any:
    """Every title in a chart specification, in the app's language (data is left alone)."""
    if isinstance(spec, dict):
        return {
            key: (_(value) if key == "title" and isinstance(value, str) else _translated(value))
            for key, value in spec.items()
            if key != "datasets"
        } | ({"datasets": spec["datasets"]} if "datasets" in spec else {})
    if isinstance(spec, list):
        return [_translated(item) for item in spec]
    return spec


def chart(spec: alt.TopLevelMixin | dict[str, Any]) -> dict[str, Any]:
    """A chart from roam.export (a Vega-Lite specification) or roam.review (an Altair chart)
    as a specification with its axis, legend and chart titles translated.

    The tests check each chart against the Vega-Lite schema once; doing it again on every
    rerun, as Altair does by default, cost the app more time than everything else on the
    scorecard, so it is taken here without that check."""
    return _translated(spec if isinstance(spec, dict) else spec.to_dict(validate=False))
