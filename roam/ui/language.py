"""The app's language: picked in the sidebar, carried in the address (`?lang=fr`) and the
session, and kept with a signed-in user's account; Arabic lays every page out right to left.

Every run starts by choosing the language (`choose()`), so each `_()` of the pages that follow
translates into it. The names in the picker are the languages' own names, from the catalogue
translation files (English from CLDR via Babel).
"""

from __future__ import annotations

import contextlib

import streamlit as st
from babel import Locale

from roam.framework import load_framework
from roam.i18n import SOURCE_LANGUAGE, _, current_language, direction, languages, set_language

LANG_KEY = "lang"  # the session's language, and the address's query parameter
BOX_KEY = "language_box"
# Right to left for the whole page; charts keep their own drawing direction (their axes are
# laid out by Vega, not by the page) and numbers in tables stay readable.
RTL_CSS = """<style>
.stApp, [data-testid="stSidebar"], [data-testid="stMain"] { direction: rtl; text-align: right; }
.stApp :is(h1, h2, h3, h4, h5, h6, p, li, label, [data-testid="stMarkdownContainer"],
  [data-testid="stCaptionContainer"], [data-testid="stHeading"]) { text-align: right !important; }
[data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"] { direction: ltr; }
</style>"""


def language_names() -> dict[str, str]:
    """Code -> the language's name in itself, ordered by that name (English, Español, ...)."""
    fw = load_framework()
    names = {}
    for code in languages():
        if code in fw.translations:
            names[code] = fw.translation(code).name
        else:
            names[code] = Locale.parse(code).get_display_name(code).capitalize()
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


def _valid(code: object) -> str | None:
    text = str(code or "").strip().lower()
    return text if text in languages() else None


def _stored(secure_store) -> str | None:
    try:
        return _valid(secure_store().preferred_language())
    except Exception:  # noqa: BLE001 - a preference that cannot be read must not stop the app
        return None


def choose(secure_store) -> str:
    """The language of this run: the address's `lang`, else the session's, else the one kept
    with the user's account, else English; switched on for every `_()` that follows."""
    lang = (
        _valid(st.query_params.get(LANG_KEY))
        or _valid(st.session_state.get(LANG_KEY))
        or _stored(secure_store)
        or SOURCE_LANGUAGE
    )
    st.session_state[LANG_KEY] = lang
    if st.query_params.get(LANG_KEY) != lang:
        st.query_params[LANG_KEY] = lang
    return set_language(lang)


def layout() -> None:
    """Right-to-left layout for a right-to-left language, and the file uploaders' own words in
    the language (style blocks, no script)."""
    if direction() == "rtl":
        st.html(RTL_CSS)
    if current_language() != SOURCE_LANGUAGE:
        st.html(uploader_css())


# Streamlit has no language setting: its file uploader says "Upload", "20MB per file • XLSX" and,
# while a file is dragged over it, "Drag and drop a file here" in English. These rules blank those
# texts (font size 0, within the uploader's own test ids) and show the catalogue's translation in
# their place, at Streamlit's size for them (14px).
UPLOADER_CSS = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after
  { content: "%(upload)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after
  { content: "%(limit)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span { font-size: 0 !important; }
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span::after
  { content: "%(drop)s"; font-size: 0.875rem; }
[data-testid="stFileUploaderDropzone"]:has(input[multiple]) > div:not([data-testid]) > span::after
  { content: "%(drop_many)s"; }
</style>"""


def _css_string(text: str) -> str:
    """Text as the inside of a CSS string: quotes, backslashes and angle brackets escaped."""
    return "".join(c if c.isalnum() or c in " .,:;()%-•" else f"\\{ord(c):x} " for c in text)


def uploader_css() -> str:
    """The uploader's words in the current language (both of the app's uploaders take .xlsx)."""
    size = st.get_option("server.maxUploadSize")
    limit = _("{size} MB per file • {types}").format(size=size, types="XLSX")
    return UPLOADER_CSS % {
        "upload": _css_string(_("Browse files")),
        "limit": _css_string(limit),
        "drop": _css_string(_("Drag and drop a file here")),
        "drop_many": _css_string(_("Drag and drop files here")),
    }


def picker(secure_store) -> None:
    """The language selector at the top of the sidebar."""
    names = language_names()
    current = st.session_state.get(LANG_KEY, SOURCE_LANGUAGE)
    if st.session_state.get(BOX_KEY) != current:
        st.session_state[BOX_KEY] = current

    def changed() -> None:
        lang = st.session_state[BOX_KEY]
        st.session_state[LANG_KEY] = lang
        st.query_params[LANG_KEY] = lang
        with contextlib.suppress(Exception):  # the session keeps it even if the store cannot
            secure_store().remember_language(lang)

    st.sidebar.selectbox(
        _("Language"),
        list(names),
        format_func=names.get,
        key=BOX_KEY,
        on_change=changed,
    )
