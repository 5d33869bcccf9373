"""Country names and codes: ISO 3166 via pycountry, plus user-assigned XA-XZ for training data."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from roam.errors import RoamError

USER_ASSIGNED = re.compile(r"^X[A-Z]$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    user_assigned: bool = False


class UnknownCountry(RoamError, ValueError):
    pass


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
    except LookupError:
        raise UnknownCountry(raw) from None
    common = getattr(found, "common_name", None) or found.name
    return Country(found.alpha_2, common)


def display_name(code: str, typed: str | None = None) -> str:
    """The name outputs show for a country: ISO 3166's name for a real code, whatever was typed
    in the questionnaire. For the user-assigned codes of fictional data (XA-XZ) there is no ISO
    name, so the typed name is shown, as one line of plain text (callers still escape it for
    their format). Falls back to the code itself."""
    from roam.text import one_line

    upper = (code or "").strip().upper()
    if USER_ASSIGNED.match(upper):
        return one_line(typed, 60) or f"Fictional country {upper}"
    try:
        return resolve_country(upper).name
    except UnknownCountry:
        return upper or "unknown country"
