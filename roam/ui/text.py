"""User text as text: nothing anyone types may become Markdown, HTML, a link or an image."""

from __future__ import annotations

import re

MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:$&=\"'])")


def plain(text: object) -> str:
    """User text made inert for Streamlit's Markdown: every punctuation mark is escaped, so a
    name can never become a link, an image, HTML, a colour directive or a formula."""
    flat = " ".join(str(text).split())  # no line breaks: no headings or lists either
    return MARKUP.sub(r"\\\1", flat)
