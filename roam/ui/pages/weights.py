"""Weights what-if: change category and theme weights and watch scores and bands move."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from roam.access import AccessDenied
from roam.export.tables import level_table
from roam.i18n import N_, _
from roam.service import weights as weight_sets
from roam.ui import common, state
from roam.ui.pages.compare import selected_keys

EQUAL = N_("equal weights")


def render() -> None:
    st.title(_("Weights: what if?"))
    st.write(
        _(
            "Weights are relative within their group: doubling Rights doubles its share of the "
            "index. The framework itself sets no priorities, so equal weights are the "
            "default; this page shows how much the picture depends on that choice."
        )
    )
    keys = selected_keys("weights")
    if keys is None:
        return
    fw = state.load_version(*keys[0]).meta.framework
    from roam.framework import load_framework

    framework = load_framework(fw)
    in_index, scored = framework.index_categories, framework.scored_categories
    slider_ids = [*in_index] + [t.id for c in scored for t in framework.categories[c].themes]
    saved = weight_sets.weight_sets()
    st.selectbox(
        _("Start from"),
        [EQUAL, *saved],
        format_func=common.in_language(lambda name: _(EQUAL) if name == EQUAL else name),
        key="weights_start",
        on_change=_load_set,
        args=(saved, slider_ids),
        help=_("A weight set saved earlier on this page."),
    )
    weights: dict[str, float] = {}
    index = common.index_name(framework)
    st.subheader(_("Category weights in the {index}").format(index=index))
    cols = st.columns(len(in_index))
    for col, code in zip(cols, in_index, strict=True):
        weights[code] = col.slider(
            common.category_label(framework, code), 0.0, 3.0, 1.0, 0.25, key=f"w_{code}"
        )
    with st.expander(_("Theme weights within each category")):
        for code in scored:
            st.markdown(f"**{common.category_label(framework, code)}**")
            theme_cols = st.columns(3)
            for i, theme in enumerate(framework.categories[code].themes):
                name = common.text(framework, theme.id)
                weights[theme.id] = theme_cols[i % 3].slider(
                    f"{theme.id} {name}", 0.0, 3.0, 1.0, 0.25, key=f"w_{theme.id}"
                )
    if all(w == 0 for c, w in weights.items() if c in in_index):
        st.error(_("At least one category needs a weight above zero."))
        return
    changed = tuple(sorted((k, v) for k, v in weights.items() if v != 1.0))
    base = state.analysis_for(keys)
    custom = state.analysis_for(keys, changed) if changed else base
    st.subheader(_("{index}: equal weights and your weights").format(index=index))
    common.not_a_ranking()
    common.score_table(weight_effect(base, custom))
    cats = level_table(custom, "category")[["country", "id", "band"]]
    bands = cats.pivot(index="country", columns="id", values="band")[list(scored)]
    bands = bands.map(lambda b: _(b) if isinstance(b, str) else b)
    bands.columns = [_("{category} band").format(category=c) for c in bands.columns]
    common.score_table(bands.fillna("").reset_index().rename(columns={"country": _("Country")}))
    _save(changed, fw)


def weight_effect(base, custom) -> pd.DataFrame:
    """Per country (by code): index and band under equal weights and under the chosen ones."""
    before = level_table(base, "index")[["country", "score", "band"]]
    after = level_table(custom, "index")[["country", "score", "low", "high", "band"]]
    merged = before.merge(after, on="country", suffixes=("_equal", "_yours")).sort_values("country")
    return pd.DataFrame(
        {
            _("Country"): merged["country"],
            _("Index, equal weights"): merged["score_equal"].map(common.score_text),
            _("Band, equal weights"): merged["band_equal"].fillna("").map(_band),
            _("Index, your weights"): merged["score_yours"].map(common.score_text),
            _("90% interval, your weights"): [
                "" if pd.isna(lo) else common.span(common.score_text(lo), common.score_text(hi))
                for lo, hi in zip(merged["low"], merged["high"], strict=True)
            ],
            _("Band, your weights"): merged["band_yours"].fillna("").map(_band),
            _("Band changed"): [
                _("yes") if isinstance(a, str) and isinstance(b, str) and a != b else ""
                for a, b in zip(merged["band_equal"], merged["band_yours"], strict=True)
            ],
        }
    )


def _band(band: str) -> str:
    return _(band) if band else ""


def _load_set(saved: dict, slider_ids: list[str]) -> None:
    """Put a saved set's weights on the sliders (anything not in the set weighs 1)."""
    choice = st.session_state.get("weights_start")
    values: dict[str, float] = {}
    if choice in saved:
        values = weight_sets.read_weight_set(choice)
    for ident in slider_ids:
        st.session_state[f"w_{ident}"] = min(3.0, max(0.0, values.get(ident, 1.0)))


def _save(changed: tuple, framework: str) -> None:
    st.subheader(_("Save as a named weight set"))
    secure = state.secure()
    if not secure.can("save_weights"):
        st.caption(
            _("{user} cannot save weight sets; sign in to save one.").format(
                user=common.plain(secure.user.label)
            )
        )
    name = st.text_input(_("Name"), key="weights_name", placeholder=_("e.g. rights first"))
    if st.button(_("Save weight set"), key="weights_save", disabled=not changed):
        try:
            path = secure.save_weight_set(name, dict(changed), framework)
        except (AccessDenied, weight_sets.InvalidWeightSet) as exc:
            st.error(common.plain(str(exc)))
            return
        st.success(
            _("Saved {name}. Use it on the command line with --weights {path}.").format(
                name=path.name, path=path
            )
        )
    saved = sorted(p.name for p in weight_sets.weight_sets().values())
    if saved:
        st.caption(_("Saved sets: {names}").format(names=common.plain(", ".join(saved))))
    if not changed:
        st.caption(_("Move a slider to make a set worth saving."))
    st.dataframe(pd.DataFrame(list(changed), columns=[_("Item"), _("Weight")]), hide_index=True)


if __name__ == "__main__":  # run as a page script by st.navigation
    render()
