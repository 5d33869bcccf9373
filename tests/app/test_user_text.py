"""User text is shown as text: a hostile country name never becomes Markdown in the app."""

from __future__ import annotations

import io

import openpyxl

from roam.store import Store
from roam.ui.text import plain
from tests.app.conftest import REPO, go

HOSTILE = ":red[OFFICIAL UNESCO RANK 1] ![t](http://host/track.png) [link](http://evil.example)"


def test_plain_escapes_every_markdown_construct():
    shown = plain(HOSTILE + "\n# heading <b>bold</b>")
    for raw in (":red[", "![t](", "[link](", "<b>", "\n"):
        assert raw not in shown
    assert shown.startswith("\\:red\\[OFFICIAL UNESCO RANK 1\\]")


def _hostile_sample(code: str, name: str) -> bytes:
    wb = openpyxl.load_workbook(REPO / "sample_data" / "XB_Borealis_full.xlsx")
    ws = wb["Assessment"]
    for row in ws.iter_rows():
        if row[0].value == "Country":
            row[1].value = name
        if row[0].value == "ISO code":
            row[1].value = code
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_hostile_name_is_text_on_scorecard_and_real_codes_use_their_own_name(app):
    Store().ingest([("x.xlsx", _hostile_sample("XQ", HOSTILE))], user="test")
    Store().ingest([("k.xlsx", _hostile_sample("KE", HOSTILE))], user="test")
    go(app, "scorecard")
    app.selectbox(key="country_box").set_value(("XQ", 2025)).run()
    heading = app.subheader[0].value
    assert heading.startswith("\\:red\\[OFFICIAL") and "](http" not in heading
    app.selectbox(key="country_box").set_value(("KE", 2025)).run()
    assert app.subheader[0].value == "Kenya (KE), 2025"  # the name from the code
    go(app, "overview")
    table = app.dataframe[0].value.set_index("Code")
    assert table.loc["KE", "Country"] == "Kenya"
    assert table.loc["KE", "Name as typed"] == HOSTILE  # kept, shown as text in a table
