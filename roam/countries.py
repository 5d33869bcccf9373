"""Country names and codes: ISO 3166 via pycountry, plus user-assigned XA-XZ for training data.

Names are accepted in English and in UNESCO's other official languages (French, Spanish, Arabic,
Chinese, Russian) from pycountry's own translations, and without accents or punctuation, so
"Sénégal", "Senegal" and "Cote d'Ivoire" all find their country. The display name always comes
from the code, never from what was typed.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from dataclasses import dataclass

import pycountry

from roam.errors import RoamError

USER_ASSIGNED = re.compile(r"^X[A-Z]$")
# UNESCO's working languages (English, French) and the other official languages of the UN system
NAME_LANGUAGES = ("fr", "es", "ar", "zh_CN", "ru")
# Everyday spellings that no ISO name or translation covers
COMMON_NAMES = {
    "ivory coast": "CI",
    "cape verde": "CV",
    "swaziland": "SZ",
    "macedonia": "MK",
    "burma": "MM",
    "east timor": "TL",
    "holland": "NL",
    "great britain": "GB",
    "uk": "GB",
    "usa": "US",
    "us": "US",
    "united states of america": "US",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "laos": "LA",
    "vietnam": "VN",
    "syria": "SY",
    "iran": "IR",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "czech republic": "CZ",
    "turkey": "TR",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "republic of the congo": "CG",
    "vatican": "VA",
    "palestine": "PS",
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    user_assigned: bool = False


class UnknownCountry(RoamError, ValueError):
    pass


def normalise(name: str) -> str:
    """Case, accents, apostrophes and punctuation do not tell two country names apart."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("&", " and ")
    plain = re.sub(r"[\W_]+", " ", plain)
    return re.sub(r"^the ", "", plain.strip())


@functools.cache
def _names() -> dict[str, str]:
    """Every accepted spelling (normalised) -> alpha-2 code."""
    index: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in NAME_LANGUAGES
    ]
    for c in pycountry.countries:
        english = [
            c.name,
            getattr(c, "common_name", None),
            getattr(c, "official_name", None),
        ]
        spellings = [n for n in english if n]
        spellings += [_inverted(n) for n in spellings if ", " in n]
        for t in translations:
            spellings += [t.gettext(n) for n in english if n]
        for spelling in spellings:
            index.setdefault(normalise(spelling), c.alpha_2)
    for spelling, code in COMMON_NAMES.items():
        index.setdefault(normalise(spelling), code)
    return index


def _inverted(name: str) -> str:
    """ISO's "Korea, Republic of" as people write it: "Republic of Korea"."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}"


def _iso_name(code: str) -> str:
    """The country's English name from its code (the short common form where ISO has one)."""
    found = pycountry.countries.get(alpha_2=code.upper())
    if found is None:
        return code.upper()
    return getattr(found, "common_name", None) or found.name


def resolve_country(text: str, name: str | None = None) -> Country:
    """Accept an alpha-2/alpha-3 code or a name; fail loudly on anything else (as OWID's etl)."""
    raw = (text or "").strip()
    if not raw:
        raise UnknownCountry("no country given")
    upper = raw.upper()
    if USER_ASSIGNED.match(upper):
        return Country(upper, (name or "").strip() or f"Fictional country {upper}", True)
    try:
        found = pycountry.countries.lookup(raw)
        code = found.alpha_2
    except LookupError:
        code = _names().get(normalise(raw))
        if code is None:
            raise UnknownCountry(raw) from None
    return Country(code, _iso_name(code))


def display_name(code: str, typed: str | None = None) -> str:
    """The name outputs show for a country: ISO 3166's name for a real code, whatever was typed
    in the questionnaire. For the user-assigned codes of fictional data (XA-XZ) there is no ISO
    name, so the typed name is shown, as one line of plain text (callers still escape it for
    their format). Falls back to the code itself. ISO names are in the current language."""
    from roam.text import one_line

    upper = (code or "").strip().upper()
    if USER_ASSIGNED.match(upper):
        return one_line(typed, 60) or f"Fictional country {upper}"
    from roam.i18n import country_name

    try:
        return country_name(resolve_country(upper).name)  # in the current language
    except UnknownCountry:
        return upper or "unknown country"
