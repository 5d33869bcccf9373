"""User text as text: nothing anyone types may become Markdown, HTML, a link or an image."""

from __future__ import annotations

import re

MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:$&=\"'])")
# Streamlit's Markdown turns bare addresses into links after escapes are read (GFM autolink
# literals): an invisible zero-width space breaks "http://", "www." and "name@host" apart.
AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)|(?=@)")
BREAK = "\u200b"


def plain(text: object) -> str:
    """User text made inert for Streamlit's Markdown: every punctuation mark is escaped and
    addresses are broken, so a name never becomes a link, an image, HTML, a colour directive or
    a formula. It reads the same on screen."""
    flat = " ".join(str(text).split())  # no line breaks: no headings or lists either
    return MARKUP.sub(r"\\\1", AUTOLINK.sub(BREAK, flat))
