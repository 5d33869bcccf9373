"""Messages in the user's language, from gettext catalogues managed with Babel.

The sources are `roam/locale/<lang>/LC_MESSAGES/roam.po` (extracted from the code with
`pybabel extract -F babel.cfg -o roam/locale/roam.pot roam`, merged with `pybabel update`). They
are compiled in memory the first time a language is used, so there is no build step and nothing
is fetched at run time. Code marks text with `_()` (translate now) or `N_()` (translate later,
for text kept in constants), and never keeps a table of translated strings itself.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "roam"
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: ContextVar[str] = ContextVar("roam_language", default=SOURCE_LANGUAGE)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """English first, then every language with a message catalogue (installed with roam, so
    looked up once per process: the app asks on every rerun)."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *found)


def check_language(lang: str | None) -> str:
    """A supported language code, or a plain error naming the supported ones."""
    lang = (lang or SOURCE_LANGUAGE).strip().lower()
    if lang not in languages():
        raise ValueError(f"unknown language {lang!r} (available: {', '.join(languages())})")
    return lang


@lru_cache(maxsize=16)
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of one language, compiled from its .po file in memory (English: none)."""
    path = po_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return _gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def current_language() -> str:
    return _current.get()


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Run a block in a language: every `_()` inside it translates into that language."""
    token = _current.set(check_language(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def set_language(lang: str | None) -> str:
    """Switch the language for the rest of this context (a CLI run, an app session's run)."""
    _current.set(check_language(lang))
    return _current.get()


def gettext(message: str, lang: str | None = None) -> str:
    """`message` in `lang` (default: the current language); English when untranslated."""
    return translations(lang or _current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    return translations(lang or _current.get()).ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Mark text for extraction without translating it yet (constants, tables of labels)."""
    return message


def direction(lang: str | None = None) -> str:
    """'rtl' for languages written right to left (Arabic), else 'ltr'; from Unicode CLDR."""
    code = lang or _current.get()
    return "rtl" if Locale.parse(code).text_direction == "rtl" else "ltr"


def translations_of(message: str) -> set[str]:
    """A message in every language (English included): what a reader must recognise."""
    return {gettext(message, lang) for lang in languages()}


def country_name(name: str, lang: str | None = None) -> str:
    """An ISO 3166 country name (as pycountry spells it) in a language, from pycountry's own
    gettext catalogues; names pycountry does not know (training codes XA-XZ) stay as they are."""
    import pycountry

    code = lang or _current.get()
    if code == SOURCE_LANGUAGE:
        return name
    try:
        catalogue = _gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
    except OSError:
        return name
    return catalogue.gettext(name)


def message_coverage(lang: str) -> dict[str, int]:
    """How many of the extracted messages (roam.pot) the language's catalogue translates."""
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    done: set[str] = set()
    if lang == SOURCE_LANGUAGE:
        done = set(wanted)
    elif po_path(lang).is_file():
        with po_path(lang).open("rb") as handle:
            done = {m.id for m in read_po(handle, locale=lang) if m.id and m.string and not m.fuzzy}
    return {"messages": len(wanted), "translated": len(wanted & done)}


class Message(str):
    """A sentence kept in English (it *is* that English string: records, audit trails and logs
    keep it so) that can be said again in any language with `text()`.

    `template` is a catalogue message; a field may be another Message, a tuple of words (said
    joined by " / ") or anything else (shown as it is)."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, **fields: object) -> Message:
        english = template.format(**{k: _said(v, SOURCE_LANGUAGE) for k, v in fields.items()})
        made = super().__new__(cls, english)
        made.template, made.fields = template, fields
        return made

    def text(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the current language)."""
        code = lang or _current.get()
        fields = {k: _said(v, code) for k, v in self.fields.items()}
        return gettext(self.template, code).format(**fields)


def _said(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, tuple):
        return " / ".join(str(_said(v, lang)) for v in value)
    return value


def said(text: object, lang: str | None = None) -> str:
    """Any text a person reads: a Message in the language, anything else as it is."""
    return text.text(lang) if isinstance(text, Message) else str(text)
