"""Country names typed in UNESCO's languages and everyday spellings find their ISO code."""

from __future__ import annotations

import pytest

from roam.countries import UnknownCountry, display_name, resolve_country


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Sénégal", "SN"),
        ("senegal", "SN"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Allemagne", "DE"),
        ("Alemania", "DE"),
        ("Германия", "DE"),
        ("Republic of Korea", "KR"),
        ("KEN", "KE"),
        ("ke", "KE"),
    ],
)
def test_names_in_working_languages_and_common_spellings(typed, code):
    assert resolve_country(typed).code == code


def test_display_name_comes_from_the_code_not_the_typing():
    assert resolve_country("Sénégal").name == "Senegal"
    assert display_name("CI") == "Côte d'Ivoire"
    assert display_name("xb") == "Fictional country XB"
    assert display_name("XB", "Borealis") == "Borealis"


def test_unknown_name_is_refused():
    with pytest.raises(UnknownCountry):
        resolve_country("Narnia")


def test_display_name_is_in_the_current_language():
    """Exports in a language name real countries in it (pycountry's catalogues); fictional
    training countries keep the name typed in the questionnaire."""
    from roam.countries import display_name
    from roam.i18n import language

    with language("fr"):
        assert display_name("SN") == "Sénégal"
        assert display_name("XA", "Aurelia") == "Aurelia"
    with language("es"):
        assert display_name("CI") == "Costa de Marfíl"
    assert display_name("SN") == "Senegal"
