"""Page furniture shared by several views: pickers, score cards, the not-a-ranking note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from roam.analysis import Analysis
from roam.countries import display_name
from roam.i18n import _, country_name, current_language, language
from roam.presentation import NOT_A_RANKING
from roam.run import RunRecord
from roam.scoring.results import reason_text
from roam.ui import state, tables, words
from roam.ui.text import plain as plain  # pages escape user text through common
from roam.values import is_blank as is_blank  # pages share the one blank rule


def country_label(code: str, typed: str | None = None) -> str:
    """The country's name from its code; the typed name only for user-assigned (fictional) codes.

    Returned as plain text: escape it with `plain` before it goes into any Markdown. ISO names
    are in the app's language (pycountry's catalogues)."""
    return country_name(display_name(code, typed))


def in_language(func: Callable[[Any], str]) -> Callable[[Any], str]:
    """A widget's format_func that keeps the language of the run that drew the widget:
    Streamlit may call it again later, outside that run (AppTest does, from its own thread)."""
    lang = current_language()

    def call(value: Any) -> str:
        with language(lang):
            return func(value)

    return call


def text(fw, key: str) -> str:
    """A catalogue text (theme, question, indicator, category...) in the app's language, from
    the framework's translation files; English where untranslated or for keys it does not know."""
    if key not in fw.source_texts:
        return key
    return fw.text(key, current_language())


def category_label(fw, code: str) -> str:
    """ "R Droits": a category's code and short name in the app's language."""
    key = f"vocab.{code}"
    return f"{code} {text(fw, key)}" if key in fw.source_texts else fw.category_label(code)


def index_name(fw) -> str:
    return text(fw, "vocab.index")


def status_name(status: str) -> str:
    """An assessment's workflow status (draft, validated...) in the app's language."""
    return _(status)


def not_a_ranking() -> None:
    st.info(_(NOT_A_RANKING), icon=":material/info:")


def fmt(value: float | None, digits: int = 0) -> str:
    return "-" if is_blank(value) else f"{value:.{digits}f}"


def pick_country(label: str | None = None, key: str = "country") -> tuple | None:
    """Select box over stored assessments; returns (country, year) or None."""
    items = state.assessments()
    if not items:
        st.warning(_("No assessments are stored yet. Upload one on the Upload page."))
        return None
    options = [(a.country, a.year) for a in items]
    names = {
        (a.country, a.year): f"{country_label(a.country, a.name)} ({a.country}) {a.year} - "
        f"{status_name(a.status)}"
        for a in items
    }
    label = label or _("Country")
    current = st.session_state.get(key)
    index = options.index(current) if current in options else 0
    choice = st.selectbox(label, options, index=index, format_func=names.get, key=f"{key}_box")
    st.session_state[key] = choice
    return choice


def run_caption(run: RunRecord) -> None:
    """Which profile, draws and seed made the intervals on this page (from the run record)."""
    st.caption(
        _(
            "Intervals: {interval} from {draws} Monte Carlo draws, seed {seed} (run profile "
            "'{profile}', roam {version})."
        ).format(
            interval=interval_name(run),
            draws=run.draws,
            seed=run.seed,
            profile=run.profile,
            version=run.roam_version,
        )
    )


def interval_name(run: RunRecord) -> str:
    """ "90% interval" in the app's language (the run record says which percentiles)."""
    low, high = run.percentiles
    return _("{percent}% interval").format(percent=f"{high - low:g}")


def intervals_name(run: RunRecord) -> str:
    """ "90% intervals" in the app's language."""
    low, high = run.percentiles
    return _("{percent}% intervals").format(percent=f"{high - low:g}")


def score_cards(record: dict, analysis: Analysis) -> None:
    """Index and categories as metric cards: score, interval, band and coverage in words."""
    fw, run = analysis.framework, analysis.run
    nodes = [(index_name(fw), record["index"])] + [
        (category_label(fw, c), n) for c, n in record["categories"].items()
    ]
    cols = st.columns(len(nodes))
    for col, (label, node) in zip(cols, nodes, strict=True):
        with col:
            if node["score"] is None:
                st.metric(label, _("insufficient data"))
                st.caption(reason_text(node.get("reason")))
                continue
            st.metric(label, fmt(node["score"]), help=_("Score from 0 to 100"))
            interval = span(fmt(node["low"]), fmt(node["high"])) if node["low"] is not None else "-"
            st.caption(
                _("**{band}** · {interval_name} {interval} · coverage {coverage}%").format(
                    band=band_name(node),
                    interval_name=interval_name(run),
                    interval=interval,
                    coverage=fmt(100 * node["coverage"]),
                )
            )


def band_name(node: dict) -> str:
    """A score's band (scoring.yaml) in the app's language."""
    band = node.get("band")
    return "" if is_blank(band) else _(str(band))


def span(low: str, high: str) -> str:
    """ "40 to 60" in the app's language."""
    return _("{low} to {high}").format(low=low, high=high)


def chart(spec: Any, width: str = "stretch") -> None:
    """Draw a chart from roam.export or roam.review in the app's language (see words.chart)."""
    st.vega_lite_chart(words.chart(spec), width=width)


def table(frame: pd.DataFrame, **kwargs) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)


def static_table(frame: pd.DataFrame) -> None:
    """A static table: long texts wrap instead of being cut, no click sorts it, and every cell
    is shown as plain text (roam.ui.tables)."""
    st.html(tables.html_table(frame))


def score_table(frame: pd.DataFrame) -> None:
    """Scores of several countries as a static table: it cannot be sorted by score into a
    league table, and long names wrap. Rows stay in the order given (by country code)."""
    static_table(frame)


def score_text(value: float | None) -> str:
    """One rounding for every score on screen: whole numbers, blank when there is none."""
    return "" if is_blank(value) else f"{value:.0f}"
