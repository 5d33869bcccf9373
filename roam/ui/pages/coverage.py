"""Coverage: where the data gaps are, across countries and categories."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.export.charts import heatmap
from roam.framework import Framework, load_framework
from roam.i18n import _
from roam.ui import common, state
from roam.ui.pages.compare import selected_keys


def gaps_matrix(assessments, framework: Framework) -> pd.DataFrame:
    """Per country and category: indicators assessed, with data, not available, unanswered,
    not applicable, and the share with data."""
    rows = []
    scored = framework.scored_categories
    for a in assessments:
        r = a.responses[a.responses["category"].isin(scored)]
        for cat in scored:
            part = r[r["category"] == cat]
            counts = part["status"].value_counts()
            applicable = len(part) - int(counts.get("not_applicable", 0))
            available = int(counts.get("available", 0))
            rows.append(
                {
                    "country": a.country,
                    "category": cat,
                    "assessed": len(part),
                    "available": available,
                    "not_available": int(counts.get("not_available", 0)),
                    "unanswered": int(counts.get("unanswered", 0)),
                    "not_applicable": int(counts.get("not_applicable", 0)),
                    "coverage": 100 * available / applicable if applicable else None,
                }
            )
    return pd.DataFrame(rows)


@st.cache_data(max_entries=16, show_spinner=False)
def _gaps(keys: tuple[tuple, ...]) -> pd.DataFrame:
    """The gaps of stored versions, computed once per set of versions. Keys are only handed out
    by the service layer to users who may view those versions (state.version_key)."""
    assessments = [state.load_version(*k) for k in keys]
    return gaps_matrix(assessments, load_framework(assessments[0].meta.framework))


def render() -> None:
    st.title(_("Data coverage"))
    st.write(
        _(
            "Share of applicable indicators with data, per country and category. Gaps are "
            "indicators marked Not available or left unanswered."
        )
    )
    common.not_a_ranking()
    keys = selected_keys("coverage")
    if keys is None:
        return
    framework = load_framework(state.load_version(*keys[0]).meta.framework)
    matrix = _gaps(keys)
    heat = matrix.assign(
        column=[common.category_label(framework, c) for c in matrix["category"]],
        name=matrix["category"],
        value=matrix["coverage"],
    )
    order = [common.category_label(framework, c) for c in framework.scored_categories]
    common.chart(heatmap(heat[["country", "column", "name", "value"]], order, "Coverage %"))
    shown = matrix.assign(
        coverage=matrix["coverage"].map(common.score_text),
        category=[common.category_label(framework, c) for c in matrix["category"]],
    )
    common.score_table(
        shown.rename(
            columns={
                "country": _("Country"),
                "category": _("Category"),
                "assessed": _("Assessed"),
                "available": _("With data"),
                "not_available": _("Not available"),
                "unanswered": _("Unanswered"),
                "not_applicable": _("Not applicable"),
                "coverage": _("Coverage %"),
            }
        )
    )


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
