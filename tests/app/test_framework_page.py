"""The Framework page through AppTest: every control, provenance badges, links from the
scorecard, and the same read-only view for a visitor who is not signed in."""

from __future__ import annotations

import lxml.html
from streamlit.testing.v1 import AppTest

from tests.app.conftest import go, open_tab
from tests.app.test_access_app import deployment, signed_in  # noqa: F401  (fixture)


def _table(at: AppTest):
    return at.dataframe[0].value


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_framework_page_states_counts_and_lists_every_indicator(app):
    go(app, "framework")
    assert app.title[0].value == "Framework"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {
        "Themes": "25",
        "Questions": "124",
        "Indicators": "303",
        "Core indicators": "109",
    }
    assert any("25 of 124 questions and 28 of 303 indicators" in i.value for i in app.info)
    table = _table(app)
    assert len(table) == 303
    assert set(table["Wording"]) == {"Confirmed", "Reconstructed"}
    assert "303 of 303 indicators shown." in [c.value for c in app.caption]


def test_browse_category_theme_question_indicator_with_scale_and_goalposts(app):
    go(app, "framework")
    app.selectbox(key="fw_category").set_value("M").run()
    assert set(_table(app)["Indicator"].str[:1]) == {"M"}
    app.selectbox(key="fw_theme").set_value("M.C").run()
    assert app.selectbox(key="fw_question").options == [
        "All",
        *[o for o in app.selectbox(key="fw_question").options if o.startswith("M.C.")],
    ]
    app.selectbox(key="fw_question").set_value("M.C.3").run()
    assert list(_table(app)["Indicator"]) == ["M.C.3.1", "M.C.3.2", "M.C.3.3"]
    text = _markdown(app)
    assert ":green-badge[Confirmed]" in text and "ICANN" in text  # question detail with badges
    assert any("wiegehtsdeminternet" in c.value for c in app.caption)
    app.selectbox(key="fw_indicator").set_value("M.C.3.1").run()
    assert "Indicator M.C.3.1" in [h.value for h in app.subheader]
    assert any("Core indicator" in c.value for c in app.caption)
    levels = app.dataframe[1].value  # the choice scale's levels and points
    assert list(levels["Points"]) == [100.0, 50.0, 0.0]
    # a numeric indicator shows unit and goalposts
    app.selectbox(key="fw_category").set_value("A").run()
    assert app.selectbox(key="fw_theme").value == "All"  # narrower pickers reset
    app.selectbox(key="fw_indicator").set_value("A.C.1.1").run()
    text = _markdown(app)
    assert "Goalposts: 50 scores 0 and 0 scores 100" in text
    assert "Basis:" in text and "% of monthly GNI per capita" in text.replace("\\", "")


def test_core_filter_wording_filter_and_search(app):
    go(app, "framework")
    app.toggle(key="fw_core").set_value(True).run()
    assert len(_table(app)) == 109 and set(_table(app)["Core"]) == {"Yes"}
    app.selectbox(key="fw_provenance").set_value("Confirmed").run()
    confirmed_core = _table(app)
    assert len(confirmed_core) == 23 and set(confirmed_core["Wording"]) == {"Confirmed"}
    app.toggle(key="fw_core").set_value(False).run()
    assert len(_table(app)) == 28  # 23 core + contextual 1-5
    app.selectbox(key="fw_provenance").set_value("Reconstructed").run()
    assert len(_table(app)) == 303 - 28
    app.selectbox(key="fw_provenance").set_value("All").run()
    app.text_input(key="fw_search").input("governmental advisory").run()
    assert list(_table(app)["Indicator"]) == ["M.C.3.1", "M.C.3.2", "M.C.3.3"]  # via question
    app.text_input(key="fw_search").input("secure servers").run()
    assert list(_table(app)["Indicator"]) == ["A.E.1.2"]
    app.text_input(key="fw_search").input("R.C.2").run()
    assert list(_table(app)["Indicator"]) == ["R.C.2.1", "R.C.2.2", "R.C.2.3", "R.C.2.4"]
    app.text_input(key="fw_search").input("no such words anywhere").run()
    assert len(_table(app)) == 0


def test_version_picker_lists_the_installed_versions(app):
    go(app, "framework")
    picker = app.selectbox(key="fw_version")
    assert "2018" in picker.options and picker.value == "2018"
    picker.set_value("2018").run()
    assert not app.exception


def test_scorecard_rows_link_to_the_framework_page(app):
    go(app, "scorecard")
    themes = next(
        lxml.html.fromstring(el.proto.body)
        for el in app.get("html")
        if "framework?theme=" in el.proto.body
    )
    first_id = themes.xpath("//tbody/tr[1]/td[1]")[0].text_content()
    assert themes.xpath("//tbody/tr[1]//a/@href") == [f"framework?theme={first_id}"]
    open_tab(app, "Indicators")
    indicators = [d.value for d in app.dataframe if "Indicator" in d.value.columns]
    assert indicators[0]["Framework"].iloc[0] == (
        f"framework?indicator={indicators[0]['Indicator'].iloc[0]}"
    )
    # following a link opens the page at that item
    app.query_params["indicator"] = "R.C.2.3"
    go(app, "framework")
    assert app.selectbox(key="fw_category").value == "R"
    assert app.selectbox(key="fw_theme").value == "R.C"
    assert app.selectbox(key="fw_question").value == "R.C.2"
    assert app.selectbox(key="fw_indicator").value == "R.C.2.3"
    assert "Indicator R.C.2.3" in [h.value for h in app.subheader]


def test_theme_link_and_unknown_link(app):
    app.query_params["theme"] = "X.D"
    go(app, "framework")
    assert app.selectbox(key="fw_theme").value == "X.D"
    assert set(_table(app)["Theme"]) == {"X.D"}
    app.query_params.clear()
    app.query_params["theme"] = "Z.Z"
    go(app, "framework")
    assert any("Z\\.Z is not in framework 2018" in w.value for w in app.warning)


def test_public_visitor_reads_the_framework(deployment):  # noqa: F811
    at = signed_in(None)
    at.switch_page("roam/ui/pages/framework.py").run()
    assert not at.exception
    assert at.title[0].value == "Framework"
    assert len(at.dataframe[0].value) == 303
    assert [b.label for b in at.main.button] == []  # nothing to change here
    assert any("25 of 124 questions" in i.value for i in at.info)


def test_catalogue_text_is_shown_as_written_never_as_markdown():
    from roam.ui.pages.framework import plain

    text = "**bold** :red[alarm] $x$ <b>tag</b> [link](http://example.org)"
    escaped = plain(text)
    for markup in ("**", ":red[", "$x$", "<b>", "]("):
        assert markup not in escaped
    assert escaped.replace("\\", "") == text  # only escapes were added
