"""The sheets of a questionnaire in every language: what a template names them, and how the
reader finds them whatever language (or mix of languages) a workbook uses.

Every sheet is known by its English name (its role); `sheet_name` gives its name in a language,
`find_sheets` maps the roles to the names a workbook actually has.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from roam.framework.models import normalise_label
from roam.i18n import current_language, gettext, languages
from roam.questionnaire import layout as L
from roam.questionnaire.vocab import check_sheet_name, vocabulary


def category_roles() -> dict[str, str]:
    """Category code -> the English name of its sheet."""
    return dict(vocabulary().category_sheets)


def roles() -> list[str]:
    """Every sheet roam writes, by English name, in the order a template has them."""
    return [L.INSTRUCTIONS, L.ASSESSMENT, *category_roles().values(), L.MAB, L.LISTS]


def required_roles() -> list[str]:
    """The sheets a questionnaire cannot be read without."""
    return [L.ASSESSMENT, *category_roles().values(), L.MAB]


def sheet_name(role: str, lang: str | None = None) -> str:
    """The sheet `role` (its English name) as a template in `lang` names it (default: the current
    language). Layout sheets come from the message catalogues, category sheets from the
    vocabulary's translations; MAB and the hidden metadata sheet keep their names."""
    lang = lang or current_language()
    if role in L.TRANSLATED_SHEETS:
        return check_sheet_name(gettext(role, lang))
    code = next((c for c, name in category_roles().items() if name == role), None)
    if code is not None:
        return vocabulary().category_sheet(code, lang)
    return role


def category_sheets(lang: str | None = None) -> dict[str, str]:
    """Category code -> its sheet's name in `lang`."""
    return {code: sheet_name(role, lang) for code, role in category_roles().items()}


def candidates(role: str) -> list[str]:
    """Every name the sheet `role` has in some language, English first."""
    return list(_candidates(role))


@lru_cache(maxsize=64)
def _candidates(role: str) -> tuple[str, ...]:
    # catalogues and vocabulary are read once per process, so the names never change in it
    return tuple(dict.fromkeys(sheet_name(role, lang) for lang in languages()))


def _key(name: str) -> str:
    return normalise_label(name)  # Excel compares sheet names without regard to case


def find_sheets(found: Iterable[str]) -> dict[str, str]:
    """Role (English name) -> the workbook's sheet for it, for every role the workbook has.

    A sheet named in any supported language is found, whatever language the workbook records,
    so an English-named workbook, a French one, or one with sheets of both reads alike. Where a
    workbook has a sheet for a role in two languages, the English name, then the first language
    in the order of `languages()`, wins (the other is left unread, like any extra sheet)."""
    names = list(found)
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    present = set(names)
    out: dict[str, str] = {}
    for role, names_of_role in _table():
        for candidate in names_of_role:
            if candidate in present:
                out[role] = candidate
                break
        else:
            match = next((by_key[_key(c)] for c in names_of_role if _key(c) in by_key), None)
            if match is not None:
                out[role] = match
    return out


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((role, _candidates(role)) for role in roles())


def all_candidates() -> list[str]:
    """Every name any sheet of a questionnaire has in any language (metadata sheet first)."""
    return [L.META, *(name for _, names in _table() for name in names)]
