"""The app in the user's language (issue 17): the sidebar switch, the address's `lang`, a
signed-in user's kept language, every page in French, Spanish and Arabic with real translated
labels, catalogue texts and country names, issues on Upload in the language, and right to left
for Arabic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

from roam.framework import load_framework
from roam.i18n import gettext, languages
from roam.questionnaire import check_questionnaire
from roam.ui import words
from roam.ui.language import RTL_CSS, language_names
from roam.ui.main import ADMIN_PAGES, PAGES
from roam.ui.text import plain
from tests.app.conftest import go, open_tab, static_tables
from tests.app.test_auth import deployment as deployment
from tests.app.test_auth import visit
from tests.app.test_upload import XLSX
from tests.helpers import edit_xlsx

REPO = Path(__file__).resolve().parents[2]
LANGS = ("fr", "es", "ar")
TEAM = {"is_logged_in": True, "email": "team@xa.example", "email_verified": True}


def _titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def _rtl(at: AppTest) -> bool:
    return any("direction: rtl" in str(h.proto.body) for h in at.get("html"))


def test_the_picker_offers_each_language_in_its_own_name():
    names = language_names()
    assert set(names) == set(languages())
    assert list(names.values()) == ["English", "Español", "Français", "العربية"]


def test_switching_in_the_sidebar_translates_every_page_and_keeps_the_choice(app):
    assert _titles(app) == ["roam: Internet Universality ROAM-X assessments"]
    assert app.query_params["lang"] == ["en"] or app.query_params["lang"] == "en"
    box = app.sidebar.selectbox(key="language_box")
    assert box.label == "Language" and box.value == "en"
    box.set_value("fr").run()
    assert not app.exception
    assert _titles(app) == ["roam : évaluations ROAM-X de l'Universalité de l'Internet"]
    assert app.sidebar.selectbox(key="language_box").label == "Langue"
    assert [m.label for m in app.metric][:2] == ["Indicateurs du cadre", "Indicateurs de base"]
    assert "Pays" in app.dataframe[0].value.columns
    assert not _rtl(app)
    # the choice follows the user from page to page, and is in the address
    go(app, "scorecard")
    assert _titles(app) == ["Tableau de bord"]
    assert [t.label for t in app.tabs] == [
        "Thèmes",
        "Indicateurs",
        "Contexte",
        "Conseil consultatif multipartite",
    ]
    assert str(app.query_params["lang"]).strip("[]'") == "fr"
    # back to English
    app.sidebar.selectbox(key="language_box").set_value("en").run()
    assert _titles(app) == ["Scorecard"]


def test_the_address_chooses_the_language(app):
    app.query_params["lang"] = "es"
    go(app, "overview")
    assert _titles(app) == ["roam: evaluaciones ROAM-X de Universalidad de Internet"]
    assert app.sidebar.selectbox(key="language_box").value == "es"
    app.query_params["lang"] = "xx"  # an unknown language is ignored, the session's stays
    go(app, "overview")
    assert _titles(app)[0].startswith("roam: evaluaciones")


def test_arabic_lays_the_page_out_right_to_left(app):
    app.sidebar.selectbox(key="language_box").set_value("ar").run()
    assert _rtl(app)
    assert _titles(app) == ["roam: تقييمات ROAM-X لعالمية الإنترنت"]
    assert "direction: rtl" in RTL_CSS


PAGE_TITLES = {
    "overview": "roam: Internet Universality ROAM-X assessments",
    "upload": "Upload a questionnaire",
    "scorecard": "Scorecard",
    "compare": "Compare countries",
    "change": "Change over time",
    "coverage": "Data coverage",
    "weights": "Weights: what if?",
    "export": "Export",
    "history": "History",
    "framework": "Framework",
    "review": "Review",
    "recommendations": "Recommendations",
    "users": "Users and access",
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_renders_in_the_language(app, lang):
    assert {name for name, _title, _icon in PAGES + ADMIN_PAGES} == set(PAGE_TITLES)
    app.sidebar.selectbox(key="language_box").set_value(lang).run()
    for page, english in PAGE_TITLES.items():
        go(app, page)
        translated = gettext(english, lang)
        assert translated != english, (lang, english)
        assert _titles(app) == [translated], (lang, page)
        assert _rtl(app) == (lang == "ar"), (lang, page)
    # the navigation's page names too (st.navigation keeps them in its page list)
    assert gettext("Overview", lang) != "Overview"


SCORECARD = {
    "fr": ("Version", "Catégories", "R Droits", "Indicateur", "Thèmes"),
    "es": ("Versión", "Categorías", "R Derechos", "Indicador", "Temas"),
    "ar": ("النسخة", "الفئات", "R الحقوق", "المؤشر", "المحاور"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_scorecard_labels_headers_and_catalogue_texts_are_translated(app, lang):
    version, categories, rights, indicator, themes = SCORECARD[lang]
    app.query_params["lang"] = lang
    go(app, "scorecard")
    assert app.selectbox(key="scorecard_version").label == version
    cats = app.multiselect(key="scorecard_theme_cats")
    assert cats.label == categories and rights in cats.options
    assert [t.label for t in app.tabs][1] == gettext("Indicators", lang)
    fw = load_framework()
    theme_table = next(t for t in static_tables(app) if gettext("Name", lang) in t.columns)
    first = theme_table.iloc[0]
    assert first[gettext("Name", lang)] == fw.text(first[gettext("Id", lang)], lang)
    assert themes in [t.label for t in app.tabs]
    # chart titles and axes are in the language as well
    spec = json.dumps(json.loads(app.get("vega_lite_chart")[0].proto.spec), ensure_ascii=False)
    assert gettext("Score (0-100)", lang) in spec
    assert gettext("Categories with {intervals}", lang).split("{")[0].strip() in spec
    open_tab(app, gettext("Indicators", lang))
    indicators = next(d.value for d in app.dataframe if indicator in d.value.columns)
    row = indicators.iloc[0]
    assert row[gettext("Text", lang)] == fw.text(row[indicator], lang)


@pytest.mark.parametrize(
    ("lang", "name"), [("fr", "Sénégal"), ("es", "Senegal"), ("ar", "السّنغال")]
)
def test_country_names_are_in_the_language(app, lang, name):
    app.query_params["lang"] = lang
    go(app, "upload")
    box = app.selectbox(key="tpl_country")
    assert box.label == gettext("Country", lang)
    box.set_value("SN").run()
    assert not app.exception
    button = next(b for b in app.download_button if b.key == "tpl_country_download")
    assert button.label == gettext("Download for {country}", lang).format(country=name)


def _with_a_mistake(path: Path, answer_header: str) -> bytes:
    def wrong(wb) -> None:
        ws = wb["R"]
        header = [c.value for c in ws[1]]
        ws.cell(2, header.index(answer_header) + 1).value = "???"

    return edit_xlsx(path.read_bytes(), wrong)


@pytest.mark.parametrize(
    ("lang", "sample", "answer"),
    [
        ("fr", "XC_Calvaria_core_fr.xlsx", "Réponse"),
        ("es", "XE_Estovia_core_es.xlsx", "Respuesta"),
        ("ar", "XC_Calvaria_core_ar.xlsx", "الإجابة"),
    ],
)
def test_upload_reports_issues_in_the_language(app, lang, sample, answer):
    app.query_params["lang"] = lang
    go(app, "upload")
    data = _with_a_mistake(REPO / "sample_data" / "languages" / sample, answer)
    app.file_uploader[0].set_value((sample, data, XLSX)).run()
    assert not app.exception, [e.value for e in app.exception]
    _assessment, report = check_questionnaire(data, filename=sample)
    issue = report.errors[0]
    expected = gettext(
        "{file}: not usable yet - {errors} problem(s) to fix, {warnings} warning(s). "
        "Nothing was stored.",
        lang,
    ).format(file=plain(sample), errors=len(report.errors), warnings=len(report.warnings))
    assert app.error[0].value == expected
    table = static_tables(app)[-1]
    assert list(table.columns[:3]) == [gettext(c, lang) for c in ("Severity", "Sheet", "Cell")]
    wrong = table[gettext("What is wrong", lang)].tolist()
    assert issue.text(lang) in wrong and issue.message not in wrong
    assert issue.fix(lang) in table[gettext("How to fix it", lang)].tolist()
    assert table[gettext("Severity", lang)].iloc[0] == gettext("error", lang)
    # the blank questionnaires offered are in the language
    assert any(
        b.label.startswith(gettext("Core set ({count} indicators)", lang)[:6])
        for b in app.download_button
    )


def test_a_signed_in_users_language_is_kept_with_the_account(deployment):
    first = visit(TEAM)
    assert not first.exception
    assert _titles(first)[0].startswith("roam: Internet")
    first.sidebar.selectbox(key="language_box").set_value("es").run()
    assert _titles(first)[0].startswith("roam: evaluaciones")
    # a new session (another day, another browser) opens in the kept language
    st.cache_data.clear()
    again = visit(TEAM)
    assert _titles(again)[0].startswith("roam: evaluaciones")
    assert again.sidebar.selectbox(key="language_box").value == "es"
    # a visitor who is not signed in starts in English
    visitor = visit({"is_logged_in": False})
    assert _titles(visitor)[0].startswith("roam: Internet")


def test_data_words_shown_by_the_app_are_in_the_catalogues():
    """Bands (scoring.yaml), review labels (review.yaml) and register labels
    (recommendations.yaml) are marked in roam/ui/words.py; none may be missing there."""
    scoring = yaml.safe_load((REPO / "indicators" / "2018" / "scoring.yaml").read_text())
    assert {b["name"] for b in scoring["bands"]} <= set(words.BANDS)
    assert {b["description"] for b in scoring["bands"]} <= set(words.BAND_DESCRIPTIONS)
    review = yaml.safe_load((REPO / "indicators" / "2018" / "review.yaml").read_text())
    labels = {r["label"] for r in review["scale"]} | {
        v["label"] for v in review["verdicts"].values()
    }
    assert labels | set(review["outcomes"].values()) <= set(words.REVIEW)
    register = yaml.safe_load((REPO / "indicators" / "recommendations.yaml").read_text())
    assert {s["label"] for s in register["statuses"] + register["priorities"]} <= set(
        words.REGISTER
    )
    from roam.service import STATUSES

    assert set(STATUSES) <= set(words.WORKFLOW)
    for lang in LANGS:
        assert all(gettext(w, lang) != w for w in words.BANDS + words.WORKFLOW)
