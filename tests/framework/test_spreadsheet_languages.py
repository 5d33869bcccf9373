"""The catalogue spreadsheet carries one text column per language (issue 17): exported from the
translation files, imported back into translation files of the new version."""

from __future__ import annotations

import io

import openpyxl
import pytest

from roam.framework import load_framework
from roam.framework.spreadsheet import export_catalogue, import_catalogue


@pytest.fixture(scope="module")
def fw():
    return load_framework("2018")


@pytest.fixture(scope="module")
def exported(fw) -> bytes:
    return export_catalogue(fw)


def _sheet(data: bytes, name: str):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[name]
    header = [c.value for c in ws[1]]
    return wb, ws, header


def test_every_text_column_has_a_column_per_language(fw, exported):
    _wb, ws, header = _sheet(exported, "Indicators")
    for lang in ("fr", "es", "ar"):
        for title in ("Theme", "Question", "Indicator", "Unit"):
            assert f"{title} ({lang})" in header
    row = [c.value for c in ws[2]]
    ident = row[header.index("Indicator ID")]
    assert row[header.index("Indicator (fr)")] == fw.text(ident, "fr")
    assert row[header.index("Indicator (ar)")] == fw.text(ident, "ar")
    assert row[header.index("Question (es)")] == fw.text(row[header.index("Question ID")], "es")
    _wb, ws, header = _sheet(exported, "Scales")
    levels = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    yes = next(r for r in levels if r[header.index("Level label")] == "Yes")
    assert yes[header.index("Level label (fr)")] == "Oui"
    assert yes[header.index("Level label (es)")] == "Sí"
    _wb, ws, header = _sheet(exported, "Categories")
    rights = next([c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value == "R")
    assert rights[header.index("Short name (fr)")] == "Droits"


def test_round_trip_keeps_every_translation(fw, exported, tmp_path):
    folder = import_catalogue(exported, "again", root=tmp_path)
    assert sorted(p.name for p in (folder / "i18n").iterdir()) == ["ar.yaml", "es.yaml", "fr.yaml"]
    again = load_framework("again", root=tmp_path)
    for lang, translation in fw.translations.items():
        copy = again.translations[lang]
        assert copy.texts == translation.texts
        assert copy.units == translation.units
        assert (copy.name, copy.direction, copy.notice) == (
            translation.name,
            translation.direction,
            translation.notice,
        )
        assert copy.missing == ()


def test_an_edited_cell_and_a_new_language_are_imported(fw, exported, tmp_path):
    wb, ws, header = _sheet(exported, "Indicators")
    row = 2
    ident = ws.cell(row, header.index("Indicator ID") + 1).value
    ws.cell(row, header.index("Indicator (fr)") + 1).value = "Texte revu par l'équipe."
    ws.cell(1, len(header) + 1).value = "Indicator (pt)"  # a team adds a language
    ws.cell(row, len(header) + 1).value = "Texto em português."
    buffer = io.BytesIO()
    wb.save(buffer)
    import_catalogue(buffer.getvalue(), "edited", root=tmp_path)
    edited = load_framework("edited", root=tmp_path)
    assert edited.text(ident, "fr") == "Texte revu par l'équipe."
    assert edited.text(ident, "es") == fw.text(ident, "es")
    portuguese = edited.translation("pt")
    assert portuguese.texts == {ident: "Texto em português."}
    assert portuguese.name == "Português" and portuguese.direction == "ltr"
    assert len(portuguese.missing) == portuguese.total - 1  # the rest reported untranslated
