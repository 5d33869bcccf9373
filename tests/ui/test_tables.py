"""Static tables: user text stays text (no Markdown, no HTML), blanks stay blank, numbers read
as numbers; checked by reading the HTML back with lxml, not with roam's writer."""

from __future__ import annotations

import io

import lxml.html
import pandas as pd

from roam.ui.tables import CLASS, Link, html_table

HOSTILE = [
    "[click me](http://evil.example/x)",
    "![](http://track.example/pixel.png)",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://evil.example")',
    ":red[RANK 1]",
    "**bold** & <b>tags</b>",
]


def test_user_text_is_shown_exactly_as_typed_and_never_becomes_markup():
    frame = pd.DataFrame({"Recommendation": HOSTILE, "Note": ["x"] * len(HOSTILE)})
    tree = lxml.html.fromstring(html_table(frame))
    assert tree.get("class") == CLASS
    cells = [td.text_content() for td in tree.xpath("//tbody/tr/td[1]")]
    assert cells == HOSTILE  # read back as the same characters
    # nothing but the table's own elements: no link, image, bold or script was made
    assert {el.tag for el in tree.iter()} == {"table", "thead", "tbody", "tr", "th", "td"}


def test_blanks_numbers_and_headers():
    frame = pd.DataFrame(
        {"Country": ["XA", "XB"], "Score": [67.0, float("nan")], "Note": [None, "low <coverage>"]}
    )
    back = pd.read_html(io.StringIO(html_table(frame)), flavor="lxml", keep_default_na=False)[0]
    assert list(back.columns) == ["Country", "Score", "Note"]
    assert back.loc[0, "Score"] == "67" and back.loc[1, "Score"] == ""  # 67.0 shown as 67
    assert back.loc[0, "Note"] == "" and back.loc[1, "Note"] == "low <coverage>"
    tree = lxml.html.fromstring(html_table(frame))
    assert tree.xpath("//tbody/tr[1]/td[2]/@class") == ["number"]  # numbers align as numbers
    assert tree.xpath("//tbody/tr[1]/td[1]/@class") == []


def test_a_link_cell_is_the_one_element_a_table_may_hold_and_its_text_is_escaped():
    frame = pd.DataFrame(
        {"Id": ["R.A"], "Framework": [Link("definition <b>", 'framework?theme=R.A&x="1"')]}
    )
    tree = lxml.html.fromstring(html_table(frame))
    (link,) = tree.xpath("//tbody//a")
    assert (
        link.get("href") == 'framework?theme=R.A&x="1"' and link.text_content() == "definition <b>"
    )
    assert link.get("target") == "_blank" and link.get("rel") == "noopener"
