"""The terminology review: same concept, same term, in every translation file."""

from __future__ import annotations

from roam.framework import load_framework
from roam.framework.terminology import (
    check_catalogue,
    check_messages,
    check_pairs,
    load_glossary,
)


def test_catalogue_translations_keep_the_glossary():
    departures = check_catalogue(load_framework("2018"))
    assert [str(d) for d in departures] == []


def test_messages_keep_the_glossary():
    assert [str(d) for d in check_messages(load_framework("2018"))] == []


def test_a_departure_is_found_and_named():
    fw = load_framework("2018")
    glossary = load_glossary(fw.folder / "i18n" / "glossary.yaml")
    pairs = [
        ("R.B", "Freedom of expression", "Libre expression"),  # not the agreed term
        (
            "R.B.1",
            "Is freedom of expression protected?",
            "La liberté d'expression est-elle protégée ?",
        ),
        ("M.B.1", "A multistakeholder forum", "un forum multipartite"),
    ]
    found = check_pairs(pairs, "fr", glossary)
    assert [(d.key, d.term) for d in found] == [("R.B", "freedom_of_expression")]
    assert (
        str(found[0])
        == "fr: R.B: uses 'freedom_of_expression' in English but not \"liberté d'expression\""
    )


def test_unesco_terms_are_in_the_glossary():
    fw = load_framework("2018")
    glossary = load_glossary(fw.folder / "i18n" / "glossary.yaml")
    assert glossary["internet_universality"]["fr"] == "Universalité de l'Internet"
    assert glossary["core_indicators"]["fr"].startswith("indicateurs? de base")
    assert glossary["mab"]["fr"] == "Conseil consultatif multipartite"
