"""Upload names kept as safe display names (roam/store/records.py; issue 11, item 7)."""

from __future__ import annotations

import pytest

from roam.store.records import display_name


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("XA_Aurelia_full.xlsx", "XA_Aurelia_full.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\evil.xlsx", "evil.xlsx"),
        ("a/b/../c\nd  e.xlsx", "c d e.xlsx"),
        ("abc\x00\x1b[31m.xlsx", "abc [31m.xlsx"),
        ("....", "upload.xlsx"),
        ("", "upload.xlsx"),
        (None, None),
    ],
)
def test_display_names(typed, kept):
    assert display_name(typed) == kept


def test_long_names_keep_their_extension():
    name = display_name("x" * 500 + ".xlsx")
    assert len(name) == 120 and name.endswith(".xlsx")
