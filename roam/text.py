"""User text made safe for each place it is shown: never markup, never a path, never a layout.

Names, notes and evidence are typed by people; an output shows them as the characters they
typed. ``one_line`` keeps a short single line (control characters and line breaks become
spaces); ``markdown_text`` backslash-escapes every ASCII punctuation mark, which CommonMark
always reads as the literal character, so no link, image, emphasis, HTML tag or Streamlit
directive (``:red[...]``) can form.
"""

from __future__ import annotations

import re
import unicodedata

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def one_line(text: object, limit: int = 120) -> str:
    """One line of at most ``limit`` characters ("..." marks a cut)."""
    raw = "" if text is None else str(text)
    cleaned = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in raw)
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 3].rstrip() + "..."


def markdown_text(text: object, limit: int = 120) -> str:
    """``text`` as literal characters inside Markdown."""
    return _PUNCTUATION.sub(r"\\\1", one_line(text, limit))
