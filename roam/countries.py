"""Country names and codes: ISO 3166 via pycountry, plus user-assigned XA-XZ for training data."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

USER_ASSIGNED = re.compile(r"^X[A-Z]$")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    user_assigned: bool = False


class UnknownCountry(ValueError):
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
